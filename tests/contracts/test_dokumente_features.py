"""Step definitions of the German document scenarios (features/vereinbarung_entwurf.feature,
pruefvermerk.feature, auskunft.feature, beschlussvorlage.feature): the documents are rendered as
PDF and their text is read back with pypdf."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from advisor.errors import UngueltigeEingabe
from advisor.kosten import kalkulation_als_dict
from contracts.dokumente import als_pdf, erstelle
from contracts.formatting import NBSP, format_money

from .conftest import aus_daten, beratung_mit_ergebnis, echte_beratung, example_daten, flach, seiten

scenarios("vereinbarung_entwurf.feature", "pruefvermerk.feature", "auskunft.feature", "beschlussvorlage.feature")

_GELD = re.compile(r"\d{1,3}(?:\.\d{3})*,\d{2} €")


@pytest.fixture()
def fall() -> dict[str, Any]:
    return {}


@given(parsers.parse('die Fallakte "{name}"'))
def _fallakte(fall, name):
    fall["daten"] = example_daten(name)


@given(parsers.parse('die Fallakte "{name}" ohne Kündigungsfrist'))
def _ohne_frist(fall, name):
    fall["daten"] = example_daten(name)
    for leistung in fall["daten"]["leistungen"]:
        leistung["laufzeit"].pop("kuendigungsfrist_monate", None)


@given(parsers.parse('die steuerliche Würdigung ergibt "{ergebnis}" mit Risiko "{risiko}"'))
def _ergebnis(fall, ergebnis, risiko):
    fall["ergebnis"] = (ergebnis, risiko)


def _erstellen(fall: dict[str, Any], art: str, stand: str, **optionen: str) -> dict[str, Any]:
    fallakte = aus_daten(fall["daten"])
    if "ergebnis" in fall:
        ergebnis, risiko = fall["ergebnis"]
        beratung = beratung_mit_ergebnis(fallakte, ergebnis, risiko=risiko)
    else:
        beratung = echte_beratung(fallakte)
    tag = date(*reversed([int(t) for t in stand.split(".")]))
    erstellt: dict[str, Any] = {"art": art, "stand": tag, "beratung": beratung, "optionen": optionen}
    try:
        erstellt["dokument"] = erstelle(art, beratung, stand=tag, **optionen)
    except UngueltigeEingabe as e:
        erstellt["fehler"] = e
        return erstellt
    erstellt["pdf"] = als_pdf(erstellt["dokument"])
    erstellt["text"] = flach(seiten(erstellt["pdf"]))
    return erstellt


@when(parsers.parse('das Dokument "{art}" mit Stand "{stand}" erstellt wird'), target_fixture="erstellt")
def _dokument(fall, art, stand):
    return _erstellen(fall, art, stand)


@when(parsers.parse('das Dokument "{art}" mit Stand "{stand}" für "{fuer}" erstellt wird'), target_fixture="erstellt")
def _dokument_fuer(fall, art, stand, fuer):
    return _erstellen(fall, art, stand, fuer=fuer)


def _ohne_trennfuge(text: str) -> str:
    """Line breaks after a hyphen ("öffentlich-\nrechtlich") do not matter: "- " becomes "-"."""
    return re.sub(r"-\s+", "-", text)


@then(parsers.parse('enthält das PDF den Text "{text}"'))
def _enthaelt(erstellt, text):
    assert _ohne_trennfuge(text) in _ohne_trennfuge(erstellt["text"])


@then(parsers.parse('enthält das PDF nicht den Text "{text}"'))
def _enthaelt_nicht(erstellt, text):
    assert _ohne_trennfuge(text) not in _ohne_trennfuge(erstellt["text"])


@then("enthält das PDF keinen Feldnamen der Fallakte")
def _keine_feldnamen(erstellt):
    assert not re.findall(r"\b[a-z0-9]+_[a-z0-9_]+\b", erstellt["text"])


@then("steht jeder Betrag aus der Kostenregelung als Summe in Anlage 2")
def _betraege(erstellt):
    entwurf = erstellt["dokument"]
    kennung = "zv_umlage" if entwurf.dokumentart == "Verbandssatzung" else "kostenerstattung"
    betraege = {b for a in entwurf.klausel(kennung).absaetze for b in _GELD.findall(a.text.replace(NBSP, " "))}
    assert betraege
    anlage = erstellt["text"][erstellt["text"].index("Anlage 2:") :]
    summenzeilen = re.findall(
        r"(?:Summe|Erstattungsfähige Kosten|zuzüglich nicht abziehbarer Vorsteuer)[^€]*?€(?: [\d.]+,\d{2} €)*", anlage
    )
    for betrag in betraege:
        assert any(betrag in zeile for zeile in summenzeilen), betrag


@then(parsers.parse('wird das Dokument abgelehnt mit einer Meldung zu "{feld}", die "{text}" nennt'))
def _abgelehnt(erstellt, feld, text):
    fehler = erstellt["fehler"]
    assert [p.pfad for p in fehler.probleme] == [feld]
    assert text in fehler.probleme[0].meldung.replace(NBSP, " ")


@then("ist das PDF bei gleichem Stand byte-gleich")
def _byte_gleich(erstellt):
    nochmal = als_pdf(erstelle(erstellt["art"], erstellt["beratung"], stand=erstellt["stand"], **erstellt["optionen"]))
    assert nochmal == erstellt["pdf"]
    anderer = date.fromordinal(erstellt["stand"].toordinal() + 1)
    assert als_pdf(erstelle(erstellt["art"], erstellt["beratung"], stand=anderer)) != erstellt["pdf"]


@then(parsers.parse('nennt das Verzeichnis der zu ergänzenden Stellen "{text}"'))
def _verzeichnis(erstellt, text):
    liste = erstellt["text"][erstellt["text"].rindex("Zu ergänzende Angaben") :]
    assert text in liste


@then("enthält das PDF jedes Kriterium der Würdigung mit Norm und Status")
def _kriterien(erstellt):
    status = {
        "erfuellt": "erfüllt",
        "nicht_erfuellt": "nicht erfüllt",
        "offen": "offen",
        "nicht_anwendbar": "nicht anwendbar",
    }
    for lb in erstellt["beratung"].bewertung.leistungen:
        for k in lb.kriterien:
            assert f"{k.norm} – {k.titel}: {status[k.status]}" in erstellt["text"], k.regel


@then("enthält das PDF die Prüfsumme des Regelwerks")
def _pruefsumme(erstellt):
    assert erstellt["beratung"].bewertung.regelwerk.sha256 in erstellt["text"]


@then("enthält das PDF jeden Jahresanteil der Kalkulation")
def _jahresanteile(erstellt):
    for kalk in kalkulation_als_dict(erstellt["beratung"].kalkulation)["leistungen"]:
        for anteil in kalk["anteile"]:
            assert format_money(anteil["nicht_steuerbar"]).replace(NBSP, " ") in erstellt["text"]
