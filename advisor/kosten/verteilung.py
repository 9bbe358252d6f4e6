"""Who pays which share: the weights of the allocation key (kosten.md §2).

``gewichtung`` turns a service's key into one positive weight per payer (the provider first when
it bears a share, then the recipients in the case's order). The split itself is
``rundung.verteile`` (largest remainder, to the cent).

- ``einwohner``: the partners' population (``beteiligte[].einwohner``);
- ``fallzahlen`` / ``nutzung`` / ``frei``: ``verteilung.werte`` per payer;
- ``gleiche_teile``: 1 each;
- ``sockel_plus_variabel``: ``sockel_prozent`` in equal parts, the rest by ``variabler_schluessel``.
  Exact integer-free form: weight_i = s·V + n·(100 − s)·v_i (s = sockel %, V = Σ v, n = payers),
  so that quota_i = s/100/n + (1 − s/100)·v_i/V without any division.

Structural checks (a value for every payer, einwohner present, weights > 0, unknown ids) are done
when the case is read (advisor/fallakte_pruefung.py); this module repeats them only as guards.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from advisor.deutsch import prozent
from advisor.errors import Feldproblem
from advisor.fallakte import Fallakte, Leistung
from advisor.kosten.rundung import HUNDERT, ganzzahlige_gewichte

_BEZEICHNUNG = {
    "einwohner": "nach Einwohnern",
    "fallzahlen": "nach Fallzahlen",
    "nutzung": "nach Nutzung",
    "frei": "nach vereinbarten Gewichten",
    "gleiche_teile": "zu gleichen Teilen",
}


@dataclass(slots=True)
class Gewichtung:
    """Payers in order, the key value each one has (as shown) and its effective weight (> 0)."""

    zahler: tuple[str, ...]
    schluesselwerte: tuple[Decimal, ...]
    gewichte: tuple[Decimal, ...]
    ganzzahlig: tuple[int, ...]
    erbringer_traegt_anteil: bool
    beschreibung: str


def _werte(
    fallakte: Fallakte, leistung: Leistung, schluessel: str, pfad: str
) -> tuple[list[Decimal], list[Feldproblem]]:
    v = leistung.kosten.verteilung  # type: ignore[union-attr]
    werte: list[Decimal] = []
    probleme: list[Feldproblem] = []
    einwohnerzahlen = {b.id: b.einwohner for b in fallakte.beteiligte} if schluessel == "einwohner" else {}
    for k in leistung.zahler:
        if schluessel == "gleiche_teile":
            werte.append(Decimal(1))
        elif schluessel == "einwohner":
            einwohner = einwohnerzahlen.get(k)
            if not einwohner:
                probleme.append(Feldproblem(f"{pfad}.schluessel", f"Für „{k}“ fehlt die Einwohnerzahl."))
            werte.append(Decimal(einwohner or 0))
        else:
            wert = (v.werte or {}).get(k)
            if wert is None or wert <= 0:
                probleme.append(Feldproblem(f"{pfad}.werte.{k}", f"Für „{k}“ fehlt ein Wert größer als 0."))
            werte.append(wert or Decimal(0))
    return werte, probleme


def gewichtung(fallakte: Fallakte, leistung: Leistung, pfad: str) -> tuple[Gewichtung | None, list[Feldproblem]]:
    """The weights of ``leistung``'s key (``pfad`` = "leistungen[i].kosten.verteilung")."""
    kosten = leistung.kosten
    if kosten is None or kosten.verteilung is None:
        return None, [Feldproblem(pfad, "Der Verteilungsschlüssel fehlt: Wer trägt welchen Anteil?")]
    v = kosten.verteilung
    zahler = tuple(leistung.zahler)
    variabel = v.variabler_schluessel if v.schluessel == "sockel_plus_variabel" else v.schluessel
    probleme: list[Feldproblem] = []
    if variabel is None or (v.schluessel == "sockel_plus_variabel" and v.sockel_prozent is None):
        return None, [Feldproblem(pfad, "Sockelanteil oder variabler Schlüssel fehlen.")]
    if v.werte and variabel in ("einwohner", "gleiche_teile"):
        probleme.append(
            Feldproblem(
                f"{pfad}.werte",
                f"Der Schlüssel „{variabel}“ verwendet keine Werte; bitte werte entfernen oder einen Schlüssel "
                "mit Werten wählen (fallzahlen, nutzung, frei).",
            )
        )
    werte, fehlend = _werte(fallakte, leistung, variabel, pfad)
    probleme.extend(fehlend)
    if probleme:
        return None, probleme
    if v.schluessel == "sockel_plus_variabel":
        s = v.sockel_prozent
        assert s is not None
        summe = sum(werte, Decimal(0))
        n = len(zahler)
        gewichte = tuple(s * summe + n * (HUNDERT - s) * w for w in werte)
        beschreibung = f"Sockel {prozent(s)} zu gleichen Teilen, {prozent(HUNDERT - s)} {_BEZEICHNUNG[variabel]}"
    else:
        gewichte = tuple(werte)
        beschreibung = _BEZEICHNUNG[variabel][0].upper() + _BEZEICHNUNG[variabel][1:]
    if v.erbringer_traegt_anteil:
        beschreibung += "; der Erbringer trägt einen eigenen Anteil"
    ganzzahlig = tuple(ganzzahlige_gewichte(gewichte))
    return Gewichtung(zahler, tuple(werte), gewichte, ganzzahlig, v.erbringer_traegt_anteil, beschreibung), []
