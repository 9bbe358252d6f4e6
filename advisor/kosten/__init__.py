"""The cost calculation (kosten.md): cost lines, allocation, VAT comparison, advances, settlement.

Public interface:

- ``calculate(fallakte, satztabellen, umsatzsteuersatz) -> Kalkulation`` (the rate: one Decimal or
  a mapping service id → rate) and ``kalkulation_als_dict(k)`` (JSON "ikz-kalkulation/1");
- ``kennzahlen(k) -> {service id: Kostenkennzahlen}`` for the § 2b assessment;
- ``settle(fallakte, istdaten, umsatzsteuersatz, satztabellen=None) -> Abrechnung``,
  ``parse_ist(text)``, ``abrechnung_als_dict(a)``;
- ``satztabellen_aus_dict(docs) -> Satztabellen`` (rules_loader.load_rate_tables() reads the files);
  ``Satztabellen.mit_eigenen(tables)`` adds a municipality's own tables
  (``satztabellen.parse_eigene_satztabelle``) for one calculation.

Pure: no I/O. Money is Decimal throughout; rounding lives in ``rundung``.
"""

from advisor.kosten.abrechnung import Abrechnung, settle
from advisor.kosten.abrechnung_json import abrechnung_als_dict
from advisor.kosten.istdaten import Istdaten, ist_aus_dict, parse_ist
from advisor.kosten.json_view import kalkulation_als_dict
from advisor.kosten.kalkulation import Kalkulation, Leistungskalkulation, NichtKalkulierbar, calculate
from advisor.kosten.kennzahlen import kennzahlen
from advisor.kosten.satztabellen import Satztabellen, satztabellen_aus_dict

__all__ = [
    "Abrechnung",
    "Istdaten",
    "Kalkulation",
    "Leistungskalkulation",
    "NichtKalkulierbar",
    "Satztabellen",
    "abrechnung_als_dict",
    "calculate",
    "ist_aus_dict",
    "kalkulation_als_dict",
    "kennzahlen",
    "parse_ist",
    "satztabellen_aus_dict",
    "settle",
]
