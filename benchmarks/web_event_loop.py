"""Does a heavy web request block the event loop? (issue 18 point 6: CPU-bound work off the loop)

In one process, through the ASGI interface: the personnel example with ``--leistungen`` services
(default 100) is posted to ``POST /formular/live`` (the live assessment runs the advisor for every
service). Meanwhile a cheap ``async`` endpoint (``GET /api/v1/rules``) is asked every 5 ms. The
baseline, measured in the same run, is the cheap request's latency without the heavy one; the
figure is its worst latency while the heavy request runs, and the ratio of the two. For
comparison, the same heavy request is then made with the route's ``run_in_threadpool`` replaced by
a direct call (the advisor on the event loop, as before issue 18.6): the cheap request then waits
for the whole heavy one. Off the loop, the cheap request still shares the GIL with the worker
thread (CPython), so its worst latency is not the baseline; several workers (``--workers``) spread
heavy requests over processes.

    .venv/bin/python -m benchmarks.web_event_loop [--leistungen 100]
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import tempfile
import time
from pathlib import Path
from typing import Any
from unittest.mock import patch
from urllib.parse import urlencode

import httpx
import yaml

from api.app import create_app
from api.settings import Settings
from api.web import routes as web_routes
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
    """How long the cheap request waited, each counted from when it was due (5 ms after the
    previous answer): a blocked event loop delays the wake-up, too, which is counted even when the
    measurement ends at that moment."""
    waits = []
    while True:
        due = time.perf_counter() + 0.005
        await asyncio.sleep(0.005)
        if until.is_set():
            waits.append(time.perf_counter() - due)  # the loop's lag at the end of the heavy request
            return waits
        assert (await client.get("/api/v1/rules")).status_code == 200
        waits.append(time.perf_counter() - due)


async def _meanwhile(client: httpx.AsyncClient, body: bytes) -> tuple[float, list[float]]:
    """The heavy request's duration and the cheap requests' latencies while it ran."""
    stop = asyncio.Event()
    task = asyncio.create_task(_cheap(client, stop))
    await asyncio.sleep(0.02)
    start = time.perf_counter()
    heavy = await client.post(
        "/formular/live", content=body, headers={"content-type": "application/x-www-form-urlencoded"}
    )
    heavy_s = time.perf_counter() - start
    stop.set()
    assert heavy.status_code == 200, heavy.text[:300]
    return heavy_s, await task


async def _direct(function: Any, *args: Any) -> Any:
    return function(*args)


async def main(leistungen: int) -> None:
    app = create_app(Settings(data_dir=Path(tempfile.mkdtemp()), seed_examples=False))
    body = _form_body(leistungen)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver", timeout=600) as client:
        await client.post("/formular/live", content=body, headers={"content-type": "application/x-www-form-urlencoded"})
        stop = asyncio.Event()
        task = asyncio.create_task(_cheap(client, stop))
        await asyncio.sleep(1.0)
        stop.set()
        alone = await task
        heavy_s, during = await _meanwhile(client, body)
        with patch.object(web_routes, "run_in_threadpool", _direct):
            loop_s, on_loop = await _meanwhile(client, body)
    base_ms, worst_ms, loop_ms = max(alone) * 1000, max(during) * 1000, max(on_loop) * 1000
    print(
        f"POST /formular/live with {leistungen} services: {heavy_s * 1000:.0f} ms (on the loop: {loop_s * 1000:.0f} ms)"
    )
    print(f"GET /api/v1/rules alone (baseline):        worst {base_ms:.1f} ms over {len(alone)} requests")
    print(f"  meanwhile, advisor in the thread pool:   worst {worst_ms:.1f} ms over {len(during)} requests")
    print(f"  meanwhile, advisor on the event loop:    worst {loop_ms:.1f} ms over {len(on_loop)} requests")
    print(
        f"ratio worst/baseline: thread pool {worst_ms / base_ms:.0f}x, on the loop {loop_ms / base_ms:.0f}x; "
        f"worst as share of the heavy request: {worst_ms / (heavy_s * 1000):.0%} vs {loop_ms / (loop_s * 1000):.0%}"
    )
    app.state.engine.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leistungen", type=int, default=100)
    asyncio.run(main(parser.parse_args().leistungen))
