"""Step definitions of features/pruefung_freigabe.feature: the review through the JSON API with
organisations A (owner), B (partner named in the case) and C (named nowhere)."""

from __future__ import annotations

from typing import Any

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from tests.pdf_text import pdf_text
from tests.review.conftest import URL, YAML, A, B, ok

scenarios("pruefung_freigabe.feature")

FREIGABEARTEN = {"nicht freigegeben": None, "zum Lesen freigegeben": "lesen", "zum Prüfen freigegeben": "pruefen"}


@pytest.fixture
def akte() -> dict[str, Any]:
    return {}


@given(parsers.parse('der Kreis Musterland hat den Fall "{name}" gespeichert'), target_fixture="fall")
def _gespeichert(case_of_a, personal_yaml, akte):
    akte["yaml"] = personal_yaml
    return case_of_a


@given("die Sachbearbeitung hat ihn zur Prüfung eingereicht")
def _eingereicht(client, rolle, fall):
    ok(client.post(f"{URL}/{fall}/pruefung/einreichen", json={}, headers=rolle("sachbearbeitung")))


@given(parsers.parse("der Fall ist der Stadt Aheim {freigabe}"))
def _geteilt(client, rolle, fall, freigabe):
    art = FREIGABEARTEN[freigabe]
    if art:
        ok(client.put(f"{URL}/{fall}/shares/{B}", json={"art": art}, headers=rolle("sachbearbeitung")), 201)


@given(parsers.parse('die Administration legt als freigebende Rollen "{rollen}" fest'))
def _rollen(client, rolle, rollen):
    ok(client.put("/api/v1/pruefung/einstellungen", json={"rollen": rollen.split(", ")}, headers=rolle("admin")))


def _entscheiden(client, rolle, fall, akte, wer, entscheidung):
    akte["antwort"] = client.post(
        f"{URL}/{fall}/freigaben", json={"rolle": wer, "entscheidung": entscheidung}, headers=rolle(wer)
    )


@when(parsers.parse('"{wer}" die Freigabe erteilt'))
def _erteilt(client, rolle, fall, akte, wer):
    _entscheiden(client, rolle, fall, akte, wer, "erteilt")
    assert akte["antwort"].status_code == 200, akte["antwort"].text


@when(parsers.parse('"{wer}" die Freigabe ablehnt'))
def _abgelehnt(client, rolle, fall, akte, wer):
    _entscheiden(client, rolle, fall, akte, wer, "abgelehnt")


@when("die Sachbearbeitung die Kündigungsfrist von 12 auf 6 Monate ändert")
def _aendern(client, rolle, fall, akte):
    text = akte["yaml"].replace("kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: 6")
    akte["antwort"] = client.put(f"{URL}/{fall}", content=text, headers={**YAML, **rolle("sachbearbeitung")})


def _klausel(client, rolle, fall, text):
    vergleich = ok(client.get(f"{URL}/{fall}/versionen/1/vergleich/1", headers=rolle("rechtsamt")))
    return next(a["id"] for a in vergleich["abschnitte"] if text in (a["neu"] or ""))


def _kommentieren(client, rolle, fall, akte, text, organisation=A):
    klausel = _klausel(client, rolle, fall, text)
    akte["antwort"] = client.post(
        f"{URL}/{fall}/kommentare",
        json={"dokument": "vereinbarung", "klausel": klausel, "text": "Ist die Frist abgestimmt?"},
        headers=rolle("rechtsamt", organisation),
    )
    if akte["antwort"].status_code == 201:
        akte["kommentar"] = akte["antwort"].json()["id"]


@when(parsers.parse('das Rechtsamt die Klausel mit "{text}" kommentiert'))
def _kommentar(client, rolle, fall, akte, text):
    _kommentieren(client, rolle, fall, akte, text)
    assert akte["antwort"].status_code == 201


@when(parsers.parse('das Rechtsamt der Organisation "{organisation}" die Klausel mit "{text}" kommentiert'))
def _kommentar_partner(client, rolle, fall, akte, organisation, text):
    _kommentieren(client, rolle, fall, akte, text, organisation)


