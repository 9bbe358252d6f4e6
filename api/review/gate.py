"""The final gate (issue 13, point 5): an Ausfertigung only of an approved version."""

from __future__ import annotations

from sqlalchemy.orm import Session

from api.review.regeln import Pruefungsfehler, Zustand, pruefe_ausfertigung
from api.review.store import status
from contracts.formatting import format_date


def ausfertigung_erlaubt(session: Session, case_id: int, version: int) -> str:
    """The review status to print on the Ausfertigung of ``version`` ("freigegeben am 04.12.2026
    (Version 3)"); ``Pruefungsfehler`` 409 naming the missing approvals when the version is not
    the approved (or signed) one."""
    st = status(session, case_id)
    if st.pruef_version is not None and version != st.pruef_version:
        raise Pruefungsfehler(
            409,
            "nicht-freigegeben",
            f"Freigegeben ist nur Version {st.pruef_version}; für Version {version} gibt es keine Ausfertigung.",
            st.erforderlich,
        )
    pruefe_ausfertigung(st.zustand, st.fehlend)
    if st.zustand == Zustand.UNTERZEICHNET and st.unterzeichnet_am:
        return f"unterzeichnet am {format_date(st.unterzeichnet_am)} (Version {version})"
    letzte = max((f.zeit for f in st.freigaben.values()), default=None)
    am = f" am {format_date(letzte.date())}" if letzte else ""
    return f"freigegeben{am} (Version {version})"
