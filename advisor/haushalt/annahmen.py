"""The indexation assumptions of the budget lines: dated increases of personnel and material costs.

Every increase is explicit: a group (``personal`` or ``sachkosten``), a percentage, the date from
which it applies, the basis it rests on, and whether it is the product's default (``vorgabe``,
from rules/haushalt/fortschreibung.yaml) or the user's own (``eingabe``). The budget lines show
each one. Without own figures, the default percentage applies from 01.01. of every planning year
after the calculation year; a user's figures for a group replace the defaults of that group
entirely (no silent mixing).

Which cost lines a group moves (kosten.md, art of the line):

- ``personal``: personal, gemeinkosten (the overhead is a surcharge on personnel costs);
- ``sachkosten``: sachkosten, sonstige, wagnis, gewinnaufschlag, and the VAT paid on them;
- unchanged: abschreibung, fremdkapitalzinsen, kalkulatorische_zinsen (fixed by the asset's
  acquisition cost and its financing), and the written-off purchase VAT of assets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from advisor.deutsch import datum, prozent
from advisor.errors import Feldproblem, UngueltigeEingabe

Gruppe = Literal["personal", "sachkosten"]
GRUPPEN: tuple[Gruppe, ...] = ("personal", "sachkosten")
GRUPPE_JE_KOSTENART: dict[str, Gruppe | None] = {
    "personal": "personal",
    "gemeinkosten": "personal",
    "sachkosten": "sachkosten",
    "sonstige": "sachkosten",
    "wagnis": "sachkosten",
    "gewinnaufschlag": "sachkosten",
    "abschreibung": None,
    "fremdkapitalzinsen": None,
    "kalkulatorische_zinsen": None,
}
BEZEICHNUNG: dict[Gruppe, str] = {"personal": "Personalkosten", "sachkosten": "Sachkosten"}
#: Percentages beyond this are taken for a typing error (e.g. 28 for 2.8).
GRENZE_PROZENT = Decimal(25)


@dataclass(frozen=True, slots=True)
class Steigerung:
    """One dated increase of a cost group."""

    gruppe: Gruppe
    prozent: Decimal
    ab: date
    grundlage: str
    herkunft: Literal["vorgabe", "eingabe"]

    def text(self) -> str:
        """ "Personalkosten +2,8 % ab 01.01.2028 (Annahme: …; Steigerungsvorgabe)"."""
        wer = "Steigerungsvorgabe des IKZ-Beraters" if self.herkunft == "vorgabe" else "eigene Angabe"
        vorzeichen = "+" if self.prozent >= 0 else "−"
        return (
            f"{BEZEICHNUNG[self.gruppe]} {vorzeichen}{prozent(abs(self.prozent))} ab {datum(self.ab)} "
            f"({self.grundlage.rstrip('.')}; {wer})"
        )


@dataclass(frozen=True, slots=True)
class Steigerungsvorgabe:
    """The default yearly percentage of a group and its basis (rules/haushalt/fortschreibung.yaml)."""

    prozent_je_jahr: Decimal
    grundlage: str


@dataclass(frozen=True, slots=True)
class Fortschreibungsvorgaben:
    """The defaults of both groups and the date they were last checked."""

    stand: date
    personal: Steigerungsvorgabe
    sachkosten: Steigerungsvorgabe

    def vorgabe(self, gruppe: Gruppe) -> Steigerungsvorgabe:
        return self.personal if gruppe == "personal" else self.sachkosten


def pruefe_prozent(wert: Any, pfad: str, probleme: list[Feldproblem]) -> Decimal | None:
    try:
        d = Decimal(str(wert).replace(",", ".")) if not isinstance(wert, bool) else None
    except InvalidOperation:
        d = None
    if d is None or not d.is_finite():
        probleme.append(Feldproblem(pfad, f"„{wert}“ ist kein Prozentsatz (z. B. 2,5)."))
        return None
    if d <= -GRENZE_PROZENT or d > GRENZE_PROZENT:
        probleme.append(Feldproblem(pfad, f"{prozent(d)} je Jahr ist unplausibel (erlaubt: über −25 % bis 25 %)."))
        return None
    return d


def vorgaben_aus_daten(daten: Any) -> Fortschreibungsvorgaben:
    """The defaults file's content, checked; ``UngueltigeEingabe`` naming the key at fault."""
    probleme: list[Feldproblem] = []
    if not isinstance(daten, dict) or set(daten) != {"stand", "personal", "sachkosten"}:
        raise UngueltigeEingabe(
            [Feldproblem("", "Erwartet: stand, personal, sachkosten.")], "Die Fortschreibungsvorgaben sind ungültig."
        )
    vorgaben: dict[str, Steigerungsvorgabe] = {}
    for gruppe in GRUPPEN:
        eintrag = daten[gruppe]
        if not isinstance(eintrag, dict) or set(eintrag) != {"prozent_je_jahr", "grundlage"}:
            probleme.append(Feldproblem(gruppe, "Erwartet: prozent_je_jahr, grundlage."))
            continue
        p = pruefe_prozent(eintrag["prozent_je_jahr"], f"{gruppe}.prozent_je_jahr", probleme)
        if p is not None:
            vorgaben[gruppe] = Steigerungsvorgabe(p, " ".join(str(eintrag["grundlage"]).split()))
    try:
        stand = date.fromisoformat(str(daten["stand"]))
    except ValueError:
        probleme.append(Feldproblem("stand", "Kein Datum (JJJJ-MM-TT)."))
    if probleme:
        raise UngueltigeEingabe(probleme, "Die Fortschreibungsvorgaben sind ungültig.")
    return Fortschreibungsvorgaben(stand, vorgaben["personal"], vorgaben["sachkosten"])


