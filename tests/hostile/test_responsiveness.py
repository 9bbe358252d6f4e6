"""While a hostile upload is being read, the server answers other requests (no timing assertion).

The upload of a million-row XLSX takes the server a second or more (it reads until the 100,001st
row); a probe sent meanwhile must come back while the upload is still being processed — which it
cannot if reading blocks the event loop. (The latencies are measured in benchmarks/probe.py.)
"""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest

from api.app import create_app
from api.settings import Settings
from tests.hostile.corpus import FAELLE

pytestmark = pytest.mark.hostile

MILLION = next(f for f in FAELLE if f.name == "xlsx-million-zeilen")


@pytest.fixture
def app(tmp_path):
    app = create_app(Settings(data_dir=tmp_path / "d", seed_examples=False))
    yield app
    app.state.engine.dispose()


def test_a_probe_is_answered_while_a_hostile_upload_is_still_being_read(app):
    inhalt = MILLION.inhalt

    async def szenario() -> tuple[int, bool, int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test", timeout=120) as client:
            upload = asyncio.create_task(
                client.post("/api/v1/screenings", files={"datei": ("bestand.xlsx", inhalt, MILLION.art)})
            )
            while not _reading_started(app):
                await asyncio.sleep(0.01)
            probe = await client.get("/api/v1/catalogue")
            noch_offen = not upload.done()
            return probe.status_code, noch_offen, (await upload).status_code

    ergebnis: list[tuple[int, bool, int]] = []
    # A thread of its own: asyncio.run needs a thread without a running event loop.
    faden = threading.Thread(target=lambda: ergebnis.append(asyncio.run(szenario())))
    faden.start()
    faden.join(timeout=300)
    [(probe, noch_offen, upload)] = ergebnis
    assert probe == 200
    assert noch_offen, "the probe waited for the hostile upload: reading blocks the event loop"
    assert upload == 413


def _reading_started(app) -> bool:
    return getattr(app.state, "laufende_screenings", 0) > 0
