"""German grammar for the names of the parties: article, gender, case, pronoun.

A contract speaks of its parties in every case: "Die Stadt Aheim erhält … der ihr entstehenden
Kosten", "für den Kreis Rheinland-Süd", "zwischen der Gemeinde Bedorf und dem Kreis Musterland".
The grammatical gender comes from the head noun of the name ("Stadt", "Kreis", "Zweckverband",
also as the last part of a compound such as "Rhein-Erle-Kreis"); a bare place name ("Münster")
is neuter and takes no article. Only nominative, dative and accusative are produced (the genitive
would need the noun itself to be inflected, "des Kreises", so the templates avoid it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Genus = Literal["f", "m", "n"]
Fall = Literal["nom", "dat", "akk"]

#: Head nouns of the names of public bodies and their gender (longest match first for compounds).
KOPFNOMEN: dict[str, Genus] = {
    "kreisfreie stadt": "f",
    "stadt": "f",
    "gemeinde": "f",
    "städteregion": "f",
    "region": "f",
    "samtgemeinde": "f",
    "verbandsgemeinde": "f",
    "anstalt": "f",
    "körperschaft": "f",
    "kreis": "m",
    "landkreis": "m",
    "zweckverband": "m",
    "verband": "m",
    "landschaftsverband": "m",
    "wasserverband": "m",
    "regionalverband": "m",
    "markt": "m",
    "bezirk": "m",
    "kommunalunternehmen": "n",
    "amt": "n",
    "land": "n",
}

_ARTIKEL: dict[Genus, dict[Fall, str]] = {
    "f": {"nom": "die", "dat": "der", "akk": "die"},
    "m": {"nom": "der", "dat": "dem", "akk": "den"},
    "n": {"nom": "das", "dat": "dem", "akk": "das"},
}
_PRONOMEN_DATIV: dict[Genus, str] = {"f": "ihr", "m": "ihm", "n": "ihm"}
_POSSESSIV: dict[Genus, str] = {"f": "ihr", "m": "sein", "n": "sein"}


def _genus_des_namens(name: str) -> Genus | None:
    """The gender of the head noun the name begins with, or None for a bare place name."""
    erstes = name.split()[0].lower() if name.split() else ""
    zwei = " ".join(name.lower().split()[:2])
    if zwei in KOPFNOMEN:
        return KOPFNOMEN[zwei]
    if erstes in KOPFNOMEN:
        return KOPFNOMEN[erstes]
    # compounds: "Rhein-Erle-Kreis", "Hochsauerlandkreis", "Rhein-Kreis Neuss"
    for nomen in sorted(KOPFNOMEN, key=len, reverse=True):
        if " " not in nomen and re.search(rf"{nomen}$", erstes):
            return KOPFNOMEN[nomen]
    return None


@dataclass(frozen=True, slots=True)
class Nominalphrase:
    """A party's name as a noun phrase: ``Nominalphrase.aus_name("Stadt Aheim").dat`` →
    ``"der Stadt Aheim"``; a bare place name stays without article (neuter)."""

    name: str
    genus: Genus
    mit_artikel: bool

    @classmethod
    def aus_name(cls, name: str) -> Nominalphrase:
        genus = _genus_des_namens(name)
        return cls(name, genus or "n", genus is not None)

    def im(self, fall: Fall) -> str:
        """The phrase in ``fall`` (lower-case article)."""
        if not self.mit_artikel:
            return self.name
        return f"{_ARTIKEL[self.genus][fall]} {self.name}"

    @property
    def nom(self) -> str:
        return self.im("nom")

    @property
    def dat(self) -> str:
        return self.im("dat")

    @property
    def akk(self) -> str:
        return self.im("akk")

    @property
    def pronomen_dat(self) -> str:
        """ "ihr" (Stadt) / "ihm" (Kreis): "… der ihr entstehenden Kosten"."""
        return _PRONOMEN_DATIV[self.genus]

    @property
    def possessiv(self) -> str:
        """Stem of the possessive: "ihr" / "sein" ("ihre eigene Nutzung", "seine eigene Nutzung")."""
        return _POSSESSIV[self.genus]


def gross(text: str) -> str:
    """The text with its first letter capitalised (sentence start): "die Stadt" → "Die Stadt"."""
    return text[:1].upper() + text[1:]


def aufzaehlung(teile: Sequence[str]) -> str:
    """["A", "B", "C"] → "A, B und C"."""
    teile = list(teile)
    if len(teile) <= 1:
        return "".join(teile)
    return ", ".join(teile[:-1]) + " und " + teile[-1]


def parteien_im(namen: Sequence[str], fall: Fall) -> str:
    """Several parties in one case, each with its own article: "der Stadt A und dem Kreis B"."""
    return aufzaehlung([Nominalphrase.aus_name(n).im(fall) for n in namen])
