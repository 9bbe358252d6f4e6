"""The Given steps of the German § 2b features: they change the base case of ``faelle.grundfall()``
(held in the ``fall`` fixture as case-file data). conftest.py imports them, so every feature sees them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pytest_bdd import given

from advisor.bezeichnungen import BUNDESLAENDER
from tests.conftest import EXAMPLES_DIR
from tests.regeln.faelle import (
    ARTEN,
    AUSSAGEN,
    EMPFAENGER,
    ENTGELTE,
    ERBRINGER,
    RECHTSFORMEN,
    VERMIETUNGEN,
    kosten_mit,
    setze,
)
from tests.regeln.szenario import Szenario, muster

# --- Given: the parties and the legal basis ------------------------------------------------------


@given(muster("eine Leistung der Stadt Aheim an die Gemeinde Bedorf auf {grundlage}"))
def _leistung_auf_grundlage(fall: Szenario, grundlage: str) -> None:
    assert grundlage in RECHTSFORMEN, f"unbekannte Grundlage „{grundlage}“; bekannt: {sorted(RECHTSFORMEN)}"
    fall.daten["rechtsform"] = RECHTSFORMEN[grundlage]


@given(muster("der Erbringer ist {art}"))
def _erbringer_art(fall: Szenario, art: str) -> None:
    assert art in ARTEN, f"unbekannte Art „{art}“; bekannt: {sorted(ARTEN)}"
    fall.daten["beteiligte"][0]["art"] = ARTEN[art]


@given(muster("die Leistung geht auch an ein privates Unternehmen"))
def _privater_empfaenger(fall: Szenario) -> None:
    fall.daten["beteiligte"].append({"id": "privat-gmbh", "name": "Muster GmbH", "art": "privat"})
    fall.leistung["empfaenger"].append("privat-gmbh")


@given(muster('die Leistung gehört zum Aufgabenfeld "{feld}"'))
def _aufgabenfeld(fall: Szenario, feld: str) -> None:
    fall.leistung["aufgabenfeld"] = feld


@given(muster("der Stichtag ist der {tag:Datum}"))
def _stichtag(fall: Szenario, tag) -> None:
    fall.daten["stichtag"] = tag.isoformat()


@given(muster("die Stadt Aheim hat die Option nach § 27 Abs. 22 UStG erklärt und nicht widerrufen"))
def _option(fall: Szenario) -> None:
    fall.daten["beteiligte"][0]["option_27_22"] = True


@given(muster("die Stadt Aheim hat keine Option nach § 27 Abs. 22 UStG erklärt"))
def _keine_option(fall: Szenario) -> None:
    fall.daten["beteiligte"][0]["option_27_22"] = False


@given(muster("ob die Stadt Aheim die Option nach § 27 Abs. 22 UStG erklärt hat, ist nicht angegeben"))
def _option_unbekannt(fall: Szenario) -> None:
    fall.daten["beteiligte"][0].pop("option_27_22", None)


@given(muster("die Beteiligten liegen in {land}"))
def _bundesland(fall: Szenario, land: str) -> None:
    kuerzel = {name: k for k, name in BUNDESLAENDER.items()}
    assert land in kuerzel, f"unbekanntes Land „{land}“; bekannt: {sorted(kuerzel)}"
    fall.daten["bundesland"] = kuerzel[land]


@given(muster("der Erbringer gehört als Eigenbetrieb zur Gemeinde Bedorf"))
def _eigenbetrieb(fall: Szenario) -> None:
    fall.daten["beteiligte"][0].update(name="Eigenbetrieb Bauhof Bedorf", art="gemeinde", rechtstraeger=EMPFAENGER)


@given(muster("die Stadt Aheim erbringt die Leistung an sich selbst"))
def _an_sich_selbst(fall: Szenario) -> None:
    fall.leistung["empfaenger"] = [ERBRINGER]


@given(muster("die Leistung geht auch an ein Amt der Stadt Aheim"))
def _amt(fall: Szenario) -> None:
    fall.daten["beteiligte"].append(
        {"id": "amt-aheim", "name": "Schulamt Aheim", "art": "stadt", "rechtstraeger": ERBRINGER}
    )
    fall.leistung["empfaenger"].append("amt-aheim")


@given(muster("der Erbringer hat {anzahl:Zahl} Träger"))
def _traeger(fall: Szenario, anzahl: int) -> None:
    fall.daten["beteiligte"][0]["anzahl_mitglieder"] = anzahl


@given(muster("die Gemeinde Bedorf ist Mitglied des Erbringers"))
def _mitglied(fall: Szenario) -> None:
    fall.daten["beteiligte"][0]["mitglieder"] = [EMPFAENGER]


@given(muster("die Gemeinde Bedorf ist kein Mitglied des Erbringers"))
def _kein_mitglied(fall: Szenario) -> None:
    fall.daten["beteiligte"].append({"id": "gemeinde-cedorf", "name": "Gemeinde Cedorf", "art": "gemeinde"})
    fall.daten["beteiligte"][0]["mitglieder"] = ["gemeinde-cedorf"]


# --- Given: the facts of the service -------------------------------------------------------------


@given(muster("die Leistung wird gegen {entgelt} erbracht"))
def _entgelt(fall: Szenario, entgelt: str) -> None:
    assert entgelt in ENTGELTE, f"unbekannte Vergütung „{entgelt}“; bekannt: {sorted(ENTGELTE)}"
    fall.leistung["entgelt"] = ENTGELTE[entgelt]


@given(muster("die Leistung wird unentgeltlich erbracht"))
def _unentgeltlich(fall: Szenario) -> None:
    fall.leistung["entgelt"] = "unentgeltlich"


def _aussage_schritt(satz: str, feld: str, wert: bool) -> None:
    def schritt(fall: Szenario) -> None:
        setze(fall.leistung, feld, wert)

    schritt.__name__ = f"_aussage_{feld.replace('.', '_')}_{wert}"
    given(satz, stacklevel=2)(schritt)


for _satz, (_feld, _wert) in AUSSAGEN.items():
    _aussage_schritt(_satz, _feld, _wert)


@given(muster("der Erbringer vermietet {gegenstand}"))
def _vermietung(fall: Szenario, gegenstand: str) -> None:
    assert gegenstand in VERMIETUNGEN, f"unbekannter Gegenstand „{gegenstand}“; bekannt: {sorted(VERMIETUNGEN)}"
    fall.leistung["vermietung_gegenstand"] = VERMIETUNGEN[gegenstand]


@given(muster('die Leistung ist die nach altem Recht stets unternehmerische Tätigkeit "{taetigkeit}"'))
def _sondertaetigkeit(fall: Szenario, taetigkeit: str) -> None:
    fall.leistung["sondertaetigkeit_altes_recht"] = taetigkeit


@given(muster('die Angabe "{feld}" fehlt'))
def _angabe_fehlt(fall: Szenario, feld: str) -> None:
    setze(fall.leistung, feld, None)


@given(muster("der Umsatz aus gleichartigen Tätigkeiten beträgt {betrag:Euro}"))
def _umsatz(fall: Szenario, betrag: Decimal) -> None:
    fall.leistung["umsatz_gleichartige_taetigkeiten"] = str(betrag)


@given(
    muster(
        "der Anteil gleichartiger Leistungen an juristische Personen des öffentlichen Rechts beträgt {anteil:Prozent}"
    )
)
def _anteil(fall: Szenario, anteil: Decimal) -> None:
    fall.leistung["anteil_leistungen_an_jpoer_prozent"] = str(anteil)


@given(muster('die Leistung ist die Anhang-I-Tätigkeit "{taetigkeit}"'))
def _anhang_i(fall: Szenario, taetigkeit: str) -> None:
    fall.leistung["anhang_i_taetigkeit"] = taetigkeit


@given(muster("die Vereinbarung beginnt am {beginn:Datum} und endet mit Ablauf des {ende:Datum}"))
def _befristet(fall: Szenario, beginn, ende) -> None:
    fall.leistung["laufzeit"] = {"beginn": beginn.isoformat(), "letzter_tag": ende.isoformat()}


@given(muster("die Vereinbarung beginnt am {beginn:Datum} und ist unbefristet"))
def _unbefristet(fall: Szenario, beginn) -> None:
    fall.leistung["laufzeit"] = {"beginn": beginn.isoformat(), "letzter_tag": None}


# --- Given: the cost calculation (the When step then calculates first) ---------------------------


@given(muster("die Kosten betragen jährlich {betrag:Euro} und werden spitz abgerechnet"))
def _kosten(fall: Szenario, betrag: Decimal) -> None:
    fall.leistung["kosten"] = kosten_mit(betrag)


def _kosten_von(fall: Szenario) -> dict[str, Any]:
    assert fall.leistung.get("kosten"), "Erst die Kosten angeben („Und die Kosten betragen jährlich …“)."
    return fall.leistung["kosten"]


@given(muster("die Kalkulation enthält einen Gewinnaufschlag von {satz:Prozent}"))
def _gewinnaufschlag(fall: Szenario, satz: Decimal) -> None:
    _kosten_von(fall)["gewinnaufschlag_prozent"] = str(satz)


@given(muster("die Kalkulation enthält einen allgemeinen Wagniszuschlag von {betrag:Euro}"))
def _wagnis(fall: Szenario, betrag: Decimal) -> None:
    _kosten_von(fall)["positionen"].append({"art": "wagnis", "bezeichnung": "Wagnis", "betrag": str(betrag)})


@given(muster("die Kalkulation enthält ein Einzelwagnis von {betrag:Euro} mit dem Nachweis „{nachweis}“"))
def _einzelwagnis(fall: Szenario, betrag: Decimal, nachweis: str) -> None:
    _kosten_von(fall)["positionen"].append(
        {"art": "wagnis", "bezeichnung": "Forderungsausfälle", "betrag": str(betrag), "einzelwagnis_nachweis": nachweis}
    )


@given(muster("die Kalkulation enthält kalkulatorische Zinsen auf Eigenkapital von {betrag:Euro}"))
def _kalkulatorische_zinsen(fall: Szenario, betrag: Decimal) -> None:
    _kosten_von(fall)["positionen"].append(
        {"art": "kalkulatorische_zinsen", "bezeichnung": "Verzinsung Eigenkapital", "betrag": str(betrag)}
    )


@given(muster("die Kalkulation enthält Sachkosten von {netto:Euro} zuzüglich {vorsteuer:Euro} Vorsteuer"))
def _sachkosten(fall: Szenario, netto: Decimal, vorsteuer: Decimal) -> None:
    _kosten_von(fall)["positionen"].append(
        {"art": "sachkosten", "bezeichnung": "Sachkosten", "betrag": str(netto), "vorsteuer": str(vorsteuer)}
    )


@given(muster('eine zweite Leistung {von} im Aufgabenfeld "{feld}" kostet jährlich {betrag:Euro}'))
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


@given(muster("abgerechnet wird zum Festpreis ohne Anpassung"))
def _festpreis(fall: Szenario) -> None:
    _kosten_von(fall)["abrechnung"] = {"verfahren": "festpreis", "abschlaege": "vierteljaehrlich"}


@given(muster("abgerechnet wird als Pauschale, die regelmäßig an die Kosten angepasst wird"))
def _pauschale_mit_anpassung(fall: Szenario) -> None:
    _kosten_von(fall)["abrechnung"] = {"verfahren": "pauschale_mit_anpassung", "abschlaege": "vierteljaehrlich"}


# --- Given: a shipped example --------------------------------------------------------------------


@given(muster('das Beispiel "{name}"'))
def _beispiel(fall: Szenario, name: str) -> None:
    fall.beispiel = (EXAMPLES_DIR / f"{name}.yaml").read_text(encoding="utf-8")
