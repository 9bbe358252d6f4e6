"""Comments per clause: threads with replies, ``offen``/``erledigt``, marked when the clause changed.

A thread starts with a comment on one clause (``dokument`` + clause id, e.g. ``vereinbarung`` /
``kostenerstattung.2``) of one version; it keeps the clause's text of that version. Listing the
threads against the newest version marks each one whose clause text differs now
(``geaendert_seit``) or whose clause no longer exists (``entfallen``). Every step is recorded in
the audit trail in the same transaction; functions that write commit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.audit import Auditeintrag, record
from api.db.models import utc_now
from api.identity.case_access import AccessDenied, CaseAccess, effective_rights
from api.identity.errors import IdentityError, NotFound
from api.identity.rollen import Recht
from api.review.regeln import ERLEDIGT, KOMMENTAR_STATUS, OFFEN, Pruefungsfehler, Zustand
from api.review.tables import KommentarRow

MAX_TEXT = 5000
#: (dokument) → {clause id: text} of the newest version; supplied by the caller (cached there).
KlauselTexte = Callable[[str], dict[str, str]]


@dataclass
class Kommentar:
    """One comment of a thread (the first one carries ``status``)."""

    id: int
    akteur: str
    text: str
    erstellt: datetime
    version: int
    status: str | None = None
    erledigt_von: str | None = None
    erledigt_am: datetime | None = None


@dataclass
class Thread:
    """A comment on a clause with its replies, and whether the clause changed since."""

    kommentar: Kommentar
    dokument: str
    klausel: str
    klausel_text: str
    geaendert_seit: bool
    entfallen: bool
    antworten: list[Kommentar] = field(default_factory=list)


def _text(text: str | None, feld: str = "text") -> str:
    bereinigt = (text or "").strip()
    if not bereinigt:
        raise IdentityError("Der Kommentar ist leer.", feld)
    if len(bereinigt) > MAX_TEXT:
        raise IdentityError(f"Ein Kommentar darf höchstens {MAX_TEXT} Zeichen lang sein.", feld)
    return bereinigt


def _audit(session: Session, access: CaseAccess, aktion: str, detail: str) -> None:
    p = access.principal
    record(session, Auditeintrag(p.akteur, p.organisation_id, aktion, f"fall:{access.case_id}", "erfolg", detail))


def _darf(access: CaseAccess, *rechte: Recht) -> bool:
    eigene = effective_rights(access.principal, access.eigentuemer, access.freigabe)
    return any(r in eigene for r in rechte)


def _nicht_eingefroren(zustand: Zustand) -> None:
    if zustand == Zustand.UNTERZEICHNET:
        raise Pruefungsfehler(
            409, "fall-unterzeichnet", "Der Fall ist unterzeichnet; Kommentare sind nicht mehr möglich."
        )


def kommentieren(
    session: Session,
    access: CaseAccess,
    zustand: Zustand,
    version: int,
    dokument: str,
    klausel: str,
    text: str | None,
    texte: dict[str, str],
) -> Thread:
    """Start a thread on ``klausel`` of ``dokument`` in ``version`` (whose unit texts are
    ``texte``); reviewers only (``fall_pruefen``). Commits."""
    if not _darf(access, Recht.FALL_PRUEFEN):
        raise AccessDenied("Kommentieren können Prüfende (Rechtsamt, Steuer, Leitung) und Partner mit Prüf-Freigabe.")
    _nicht_eingefroren(zustand)
    inhalt = _text(text)
    if klausel not in texte:
        raise IdentityError(
            f"Die Klausel „{klausel[:120]}“ gibt es in diesem Dokument (Version {version}) nicht.", "klausel"
        )
    p = access.principal
    row = KommentarRow(
        case_id=access.case_id,
        version=version,
        dokument=dokument,
        klausel=klausel,
        klausel_text=texte[klausel],
        text=inhalt,
        status=OFFEN,
        akteur=p.akteur[:200],
        organisation_id=p.organisation_id,
        erstellt=utc_now(),
    )
    session.add(row)
    session.flush()
    _audit(session, access, "kommentar_anlegen", f"kommentar {row.id} {dokument} {klausel}")
    session.commit()
    return Thread(_kommentar(row), dokument, klausel, row.klausel_text, False, False)


def aendern(
    session: Session,
    access: CaseAccess,
    zustand: Zustand,
    kommentar_id: int,
    status: str | None,
    antwort: str | None,
    version: int,
) -> None:
    """Reply to a thread and/or set its status; commits. Replies: reviewers and case editors;
    status: reviewers or the thread's author."""
    row = session.execute(
        select(KommentarRow).where(KommentarRow.id == kommentar_id, KommentarRow.case_id == access.case_id)
    ).scalar_one_or_none()
    if row is None or row.antwort_auf is not None:
        raise NotFound(f"Der Fall hat keinen Kommentar {kommentar_id}.", "kid")
    if status is None and antwort is None:
        raise IdentityError("Bitte „status“ oder „antwort“ angeben.", "status")
    _nicht_eingefroren(zustand)
    p = access.principal
    if antwort is not None:
        if not _darf(access, Recht.FALL_PRUEFEN, Recht.FALL_AENDERN):
            raise AccessDenied("Antworten können Prüfende und Bearbeitende des Falls.")
        session.add(
            KommentarRow(
                case_id=access.case_id,
                antwort_auf=row.id,
                version=version,
                dokument=row.dokument,
                klausel=row.klausel,
                klausel_text=row.klausel_text,
                text=_text(antwort, "antwort"),
                status=None,
                akteur=p.akteur[:200],
                organisation_id=p.organisation_id,
                erstellt=utc_now(),
            )
        )
        _audit(session, access, "kommentar_antworten", f"kommentar {row.id}")
    if status is not None:
        if status not in KOMMENTAR_STATUS:
            raise IdentityError(f"Unbekannter Status „{status[:40]}“ (möglich: offen, erledigt).", "status")
        if not (_darf(access, Recht.FALL_PRUEFEN) or row.akteur == p.akteur[:200]):
            raise AccessDenied("Den Status eines Kommentars ändern Prüfende oder wer ihn geschrieben hat.")
        row.status = status
        row.erledigt_von, row.erledigt_am = (p.akteur[:200], utc_now()) if status == ERLEDIGT else (None, None)
        _audit(session, access, f"kommentar_{status}", f"kommentar {row.id}")
    session.commit()


