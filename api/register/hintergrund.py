"""The background worker of a server process that re-assesses stored cases after a rule change.

At start (and whenever ``wecken`` is called, e.g. by ``POST /api/v1/auswirkungen``) a daemon
thread processes runs batch by batch (api/register/auswirkungen.py) and sleeps ``PAUSE`` between
batches so that request threads get the interpreter; while a run is unfinished but held by another
process, it checks again every ``WARTEN`` seconds (to take over a stopped worker's run once its
lease expires); it ends when every run is done. Off with ``IKZ_AUSWIRKUNGEN_IM_HINTERGRUND=false``.
"""

from __future__ import annotations

import logging
import secrets
import threading
from typing import Any

from sqlalchemy import func, select

from api.register.auswirkungen import bearbeite, laeufe_fuer_veraltete
from api.register.tables import AuswirkungslaufRow

PAUSE = 0.02
WARTEN = 10.0
log = logging.getLogger("ikz.auswirkungen")


class Auswirkungsarbeiter:
    """One per app: ``starten()`` at start, ``wecken()`` when a run was created, ``stoppen()`` at shutdown."""

    def __init__(self, state: Any) -> None:
        self.state = state
        self.name = f"arbeiter-{secrets.token_hex(4)}"
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def starten(self) -> None:
        if laeufe_fuer_veraltete(self.state.session_factory, self.state.regelwerk):
            log.info("Regelwerk %s: Neubewertung gespeicherter Fälle gestartet", self.state.regelwerk.version)
        self.wecken()

    def wecken(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._laufen, name="ikz-auswirkungen", daemon=True)
                self._thread.start()

    def stoppen(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _offen(self) -> int:
        with self.state.read_session_factory() as session:
            return int(
                session.execute(
                    select(func.count())
                    .select_from(AuswirkungslaufRow)
                    .where(
                        AuswirkungslaufRow.regelwerk_sha256 == self.state.regelwerk.sha256,
                        AuswirkungslaufRow.status != "fertig",
                    )
                ).scalar_one()
            )

    def _laufen(self) -> None:
        s = self.state
        try:
            while not self._stop.is_set():
                if bearbeite(s.session_factory, s.read_session_factory, s.regelwerk, s.satztabellen, self.name):
                    self._stop.wait(PAUSE)
                    continue
                if not self._offen():
                    return
                self._stop.wait(WARTEN)
        except Exception:  # never take the server down; the run resumes from its cursor later
            log.exception("Neubewertung nach Regeländerung abgebrochen")
