"""What changed between two versions of a saved case: every Fallakte field whose value differs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from api.web.form_view import pfad_lesbar


@dataclass(frozen=True)
class Unterschied:
    """One changed field: readable path, old and new value as text ("–" = not given)."""

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


def _text(value: Any) -> str:
    if value is None:
        return "–"
    if value is True:
        return "ja"
    if value is False:
        return "nein"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def fallakte_unterschiede(alt: dict[str, Any], neu: dict[str, Any]) -> list[Unterschied]:
    """Fields that differ between two Fallakte dicts, in the order of the newer one."""
    a: dict[str, Any] = {}
    b: dict[str, Any] = {}
    _flat(alt, "", a)
    _flat(neu, "", b)
    keys = list(b) + [k for k in a if k not in b]
    return [Unterschied(pfad_lesbar(k), _text(a.get(k)), _text(b.get(k))) for k in keys if a.get(k) != b.get(k)]
