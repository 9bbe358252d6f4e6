"""What the reviewers must check in the agreement, for the Steuerlicher Prüfvermerk.

The agreement itself holds contract text only; these notes are internal: norms the agreement
cites whose wording was not checked against the statute, warnings and notes of the calculation
(overhead counted twice, assets, rates of an earlier year, sources taken from secondary material,
lump sums), cost elements that put the § 2b result at risk, and parties
whose admission rests on secondary sources.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contracts.formatting import format_citation
from contracts.klauselbibliothek import Klauselbibliothek
from contracts.merkmale import Leistungsdaten, ohne_kennungen


def norm_hinweise(bib: Klauselbibliothek, texte: str) -> list[str]:
    """One note per norm cited in ``texte`` that is not checked against the statute's wording."""
    hinweise = []
    for norm in bib.normen.values():
        if norm.geprueft.art != "wortlaut" and format_citation(norm.text) in texte:
            hinweise.append(f"Fundstelle „{norm.text}“: {norm.geprueft.bezeichnung}. {norm.geprueft.vermerk}")
    return hinweise


def kalkulationshinweise(name: str, kalkulation: Mapping[str, Any] | None) -> list[str]:
    """The notes and warnings of a service's calculation (JSON view), as German review notes."""
    kalk = kalkulation or {}
    hinweise = []
    for p in kalk.get("positionen", []):
        if p.get("hinweis"):
            hinweise.append(f"Kalkulation „{name}“, {p['bezeichnung']}: {ohne_kennungen(p['hinweis'])}")
    for w in kalk.get("warnungen", []):
        if isinstance(w, str):
            hinweise.append(f"Kalkulation „{name}“ (Warnung): {ohne_kennungen(w)}")
    for h in [*kalk.get("hinweise", []), *kalk.get("quellenhinweise", [])]:
        if isinstance(h, str):
            text = f"Kalkulation „{name}“: {ohne_kennungen(h)}"
            if text not in hinweise:
                hinweise.append(text)
    return hinweise


def pruefhinweise(
    bib: Klauselbibliothek, kalkulation: Mapping[str, Any] | None, daten: list[Leistungsdaten], texte: str
) -> list[str]:
    """The review notes of an agreement (German sentences, citations with non-breaking spaces)."""
    hinweise = norm_hinweise(bib, texte)
    for d in daten:
        name = d.leistung.bezeichnung
        for text in kalkulationshinweise(name, d.kalkulation):
            if text not in hinweise:
                hinweise.append(text)
        if d.merkmale.get("wagnis_oder_gewinn"):
            hinweise.append(
                f"„{name}“: Die Kalkulation enthält einen Wagnis- oder Gewinnzuschlag. Er ist keine Kostenerstattung "
                "im Sinne des § 2b Abs. 3 Nr. 2 Buchst. c UStG; seine Beibehaltung ist vor Abschluss zu prüfen."
            )
        if d.merkmale.get("abrechnung") == "festpreis":
            hinweise.append(
                f"„{name}“: Ein Festbetrag ohne Abrechnung der tatsächlichen Kosten ist für § 2b Abs. 3 Nr. 2 "
                "Buchst. c UStG die schwächste Form der Kostenerstattung; eine Spitzabrechnung ist vorzuziehen."
            )
    hinweise.append(
        "Die Dokumente sind maschinell aus der Fallakte, der steuerlichen Würdigung und der Kostenkalkulation "
        "erstellt; sie ersetzen keine rechtliche Prüfung."
    )
    return [format_citation(h) for h in hinweise]
