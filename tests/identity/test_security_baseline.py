"""The security baseline: headers, the packaged API docs, query-free access logs, the note out of
the URL, expiring client-scoped Idempotency-Keys, rate limits, the private SQLite file."""

from __future__ import annotations

import logging
import re
import stat
from datetime import timedelta
from pathlib import Path

import pytest

import api.cases
from api.access_log import QueryStringFilter
from api.db.models import utc_now
from api.db.session import make_engine
from api.security_headers import TEMPLATES_DIR
from tests.identity.conftest import YAML, A, B

STATIC_DIR = TEMPLATES_DIR.parent / "static"


def _csp(response) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in response.headers["content-security-policy"].split(";"))


def test_every_kind_of_response_carries_the_security_headers(client):
    for path in ("/", "/anmelden", "/api/v1/rules", "/api/v1/docs", "/static/ikz.css", "/gibt-es-nicht"):
        response = client.get(path)
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["x-frame-options"] == "DENY", path
        assert response.headers["referrer-policy"] == "same-origin", path
        csp = _csp(response)
        assert csp["frame-ancestors"] == "'none'" and csp["object-src"] == "'none'", path
        assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"], path
        assert "strict-transport-security" not in response.headers, path  # plain HTTP


def test_hsts_follows_the_proxy_only_when_configured(client, app):
    forwarded = {"x-forwarded-proto": "https"}
    assert "strict-transport-security" not in client.get("/", headers=forwarded).headers
    from fastapi.testclient import TestClient

    from api.app import create_app

    trusting = create_app(app.state.settings.model_copy(update={"trust_proxy_headers": True}))
    with TestClient(trusting) as c:
        assert c.get("/", headers=forwarded).headers["strict-transport-security"].startswith("max-age=31536000")
        assert "strict-transport-security" not in c.get("/").headers
    trusting.state.engine.dispose()


def test_stored_data_is_never_cached(client, key, case_of_a):
    assert client.get(f"/api/v1/cases/{case_of_a}", headers=key(A, "leser")).headers["cache-control"] == "no-store"


def test_the_api_docs_come_from_this_server_without_inline_script(client):
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    assert not re.search(r"https?://", page.text), "no asset from another host"
    assert not re.search(r"<script>|\son[a-z]+=|style=", page.text)
    for src in re.findall(r'(?:src|href)="([^"]+)"', page.text):
        asset = client.get(src)
        assert asset.status_code == 200 and len(asset.content) > 400, src
    assert len(client.get("/api/v1/docs/assets/swagger-ui-bundle.js").content) > 500_000
    assert client.get("/api/v1/docs/assets/redoc.standalone.js").status_code == 404  # only the two assets


def _inline_handlers_and_scripts() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(TEMPLATES_DIR.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        items = [f"<script> ({len(s)} Zeichen)" for s in re.findall(r"<script>(.*?)</script>", text, re.S)]
        items += re.findall(r"\son[a-z]+=", text)
        items += [f"style={m}" for m in re.findall(r'style="([^"]*)"', text)]
        if items:
            found[path.name] = items
    return found


def test_no_template_carries_inline_script_handlers_or_style_attributes():
    """The CSP allows neither inline script nor inline style: every template must do without."""
    assert _inline_handlers_and_scripts() == {}
    assert not re.search(r"\beval\(|new Function\(", (STATIC_DIR / "ikz.js").read_text(encoding="utf-8"))


def test_the_csp_allows_no_inline_script_or_style(client):
    csp = _csp(client.get("/screening"))
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"


def test_access_logs_show_no_query_string():
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        "x",
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:1", "PUT", "/api/v1/cases/3?notiz=Geheim%20Kreistag", "1.1", 200),
        None,
    )
    QueryStringFilter().filter(record)
    assert "Geheim" not in record.getMessage() and "/api/v1/cases/3?[…]" in record.getMessage()
    assert any(isinstance(f, QueryStringFilter) for f in logging.getLogger("uvicorn.access").filters)


