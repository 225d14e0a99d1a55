"""One registry per code list: the data package holds the codes and their order; every code has
its colour or symbol (config) and its label in both languages (i18n), and nothing else has more."""

import json

import pytest
from fixtures import contrast

from components.config import CODE_STYLES, EXTRA_CODES, FORCE_COLOURS, LANES, LANGUAGES, PALETTE
from components.data import DEFAULT_DATA_DIR, load_tables
from components.i18n import STRINGS, t
from components.schema import enum_codes
from components.security_codes import COUNTRIES

THIRD_PARTY = {("conflict_events", "country"): COUNTRIES}  # UCDP's country names → ISO3
PACKAGE = json.loads((DEFAULT_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
ENUMS = {
    (resource["name"], field["name"]): field["constraints"]["enum"]
    for resource in PACKAGE["resources"]
    for field in resource.get("schema", {}).get("fields", [])
    if "enum" in field.get("constraints", {})
}


@pytest.mark.parametrize("code_list", sorted(CODE_STYLES), ids=".".join)
def test_every_code_has_its_style_and_label_in_both_languages(code_list):
    styles, prefix = CODE_STYLES[code_list]
    codes = enum_codes(PACKAGE, *code_list)
    extras = list(EXTRA_CODES.get(".".join(code_list), ()))
    if styles is not None:
        assert list(styles) == codes + extras, "colours must follow the package's codes and order"
    if prefix is not None:
        for code in codes + extras:
            key = f"{prefix}.{code}"
            assert key in STRINGS, key
            assert all(t(key, lang).strip() for lang in LANGUAGES), key


@pytest.mark.parametrize("code_list", sorted(ENUMS), ids=".".join)
def test_every_code_list_of_the_package_is_registered_or_shares_a_registered_one(code_list):
    shared = [known for known in CODE_STYLES if ENUMS[known] == ENUMS[code_list]]
    if code_list in THIRD_PARTY:  # a third party's own values, mapped to the app's codes
        assert set(ENUMS[code_list]) <= set(THIRD_PARTY[code_list]), code_list
        return
    assert code_list in CODE_STYLES or shared or code_list == ("corrections", "table"), code_list


def test_every_force_has_a_colour_and_every_lane_a_label():
    forces = load_tables("forces")["forces"]
    assert sorted(FORCE_COLOURS) == sorted(forces["force_id"])
    for lane in LANES:
        assert all(t(f"lane.{lane}", lang).strip() for lang in LANGUAGES)


@pytest.mark.parametrize("background", ["#FFFFFF", "#0E1117"], ids=["light", "dark"])
def test_every_palette_colour_stands_out_3_to_1_on_either_themes_background(background):
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)  # the formula itself
    weak = {name: round(contrast(colour, background), 2) for name, colour in PALETTE.items()}
    assert {name: ratio for name, ratio in weak.items() if ratio < 3} == {}


def test_every_organisation_has_a_short_label_in_both_languages():
    """Tables show ECOWAS as « CEDEAO » in French: each organisation's short name lives in i18n."""
    for code in load_tables("organisations")["organisations"]["org_id"]:
        assert f"org.{code}" in STRINGS, code
        assert all(t(f"org.{code}", lang).strip() for lang in LANGUAGES), code
    assert t("org.ECOWAS", "fr") == "CEDEAO"
