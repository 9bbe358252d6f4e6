"""Browser tests: the app served by uvicorn on 127.0.0.1 (temporary SQLite database), driven by
Debian's Chromium through Playwright. Without Chromium the tests are skipped locally — and fail in
CI (CI=true), so that they are never skipped silently there.

Which Chromium: Debian's ``chromium-headless-shell`` where it is installed (``.ci/run`` installs
it), else ``chromium``; ``IKZ_CHROMIUM`` names another. The headless shell is the same Blink and V8
without the desktop browser around them — what Playwright itself runs for headless tests — and
costs half the CPU of the full browser in headless mode (this suite's browser tests: 30 s instead
of 57 s of Chromium CPU, measured with both on one machine), which the other tests running beside
it on two cores get back.

Accessibility: ``assert_accessible(page)`` runs axe-core (npm, ``tests/browser/package.json``;
``npm ci --prefix tests/browser``, done by .ci/run) in the page as it stands and fails on any WCAG
2.1 A/AA violation. axe is evaluated through the DevTools protocol, so a strict
Content-Security-Policy of the pages does not block it.

Sign-in: the server's database gets the organisation "kreis-musterland" (named in the examples)
with one person who has the roles sachbearbeitung, leitung and admin, and the partner
"stadt-aheim"; the session fixture ``signed_in`` signs that person in once through /anmelden, as
a person does, and every test gets its tab from the ``page`` fixture, which depends on it — the
one place where the sign-in step lives. ``api_client`` is an httpx client signed in the same way
(for preparing data without the browser)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.server_process import free_port, wait_until_answers

CHROMIUM_CANDIDATES = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: Screenshots for a person to look at, only where asked for (a full-page PNG of the long form
#: costs Chromium more than half a second, and no test reads them).
SCREENSHOTS = os.environ.get("IKZ_SCREENSHOT_DIR", "")


def _chromium_or_skip() -> str:
    named = os.environ.get("IKZ_CHROMIUM")
    candidates = [named] if named else CHROMIUM_CANDIDATES
    path = next((c for c in candidates if Path(c).exists()), None) or (None if named else shutil.which("chromium"))
    if path:
        return path
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(
            f"Chromium fehlt ({', '.join(candidates)}); in CI installiert .ci/run das Paket chromium-headless-shell."
        )
    pytest.skip("Chromium ist nicht installiert (apt-get install chromium-headless-shell).")
    raise AssertionError  # pragma: no cover


EMAIL = "sachbearbeitung@kreis-musterland.example"
PASSWORT = "Browsertest mit langem Passwort"


def _prepare_database(daten: Path, url: str) -> None:
    """The organisations and the person of the browser tests, in the server's database."""
    from api.app import create_app
    from api.settings import Settings
    from tests.identity_helpers import add_organisation, add_user

    app = create_app(Settings(data_dir=daten, database_url=url, seed_examples=False))
    try:
        add_organisation(app, "kreis-musterland", "Kreis Musterland")
        add_organisation(app, "stadt-aheim", "Stadt Aheim")
        add_user(app, EMAIL, "kreis-musterland", ["sachbearbeitung", "leitung", "admin"], PASSWORT)
    finally:
        app.state.engine.dispose()


def _server_log(log, daten: Path) -> str:
    """Why a server of the browser tests did not start: what it wrote to ``daten/server.log``."""
    log.flush()
    return "Der Server startete nicht:\n" + (daten / "server.log").read_text()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the app, started with uvicorn in a subprocess and stopped afterwards."""
    _chromium_or_skip()
    daten = tmp_path_factory.mktemp("browser")
    port = free_port()
    url = f"sqlite:///{daten / 'ikz.sqlite'}"
    _prepare_database(daten, url)
    env = {
        **os.environ,
        "IKZ_DATA_DIR": str(daten),
        "IKZ_DATABASE_URL": url,
        "IKZ_SEED_EXAMPLES": "false",
    }
    log = (daten / "server.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "api.app:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(base + "/", proc, lambda: _server_log(log, daten), status=200)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory):
    path = _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    profil = tmp_path_factory.mktemp("chromium-profil")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profil),
            executable_path=path,
            args=CHROMIUM_ARGS,
            headless=True,
            accept_downloads=True,
            viewport={"width": 1280, "height": 900},
            locale="de-DE",
        )
        yield context
        context.close()


def _sign_in(page, server: str) -> None:
    page.goto(server + "/anmelden?weiter=/faelle")
    page.fill("#f-email", EMAIL)
    page.fill("#f-passwort", PASSWORT)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(server + "/faelle")


@pytest.fixture
def signed_in(browser, server) -> str:
    """The test person is signed in through the sign-in page — once, and again only when a test
    signed out (cookies are per host, not per port: the demo server's sign-out on 127.0.0.1
    ends this cookie too)."""
    if browser.request.get(server + "/faelle", max_redirects=0).status == 200:  # the context's cookies
        return EMAIL
    page = browser.new_page()
    page.set_default_timeout(10_000)
    try:
        _sign_in(page, server)
    finally:
        page.close()
    return EMAIL


@pytest.fixture
def page(browser, signed_in):
    page = browser.new_page()
    page.set_default_timeout(10_000)
    yield page
    page.close()


@pytest.fixture(scope="session")
def api_client(server) -> Iterator[httpx.Client]:
    """An httpx client signed in as the test person (session cookie, CSRF token, Origin)."""
    from tests.identity_helpers import sign_in

    with httpx.Client(base_url=server, timeout=30) as client:
        sign_in(client, EMAIL, PASSWORT)
        yield client


def screenshot(page, name: str) -> Path | None:
    """Save a full-page screenshot to look at, when IKZ_SCREENSHOT_DIR names a folder."""
    if not SCREENSHOTS:
        return None
    path = Path(SCREENSHOTS) / f"ikz-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The axe-core script (installed from npm by .ci/run; locally: npm ci --prefix tests/browser)."""
    if not AXE.exists():
        if _in_ci():
            pytest.fail(f"axe-core fehlt ({AXE}); .ci/run installiert es mit npm ci --prefix tests/browser.")
        pytest.skip("axe-core ist nicht installiert (npm ci --prefix tests/browser).")
    return AXE.read_text(encoding="utf-8")


AXE_RUN = """async (tags) => {
  const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " – " + (n.failureSummary || "").replace(/\\s+/g, " "))
  }));
}"""


def axe_violations(page, axe_source: str) -> list[dict]:
    """The WCAG 2.1 A/AA violations axe-core finds in the page as it stands."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    return page.evaluate(AXE_RUN, WCAG_21_AA)


def assert_accessible(page, axe_source: str, state: str) -> None:
    """No WCAG 2.1 A/AA violation in the page as it stands (``state`` names it in the message)."""
    violations = axe_violations(page, axe_source)
    assert violations == [], f"{state}: " + "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations
    )


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page itself scrolls sideways (0 = it reflows)."""
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
