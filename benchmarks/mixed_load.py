"""The mixed phase of the load benchmark (issue 14, point 8), run by benchmarks/load.py.

Against the same server, one after the other:

- ``rein``      12 clients post the personnel example to ``POST /api/v1/assessments`` — nothing else;
- ``gemischt``  the same 12 clients while 2 clients generate drafts (``POST /api/v1/drafts``, PDF,
                one after the other) and 1 client uploads a 6,250-row XLSX inventory to
                ``POST /api/v1/screenings`` again and again (the NRW-like inventory of
                benchmarks/screening.py). The background work starts first; the assessments are
                measured only while it runs.

Printed: requests, errors, p50/p99 of the assessments in both phases and their ratio, and how
many drafts and screenings the background finished (with their median time). Target: p99 of the
assessments in the mixed phase < 100 ms. Nothing is asserted.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from benchmarks.raw_client import HOST, RawConnection

if TYPE_CHECKING:
    from benchmarks.load import Phase

CLIENTS = 12
DRAFT_CLIENTS = 2
SCREENING_ROWS = 6250
TARGET_MIXED_P99_MS = 100.0
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Background:
    """What the background clients did: finished drafts and screenings, and when a screening ran."""

    drafts_s: list[float] = field(default_factory=list)
    screenings_s: list[float] = field(default_factory=list)
    screening_alone_s: float = float("nan")
    #: (start, end) of every screening upload, ``time.perf_counter``; the last one may be unfinished.
    screening_runs: list[tuple[float, float]] = field(default_factory=list)
    window: tuple[float, float] = (0.0, 0.0)
    errors: list[str] = field(default_factory=list)

    def screening_share(self) -> float:
        """The share of the measured window in which a screening was being processed."""
        begin, end = self.window
        busy = sum(max(0.0, min(e, end) - max(s, begin)) for s, e in self.screening_runs)
        return busy / (end - begin) if end > begin else 0.0


def inventory_xlsx() -> bytes:
    """The 6,250-row inventory of benchmarks/screening.py as an XLSX file."""
    from benchmarks.screening import generate_rows, write_xlsx
    from screening.run import screening_context

    felder = sorted(screening_context().vorgaben.aufgabenfelder)
    with tempfile.TemporaryDirectory(prefix="ikz-mischlast-") as tmp:
        ziel = Path(tmp) / "bestand.xlsx"
        write_xlsx(generate_rows(SCREENING_ROWS, felder), ziel)
        return ziel.read_bytes()


async def measure(
    port: int, assessment_body: bytes, seconds: float, server_pid: int, inventory: bytes, run_phase: Any
) -> tuple[Phase, Phase, Background]:
    """The pure and the mixed phase (see the module docstring); ``run_phase`` is load.py's."""

    def sender() -> tuple[object, object]:
        connection = RawConnection(port, "/api/v1/assessments", assessment_body, "application/json")
        return connection.post, connection.close

    async def phase(name: str, warmup: float) -> Phase:
        return await run_phase(
            sender,
            name,
            concurrency=CLIENTS,
            seconds=seconds,
            max_requests=1_000_000,
            warmup_s=warmup,
            server_pid=server_pid,
        )

    pure = await phase("rein", 1.0)
    bg = Background()
    stop = asyncio.Event()
    base = f"http://{HOST}:{port}"
    async with httpx.AsyncClient(base_url=base, timeout=300) as client:
        t0 = time.perf_counter()
        alone = await client.post("/api/v1/screenings", content=inventory, headers={"content-type": XLSX})
        await alone.aread()
        bg.screening_alone_s = time.perf_counter() - t0

        async def drafts() -> None:
            while not stop.is_set():
                t0 = time.perf_counter()
                r = await client.post(
                    "/api/v1/drafts", content=assessment_body, headers={"content-type": "application/json"}
                )
                if r.status_code != 200:
                    bg.errors.append(f"drafts: {r.status_code}")
                elif not stop.is_set():
                    bg.drafts_s.append(time.perf_counter() - t0)

        async def screenings() -> None:
            while not stop.is_set():
                t0 = time.perf_counter()
                bg.screening_runs.append((t0, float("inf")))
                r = await client.post("/api/v1/screenings", content=inventory, headers={"content-type": XLSX})
                await r.aread()
                bg.screening_runs[-1] = (t0, time.perf_counter())
                if r.status_code != 200:
                    bg.errors.append(f"screenings: {r.status_code} {r.text[:200]}")
                else:  # also the one that ends after the measurement: how long a screening takes under load
                    bg.screenings_s.append(time.perf_counter() - t0)

        tasks = [asyncio.create_task(drafts()) for _ in range(DRAFT_CLIENTS)]
        tasks.append(asyncio.create_task(screenings()))
        try:
            mixed = await phase("gemischt", 1.0)  # the first second lets the background work get going
            bg.window = (time.perf_counter() - mixed.seconds, time.perf_counter())
        finally:
            stop.set()
            await asyncio.wait(tasks, timeout=120)
            for task in tasks:
                task.cancel()
    return pure, mixed, bg


def report(pure: Phase, mixed: Phase, bg: Background) -> None:
    """Print both phases side by side and the target."""
    zeilen = f"{SCREENING_ROWS:,}".replace(",", ".")
    print(
        f"\nGemischte Last: {CLIENTS} Clients Bewertungen, daneben {DRAFT_CLIENTS} Clients Entwürfe (PDF) und "
        f"1 Client Screening ({zeilen} Zeilen, XLSX; allein {bg.screening_alone_s:.1f} s)"
    )
    print(f"{'Phase':<10}{'Anfragen':>9}{'Fehler':>8}{'Anfr./s':>10}{'p50 ms':>9}{'p99 ms':>9}")
    for ph in (pure, mixed):
        print(
            f"{ph.name:<10}{ph.requests:>9}{ph.errors:>8}{ph.throughput:>10.1f}"
            f"{ph.percentile(50):>9.2f}{ph.percentile(99):>9.2f}"
        )

    def median(werte: list[float]) -> str:
        return f"{statistics.median(werte):.2f} s" if werte else "–"

    print(
        f"Hintergrund in der Messzeit: {len(bg.drafts_s)} Entwürfe (Median {median(bg.drafts_s)}), "
        f"{len(bg.screenings_s)} Screenings (Median {median(bg.screenings_s)}, das letzte endete nach der Messung); "
        "ein Screening lief "
        f"{bg.screening_share():.0%} der Messzeit" + (f"; Fehler: {', '.join(bg.errors[:3])}" if bg.errors else "")
    )
    p99 = mixed.percentile(99)
    ratio = p99 / pure.percentile(99) if pure.percentile(99) else float("nan")
    verdict = "erreicht" if p99 < TARGET_MIXED_P99_MS else "verfehlt"
    print(
        f"  p99 Bewertungen gemischt = {p99:.1f} ms ({ratio:.1f} × rein) (Ziel < {TARGET_MIXED_P99_MS:g} ms): {verdict}"
    )
