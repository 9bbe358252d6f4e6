"""The Kalkulation JSON keeps the contract of fallakte.md and is byte-for-byte deterministic."""

from __future__ import annotations

import json
import re

from advisor.kosten import calculate, kalkulation_als_dict
from advisor.parsing import parse_fallakte

from .conftest import UST, fall_daten

GELD = re.compile(r"^-?\d+\.\d{2}$")

VERTRAG_LEISTUNG = {
    "leistung",
    "kalkulationsjahr",
    "positionen",
    "kosten_netto",
    "vorsteuer",
    "erstattung_nicht_steuerbar",
    "erstattung_steuerpflichtig",
    "anteile",
    "abschlaege",
}
VERTRAG_ANTEIL = {
    "beteiligter",
    "gewicht",
    "quote_prozent",
    "nicht_steuerbar",
    "steuerpflichtig",
    "mehrbelastung_bei_steuerpflicht",
    "eigenerstellung",
    "ersparnis_nicht_steuerbar",
    "ersparnis_steuerpflichtig",
}


def _json(example_texts, satztabellen, name) -> dict:
    return kalkulation_als_dict(calculate(parse_fallakte(example_texts[name]), satztabellen, UST))


def test_every_contract_field_is_present(example_texts, satztabellen):
    d = _json(example_texts, satztabellen, "personalabrechnung-mandatierend")
    assert d["format"] == "ikz-kalkulation/1"
    (leistung,) = d["leistungen"]
    assert VERTRAG_LEISTUNG <= set(leistung)
    assert set(leistung["erstattung_steuerpflichtig"]) == {"netto", "umsatzsteuer", "brutto"}
    assert {"art", "bezeichnung", "betrag", "vorsteuer", "herkunft"} <= set(leistung["positionen"][0])
    for a in leistung["anteile"]:
        assert VERTRAG_ANTEIL <= set(a)
    assert set(leistung["abschlaege"][0]) >= {"beteiligter", "faellig", "betrag"}
    assert leistung["abschlaege"][0]["faellig"] == "2027-03-31"


def test_money_is_a_string_with_two_places_everywhere(example_texts, satztabellen):
    geldfelder = {
        "betrag",
        "vorsteuer",
        "kosten_netto",
        "erstattung_nicht_steuerbar",
        "netto",
        "umsatzsteuer",
        "brutto",
        "nicht_steuerbar",
        "mehrbelastung_bei_steuerpflicht",
        "eigenerstellung",
        "ersparnis_nicht_steuerbar",
        "ersparnis_steuerpflichtig",
        "quote_prozent",
        "erstattung_jahr",
    }

    def pruefe(wert, schluessel=None):
        if isinstance(wert, dict):
            for k, v in wert.items():
                pruefe(v, k)
        elif isinstance(wert, list):
            for v in wert:
                pruefe(v, schluessel)
        elif schluessel in geldfelder and wert is not None:
            assert isinstance(wert, str) and GELD.match(wert), (schluessel, wert)

    for name in example_texts:
        pruefe(_json(example_texts, satztabellen, name))


def test_same_case_gives_the_same_bytes(example_texts, satztabellen):
    for name in example_texts:
        a = json.dumps(_json(example_texts, satztabellen, name), sort_keys=True, ensure_ascii=False)
        b = json.dumps(_json(example_texts, satztabellen, name), sort_keys=True, ensure_ascii=False)
        assert a == b


def test_json_says_the_kgst_rates_are_unverified(example_texts, satztabellen):
    (leistung,) = _json(example_texts, satztabellen, "standesamt-delegierend")["leistungen"]
    assert any("Sekundärquelle" in h for h in leistung["quellenhinweise"])


def test_own_cost_accounting_carries_no_kgst_source_note(rechne):
    (leistung,) = kalkulation_als_dict(rechne(fall_daten()))["leistungen"]
    assert leistung["quellenhinweise"] == []
    assert leistung["positionen"][0]["herkunft"] == "Eingabe (eigene KLR)"


