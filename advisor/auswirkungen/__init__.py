"""The impact of a rule change (issue 15): before/after of stored assessments, pure.

- ``vergleiche(vorher, nachher, changelog) -> Fallauswirkung`` (both assessments as JSON data);
  ``auswirkung_als_dict``;
- ``parse_changelog(text)``, ``zwischen(eintraege, von, bis)``, ``erwaehnungen(eintraege, regel)``.

The re-assessment itself (bounded, resumable, in the database) is api/register/auswirkungen.py.
"""

from advisor.auswirkungen.changelog import (
    Aenderungseintrag,
    erwaehnungen,
    parse_changelog,
    versionsschluessel,
    zwischen,
)
from advisor.auswirkungen.vergleich import Fallauswirkung, Leistungsaenderung, auswirkung_als_dict, vergleiche

__all__ = [
    "Aenderungseintrag",
    "Fallauswirkung",
    "Leistungsaenderung",
    "auswirkung_als_dict",
    "erwaehnungen",
    "parse_changelog",
    "versionsschluessel",
    "vergleiche",
    "zwischen",
]
