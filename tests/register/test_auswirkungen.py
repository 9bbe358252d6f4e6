"""The impact of a rule change on stored cases: a change that flips exactly one of three cases,
a new version marked as caused by it (nothing overwritten), the report with rule, source and
changelog, a run that resumes after a stop and is never worked on twice, access per organisation."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

import rules_loader
from advisor.auswirkungen import parse_changelog, vergleiche, zwischen
from api.db.models import utc_now
from api.register.auswirkungen import alles_bearbeiten, bearbeite
from api.register.tables import AuswirkungRow, AuswirkungslaufRow
from tests.kosten.conftest import fall_daten
from tests.register.conftest import A, C

ALT = "2026.11.9"


@pytest.fixture
def settings_extra() -> dict[str, object]:
    return {"auswirkungen_im_hintergrund": False, "seed_examples": False}


@pytest.fixture(scope="module")
def altes_regelwerk(tmp_path_factory):
    """The current rules with the § 2b Abs. 2 Nr. 1 threshold at 50.000 € instead of 17.500 €."""
    ziel = tmp_path_factory.mktemp("regeln") / "rules"
    shutil.copytree(rules_loader.RULES_DIR, ziel, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    datei = ziel / "quellen" / "ustg_2b_abs2.yaml"
    datei.write_text(datei.read_text(encoding="utf-8").replace("wert: 17500.00", "wert: 50000.00"), encoding="utf-8")
    kopf = ziel / "regelwerk.yaml"
    text = kopf.read_text(encoding="utf-8")
    kopf.write_text(
        text.replace(f'version: "{rules_loader.load_rules().version}"', f'version: "{ALT}"'), encoding="utf-8"
    )
    return rules_loader.load_rules(Path(ziel))


def _bauhof(umsatz: str) -> dict:
    daten = fall_daten(empfaenger={"nachbar": 1000})
    daten["bezeichnung"] = f"Bauhof, Umsatz {umsatz}"
    daten["beteiligte"][0]["art"] = "gemeinde"
    daten["leistungen"][0].update(
        aufgabenfeld="bauhof",
        aufgabenuebertragung_befreiend=False,
        gesetzlicher_vorbehalt_jpoer=False,
        privat_steuerfrei_ohne_option=False,
        umsatz_gleichartige_taetigkeiten=umsatz,
    )
    return daten


@pytest.fixture
def drei_faelle(app, client, key, altes_regelwerk) -> list[int]:
    """Three cases of A saved under the old rules: 10.000, 30.000 and 60.000 € turnover."""
    aktuell = app.state.regelwerk
    app.state.regelwerk = altes_regelwerk
    ids = []
    for umsatz in ("10000", "30000", "60000"):
        r = client.post("/api/v1/cases", json=_bauhof(umsatz), headers=key(A, "sachbearbeitung"))
        assert r.status_code == 201, r.text
        assert r.json()["regelwerk"]["version"] == ALT
        ids.append(r.json()["fall"])
    app.state.regelwerk = aktuell
    return ids


def test_a_rule_change_flips_exactly_one_of_three_cases_and_adds_a_marked_version(app, client, key, drei_faelle):
    start = client.post("/api/v1/auswirkungen", headers=key(A, "steuer"))
    assert start.status_code == 202, start.text
    assert start.json()["faelle_gesamt"] == 3
    assert alles_bearbeiten(app.state) >= 1
    bericht = client.get("/api/v1/auswirkungen", headers=key(A, "leser")).json()
    assert bericht["status"] == "fertig" and bericht["faelle_geprueft"] == 3
    (g,) = bericht["geaendert"]
    assert g["fall"] == drei_faelle[1] and (g["version_vorher"], g["version_neu"]) == (1, 2)
    assert g["ergebnis"] == {"vorher": "nicht_steuerbar", "nachher": "steuerpflichtig"}
    regeln = {r["regel"]: r for r in g["leistungen"][0]["regeln"]}
    assert regeln["ustg_2b_abs2_nr1"]["status_vorher"] == "erfuellt"
    assert regeln["ustg_2b_abs2_nr1"]["status_nachher"] == "nicht_erfuellt"
    assert regeln["ustg_2b_abs2_nr1"]["quellen"] and "§ 2b" in regeln["ustg_2b_abs2_nr1"]["norm"]
    assert sorted(bericht["unveraendert"]) == [drei_faelle[0], drei_faelle[2]]
    assert [c["version"] for c in bericht["changelog"]] == ["2026.12.1", "2026.12.2", "2026.12.3"]
    # nothing overwritten: version 1 is as stored; version 2 names the cause
    v1 = client.get(f"/api/v1/cases/{drei_faelle[1]}/versions/1", headers=key(A, "leser")).json()
    assert v1["regelwerk"]["version"] == ALT and v1["bewertung"]["ergebnis"] == "nicht_steuerbar"
    v2 = client.get(f"/api/v1/cases/{drei_faelle[1]}/versions/2", headers=key(A, "leser")).json()
    assert v2["bewertung"]["ergebnis"] == "steuerpflichtig" and "Regeländerung" in (v2.get("notiz") or "")
    register = {e["fall"]: e for e in client.get("/api/v1/register", headers=key(A, "leser")).json()["eintraege"]}
    assert register[drei_faelle[1]]["anlass"] == f"Regeländerung {ALT} → {rules_loader.load_rules().version}"
    assert register[drei_faelle[0]]["anlass"] is None and register[drei_faelle[0]]["version"] == 1
    # starting again for the same rule set finds the finished run (no second run)
    assert client.post("/api/v1/auswirkungen", headers=key(A, "steuer")).json()["lauf"] == start.json()["lauf"]


def test_a_run_resumes_from_its_cursor_and_a_second_worker_waits_for_the_lease(app, client, key, drei_faelle):
    client.post("/api/v1/auswirkungen", headers=key(A, "steuer"))
    s = app.state
    assert bearbeite(s.session_factory, s.read_session_factory, s.regelwerk, s.satztabellen, "a", batch=1)
    assert not bearbeite(s.session_factory, s.read_session_factory, s.regelwerk, s.satztabellen, "b", batch=1)
    with s.session_factory() as session:  # worker a stops; its lease runs out
        session.execute(update(AuswirkungslaufRow).values(lease_until=utc_now() - timedelta(seconds=1)))
        session.commit()
    while bearbeite(s.session_factory, s.read_session_factory, s.regelwerk, s.satztabellen, "b", batch=1):
        pass
    with s.read_session_factory() as session:
        lauf = session.query(AuswirkungslaufRow).one()
        assert (lauf.status, lauf.done) == ("fertig", 3)
        assert sorted(r.case_id for r in session.query(AuswirkungRow)) == sorted(drei_faelle)


def test_another_organisation_sees_no_report_and_a_reader_cannot_start(client, key, drei_faelle):
    assert client.post("/api/v1/auswirkungen", headers=key(A, "leser")).status_code == 403
    client.post("/api/v1/auswirkungen", headers=key(A, "steuer"))
    assert client.get("/api/v1/auswirkungen", headers=key(C, "leser")).status_code == 404
    assert client.get("/api/v1/auswirkungen?regelwerk=1999.1", headers=key(A, "leser")).status_code == 404


def test_the_changelog_names_the_sections_between_two_versions_and_the_bullets_of_a_rule():
    eintraege = parse_changelog((rules_loader.RULES_DIR / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert [e.version for e in zwischen(eintraege, "2026.12.1", "2026.12.2")] == ["2026.12.2"]
    assert [e.version for e in zwischen(eintraege, "2026.11.1", "2026.12.2")] == ["2026.12.1", "2026.12.2"]
    vorher = {"ergebnis": "offen", "leistungen": [{"leistung": "x", "ergebnis": "offen", "risiko": "mittel"}]}
    gleich = vergleiche(vorher, json.loads(json.dumps(vorher)))
    assert not gleich.geaendert


def test_the_impact_page_shows_the_changed_case_with_rule_and_changelog(app, client, key, drei_faelle):
    from tests.register.test_register_api import _anmelden

    client.post("/api/v1/auswirkungen", headers=key(A, "steuer"))
    alles_bearbeiten(app.state)
    _anmelden(client, app, "steuer@kreis.de", A, ["steuer"])
    seite = client.get("/auswirkungen")
    assert seite.status_code == 200, seite.text
    assert f"Fall {drei_faelle[1]}: Bauhof, Umsatz 30000" in seite.text
    assert "§ 2b Abs. 2 Nr. 1 UStG" in seite.text and "Änderungsprotokoll des Regelwerks" in seite.text
    assert f"Fall {drei_faelle[0]}:" not in seite.text


def test_an_approved_case_returns_to_review_for_the_re_assessed_version_and_a_draft_stays_a_draft(
    app, client, key, drei_faelle
):
    """Issue 15 meets issue 13: approvals are given on version 1; the rule change stores version 2
    of the flipped case, which goes back to review (the USt-Freigabe must be given again); an
    unchanged approved case keeps its approval; the register shows the review state."""
    basis = "/api/v1/cases"
    for fall in (drei_faelle[0], drei_faelle[1]):
        r = client.post(f"{basis}/{fall}/pruefung/einreichen", json={}, headers=key(A, "sachbearbeitung"))
        assert r.status_code == 200, r.text
        for wer in ("steuer", "rechtsamt", "leitung"):
            r = client.post(
                f"{basis}/{fall}/freigaben",
                json={"rolle": wer, "entscheidung": "erteilt", "begruendung": "geprüft"},
                headers=key(A, wer),
            )
            assert r.status_code == 200, r.text
        assert client.get(f"{basis}/{fall}/pruefung", headers=key(A, "leser")).json()["zustand"] == "freigegeben"
    assert client.post("/api/v1/auswirkungen", headers=key(A, "steuer")).status_code == 202
    alles_bearbeiten(app.state)
    geaendert = client.get(f"{basis}/{drei_faelle[1]}/pruefung", headers=key(A, "leser")).json()
    assert geaendert["zustand"] == "in_pruefung" and geaendert["version"] == 2
    assert geaendert["fehlende_freigaben"] == ["steuer", "rechtsamt", "leitung"]
    unveraendert = client.get(f"{basis}/{drei_faelle[0]}/pruefung", headers=key(A, "leser")).json()
    assert unveraendert["zustand"] == "freigegeben"
    register = {e["fall"]: e for e in client.get("/api/v1/register", headers=key(A, "leser")).json()["eintraege"]}
    assert register[drei_faelle[1]]["status"] == "in_pruefung"
    assert register[drei_faelle[0]]["status"] == "freigegeben"
    assert register[drei_faelle[2]]["status"] == "entwurf"
