"""The web form's state: a nested copy of the Fallakte's shape whose leaves are the typed strings.

Form field names are the Fallakte's own field paths ("leistungen[0].kosten.positionen[1].betrag"),
so an error the advisor reports for a path lands on the field of that name. Two differences, both
there so that renaming or removing a partner cannot break references while the user edits:

- references to partners (``erbringer``, ``empfaenger``) carry the partner's row index ("0", "2");
- dictionaries keyed by partner (``verteilung.werte``, ``eigenerstellung``, ``remanenzkosten``)
  use the key "@<row index>" in the form ("…verteilung.werte.@1").

``nest`` turns posted (name, value) pairs into the state, ``flatten`` turns it back into
{name: value} for the templates; the add/remove actions edit the state and keep every reference
pointing at the same partner.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_SEGMENT = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")
MAX_ROWS = 500

#: Top-level names that belong to the case; the form's other fields (buttons, note, case number)
#: are not part of the Fallakte.
FALLAKTE_FIELDS = frozenset(
    {"format", "bezeichnung", "bundesland", "stichtag", "rechtsform", "ziele", "beteiligte", "leistungen"}
)
#: Leaves that hold several values (checkbox groups).
MULTI_FIELDS = {"empfaenger"}
#: Dictionaries keyed by partner.
PARTNER_DICTS = {"werte", "festanteile", "eigenerstellung", "remanenzkosten"}


def split_name(name: str) -> list[str | int]:
    """``"leistungen[0].kosten.positionen[1].betrag"`` → ``["leistungen", 0, "kosten", ...]``."""
    parts: list[str | int] = []
    pos = 0
    for m in _SEGMENT.finditer(name):
        if m.start() != pos:
            raise ValueError(name)
        parts.append(int(m.group(2)) if m.group(2) is not None else m.group(1))
        pos = m.end()
    if pos != len(name) or not parts or not isinstance(parts[0], str):
        raise ValueError(name)
    return parts


def nest(items: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Posted form pairs → nested state. Lists are ordered by their index; names that are not
    Fallakte field paths (buttons, the version note) are ignored; indices beyond ``MAX_ROWS`` are ignored."""
    root: dict[str, Any] = {}
    for name, value in items:
        try:
            parts = split_name(name)
        except ValueError:
            continue
        if parts[0] not in FALLAKTE_FIELDS:
            continue
        if any(isinstance(p, int) and p >= MAX_ROWS for p in parts):
            continue
        node: Any = root
        for here, nxt in zip(parts, parts[1:], strict=False):
            if isinstance(here, int):
                if not isinstance(node, dict):
                    break
                node = node.setdefault(here, {} if isinstance(nxt, str) else {})
            else:
                if not isinstance(node, dict):
                    break
                existing = node.get(here)
                if not isinstance(existing, dict):
                    existing = {}
                    node[here] = existing
                node = existing
        else:
            last = parts[-1]
            if not isinstance(node, dict):
                continue
            if last in MULTI_FIELDS:
                node.setdefault(last, [])
                if isinstance(node[last], list):
                    node[last].append(value)
            else:
                node[last] = value
    return _lists(root)


def _lists(node: Any) -> Any:
    """Dicts whose keys are all ints become lists ordered by key (the form's row order)."""
    if isinstance(node, dict):
        converted = {k: _lists(v) for k, v in node.items()}
        if converted and all(isinstance(k, int) for k in converted):
            return [converted[k] for k in sorted(converted)]
        return converted
    return node


def flatten(state: dict[str, Any]) -> dict[str, Any]:
    """Nested state → {field name: value}; the inverse of ``nest``."""
    flat: dict[str, Any] = {}

    def walk(node: Any, prefix: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, f"{prefix}.{k}" if prefix else str(k))
        elif isinstance(node, list) and prefix.rsplit(".", 1)[-1] not in MULTI_FIELDS:
            for i, v in enumerate(node):
                walk(v, f"{prefix}[{i}]")
        else:
            flat[prefix] = node

    walk(state, "")
    return flat


def field_id(name: str) -> str:
    """A field name → an HTML id usable in ``for``, ``aria-describedby`` and CSS selectors."""
    return "f-" + re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")


def empty_state() -> dict[str, Any]:
    """A new case: visible defaults only (Land NW, Stichtag 01.01.2027), two partners, one service
    with one cost line."""
    return {
        "format": "ikz-fallakte/1",
        "bundesland": "NW",
        "stichtag": "01.01.2027",
        "beteiligte": [{}, {}],
        "leistungen": [new_leistung()],
    }


def new_leistung() -> dict[str, Any]:
    return {"kosten": {"positionen": [{}]}}


# --- actions -----------------------------------------------------------------------------------


def add_partner(state: dict[str, Any]) -> None:
    state.setdefault("beteiligte", []).append({})


