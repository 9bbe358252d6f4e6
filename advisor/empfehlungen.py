"""Advice: the smallest changes to a case that make a taxable or open result non-taxable or exempt.

The levers are data (rules/empfehlungen.yaml). Each lever is a change to the case; the advice
applies it, re-assesses the changed case with the same rules, and keeps the lever only if the
result then is ``nicht_steuerbar`` or ``steuerfrei`` for certain. Single levers first; a
combination of levers only where none of its parts succeeds alone (up to ``max_kombination``).

Change keys (validated when the rule set loads):
- ``rechtsform``: the case's legal form;
- ``erbringer.art``: the provider's kind (e.g. ``zweckverband``);
- a field of the service, dotted for nested ones: ``aufgabenuebertragung_befreiend``,
  ``laufzeit.ende``, ``kosten.gewinnaufschlag_prozent``, ``kosten.abrechnung.verfahren``,
  ``kostenteilungsgemeinschaft.mitglieder_nichtunternehmerisch``;
- ``kosten.positionen_ohne``: cost kinds to drop (e.g. ``[wagnis, gewinnaufschlag]``); a Wagnis
  line with evidence of a specific risk (``einzelwagnis_nachweis``) is a cost and is never dropped.
Values are literals or ``{parameter: <id>}`` (read at the case's stichtag).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from pydantic import BaseModel

from advisor.fallakte import Abrechnungsweise, Fallakte, Kosten, Kostenposition, Kostenteilungsgemeinschaft, Leistung
from advisor.regelwerk.modell import KompilierterHebel, Regelwerk

#: Sub-objects a lever may create when the case has none (all their other fields are optional,
#: or the lever sets the one required field).
_ERZEUGBAR: dict[str, type[BaseModel]] = {
    "kostenteilungsgemeinschaft": Kostenteilungsgemeinschaft,
    "kosten": Kosten,
    "abrechnung": Abrechnungsweise,
}


class NichtAnwendbar(Exception):
    """The lever does not fit this case (e.g. it changes costs the case does not have)."""


def pruefe_aenderung(aenderung: dict[str, Any]) -> list[str]:
    """Problems of a lever's change keys (for the rule loader)."""
    fehler = []
    for schluessel in aenderung:
        if schluessel in ("rechtsform", "erbringer.art", "kosten.positionen_ohne"):
            continue
        modell: type[BaseModel] = Leistung
        for teil in schluessel.split("."):
            feld = modell.model_fields.get(teil)
            if feld is None:
                fehler.append(f"aenderung: „{schluessel}“ ist kein Feld der Leistung")
                break
            sub = _submodell(feld.annotation)
            modell = sub if sub is not None else modell
    return fehler


def _submodell(annotation: Any) -> type[BaseModel] | None:
    for kandidat in getattr(annotation, "__args__", (annotation,)):
        if isinstance(kandidat, type) and issubclass(kandidat, BaseModel):
            return kandidat
    return None


def _setze(modell: BaseModel, teile: list[str], wert: Any) -> BaseModel:
    name = teile[0]
    if len(teile) == 1:
        if name in _ERZEUGBAR and isinstance(wert, dict):
            wert = _ERZEUGBAR[name](**wert)
        return modell.model_copy(update={name: wert})
    sub = getattr(modell, name)
    if sub is None:
        if name not in _ERZEUGBAR:
            raise NichtAnwendbar(name)
        sub = _ERZEUGBAR[name].model_construct()
    return modell.model_copy(update={name: _setze(sub, teile[1:], wert)})


def wende_an(fallakte: Fallakte, index: int, aenderung: dict[str, Any]) -> Fallakte:
    """The case with the change applied to service ``index`` (and, for case-level keys, the case)."""
    leistung = fallakte.leistungen[index]
    update: dict[str, Any] = {}
    for schluessel, wert in aenderung.items():
        if schluessel == "rechtsform":
            update["rechtsform"] = wert
        elif schluessel == "erbringer.art":
            beteiligte = [
                b.model_copy(update={"art": wert}) if b.id == leistung.erbringer else b
                for b in update.get("beteiligte", fallakte.beteiligte)
            ]
            update["beteiligte"] = beteiligte
        elif schluessel == "kosten.positionen_ohne":
            if leistung.kosten is None:
                raise NichtAnwendbar(schluessel)
            positionen = [p for p in leistung.kosten.positionen if p.art not in set(wert) or _ist_einzelwagnis(p)]
            leistung = leistung.model_copy(
                update={"kosten": leistung.kosten.model_copy(update={"positionen": positionen})}
            )
        else:
            leistung = _setze(leistung, schluessel.split("."), wert)  # type: ignore[assignment]
    leistungen = list(fallakte.leistungen)
    leistungen[index] = leistung
    update["leistungen"] = leistungen
    return fallakte.model_copy(update=update)


def _ist_einzelwagnis(position: Kostenposition) -> bool:
    """Whether a line is a specific risk with evidence: a cost, which no lever drops."""
    return position.art == "wagnis" and position.einzelwagnis_nachweis is not None


@dataclass(frozen=True, slots=True)
class Treffer:
    hebel: tuple[KompilierterHebel, ...]
    aenderung: dict[str, Any]
    ergebnis: Any  # the re-assessment's result object (opaque here)


def suche_hebel(
    rw: Regelwerk,
    fallakte: Fallakte,
    index: int,
    parameter: Mapping[str, Any],
    ist_anwendbar: Callable[[KompilierterHebel], bool],
    bewerte: Callable[[Fallakte], Any],
    erfolgreich: Callable[[Any], bool],
    annahmen: Callable[[KompilierterHebel], dict[str, Any]] | None = None,
) -> list[Treffer]:
    """Try the levers (singly, then in combinations) and return those that succeed, smallest first.

    ``annahmen(hebel)`` gives field values assumed for the re-assessment only (a lever's unknown
    preconditions); they are applied to the case but not reported as part of the change.
    """
    kandidaten = [h for h in rw.hebel if ist_anwendbar(h)]
    treffer: list[Treffer] = []
    allein_erfolgreich: set[str] = set()
    for groesse in range(1, rw.max_kombination + 1):
        for kombi in combinations(kandidaten, groesse):
            if groesse > 1 and any(h.id in allein_erfolgreich for h in kombi):
                continue
            aenderung: dict[str, Any] = {}
            angenommen: dict[str, Any] = {}
            for h in kombi:
                aenderung.update({k: _aufgeloest(v, parameter) for k, v in h.aenderung.items()})
                if annahmen is not None:
                    angenommen.update(annahmen(h))
            try:
                geaendert = wende_an(fallakte, index, {**angenommen, **aenderung})
            except NichtAnwendbar:
                continue
            ergebnis = bewerte(geaendert)
            if erfolgreich(ergebnis):
                treffer.append(Treffer(kombi, aenderung, ergebnis))
                if groesse == 1:
                    allein_erfolgreich.add(kombi[0].id)
    return treffer


def _aufgeloest(wert: Any, parameter: Mapping[str, Any]) -> Any:
    if isinstance(wert, dict) and set(wert) == {"parameter"}:
        return parameter[wert["parameter"]]
    return wert