def _kommentar(row: KommentarRow) -> Kommentar:
    return Kommentar(
        row.id, row.akteur, row.text, row.erstellt, row.version, row.status, row.erledigt_von, row.erledigt_am
    )


def threads(session: Session, case_id: int, texte_jetzt: KlauselTexte, dokument: str | None = None) -> list[Thread]:
    """Every thread of the case (oldest first) with replies, marked against the newest texts."""
    query = select(KommentarRow).where(KommentarRow.case_id == case_id)
    if dokument is not None:
        query = query.where(KommentarRow.dokument == dokument)
    rows: Sequence[KommentarRow] = session.execute(query.order_by(KommentarRow.id)).scalars().all()
    result: dict[int, Thread] = {}
    texte: dict[str, dict[str, str]] = {}
    for row in rows:
        if row.antwort_auf is None:
            if row.dokument not in texte:
                texte[row.dokument] = texte_jetzt(row.dokument)
            jetzt = texte[row.dokument].get(row.klausel)
            result[row.id] = Thread(
                _kommentar(row),
                row.dokument,
                row.klausel,
                row.klausel_text,
                geaendert_seit=jetzt is not None and jetzt != row.klausel_text,
                entfallen=jetzt is None,
            )
        elif row.antwort_auf in result:
            result[row.antwort_auf].antworten.append(_kommentar(row))
    return list(result.values())