def test_a_service_without_costs_appears_as_not_calculable_with_a_reason(satztabellen):
    from advisor.parsing import fallakte_aus_dict

    daten = fall_daten()
    del daten["leistungen"][0]["kosten"]
    (leistung,) = kalkulation_als_dict(calculate(fallakte_aus_dict(daten), satztabellen, UST))["leistungen"]
    assert leistung["kalkulierbar"] is False
    assert "keine Kosten" in leistung["grund"]


def test_the_fields_for_the_documents_are_in_the_json(example_texts, satztabellen):
    """Issue 16: what the agreement and its annex need, compatibly added."""
    (z,) = _json(example_texts, satztabellen, "digitaler-zwilling")["leistungen"]
    details = z["schluessel_details"]
    assert details["festanteile"] == {"kreis": "30"}
    assert details["einwohner_stichtag"] == "2025-12-31"
    assert "gleichem Gewicht zahlen stets denselben Betrag" in details["restcent_regel"]
    assert set(details["restcent_erbringer"]) == {"nicht_steuerbar", "steuerpflichtig_netto", "quote_prozent"}
    assert z["verteilung"].startswith("Festanteil: Kreis Rheinland-Süd 30")
    kreis = z["anteile"][0]
    assert kreis["festanteil_prozent"] == "30" and z["anteile"][1]["festanteil_prozent"] is None
    assert z["faelligkeitsregel"].startswith("Jährlich nachschüssig am letzten Tag jedes Jahres fällig: 31.12.2027")
    for r in z["schlussrechnungen"]:
        assert set(r) == {"beteiligter", "leistung", "abschlaege", "verbleibend"}
        assert GELD.match(r["verbleibend"]["umsatzsteuer"])
    assert any("kalkuliert wird 2027" in w for w in z["warnungen"])
    assert z["anlagen"] == [] and z["stueckpreis"] is None and z["vorsteuer_anlagen"] == "0.00"


def test_assets_mixed_keys_and_unit_prices_appear_in_the_json(rechne):
    daten = fall_daten(
        empfaenger={"a": 1, "b": 1},
        verteilung={
            "schluessel": "gemischt",
            "bestandteile": [
                {
                    "id": "f",
                    "bezeichnung": "Fälle",
                    "gewicht_prozent": 60,
                    "schluessel": "fallzahlen",
                    "werte": {"a": 3, "b": 1},
                },
                {"id": "g", "bezeichnung": "gleich", "gewicht_prozent": 40, "schluessel": "gleiche_teile"},
            ],
        },
        anlagen=[
            {
                "bezeichnung": "Server",
                "anschaffungskosten": "6000.00",
                "anschaffung": "2027-01-01",
                "nutzungsdauer_jahre": 3,
            }
        ],
    )
    (z,) = kalkulation_als_dict(rechne(daten))["leistungen"]
    assert z["schluessel_details"]["bestandteile"][0] == {
        "id": "f",
        "bezeichnung": "Fälle",
        "gewicht_prozent": "60",
        "schluessel": "fallzahlen",
    }
    # a: 60 % × 3/4 + 40 % × 1/2 = 65 % — shown as the exact quota with six places
    assert z["anteile"][0]["gewicht"] == "65.000000"
    assert z["anteile"][0]["werte_je_bestandteil"] == {"f": "3", "g": "1"}
    (anlage,) = z["anlagen"]
    assert (anlage["abschreibung"], anlage["restwert_ende"], anlage["methode"]) == ("2000.00", "4000.00", "linear")
    daten["leistungen"][0]["kosten"]["verteilung"] = {
        "schluessel": "stueckpreis",
        "stueckpreis": "21.00",
        "werte": {"a": 2, "b": 1},
    }
    (z,) = kalkulation_als_dict(rechne(daten))["leistungen"]
    assert z["stueckpreis"]["vereinbart"] is True and z["stueckpreis"]["preis_netto"] == "21.00"
    assert z["stueckpreis"]["menge_gesamt"] == "3"
