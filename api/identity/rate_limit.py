"""Rate limits per client, counted in the database (shared by all workers and servers).

Fixed windows: each (bucket, window) row counts the requests of one client to one kind of
endpoint ("anmelden", "teuer") in one window of ``window_s`` seconds. At a window's edge a
client can make up to twice the limit in a short time; for slowing password guessing and
bounding the cost of document rendering that is enough. SQL is plain UPDATE/INSERT, so it
works on SQLite and PostgreSQL alike; old windows are deleted when a new one starts.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from api.identity.tables import RateCounterRow

KEEP_S = 3600


@dataclass(frozen=True, slots=True)
class Verdict:
    allowed: bool
    count: int
    retry_after_s: int


def hit(session_factory: sessionmaker[Session], bucket: str, limit: int, window_s: int) -> Verdict:
    """Count one request in ``bucket`` and say whether it is within ``limit`` per window."""
    now = time.time()
    window = int(now // window_s) * window_s
    bucket = bucket[:200]
    with session_factory() as session:
        for _attempt in range(3):
            changed = session.execute(
                update(RateCounterRow)
                .where(RateCounterRow.bucket == bucket, RateCounterRow.window_start == window)
                .values(count=RateCounterRow.count + 1)
            )
            if changed.rowcount:  # type: ignore[attr-defined]
                break
            session.execute(delete(RateCounterRow).where(RateCounterRow.window_start < window - KEEP_S))
            session.add(RateCounterRow(bucket=bucket, window_start=window, count=1))
            try:
                session.flush()
                break
            except IntegrityError:  # another worker inserted the row first: count again
                session.rollback()
        count = session.execute(
            select(RateCounterRow.count).where(RateCounterRow.bucket == bucket, RateCounterRow.window_start == window)
        ).scalar_one()
        session.commit()
    return Verdict(count <= limit, count, max(1, math.ceil(window + window_s - now)))
