"""Rate tables per request: the shipped ones plus the caller's own.

A calculation may bring its own tables (``{"fallakte": …, "satztabellen": [<table>, …]}``); they
are validated like the files of rules/tarife/ and added to the tables the app loaded at start
(``app.state.satztabellen``) for this request only. Nothing is stored.

Persistence step (organisations): the ``RateTables`` dependency (api/deps.py) is the one place to
plug in the tables stored for the caller's organisation — ``shipped.mit_eigenen(stored)`` — after
the caller is authenticated; the request's own tables are then merged on top by
``fallakte_und_satztabellen`` unchanged.
"""

from __future__ import annotations

from typing import Any

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Fallakte
from advisor.kosten import Satztabellen
from advisor.kosten.satztabellen import eigene_satztabelle_aus_dict
from advisor.parsing import fallakte_aus_dict

#: At most this many own tables in one request.
MAX_EIGENE_TABELLEN = 20
TITEL = "Die Anfrage ist ungültig."


def mit_praefix(praefix: str, action: Any) -> Any:
    """Run ``action``; field paths of its ``UngueltigeEingabe`` get ``praefix`` in front."""
    try:
        return action()
    except UngueltigeEingabe as e:
        probleme = [Feldproblem(f"{praefix}.{p.pfad}" if p.pfad else praefix, p.meldung) for p in e.probleme]
        raise UngueltigeEingabe(probleme, e.titel) from None


def eigene_tabellen(daten: Any, basis: Satztabellen, praefix: str = "satztabellen") -> Satztabellen:
    """``basis`` plus the own tables in ``daten`` (a list), or ``UngueltigeEingabe`` with paths."""
    if daten is None:
        return basis
    if not isinstance(daten, list) or len(daten) > MAX_EIGENE_TABELLEN:
        meldung = f"Erwartet wird eine Liste von höchstens {MAX_EIGENE_TABELLEN} Satztabellen."
        raise UngueltigeEingabe([Feldproblem(praefix, meldung)], TITEL)
    probleme: list[Feldproblem] = []
    tabellen = []
    for i, eintrag in enumerate(daten):
        try:
            tabellen.append(eigene_satztabelle_aus_dict(eintrag, f"{praefix}[{i}]"))
        except UngueltigeEingabe as e:
            probleme.extend(e.probleme)
    if probleme:
        raise UngueltigeEingabe(probleme, "Eine Satztabelle ist ungültig.")
    try:
        return basis.mit_eigenen(tabellen)
    except UngueltigeEingabe as e:
        pfade = [Feldproblem(p.pfad.replace("satztabellen", praefix, 1), p.meldung) for p in e.probleme]
        raise UngueltigeEingabe(pfade, e.titel) from None


def fallakte_und_satztabellen(daten: Any, basis: Satztabellen) -> tuple[Fallakte, Satztabellen]:
    """A body that is either a Fallakte, or ``{"fallakte": …, "satztabellen": […]}``."""
    if isinstance(daten, dict) and "fallakte" in daten and "format" not in daten:
        fremd = sorted(set(daten) - {"fallakte", "satztabellen"})
        if fremd:
            meldung = "Erwartet werden nur die Felder „fallakte“ und „satztabellen“."
            raise UngueltigeEingabe([Feldproblem(k, meldung) for k in fremd], TITEL)
        fallakte = mit_praefix("fallakte", lambda: fallakte_aus_dict(daten["fallakte"]))
        return fallakte, eigene_tabellen(daten.get("satztabellen"), basis)
    return fallakte_aus_dict(daten), basis
