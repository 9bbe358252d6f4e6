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
from datetime import UTC
from typing import Any

from advisor.beratung import berate
from api.case_types import GespeicherteVersion
from api.jsonout import canonical_json
from contracts.dokumente import DOKUMENTARTEN, Dokument, erstelle
from contracts.redline import Aenderung, Pruefabschnitt, abschnitte, redline_docx

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


def vergleich_als_docx(
    aenderungen: list[Aenderung], dokument: str, a: int, b: int, neu: GespeicherteVersion
) -> tuple[bytes, str]:
    """The redline of ``dokument`` between versions ``a`` and ``b`` as a DOCX with tracked changes
    (author and date of version ``b``) and its download file name — for the API and the web."""
    titel = DOKUMENTARTEN[dokument].titel
    daten = redline_docx(
        aenderungen,
        kopfzeile=f"Vergleich Version {a} → {b} – {titel} – {neu.bezeichnung}",
        titel=f"{titel}: Vergleich Version {a} → {b}",
        autor=f"IKZ-Berater (Version {b})",
        zeitpunkt=neu.created_at.astimezone(UTC),
        stand=neu.created_at.date(),
    )
    return daten, f"Vergleich-{DOKUMENTARTEN[dokument].dateiname}-v{a}-v{b}.docx"
