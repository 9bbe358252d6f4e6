"""Benchmark of the review (issue 13): comment and approval requests, and the redline of the
60-partner agreement, each against a baseline measured in the same run.

    .venv/bin/python benchmarks/pruefung.py [--requests 200] [--runs 5]

1. Requests through the whole app in-process (TestClient, SQLite file, API key, audit trail):
   p50/p95 wall time of ``POST /cases/{id}/kommentare`` and ``POST /cases/{id}/freigaben``, next
   to ``GET /cases/{id}/pruefung`` (a read of the same state) as the baseline. The first comment
   on a version builds the clause texts once (printed separately: "kalt").
2. The redline of the 60-partner agreement (benchmarks/draft.py's case, one cost value and the
   notice period changed): assembling both versions, the clause diff and the DOCX with tracked
   changes; baseline: the DOCX of the newer version alone.

Targets: comment or approval p50 < 20 ms; redline of 60 partners < 1 s. Printed, never asserted.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advisor.beratung import berate  # noqa: E402
from advisor.parsing import fallakte_aus_dict  # noqa: E402
from benchmarks.draft import sechzig_partner  # noqa: E402
from contracts.dokumente import als_docx, erstelle  # noqa: E402
from contracts.redline import abschnitte, redline_docx, vergleiche  # noqa: E402
from rules_loader import load_rate_tables, load_rules  # noqa: E402

STAND = date(2026, 12, 5)


def _quantile(werte: list[float], q: float) -> float:
    werte = sorted(werte)
    return werte[min(len(werte) - 1, int(q * len(werte)))]


def _zeiten(aufgabe: Callable[[int], Any], n: int) -> list[float]:
    result = []
    for i in range(n):
        start = time.perf_counter()
        aufgabe(i)
        result.append((time.perf_counter() - start) * 1000)
    return result


def anfragen(n: int) -> dict[str, list[float]]:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import Settings
    from tests.identity_helpers import add_key, add_organisation

    yaml_text = (ROOT / "examples" / "personalabrechnung-mandatierend.yaml").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Settings(data_dir=Path(tmp), seed_examples=False))
        add_organisation(app, "kreis-musterland", "Kreis Musterland")
        keys = {
            r: {"authorization": "Bearer " + add_key(app, "kreis-musterland", r, r)}
            for r in ("sachbearbeitung", "rechtsamt", "steuer")
        }
        with TestClient(app) as c:
            fall = c.post(
                "/api/v1/cases",
                content=yaml_text,
                headers={**keys["sachbearbeitung"], "content-type": "application/yaml"},
            ).json()["fall"]
            c.post(f"/api/v1/cases/{fall}/pruefung/einreichen", json={}, headers=keys["sachbearbeitung"])
            kommentar = {"dokument": "vereinbarung", "klausel": "kostenerstattung.1", "text": "Bitte prüfen."}
            start = time.perf_counter()
            erster = c.post(f"/api/v1/cases/{fall}/kommentare", json=kommentar, headers=keys["rechtsamt"])
            kalt = (time.perf_counter() - start) * 1000
            assert erster.status_code == 201, erster.text
            c.patch(
                f"/api/v1/cases/{fall}/kommentare/{erster.json()['id']}",
                json={"status": "erledigt"},
                headers=keys["rechtsamt"],
            )

            def lesen(_: int) -> None:
                assert c.get(f"/api/v1/cases/{fall}/pruefung", headers=keys["rechtsamt"]).status_code == 200

            def kommentieren(_: int) -> None:
                r = c.post(f"/api/v1/cases/{fall}/kommentare", json=kommentar, headers=keys["rechtsamt"])
                assert r.status_code == 201
                c.patch(
                    f"/api/v1/cases/{fall}/kommentare/{r.json()['id']}",
                    json={"status": "erledigt"},
                    headers=keys["rechtsamt"],
                )

            def nur_kommentar(_: int) -> None:
                assert (
                    c.post(f"/api/v1/cases/{fall}/kommentare", json=kommentar, headers=keys["rechtsamt"]).status_code
                    == 201
                )

            ergebnis = {"lesen": _zeiten(lesen, n), "kommentar": _zeiten(nur_kommentar, n), "kalt": [kalt]}
            c.get("/api/v1/cases", headers=keys["rechtsamt"])
            # approvals need no open comment: resolve them (not timed), then time the decisions
            for t in c.get(f"/api/v1/cases/{fall}/kommentare", headers=keys["rechtsamt"]).json()["kommentare"]:
                if t["status"] == "offen":
                    c.patch(
                        f"/api/v1/cases/{fall}/kommentare/{t['id']}",
                        json={"status": "erledigt"},
                        headers=keys["rechtsamt"],
                    )
            del kommentieren

            def freigeben(_: int) -> None:
                r = c.post(
                    f"/api/v1/cases/{fall}/freigaben",
                    json={"rolle": "steuer", "entscheidung": "erteilt"},
                    headers=keys["steuer"],
                )
                assert r.status_code == 200, r.text

            ergebnis["freigabe"] = _zeiten(freigeben, n)
        app.state.engine.dispose()
    return ergebnis


def redline(runs: int) -> tuple[float, float, int]:
    rw, tabellen = load_rules(), load_rate_tables()
    alt_daten = sechzig_partner()
    neu_daten = copy.deepcopy(alt_daten)
    leistung = neu_daten["leistungen"][0]
    erster = next(iter(leistung["kosten"]["verteilung"]["werte"]))
    leistung["kosten"]["verteilung"]["werte"][erster] += 5
    leistung["laufzeit"]["kuendigungsfrist_monate"] = 6
    alt_b = berate(fallakte_aus_dict(alt_daten), rw, tabellen)
    neu_b = berate(fallakte_aus_dict(neu_daten), rw, tabellen)
    geaendert = 0

    def vergleich() -> None:
        nonlocal geaendert
        alt = erstelle("vereinbarung", alt_b, stand=STAND)
        neu = erstelle("vereinbarung", neu_b, stand=STAND)
        aenderungen = vergleiche(abschnitte(alt), abschnitte(neu))
        geaendert = sum(a.art != "gleich" for a in aenderungen)
        redline_docx(
            aenderungen,
            kopfzeile="Vergleich",
            titel="Vergleich",
            autor="IKZ-Berater",
            zeitpunkt=datetime(2026, 12, 5, tzinfo=UTC),
            stand=STAND,
        )

    def basis() -> None:
        als_docx(erstelle("vereinbarung", neu_b, stand=STAND))

    def median(aufgabe: Callable[[], None]) -> float:
        aufgabe()
        zeiten = []
        for _ in range(runs):
            start = time.perf_counter()
            aufgabe()
            zeiten.append((time.perf_counter() - start) * 1000)
        return statistics.median(zeiten)

    return median(vergleich), median(basis), geaendert


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    z = anfragen(args.requests)
    basis = statistics.median(z["lesen"])
    print(f"Anfragen (In-Process, SQLite, API-Schlüssel, Prüfprotokoll; je {args.requests}, Wanduhr):")
    print(f"{'Anfrage':34} {'p50 ms':>8} {'p95 ms':>8} {'×Lesen':>7}")
    for name, titel in (
        ("lesen", "GET /pruefung (Basis)"),
        ("kommentar", "POST /kommentare"),
        ("freigabe", "POST /freigaben"),
    ):
        p50 = statistics.median(z[name])
        print(f"{titel:34} {p50:8.2f} {_quantile(z[name], 0.95):8.2f} {p50 / basis:7.2f}")
    print(f"{'POST /kommentare, erste (kalt)':34} {z['kalt'][0]:8.2f}")
    ms, basis_docx, geaendert = redline(args.runs)
    print(f"\nRedline der Vereinbarung mit 60 Partnern ({geaendert} Abschnitte geändert, Median aus {args.runs}):")
    print(
        f"- Vergleich + DOCX mit Änderungsverfolgung: {ms:.1f} ms; Basis DOCX der neuen Fassung: {basis_docx:.1f} ms ({ms / basis_docx:.2f}×)"
    )
    p50_k, p50_f = statistics.median(z["kommentar"]), statistics.median(z["freigabe"])
    print("\nZiele:")
    print(f"- Kommentar p50 < 20 ms: {p50_k:.2f} ms → {'erfüllt' if p50_k < 20 else 'VERFEHLT'}")
    print(f"- Freigabe p50 < 20 ms: {p50_f:.2f} ms → {'erfüllt' if p50_f < 20 else 'VERFEHLT'}")
    print(f"- Redline 60 Partner < 1000 ms: {ms:.1f} ms → {'erfüllt' if ms < 1000 else 'VERFEHLT'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
