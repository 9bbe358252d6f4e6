"""The assessment ("Bewertung"), version 1: the public output of ``assess`` (fallakte.md).

Plain slotted dataclasses (cheap to build thousands of them; treat them as immutable); ``bewertung_als_dict`` gives the JSON
shape of the contract, with money as decimal strings and keys sorted by the serializer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal, overload

FORMAT_BEWERTUNG = "ikz-bewertung/1"

Ergebnis = Literal["nicht_steuerbar", "steuerpflichtig", "steuerfrei", "offen"]
Status = Literal["erfuellt", "nicht_erfuellt", "offen", "nicht_anwendbar"]
Risiko = Literal["gering", "mittel", "hoch"]
Regime = Literal["ustg_2b", "altes_recht", "offen"]

RISIKO_STUFEN: tuple[Risiko, ...] = ("gering", "mittel", "hoch")


@dataclass(frozen=True, slots=True)
class KriteriumTexte:
    """The rendered part of a criterion: the German reasoning, the facts it used, which of them
    came from the catalogue, and the risk hint."""

    begruendung: str
    fakten: dict[str, Any]
    fakten_aus_katalog: tuple[str, ...]
    risikohinweis: str | None


class Kriterium:
    """One evaluated rule: its status for this service and why.

    Built with final values (``Kriterium(regel, norm, titel, status, begruendung, fakten,
    fakten_aus_katalog, quellen, folge, risikohinweis)``), or by the engine with
    ``Kriterium.spaet``: then the German texts, the facts and the catalogue marks
    (``KriteriumTexte``) are produced on first access, so that a batch of thousands of cases only
    renders what somebody reads. The state is explicit: ``_texte`` is either None (with
    ``_erzeugen`` set) or the rendered texts, never something else.
    """

    __slots__ = ("regel", "norm", "titel", "status", "quellen", "folge", "_texte", "_erzeugen")
    FELDER = (
        "regel",
        "norm",
        "titel",
        "status",
        "begruendung",
        "fakten",
        "fakten_aus_katalog",
        "quellen",
        "folge",
        "risikohinweis",
    )

    def __init__(
        self,
        regel: str,
        norm: str,
        titel: str,
        status: Status,
        begruendung: str,
        fakten: dict[str, Any],
        fakten_aus_katalog: tuple[str, ...],
        quellen: tuple[str, ...],
        folge: str | None = None,
        risikohinweis: str | None = None,
    ) -> None:
        self.regel = regel
        self.norm = norm
        self.titel = titel
        self.status = status
        self.quellen = quellen
        self.folge = folge
        self._texte: KriteriumTexte | None = KriteriumTexte(begruendung, fakten, fakten_aus_katalog, risikohinweis)
        self._erzeugen: Callable[[], KriteriumTexte] | None = None

    @classmethod
    def spaet(
        cls,
        regel: str,
        norm: str,
        titel: str,
        status: Status,
        quellen: tuple[str, ...],
        folge: str | None,
        erzeugen: Callable[[], KriteriumTexte],
    ) -> Kriterium:
        """A criterion whose texts ``erzeugen`` renders on first access (once)."""
        k = cls.__new__(cls)
        k.regel, k.norm, k.titel, k.status, k.quellen, k.folge = regel, norm, titel, status, quellen, folge
        k._texte, k._erzeugen = None, erzeugen
        return k

    @property
    def texte(self) -> KriteriumTexte:
        """The rendered texts, produced on the first call."""
        texte = self._texte
        if texte is None:
            assert self._erzeugen is not None, "Kriterium ohne Texte und ohne Erzeuger"
            texte = self._texte = self._erzeugen()
            self._erzeugen = None
        return texte

    @property
    def begruendung(self) -> str:
        return self.texte.begruendung

    @property
    def fakten(self) -> dict[str, Any]:
        return self.texte.fakten

    @property
    def fakten_aus_katalog(self) -> tuple[str, ...]:
        return self.texte.fakten_aus_katalog

    @property
    def risikohinweis(self) -> str | None:
        return self.texte.risikohinweis

    def als_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.FELDER}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Kriterium) and self.als_dict() == other.als_dict()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Kriterium({self.regel!r}, status={self.status!r})"


class Kriterienfolge(Sequence[Kriterium]):
    """The criteria of a service, built on first access.

    The engine decides first and reports afterwards: a batch that reads only results (screening
    thousands of rows) never pays for the report, while a reader who iterates gets every
    criterion. Behaves like a tuple (len, index, iteration, equality with a tuple).
    """

    __slots__ = ("_bauen", "_werte")

    def __init__(self, bauen: Callable[[], Sequence[Kriterium]]) -> None:
        self._bauen: Callable[[], Sequence[Kriterium]] | None = bauen
        self._werte: tuple[Kriterium, ...] | None = None

    def _alle(self) -> tuple[Kriterium, ...]:
        if self._werte is None:
            assert self._bauen is not None
            self._werte = tuple(self._bauen())
            self._bauen = None
        return self._werte

    @overload
    def __getitem__(self, index: int) -> Kriterium: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Kriterium, ...]: ...

    def __getitem__(self, index: int | slice) -> Kriterium | tuple[Kriterium, ...]:
        return self._alle()[index]

    def __len__(self) -> int:
        return len(self._alle())

    def __iter__(self) -> Iterator[Kriterium]:
        return iter(self._alle())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return self._alle() == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Kriterienfolge({list(self._alle())!r})"


@dataclass(slots=True)
class OffeneFrage:
    """An unknown fact that could change the result, with the plain German question to ask."""

    fakt: str
    frage: str
    feld: str
    regeln: tuple[str, ...]


@dataclass(slots=True)
class Empfehlung:
    """A change to the case that, re-assessed, turns the result into a non-taxable or exempt one."""

    hebel: str
    massnahme: str
    aenderung: dict[str, Any]
    ergebnis_danach: Ergebnis
    risiko_danach: Risiko
    entscheidende_regel_danach: str | None
    mehrbelastung_vermieden_eur: Decimal | None
    #: Facts the lever needs but cannot set (motives, how others act), still to be found out: the
    #: result after the change holds only if each is answered "yes".
    voraussetzungen: tuple[OffeneFrage, ...] = ()


@dataclass(slots=True)
class Leistungsbewertung:
    """The assessment of one service relationship."""

    leistung: str
    bezeichnung: str
    regime: Regime
    ergebnis: Ergebnis
    entscheidende_regel: str | None
    risiko: Risiko
    risikogruende: tuple[str, ...]
    kriterien: Sequence[Kriterium]  # a tuple, or a Kriterienfolge built on first access
    offene_fragen: tuple[OffeneFrage, ...]
    empfehlungen: tuple[Empfehlung, ...]
    katalogvorgaben: dict[str, Any] = field(default_factory=dict)
    hinweise: tuple[str, ...] = ()


@dataclass(slots=True)
class Regelwerksstand:
    """Which rule set produced an assessment, so it can be re-run and explained later."""

    version: str
    sha256: str
    stichtag: str
    regime: Regime | Literal["gemischt"]


@dataclass(slots=True)
class Bewertung:
    """The assessment of a whole case."""

    regelwerk: Regelwerksstand
    ergebnis: Ergebnis | Literal["gemischt"]
    leistungen: tuple[Leistungsbewertung, ...]
    format: str = FORMAT_BEWERTUNG
    #: The German title of the assessment, naming the law applied (old law or § 2b UStG).
    titel: str = ""


def gesamtergebnis(einzeln: list[str]) -> str:
    """The case's result: the single service's, the common one, or ``gemischt``."""
    verschieden = set(einzeln)
    return einzeln[0] if len(verschieden) == 1 else "gemischt"


_EINFACH = (str, bool, int, type(None))


def _wert(value: Any) -> Any:
    """A JSON-ready copy of a plain value (Decimal as string, dates ISO, tuples as lists)."""
    if isinstance(value, _EINFACH):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, tuple | list):
        return [_wert(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _wert(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _kriterium_als_dict(k: Kriterium) -> dict[str, Any]:
    return {
        "regel": k.regel,
        "norm": k.norm,
        "titel": k.titel,
        "status": k.status,
        "begruendung": k.begruendung,
        "fakten": _wert(k.fakten),
        "fakten_aus_katalog": list(k.fakten_aus_katalog),
        "quellen": list(k.quellen),
        "folge": k.folge,
        "risikohinweis": k.risikohinweis,
    }


def _frage_als_dict(q: OffeneFrage) -> dict[str, Any]:
    return {"fakt": q.fakt, "frage": q.frage, "feld": q.feld, "regeln": list(q.regeln)}


def _leistung_als_dict(lb: Leistungsbewertung) -> dict[str, Any]:
    return {
        "leistung": lb.leistung,
        "bezeichnung": lb.bezeichnung,
        "regime": lb.regime,
        "ergebnis": lb.ergebnis,
        "entscheidende_regel": lb.entscheidende_regel,
        "risiko": lb.risiko,
        "risikogruende": list(lb.risikogruende),
        "kriterien": [_kriterium_als_dict(k) for k in lb.kriterien],
        "offene_fragen": [_frage_als_dict(q) for q in lb.offene_fragen],
        "empfehlungen": [
            {
                "hebel": e.hebel,
                "massnahme": e.massnahme,
                "aenderung": _wert(e.aenderung),
                "ergebnis_danach": e.ergebnis_danach,
                "risiko_danach": e.risiko_danach,
                "entscheidende_regel_danach": e.entscheidende_regel_danach,
                "mehrbelastung_vermieden_eur": _wert(e.mehrbelastung_vermieden_eur),
                "voraussetzungen": [_frage_als_dict(q) for q in e.voraussetzungen],
            }
            for e in lb.empfehlungen
        ],
        "katalogvorgaben": _wert(lb.katalogvorgaben),
        "hinweise": list(lb.hinweise),
    }


def bewertung_als_dict(bewertung: Bewertung) -> dict[str, Any]:
    """The JSON shape of the Bewertung contract (money as decimal strings, dates ISO)."""
    r = bewertung.regelwerk
    return {
        "format": bewertung.format,
        "titel": bewertung.titel,
        "regelwerk": {"version": r.version, "sha256": r.sha256, "stichtag": r.stichtag, "regime": r.regime},
        "ergebnis": bewertung.ergebnis,
        "leistungen": [_leistung_als_dict(lb) for lb in bewertung.leistungen],
    }
