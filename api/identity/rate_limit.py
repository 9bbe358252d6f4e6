"""Rate limits per client, counted in the database (shared by all workers and servers).

Sliding-window estimate: each (bucket, window) row counts the requests of one client to one kind
of endpoint ("anmelden", "teuer") in one window of ``window_s`` seconds, and a request is judged
by the current window's count plus the previous window's count weighted by the part of it that
still lies within the last ``window_s`` seconds. Unlike plain fixed windows this does not let a
client make twice the limit across a window's edge. SQL is plain UPDATE/INSERT, so it works on
SQLite and PostgreSQL alike; old windows are deleted when a new one starts.
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
        previous = session.execute(
            select(RateCounterRow.count).where(
                RateCounterRow.bucket == bucket, RateCounterRow.window_start == window - window_s
            )
        ).scalar_one_or_none()
        session.commit()
    still_counted = 1 - (now - window) / window_s
    estimate = count + (previous or 0) * still_counted
    if estimate <= limit or not previous:
        retry_after = window + window_s - now
    else:  # wait until the previous window's weight has fallen enough (or the window ends)
        retry_after = min(window + window_s - now, (estimate - limit) / previous * window_s)
    return Verdict(estimate <= limit, count, max(1, math.ceil(retry_after)))
