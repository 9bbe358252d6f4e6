"""What the saved-cases service (api/cases.py) takes and returns, and the errors it raises.

Import these from ``api.cases``; they live here only to keep each module to one concept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from advisor.bewertung import Bewertung
from advisor.fallakte import Fallakte
from advisor.kosten import Kalkulation
from advisor.parsing import fallakte_aus_dict


class BeratungLike(Protocol):
    """What a version stores of ``advisor.beratung.Beratung``: its assessment and calculation."""

    @property
    def bewertung(self) -> Bewertung: ...

    @property
    def kalkulation(self) -> Kalkulation: ...


class CaseStoreError(Exception):
    """A saved-cases request that cannot be served; ``detail`` is the German sentence."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(detail)


class CaseNotFound(CaseStoreError):
    def __init__(self, case_id: int) -> None:
        super().__init__(f"Es gibt keinen gespeicherten Fall mit der Nummer {case_id}.")


class VersionNotFound(CaseStoreError):
    def __init__(self, case_id: int, number: int) -> None:
        super().__init__(f"Der Fall {case_id} hat keine Version {number}.")


class VersionConflict(CaseStoreError):
    def __init__(self, case_id: int, expected: int, latest: int) -> None:
        self.latest = latest
        super().__init__(
            f"Der Fall {case_id} wurde inzwischen geändert: erwartet war Version {expected}, "
            f"aktuell ist Version {latest}. Bitte die aktuelle Version laden und die Änderung erneut anwenden."
        )


class CaseSigned(CaseStoreError):
    """The case is signed and frozen (issue 13): a change is a new amendment case."""

    def __init__(self, case_id: int) -> None:
        super().__init__(
            f"Der Fall {case_id} ist unterzeichnet und damit eingefroren. Änderungen bitte als Nachtrag "
            f"anlegen (ein neuer Fall, der auf Fall {case_id} verweist)."
        )


class IdempotencyConflict(CaseStoreError):
    def __init__(self) -> None:
        super().__init__(
            "Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet. "
            "Für eine neue Fallakte bitte einen neuen Schlüssel wählen."
        )


@dataclass(frozen=True, slots=True)
class GespeicherteVersion:
    """One stored version of a case, as it was saved (never changed afterwards)."""

    case_id: int
    number: int
    bezeichnung: str
    created_at: datetime
    note: str | None
    ergebnis: str
    regelwerk_version: str
    regelwerk_sha256: str
    fallakte_daten: dict[str, Any]
    bewertung: dict[str, Any]
    kalkulation: dict[str, Any]

    def fallakte(self) -> Fallakte:
        """The stored case as a model again (to re-run it with the current rules)."""
        return fallakte_aus_dict(self.fallakte_daten)


@dataclass(frozen=True, slots=True)
class Versionsuebersicht:
    """A version in the history of a case, without the documents."""

    number: int
    created_at: datetime
    note: str | None
    ergebnis: str
    regelwerk_version: str
    regelwerk_sha256: str


@dataclass(frozen=True, slots=True)
class Falluebersicht:
    """A saved case in the list: its title, newest version and that version's result."""

    case_id: int
    bezeichnung: str
    latest_version: int
    ergebnis: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Fallseite:
    """One page of the saved-cases list (newest change first) and the total number of cases."""

    cases: list[Falluebersicht]
    total: int
    limit: int
    offset: int
