"""The worker processes for CPU-heavy work (api/worker_pool.py): jobs run outside the server
process, their errors come back as raised, a dead worker is a 503 and the next job works, a result
nobody waits for any more is discarded, and workers end when their server process is gone."""

from __future__ import annotations

import asyncio
import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from advisor.beratung import berate
from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.parsing import parse_fallakte
from api import worker_pool
from api.problems import ApiProblem
from api.settings import Settings
from rules_loader import load_rate_tables, load_rules
from screening.ablage import Dateiablage
from screening.grenzen import Grenzueberschreitung

ROOT = Path(__file__).resolve().parents[2]
PROZESSE = Settings(worker_processes=2)


def _fehler() -> None:
    raise Grenzueberschreitung("zeilen", "Zu viele Zeilen.", "bestand.csv")


def _langsam(pfad: str) -> str:
    time.sleep(0.5)
    Path(pfad).write_text("Ergebnis")
    return pfad


def test_a_job_runs_in_another_process():
    assert asyncio.run(worker_pool.ausfuehren(PROZESSE, os.getpid)) != os.getpid()


def test_without_processes_the_job_runs_in_this_process():
    assert asyncio.run(worker_pool.ausfuehren(Settings(worker_processes=0), os.getpid)) == os.getpid()


def test_an_error_of_the_job_comes_back_as_raised_with_its_fields():
    with pytest.raises(Grenzueberschreitung) as e:
        asyncio.run(worker_pool.ausfuehren(PROZESSE, _fehler))
    assert e.value.grenze == "zeilen"
    assert e.value.probleme == [Feldproblem("", "„bestand.csv“: Zu viele Zeilen.")]
    assert e.value.titel.startswith("Die Bestandsliste ist zu groß")


def test_an_input_error_survives_pickling_with_its_problems():
    fehler = pickle.loads(pickle.dumps(UngueltigeEingabe([Feldproblem("stichtag", "kein Datum")], "Titel")))
    assert (type(fehler), fehler.probleme, fehler.titel, str(fehler)) == (
        UngueltigeEingabe,
        [Feldproblem("stichtag", "kein Datum")],
        "Titel",
        "Titel\n- stichtag: kein Datum",
    )


def test_a_dead_worker_gives_503_with_retry_after_and_the_next_job_works():
    with pytest.raises(ApiProblem) as e:
        asyncio.run(worker_pool.ausfuehren(PROZESSE, os._exit, 1))
    assert (e.value.status, e.value.headers) == (503, {"Retry-After": "5"})
    assert "Rechenprozess" in e.value.detail
    assert asyncio.run(worker_pool.ausfuehren(PROZESSE, os.getpid)) != os.getpid()


def test_a_result_nobody_waits_for_is_discarded(tmp_path):
    pfad = tmp_path / "ergebnis"
    verworfen: list[str] = []

    async def aufgeben() -> None:
        aufgabe = asyncio.ensure_future(
            worker_pool.ausfuehren(PROZESSE, _langsam, str(pfad), verwerfen=verworfen.append)
        )
        await asyncio.sleep(0.2)  # the job is running
        aufgabe.cancel()
        with pytest.raises(asyncio.CancelledError):
            await aufgabe

    asyncio.run(aufgeben())
    frist = time.monotonic() + 10
    while not verworfen and time.monotonic() < frist:
        time.sleep(0.05)
    assert verworfen == [str(pfad)]
    assert pfad.read_text() == "Ergebnis"


def test_a_rule_set_is_pickled_as_its_texts_and_decides_the_same():
    regelwerk, satztabellen = load_rules(), load_rate_tables()
    kopie = pickle.loads(pickle.dumps(regelwerk))
    assert (kopie.sha256, kopie.version) == (regelwerk.sha256, regelwerk.version)
    for beispiel in sorted((ROOT / "examples").glob("*.yaml")):
        fallakte = parse_fallakte(beispiel.read_text(encoding="utf-8"))
        assert berate(fallakte, kopie, satztabellen).bewertung == berate(fallakte, regelwerk, satztabellen).bewertung


def test_a_handed_over_ablage_keeps_its_records_and_leaves_no_file(tmp_path):
    ablage = Dateiablage(str(tmp_path))
    for i in range(3):
        ablage.append({"zeile": i})
    uebergabe = pickle.loads(pickle.dumps(ablage.uebergeben()))
    uebernommen = Dateiablage.uebernehmen(uebergabe)
    assert list(tmp_path.iterdir()) == []
    uebernommen.append({"zeile": 3})
    assert list(uebernommen) == [{"zeile": i} for i in range(4)]
    uebernommen.close()


