"""``ikz serve`` as a real process for the tests: a free port on 127.0.0.1, wait until it answers,
stop it and read what it wrote to stderr. ``wait_until_answers`` is the one wait for every server
the tests start (uvicorn, ``ikz serve``, the OIDC provider)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

HOST = "127.0.0.1"
IKZ = Path(sys.executable).with_name("ikz")


#: How often a starting server is asked whether it answers.
POLL_SECONDS = 0.1


def wait_until_answers(
    url: str,
    process: subprocess.Popen,
    failure: Callable[[], str],
    *,
    status: int | None = None,
    timeout_s: float = 60,
) -> httpx.Response:
    """Wait until the starting server ``process`` answers GET ``url`` (with ``status``, if given)
    and return that answer; the test fails with ``failure()`` if the process ends or ``timeout_s``
    passes first (a process still running then is killed first, so that ``failure()`` can read its
    output to the end instead of waiting for it forever). One client for all attempts: every new httpx client builds a TLS context (about 20 ms of CPU,
    certificates read), which a poll would otherwise pay dozens of times per start."""
    deadline = time.monotonic() + timeout_s
    with httpx.Client(timeout=2) as client:
        while True:
            try:
                response = client.get(url)
                if status is None or response.status_code == status:
                    return response
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                if process.poll() is None:
                    process.kill()
                    process.wait()
                pytest.fail(failure())
            time.sleep(POLL_SECONDS)


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
        wait_until_answers(
            self.base + path, self.process, lambda: f"ikz serve nicht bereit: {self.stop()}", timeout_s=timeout_s
        )

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
