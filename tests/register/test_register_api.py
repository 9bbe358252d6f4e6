"""The register: fields, filter and sort, safe CSV/XLSX exports, import from an inventory with the
row as origin, deadlines, the calendar feed with its token — and a second organisation shut out."""

from __future__ import annotations

import base64
from datetime import date

import pytest

from api.register import register_routes
from tests.identity.test_signin_and_csrf import BASE, _token
from tests.identity_helpers import add_user
from tests.register.conftest import A, C
from tests.screening.conftest import bauhof_zeilen, csv_bytes, zeile

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(autouse=True)
def _heute(monkeypatch):
    monkeypatch.setattr(register_routes, "heute", lambda: date(2026, 12, 5))


def _import(client, key, zeilen, name="bestand.csv"):
    return client.post(
        "/api/v1/register/import",
        files={"datei": (name, csv_bytes(zeilen), "text/csv")},
        headers=key(A, "sachbearbeitung"),
    )


def test_the_register_shows_the_tcms_fields_of_a_saved_case(client, key, case_of_a):
    r = client.get("/api/v1/register", headers=key(A, "steuer"))
    assert r.status_code == 200, r.text
    (e,) = r.json()["eintraege"]
    assert e["fall"] == case_of_a and e["eigener_fall"] is True
    assert e["beteiligte"] == ["Kreis Musterland", "Stadt Aheim", "Gemeinde Bedorf"]
    assert e["aufgabenfelder"] == ["personalabrechnung"] and e["rechtsform"] == "oerv_mandatierend"
    assert (e["beginn"], e["ende"], e["kuendigungsfrist_monate"]) == ("2027-01-01", None, 12)
    assert e["ust_einordnung"] == "steuerpflichtig" and e["regelwerk_version"]
    assert e["jahresbetrag"] == "343860.00"
    assert e["status"] == "entwurf"
    # 12 months to the end of 2027 (the first year end after the start): notice by 31.12.2026
    assert e["naechste_frist"]["art"] in ("abschlag", "kuendigung")
    assert {"art": "kuendigung", "datum": "2026-12-31"}.items() <= next(
        f for f in e["fristen"] if f["art"] == "kuendigung"
    ).items()


def test_import_makes_one_entry_per_row_with_its_row_as_origin_and_reports_bad_rows(client, key):
    zeilen = [*bauhof_zeilen(2), zeile(kennung="M-1", aufgabenfeld="raumfahrt")]
    r = _import(client, key, zeilen)
    assert r.status_code == 201, r.text
    d = r.json()
    assert [a["zeile"] for a in d["angelegt"]] == [2, 3]
    assert [p["zeile"] for p in d["probleme"]] == [4]
    eintraege = client.get("/api/v1/register", headers=key(A, "leser")).json()["eintraege"]
    assert sorted(e["herkunft"] for e in eintraege) == ["bestand.csv, Zeile 2", "bestand.csv, Zeile 3"]
    # C's register stays empty, and C cannot import into A
    assert client.get("/api/v1/register", headers=key(C, "leser")).json()["eintraege"] == []
    assert (
        client.post(
            "/api/v1/register/import",
            files={"datei": ("b.csv", csv_bytes(zeilen), "text/csv")},
            headers=key(A, "leser"),
        ).status_code
        == 403
    )


def test_filter_and_sort(client, key, case_of_a):
    _import(client, key, bauhof_zeilen(2, betrag="9.000,00") + bauhof_zeilen(1, betrag="1.000,00")[0:0])
    h = key(A, "leser")
    alle = client.get("/api/v1/register?sortierung=jahresbetrag&absteigend=true", headers=h).json()["eintraege"]
    betraege = [e["jahresbetrag"] for e in alle]
    assert betraege == sorted(betraege, key=float, reverse=True)
    nur = client.get("/api/v1/register?suche=Aheim", headers=h).json()["eintraege"]
    assert [e["fall"] for e in nur] == [case_of_a]
    assert client.get("/api/v1/register?aufgabenfeld=bauhof", headers=h).json()["eintraege"][0]["aufgabenfelder"] == [
        "bauhof"
    ]
    r = client.get("/api/v1/register?sortierung=farbe", headers=h)
    assert r.status_code == 422 and r.json()["errors"][0]["pfad"] == "sortierung"


def test_exports_neutralise_formula_text_and_are_audited(client, key, app):
    zeilen = bauhof_zeilen(1)
    zeilen[0]["bezeichnung"] = '=HYPERLINK("http://x")'
    assert _import(client, key, zeilen).status_code == 201
    h = key(A, "steuer")
    csv = client.get("/api/v1/register", headers={**h, "accept": "text/csv"})
    assert csv.status_code == 200
    assert "'=HYPERLINK" in csv.content.decode("utf-8-sig")
    xlsx = client.get("/api/v1/register", headers={**h, "accept": XLSX})
    assert xlsx.headers["content-type"] == XLSX
    import io
    import zipfile

    blatt = zipfile.ZipFile(io.BytesIO(xlsx.content)).read("xl/worksheets/sheet1.xml").decode()
    assert "=HYPERLINK" in blatt and "<f>" not in blatt
    from api.audit.tables import AuditEntryRow

    with app.state.session_factory() as s:
        assert s.query(AuditEntryRow).filter(AuditEntryRow.aktion == "register_exportieren").count() == 2


