"""Browser tests: the app served by uvicorn on 127.0.0.1 (temporary SQLite database), driven by
Debian's Chromium through Playwright. Without Chromium the tests are skipped locally — and fail in
CI (CI=true), so that they are never skipped silently there."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

CHROMIUM = os.environ.get("IKZ_CHROMIUM", "/usr/bin/chromium")
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
SCREENSHOTS = Path(os.environ.get("IKZ_SCREENSHOT_DIR", "/tmp"))


def _chromium_or_skip() -> str:
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if path:
        return path
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Chromium fehlt ({CHROMIUM}); in CI installiert .ci/run das Paket chromium.")
    pytest.skip("Chromium ist nicht installiert (apt-get install chromium).")
    raise AssertionError  # pragma: no cover


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the app, started with uvicorn in a subprocess and stopped afterwards."""
    _chromium_or_skip()
    daten = tmp_path_factory.mktemp("browser")
    port = _free_port()
    env = {
        **os.environ,
        "IKZ_DATA_DIR": str(daten),
        "IKZ_DATABASE_URL": f"sqlite:///{daten / 'ikz.sqlite'}",
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
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("Der Server startete nicht:\n" + (daten / "server.log").read_text())
            time.sleep(0.2)
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


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.set_default_timeout(10_000)
    yield page
    page.close()


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot to look at (IKZ_SCREENSHOT_DIR, default /tmp)."""
    path = SCREENSHOTS / f"ikz-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
