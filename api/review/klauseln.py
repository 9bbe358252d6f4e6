"""The clause texts of a saved version's documents, as reviewers see them (cached).

A version never changes, so its documents' units (``contracts.redline.abschnitte``) are built
once per process and rule set and kept in a small LRU: a comment or a comment list then costs a
dictionary lookup, not an assessment and an assembly. The Stand of the documents is the day the
version was saved, so the texts do not change from one day to the next.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Any

from advisor.beratung import berate
from api.case_types import GespeicherteVersion
from api.jsonout import canonical_json
from contracts.dokumente import DOKUMENTARTEN, Dokument, erstelle
from contracts.redline import Pruefabschnitt, abschnitte

DOKUMENTE = tuple(DOKUMENTARTEN)
_GROESSE = 256
_cache: OrderedDict[tuple[str, str, str, str], tuple[Pruefabschnitt, ...]] = OrderedDict()
_lock = threading.Lock()


def dokument_der_version(
    saved: GespeicherteVersion, dokument: str, regelwerk: Any, satztabellen: Any, **kw: Any
) -> Dokument:
    """Document ``dokument`` of a saved version, dated the day the version was saved."""
    beratung = berate(saved.fallakte(), regelwerk, satztabellen)
    return erstelle(dokument, beratung, stand=saved.created_at.date(), regelwerk=regelwerk, **kw)


def _schluessel(saved: GespeicherteVersion, dokument: str, regelwerk: Any) -> tuple[str, str, str, str]:
    inhalt = hashlib.sha256(canonical_json(saved.fallakte_daten).encode()).hexdigest()
    return (inhalt, saved.created_at.date().isoformat(), dokument, str(getattr(regelwerk, "sha256", "")))


def abschnitte_der_version(
    saved: GespeicherteVersion, dokument: str, regelwerk: Any, satztabellen: Any
) -> tuple[Pruefabschnitt, ...]:
    """The units of a version's document, in reading order (cached per content and rule set)."""
    key = _schluessel(saved, dokument, regelwerk)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    units = abschnitte(dokument_der_version(saved, dokument, regelwerk, satztabellen))
    with _lock:
        _cache[key] = units
        while len(_cache) > _GROESSE:
            _cache.popitem(last=False)
    return units
