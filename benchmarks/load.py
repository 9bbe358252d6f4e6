"""Load benchmark of the JSON API: POST /api/v1/assessments against the framework floor.

Starts uvicorn (one worker) on 127.0.0.1 with a random free port and a throw-away database, then
drives it with a bounded asyncio client (a fixed number of concurrent keep-alive connections, a
time limit AND a request limit per phase; ``--client httpx`` for comparison) and prints, for each
endpoint, requests/s, p50/p99 latency and the server process's CPU time per request:

- ``floor``       POST /bench/floor: a FastAPI endpoint in the same app that reads the body and
                  returns the personnel example's assessment JSON, precomputed — no parsing, no
                  assessment. It is the framework's (and this client's) ceiling on this machine.
- ``assessments`` POST /api/v1/assessments with the personnel example (JSON body).
- ``mit Schlüssel`` the same with ``Authorization: Bearer <API key>``: what access control costs
                  (the key lookup is cached; target ≥ 90 % of the unauthenticated throughput).
                  Both are measured twice in the order A B B A and added up.
- ``drafts``      POST /api/v1/drafts (PDF), one client, a few requests: p50 latency.
- ``gemischt``    12 clients posting assessments while 2 generate drafts and 1 uploads a 6,250-row
                  screening, next to the same 12 clients alone (benchmarks/mixed_load.py; issue 14).

It prints figures and ratios only; targets are shown as met or missed, never asserted.
Client and server share the machine's cores, so absolute numbers drift; the ratio to the floor
measured in the same run, and the server CPU per request, are the figures to compare.

    .venv/bin/python benchmarks/load.py [--seconds 4] [--concurrency 16] [--max-requests 20000] [--mixed-seconds 15]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import yaml
from fastapi import Request
from starlette.responses import Response

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the product's packages before benchmarks/ (benchmarks/screening.py)

from benchmarks import mixed_load  # noqa: E402
from benchmarks.raw_client import RawConnection  # noqa: E402

HOST = "127.0.0.1"  # never any other address
EXAMPLE = ROOT / "examples" / "personalabrechnung-mandatierend.yaml"
FLOOR_PATH = "/bench/floor"

TARGET_RATIO = 0.40
TARGET_AUTH_RATIO = 0.90
TARGET_P99_MS = 25.0
TARGET_DRAFT_P50_MS = 250.0


def bench_app():  # -> FastAPI; the uvicorn factory (imported in the server process only)
    """The real application plus the floor endpoint returning the precomputed assessment."""
    from advisor.beratung import berate
    from advisor.bewertung import bewertung_als_dict
    from advisor.parsing import parse_fallakte
    from api.app import create_app
    from api.jsonout import canonical_json_bytes

    app = create_app()
    fallakte = parse_fallakte(EXAMPLE.read_text(encoding="utf-8"))
    beratung = berate(fallakte, app.state.regelwerk, app.state.satztabellen)
    precomputed = canonical_json_bytes(bewertung_als_dict(beratung.bewertung))

    @app.post(FLOOR_PATH, include_in_schema=False)
    async def floor(request: Request) -> Response:
        await request.body()
        return Response(precomputed, media_type="application/json")

    return app


@dataclass
class Phase:
    name: str
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    server_cpu_s: float | None = None

    @property
    def server_cpu_ms_per_request(self) -> float | None:
        if self.server_cpu_s is None or not self.requests:
            return None
        return self.server_cpu_s * 1000 / self.requests

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def _merged(first: Phase, second: Phase) -> Phase:
    """Two measurements of the same endpoint as one (requests, time, latencies and CPU added up)."""
    cpu = (
        None if first.server_cpu_s is None or second.server_cpu_s is None else first.server_cpu_s + second.server_cpu_s
    )
    return Phase(
        first.name,
        first.requests + second.requests,
        first.errors + second.errors,
        first.seconds + second.seconds,
        first.latencies_ms + second.latencies_ms,
        cpu,
    )


def _cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) the server process has used so far (Linux /proc), else None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _start_server(port: int, data_dir: str) -> subprocess.Popen[bytes]:
    # No rate limit for the expensive routes: the benchmark's own clients are not attackers.
    env = {**os.environ, "IKZ_DATA_DIR": data_dir, "IKZ_SEED_EXAMPLES": "false", "IKZ_RATE_LIMIT_EXPENSIVE": "1000000"}
    env.pop("IKZ_DATABASE_URL", None)
    command = [
        # benchmarks/ is imported as a namespace package from the repository root, so that its
        # scripts (e.g. benchmarks/screening.py) never shadow the product's packages.
        sys.executable,
        "-m",
        "uvicorn",
        "benchmarks.load:bench_app",
        "--factory",
        "--app-dir",
        str(ROOT),
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        "1",
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    return subprocess.Popen(command, env=env, cwd=ROOT)


def _wait_until_ready(base: str, server: subprocess.Popen[bytes], timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"Der Server ist beim Start beendet worden (Code {server.returncode}).")
        try:
            if httpx.get(f"{base}/api/v1/rules", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("Der Server ist nicht rechtzeitig bereit.")


Sender = Callable[[], Awaitable[int]]


async def _run_phase(
    new_sender: Callable[[], tuple[Sender, Callable[[], Awaitable[None]]]],
    name: str,
    *,
    concurrency: int,
    seconds: float,
    max_requests: int,
    warmup_s: float,
    server_pid: int,
) -> Phase:
    latencies: list[float] = []
    errors = 0
    started = 0

    async def worker(until: float, record: bool) -> None:
        nonlocal errors, started
        send, close = new_sender()
        try:
            while time.perf_counter() < until and not (record and started >= max_requests):
                started += record
                t0 = time.perf_counter()
                status = await send()
                if record:
                    latencies.append((time.perf_counter() - t0) * 1000)
                    errors += status != 200
        finally:
            await close()

    await asyncio.gather(*(worker(time.perf_counter() + warmup_s, False) for _ in range(concurrency)))
    cpu_before = _cpu_seconds(server_pid)
    begin = time.perf_counter()
    await asyncio.gather(*(worker(begin + seconds, True) for _ in range(concurrency)))
    elapsed = time.perf_counter() - begin
    cpu_after = _cpu_seconds(server_pid)
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return Phase(name, len(latencies), errors, elapsed, latencies, cpu)


async def _measure(port: int, args: argparse.Namespace, body: bytes, server_pid: int, key: str) -> list[Phase]:
    limits = httpx.Limits(max_connections=args.concurrency, max_keepalive_connections=args.concurrency)
    async with httpx.AsyncClient(base_url=f"http://{HOST}:{port}", limits=limits, timeout=30) as client:

        def senders(path: str, authorised: bool = False) -> Callable[[], tuple[Sender, Callable[[], Awaitable[None]]]]:
            auth = {"authorization": f"Bearer {key}"} if authorised else {}

            def new_sender() -> tuple[Sender, Callable[[], Awaitable[None]]]:
                if args.client == "raw":
                    extra = f"Authorization: Bearer {key}\r\n" if authorised else ""
                    connection = RawConnection(port, path, body, "application/json", extra)
                    return connection.post, connection.close

                async def post() -> int:
                    response = await client.post(
                        path, content=body, headers={"content-type": "application/json", **auth}
                    )
                    return response.status_code

                async def nothing() -> None:
                    return None

                return post, nothing

            return new_sender

        phases = [
            await _run_phase(
                senders(path, authorised),
                name,
                concurrency=args.concurrency,
                seconds=args.seconds,
                max_requests=args.max_requests,
                warmup_s=args.warmup,
                server_pid=server_pid,
            )
            for name, path, authorised in (
                ("floor", FLOOR_PATH, False),
                # ABBA order: drift of the shared machine during the run hits both alike
                ("assessments", "/api/v1/assessments", False),
                ("mit Schlüssel", "/api/v1/assessments", True),
                ("mit Schlüssel", "/api/v1/assessments", True),
                ("assessments", "/api/v1/assessments", False),
            )
        ]
        floor, a1, b1, b2, a2 = phases
        phases = [floor, _merged(a1, a2), _merged(b1, b2)]
        phases.append(
            await _run_phase(
                senders("/api/v1/drafts"),
                "drafts",
                concurrency=1,
                seconds=args.seconds * 2,
                max_requests=args.drafts,
                warmup_s=0.5,
                server_pid=server_pid,
            )
        )
        return phases


def _report(phases: list[Phase], args: argparse.Namespace) -> None:
    print(
        f"\nLast: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} Kerne; "
        f"{args.concurrency} gleichzeitige Clients ({args.client}), je Phase ≤ {args.seconds:g} s / ≤ {args.max_requests} Anfragen\n"
    )
    print(
        f"{'Endpunkt':<13}{'Anfragen':>9}{'Fehler':>8}{'Anfr./s':>10}{'p50 ms':>9}{'p99 ms':>9}{'Server-CPU ms/Anfr.':>21}"
    )
    for ph in phases:
        cpu = ph.server_cpu_ms_per_request
        print(
            f"{ph.name:<13}{ph.requests:>9}{ph.errors:>8}{ph.throughput:>10.1f}"
            f"{ph.percentile(50):>9.2f}{ph.percentile(99):>9.2f}{'–' if cpu is None else f'{cpu:.2f}':>21}"
        )
    floor, assessments, authorised, drafts = phases
    ratio = assessments.throughput / floor.throughput if floor.throughput else float("nan")
    floor_cpu, assessment_cpu = floor.server_cpu_ms_per_request, assessments.server_cpu_ms_per_request
    if floor_cpu and assessment_cpu:
        print(
            f"\nServer-CPU je Anfrage: assessments = {assessment_cpu / floor_cpu:.1f} × floor "
            f"(Durchsatzgrenze eines eigenen Kerns: {1000 / assessment_cpu:.0f} gegen {1000 / floor_cpu:.0f} Anfr./s)"
        )

    def verdict(ok: bool) -> str:
        return "erreicht" if ok else "verfehlt"

    print("\nZiele:")
    print(
        f"  Durchsatz assessments / floor = {ratio:.1%} (Ziel ≥ {TARGET_RATIO:.0%}): {verdict(ratio >= TARGET_RATIO)}"
    )
    auth_ratio = authorised.throughput / assessments.throughput if assessments.throughput else float("nan")
    print(
        f"  Durchsatz mit Schlüssel / ohne = {auth_ratio:.1%} (Ziel ≥ {TARGET_AUTH_RATIO:.0%}): "
        f"{verdict(auth_ratio >= TARGET_AUTH_RATIO)}"
    )
    if authorised.server_cpu_ms_per_request and assessment_cpu:
        print(
            f"  Server-CPU mit Schlüssel / ohne = {authorised.server_cpu_ms_per_request / assessment_cpu:.2f} "
            "(die verlässlichere Zahl auf einer geteilten Maschine)"
        )
    p99 = assessments.percentile(99)
    print(f"  p99 assessments = {p99:.1f} ms (Ziel < {TARGET_P99_MS:g} ms): {verdict(p99 < TARGET_P99_MS)}")
    p50 = drafts.percentile(50)
    print(f"  p50 drafts = {p50:.1f} ms (Ziel < {TARGET_DRAFT_P50_MS:g} ms): {verdict(p50 < TARGET_DRAFT_P50_MS)}")


def _bench_key(data_dir: str) -> str:
    """An organisation and an API key in the throw-away database, made before the server starts."""
    from api.db.session import make_engine, make_session_factory, run_migrations
    from api.identity import admin

    engine = make_engine(f"sqlite:///{Path(data_dir) / 'ikz.sqlite'}")
    run_migrations(engine)
    with make_session_factory(engine)() as session:
        admin.add_organisation(session, "bench", "Lasttest")
        _row, key = admin.add_api_key(session, "bench", "sachbearbeitung", "lasttest")
        session.commit()
    engine.dispose()
    return key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4.0, help="Messdauer je Phase (Standard 4 s)")
    parser.add_argument("--warmup", type=float, default=1.0, help="Aufwärmzeit je Phase (Standard 1 s)")
    parser.add_argument("--concurrency", type=int, default=16, help="gleichzeitige Clients (Standard 16)")
    parser.add_argument("--max-requests", type=int, default=20_000, help="Höchstzahl Anfragen je Phase")
    parser.add_argument("--drafts", type=int, default=20, help="Anzahl Entwürfe (ein Client)")
    parser.add_argument("--mixed-seconds", type=float, default=15.0, help="Messdauer der gemischten Last (0: keine)")
    parser.add_argument(
        "--client",
        choices=("raw", "httpx"),
        default="raw",
        help="raw: schlanker HTTP/1.1-Client (Standard); httpx: zum Vergleich, begrenzt selbst",
    )
    args = parser.parse_args(argv)
    if not (0 < args.seconds <= 60 and 0 < args.concurrency <= 256 and 0 < args.max_requests <= 1_000_000):
        parser.error("Dauer 0–60 s, 1–256 Clients, höchstens 1 000 000 Anfragen")

    body = json.dumps(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")), default=str).encode("utf-8")
    inventory = mixed_load.inventory_xlsx() if args.mixed_seconds > 0 else b""
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="ikz-bench-") as data_dir:
        key = _bench_key(data_dir)
        server = _start_server(port, data_dir)
        try:
            _wait_until_ready(f"http://{HOST}:{port}", server)
            phases = asyncio.run(_measure(port, args, body, server.pid, key))
            if args.mixed_seconds > 0:
                mixed = asyncio.run(
                    mixed_load.measure(port, body, args.mixed_seconds, server.pid, inventory, _run_phase)
                )
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    _report(phases, args)
    if args.mixed_seconds > 0:
        mixed_load.report(*mixed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
