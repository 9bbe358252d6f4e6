"""Two server processes on one database, as behind a load balancer: whatever one of them stored,
the other one serves — screening results and their downloads, web-form results, Idempotency-Keys,
sign-in sessions, rate-limit counters, key revocations. Requests alternate deterministically
between the two processes (two ports). Then `ikz serve --workers 2` itself.
SQLite file by default; PostgreSQL with ``pytest --postgres``."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import httpx
import pytest

from api.db.startup import open_database
from api.identity import admin
from api.identity.demo import DEMO_USERS
from tests.screening.conftest import bauhof_zeilen, csv_bytes, zeile
from tests.server_process import ServerProcess
from tests.web.helpers import FORM, encoded, form_items

pytestmark = pytest.mark.slow

RATE_LIMIT = 6
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Iterator[dict[str, str]]:
    """The environment of both servers: one database with the demo users and an API key."""
    data_dir = tmp_path_factory.mktemp("geteilt")
    env = {
        "IKZ_DATA_DIR": str(data_dir),
        "IKZ_DEMO": "true",
        "IKZ_SEED_EXAMPLES": "false",
        "IKZ_RATE_LIMIT_EXPENSIVE": str(RATE_LIMIT),
        "IKZ_API_KEY_CACHE_SECONDS": "0",
    }
    url = os.environ.get("IKZ_DATABASE_URL") or f"sqlite:///{data_dir}/ikz.sqlite"
    env["IKZ_DATABASE_URL"] = url
    database = open_database(url)
    with database.sessions() as session:
        admin.add_organisation(session, "kreis", "Kreis Musterland")
        _row, key = admin.add_api_key(session, "kreis", "sachbearbeitung", "haushalt")
        session.commit()
    database.dispose()
    yield {**env, "_key": key}


@pytest.fixture(scope="module")
def workers(shared) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    env = {k: v for k, v in shared.items() if not k.startswith("_")}
    servers = (ServerProcess(env), ServerProcess(env))
    try:
        for server in servers:
            server.wait_ready()
        yield servers
    finally:
        for server in servers:
            server.stop()


def _key(shared) -> dict[str, str]:
    return {"authorization": f"Bearer {shared['_key']}"}


def test_a_screening_uploaded_on_one_worker_is_downloaded_from_the_other(workers):
    a, b = workers
    inventar = csv_bytes([*bauhof_zeilen(3), zeile(kennung="M-1", aufgabenfeld="raumfahrt")])
    # one browser (the result belongs to it: its pre-sign-in cookie, set by the page)
    with httpx.Client(timeout=60) as browser:
        browser.get(a.base + "/screening")
        page = browser.post(a.base + "/screening", files={"datei": ("bestand.csv", inventar, "text/csv")})
        assert page.status_code == 200, page.text
        token = page.text.split('href="/screening/')[1].split("/")[0]
        for datei, art in (("pdf", "application/pdf"), ("xlsx", XLSX), ("csv", "text/csv")):
            download = browser.get(f"{b.base}/screening/{token}/bestandsscreening.{datei}")
            assert download.status_code == 200, (datei, download.text[:300])
            assert download.headers["content-type"].startswith(art)
        from_a = browser.get(f"{a.base}/screening/{token}/bestandsscreening.csv")
        from_b = browser.get(f"{b.base}/screening/{token}/bestandsscreening.csv")
        assert from_a.content == from_b.content and "raumfahrt" not in from_a.text  # the problem row is not a result
        assert browser.get(f"{b.base}/screening/{'x' * 32}/bestandsscreening.pdf").status_code == 404
    assert (
        httpx.get(f"{b.base}/screening/{token}/bestandsscreening.csv", timeout=60).status_code == 404
    )  # not another's


def test_a_web_form_result_made_on_one_worker_is_shown_by_the_other(workers, example_texts):
    a, b = workers
    items = [*form_items(example_texts["personalabrechnung-mandatierend"]), ("aktion", "pruefen")]
    with httpx.Client(timeout=30) as browser:
        browser.get(a.base + "/formular")  # the open form: the result belongs to this browser
        posted = browser.post(a.base + "/formular", content=encoded(items), headers=FORM)
        assert posted.status_code == 303, posted.text[:300]
        shown = browser.get(b.base + posted.headers["location"])
        assert shown.status_code == 200 and "Besoldungsabrechnung im Kreis Musterland" in shown.text


def test_an_idempotent_post_repeated_on_the_other_worker_gives_the_first_case(workers, shared, example_texts):
    a, b = workers
    headers = {**_key(shared), "content-type": "application/yaml", "idempotency-key": "haushalt-2027-0001"}
    body = example_texts["personalabrechnung-mandatierend"]
    first = httpx.post(a.base + "/api/v1/cases", content=body, headers=headers, timeout=30)
    again = httpx.post(b.base + "/api/v1/cases", content=body, headers=headers, timeout=30)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["fall"] == again.json()["fall"]


def test_a_sign_in_on_one_worker_is_a_session_on_the_other(workers):
    a, b = workers
    email, _rolle, passwort = DEMO_USERS[0]
    with httpx.Client(timeout=30) as browser:
        form = browser.get(a.base + "/anmelden").text
        token = form.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        signed_in = browser.post(
            a.base + "/anmelden",
            data={"email": email, "passwort": passwort, "csrf_token": token, "weiter": "/"},
            headers={"origin": a.base},
        )
        assert signed_in.status_code == 303, signed_in.text[:300]
        assert browser.get(b.base + "/api/v1/cases").status_code == 200  # the cookie, on the other worker
    assert httpx.get(b.base + "/api/v1/cases").status_code == 401  # and without it: nobody


def test_the_rate_limit_counts_the_requests_to_both_workers_together(workers, shared):
    a, b = workers
    # A key of its own, so that no other test's requests count. No waiting for a new minute: the
    # limit is a sliding window, and a minute beginning between the 12 small requests changes the
    # estimate by less than one request as long as they take under five seconds.
    database = open_database(shared["IKZ_DATABASE_URL"])
    with database.sessions() as session:
        _row, key = admin.add_api_key(session, "kreis", "sachbearbeitung", "für das Limit")
        session.commit()
    database.dispose()
    with httpx.Client(timeout=30, headers={"authorization": f"Bearer {key}"}) as client:
        statuses = [
            client.post(server.base + "/api/v1/screenings", json={"zeilen": []}).status_code
            for server in (a, b) * RATE_LIMIT
        ]
    assert statuses[:RATE_LIMIT] == [200] * RATE_LIMIT
    assert set(statuses[RATE_LIMIT:]) == {429}


def test_a_key_revoked_through_one_worker_is_refused_by_the_other(workers, shared):
    a, b = workers
    database = open_database(shared["IKZ_DATABASE_URL"])
    with database.sessions() as session:
        _row, key = admin.add_api_key(session, "kreis", "admin", "verwaltung")
        _row, kurzlebig = admin.add_api_key(session, "kreis", "leser", "kurzlebig")
        session.commit()
    database.dispose()
    kurz = {"authorization": f"Bearer {kurzlebig}"}
    assert httpx.get(b.base + "/api/v1/cases", headers=kurz).status_code == 200
    revoked = httpx.delete(f"{a.base}/api/v1/keys/kurzlebig", headers={"authorization": f"Bearer {key}"})
    assert revoked.status_code == 200 and revoked.json()["widerrufen"], revoked.text
    assert httpx.get(b.base + "/api/v1/cases", headers=kurz).status_code == 401


def test_ikz_serve_with_two_workers_starts_two_processes_that_serve_the_stored_results(shared):
    env = {k: v for k, v in shared.items() if not k.startswith("_")}
    server = ServerProcess(env, "--workers", "2")
    try:
        server.wait_ready()
        deadline = time.monotonic() + 30
        while len(server.children()) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(server.children()) >= 2
        with httpx.Client(timeout=60) as browser:
            browser.get(server.base + "/screening")  # the result belongs to this browser's cookie
            page = browser.post(
                server.base + "/screening", files={"datei": ("bestand.csv", csv_bytes(bauhof_zeilen(2)), "text/csv")}
            )
            cookies = browser.cookies
        token = page.text.split('href="/screening/')[1].split("/")[0]
        with httpx.Client(timeout=60, cookies=cookies) as fresh:
            for _ in range(8):  # a new connection each time (Connection: close): either worker may answer
                download = fresh.get(
                    f"{server.base}/screening/{token}/bestandsscreening.csv", headers={"connection": "close"}
                )
                assert download.status_code == 200
    finally:
        stderr = server.stop()
    assert "2 Worker-Prozesse" in stderr
