"""Worker processes for the CPU-heavy work of a request: rendering documents, screening uploads.

A server process answers its requests on one event loop. Work of tens of milliseconds (a PDF or
DOCX) to seconds (an inventory of thousands of rows) done in its thread pool holds the GIL against
every other request of that process: beside two clients drafting and one screening, the
assessments' p99 rose from 42 to 197 ms, and a probe request waited up to 358 ms while a hostile
CSV was read (benchmarks/load.py, benchmarks/probe.py). So that work runs in worker processes:

- One pool per server process, shared by the apps in it, started on first use with
  ``IKZ_WORKER_PROCESSES`` processes (default 2; the first app's setting sizes it). Workers come
  from a fork server (multiprocessing's "forkserver") that has imported and warmed the renderers
  and the screening once (``VORAB_GELADEN``: api/worker_preload.py): a worker starts in
  milliseconds, and the server process, which runs threads, is never forked itself.
- Workers run at a lower CPU priority (``NICE``): with two clients drafting and one screening
  beside twelve posting assessments, the assessments' p99 was 171 ms with workers at the server's
  priority and 54 ms at nice 10, the drafts' median unchanged (0.25 s; benchmarks/load.py).
- A job is a plain function of picklable values — a built document, a
  ``screening.auftrag.Screeningauftrag`` — so a worker needs no state of the server. Files pass by
  path in the pool's scratch directory (``arbeitsverzeichnis()``), removed with the pool at the
  app's shutdown (``beenden``) or at exit.
- An error of the job (say a 413 ``Grenzueberschreitung``) reaches the caller as raised.
  A worker that dies (killed, out of memory) breaks the pool: that request gets a 503 problem with
  Retry-After, and the next request gets a new pool.
- A worker ends itself within a second once its server process is gone, however that ended
  (``_wache``): Python 3.11's pool workers would otherwise wait forever on their queue after a
  SIGKILL, and the fork server with them, holding the server's stderr open.
- A result that arrives after its request was given up (client gone) is passed to ``verwerfen``
  (to remove its files).
- ``IKZ_WORKER_PROCESSES=0`` runs the jobs in a thread pool of the server process instead: the
  same code path, without the isolation (for a machine where more processes are not wanted).
"""

from __future__ import annotations

import asyncio
import atexit
import multiprocessing
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from api.problems import ApiProblem
from api.settings import Settings

T = TypeVar("T")

#: What the fork server imports once, so that every worker forked from it has it loaded and warm.
VORAB_GELADEN = ["api.worker_preload"]
THREADS_OHNE_PROZESSE = 4
RETRY_AFTER_SECONDS = 5
WACHE_SEKUNDEN = 0.5
#: Workers yield the CPU to the server process, whose event loop answers everyone else.
NICE = 10

_lock = threading.Lock()
_pools: dict[str, Executor] = {}
_verzeichnis: str | None = None


def arbeitsverzeichnis() -> str:
    """This process's scratch directory for the files of jobs (removed by ``beenden`` or at exit)."""
    global _verzeichnis
    with _lock:
        if _verzeichnis is None:
            _verzeichnis = tempfile.mkdtemp(prefix="ikz-arbeit-")
        return _verzeichnis


@atexit.register
def _verzeichnis_entfernen() -> None:
    if _verzeichnis is not None:
        shutil.rmtree(_verzeichnis, ignore_errors=True)


def _pool(settings: Settings) -> Executor:
    art = "prozesse" if settings.worker_processes > 0 else "threads"
    with _lock:
        pool = _pools.get(art)
        if pool is None:
            if art == "threads":
                pool = ThreadPoolExecutor(THREADS_OHNE_PROZESSE, thread_name_prefix="ikz-arbeit")
            else:
                kontext = multiprocessing.get_context("forkserver")
                kontext.set_forkserver_preload(VORAB_GELADEN)
                pool = ProcessPoolExecutor(
                    settings.worker_processes, mp_context=kontext, initializer=_arbeiter_start, initargs=(os.getpid(),)
                )
            _pools[art] = pool
        return pool


def _arbeiter_start(server_pid: int) -> None:
    """In each worker: a lower CPU priority than the server process, and the watch (``_wache``)."""
    os.nice(NICE)
    _wache(server_pid)


def _wache(server_pid: int) -> None:
    """A thread that ends this worker once the server process ``server_pid`` is gone."""

    def wachen() -> None:
        while True:
            time.sleep(WACHE_SEKUNDEN)
            try:
                os.kill(server_pid, 0)
            except ProcessLookupError:
                os._exit(0)

    threading.Thread(target=wachen, name="ikz-wache", daemon=True).start()


def beenden() -> None:
    """Stop this process's pools (at the app's shutdown) and let go of them, so that their queues'
    semaphores are released before uvicorn ends the process with the signal it received (its
    atexit handlers do not run then), and remove the scratch directory; a job after this starts
    a new pool."""
    global _verzeichnis
    with _lock:
        pools = list(_pools.values())
        _pools.clear()
        verzeichnis, _verzeichnis = _verzeichnis, None
    for pool in pools:
        pool.shutdown(wait=True, cancel_futures=True)
    if verzeichnis is not None:
        shutil.rmtree(verzeichnis, ignore_errors=True)


def _ersetzen(pool: Executor) -> None:
    """Drop a broken pool; the next job starts a new one."""
    with _lock:
        for art, vorhanden in list(_pools.items()):
            if vorhanden is pool:
                del _pools[art]
    pool.shutdown(wait=False, cancel_futures=True)


def _nicht_verfuegbar() -> ApiProblem:
    return ApiProblem(
        503,
        "rechenprozess-abgebrochen",
        "Ein Rechenprozess des Servers ist abgebrochen. Bitte die Anfrage in einigen Sekunden wiederholen.",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def _submit(settings: Settings, aufgabe: Callable[..., T], args: tuple[Any, ...]) -> tuple[Executor, Future[T]]:
    pool = _pool(settings)
    try:
        return pool, pool.submit(aufgabe, *args)
    except BrokenProcessPool:
        _ersetzen(pool)
        raise _nicht_verfuegbar() from None


async def ausfuehren(
    settings: Settings, aufgabe: Callable[..., T], *args: Any, verwerfen: Callable[[T], None] | None = None
) -> T:
    """``aufgabe(*args)`` in a worker process; the event loop stays free meanwhile.

    Submitting runs in a thread too: it may start the fork server (about a second of imports,
    measured as a 676 ms stall of the event loop by benchmarks/probe.py) or a worker."""
    pool, future = await asyncio.to_thread(_submit, settings, aufgabe, args)
    try:
        return await asyncio.shield(asyncio.wrap_future(future))
    except asyncio.CancelledError:
        if not future.cancel() and verwerfen is not None:
            future.add_done_callback(lambda f: _spaet(f, verwerfen))
        raise
    except BrokenProcessPool:
        _ersetzen(pool)
        raise _nicht_verfuegbar() from None


def ausfuehren_hier(settings: Settings, aufgabe: Callable[..., T], *args: Any) -> T:
    """``ausfuehren`` for code already in a thread of the server: waits for the result."""
    pool, future = _submit(settings, aufgabe, args)
    try:
        return future.result()
    except BrokenProcessPool:
        _ersetzen(pool)
        raise _nicht_verfuegbar() from None


def _spaet(future: Future[T], verwerfen: Callable[[T], None]) -> None:
    if not future.cancelled() and future.exception() is None:
        verwerfen(future.result())
