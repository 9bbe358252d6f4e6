"""A throw-away PostgreSQL cluster for the tests: ``initdb`` in a temporary directory, a server on
127.0.0.1 with a free port, stopped and deleted at the end.

Uses Debian's server binaries (package ``postgresql``: /usr/lib/postgresql/<version>/bin) or the
ones on PATH. PostgreSQL refuses to run as root, so as root (CI) every server command runs as the
``postgres`` user the package creates (``runuser``), and the directory is handed to that user.
Durability is switched off (``fsync``, ``synchronous_commit``, ``full_page_writes``): the data is
thrown away anyway. The cluster trusts connections from 127.0.0.1 only (a single user ``ikz``).

``stop()`` and ``start()`` may be called in between: the recovery test cuts the database off that way.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.server_process import free_port

HOST = "127.0.0.1"
USER = "ikz"
SERVER_USER = "postgres"


def find_bindir() -> Path | None:
    """The directory of ``initdb`` and ``pg_ctl``: the newest Debian version, else PATH; or ``None``."""
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: _version(p.parent.parent.name))
    if debian:
        return debian[-1].parent
    found = shutil.which("pg_ctl")
    return Path(found).resolve().parent if found else None


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())


class ThrowawayPostgres:
    """One cluster in its own temporary directory; ``url(name)`` is the SQLAlchemy URL of a database."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.base = Path(tempfile.mkdtemp(prefix="ikz-postgres-"))
        self.data = self.base / "daten"
        self.log = self.base / "server.log"
        self.port = free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.base, SERVER_USER, SERVER_USER)

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", SERVER_USER, "--"] if self.as_root else []
        result = subprocess.run([*prefix, *command], capture_output=True, text=True, check=False, cwd=self.base)
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(command)} fehlgeschlagen: {result.stderr.strip()}\n{log}")

    def init(self) -> None:
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            USER,
            "--auth=trust",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",
        )
        # Only TCP on 127.0.0.1; the socket directory is the cluster's own (not /var/run/postgresql).
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(
                f"listen_addresses = '{HOST}'\nport = {self.port}\nunix_socket_directories = '{self.base}'\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 300\n"
            )

    def start(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start")

    def stop(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{USER}@{HOST}:{self.port}/{database}"

    def remove(self) -> None:
        try:
            self.stop()
        except RuntimeError:
            pass  # already stopped
        shutil.rmtree(self.base, ignore_errors=True)