@pytest.mark.slow
def test_workers_end_when_their_server_process_is_killed(tmp_path):
    """A server killed with SIGKILL cannot stop its pool: the workers notice and end themselves."""
    skript = textwrap.dedent(
        """
        import asyncio, os, sys, time
        from api import worker_pool
        from api.settings import Settings
        pids = {asyncio.run(worker_pool.ausfuehren(Settings(worker_processes=2), os.getpid)) for _ in range(4)}
        print(" ".join(map(str, pids)), flush=True)
        time.sleep(60)
        """
    )
    server = subprocess.Popen(
        [sys.executable, "-c", skript], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    try:
        zeile = server.stdout.readline().decode() if server.stdout else ""
        pids = [int(p) for p in zeile.split()]
        assert pids
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=10)
        if server.stdout:
            server.stdout.close()
    frist = time.monotonic() + 10
    while time.monotonic() < frist and any(_lebt(p) for p in pids):
        time.sleep(0.1)
    assert not any(_lebt(p) for p in pids)


def _lebt(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "State:\tZ" in status.read_text())


def test_workers_run_at_a_lower_cpu_priority_than_the_server():
    assert asyncio.run(worker_pool.ausfuehren(PROZESSE, os.nice, 0)) == min(19, os.nice(0) + worker_pool.NICE)


def test_stopping_removes_the_scratch_directory_and_the_next_job_starts_a_new_pool():
    verzeichnis = Path(worker_pool.arbeitsverzeichnis())
    asyncio.run(worker_pool.ausfuehren(PROZESSE, os.getpid))
    worker_pool.beenden()
    assert not verzeichnis.exists()
    assert asyncio.run(worker_pool.ausfuehren(PROZESSE, os.getpid)) != os.getpid()


def test_an_uploaded_inventory_is_screened_in_a_worker_not_in_the_server_process(tmp_path, monkeypatch):
    """Screening in this process is made to fail; the API still answers, so the worker did it."""
    from fastapi.testclient import TestClient

    import screening.auftrag
    from api.app import create_app
    from tests.screening.conftest import bauhof_zeilen, csv_bytes

    def nicht_hier(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("im Server-Prozess gescreent")

    monkeypatch.setattr(screening.auftrag, "screen_upload", nicht_hier)
    app = create_app(Settings(data_dir=tmp_path, seed_examples=False, worker_processes=2))
    with TestClient(app) as client:
        antwort = client.post(
            "/api/v1/screenings", files={"datei": ("bestand.csv", csv_bytes(bauhof_zeilen(2)), "text/csv")}
        )
    app.state.engine.dispose()
    assert antwort.status_code == 200
    assert len(antwort.json()["zeilen"]) == 2


def _auftrag(tmp_path: Path) -> object:
    from screening.auftrag import Screeningauftrag
    from screening.grenzen import Lesegrenzen
    from tests.screening.conftest import bauhof_zeilen, csv_bytes

    upload = tmp_path / "bestand.csv"
    upload.write_bytes(csv_bytes(bauhof_zeilen(3)))
    ablage = tmp_path / "ablage"
    ablage.mkdir()
    return Screeningauftrag(
        str(upload), "bestand.csv", "text/csv", None, Lesegrenzen(), load_rules(), load_rate_tables(), str(ablage)
    )


def test_a_handed_over_run_is_taken_over_whole_or_discarded_without_leaving_files(tmp_path):
    from screening.auftrag import screen_and_hand_over, uebernehmen, verwerfen

    auftrag = _auftrag(tmp_path)
    ablage = tmp_path / "ablage"
    uebergeben = pickle.loads(pickle.dumps(screen_and_hand_over(auftrag)))
    assert len(list(ablage.iterdir())) == 2  # rows and problems, named, waiting
    lauf = uebernehmen(uebergeben)
    assert list(ablage.iterdir()) == []
    assert [z.ergebnis for z in lauf.screening.zeilen] == ["steuerpflichtig"] * 3
    lauf.screening.close()

    verwerfen(screen_and_hand_over(auftrag))
    assert list(ablage.iterdir()) == []