def add_leistung(state: dict[str, Any]) -> None:
    state.setdefault("leistungen", []).append(new_leistung())


def add_position(state: dict[str, Any], leistung: int) -> None:
    rows = _leistung(state, leistung).setdefault("kosten", {}).setdefault("positionen", [])
    rows.append({})


def remove_leistung(state: dict[str, Any], leistung: int) -> None:
    rows = state.get("leistungen", [])
    if 0 <= leistung < len(rows):
        del rows[leistung]


def remove_position(state: dict[str, Any], leistung: int, position: int) -> None:
    rows = _leistung(state, leistung).get("kosten", {}).get("positionen", [])
    if 0 <= position < len(rows):
        del rows[position]


def remove_partner(state: dict[str, Any], index: int) -> None:
    """Remove partner row ``index`` and renumber every reference to the rows after it; references
    to the removed partner are dropped (so the user sees an empty choice, not another partner)."""
    rows = state.get("beteiligte", [])
    if not 0 <= index < len(rows):
        return
    del rows[index]

    def moved(ref: str) -> str | None:
        if not ref.isdigit():
            return ref
        n = int(ref)
        return None if n == index else str(n - 1 if n > index else n)

    for leistung in state.get("leistungen", []):
        if not isinstance(leistung, dict):
            continue
        if isinstance(leistung.get("erbringer"), str):
            leistung["erbringer"] = moved(leistung["erbringer"]) or ""
        if isinstance(leistung.get("empfaenger"), list):
            leistung["empfaenger"] = [m for m in (moved(e) for e in leistung["empfaenger"]) if m is not None]
        kosten = leistung.get("kosten")
        if not isinstance(kosten, dict):
            continue
        verteilung = kosten.get("verteilung")
        if isinstance(verteilung, dict) and isinstance(verteilung.get("restcent_traeger"), str):
            verteilung["restcent_traeger"] = moved(verteilung["restcent_traeger"]) or ""
        for holder, key in (
            (kosten.get("verteilung"), "werte"),
            (kosten.get("verteilung"), "festanteile"),
            (kosten, "eigenerstellung"),
            (kosten, "remanenzkosten"),
        ):
            if isinstance(holder, dict) and isinstance(holder.get(key), dict):
                renumbered = {}
                for k, v in holder[key].items():
                    m = moved(k[1:]) if k.startswith("@") else k
                    if m is not None:
                        renumbered[f"@{m}" if k.startswith("@") else m] = v
                holder[key] = renumbered


def _leistung(state: dict[str, Any], index: int) -> dict[str, Any]:
    rows = state.get("leistungen", [])
    if 0 <= index < len(rows) and isinstance(rows[index], dict):
        return rows[index]
    return {}


def apply_action(state: dict[str, Any], action: str) -> str | None:
    """Apply a button's action ("beteiligter_hinzu", "position_weg:0:2", …) to the state.

    Returns the field name to focus afterwards (the first field of a new row, or the section of
    a removed one), or None for an unknown action.
    """
    name, *args = action.split(":")
    try:
        nums = [int(a) for a in args]
    except ValueError:
        return None
    if name == "beteiligter_hinzu" and not nums:
        add_partner(state)
        return f"beteiligte[{len(state['beteiligte']) - 1}].name"
    if name == "beteiligter_weg" and len(nums) == 1:
        remove_partner(state, nums[0])
        return "beteiligte"
    if name == "leistung_hinzu" and not nums:
        add_leistung(state)
        return f"leistungen[{len(state['leistungen']) - 1}].bezeichnung"
    if name == "leistung_weg" and len(nums) == 1:
        remove_leistung(state, nums[0])
        return "leistungen"
    if name == "position_hinzu" and len(nums) == 1:
        add_position(state, nums[0])
        rows = _leistung(state, nums[0]).get("kosten", {}).get("positionen", [])
        return f"leistungen[{nums[0]}].kosten.positionen[{len(rows) - 1}].art"
    if name == "position_weg" and len(nums) == 2:
        remove_position(state, nums[0], nums[1])
        return f"leistungen[{nums[0]}].kosten.positionen"
    return None


def removal_message(action: str) -> str | None:
    """The sentence announced where the focus lands after a remove button ("Beteiligter 2 wurde
    entfernt."), or None for any other action."""
    name, *args = action.split(":")
    if not all(a.isdigit() for a in args):
        return None
    nums = [int(a) + 1 for a in args]
    if name == "beteiligter_weg" and len(nums) == 1:
        return f"Beteiligter {nums[0]} wurde entfernt."
    if name == "leistung_weg" and len(nums) == 1:
        return f"Leistung {nums[0]} wurde entfernt."
    if name == "position_weg" and len(nums) == 2:
        return f"Position {nums[1]} von Leistung {nums[0]} wurde entfernt."
    return None
