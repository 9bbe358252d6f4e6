"""Step definitions for features/kosten_praxis.feature and features/kosten_gemeinkosten.feature."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from advisor.kosten import Leistungskalkulation, calculate, ist_aus_dict, settle
from advisor.parsing import fallakte_aus_dict

from .conftest import UST, fall_daten

scenarios("kosten_praxis.feature", "kosten_gemeinkosten.feature")


def euro(text: str) -> Decimal:
    """German money notation "1.234,56" → Decimal("1234.56")."""
    return Decimal(text.replace(".", "").replace(",", "."))


@pytest.fixture()
def fall() -> dict[str, Any]:
    return {"daten": None, "ergebnis": None, "abrechnung": None}


def _sach(betrag: str) -> list[dict[str, str]]:
    return [{"art": "sachkosten", "bezeichnung": "Betrieb", "betrag": str(euro(betrag))}]


@given(
    parsers.parse(
        'Kosten von {betrag} Euro und der gemischte Schlüssel {g1:d} % "{m1}" und {g2:d} % "{m2}" mit den Werten:'
    )
)
def _gemischt(fall, betrag, g1, m1, g2, m2, datatable):
    zeilen = datatable[1:]
    werte1 = {z[0]: int(z[1]) for z in zeilen}
    werte2 = {z[0]: int(z[2]) for z in zeilen}
    verteilung = {
        "schluessel": "gemischt",
        "bestandteile": [
            {"id": "m1", "bezeichnung": m1, "gewicht_prozent": g1, "schluessel": "nutzung", "werte": werte1},
            {"id": "m2", "bezeichnung": m2, "gewicht_prozent": g2, "schluessel": "nutzung", "werte": werte2},
        ],
    }
    fall["daten"] = fall_daten(empfaenger=dict.fromkeys(werte1, 1000), positionen=_sach(betrag), verteilung=verteilung)


@given(
    parsers.parse(
        'Kosten von {betrag} Euro, die Gemeinde "{kennung}" zahlt fest {prozent:d} % und der Erbringer trägt den Rest'
    )
)
def _festanteil(fall, betrag, kennung, prozent):
    verteilung = {"schluessel": "gleiche_teile", "festanteile": {kennung: prozent}, "erbringer_traegt_anteil": True}
    fall["daten"] = fall_daten(empfaenger={kennung: 1000}, positionen=_sach(betrag), verteilung=verteilung)


@given(parsers.parse("Kosten von {betrag} Euro und ein Stückpreis von {preis} Euro bei den Mengen:"))
def _stueckpreis(fall, betrag, preis, datatable):
    mengen = {z[0]: int(z[1]) for z in datatable[1:]}
    verteilung = {"schluessel": "stueckpreis", "stueckpreis": str(euro(preis)), "werte": mengen}
    fall["daten"] = fall_daten(empfaenger=dict.fromkeys(mengen, 1000), positionen=_sach(betrag), verteilung=verteilung)


@given(
    parsers.re(r"Kosten von (?P<betrag>[\d.,]+) Euro für einen Empfänger mit vierteljährlichen Abschlägen(?P<rest>.*)$")
)
def _ein_empfaenger(fall, betrag, rest):
    abrechnung: dict[str, Any] = {"verfahren": "spitzabrechnung", "abschlaege": "vierteljaehrlich"}
    if "im Voraus zum" in rest:
        abrechnung |= {"faelligkeit": "im_voraus", "faelligkeitstag": int(rest.split("zum ")[1].rstrip("."))}
    fall["daten"] = fall_daten(empfaenger={"stadt-a": 1000}, positionen=_sach(betrag), abrechnung=abrechnung)


@given(
    parsers.parse(
        "Personal von {ohne} Euro ohne und {mit} Euro mit eigenen Gemeinkosten und {satz:d} % Gemeinkostenzuschlag"
    )
)
def _personal_klr(fall, ohne, mit, satz):
    positionen = [
        {
            "art": "personal",
            "bezeichnung": "Sachbearbeitung",
            "betrag": str(euro(ohne)),
            "gemeinkosten_enthalten": False,
        },
        {"art": "personal", "bezeichnung": "KLR-Satz", "betrag": str(euro(mit)), "gemeinkosten_enthalten": True},
    ]
    fall["daten"] = fall_daten(positionen=positionen, gemeinkostenzuschlag_prozent=satz)


@given(parsers.parse("eine Teamleitung als Leitungsposition von {betrag} Euro und {satz:d} % Gemeinkostenzuschlag"))
def _leitung(fall, betrag, satz):
    positionen = [
        {"art": "personal", "bezeichnung": "Teamleitung", "betrag": str(euro(betrag)), "leitungsposition": True}
    ]
    fall["daten"] = fall_daten(positionen=positionen, gemeinkostenzuschlag_prozent=satz)


@given(
    parsers.parse(
        "eine Anlage für {ak} Euro mit {jahre:d} Jahren Nutzungsdauer ab Januar {jahr:d} und {zins:d} % kalkulatorischen Zinsen"
    )
)
def _anlage_zins(fall, ak, jahre, jahr, zins):
    anlage = {"bezeichnung": "Fahrzeug", "anschaffungskosten": str(euro(ak)), "anschaffung": f"{jahr}-01-01",
              "nutzungsdauer_jahre": jahre}  # fmt: skip
    fall["daten"] = fall_daten(
        empfaenger={"stadt-a": 1000},
        positionen=[],
        anlagen=[anlage],
        kalkulatorischer_zinssatz_prozent=zins,
        zinssatz_herleitung="30-jähriger Durchschnitt",
    )


@given(
    parsers.parse(
        "eine Anlage für {ak} Euro mit {vst} Euro Vorsteuer, {jahre:d} Jahren Nutzungsdauer ab Januar {jahr:d}"
    )
)
def _anlage_vorsteuer(fall, ak, vst, jahre, jahr):
    anlage = {"bezeichnung": "Server", "anschaffungskosten": str(euro(ak)), "vorsteuer": str(euro(vst)),
              "anschaffung": f"{jahr}-01-01", "nutzungsdauer_jahre": jahre}  # fmt: skip
    fall["daten"] = fall_daten(empfaenger={"stadt-a": 1000}, positionen=[], anlagen=[anlage])


@given(parsers.re(r"E 9b mit 1 VZÄ aus der KGSt-Tabelle 2025/2026 für 2027(?P<rest>.*)$"))
def _kgst(fall, rest):
    kosten: dict[str, Any] = {"satzgrundlage": "kgst_2025_26"}
    if rest:
        prozent, ab = rest.split(" mit ")[1].split(" % Erhöhung ab ")
        tag, monat, jahr = ab.split(".")
        kosten["fortschreibung"] = [{"prozent": prozent, "ab": f"{jahr}-{monat}-{tag}", "grundlage": "TVöD-Einigung"}]
    positionen = [{"art": "personal", "bezeichnung": "Sachbearbeitung", "entgeltgruppe": "E 9b", "vzae": "1"}]
    fall["daten"] = fall_daten(positionen=positionen, **kosten)


@given(parsers.parse('ein Wagnis von {betrag} Euro mit dem Nachweis "{nachweis}"'))
def _wagnis(fall, betrag, nachweis):
    positionen = [{"art": "wagnis", "bezeichnung": "Forderungsausfall", "betrag": str(euro(betrag)),
                   "einzelwagnis_nachweis": nachweis}]  # fmt: skip
    fall["daten"] = fall_daten(positionen=positionen)


@when("gerechnet wird")
def _rechnen(fall, satztabellen):
    (k,) = calculate(fallakte_aus_dict(copy.deepcopy(fall["daten"])), satztabellen, UST).leistungen
    assert isinstance(k, Leistungskalkulation), getattr(k, "grund", "")
    fall["ergebnis"] = k


def _abrechnen(fall, ist_kosten: str, gezahlt: Any) -> None:
    ist = {"leistung": "dienst", "jahr": 2027, "steuerpflichtig": True, "kosten_netto": str(euro(ist_kosten)),
           "vorsteuer": "0", "abschlaege_gezahlt": {"stadt-a": gezahlt}}  # fmt: skip
    (fall["abrechnung"],) = settle(
        fallakte_aus_dict(copy.deepcopy(fall["daten"])),
        ist_aus_dict({"format": "ikz-ist/1", "leistungen": [ist]}),
        UST,
    ).leistungen


@when(
    parsers.parse(
        "das steuerpflichtige Jahr mit Ist-Kosten von {ist} Euro abgerechnet wird und die Abschläge {netto} Euro netto und {ust} Euro Umsatzsteuer betrugen"
    )
)
def _abrechnung_netto_ust(fall, ist, netto, ust):
    _abrechnen(fall, ist, {"netto": str(euro(netto)), "umsatzsteuer": str(euro(ust))})


@when(
    parsers.parse(
        "das steuerpflichtige Jahr mit Ist-Kosten von {ist} Euro abgerechnet wird und die Abschläge als ein Betrag von {betrag} Euro erfasst sind"
    )
)
def _abrechnung_ein_betrag(fall, ist, betrag):
    _abrechnen(fall, ist, str(euro(betrag)))


def _anteil(fall, kennung):
    return next(a for a in fall["ergebnis"].anteile if a.beteiligter == kennung)


@then(parsers.parse('zahlt "{kennung}" {betrag} Euro'))
def _zahlt(fall, kennung, betrag):
    assert _anteil(fall, kennung).nicht_steuerbar == euro(betrag)


@then(parsers.parse("trägt der Erbringer selbst {betrag} Euro"))
def _erbringer(fall, betrag):
    a = fall["ergebnis"].anteile[0]
    assert a.rolle == "erbringer" and a.nicht_steuerbar == euro(betrag)


@then(parsers.parse("warnt die Kalkulation vor einer Überdeckung von {betrag} Euro"))
def _ueberdeckung(fall, betrag):
    k = fall["ergebnis"]
    assert k.stueckpreis.kostendeckung_nicht_steuerbar == euro(betrag)
    assert any("Überdeckung" in w for w in k.warnungen)


@then(parsers.parse("weist die erste Abschlagsrechnung {netto} Euro netto und {ust} Euro Umsatzsteuer aus"))
def _erste_abschlagsrechnung(fall, netto, ust):
    erste = fall["ergebnis"].abschlaege[0].steuerpflichtig
    assert (erste.netto, erste.umsatzsteuer) == (euro(netto), euro(ust))


@then(parsers.parse("zieht die Schlussrechnung Abschläge von {netto} Euro netto und {ust} Euro Umsatzsteuer ab"))
def _schluss_abzug(fall, netto, ust):
    (r,) = fall["ergebnis"].schlussrechnungen
    assert (r.abschlaege.netto, r.abschlaege.umsatzsteuer) == (euro(netto), euro(ust))


@then(parsers.parse("bleiben in der Schlussrechnung {netto} Euro netto und {ust} Euro Umsatzsteuer"))
def _schluss_rest(fall, netto, ust):
    (r,) = fall["ergebnis"].schlussrechnungen
    assert (r.verbleibend.netto, r.verbleibend.umsatzsteuer) == (euro(netto), euro(ust))


@then(parsers.parse("sind die Abschläge fällig am {a}, {b}, {c} und {d}"))
def _faellig(fall, a, b, c, d):
    assert [x.faellig.strftime("%d.%m.%Y") for x in fall["ergebnis"].abschlaege] == [a, b, c, d]


@then(parsers.parse("stellt die Schlussrechnung {netto} Euro netto und {ust} Euro Umsatzsteuer fest"))
def _ist_schluss_leistung(fall, netto, ust):
    r = fall["abrechnung"].zeilen[0].schlussrechnung
    assert (r.leistung.netto, r.leistung.umsatzsteuer) == (euro(netto), euro(ust))


@then(parsers.parse("verbleiben {netto} Euro netto und {ust} Euro Umsatzsteuer"))
def _ist_schluss_rest(fall, netto, ust):
    r = fall["abrechnung"].zeilen[0].schlussrechnung
    assert (r.verbleibend.netto, r.verbleibend.umsatzsteuer) == (euro(netto), euro(ust))


@then(parsers.parse('muss "{kennung}" {betrag} Euro nachzahlen'))
def _nachzahlen(fall, kennung, betrag):
    zeile = next(z for z in fall["abrechnung"].zeilen if z.beteiligter == kennung)
    assert zeile.nachzahlung == euro(betrag)


@then("gibt es keine Schlussrechnung, sondern den Hinweis auf § 14 Abs. 5 Satz 2 UStG")
def _keine_schlussrechnung(fall):
    a = fall["abrechnung"]
    assert a.zeilen[0].schlussrechnung is None
    assert any("§ 14 Abs. 5 Satz 2 UStG" in h for h in a.hinweise)


@then(parsers.parse("beträgt der Gemeinkostenzuschlag {betrag} Euro"))
def _gemeinkosten(fall, betrag):
    (zeile,) = [p for p in fall["ergebnis"].positionen if p.art == "gemeinkosten"]
    assert zeile.betrag == euro(betrag)


@then(parsers.parse('warnt die Kalkulation "{text}"'))
def _warnung(fall, text):
    assert any(text in w for w in fall["ergebnis"].warnungen), fall["ergebnis"].warnungen


@then(parsers.parse("beträgt die Abschreibung {betrag} Euro"))
def _abschreibung(fall, betrag):
    (a,) = fall["ergebnis"].anlagen
    assert a.abschreibung == euro(betrag)


@then(parsers.parse("betragen die kalkulatorischen Zinsen {betrag} Euro"))
def _zinsen(fall, betrag):
    assert fall["ergebnis"].kalkulatorische_zinsen == euro(betrag)


@then("ist bei Steuerpflicht jährlich keine Vorsteuer abziehbar")
def _kein_abzug(fall):
    k = fall["ergebnis"]
    assert k.vorsteuerabzug_bei_steuerpflicht == 0 and k.vorsteuer_anlagen == k.vorsteuer > 0


@then(parsers.parse('gibt es die Zeile "{bezeichnung}" mit {betrag} Euro'))
def _zeile(fall, bezeichnung, betrag):
    zeilen = {p.bezeichnung.replace("\u00a0", " "): p.betrag for p in fall["ergebnis"].positionen}
    assert zeilen[bezeichnung] == euro(betrag), zeilen


@then("ist das Wagnis Kosten und kein Wagniszuschlag")
def _einzelwagnis(fall):
    k = fall["ergebnis"]
    (w,) = k.positionen
    assert w.kategorie == "kosten" and k.wagnis == 0
