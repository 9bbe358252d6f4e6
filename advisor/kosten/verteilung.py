"""Who pays which share: the weights of the allocation key (kosten.md §2).

``gewichtung`` turns a service's key into one integer weight per payer (the provider first when
it bears a share, then the recipients in the case's order). The split itself is
``rundung.verteile_cent_gleich`` (largest remainder, to the cent; equal weights pay equal
amounts, the cents that cannot be split evenly go to the party the agreement names).

- simple keys (``einwohner``, ``fallzahlen``, ``nutzung``, ``frei``, ``gleiche_teile``): the values;
- ``sockel_plus_variabel``: ``sockel_prozent`` in equal parts, the rest by ``variabler_schluessel``.
  Exact form without division: weight_i = s·V + n·(100 − s)·v_i (s = sockel %, V = Σ v, n = payers);
- ``gemischt``: Σ over ``bestandteile`` of weight % × own value / sum of values (exact fractions);
- ``stueckpreis``: the planned quantities (the amounts are price × quantity, ``umsatzsteuer``);
- ``festanteile``: those payers pay their fixed percentage; the others share the rest by the key.

Structural checks (a value for every payer, weights > 0, unknown ids, fixed shares below 100 %)
are done when the case is read (advisor/fallakte_pruefung.py); this module repeats them only as
guards, and adds the warnings that are no errors (a Kreis and its municipalities in one
population key; population figures without a reference date).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from advisor.deutsch import datum, euro, prozent
from advisor.errors import Feldproblem
from advisor.fallakte import Fallakte, Leistung, Verteilung
from advisor.kosten.rundung import HUNDERT, cent_aus_bruch, ganzzahlige_gewichte
from advisor.kosten.schluesselwerte import ganzzahlig_aus_quoten, gemischte_quoten, messwerte

_BEZEICHNUNG = {
    "einwohner": "nach Einwohnern",
    "fallzahlen": "nach Fallzahlen",
    "nutzung": "nach Nutzung",
    "frei": "nach vereinbarten Gewichten",
    "gleiche_teile": "zu gleichen Teilen",
}
#: Arten of partners that belong to a Kreis (a kreisfreie Stadt does not).
_KREISANGEHOERIG = {"gemeinde", "stadt"}


class Verteilungstext:
    """The key's description or its remainder-cent rule as German text — formatted only when
    somebody reads it (a batch of thousands of calculations never does). ``str(t)`` is the text."""

    __slots__ = ("art", "fallakte", "leistung", "_text")

    def __init__(self, art: str, fallakte: Fallakte, leistung: Leistung) -> None:
        self.art = art
        self.fallakte = fallakte
        self.leistung = leistung
        self._text: str | None = None

    def __str__(self) -> str:
        if self._text is None:
            v = self.leistung.kosten.verteilung  # type: ignore[union-attr]
            assert v is not None
            self._text = (
                beschreibung(self.fallakte, v)
                if self.art == "beschreibung"
                else _regel(self.fallakte, self.leistung, v)
            )
        return self._text

    def __eq__(self, other: object) -> bool:
        return str(self) == str(other)

    __hash__ = None  # type: ignore[assignment]


@dataclass(slots=True)
class Gewichtung:
    """Payers in order, the key value each one shows, its effective integer weight, and how
    the key reads in German."""

    zahler: tuple[str, ...]
    schluesselwerte: tuple[Decimal, ...]
    ganzzahlig: tuple[int, ...]
    erbringer_traegt_anteil: bool
    beschreibung: Verteilungstext | str
    #: Index in ``zahler`` of the party that takes the remainder cents, ``None`` = the provider,
    #: which is no payer: it bears them itself (they are not invoiced).
    restcent_index: int | None = None
    restcent_regel: Verteilungstext | str = ""
    festanteile: dict[str, Decimal] = field(default_factory=dict)
    #: ``stueckpreis``: the agreed net price per unit (``None``: derived from the costs) and the
    #: quantities per payer.
    stueckpreis_modus: bool = False
    stueckpreis: Decimal | None = None
    mengen: tuple[Decimal, ...] = ()
    mengeneinheit: str | None = None
    #: ``gemischt``: each measure's values per payer (by measure id; ``None`` for a fixed share).
    bestandteilwerte: dict[str, tuple[Decimal | None, ...]] = field(default_factory=dict)
    warnungen: tuple[str, ...] = ()


def _name(fallakte: Fallakte, kennung: str) -> str:
    try:
        return fallakte.beteiligter(kennung).name
    except KeyError:
        return kennung


def _mit_stichtag(text: str, v: Verteilung, schluessel: str) -> str:
    if schluessel == "einwohner" and v.einwohner_stichtag is not None:
        return f"{text} (Stand {datum(v.einwohner_stichtag)})"
    return text


def _grundbeschreibung(v: Verteilung) -> str:
    if v.schluessel == "gemischt":
        teile = [
            f"{prozent(b.gewicht_prozent)} {b.bezeichnung} ({_mit_stichtag(_BEZEICHNUNG[b.schluessel], v, b.schluessel)})"
            for b in v.bestandteile or []
        ]
        return "gemischter Schlüssel: " + ", ".join(teile)
    if v.schluessel == "stueckpreis":
        einheit = v.mengeneinheit or "Einheit"
        preis = euro(v.stueckpreis) if v.stueckpreis is not None else "kalkulierter Preis"
        return f"Stückpreis {preis} je {einheit} × Menge"
    if v.schluessel == "sockel_plus_variabel":
        s = v.sockel_prozent or Decimal(0)
        variabel = v.variabler_schluessel or "frei"
        return (
            f"Sockel {prozent(s)} zu gleichen Teilen, {prozent(HUNDERT - s)} "
            f"{_mit_stichtag(_BEZEICHNUNG[variabel], v, variabel)}"
        )
    return _mit_stichtag(_BEZEICHNUNG[v.schluessel], v, v.schluessel)


def _verwendet_einwohner(v: Verteilung) -> bool:
    if v.schluessel == "gemischt":
        return any(b.schluessel == "einwohner" for b in v.bestandteile or [])
    return v.schluessel == "einwohner" or (
        v.schluessel == "sockel_plus_variabel" and v.variabler_schluessel == "einwohner"
    )


_OHNE_STICHTAG = (
    "Der Stichtag der Einwohnerzahlen fehlt („Stichtag der Einwohnerzahlen“, z. B. IT.NRW zum 31.12. "
    "des Vorvorjahres); die Vereinbarung sollte ihn nennen, sonst ist der Schlüssel nicht nachprüfbar."
)


def _warnungen(fallakte: Fallakte, v: Verteilung, variabel_zahler: list[str]) -> tuple[str, ...]:
    if not _verwendet_einwohner(v):
        return ()
    warnungen: list[str] = []
    zahlend = set(variabel_zahler)
    kreise: list[str] = []
    gemeinden = False
    for b in fallakte.beteiligte:
        if b.id in zahlend:
            if b.art == "kreis":
                kreise.append(b.name)
            elif b.art in _KREISANGEHOERIG:
                gemeinden = True
    if kreise and gemeinden:
        warnungen.append(
            f"Der Einwohnerschlüssel zählt den Kreis ({', '.join(kreise)}) und Gemeinden zusammen: sind es "
            "seine kreisangehörigen Gemeinden, zählen dieselben Einwohner doppelt. Besser: ein fester Anteil "
            "des Kreises (festanteile), der Rest nach den Einwohnern der Gemeinden."
        )
    if v.einwohner_stichtag is None:
        warnungen.append(_OHNE_STICHTAG)
    return tuple(warnungen)


def restcent_regel(traeger_name: str, ist_erbringer: bool, erbringer_zahlt: bool) -> str:
    """The remainder-cent rule as the sentence for the calculation annex and the agreement."""
    if ist_erbringer and erbringer_zahlt:
        wer = f"trägt der Erbringer {traeger_name} mit seinem eigenen Anteil"
    elif ist_erbringer:
        wer = f"trägt der Erbringer {traeger_name}; sie werden nicht in Rechnung gestellt"
    else:
        wer = f"übernimmt {traeger_name} (vereinbarte Regel)"
    return (
        "Die Anteile werden nach dem Verfahren der größten Reste auf volle Cent gerundet; Beteiligte mit "
        "gleichem Gewicht zahlen stets denselben Betrag. Cent-Beträge, die sich danach nicht gleichmäßig "
        f"verteilen lassen (weniger als ein Cent je gleich gewichtetem Beteiligten), {wer}."
    )


def gewichtung(fallakte: Fallakte, leistung: Leistung, pfad: str) -> tuple[Gewichtung | None, list[Feldproblem]]:
    """The weights of ``leistung``'s key (``pfad`` = "leistungen[i].kosten.verteilung")."""
    kosten = leistung.kosten
    if kosten is None or kosten.verteilung is None:
        return None, [Feldproblem(pfad, "Der Verteilungsschlüssel fehlt: Wer trägt welchen Anteil?")]
    v = kosten.verteilung
    zahler = tuple(leistung.zahler)
    fest = v.festanteile or {}
    variabel_zahler = [z for z in zahler if z not in fest] if fest else list(zahler)
    if fest and (not variabel_zahler or sum(fest.values(), Decimal(0)) >= HUNDERT):
        return None, [Feldproblem(f"{pfad}.festanteile", "Die Festanteile müssen unter 100 % bleiben.")]
    variabel = v.variabler_schluessel if v.schluessel == "sockel_plus_variabel" else v.schluessel
    if variabel is None or (v.schluessel == "sockel_plus_variabel" and v.sockel_prozent is None):
        return None, [Feldproblem(pfad, "Sockelanteil oder variabler Schlüssel fehlen.")]
    probleme: list[Feldproblem] = []
    if v.werte and variabel in ("einwohner", "gleiche_teile", "gemischt"):
        probleme.append(
            Feldproblem(
                f"{pfad}.werte",
                f"Der Schlüssel „{variabel}“ verwendet keine Werte; bitte werte entfernen oder einen Schlüssel "
                "mit Werten wählen (fallzahlen, nutzung, frei).",
            )
        )
    anzeige: list[Decimal]
    quoten: list[Fraction] | None = None
    bestandteilwerte: dict[str, tuple[Decimal | None, ...]] = {}
    if v.schluessel == "gemischt":
        quoten, je_bestandteil, p = gemischte_quoten(fallakte, variabel_zahler, v.bestandteile or [], pfad)
        probleme.extend(p)
        for k, q in zip(variabel_zahler, quoten, strict=True):
            if not p and q == 0:
                probleme.append(
                    Feldproblem(
                        f"{pfad}.bestandteile", f"„{k}“ hat in allen Bestandteilen den Wert 0 und zahlte nichts."
                    )
                )
        for b, werte in je_bestandteil.items():
            je_zahler = dict(zip(variabel_zahler, werte, strict=True))
            bestandteilwerte[b] = tuple(je_zahler.get(z) for z in zahler)
        # shown: the quota in percent with six places, rounded half up (exact integer arithmetic)
        anzeige = [Decimal(cent_aus_bruch(q.numerator * 10**8, q.denominator)).scaleb(-6) for q in quoten]
        if probleme:
            return None, probleme
    else:
        # Quantities of a unit price may be 0 (a partner without cases in the settled year).
        null_erlaubt = v.schluessel == "stueckpreis"
        werte, p = messwerte(fallakte, variabel_zahler, variabel, v.werte, f"{pfad}.werte", null_erlaubt=null_erlaubt)
        probleme.extend(p)
        if probleme:
            return None, probleme
        anzeige = werte
    basisgewichte: list[Decimal] | None = None
    if quoten is None:
        if v.schluessel == "sockel_plus_variabel":
            s = v.sockel_prozent
            assert s is not None
            summe = sum(anzeige, Decimal(0))
            n = len(variabel_zahler)
            basisgewichte = [s * summe + n * (HUNDERT - s) * w for w in anzeige]
        else:
            basisgewichte = list(anzeige)
    ganzzahlig = _gesamtgewichte(zahler, fest, variabel_zahler, basisgewichte, quoten, v.schluessel == "stueckpreis")
    werte_je_zahler = dict(zip(variabel_zahler, anzeige, strict=True)) | fest if fest else None
    traeger = v.restcent_traeger or leistung.erbringer
    index = zahler.index(traeger) if traeger in zahler else None
    return (
        Gewichtung(
            zahler=zahler,
            schluesselwerte=tuple(anzeige) if werte_je_zahler is None else tuple(werte_je_zahler[z] for z in zahler),
            ganzzahlig=tuple(ganzzahlig),
            erbringer_traegt_anteil=v.erbringer_traegt_anteil,
            beschreibung=Verteilungstext("beschreibung", fallakte, leistung),
            restcent_index=index,
            restcent_regel=Verteilungstext("regel", fallakte, leistung),
            festanteile=dict(fest),
            stueckpreis_modus=v.schluessel == "stueckpreis",
            stueckpreis=v.stueckpreis,
            mengen=tuple(anzeige) if v.schluessel == "stueckpreis" else (),
            mengeneinheit=v.mengeneinheit,
            bestandteilwerte=bestandteilwerte,
            warnungen=_warnungen(fallakte, v, variabel_zahler),
        ),
        [],
    )


