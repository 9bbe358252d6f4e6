"""Step definitions for the German cost scenarios (features/kosten_*.feature)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from advisor.errors import UngueltigeEingabe
from advisor.kosten import Leistungskalkulation, calculate, ist_aus_dict, settle
from advisor.parsing import fallakte_aus_dict

from .conftest import UST, fall_daten

scenarios("kosten_verteilung.feature", "kosten_umsatzsteuer.feature", "kosten_abrechnung.feature")


def euro(text: str) -> Decimal:
    """German money notation "1.234,56" → Decimal("1234.56")."""
    return Decimal(text.replace(".", "").replace(",", "."))


@pytest.fixture()
def akte() -> dict[str, Any]:
    return {"positionen": [], "empfaenger": {}, "werte": {}, "verteilung": {}, "erbringer_wert": None}


@given(parsers.parse("eine Leistung mit Kosten von {betrag} Euro ohne Vorsteuer"))
def _kosten(akte, betrag):
    akte["positionen"] = [{"art": "sachkosten", "bezeichnung": "Betrieb", "betrag": str(euro(betrag))}]


@given(
    parsers.parse(
        "eine Leistung mit {personal} Euro Personalkosten und {sach} Euro Sachkosten mit {vst} Euro Vorsteuer"
    )
)
def _kosten_mit_vorsteuer(akte, personal, sach, vst):
    akte["positionen"] = [
        {"art": "personal", "bezeichnung": "Personal", "betrag": str(euro(personal))},
        {"art": "sachkosten", "bezeichnung": "Einkauf", "betrag": str(euro(sach)), "vorsteuer": str(euro(vst))},
    ]


@given("die Empfänger mit Einwohnern:")
def _empfaenger_einwohner(akte, datatable):
    for kennung, einwohner in datatable[1:]:
        akte["empfaenger"][kennung] = int(einwohner)


@given("die Empfänger mit Werten:")
def _empfaenger_werte(akte, datatable):
    for kennung, wert in datatable[1:]:
        akte["empfaenger"][kennung] = 1000
        akte["werte"][kennung] = wert


@given(parsers.re(r'der Schlüssel "(?P<schluessel>[a-z_]+)"$'))
def _schluessel(akte, schluessel):
    akte["verteilung"]["schluessel"] = schluessel


@given(
    parsers.parse('der Schlüssel "sockel_plus_variabel" mit {sockel:d} % Sockel und variablem Schlüssel "{variabel}"')
)
def _sockel(akte, sockel, variabel):
    akte["verteilung"].update(schluessel="sockel_plus_variabel", sockel_prozent=sockel, variabler_schluessel=variabel)


@given(parsers.parse("der Erbringer trägt einen eigenen Anteil mit dem Wert {wert:d}"))
def _erbringer_traegt(akte, wert):
    akte["erbringer_wert"] = wert


@given(parsers.parse('ein zusätzlicher Wert {wert:d} für "{kennung}"'))
def _zusaetzlich(akte, wert, kennung):
    akte["werte"][kennung] = wert


def _daten(akte) -> dict[str, Any]:
    verteilung = dict(akte["verteilung"])
    schluessel = verteilung.get("variabler_schluessel", verteilung["schluessel"])
    werte = dict(akte["werte"])
    if akte["erbringer_wert"] is not None:
        verteilung["erbringer_traegt_anteil"] = True
        werte["erbringer"] = akte["erbringer_wert"]
    if schluessel in ("fallzahlen", "nutzung", "frei") and werte:
        verteilung["werte"] = werte
    return fall_daten(empfaenger=akte["empfaenger"], positionen=akte["positionen"], verteilung=verteilung)


@pytest.fixture()
def ergebnis() -> dict[str, Any]:
    return {}


@when("die Kosten berechnet werden")
def _berechnen(akte, ergebnis, satztabellen):
    try:
        (k,) = calculate(fallakte_aus_dict(_daten(akte)), satztabellen, UST).leistungen
        assert isinstance(k, Leistungskalkulation)
        ergebnis["kalkulation"] = k
    except UngueltigeEingabe as e:
        ergebnis["fehler"] = e


def _anteil(ergebnis, kennung):
    assert "fehler" not in ergebnis, ergebnis.get("fehler")
    return next(a for a in ergebnis["kalkulation"].anteile if a.beteiligter == kennung)


@then(parsers.parse('zahlt "{kennung}" ohne Umsatzsteuer {betrag} Euro'))
def _zahlt(ergebnis, kennung, betrag):
    assert _anteil(ergebnis, kennung).nicht_steuerbar == euro(betrag)


@then(
    parsers.parse(
        'zahlt "{kennung}" bei Steuerpflicht netto {netto} Euro, Umsatzsteuer {ust} Euro, brutto {brutto} Euro'
    )
)
def _zahlt_steuerpflichtig(ergebnis, kennung, netto, ust, brutto):
    s = _anteil(ergebnis, kennung).steuerpflichtig
    assert (s.netto, s.umsatzsteuer, s.brutto) == (euro(netto), euro(ust), euro(brutto))


@then(parsers.parse('beträgt die Mehrbelastung von "{kennung}" {betrag} Euro'))
def _mehrbelastung(ergebnis, kennung, betrag):
    assert _anteil(ergebnis, kennung).mehrbelastung_bei_steuerpflicht == euro(betrag)


@then(parsers.parse("trägt der Erbringer {betrag} Euro selbst"))
def _erbringer(ergebnis, betrag):
    a = _anteil(ergebnis, "erbringer")
    assert a.rolle == "erbringer"
    assert a.nicht_steuerbar == a.steuerpflichtig.brutto == euro(betrag)
    assert a.steuerpflichtig.umsatzsteuer == 0


@then(parsers.parse("trägt der Erbringer einen Restcent von {betrag} Euro"))
def _restcent(ergebnis, betrag):
    assert ergebnis["kalkulation"].restcent.nicht_steuerbar == euro(betrag)


@then("nennt die Kalkulation die Restcent-Regel")
def _restcent_regel(ergebnis):
    regel = ergebnis["kalkulation"].restcent_regel
    assert "gleichem Gewicht zahlen stets denselben Betrag" in regel and "trägt der Erbringer" in regel


@then(parsers.parse("ist nur die Vorsteuer von {betrag} Euro abziehbar"))
def _vorsteuerabzug(ergebnis, betrag):
    assert ergebnis["kalkulation"].vorsteuerabzug_bei_steuerpflicht == euro(betrag)


@then(parsers.parse("ergeben die Anteile zusammen genau {betrag} Euro"))
def _summe(ergebnis, betrag):
    assert sum(a.nicht_steuerbar for a in ergebnis["kalkulation"].anteile) == euro(betrag)


@then(parsers.parse('wird die Eingabe abgelehnt mit einem Fehler bei "{pfad}"'))
def _abgelehnt(ergebnis, pfad):
    assert "fehler" in ergebnis, "die Eingabe wurde nicht abgelehnt"
    assert pfad in {p.pfad for p in ergebnis["fehler"].probleme}


def _abrechnen(akte, ergebnis, ist_kosten, datatable, werte=None):
    gezahlt = {kennung: str(euro(betrag)) for kennung, betrag in datatable[1:]}
    leistung = {
        "leistung": "dienst",
        "jahr": 2027,
        "steuerpflichtig": False,
        "kosten_netto": str(euro(ist_kosten)),
        "vorsteuer": "0.00",
        "abschlaege_gezahlt": gezahlt,
    }
    if werte:
        leistung["werte"] = werte
    try:
        (ergebnis["abrechnung"],) = settle(
            fallakte_aus_dict(_daten(akte)), ist_aus_dict({"format": "ikz-ist/1", "leistungen": [leistung]}), UST
        ).leistungen
    except UngueltigeEingabe as e:
        ergebnis["fehler"] = e


@when(parsers.parse("das Jahr mit Ist-Kosten von {betrag} Euro abgerechnet wird und gezahlt wurden:"))
def _abrechnung(akte, ergebnis, betrag, datatable):
    _abrechnen(akte, ergebnis, betrag, datatable)


@when(
    parsers.parse(
        "das Jahr mit Ist-Kosten von {betrag} Euro und den Ist-Werten {a} {wa:d} und {b} {wb:d} abgerechnet wird und gezahlt wurden:"
    )
)
def _abrechnung_mit_werten(akte, ergebnis, betrag, a, wa, b, wb, datatable):
    _abrechnen(akte, ergebnis, betrag, datatable, {a: wa, b: wb})


@then(parsers.parse('muss "{kennung}" {betrag} Euro nachzahlen'))
def _nachzahlung(ergebnis, kennung, betrag):
    zeile = next(z for z in ergebnis["abrechnung"].zeilen if z.beteiligter == kennung)
    assert zeile.nachzahlung == euro(betrag)


@then(parsers.parse("gehen Nachzahlungen und Erstattungen zusammen in {betrag} Euro auf"))
def _nachzahlungen_summe(ergebnis, betrag):
    assert sum(z.nachzahlung for z in ergebnis["abrechnung"].zeilen) == euro(betrag)


@then(parsers.parse('wird die Abrechnung abgelehnt mit einem Fehler bei "{pfad}"'))
def _abrechnung_abgelehnt(ergebnis, pfad):
    assert "fehler" in ergebnis, "die Abrechnung wurde nicht abgelehnt"
    assert pfad in {p.pfad for p in ergebnis["fehler"].probleme}
