"""GET /cases/{id}/haushalt, GET /haushalt?jahr=, the account assignment: JSON, CSV, XLSX by Accept,
access for a second organisation, audit entries for exports."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

from tests.register.conftest import A, B, C

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_the_budget_of_a_case_is_json_by_default_with_the_calculation_year_and_three_planning_years(
    client, key, case_of_a
):
    r = client.get(f"/api/v1/cases/{case_of_a}/haushalt", headers=key(A, "leser"))
    assert r.status_code == 200, r.text
    d = r.json()
    assert (d["format"], d["von"], d["bis"], d["fall"]) == ("ikz-haushalt/1", 2027, 2030, case_of_a)
    assert sorted({j["jahr"] for j in d["jahre"]}) == [2027, 2028, 2029, 2030]
    for j in d["jahre"]:
        ertrag = [z for z in j["zeilen"] if z["art"] == "ertrag"]
        aufwand = [z for z in j["zeilen"] if z["art"] == "aufwand"]
        assert Decimal(ertrag[0]["brutto"]) == sum(Decimal(z["brutto"]) for z in aufwand)
    assert all(a["herkunft"] == "vorgabe" for a in d["annahmen"])


def test_own_percentages_replace_the_defaults_and_a_wrong_one_names_the_field(client, key, case_of_a):
    r = client.get(f"/api/v1/cases/{case_of_a}/haushalt?von=2027&bis=2028&personal=3,5", headers=key(A, "leser"))
    assert r.status_code == 200
    assert {(a["gruppe"], a["herkunft"], a["prozent"]) for a in r.json()["annahmen"]} == {
        ("personal", "eingabe", "3.5"),
        ("sachkosten", "vorgabe", "2.0"),
    }
    r = client.get(f"/api/v1/cases/{case_of_a}/haushalt?personal=zwei", headers=key(A, "leser"))
    assert r.status_code == 422
    assert r.json()["errors"][0]["pfad"] == "personal"
    r = client.get(f"/api/v1/cases/{case_of_a}/haushalt?von=2030&bis=2027", headers=key(A, "leser"))
    assert r.status_code == 422 and "liegt vor" in r.text


def test_csv_and_xlsx_by_accept_are_audited_exports(client, key, case_of_a, app):
    h = key(A, "leser")
    r = client.get(f"/api/v1/cases/{case_of_a}/haushalt", headers={**h, "accept": "text/csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    text = r.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Jahr;Fall;Leistung;Beteiligter")
    assert ";Aufwand;" in text and ";Ertrag;" in text
    r = client.get(f"/api/v1/cases/{case_of_a}/haushalt", headers={**h, "accept": XLSX})
    assert r.status_code == 200 and r.headers["content-type"] == XLSX
    assert "xl/worksheets/sheet1.xml" in zipfile.ZipFile(io.BytesIO(r.content)).namelist()
    r = client.get(f"/api/v1/cases/{case_of_a}/haushalt", headers={**h, "accept": "application/pdf"})
    assert r.status_code == 406
    from api.audit.tables import AuditEntryRow

    with app.state.session_factory() as s:
        aktionen = [row.aktion for row in s.query(AuditEntryRow).filter(AuditEntryRow.objekt == f"fall:{case_of_a}")]
    assert aktionen.count("haushalt_exportieren") == 2


def test_another_organisation_cannot_read_the_budget_of_a_case(client, key, case_of_a):
    r = client.get(f"/api/v1/cases/{case_of_a}/haushalt", headers=key(C, "leitung"))
    assert r.status_code == 404
    assert client.get(f"/api/v1/cases/{case_of_a}/haushalt").status_code == 401


def test_the_organisation_overview_marks_its_own_lines_and_sums_them(client, key, case_of_a):
    r = client.get("/api/v1/haushalt?jahr=2027", headers=key(A, "leser"))
    assert r.status_code == 200, r.text
    d = r.json()
    assert [f["fall"] for f in d["faelle"]] == [case_of_a]
    eigene = [z for z in d["faelle"][0]["zeilen"] if z["eigene"]]
    assert [z["art"] for z in eigene] == ["ertrag"]  # Kreis Musterland provides the service
    assert d["summen_eigene"]["ertrag"]["brutto"] == eigene[0]["brutto"]
    assert d["summen_eigene"]["aufwand"]["brutto"] == "0.00"
    # organisation C sees nothing of A's cases
    r = client.get("/api/v1/haushalt?jahr=2027", headers=key(C, "leser"))
    assert r.status_code == 200 and r.json()["faelle"] == []


def test_a_partner_the_case_was_shared_with_sees_its_own_expense(client, key, case_of_a):
    r = client.put(f"/api/v1/cases/{case_of_a}/shares/{B}", json={"art": "lesen"}, headers=key(A, "leitung"))
    assert r.status_code in (200, 201), r.text
    d = client.get("/api/v1/haushalt?jahr=2028", headers=key(B, "leser")).json()
    eigene = [z for z in d["faelle"][0]["zeilen"] if z["eigene"]]
    assert [(z["beteiligter"], z["art"]) for z in eigene] == [("stadt-a", "aufwand")]


def test_only_the_administration_sets_the_account_assignment_and_every_line_carries_it(client, key, case_of_a):
    params = "produkt=01.11.01&aufwandskonto=5431&ertragskonto=4482"
    assert client.put(f"/api/v1/organisation/kontierung?{params}", headers=key(A, "leser")).status_code == 403
    r = client.put(f"/api/v1/organisation/kontierung?{params}", headers=key(A, "admin"))
    assert r.status_code == 200, r.text
    d = client.get(f"/api/v1/cases/{case_of_a}/haushalt", headers=key(A, "leser")).json()
    assert {(z["art"], z["konto"], z["produkt"]) for j in d["jahre"] for z in j["zeilen"]} == {
        ("ertrag", "4482", "01.11.01"),
        ("aufwand", "5431", "01.11.01"),
    }
    assert d["hinweise"] == []
    # C's setting is its own
    assert client.get("/api/v1/organisation/kontierung", headers=key(C, "leser")).json()["aufwandskonto"] is None
    bad = client.put("/api/v1/organisation/kontierung?aufwandskonto==1%2B1", headers=key(A, "admin"))
    assert bad.status_code == 422
