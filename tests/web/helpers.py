"""Helpers of the web tests: the form fields a browser would post for a case."""

from __future__ import annotations

from urllib.parse import urlencode

from advisor.parsing import parse_fallakte
from api.cases import fallakte_als_daten
from api.web.form_fallakte import form_state
from api.web.form_state import flatten

FORM = {"content-type": "application/x-www-form-urlencoded"}


def form_items(yaml_text: str) -> list[tuple[str, str]]:
    """The (name, value) pairs a browser posts for the form showing this case."""
    state = form_state(fallakte_als_daten(parse_fallakte(yaml_text)))
    items: list[tuple[str, str]] = []
    for name, value in flatten(state).items():
        if isinstance(value, list):
            items.extend((name, v) for v in value)
        else:
            items.append((name, value))
    return items


def replace(items: list[tuple[str, str]], name: str, value: str | None) -> list[tuple[str, str]]:
    """The pairs with field ``name`` set to ``value`` (added when absent, dropped when None)."""
    out = [(k, v) for k, v in items if k != name]
    if value is not None:
        out.append((name, value))
    return out


def encoded(items: list[tuple[str, str]]) -> bytes:
    return urlencode(items).encode("utf-8")
