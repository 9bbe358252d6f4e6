"""Benchmark: does the server stay responsive while it processes a hostile upload? (issue 14, point 1)

    .venv/bin/python benchmarks/probe.py

Starts uvicorn (one worker, 127.0.0.1, throw-away database). Baseline, measured in the same run:
the latency of a probe request (``GET /api/v1/catalogue``) on the idle server. Then, for each file
of the hostile corpus below, one thread uploads it to ``POST /api/v1/screenings`` while the probe
is sent every 50 ms; printed: the upload's status and time, the probes' median and maximum
latency and the ratio to the idle median. Target: every probe < 200 ms. Nothing is asserted.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.load import HOST, _free_port, _start_server, _wait_until_ready  # noqa: E402
from tests.hostile.corpus import FAELLE, Fall  # noqa: E402

ZIEL_MS = 200.0
AUSWAHL = (
    "xlsx-geteilte-texte-zu-viele",
    "xlsx-entpackt-zu-gross",
    "xlsx-million-zeilen",
    "xlsx-fremde-elemente",
    "csv-million-zeilen",
    "json-12000-zeilen-verschiedene-schluessel",
    "json-100000-tief",
)
PROBE = "/api/v1/catalogue"


def _probe(client: httpx.Client) -> float:
    start = time.perf_counter()
    client.get(PROBE).raise_for_status()
    return (time.perf_counter() - start) * 1000


def _upload(base: str, fall: Fall, ergebnis: dict[str, float]) -> None:
    start = time.perf_counter()
    with httpx.Client(base_url=base, timeout=600) as client:
        if fall.als == "datei":
            antwort = client.post(fall.pfad, files={"datei": (fall.dateiname, fall.inhalt, fall.art)})
        else:
            antwort = client.post(fall.pfad, content=fall.inhalt, headers={"Content-Type": fall.art})
    ergebnis["status"] = antwort.status_code
    ergebnis["sekunden"] = time.perf_counter() - start


def main() -> int:
    faelle = [f for f in FAELLE if f.name in AUSWAHL]
    for fall in faelle:
        fall.inhalt  # noqa: B018 – build the files before the clock runs
    port = _free_port()
    with tempfile.TemporaryDirectory() as daten:
        server = _start_server(port, daten)
        try:
            base = f"http://{HOST}:{port}"
            _wait_until_ready(base, server)
            with httpx.Client(base_url=base, timeout=30) as client:
                for _ in range(5):
                    _probe(client)
                ruhig = statistics.median(_probe(client) for _ in range(40))
                print(f"Probe {PROBE} im Leerlauf: Median {ruhig:.1f} ms")
                schlechteste = 0.0
                for fall in faelle:
                    ergebnis: dict[str, float] = {}
                    faden = threading.Thread(target=_upload, args=(base, fall, ergebnis))
                    faden.start()
                    zeiten = []
                    while faden.is_alive():
                        zeiten.append(_probe(client))
                        time.sleep(0.05)
                    faden.join()
                    spitze = max(zeiten, default=0.0)
                    schlechteste = max(schlechteste, spitze)
                    print(
                        f"  {fall.name:<42} {len(fall.inhalt) / 1e6:6.2f} MB → {int(ergebnis['status'])} in "
                        f"{ergebnis['sekunden']:5.2f} s; {len(zeiten):3d} Proben: Median "
                        f"{statistics.median(zeiten) if zeiten else 0:6.1f} ms, Maximum {spitze:6.1f} ms "
                        f"({spitze / ruhig:4.1f}× Leerlauf)"
                    )
                print(
                    f"Ziel: jede Probe < {ZIEL_MS:.0f} ms: {'erreicht' if schlechteste < ZIEL_MS else 'NICHT erreicht'}"
                    f" (schlechteste {schlechteste:.1f} ms)"
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
    print("Hinweis: 2 Kerne, die mit anderen Prozessen geteilt werden (Client und Server teilen sie auch).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