def test_the_version_note_travels_in_a_header_and_the_old_query_still_works_but_is_deprecated(
    client, key, case_of_a, personal_yaml
):
    sb = {**YAML, **key(A, "sachbearbeitung")}
    new = client.put(
        f"/api/v1/cases/{case_of_a}",
        content=personal_yaml,
        headers={**sb, "Notiz": "Stand%20f%C3%BCr%20den%20Kreistag"},
    )
    assert new.json()["notiz"] == "Stand für den Kreistag" and "deprecation" not in new.headers
    old = client.put(f"/api/v1/cases/{case_of_a}?notiz=alt", content=personal_yaml, headers=sb)
    assert old.json()["notiz"] == "alt" and old.headers["deprecation"] == "true"
    bad = client.put(f"/api/v1/cases/{case_of_a}", content=personal_yaml, headers={**sb, "Notiz": "%FF%FE"})
    assert bad.status_code == 400 and "Prozentkodierung" in bad.json()["detail"]
    long = client.put(f"/api/v1/cases/{case_of_a}", content=personal_yaml, headers={**sb, "Notiz": "x" * 501})
    assert long.status_code == 400


def test_idempotency_keys_belong_to_their_client(client, key, personal_yaml):
    first = client.post(
        "/api/v1/cases", content=personal_yaml, headers={**YAML, **key(A, "sachbearbeitung"), "Idempotency-Key": "k1"}
    )
    other = client.post(
        "/api/v1/cases", content=personal_yaml, headers={**YAML, **key(B, "sachbearbeitung"), "Idempotency-Key": "k1"}
    )
    assert first.status_code == other.status_code == 201
    assert first.json()["fall"] != other.json()["fall"]


@pytest.mark.parametrize("settings_extra", [{"idempotency_hours": 1 / 3600}])
def test_idempotency_keys_expire(client, key, personal_yaml, monkeypatch):
    sb = {**YAML, **key(A, "sachbearbeitung"), "Idempotency-Key": "k2"}
    first = client.post("/api/v1/cases", content=personal_yaml, headers=sb)
    assert client.post("/api/v1/cases", content=personal_yaml, headers=sb).status_code == 200
    in_zwei_sekunden = utc_now() + timedelta(seconds=2.1)  # the store's clock, not a sleep
    monkeypatch.setattr(api.cases, "utc_now", lambda: in_zwei_sekunden)
    later = client.post("/api/v1/cases", content=personal_yaml, headers=sb)
    assert later.status_code == 201 and later.json()["fall"] != first.json()["fall"]


@pytest.mark.parametrize("settings_extra", [{"rate_limit_expensive": 2}])
def test_expensive_endpoints_are_rate_limited_per_client(client, key, personal_yaml):
    a = {**YAML, **key(A, "leser")}
    assert [client.post("/api/v1/drafts", content=personal_yaml, headers=a).status_code for _ in range(2)] == [200, 200]
    limited = client.post("/api/v1/drafts", content=personal_yaml, headers=a)
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    assert limited.json()["detail"].startswith("Höchstens 2")
    assert client.post("/api/v1/screenings", json={"zeilen": []}, headers=a).status_code == 429
    assert client.post("/api/v1/drafts", content=personal_yaml, headers={**YAML, **key(B, "leser")}).status_code == 200


def test_a_new_sqlite_file_is_readable_by_its_owner_only(tmp_path):
    target = tmp_path / "neu" / "ikz.sqlite"
    engine = make_engine(f"sqlite:///{target}")
    with engine.connect():
        pass
    engine.dispose()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    loose = tmp_path / "alt.sqlite"
    loose.write_bytes(b"")
    loose.chmod(0o644)
    make_engine(f"sqlite:///{loose}").dispose()
    assert stat.S_IMODE(Path(loose).stat().st_mode) == 0o600
