"""The background worker that re-assesses stored cases after a rule change — a separate process.

The re-assessment is CPU-bound Python: in a thread of the server it would hold the interpreter
lock and every request would queue behind it (measured: probe p99 ≈ 400 ms). So each server
process starts, when needed, one **worker process** (``spawn``, never ``fork`` of a threaded
server) that opens the same database, loads the shipped rule set and processes runs batch by
batch (api/register/auswirkungen.py); leases in the database keep several server processes' workers
from working on the same run, and a stopped worker's run is taken over when its lease expires.
It runs at a lower scheduling priority (``NICE``). The worker ends when every run of the rule set is done (checking every ``WARTEN`` seconds while a
run is held by another process).

``starten()`` at server start (a run for every organisation with stale cases), ``wecken()`` after
``POST /api/v1/auswirkungen``, ``stoppen()`` at shutdown. Off with
``IKZ_AUSWIRKUNGEN_IM_HINTERGRUND=false`` (then ``alles_bearbeiten`` runs it in-process, e.g. tests).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import secrets
import threading
import time
from multiprocessing.process import BaseProcess
from typing import Any

from sqlalchemy import func, select

from api.register.auswirkungen import laeufe_fuer_veraltete
from api.register.tables import AuswirkungslaufRow

WARTEN = 10.0
#: Scheduling priority offset of the worker process (lower priority than the server).
NICE = 10
log = logging.getLogger("ikz.auswirkungen")


def _offen(read_session_factory: Any, sha256: str) -> int:
    with read_session_factory() as session:
        return int(
            session.execute(
                select(func.count())
                .select_from(AuswirkungslaufRow)
                .where(AuswirkungslaufRow.regelwerk_sha256 == sha256, AuswirkungslaufRow.status != "fertig")
            ).scalar_one()
        )


def arbeiterprozess(database_url: str, name: str) -> None:
    """The worker process's main: process runs until none is left (see the module docstring)."""
    import rules_loader
    from api.db.startup import open_database
    from api.register.auswirkungen import bearbeite

    if hasattr(os, "nice"):
        os.nice(NICE)  # requests of the server come first when the cores are busy
    database = open_database(database_url)
    regelwerk, tabellen = rules_loader.load_rules(), rules_loader.load_rate_tables()
    try:
        while True:
            if bearbeite(database.sessions, database.read_sessions, regelwerk, tabellen, name):
                continue
            if not _offen(database.read_sessions, regelwerk.sha256):
                return
            time.sleep(WARTEN)
    except Exception:  # the run resumes from its cursor later; never a traceback to a user
        log.exception("Neubewertung nach Regeländerung abgebrochen")
    finally:
        database.dispose()


class Auswirkungsarbeiter:
    """One per app: starts the worker process when there is work."""

    def __init__(self, state: Any) -> None:
        self.state = state
        self.name = f"arbeiter-{secrets.token_hex(4)}"
        self._lock = threading.Lock()
        self._prozess: BaseProcess | None = None

    def starten(self) -> None:
        if laeufe_fuer_veraltete(self.state.session_factory, self.state.regelwerk):
            log.info("Regelwerk %s: Neubewertung gespeicherter Fälle gestartet", self.state.regelwerk.version)
        if _offen(self.state.read_session_factory, self.state.regelwerk.sha256):
            self.wecken()

    def wecken(self) -> None:
        with self._lock:
            if self._prozess is not None and self._prozess.is_alive():
                return
            ctx = multiprocessing.get_context("spawn")
            url = self.state.settings.resolved_database_url()
            self._prozess = ctx.Process(
                target=arbeiterprozess, args=(url, self.name), name="ikz-auswirkungen", daemon=True
            )
            self._prozess.start()

    def stoppen(self, timeout: float = 5.0) -> None:
        with self._lock:
            if self._prozess is not None and self._prozess.is_alive():
                self._prozess.terminate()  # the run keeps its cursor; the lease expires
                self._prozess.join(timeout)
