"""Derived facts of advisor.sachverhalt that the rules read."""

from __future__ import annotations

import pytest

import rules
from advisor.bewerten import sachverhalt_der_leistung
from advisor.parsing import parse_fallakte
from tests.conftest import EXAMPLES_DIR


def _fall(art: str, rechtsform: str):
    text = (EXAMPLES_DIR / "personalabrechnung-mandatierend.yaml").read_text(encoding="utf-8")
    text = text.replace("art: kreis,", f"art: {art},", 1).replace(
        "rechtsform: oerv_mandatierend", f"rechtsform: {rechtsform}"
    )
    return parse_fallakte(text)


@pytest.mark.parametrize(
    ("art", "rechtsform", "erwartet"),
    [
        ("zweckverband", "oerv_mandatierend", True),
        ("anstalt_oeffentlichen_rechts", "oerv_mandatierend", True),
        ("kreis", "gemeinsames_kommunalunternehmen", True),
        ("kreis", "zweckverband", True),
        ("kreis", "oerv_delegierend", False),
        ("stadt", "oerv_mandatierend", False),
    ],
)
def test_a_provider_is_a_cost_sharing_association_only_as_zweckverband_aoer_or_gku(art, rechtsform, erwartet) -> None:
    sv = sachverhalt_der_leistung(_fall(art, rechtsform), 0, rules.load_rules(), None)
    assert sv.fakten["erbringer_ist_zusammenschluss"] is erwartet


def test_catalogue_defaults_are_marked_and_case_facts_are_not() -> None:
    sv = sachverhalt_der_leistung(_fall("kreis", "oerv_mandatierend"), 0, rules.load_rules(), None)
    assert {"vermessung_kataster", "anhang_i_taetigkeit", "personalgestellung"} <= sv.aus_katalog
    assert "private_anbieter_am_markt" not in sv.aus_katalog  # the example states it itself
    assert sv.fakten["anhang_i_taetigkeit"] == "keine"
