"""``ikz serve`` as a real process for the tests: a free port on 127.0.0.1, wait until it answers,
stop it and read what it wrote to stderr."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

HOST = "127.0.0.1"
IKZ = Path(sys.executable).with_name("ikz")


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


class ServerProcess:
    """One ``ikz serve`` with the environment ``env`` (added to the tests' own) and extra arguments."""

    def __init__(self, env: dict[str, str], *args: str) -> None:
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.process = subprocess.Popen(
            [str(IKZ), "serve", "--host", HOST, "--port", str(self.port), *args],
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def wait_ready(self, path: str = "/api/v1/rules", timeout_s: float = 60) -> None:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                httpx.get(self.base + path, timeout=2)
                return
            except httpx.TransportError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"ikz serve beendet: {self.stop()}") from None
                if time.monotonic() > deadline:
                    raise RuntimeError(f"ikz serve nicht bereit: {self.stop()}") from None
                time.sleep(0.2)

    def children(self) -> list[int]:
        """The ids of the processes this server started (uvicorn's workers)."""
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                found.append(int(stat.parent.name))
        return found

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        assert self.process.stderr is not None
        text = self.process.stderr.read().decode(errors="replace")
        self.process.stderr.close()
        return text
