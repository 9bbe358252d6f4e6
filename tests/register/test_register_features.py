"""Step definitions of features/fristen.feature, vertragsregister.feature and auswirkungen.feature."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from advisor.fristen import fristen
from advisor.parsing import fallakte_aus_dict
from api.register.auswirkungen import alles_bearbeiten
from tests.kosten.conftest import fall_daten
from tests.regeln.regelnamen import regel_id
from tests.register.conftest import A, C
from tests.register.test_auswirkungen import _bauhof, altes_regelwerk  # noqa: F401  (fixture)
from tests.screening.conftest import bauhof_zeilen, csv_bytes, zeile

scenarios("fristen.feature", "vertragsregister.feature", "auswirkungen.feature")


def tag(text: str) -> date:
    t, m, j = (int(x) for x in text.split("."))
    return date(j, m, t)


@pytest.fixture
def settings_extra() -> dict[str, object]:
    return {"auswirkungen_im_hintergrund": False, "seed_examples": False}


@pytest.fixture
def stand() -> dict[str, Any]:
    return {"regime": {}}


# --- Fristen ------------------------------------------------------------------------------------


@given(parsers.parse("eine unbefristete Zusammenarbeit ab {beginn} mit {monate:d} Monaten Kündigungsfrist"))
def _unbefristet(stand, beginn, monate):
    stand["daten"] = fall_daten()
    stand["daten"]["stichtag"] = tag(beginn).isoformat()
    stand["daten"]["leistungen"][0]["laufzeit"] = {"beginn": tag(beginn).isoformat(), "kuendigungsfrist_monate": monate}


@given(parsers.parse("eine befristete Zusammenarbeit vom {beginn} bis {ende} mit {monate:d} Monaten Kündigungsfrist"))
def _befristet(stand, beginn, ende, monate):
    from datetime import timedelta

    stand["daten"] = fall_daten()
    stand["daten"]["leistungen"][0]["laufzeit"] = {
        "beginn": tag(beginn).isoformat(),
        "ende": (tag(ende) + timedelta(days=1)).isoformat(),
        "kuendigungsfrist_monate": monate,
    }


@given("die gespeicherte Bewertung wendet das alte Recht an")
def _altes_recht(stand):
    stand["regime"] = {"dienst": "altes_recht"}


@when(parsers.parse("das Register am {heute} die Fristen bestimmt"))
def _bestimmen(stand, heute):
    stand["fristen"] = fristen(fallakte_aus_dict(stand["daten"]), stand["regime"], tag(heute))


def _frist(stand, art):
    (f,) = [f for f in stand["fristen"] if f.art == art]
    return f


@then(parsers.parse("ist der letzte Kündigungstag der {datum}"))
def _kuendigung(stand, datum):
    assert _frist(stand, "kuendigung").datum == tag(datum)


@then(parsers.parse("endet die Zusammenarbeit dann am {datum}"))
def _endet(stand, datum):
    assert f"endet die Zusammenarbeit am {datum}" in (_frist(stand, "kuendigung").hinweis or "")


@then(parsers.parse("nennt das Register den Zugang bis Freitag, {datum}"))
def _zugang(stand, datum):
    assert _frist(stand, "kuendigung").zugang_bis == tag(datum)


@then(parsers.parse("ist das Laufzeitende der {datum}"))
def _laufzeitende(stand, datum):
    assert _frist(stand, "laufzeitende").datum == tag(datum)


@then(parsers.parse('gibt es die Frist "{art}" am {datum}'))
def _frist_am(stand, art, datum):
    assert _frist(stand, art).datum == tag(datum)


# --- Vertragsregister ---------------------------------------------------------------------------


@given("eine Bestandsliste mit zwei gültigen Bauhof-Zeilen und einer Zeile mit unbekanntem Aufgabenfeld")
def _liste(stand):
    stand["zeilen"] = [*bauhof_zeilen(2), zeile(kennung="M-1", aufgabenfeld="raumfahrt")]


@given(parsers.parse('eine Bestandsliste mit einer Zeile, deren Bezeichnung mit "=" beginnt'))
def _liste_formel(stand):
    zeilen = bauhof_zeilen(1)
    zeilen[0]["bezeichnung"] = "=SUMME(A1:A9)"
    stand["zeilen"] = zeilen


@when("das Fachamt die Liste ins Register übernimmt")
def _uebernehmen(stand, client, key):
    r = client.post(
        "/api/v1/register/import",
        files={"datei": ("bestand.csv", csv_bytes(stand["zeilen"]), "text/csv")},
        headers=key(A, "sachbearbeitung"),
    )
    assert r.status_code == 201, r.text
    stand["import"] = r.json()


@when("die Steuerbeauftragte das Register als CSV exportiert")
def _export(stand, client, key):
    stand["csv"] = client.get("/api/v1/register", headers={**key(A, "steuer"), "accept": "text/csv"}).content


@then(parsers.parse('enthält das Register zwei Einträge mit der Herkunft "{a}" und "{b}"'))
def _herkunft(client, key, a, b):
    eintraege = client.get("/api/v1/register", headers=key(A, "steuer")).json()["eintraege"]
    assert sorted(e["herkunft"] for e in eintraege) == [a, b]


@then(parsers.parse("wird die Zeile {nummer:d} mit ihrem Problem gemeldet"))
def _problem(stand, nummer):
    assert [p["zeile"] for p in stand["import"]["probleme"]] == [nummer]
    assert stand["import"]["probleme"][0]["meldung"]


@then("sieht eine andere Organisation ein leeres Register")
def _leer(client, key):
    assert client.get("/api/v1/register", headers=key(C, "steuer")).json()["eintraege"] == []


@then("beginnt die Bezeichnung in der CSV-Datei mit einem Apostroph")
def _apostroph(stand):
    text = stand["csv"].decode("utf-8-sig")
    assert ";'=SUMME(A1:A9);" in text


# --- Auswirkungen -------------------------------------------------------------------------------


@given(
    "drei Bauhof-Fälle mit 10.000, 30.000 und 60.000 Euro Umsatz aus gleichartigen Tätigkeiten, gespeichert mit "
    "einem Regelwerk, dessen Umsatzgrenze 50.000 Euro beträgt"
)
def _drei(stand, app, client, key, altes_regelwerk):  # noqa: F811
    aktuell = app.state.regelwerk
    app.state.regelwerk = altes_regelwerk
    stand["faelle"] = {}
    for umsatz in ("10000", "30000", "60000"):
        r = client.post("/api/v1/cases", json=_bauhof(umsatz), headers=key(A, "sachbearbeitung"))
        stand["faelle"][umsatz] = r.json()["fall"]
    app.state.regelwerk = aktuell


@when("das aktuelle Regelwerk mit der Umsatzgrenze von 17.500 Euro die gespeicherten Fälle neu bewertet")
def _neu(stand, app, client, key):
    assert client.post("/api/v1/auswirkungen", headers=key(A, "steuer")).status_code == 202
    alles_bearbeiten(app.state)
    stand["bericht"] = client.get("/api/v1/auswirkungen", headers=key(A, "steuer")).json()


@then(parsers.parse('ändert sich genau der Fall mit 30.000 Euro von "{vorher}" zu "{nachher}"'))
def _genau_einer(stand, vorher, nachher):
    (g,) = stand["bericht"]["geaendert"]
    assert g["fall"] == stand["faelle"]["30000"]
    assert g["ergebnis"] == {"vorher": vorher, "nachher": nachher}


@then(parsers.parse("nennt der Bericht die Regel „{name}“ mit Norm und Quelle"))
def _regel(stand, name):
    regeln = {r["regel"]: r for r in stand["bericht"]["geaendert"][0]["leistungen"][0]["regeln"]}
    r = regeln[regel_id(name)]
    assert r["quellen"] and r["norm"] == name


@then("hat dieser Fall eine neue Version 2 mit dem Anlass Regeländerung, Version 1 ist unverändert")
def _version(stand, client, key):
    fall = stand["faelle"]["30000"]
    assert stand["bericht"]["geaendert"][0]["version_neu"] == 2
    v1 = client.get(f"/api/v1/cases/{fall}/versions/1", headers=key(A, "leser")).json()
    assert v1["bewertung"]["ergebnis"] == "nicht_steuerbar"
    register = {e["fall"]: e for e in client.get("/api/v1/register", headers=key(A, "leser")).json()["eintraege"]}
    assert register[fall]["anlass"].startswith("Regeländerung")


@then("bleiben die beiden anderen Fälle ohne neue Version")
def _andere(stand, client, key):
    for umsatz in ("10000", "60000"):
        fall = stand["faelle"][umsatz]
        assert client.get(f"/api/v1/cases/{fall}", headers=key(A, "leser")).json()["version"] == 1
