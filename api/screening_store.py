"""The upload page's screening results in the database, so that any worker can serve their downloads.

``POST /screening`` shows the result and links its PDF, XLSX and CSV under a random token
(``secrets.token_urlsafe``, 192 bits; the table keeps only its SHA-256, like sign-in sessions).
``store_screening`` writes the result: a head row (the ``Screening`` without its rows: summary,
Stichtag, rule set; the file name and task-field titles; who uploaded) and the screened rows and
problems in chunks of ``CHUNK_RECORDS``, zlib-compressed, each chunk in a short transaction of
its own — the head is marked complete at the end, and only complete results are served.
``load_screening`` reads them back, in a read-only transaction, into temporary files
(``screening.ablage.Dateiablage``), so memory does not grow with the inventory either way.

The records are the run's own pickles. Reading them back uses an ``Unpickler`` that resolves
only the result's classes (``ERLAUBTE_KLASSEN``; the "Restricting Globals" pattern of Python's
``pickle`` documentation): bytes from the database can never name any other callable. A record
that does not load — say a result stored by an older version whose classes have changed — makes
the whole result unavailable (logged); the page asks for the file again.

Results are kept for ``AUFBEWAHRUNG`` and removed when a new one is stored. A result is served
only to the ``client`` that uploaded it (a signed-in caller, or the uploading browser on the open
page: api/web/screening.py); one stored without a client is served to nobody.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import logging
import pickle
import re
import secrets
import struct
import zlib
from collections.abc import Iterable, Iterator
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from advisor.screening import Screening
from api.db.models import utc_now
from api.db.screening_tables import ScreeningChunkRow, ScreeningResultRow
from screening.ablage import Dateiablage

AUFBEWAHRUNG = timedelta(days=7)
CHUNK_RECORDS = 1000
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")
_LAENGE = struct.Struct(">I")
log = logging.getLogger("ikz.screening")

#: The only classes a stored result may contain (module, name).
ERLAUBTE_KLASSEN = frozenset(
    {
        ("decimal", "Decimal"),
        ("advisor.bewertung", "OffeneFrage"),
        ("advisor.screening.bestandszeile", "Zeilenproblem"),
        ("advisor.screening.durchlauf", "Screening"),
        ("advisor.screening.ergebnis", "Screeningzeile"),
        ("advisor.screening.portfolio", "Portfoliowert"),
        ("advisor.screening.zusammenfassung", "Gruppensumme"),
        ("advisor.screening.zusammenfassung", "Zusammenfassung"),
    }
)


class _Ergebnisleser(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in ERLAUBTE_KLASSEN:
            raise pickle.UnpicklingError(f"{module}.{name} gehört nicht zu einem Screening-Ergebnis")
        return super().find_class(module, name)


def sicher_laden(daten: bytes) -> Any:
    """Unpickle ``daten``, resolving only ``ERLAUBTE_KLASSEN`` (else ``pickle.UnpicklingError``)."""
    return _Ergebnisleser(io.BytesIO(daten)).load()


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _records(ablage: Any) -> Iterator[bytes]:
    raw = getattr(ablage, "raw_records", None)
    if raw is not None:
        yield from raw()
    else:  # an in-memory list (small runs)
        for record in ablage:
            yield pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)


def _chunks(records: Iterable[bytes]) -> Iterator[bytes]:
    """Length-prefixed records, ``CHUNK_RECORDS`` at a time, compressed."""
    stueck: list[bytes] = []
    for record in records:
        stueck += (_LAENGE.pack(len(record)), record)
        if len(stueck) >= 2 * CHUNK_RECORDS:
            yield zlib.compress(b"".join(stueck), 1)
            stueck = []
    if stueck:
        yield zlib.compress(b"".join(stueck), 1)


def _unpack(chunk: bytes) -> Iterator[bytes]:
    daten = zlib.decompress(chunk)
    pos = 0
    while pos < len(daten):
        (laenge,) = _LAENGE.unpack_from(daten, pos)
        pos += _LAENGE.size
        yield daten[pos : pos + laenge]
        pos += laenge


def store_screening(
    sessions: sessionmaker[Session], screening: Screening, titel: dict[str, str], quelle: str, client: str | None
) -> str:
    """Store ``screening`` (see the module docstring) and return the token of its URL."""
    token = secrets.token_urlsafe(24)
    digest = _digest(token)
    kopf = pickle.dumps(dataclasses.replace(screening, zeilen=(), probleme=()), protocol=pickle.HIGHEST_PROTOCOL)
    jetzt = utc_now()
    with sessions() as session:
        session.execute(delete(ScreeningResultRow).where(ScreeningResultRow.created_at < jetzt - AUFBEWAHRUNG))
        session.add(
            ScreeningResultRow(
                token_sha256=digest,
                created_at=jetzt,
                client=client,
                complete=False,
                quelle=quelle[:300],
                titel_json=json.dumps(titel, ensure_ascii=False, sort_keys=True),
                kopf=kopf,
            )
        )
        session.commit()
    for art, ablage in (("zeilen", screening.zeilen), ("probleme", screening.probleme)):
        for nummer, chunk in enumerate(_chunks(_records(ablage))):
            with sessions() as session:
                session.add(ScreeningChunkRow(token_sha256=digest, art=art, nummer=nummer, daten=chunk))
                session.commit()
    with sessions() as session:
        session.execute(
            update(ScreeningResultRow).where(ScreeningResultRow.token_sha256 == digest).values(complete=True)
        )
        session.commit()
    return token


def load_screening(
    read_sessions: sessionmaker[Session], token: str, client: str | None
) -> tuple[Screening, dict[str, str], str] | None:
    """The result stored under ``token`` as (screening, task-field titles, file name), or ``None``
    when there is none for this caller (unknown, expired, incomplete, another caller's, unreadable).
    The caller closes the screening (its temporary files)."""
    if not _TOKEN.match(token):
        return None
    digest = _digest(token)
    with read_sessions() as session:
        head = session.get(ScreeningResultRow, digest)
        if head is None or not head.complete or head.created_at < utc_now() - AUFBEWAHRUNG:
            return None
        if head.client is None or client is None or head.client != client:
            return None  # only its uploader's; a result stored without one is served to nobody
        ablagen = {"zeilen": Dateiablage(), "probleme": Dateiablage()}
        try:
            kopf = sicher_laden(head.kopf)
            chunks = session.execute(
                select(ScreeningChunkRow.art, ScreeningChunkRow.daten)
                .where(ScreeningChunkRow.token_sha256 == digest)
                .order_by(ScreeningChunkRow.art, ScreeningChunkRow.nummer)
                .execution_options(yield_per=4)
            )
            for art, daten in chunks:
                for record in _unpack(daten):
                    sicher_laden(record)  # checked before anything reads it unrestricted
                    ablagen[art].append_raw(record)
            titel = json.loads(head.titel_json)
            quelle = head.quelle
        except (
            pickle.UnpicklingError,
            zlib.error,
            struct.error,
            EOFError,
            AttributeError,
            TypeError,
            ValueError,
            KeyError,
        ) as e:
            for ablage in ablagen.values():
                ablage.close()
            log.error(
                "Gespeichertes Screening-Ergebnis nicht lesbar (%s); es wird nicht ausgeliefert.", type(e).__name__
            )
            return None
    return dataclasses.replace(kopf, zeilen=ablagen["zeilen"], probleme=ablagen["probleme"]), titel, quelle
