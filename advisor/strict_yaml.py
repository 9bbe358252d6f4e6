"""Strict YAML reading shared by case files and rule files.

Safe loading only; duplicate keys are an error (PyYAML silently keeps the last one); floats are
read as ``Decimal`` so that money never passes through binary floating point; every mapping
remembers the line it starts on, so that errors can name it. Dates are left as ISO strings for
the models to parse.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml


class DuplicateKeyError(ValueError):
    """A mapping repeats a key. ``line`` is 1-based."""

    def __init__(self, key: object, line: int) -> None:
        self.key = key
        self.line = line
        super().__init__(f"Zeile {line}: Schlüssel „{key}“ kommt doppelt vor")


class LineDict(dict[Any, Any]):
    """A dict that knows the 1-based line of its mapping and of each key."""

    __slots__ = ("line", "key_lines")
    line: int
    key_lines: dict[Any, int]


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when available: ~5× faster


class _StrictLoader(_Base):  # type: ignore[misc, valid-type]
    pass


# Dates stay strings here: the models parse them and name the field when one is invalid.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise DuplicateKeyError(key, key_node.start_mark.line + 1)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_decimal(loader: _StrictLoader, node: yaml.ScalarNode) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise yaml.constructor.ConstructorError(None, None, f"„{text}“ ist keine endliche Zahl", node.start_mark)
    return value


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


def load_strict(text: str) -> Any:
    """Parse one YAML document strictly. Raises ``DuplicateKeyError`` or ``yaml.YAMLError``."""
    return yaml.load(text, Loader=_StrictLoader)


def zeile_im_dokument(dokument: Any, pfad: Sequence[Any]) -> int | None:
    """The 1-based line of the deepest mapping key (or list item) on ``pfad`` that ``load_strict``
    recorded; the document's own line where the path leaves it; ``None`` for data not from YAML."""
    zeile = getattr(dokument, "line", None)
    knoten = dokument
    for teil in pfad:
        if isinstance(knoten, dict) and teil in knoten:
            zeile = getattr(knoten, "key_lines", {}).get(teil, zeile)
            knoten = knoten[teil]
        elif isinstance(knoten, list) and isinstance(teil, int) and 0 <= teil < len(knoten):
            knoten = knoten[teil]
            zeile = getattr(knoten, "line", zeile)
        else:
            break
    return zeile
