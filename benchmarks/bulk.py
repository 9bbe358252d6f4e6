"""Benchmark of the bulk API (issue 14): 6,250 cases via ``POST /api/v1/assessments:batch`` against
the same work in-process.

    .venv/bin/python benchmarks/bulk.py [--faelle 6250]

The cases are those of ``benchmarks/faelle.py`` (deterministic), one JSON object per line. Baseline,
measured in the same run: ``api.batch.process_line`` — parse, validate, assess, render the output
line — over every line in this process, exactly what the server does per line. Then uvicorn (one
worker, 127.0.0.1) receives the whole NDJSON body and streams the results back; the client reads
every byte. Printed: both times, the ratio (target ≤ 1.5×) and whether both outputs are the same
bytes. The same for ``calculations:batch``. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.batch import Rechner, assessment, calculation, ndjson_lines, process_line  # noqa: E402
from benchmarks.faelle import faelle  # noqa: E402
from benchmarks.load import HOST, _free_port, _start_server, _wait_until_ready  # noqa: E402
from rules_loader import load_rate_tables, load_rules  # noqa: E402

ZIEL = 1.5
MAX_ZEILE = 2 * 1024 * 1024


def in_process(body: bytes, rechner: Rechner) -> tuple[float, bytes]:
    import io

    start = time.perf_counter()
    aus = b"".join(
        process_line(n, roh, rechner, max_line_bytes=MAX_ZEILE, max_nodes=200_000)
        for n, roh in ndjson_lines(io.BytesIO(body), MAX_ZEILE)
    )
    return time.perf_counter() - start, aus


def via_api(base: str, route: str, body: bytes) -> tuple[float, bytes]:
    start = time.perf_counter()
    teile = []
    with httpx.stream(
        "POST", f"{base}/api/v1/{route}", content=body, headers={"Content-Type": "application/x-ndjson"}, timeout=600
    ) as antwort:
        antwort.raise_for_status()
        for teil in antwort.iter_bytes():
            teile.append(teil)
    return time.perf_counter() - start, b"".join(teile)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faelle", type=int, default=6250)
    args = parser.parse_args()
    body = b"".join(json.dumps(f, default=str, separators=(",", ":")).encode() + b"\n" for f in faelle(args.faelle))
    print(f"{args.faelle:,} Fallakten als NDJSON, {len(body) / 1e6:.1f} MB".replace(",", "."))
    regelwerk, tabellen = load_rules(), load_rate_tables()
    rechner = {
        "assessments:batch": assessment(regelwerk, tabellen),
        "calculations:batch": calculation(regelwerk, tabellen),
    }
    in_process(body[: body.index(b"\n", 200_000) + 1], rechner["assessments:batch"])  # warm-up
    port = _free_port()
    with tempfile.TemporaryDirectory() as daten:
        server = _start_server(port, daten)
        try:
            base = f"http://{HOST}:{port}"
            _wait_until_ready(base, server)
            via_api(base, "assessments:batch", body[: body.index(b"\n", 200_000) + 1])  # warm-up
            for route, rechne in rechner.items():
                t_lokal, lokal = in_process(body, rechne)
                t_api, api = via_api(base, route, body)
                verhaeltnis = t_api / t_lokal
                print(
                    f"\n{route}: im Prozess {t_lokal:.2f} s ({t_lokal / args.faelle * 1e3:.2f} ms je Fall), "
                    f"über die API {t_api:.2f} s, Antwort {len(api) / 1e6:.1f} MB"
                )
                print(
                    f"  {route}: API / im Prozess = {verhaeltnis:.2f} (Ziel ≤ {ZIEL}: "
                    f"{'erreicht' if verhaeltnis <= ZIEL else 'NICHT erreicht'}); gleiche Bytes: {api == lokal}"
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
    print("\nHinweis: 2 Kerne, die mit anderen Prozessen geteilt werden (Client und Server teilen sie auch).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
