"""Does a heavy web request block the event loop? (issue 18 point 6: CPU-bound work off the loop)

In one process, through the ASGI interface: the personnel example with ``--leistungen`` services
(default 100) is posted to ``POST /formular/live`` (the live assessment runs the advisor for every
service). Meanwhile a cheap ``async`` endpoint (``GET /api/v1/rules``) is asked every 5 ms. The
baseline, measured in the same run, is the cheap request's latency without the heavy one; the
figure is its worst latency while the heavy request runs, and the ratio of the two. Were the
advisor's work on the event loop, the worst latency would approach the heavy request's duration.

    .venv/bin/python -m benchmarks.web_event_loop [--leistungen 100]
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx
import yaml

from api.app import create_app
from api.settings import Settings
from api.web.form_fallakte import form_state
from api.web.form_state import flatten

ROOT = Path(__file__).resolve().parents[1]


def _form_body(leistungen: int) -> bytes:
    daten = yaml.safe_load((ROOT / "examples" / "personalabrechnung-mandatierend.yaml").read_text(encoding="utf-8"))
    erste = daten["leistungen"][0]
    daten["leistungen"] = []
    for n in range(leistungen):
        leistung = copy.deepcopy(erste)
        leistung["id"] = f"l{n + 1}"
        leistung["bezeichnung"] = f"{erste['bezeichnung']} {n + 1}"
        daten["leistungen"].append(leistung)
    items: list[tuple[str, str]] = []
    for name, value in flatten(form_state(daten)).items():
        values = value if isinstance(value, list) else [value]
        items.extend((name, v) for v in values)
    return urlencode(items).encode("utf-8")


async def _cheap(client: httpx.AsyncClient, until: asyncio.Event) -> list[float]:
    latencies = []
    while not until.is_set():
        start = time.perf_counter()
        assert (await client.get("/api/v1/rules")).status_code == 200
        latencies.append(time.perf_counter() - start)
        await asyncio.sleep(0.005)
    return latencies


async def main(leistungen: int) -> None:
    app = create_app(Settings(data_dir=Path(tempfile.mkdtemp()), seed_examples=False))
    body = _form_body(leistungen)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver", timeout=600) as client:
        await client.get("/api/v1/rules")  # warm-up
        stop = asyncio.Event()
        task = asyncio.create_task(_cheap(client, stop))
        await asyncio.sleep(1.0)
        stop.set()
        alone = await task
        stop = asyncio.Event()
        task = asyncio.create_task(_cheap(client, stop))
        start = time.perf_counter()
        heavy = await client.post(
            "/formular/live", content=body, headers={"content-type": "application/x-www-form-urlencoded"}
        )
        heavy_s = time.perf_counter() - start
        stop.set()
        during = await task
    assert heavy.status_code == 200, heavy.text[:300]
    base_ms, worst_ms = max(alone) * 1000, max(during) * 1000
    print(f"POST /formular/live with {leistungen} services: {heavy_s * 1000:.0f} ms")
    print(f"GET /api/v1/rules alone (baseline): worst {base_ms:.1f} ms over {len(alone)} requests")
    print(f"GET /api/v1/rules meanwhile:        worst {worst_ms:.1f} ms over {len(during)} requests")
    print(
        f"ratio worst meanwhile / baseline: {worst_ms / base_ms:.1f}; share of the heavy request: "
        f"{worst_ms / (heavy_s * 1000):.0%}"
    )
    app.state.engine.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leistungen", type=int, default=100)
    asyncio.run(main(parser.parse_args().leistungen))
