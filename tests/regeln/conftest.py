"""Shared steps of the German § 2b features (features/*.feature).

Given steps change the base case of ``faelle.grundfall()`` (held in the ``fall`` fixture as
case-file data); the When step validates it through the one parser and assesses it — with
``berate`` (calculation first, its figures feed the rules) when the scenario gives costs, with
``assess`` alone otherwise; Then steps read the ``Bewertung``. Steps stay thin: the legal
behaviour lives in the rule set, not here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

import rules
from advisor.beratung import berate
from advisor.bewerten import assess
from advisor.bewertung import Bewertung, Leistungsbewertung
from advisor.bezeichnungen import BUNDESLAENDER
from advisor.kosten import Kalkulation
from advisor.parsing import fallakte_aus_daten, parse_fallakte
from tests.conftest import EXAMPLES_DIR
from tests.regeln.faelle import (
    ARTEN,
    AUSSAGEN,
    EMPFAENGER,
    ENTGELTE,
    ERBRINGER,
    RECHTSFORMEN,
    TYPEN,
    VERMIETUNGEN,
    ende_nach_ablauf,
    grundfall,
    kosten_mit,
    liste,
    setze,
)


def _p(text: str) -> parsers.parse:
    return parsers.parse(text, extra_types=TYPEN)


class Szenario:
    """What one scenario builds up: the case data (or an example's text) and the assessment."""

    def __init__(self) -> None:
        self.daten: dict[str, Any] = grundfall()
        self.beispiel: str | None = None
        self.bewertung: Bewertung | None = None
        self.kalkulation: Kalkulation | None = None

    @property
    def leistung(self) -> dict[str, Any]:
        return self.daten["leistungen"][0]

    def ergebnis(self) -> Leistungsbewertung:
        assert self.bewertung is not None, "Der Schritt „Wenn … bewertet wird“ fehlt."
        assert len(self.bewertung.leistungen) == 1, "Der Fall hat mehrere Leistungen; bitte die Leistung nennen."
        return self.bewertung.leistungen[0]

    def leistung_namens(self, kennung: str) -> Leistungsbewertung:
        assert self.bewertung is not None
        return next(lb for lb in self.bewertung.leistungen if lb.leistung == kennung)


@pytest.fixture
def fall() -> Szenario:
    return Szenario()


@pytest.fixture(scope="session")
def regelwerk():
    return rules.load_rules()


@pytest.fixture(scope="session")
def satztabellen():
    return rules.load_rate_tables()


# --- Given: the parties and the legal basis ------------------------------------------------------


@given(_p("eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf {grundlage}"))
def _leistung_auf_grundlage(fall: Szenario, grundlage: str) -> None:
    assert grundlage in RECHTSFORMEN, f"unbekannte Grundlage „{grundlage}“; bekannt: {sorted(RECHTSFORMEN)}"
    fall.daten["rechtsform"] = RECHTSFORMEN[grundlage]


@given(_p("der Erbringer ist {art}"))
def _erbringer_art(fall: Szenario, art: str) -> None:
    assert art in ARTEN, f"unbekannte Art „{art}“; bekannt: {sorted(ARTEN)}"
    fall.daten["beteiligte"][0]["art"] = ARTEN[art]


@given(_p("die Leistung geht auch an ein privates Unternehmen"))
def _privater_empfaenger(fall: Szenario) -> None:
    fall.daten["beteiligte"].append({"id": "privat-gmbh", "name": "Muster GmbH", "art": "privat"})
    fall.leistung["empfaenger"].append("privat-gmbh")


@given(_p('die Leistung gehört zum Aufgabenfeld "{feld}"'))
def _aufgabenfeld(fall: Szenario, feld: str) -> None:
    fall.leistung["aufgabenfeld"] = feld


@given(_p("der Stichtag ist der {tag:Datum}"))
def _stichtag(fall: Szenario, tag) -> None:
    fall.daten["stichtag"] = tag.isoformat()


@given(_p("die Stadt Aheim hat die Option nach § 27 Abs. 22 UStG erklärt und nicht widerrufen"))
def _option(fall: Szenario) -> None:
    fall.daten["beteiligte"][0]["option_27_22"] = True


@given(_p("die Stadt Aheim hat keine Option nach § 27 Abs. 22 UStG erklärt"))
def _keine_option(fall: Szenario) -> None:
    fall.daten["beteiligte"][0]["option_27_22"] = False


@given(_p("ob die Stadt Aheim die Option nach § 27 Abs. 22 UStG erklärt hat, ist nicht angegeben"))
def _option_unbekannt(fall: Szenario) -> None:
    fall.daten["beteiligte"][0].pop("option_27_22", None)


@given(_p("die Beteiligten liegen in {land}"))
def _bundesland(fall: Szenario, land: str) -> None:
    kuerzel = {name: k for k, name in BUNDESLAENDER.items()}
    assert land in kuerzel, f"unbekanntes Land „{land}“; bekannt: {sorted(kuerzel)}"
    fall.daten["bundesland"] = kuerzel[land]


@given(_p("der Erbringer gehört als Eigenbetrieb zur Gemeinde Bedorf"))
def _eigenbetrieb(fall: Szenario) -> None:
    fall.daten["beteiligte"][0].update(name="Eigenbetrieb Bauhof Bedorf", art="gemeinde", rechtstraeger=EMPFAENGER)


@given(_p("die Stadt Aheim erbringt die Leistung an sich selbst"))
def _an_sich_selbst(fall: Szenario) -> None:
    fall.leistung["empfaenger"] = [ERBRINGER]


@given(_p("die Leistung geht auch an ein Amt der Stadt Aheim"))
def _amt(fall: Szenario) -> None:
    fall.daten["beteiligte"].append(
        {"id": "amt-aheim", "name": "Schulamt Aheim", "art": "stadt", "rechtstraeger": ERBRINGER}
    )
    fall.leistung["empfaenger"].append("amt-aheim")


@given(_p("der Erbringer hat {anzahl:Zahl} Träger"))
def _traeger(fall: Szenario, anzahl: int) -> None:
    fall.daten["beteiligte"][0]["anzahl_mitglieder"] = anzahl


@given(_p("die Gemeinde Bedorf ist Mitglied des Erbringers"))
def _mitglied(fall: Szenario) -> None:
    fall.daten["beteiligte"][0]["mitglieder"] = [EMPFAENGER]


@given(_p("die Gemeinde Bedorf ist kein Mitglied des Erbringers"))
def _kein_mitglied(fall: Szenario) -> None:
    fall.daten["beteiligte"].append({"id": "gemeinde-cedorf", "name": "Gemeinde Cedorf", "art": "gemeinde"})
    fall.daten["beteiligte"][0]["mitglieder"] = ["gemeinde-cedorf"]


# --- Given: the facts of the service -------------------------------------------------------------


@given(_p("die Leistung wird gegen {entgelt} erbracht"))
def _entgelt(fall: Szenario, entgelt: str) -> None:
    assert entgelt in ENTGELTE, f"unbekannte Vergütung „{entgelt}“; bekannt: {sorted(ENTGELTE)}"
    fall.leistung["entgelt"] = ENTGELTE[entgelt]


@given(_p("die Leistung wird unentgeltlich erbracht"))
def _unentgeltlich(fall: Szenario) -> None:
    fall.leistung["entgelt"] = "unentgeltlich"


def _aussage_schritt(satz: str, feld: str, wert: bool) -> None:
    def schritt(fall: Szenario) -> None:
        setze(fall.leistung, feld, wert)

    schritt.__name__ = f"_aussage_{feld.replace('.', '_')}_{wert}"
    given(satz, stacklevel=2)(schritt)


for _satz, (_feld, _wert) in AUSSAGEN.items():
    _aussage_schritt(_satz, _feld, _wert)


@given(_p("der Erbringer vermietet {gegenstand}"))
def _vermietung(fall: Szenario, gegenstand: str) -> None:
    assert gegenstand in VERMIETUNGEN, f"unbekannter Gegenstand „{gegenstand}“; bekannt: {sorted(VERMIETUNGEN)}"
    fall.leistung["vermietung_gegenstand"] = VERMIETUNGEN[gegenstand]


@given(_p('die Leistung ist die nach altem Recht stets unternehmerische Tätigkeit "{taetigkeit}"'))
def _sondertaetigkeit(fall: Szenario, taetigkeit: str) -> None:
    fall.leistung["sondertaetigkeit_altes_recht"] = taetigkeit


@given(_p('die Angabe "{feld}" fehlt'))
def _angabe_fehlt(fall: Szenario, feld: str) -> None:
    setze(fall.leistung, feld, None)


@given(_p("der Umsatz aus gleichartigen Tätigkeiten beträgt {betrag:Euro}"))
def _umsatz(fall: Szenario, betrag: Decimal) -> None:
    fall.leistung["umsatz_gleichartige_taetigkeiten"] = str(betrag)


@given(
    _p("der Anteil gleichartiger Leistungen an juristische Personen des öffentlichen Rechts beträgt {anteil:Prozent}")
)
def _anteil(fall: Szenario, anteil: Decimal) -> None:
    fall.leistung["anteil_leistungen_an_jpoer_prozent"] = str(anteil)


@given(_p('die Leistung ist die Anhang-I-Tätigkeit "{taetigkeit}"'))
def _anhang_i(fall: Szenario, taetigkeit: str) -> None:
    fall.leistung["anhang_i_taetigkeit"] = taetigkeit


@given(_p("die Vereinbarung beginnt am {beginn:Datum} und endet mit Ablauf des {ende:Datum}"))
def _befristet(fall: Szenario, beginn, ende) -> None:
    fall.leistung["laufzeit"] = {"beginn": beginn.isoformat(), "ende": ende_nach_ablauf(ende).isoformat()}


@given(_p("die Vereinbarung beginnt am {beginn:Datum} und ist unbefristet"))
def _unbefristet(fall: Szenario, beginn) -> None:
    fall.leistung["laufzeit"] = {"beginn": beginn.isoformat(), "ende": None}


# --- Given: the cost calculation (the When step then calculates first) ---------------------------


@given(_p("die Kosten betragen jährlich {betrag:Euro} und werden spitz abgerechnet"))
def _kosten(fall: Szenario, betrag: Decimal) -> None:
    fall.leistung["kosten"] = kosten_mit(betrag)


def _kosten_von(fall: Szenario) -> dict[str, Any]:
    assert fall.leistung.get("kosten"), "Erst die Kosten angeben („Und die Kosten betragen jährlich …“)."
    return fall.leistung["kosten"]


@given(_p("die Kalkulation enthält einen Gewinnaufschlag von {satz:Prozent}"))
def _gewinnaufschlag(fall: Szenario, satz: Decimal) -> None:
    _kosten_von(fall)["gewinnaufschlag_prozent"] = str(satz)


@given(_p("die Kalkulation enthält einen allgemeinen Wagniszuschlag von {betrag:Euro}"))
def _wagnis(fall: Szenario, betrag: Decimal) -> None:
    _kosten_von(fall)["positionen"].append({"art": "wagnis", "bezeichnung": "Wagnis", "betrag": str(betrag)})


@given(_p("die Kalkulation enthält kalkulatorische Zinsen auf Eigenkapital von {betrag:Euro}"))
def _kalkulatorische_zinsen(fall: Szenario, betrag: Decimal) -> None:
    _kosten_von(fall)["positionen"].append(
        {"art": "kalkulatorische_zinsen", "bezeichnung": "Verzinsung Eigenkapital", "betrag": str(betrag)}
    )


@given(_p("die Kalkulation enthält Sachkosten von {netto:Euro} zuzüglich {vorsteuer:Euro} Vorsteuer"))
def _sachkosten(fall: Szenario, netto: Decimal, vorsteuer: Decimal) -> None:
    _kosten_von(fall)["positionen"].append(
        {"art": "sachkosten", "bezeichnung": "Sachkosten", "betrag": str(netto), "vorsteuer": str(vorsteuer)}
    )


@given(_p('eine zweite Leistung {von} im Aufgabenfeld "{feld}" kostet jährlich {betrag:Euro}'))
def _zweite_leistung(fall: Szenario, von: str, feld: str, betrag: Decimal) -> None:
    erbringer = {"der Stadt Aheim": ERBRINGER, "der Gemeinde Bedorf": EMPFAENGER}
    assert von in erbringer, f"unbekannter Erbringer „{von}“; bekannt: {sorted(erbringer)}"
    zweite = {
        key: value
        for key, value in fall.leistung.items()
        if key not in ("id", "bezeichnung", "aufgabenfeld", "erbringer", "empfaenger", "kosten")
    }
    zweite.update(
        id="zweite",
        bezeichnung="Zweite Leistung",
        aufgabenfeld=feld,
        erbringer=erbringer[von],
        empfaenger=[EMPFAENGER if erbringer[von] == ERBRINGER else ERBRINGER],
        kosten=kosten_mit(betrag),
    )
    fall.daten["leistungen"].append(zweite)


@given(_p("abgerechnet wird zum Festpreis ohne Anpassung"))
def _festpreis(fall: Szenario) -> None:
    _kosten_von(fall)["abrechnung"] = {"verfahren": "festpreis", "abschlaege": "vierteljaehrlich"}


@given(_p("abgerechnet wird als Pauschale, die regelmäßig an die Kosten angepasst wird"))
def _pauschale_mit_anpassung(fall: Szenario) -> None:
    _kosten_von(fall)["abrechnung"] = {"verfahren": "pauschale_mit_anpassung", "abschlaege": "vierteljaehrlich"}


# --- Given: a shipped example --------------------------------------------------------------------


@given(_p('das Beispiel "{name}"'))
def _beispiel(fall: Szenario, name: str) -> None:
    fall.beispiel = (EXAMPLES_DIR / f"{name}.yaml").read_text(encoding="utf-8")


# --- When ----------------------------------------------------------------------------------------


@when(_p("die Leistung nach § 2b UStG bewertet wird"))
@when(_p("der Fall nach § 2b UStG bewertet wird"))
def _bewerte(fall: Szenario, regelwerk, satztabellen) -> None:
    fallakte = parse_fallakte(fall.beispiel) if fall.beispiel is not None else fallakte_aus_daten(fall.daten)
    if any(leistung.kosten is not None for leistung in fallakte.leistungen):
        beratung = berate(fallakte, regelwerk, satztabellen)
        fall.bewertung, fall.kalkulation = beratung.bewertung, beratung.kalkulation
    else:
        fall.bewertung = assess(fallakte, regelwerk)


# --- Then ----------------------------------------------------------------------------------------


@then(_p('ist das Ergebnis "{ergebnis}"'))
@then(_p('das Ergebnis ist "{ergebnis}"'))
def _ergebnis(fall: Szenario, ergebnis: str) -> None:
    lb = fall.ergebnis()
    assert lb.ergebnis == ergebnis, _erklaere(lb)


@then(_p('ist das Ergebnis der Leistung "{leistung}" "{ergebnis}"'))
@then(_p('das Ergebnis der Leistung "{leistung}" ist "{ergebnis}"'))
def _ergebnis_der_leistung(fall: Szenario, leistung: str, ergebnis: str) -> None:
    lb = fall.leistung_namens(leistung)
    assert lb.ergebnis == ergebnis, _erklaere(lb)


@then(_p('ist das Gesamtergebnis "{ergebnis}"'))
def _gesamtergebnis(fall: Szenario, ergebnis: str) -> None:
    assert fall.bewertung is not None and fall.bewertung.ergebnis == ergebnis


@then(_p('die entscheidende Regel ist "{regel}"'))
def _entscheidende_regel(fall: Szenario, regel: str) -> None:
    lb = fall.ergebnis()
    assert lb.entscheidende_regel == regel, _erklaere(lb)


@then(_p('die entscheidende Regel der Leistung "{leistung}" ist "{regel}"'))
def _entscheidende_regel_der_leistung(fall: Szenario, leistung: str, regel: str) -> None:
    lb = fall.leistung_namens(leistung)
    assert lb.entscheidende_regel == regel, _erklaere(lb)


@then(_p("es gibt keine entscheidende Regel"))
def _keine_entscheidende_regel(fall: Szenario) -> None:
    assert fall.ergebnis().entscheidende_regel is None


@then(_p('das Regime ist "{regime}"'))
@then(_p('ist das Regime "{regime}"'))
def _regime(fall: Szenario, regime: str) -> None:
    lb = fall.ergebnis()
    assert lb.regime == regime, _erklaere(lb)


@then(_p('das Risiko ist "{risiko}"'))
@then(_p('ist das Risiko "{risiko}"'))
def _risiko(fall: Szenario, risiko: str) -> None:
    lb = fall.ergebnis()
    assert lb.risiko == risiko, f"Risiko {lb.risiko}: {lb.risikogruende}"


@then(_p('ein Risikogrund nennt "{text}"'))
def _risikogrund(fall: Szenario, text: str) -> None:
    gruende = fall.ergebnis().risikogruende
    assert any(text in g.replace("\u00a0", " ") for g in gruende), gruende


@then(_p('kein Risikogrund nennt "{text}"'))
def _kein_risikogrund(fall: Szenario, text: str) -> None:
    gruende = fall.ergebnis().risikogruende
    assert not any(text in g for g in gruende), gruende


def _kriterium(lb: Leistungsbewertung, regel: str):
    for k in lb.kriterien:
        if k.regel == regel:
            return k
    raise AssertionError(f"Kriterium {regel} nicht berichtet; berichtet: {[k.regel for k in lb.kriterien]}")


@then(_p('das Kriterium "{regel}" ist "{status}"'))
@then(_p('ist das Kriterium "{regel}" "{status}"'))
def _kriterium_status(fall: Szenario, regel: str, status: str) -> None:
    k = _kriterium(fall.ergebnis(), regel)
    assert k.status == status, f"{regel}: {k.status} – {k.begruendung}"


@then(_p('die Begründung zu "{regel}" enthält "{text}"'))
def _begruendung(fall: Szenario, regel: str, text: str) -> None:
    k = _kriterium(fall.ergebnis(), regel)
    assert text in k.begruendung.replace("\u00a0", " "), k.begruendung


@then(_p('das Kriterium "{regel}" nennt die Quelle "{quelle}"'))
def _quelle(fall: Szenario, regel: str, quelle: str) -> None:
    k = _kriterium(fall.ergebnis(), regel)
    assert any(quelle in q for q in k.quellen), k.quellen


@then(_p("gefragt wird nur nach {fakten}"))
def _fragen(fall: Szenario, fakten: str) -> None:
    lb = fall.ergebnis()
    assert sorted(q.fakt for q in lb.offene_fragen) == sorted(liste(fakten)), _erklaere(lb)
    assert all(q.frage.endswith("?") or "?" in q.frage for q in lb.offene_fragen)


@then(_p("es wird keine Frage gestellt"))
def _keine_fragen(fall: Szenario) -> None:
    lb = fall.ergebnis()
    assert lb.offene_fragen == (), _erklaere(lb)


@then(_p('zur Leistung "{leistung}" wird nur nach {fakten} gefragt'))
def _fragen_der_leistung(fall: Szenario, leistung: str, fakten: str) -> None:
    lb = fall.leistung_namens(leistung)
    assert sorted(q.fakt for q in lb.offene_fragen) == sorted(liste(fakten)), _erklaere(lb)


@then(_p('zur Leistung "{leistung}" wird keine Frage gestellt'))
def _keine_fragen_der_leistung(fall: Szenario, leistung: str) -> None:
    lb = fall.leistung_namens(leistung)
    assert lb.offene_fragen == (), _erklaere(lb)


@then(_p('die Frage nach "{fakt}" enthält "{text}"'))
def _fragetext(fall: Szenario, fakt: str, text: str) -> None:
    fragen = {q.fakt: q for q in fall.ergebnis().offene_fragen}
    assert fakt in fragen, sorted(fragen)
    assert text in fragen[fakt].frage, fragen[fakt].frage


@then(_p('der Titel der Bewertung lautet "{titel}"'))
def _titel(fall: Szenario, titel: str) -> None:
    assert fall.bewertung is not None and fall.bewertung.titel == titel, fall.bewertung and fall.bewertung.titel


@then(_p("die Kalkulation rechnet mit {satz:Prozent} Umsatzsteuer"))
def _kalkulierter_satz(fall: Szenario, satz: Decimal) -> None:
    assert fall.kalkulation is not None, "Erst die Kosten angeben („Und die Kosten betragen jährlich …“)."
    (lk,) = fall.kalkulation.leistungen
    assert lk.umsatzsteuersatz == satz, lk.umsatzsteuersatz


@then(_p('die Frage nach "{fakt}" verweist auf das Feld "{feld}"'))
def _frage_feld(fall: Szenario, fakt: str, feld: str) -> None:
    fragen = {q.fakt: q for q in fall.ergebnis().offene_fragen}
    assert fakt in fragen, sorted(fragen)
    assert fragen[fakt].feld == feld


@then(_p('empfohlen wird "{hebel}" mit dem Ergebnis "{ergebnis}"'))
def _empfohlen(fall: Szenario, hebel: str, ergebnis: str) -> None:
    empfehlungen = {e.hebel: e for e in fall.ergebnis().empfehlungen}
    assert hebel in empfehlungen, sorted(empfehlungen)
    assert empfehlungen[hebel].ergebnis_danach == ergebnis


@then(_p('die Empfehlung "{hebel}" ändert "{feld}" nicht'))
def _aendert_nicht(fall: Szenario, hebel: str, feld: str) -> None:
    empfehlungen = {e.hebel: e for e in fall.ergebnis().empfehlungen}
    assert hebel in empfehlungen, sorted(empfehlungen)
    assert feld not in empfehlungen[hebel].aenderung, empfehlungen[hebel].aenderung


@then(_p('nicht empfohlen wird "{hebel}"'))
def _nicht_empfohlen(fall: Szenario, hebel: str) -> None:
    assert hebel not in {e.hebel for e in fall.ergebnis().empfehlungen}


@then(_p("es wird nichts empfohlen"))
def _nichts_empfohlen(fall: Szenario) -> None:
    assert fall.ergebnis().empfehlungen == ()


@then(_p('die Empfehlung "{hebel}" setzt voraus, dass "{fakt}" geklärt ist'))
def _voraussetzung(fall: Szenario, hebel: str, fakt: str) -> None:
    empfehlungen = {e.hebel: e for e in fall.ergebnis().empfehlungen}
    assert hebel in empfehlungen, sorted(empfehlungen)
    e = empfehlungen[hebel]
    assert fakt in {q.fakt for q in e.voraussetzungen}, e.voraussetzungen
    assert "Voraussetzung" in e.massnahme and "nicht zu wählen" in e.massnahme, e.massnahme


@then(_p('die Empfehlung "{hebel}" hat keine offene Voraussetzung'))
def _keine_voraussetzung(fall: Szenario, hebel: str) -> None:
    empfehlungen = {e.hebel: e for e in fall.ergebnis().empfehlungen}
    assert hebel in empfehlungen, sorted(empfehlungen)
    assert empfehlungen[hebel].voraussetzungen == ()


@then(_p('die Empfehlung "{hebel}" vermeidet eine Mehrbelastung von {betrag:Euro}'))
def _mehrbelastung(fall: Szenario, hebel: str, betrag: Decimal) -> None:
    empfehlungen = {e.hebel: e for e in fall.ergebnis().empfehlungen}
    assert empfehlungen[hebel].mehrbelastung_vermieden_eur == betrag


@then(_p('die Angabe "{fakt}" stammt aus dem Katalog'))
def _aus_katalog(fall: Szenario, fakt: str) -> None:
    assert fakt in fall.ergebnis().katalogvorgaben


@then(_p('ein Hinweis nennt "{text}"'))
def _hinweis(fall: Szenario, text: str) -> None:
    hinweise = fall.ergebnis().hinweise
    assert any(text in h.replace("\u00a0", " ") for h in hinweise), hinweise


def _erklaere(lb: Leistungsbewertung) -> str:
    """The assessment in short, for a failing assertion."""
    zeilen = [f"Ergebnis {lb.ergebnis}, entscheidend {lb.entscheidende_regel}, Risiko {lb.risiko}"]
    zeilen += [f"  {k.regel}: {k.status}" for k in lb.kriterien]
    zeilen += [f"  Frage: {q.fakt}" for q in lb.offene_fragen]
    return "\n".join(zeilen)


__all__ = ["ERBRINGER", "EMPFAENGER"]
