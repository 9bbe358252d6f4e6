"""IKZ-Berater domain core: pure (no I/O, no web, no PDF).

Entry points: ``parse_fallakte`` (text → Fallakte), ``assess`` (Fallakte → Bewertung),
``berate`` (Fallakte → calculation + assessment). The rule set and rate tables are read by
``rules_loader.load_rules()`` and ``rules_loader.load_rate_tables()``.
"""

from advisor.bewerten import assess
from advisor.parsing import fallakte_aus_dict, parse_fallakte

__all__ = ["assess", "fallakte_aus_dict", "parse_fallakte"]
