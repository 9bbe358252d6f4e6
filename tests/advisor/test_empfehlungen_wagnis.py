"""The lever that drops mark-up and Wagnis keeps a specific risk with evidence (a cost), and a lever
that changes the costs is judged on the changed calculation, never on the old one."""

from __future__ import annotations

from decimal import Decimal

import rules_loader
from advisor.beratung import berate
from advisor.bewerten import assess
from advisor.empfehlungen import wende_an
from advisor.kosten import calculate, kennzahlen
from advisor.parsing import fallakte_aus_dict
from advisor.steuersatz import umsatzsteuersaetze
from tests.regeln.faelle import grundfall, kosten_mit

_LEVER = {"kosten.gewinnaufschlag_prozent": 0, "kosten.positionen_ohne": ["wagnis", "gewinnaufschlag"]}


def _fall(*wagnis: dict) -> dict:
    """A Zweckverband's service to its members, taxable only because of its mark-up (and Wagnis)."""
    daten = grundfall()
    daten["rechtsform"] = "zweckverband"
    daten["beteiligte"][0]["art"] = "zweckverband"
    daten["leistungen"][0].update(
        {
            "umsatz_gleichartige_taetigkeiten": 250000,
            "privat_steuerfrei_ohne_option": False,
            "gesetzlicher_vorbehalt_jpoer": False,
            "aufgabenuebertragung_befreiend": False,
            "laufzeit": {"beginn": "2027-01-01", "ende": None},
            "oeffentliche_infrastruktur": True,
            "gemeinsame_oeffentliche_aufgabe": True,
            "anteil_leistungen_an_jpoer_prozent": 100,
            "hilfstaetigkeit": False,
            "private_anbieter_am_markt": True,
            "kostenteilungsgemeinschaft": {
                "mitglieder_nichtunternehmerisch": True,
                "leistungen_mitgliedsbezogen": True,
            },
            "kosten": {**kosten_mit(Decimal(100000)), "gewinnaufschlag_prozent": 5},
        }
    )
    daten["leistungen"][0]["kosten"]["positionen"] += list(wagnis)
    return daten


EINZEL = {
    "art": "wagnis",
    "bezeichnung": "Forderungsausfälle",
    "betrag": "2000",
    "einzelwagnis_nachweis": "Ausfälle 2023–2025",
}
ALLGEMEIN = {"art": "wagnis", "bezeichnung": "Allgemeines Wagnis", "betrag": "2000"}


def test_the_lever_keeps_a_specific_risk_with_evidence_and_drops_the_general_one():
    akte = fallakte_aus_dict(_fall(EINZEL, ALLGEMEIN))
    geaendert = wende_an(akte, 0, _LEVER)
    kosten = geaendert.leistungen[0].kosten
    assert kosten is not None
    assert [p.bezeichnung for p in kosten.positionen] == ["Sachbearbeitung", "Forderungsausfälle"]
    assert kosten.gewinnaufschlag_prozent == 0


def test_without_a_recalculation_the_cost_levers_saving_is_unknown_not_the_old_figure():
    rw = rules_loader.load_rules()
    akte = fallakte_aus_dict(_fall(ALLGEMEIN))
    alte = kennzahlen(calculate(akte, rules_loader.load_rate_tables(), umsatzsteuersaetze(rw, akte)))
    ohne = {e.hebel: e for e in assess(akte, rw, alte).leistungen[0].empfehlungen}
    mit = {e.hebel: e for e in berate(akte, rw, rules_loader.load_rate_tables()).bewertung.leistungen[0].empfehlungen}
    assert ohne["ohne_gewinn_und_wagnis"].mehrbelastung_vermieden_eur is None
    # the old calculation's burden (mark-up and Wagnis included) is larger than the changed one's
    vermieden = mit["ohne_gewinn_und_wagnis"].mehrbelastung_vermieden_eur
    assert vermieden is not None
    assert alte["leistung"].mehrbelastung_bei_steuerpflicht > vermieden
    assert vermieden == Decimal("19000.00")


def test_a_case_without_costs_gets_the_settlement_lever_with_an_unknown_burden():
    daten = grundfall()
    daten["rechtsform"] = "zweckverband"
    daten["beteiligte"][0]["art"] = "zweckverband"
    daten["leistungen"][0].update(
        {
            "entgelt": "marktpreis",
            "umsatz_gleichartige_taetigkeiten": 250000,
            "privat_steuerfrei_ohne_option": False,
            "gesetzlicher_vorbehalt_jpoer": False,
            "private_anbieter_am_markt": True,
            "kostenteilungsgemeinschaft": {
                "mitglieder_nichtunternehmerisch": True,
                "leistungen_mitgliedsbezogen": True,
            },
        }
    )
    bewertung = berate(fallakte_aus_dict(daten), rules_loader.load_rules(), rules_loader.load_rate_tables()).bewertung
    empfehlungen = {e.hebel: e for e in bewertung.leistungen[0].empfehlungen}
    assert empfehlungen["spitzabrechnung"].mehrbelastung_vermieden_eur is None