def steigerungen_aus_daten(daten: Any, pfad: str = "fortschreibung") -> tuple[Steigerung, ...]:
    """A user's dated increases: a list of ``{gruppe, prozent, ab, grundlage}``.

    Raises ``UngueltigeEingabe`` naming each entry at fault (unknown group, no date, implausible
    percentage, missing basis, two increases of one group on the same day).
    """
    probleme: list[Feldproblem] = []
    if not isinstance(daten, list) or len(daten) > 100:
        raise UngueltigeEingabe(
            [Feldproblem(pfad, "Erwartet wird eine Liste von höchstens 100 Steigerungen.")],
            "Die Fortschreibungsannahmen sind ungültig.",
        )
    ergebnis: list[Steigerung] = []
    gesehen: set[tuple[str, date]] = set()
    for i, eintrag in enumerate(daten):
        ort = f"{pfad}[{i}]"
        if not isinstance(eintrag, dict) or not set(eintrag) <= {"gruppe", "prozent", "ab", "grundlage"}:
            probleme.append(Feldproblem(ort, "Erwartet: gruppe, prozent, ab, grundlage."))
            continue
        gruppe = eintrag.get("gruppe")
        if gruppe not in GRUPPEN:
            probleme.append(Feldproblem(f"{ort}.gruppe", "Möglich: personal, sachkosten."))
            continue
        p = pruefe_prozent(eintrag.get("prozent"), f"{ort}.prozent", probleme)
        try:
            ab = date.fromisoformat(str(eintrag.get("ab")))
        except ValueError:
            probleme.append(Feldproblem(f"{ort}.ab", "Kein Datum (JJJJ-MM-TT)."))
            continue
        grundlage = " ".join(str(eintrag.get("grundlage") or "").split())
        if not grundlage or len(grundlage) > 300:
            probleme.append(
                Feldproblem(
                    f"{ort}.grundlage", "Bitte die Grundlage nennen (z. B. Tarifabschluss), höchstens 300 Zeichen."
                )
            )
            continue
        if (gruppe, ab) in gesehen:
            probleme.append(Feldproblem(f"{ort}.ab", f"Für {gruppe} gibt es schon eine Steigerung ab {datum(ab)}."))
            continue
        gesehen.add((gruppe, ab))
        if p is not None:
            ergebnis.append(Steigerung(gruppe, p, ab, grundlage, "eingabe"))
    if probleme:
        raise UngueltigeEingabe(probleme, "Die Fortschreibungsannahmen sind ungültig.")
    return tuple(sorted(ergebnis, key=lambda s: (s.gruppe, s.ab)))


def jaehrliche_steigerung(gruppe: Gruppe, prozent_je_jahr: Decimal, von: int, bis: int) -> tuple[Steigerung, ...]:
    """The user's flat yearly percentage for ``gruppe`` as one increase per year from 01.01."""
    return tuple(
        Steigerung(gruppe, prozent_je_jahr, date(j, 1, 1), "eigene Annahme je Jahr", "eingabe")
        for j in range(von, bis + 1)
    )


def annahmen(
    vorgaben: Fortschreibungsvorgaben, eigene: tuple[Steigerung, ...], erstes_jahr: int, letztes_jahr: int
) -> tuple[Steigerung, ...]:
    """The increases that apply from ``erstes_jahr`` to ``letztes_jahr``: the user's own for a
    group that has any, else the default percentage from 01.01. of each of those years."""
    ergebnis: list[Steigerung] = []
    for gruppe in GRUPPEN:
        own = [s for s in eigene if s.gruppe == gruppe]
        if own:
            ergebnis.extend(s for s in own if erstes_jahr <= s.ab.year <= letztes_jahr)
            continue
        v = vorgaben.vorgabe(gruppe)
        ergebnis.extend(
            Steigerung(gruppe, v.prozent_je_jahr, date(j, 1, 1), v.grundlage, "vorgabe")
            for j in range(erstes_jahr, letztes_jahr + 1)
        )
    return tuple(sorted(ergebnis, key=lambda s: (s.gruppe, s.ab)))