def test_register_dates_pending_ruling_and_end_by_the_owner_only(client, key, case_of_a):
    body = {"auskunft_beantragt_am": "2026-11-30"}
    assert client.put(f"/api/v1/register/{case_of_a}", json=body, headers=key(C, "steuer")).status_code == 404
    assert client.put(f"/api/v1/register/{case_of_a}", json=body, headers=key(A, "leser")).status_code == 403
    assert client.put(f"/api/v1/register/{case_of_a}", json=body, headers=key(A, "steuer")).status_code == 200
    fristen = client.get("/api/v1/fristen", headers=key(A, "leser")).json()["fristen"]
    assert [f["datum"] for f in fristen if f["art"] == "auskunft"] == ["2027-02-28"]
    client.put(f"/api/v1/register/{case_of_a}", json={"beendet_am": "2026-12-01"}, headers=key(A, "steuer"))
    (e,) = client.get("/api/v1/register?status=beendet", headers=key(A, "leser")).json()["eintraege"]
    assert e["fall"] == case_of_a


def test_the_deadlines_as_csv(client, key, case_of_a):
    r = client.get("/api/v1/fristen?bis=2027-03-31", headers={**key(A, "leser"), "accept": "text/csv"})
    assert r.status_code == 200
    zeilen = r.content.decode("utf-8-sig").splitlines()
    assert zeilen[0].startswith("Datum;Zugang bis (Werktag);Art;Frist")
    assert any(";kuendigung;" in z and z.startswith("31.12.2026") for z in zeilen[1:])
    assert client.get("/api/v1/fristen", headers=key(C, "leser")).json()["fristen"] == []


def _basic(token: str) -> dict[str, str]:
    return {"authorization": "Basic " + base64.b64encode(f"x@y.de:{token}".encode()).decode()}


def _anmelden(client, app, email: str, kennung: str, rollen: list[str]) -> dict[str, str]:
    passwort = "ein sehr langes Passwort 123"
    add_user(app, email, kennung, rollen, passwort)
    token = _token(client.get("/anmelden").text)
    r = client.post(
        "/anmelden",
        data={"email": email, "passwort": passwort, "csrf_token": token},
        headers={"origin": BASE},
        follow_redirects=False,
    )
    assert r.status_code in (302, 303), r.text
    return {"origin": BASE, "x-csrf-token": _token(client.get("/anmelden").text)}


def test_the_calendar_feed_needs_the_users_token_by_basic_auth_and_stops_when_revoked(client, key, case_of_a, app):
    assert client.post("/api/v1/kalender/token", headers=key(A, "steuer")).status_code == 403  # keys: no feed
    assert client.get("/api/v1/kalender/fristen.ics").status_code == 401
    assert client.get("/api/v1/kalender/fristen.ics").headers["www-authenticate"].startswith("Basic")
    csrf = _anmelden(client, app, "steuer@kreis.de", A, ["steuer"])
    r = client.post("/api/v1/kalender/token", headers=csrf)
    assert r.status_code == 201, r.text
    token = r.json()["token"]
    sitzung = dict(client.cookies)
    client.cookies.clear()  # the feed works without the session: the token alone
    ics = client.get("/api/v1/kalender/fristen.ics", headers=_basic(token))
    assert ics.status_code == 200 and ics.headers["content-type"].startswith("text/calendar")
    text = ics.content.decode()
    assert "BEGIN:VCALENDAR" in text and "DTSTART;VALUE=DATE:20261231" in text
    assert f"UID:fall-{case_of_a}-kuendigung-" in text
    assert token not in text
    assert client.get("/api/v1/kalender/fristen.ics", headers=_basic("x" * 43)).status_code == 401
    client.cookies.update(sitzung)
    assert client.delete("/api/v1/kalender/token", headers=csrf).json() == {"widerrufen": 1}
    assert client.get("/api/v1/kalender/fristen.ics", headers=_basic(token)).status_code == 401


def test_the_register_page_needs_sign_in_filters_sorts_and_exports(client, key, case_of_a, app):
    r = client.get("/register", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/anmelden")
    zeilen = bauhof_zeilen(1)
    zeilen[0]["bezeichnung"] = "<script>alert(1)</script>"
    _import(client, key, zeilen)
    _anmelden(client, app, "kaemmerei@kreis.de", A, ["leser"])
    seite = client.get("/register?sortierung=jahresbetrag&absteigend=true")
    assert seite.status_code == 200
    assert "Vertragsregister" in seite.text and "<script>alert(1)</script>" not in seite.text
    assert "&lt;script&gt;" in seite.text
    gefiltert = client.get("/register?suche=Aheim").text
    assert "Entgelt- und Besoldungsabrechnung" in gefiltert and "&lt;script&gt;" not in gefiltert
    csv = client.get("/register/export.csv?suche=Aheim")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert len(csv.content.decode("utf-8-sig").splitlines()) == 2
    bericht = client.get("/auswirkungen")
    assert bericht.status_code == 200 and "noch keine Neubewertung" in bericht.text


@pytest.mark.parametrize("bis", ["0", "31.03.2027", "2027-3-31"])
def test_the_deadline_filter_takes_only_an_iso_date(client, key, bis):
    """pydantic alone would read "0" as 01.01.1970 and so hide every deadline."""
    r = client.get(f"/api/v1/fristen?bis={bis}", headers=key(A, "leser"))
    assert r.status_code == 422, r.text
    assert [e["pfad"] for e in r.json()["errors"]] == ["bis"]
