"""Cross-field checks of the parties (advisor.fallakte_beteiligte) and internal charges end to end:
a provider that is its own recipient, or an Eigenbetrieb of its recipient, is valid input and is
assessed as an internal charge (issue 17), with costs calculated as usual."""

from __future__ import annotations

from decimal import Decimal

import pytest

import rules_loader
from advisor.beratung import berate
from advisor.errors import UngueltigeEingabe
from advisor.parsing import fallakte_aus_dict
from tests.regeln.faelle import grundfall, kosten_mit


def _probleme(daten) -> list[tuple[str, str]]:
    with pytest.raises(UngueltigeEingabe) as info:
        fallakte_aus_dict(daten)
    return [(p.pfad, p.meldung) for p in info.value.probleme]


@pytest.mark.parametrize("art", ["zweckverband", "anstalt_oeffentlichen_rechts", "privat"])
def test_a_legal_person_of_its_own_cannot_belong_to_another(art):
    daten = grundfall()
    daten["beteiligte"][0].update(art=art, rechtstraeger="gemeinde-bedorf")
    ((pfad, meldung),) = _probleme(daten)
    assert pfad == "beteiligte[0].rechtstraeger"
    assert "selbst eine juristische Person" in meldung


def test_a_party_is_not_its_own_legal_person():
    daten = grundfall()
    daten["beteiligte"][0]["rechtstraeger"] = "stadt-aheim"
    ((pfad, meldung),) = _probleme(daten)
    assert pfad == "beteiligte[0].rechtstraeger" and "eigener Rechtsträger" in meldung


def test_the_legal_person_is_named_directly_not_through_another_office():
    daten = grundfall()
    daten["beteiligte"].append({"id": "amt", "name": "Amt", "art": "stadt", "rechtstraeger": "stadt-aheim"})
    daten["beteiligte"][1]["rechtstraeger"] = "amt"
    ((pfad, meldung),) = _probleme(daten)
    assert pfad == "beteiligte[1].rechtstraeger" and "direkt" in meldung


def test_members_must_be_parties_of_the_case():
    daten = grundfall()
    daten["beteiligte"][0].update(art="zweckverband", mitglieder=["gemeinde-xdorf"])
    ((pfad, _),) = _probleme(daten)
    assert pfad == "beteiligte[0].mitglieder[0]"


def test_a_city_has_no_members():
    daten = grundfall()
    daten["beteiligte"][0]["anzahl_mitglieder"] = 3
    ((pfad, meldung),) = _probleme(daten)
    assert pfad == "beteiligte[0].anzahl_mitglieder" and "nur bei einem Zweckverband" in meldung


@pytest.mark.parametrize("eigen", ["selbst", "eigenbetrieb"])
def test_an_internal_charge_with_costs_is_assessed_and_calculated(eigen):
    daten = grundfall()
    if eigen == "selbst":
        daten["leistungen"][0]["empfaenger"] = ["stadt-aheim"]
    else:
        daten["beteiligte"][0]["rechtstraeger"] = "gemeinde-bedorf"
    daten["leistungen"][0]["kosten"] = kosten_mit(Decimal("40000.00"))
    beratung = berate(fallakte_aus_dict(daten), rules_loader.load_rules(), rules_loader.load_rate_tables())
    (lb,) = beratung.bewertung.leistungen
    assert (lb.ergebnis, lb.entscheidende_regel) == ("nicht_steuerbar", "ustg_1_abs1_nr1_innenumsatz")
    assert lb.offene_fragen == () and lb.empfehlungen == ()
    (lk,) = beratung.kalkulation.leistungen
    assert lk.erstattung_nicht_steuerbar == Decimal("40000.00")


def test_an_internal_charge_is_no_turnover_of_similar_activities():
    """The provider's reimbursements from its own legal person do not count towards § 2b Abs. 2 Nr. 1."""
    daten = grundfall()
    erste = daten["leistungen"][0]
    erste["kosten"] = kosten_mit(Decimal("10000.00"))
    intern = {**erste, "id": "intern", "empfaenger": ["stadt-aheim"], "kosten": kosten_mit(Decimal("30000.00"))}
    daten["leistungen"].append(intern)
    beratung = berate(fallakte_aus_dict(daten), rules_loader.load_rules(), rules_loader.load_rate_tables())
    extern = next(lb for lb in beratung.bewertung.leistungen if lb.leistung == "leistung")
    (frage,) = [q.fakt for q in extern.offene_fragen if q.fakt == "umsatz_gleichartige_taetigkeiten"]
    assert frage == "umsatz_gleichartige_taetigkeiten"  # 10.000 € alone: still below 17.500 €
