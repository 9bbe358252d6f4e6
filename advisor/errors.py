"""The advisor's one error tree.

Every error the product reports to a person is one of these, carrying German sentences that name
the field (or file, line and rule) at fault. Adapters translate them: the CLI prints the sentences
and exits 2, the API answers RFC 9457 ``application/problem+json``.

::

    IkzFehler                       base; never raised itself
    ├── UngueltigeEingabe           a case file (or inventory, IST file) that does not fit the contract
    │                               .probleme: list[Feldproblem(pfad, meldung)]
    ├── UngueltigesRegelwerk        a rule directory that does not load
    │                               .probleme: list[Regelwerksproblem(datei, zeile, regel, meldung)]
    └── Auswertungsfehler           the rule set cannot decide a valid case (a modelling defect)
        ├── KeineRegelGreift        no rule of a decision chain applies
        └── RegelKonflikt           two rules of equal rank apply with different outcomes
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Feldproblem:
    """One problem of an input document: the field path ("leistungen[0].erbringer") and a German
    sentence."""

    pfad: str
    meldung: str

    def __str__(self) -> str:
        return f"{self.pfad}: {self.meldung}" if self.pfad else self.meldung


@dataclass(frozen=True, slots=True)
class Regelwerksproblem:
    """One problem of a rule file: file, line (1-based, or None), rule id (or None), sentence."""

    datei: str
    zeile: int | None
    regel: str | None
    meldung: str

    def __str__(self) -> str:
        ort = self.datei + (f":{self.zeile}" if self.zeile else "")
        regel = f" [{self.regel}]" if self.regel else ""
        return f"{ort}{regel}: {self.meldung}"


class IkzFehler(Exception):
    """Base of every error the advisor reports.

    Picklable with its attributes (``probleme``, ``titel``, …), whatever its ``__init__`` takes:
    a worker process (api/worker_pool.py) hands the error of a job back to the server as it is.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return (_wiederherstellen, (type(self), self.args), dict(self.__dict__))


def _wiederherstellen(art: type[IkzFehler], args: tuple[Any, ...]) -> IkzFehler:
    """An ``IkzFehler`` of ``art`` without calling its ``__init__`` (pickle then sets its attributes)."""
    fehler = Exception.__new__(art)
    fehler.args = args
    return fehler


class UngueltigeEingabe(IkzFehler):
    """An input document does not fit its contract. ``probleme`` names every field at fault."""

    def __init__(self, probleme: list[Feldproblem], titel: str = "Die Fallakte ist ungültig.") -> None:
        self.probleme = list(probleme)
        self.titel = titel
        super().__init__(self.text())

    def text(self) -> str:
        return "\n".join([self.titel, *(f"- {p}" for p in self.probleme)])


class UngueltigesRegelwerk(IkzFehler):
    """A rule directory does not load; ``probleme`` lists every problem found, not just the first."""

    def __init__(self, probleme: list[Regelwerksproblem]) -> None:
        self.probleme = list(probleme)
        super().__init__(self.text())

    def text(self) -> str:
        return "\n".join(["Das Regelwerk ist fehlerhaft.", *(f"- {p}" for p in self.probleme)])


class Auswertungsfehler(IkzFehler):
    """The rule set cannot decide a valid case: a defect of the rule set, never of the input."""


class KeineRegelGreift(Auswertungsfehler):
    """No rule of a decision chain applies (the chain is not exhaustive)."""


class RegelKonflikt(Auswertungsfehler):
    """Two rules of equal rank apply and lead to different outcomes."""
