"""The audit trail: what is recorded, who may read it, and that tampering is found."""

from __future__ import annotations

import threading

from sqlalchemy import delete, update

from api.audit import Auditeintrag, record_now, verify
from api.audit.tables import AuditEntryRow
from cli.main import main
from tests.identity.conftest import YAML, A, B

URL = "/api/v1/cases"


def _actions(client, headers) -> list[tuple[str, str, str]]:
    body = client.get("/api/v1/audit", headers=headers).json()
    return [(e["aktion"], e["objekt"], e["ergebnis"]) for e in reversed(body["eintraege"])]


def test_changes_reads_exports_and_shares_are_recorded_with_actor_time_and_outcome(
    client, key, case_of_a, personal_yaml
):
    sb = key(A, "sachbearbeitung")
    client.put(f"{URL}/{case_of_a}", content=personal_yaml, headers={**YAML, **sb})
    client.get(f"{URL}/{case_of_a}", headers=sb)
    client.get(f"{URL}/{case_of_a}/draft", headers=sb)
    client.put(f"{URL}/{case_of_a}/shares/{B}", json={"art": "lesen"}, headers=sb)
    fall = f"fall:{case_of_a}"
    assert _actions(client, key(A, "leitung"))[-5:] == [
        ("fall_anlegen", fall, "erfolg"),
        ("fall_aendern", fall, "erfolg"),
        ("fall_lesen", fall, "erfolg"),
        ("dokument_exportieren", fall, "erfolg"),
        ("fall_freigeben", fall, "erfolg"),
    ]
    newest = client.get("/api/v1/audit?limit=1", headers=key(A, "admin")).json()["eintraege"][0]
    assert newest["akteur"].startswith("schluessel:") and newest["zeit"].endswith("+00:00")
    assert newest["detail"] == f"{B} lesen"
    assert len(newest["hash"]) == 64 and len(newest["vorheriger_hash"]) == 64


def test_the_audit_trail_shows_only_the_own_organisation_and_only_to_leitung_and_admin(client, key, case_of_a):
    b_leitung = key(B, "leitung")
    a_before = _actions(client, key(A, "leitung"))
    client.get(f"{URL}/{case_of_a}", headers=key(B, "leser"))  # refused as "not found", recorded for B only
    assert _actions(client, b_leitung) == [("fall_lesen", f"fall:{case_of_a}", "nicht_gefunden")]
    assert _actions(client, key(A, "leitung")) == a_before
    for rolle in ("sachbearbeitung", "leser", "rechtsamt", "steuer"):
        assert client.get("/api/v1/audit", headers=key(A, rolle)).status_code == 403
    assert client.get("/api/v1/audit").status_code == 401


def test_key_changes_are_recorded(client, key):
    admin = key(A, "admin")
    client.post("/api/v1/keys", json={"name": "Kasse", "rolle": "leser"}, headers=admin)
    client.delete("/api/v1/keys/Kasse", headers=admin)
    assert [a for a, _o, _e in _actions(client, admin)][-2:] == ["schluessel_anlegen", "schluessel_widerrufen"]


def test_an_untouched_chain_verifies(app, client, key, case_of_a):
    with app.state.session_factory() as session:
        assert verify(session) is None


def test_a_changed_entry_is_found_by_ikz_admin_audit_verify(app, client, key, case_of_a, monkeypatch, capsys):
    for _ in range(2):
        client.get(f"{URL}/{case_of_a}", headers=key(A, "leser"))
    monkeypatch.setenv("IKZ_DATABASE_URL", app.state.settings.resolved_database_url())
    assert main(["admin", "audit", "verify"]) == 0
    assert "intakt: 3 Einträge" in capsys.readouterr().out
    with app.state.session_factory() as session:
        session.execute(update(AuditEntryRow).where(AuditEntryRow.id == 2).values(akteur="jemand anderes"))
        session.commit()
    assert main(["admin", "audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "Eintrag 2" in out and "verändert" in out


def test_a_removed_entry_in_the_middle_or_at_the_end_is_found(app, client, key, case_of_a):
    for _ in range(3):
        client.get(f"{URL}/{case_of_a}", headers=key(A, "leser"))
    with app.state.session_factory() as session:
        last = session.query(AuditEntryRow).order_by(AuditEntryRow.id.desc()).first().id
        session.execute(delete(AuditEntryRow).where(AuditEntryRow.id == last))
        session.commit()
        bruch = verify(session)
        assert bruch is not None and bruch.position == last
        session.execute(delete(AuditEntryRow).where(AuditEntryRow.id == 2))
        session.commit()
        assert verify(session).position == 2


def test_concurrent_writers_never_fork_the_chain(app):
    def write(n: int) -> None:
        for i in range(10):
            record_now(app.state.session_factory, Auditeintrag(f"test:{n}", None, "test", f"objekt:{i}"))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with app.state.session_factory() as session:
        assert verify(session) is None
        assert session.query(AuditEntryRow).filter(AuditEntryRow.aktion == "test").count() == 40
