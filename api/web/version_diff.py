"""What changed between two versions of a saved case: every Fallakte field whose value differs,
named and shown as the form shows it ("Leistung 1 (…) › Betrag (Euro je Jahr)", "48.000,00 €")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from api.web.field_labels import partner_names, pfad_lesbar, wert_lesbar


@dataclass(frozen=True)
class Unterschied:
    """One changed field: its readable name, old and new value as text ("–" = not given)."""

    pfad: str
    alt: str
    neu: str


def _flat(node: Any, prefix: str, out: dict[str, Any]) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            _flat(v, f"{prefix}.{k}" if prefix else str(k), out)
    elif isinstance(node, list) and node and all(isinstance(v, dict) for v in node):
        for i, v in enumerate(node):
            _flat(v, f"{prefix}[{i}]", out)
    else:
        out[prefix] = node


def fallakte_unterschiede(alt: dict[str, Any], neu: dict[str, Any]) -> list[Unterschied]:
    """Fields that differ between two Fallakte dicts, in the order of the newer one."""
    a: dict[str, Any] = {}
    b: dict[str, Any] = {}
    _flat(alt, "", a)
    _flat(neu, "", b)
    namen_alt, namen_neu = partner_names(alt), partner_names(neu)
    keys = list(b) + [k for k in a if k not in b]
    return [
        Unterschied(
            pfad_lesbar(k, neu if k in b else alt),
            wert_lesbar(k, a.get(k), namen_alt),
            wert_lesbar(k, b.get(k), namen_neu),
        )
        for k in keys
        if a.get(k) != b.get(k)
    ]