def beschreibung(fallakte: Fallakte, v: Verteilung) -> str:
    """The key in German: fixed shares, the key of the rest, the provider's own share."""
    text = _grundbeschreibung(v)
    fest = v.festanteile or {}
    if fest:
        rest = HUNDERT - sum(fest.values(), Decimal(0))
        feste = "; ".join(f"{_name(fallakte, k)} {prozent(p)}" for k, p in fest.items())
        text = f"Festanteil: {feste}; übrige {prozent(rest)} {text}"
    else:
        text = text[0].upper() + text[1:]
    if v.erbringer_traegt_anteil:
        text += "; der Erbringer trägt einen eigenen Anteil"
    return text


def _regel(fallakte: Fallakte, leistung: Leistung, v: Verteilung) -> str:
    traeger = v.restcent_traeger or leistung.erbringer
    return restcent_regel(f"„{_name(fallakte, traeger)}“", traeger == leistung.erbringer, v.erbringer_traegt_anteil)


def _gesamtgewichte(
    zahler: tuple[str, ...],
    fest: dict[str, Decimal],
    variabel_zahler: list[str],
    basisgewichte: list[Decimal] | None,
    quoten: list[Fraction] | None,
    null_erlaubt: bool = False,
) -> list[int]:
    """Integer weights of all payers: fixed shares as their percentage, the others share the rest.

    Decimal path (simple keys, no fixed share): the weights themselves, scaled to integers. With
    fixed shares: fixed payer f_i × W, the others (100 − F) × w_j (W = Σ w_j) — exact, no division.
    Mixed key: exact fractions on a common denominator.
    """
    if quoten is None:
        assert basisgewichte is not None
        if null_erlaubt and min(basisgewichte) == 0:  # quantities of a unit price: 0 allowed
            return ganzzahlig_aus_quoten([Fraction(w) for w in basisgewichte])
        if not fest:
            return ganzzahlige_gewichte(basisgewichte)
        summe = sum(basisgewichte, Decimal(0))
        rest = HUNDERT - sum(fest.values(), Decimal(0))
        je = dict(zip(variabel_zahler, (rest * w for w in basisgewichte), strict=True))
        return ganzzahlige_gewichte([fest[z] * summe if z in fest else je[z] for z in zahler])
    rest_q = 1 - sum((Fraction(p) / 100 for p in fest.values()), Fraction(0))
    je_q = dict(zip(variabel_zahler, (rest_q * q for q in quoten), strict=True))
    return ganzzahlig_aus_quoten([Fraction(fest[z]) / 100 if z in fest else je_q[z] for z in zahler])