@when("das Rechtsamt den Kommentar erledigt")
def _erledigt(client, rolle, fall, akte):
    ok(
        client.patch(
            f"{URL}/{fall}/kommentare/{akte['kommentar']}", json={"status": "erledigt"}, headers=rolle("rechtsamt")
        )
    )


@when("die Ausfertigung angefordert wird")
def _ausfertigung(client, rolle, fall, akte):
    akte["antwort"] = client.get(f"{URL}/{fall}/draft?final=true", headers=rolle("sachbearbeitung"))


@when(parsers.parse('die Leitung die Unterzeichnung am "{datum}" durch "{name}" erfasst'))
def _unterzeichnet(client, rolle, fall, datum, name):
    ok(
        client.post(
            f"{URL}/{fall}/unterzeichnung", json={"datum": datum, "unterzeichnende": [name]}, headers=rolle("leitung")
        )
    )


@when("die Sachbearbeitung einen Nachtrag anlegt")
def _nachtrag(client, rolle, fall, akte):
    akte["antwort"] = client.post(f"{URL}/{fall}/nachtrag", headers=rolle("sachbearbeitung"))


@then(parsers.parse('ist der Fall im Zustand "{zustand}"'))
def _zustand(client, rolle, fall, zustand):
    assert ok(client.get(f"{URL}/{fall}/pruefung", headers=rolle("leser")))["zustand"] == zustand


@then(parsers.parse('es fehlen die Freigaben "{rollen}"'))
def _fehlend(client, rolle, fall, rollen):
    assert ok(client.get(f"{URL}/{fall}/pruefung", headers=rolle("leser")))["fehlende_freigaben"] == rollen.split(", ")


@then(parsers.parse('wird die Freigabe von "{wer}" mit Status {status:d} abgelehnt'))
def _freigabe_abgelehnt(client, rolle, fall, akte, wer, status):
    _entscheiden(client, rolle, fall, akte, wer, "erteilt")
    assert akte["antwort"].status_code == status, akte["antwort"].text


@then("die Begründung lautet auf offene Kommentare")
def _offen(akte):
    assert akte["antwort"].json()["type"].endswith("kommentare-offen")


@then(parsers.parse('ist die Freigabe von "{wer}" erteilt'))
def _ist_erteilt(client, rolle, fall, akte, wer):
    _erteilt(client, rolle, fall, akte, wer)
    assert wer in [f["rolle"] for f in akte["antwort"].json()["freigaben"]]


@then(parsers.parse('ist der Kommentar als "seit dem Kommentar geändert" markiert'))
def _markiert(client, rolle, fall, akte):
    liste = ok(client.get(f"{URL}/{fall}/kommentare", headers=rolle("rechtsamt")))["kommentare"]
    akte["thread"] = next(k for k in liste if k["id"] == akte["kommentar"])
    assert akte["thread"]["geaendert_seit"] is True


@then(parsers.parse('der Kommentar ist noch "{status}"'))
def _status(akte, status):
    assert akte["thread"]["status"] == status


@then(parsers.parse("wird sie mit Status {status:d} verweigert"))
def _verweigert(akte, status):
    assert akte["antwort"].status_code == status
    assert akte["antwort"].headers["content-type"] == "application/problem+json"


@then(parsers.parse('die Antwort nennt die fehlenden Freigaben "{rollen}"'))
def _nennt(akte, rollen):
    assert akte["antwort"].json()["fehlende_freigaben"] == rollen.split(", ")


@then(parsers.parse('wird sie ausgeliefert mit dem Vermerk "{vermerk}"'))
def _ausgeliefert(akte, vermerk):

    assert akte["antwort"].status_code == 200
    text = pdf_text(akte["antwort"].content)
    assert vermerk in text


@then(parsers.parse("antwortet der Server mit Status {status:d}"))
def _antwort(akte, status):
    assert akte["antwort"].status_code == status, akte["antwort"].text


@then("verweist der neue Fall auf den unterzeichneten")
def _verweist(client, rolle, fall, akte):
    neu = akte["antwort"].json()
    assert akte["antwort"].status_code == 201 and neu["nachtrag_zu"] == fall
    assert ok(client.get(f"{URL}/{neu['fall']}/pruefung", headers=rolle("leser")))["nachtrag_zu"] == fall
