"""From text (YAML or JSON) to a validated ``Fallakte``: the only way a case enters the advisor.

Pure: takes a string, returns a model or raises ``UngueltigeEingabe`` listing every problem with
its field path in German. Reading the file is the adapter's job.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import yaml
from pydantic import ValidationError

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Fallakte
from advisor.fallakte_pruefung import pruefe_verweise
from advisor.strict_yaml import DuplicateKeyError, load_strict
from advisor.validation_messages import german_problems

MAX_TEXT_CHARS = 5_000_000
#: At most this many values after parsing: YAML aliases can make a small text expand enormously.
MAX_VALUES = 200_000


def parse_document(text: str, *, titel: str = "Die Fallakte ist ungültig.", max_values: int = MAX_VALUES) -> Any:
    """Parse YAML or JSON text (JSON is tried first when the text starts with "{" or "[").

    Floats become ``Decimal``; duplicate keys are an error; a document nested too deeply or with
    more than ``max_values`` values (counting each use of a YAML alias) is refused.
    """
    try:
        daten = _parse(text, titel)
    except RecursionError:
        raise UngueltigeEingabe([Feldproblem("", "Das Dokument ist zu tief verschachtelt.")], titel) from None
    check_document_size(daten, max_values, titel=titel)
    return daten


def check_document_size(daten: Any, max_values: int, *, titel: str = "Die Fallakte ist ungültig.") -> None:
    """Count every value (shared YAML aliases once per use); too many → ``UngueltigeEingabe``."""
    stack = [daten]
    count = 0
    while stack:
        value = stack.pop()
        count += 1
        if count > max_values:
            raise UngueltigeEingabe(
                [Feldproblem("", f"Das Dokument enthält zu viele Werte (höchstens {max_values:,}).".replace(",", "."))],
                titel,
            )
        if isinstance(value, dict):
            count += len(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def _parse(text: str, titel: str) -> Any:
    if len(text) > MAX_TEXT_CHARS:
        raise UngueltigeEingabe([Feldproblem("", "Die Datei ist zu groß (höchstens 5 MB).")], titel)
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[")):
        try:
            return json.loads(
                stripped, parse_float=Decimal, parse_constant=_no_constant, object_pairs_hook=_no_duplicates
            )
        except _JsonDuplicate as e:
            raise UngueltigeEingabe([Feldproblem(str(e.key), "Dieser Schlüssel kommt doppelt vor.")], titel) from None
        except _JsonConstant as e:
            raise UngueltigeEingabe(
                [Feldproblem("", f"Kein gültiges JSON: „{e.name}“ ist keine Zahl im Sinne von JSON (RFC 8259).")],
                titel,
            ) from None
        except json.JSONDecodeError as e:
            raise UngueltigeEingabe(
                [Feldproblem("", f"Kein gültiges JSON (Zeile {e.lineno}, Spalte {e.colno}): {e.msg}.")], titel
            ) from None
        except ValueError:  # an integer of more than 4,300 digits (Python's int conversion limit)
            raise UngueltigeEingabe(
                [Feldproblem("", "Kein gültiges JSON: eine Zahl hat zu viele Stellen (höchstens 4.300).")], titel
            ) from None
    try:
        return load_strict(stripped)
    except DuplicateKeyError as e:
        raise UngueltigeEingabe([Feldproblem(str(e.key), f"Kommt doppelt vor (Zeile {e.line}).")], titel) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (Zeile {mark.line + 1}, Spalte {mark.column + 1})" if mark else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise UngueltigeEingabe([Feldproblem("", f"Kein gültiges YAML{where}: {problem}.")], titel) from None


class _JsonConstant(ValueError):
    def __init__(self, name: str) -> None:
        self.name = name


def _no_constant(name: str) -> Any:
    """``NaN``, ``Infinity`` and ``-Infinity`` are not JSON (Python's reader accepts them)."""
    raise _JsonConstant(name)


class _JsonDuplicate(ValueError):
    def __init__(self, key: str) -> None:
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _JsonDuplicate(key)
        result[key] = value
    return result


def fallakte_aus_dict(daten: Any) -> Fallakte:
    """Validate parsed data (a dict) as a Fallakte v1, including every cross-field check."""
    if not isinstance(daten, dict):
        raise UngueltigeEingabe(
            [Feldproblem("", "Die Fallakte muss ein Abschnitt mit Feldern sein (YAML/JSON-Objekt).")]
        )
    if daten.get("format") not in (None, "ikz-fallakte/1"):
        raise UngueltigeEingabe(
            [Feldproblem("format", f"Unbekanntes Format „{daten.get('format')}“; erwartet: ikz-fallakte/1.")]
        )
    try:
        fallakte = Fallakte.model_validate(daten)
    except ValidationError as e:
        raise UngueltigeEingabe(german_problems(e)) from None
    probleme = pruefe_verweise(fallakte)
    if probleme:
        raise UngueltigeEingabe(probleme)
    return fallakte


def parse_fallakte(text: str) -> Fallakte:
    """YAML or JSON text → validated Fallakte, or ``UngueltigeEingabe`` naming every field at fault."""
    return fallakte_aus_dict(parse_document(text))
