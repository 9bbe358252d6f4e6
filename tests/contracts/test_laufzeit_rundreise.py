"""The end of a term means its last day (issue 18.4): the contract field ``laufzeit.letzter_tag``,
the version-1 field ``ende`` (exclusive) kept with its meaning, the five-year rule's boundaries,
and the round trip web form → case → draft → form again, and inventory row → the same case."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from advisor.bewerten import assess
from advisor.errors import UngueltigeEingabe
from advisor.fallakte import Laufzeit
from advisor.parsing import fallakte_aus_dict
from advisor.screening import Screeningvorgaben, parse_rows
from advisor.screening.fallakte_bau import fallakte_aus_bestandszeile
from advisor.screening.portfolio import Portfoliowerte
from api.web.form_fallakte import fallakte_dict_aus_formular, form_state
from contracts import assemble
from contracts.formatting import NBSP
from rules_loader import load_rules
from tests.contracts.conftest import STAND, beratung_mit_ergebnis
from tests.contracts.conftest import example_daten as daten
from tests.screening.conftest import AUFGABENFELDER, tabelle, zeile


def _mit_laufzeit(name: str, laufzeit: dict[str, object]):
    d = daten(name)
    d["leistungen"][0]["laufzeit"] = laufzeit
    return fallakte_aus_dict(d)


@pytest.mark.parametrize(
    "angabe",
    [
        {"beginn": "2027-01-01", "letzter_tag": "2031-12-31"},
        {"beginn": "2027-01-01", "ende": "2032-01-01"},
        {"beginn": "2027-01-01", "letzter_tag": "2031-12-31", "ende": "2032-01-01"},
    ],
)
def test_the_last_day_and_the_version_1_exclusive_end_mean_the_same_term(angabe):
    laufzeit = Laufzeit.model_validate(angabe)
    assert (laufzeit.letzter_tag, laufzeit.ende) == (date(2031, 12, 31), date(2032, 1, 1))
    assert laufzeit.model_dump(mode="json", exclude_none=True) == {
        "beginn": "2027-01-01",
        "letzter_tag": "2031-12-31",
        "ende": "2032-01-01",
    }


@pytest.mark.parametrize(
    ("angabe", "meldung"),
    [
        ({"beginn": "2027-01-01", "letzter_tag": "2031-12-31", "ende": "2031-12-31"}, "widersprechen sich"),
        ({"beginn": "2027-01-01", "letzter_tag": "2026-12-31"}, "liegt vor dem Beginn (01.01.2027)"),
        ({"beginn": "2027-01-01", "ende": "2027-01-01"}, "muss nach dem Beginn"),
        ({"beginn": "2027-01-01", "letzter_tag": "9999-12-31"}, "zu spät"),
    ],
)
def test_a_contradictory_or_impossible_end_is_refused_in_german_at_the_term(angabe, meldung):
    with pytest.raises(UngueltigeEingabe) as e:
        _mit_laufzeit("standesamt-delegierend", angabe)
    assert [p.pfad for p in e.value.probleme] == ["leistungen[0].laufzeit"]
    assert meldung in e.value.probleme[0].meldung


def test_a_one_day_term_is_valid():
    assert Laufzeit.model_validate({"beginn": "2027-01-01", "letzter_tag": "2027-01-01"}).ende == date(2027, 1, 2)


@pytest.mark.parametrize(
    ("letzter_tag", "status"),
    [("2031-12-30", "nicht_erfuellt"), ("2031-12-31", "erfuellt"), ("2032-01-01", "erfuellt")],
)
def test_the_five_year_term_rule_counts_the_last_day_in(letzter_tag, status):
    """§ 2b Abs. 3 Nr. 2 Buchst. a UStG: 01.01.2027 to 31.12.2031 is five full years; a day less is not."""
    fallakte = _mit_laufzeit("standesamt-delegierend", {"beginn": "2027-01-01", "letzter_tag": letzter_tag})
    bewertung = assess(fallakte, load_rules())
    kriterium = next(k for k in bewertung.leistungen[0].kriterien if k.regel == "ustg_2b_abs3_nr2_a")
    assert kriterium.status == status
    tag = date.fromisoformat(letzter_tag).strftime("%d.%m.%Y")
    assert tag in kriterium.begruendung  # the text names the last day, not the day after


def test_a_version_1_file_is_assessed_exactly_like_the_same_term_given_by_its_last_day():
    alt = _mit_laufzeit("standesamt-delegierend", {"beginn": "2027-01-01", "ende": "2032-01-01"})
    neu = _mit_laufzeit("standesamt-delegierend", {"beginn": "2027-01-01", "letzter_tag": "2031-12-31"})
    assert alt == neu
    assert assess(alt, load_rules()) == assess(neu, load_rules())


def _vertragstext(fallakte) -> str:
    entwurf = assemble(beratung_mit_ergebnis(fallakte, "nicht_steuerbar"), stand=STAND)
    teile = [a.text for k in entwurf.klauseln for a in k.absaetze]
    teile += [
        t
        for anlage in entwurf.anlagen
        for b in anlage.bloecke
        for t in (getattr(b, "text", ""), *getattr(b, "liste", ()))
    ]
    return "\n".join(teile).replace(NBSP, " ")


def test_the_round_trip_form_case_draft_form_and_inventory_keeps_the_last_day():
    # The web form: the user enters the last day as she means it.
    state = form_state(daten("standesamt-delegierend"))
    state["leistungen"][0]["laufzeit"] = {
        "beginn": "01.01.2027",
        "letzter_tag": "31.12.2031",
        "kuendigungsfrist_monate": "12",
    }
    gelesen = fallakte_dict_aus_formular(state)
    assert not gelesen.probleme
    fallakte = fallakte_aus_dict(gelesen.daten)
    assert fallakte.leistungen[0].laufzeit.letzter_tag == date(2031, 12, 31)

    # The draft says what was entered.
    text = _vertragstext(fallakte)
    assert "31.12.2031" in text and "30.12.2031" not in text and "01.01.2032" not in text

    # Back into the form (a saved case opened again): the same field, the same date, no second end.
    wieder = form_state(fallakte.model_dump(mode="json", exclude_none=True))
    assert wieder["leistungen"][0]["laufzeit"] == {
        "beginn": "01.01.2027",
        "letzter_tag": "31.12.2031",
        "kuendigungsfrist_monate": "12",
    }

    # The inventory's "Laufzeit bis" is the same last day and gives the same term.
    zeilen = parse_rows([tabelle([zeile(beginn="01.01.2027", laufzeit_bis="31.12.2031")])], _vorgaben())
    aus_bestand, probleme = fallakte_aus_bestandszeile(zeilen.zeilen[0], Portfoliowerte(None, None), date(2027, 1, 1))
    assert not probleme and aus_bestand is not None
    assert aus_bestand.leistungen[0].laufzeit.letzter_tag == date(2031, 12, 31)
    assert aus_bestand.leistungen[0].laufzeit.ende == fallakte.leistungen[0].laufzeit.ende


def _vorgaben() -> Screeningvorgaben:
    return Screeningvorgaben(date(2027, 1, 1), AUFGABENFELDER, Decimal("17500"))
