"""What a rule change does to the review of a case (issue 15 meets issue 13).

When the re-assessment after a rule change stores a new version of a case (api/register/
auswirkungen.py), the review workflow treats it like any new version — approvals of the older
version are void — and in addition sends a case that was under review, approved or signed back
to review *for the new version*: the tax officer's USt-Freigabe and the other approvals must be
given again on the changed assessment. For a signed case the signature (date, signatories) stays
recorded — the agreement text is unchanged and stays in force — but its state becomes
``in_pruefung`` until the approvals of the re-assessed version are given. A draft stays a draft.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from api.db.models import utc_now
from api.review.regeln import Zustand
from api.review.store import status
from api.review.tables import PruefungRow

ZURUECK = {Zustand.IN_PRUEFUNG.value, Zustand.FREIGEGEBEN.value, Zustand.UNTERZEICHNET.value}


def zurueck_in_pruefung(session: Session, case_id: int, version: int) -> None:
    """Send the case back to review for ``version`` (in the caller's transaction)."""
    row = session.get(PruefungRow, case_id)
    if row is None or row.zustand not in ZURUECK:
        return
    row.zustand = Zustand.IN_PRUEFUNG.value
    row.version = version
    row.eingereicht_am = utc_now()
    row.updated_at = utc_now()


def pruefzustand(session: Session, case_id: int) -> str:
    """The effective review state of a stored case, for the register."""
    return status(session, case_id).zustand.value
