"""German sentences for pydantic's validation errors, with the field path in the users' notation.

``leistungen[0].kosten.positionen[2].betrag: muss eine Zahl sein (angegeben: „zwölf“)``
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from advisor.errors import Feldproblem


def field_path(loc: Sequence[int | str]) -> str:
    """``("leistungen", 0, "kosten")`` → ``"leistungen[0].kosten"``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += ("." if path else "") + str(part)
    return path


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else str(value) if isinstance(value, Decimal | int | float) else repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _literal_choices(ctx: dict[str, Any]) -> str:
    expected = str(ctx.get("expected", ""))
    return expected.replace("'", "").replace(" or ", ", ")


def german_message(error: Mapping[str, Any]) -> str:
    """One pydantic error dict → one German sentence (without the path)."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    given = error.get("input")
    if kind == "missing":
        return "Pflichtangabe fehlt."
    if kind == "extra_forbidden":
        return "Unbekanntes Feld – bitte Schreibweise prüfen (erlaubt sind nur die Felder der Fallakte v1)."
    if kind == "literal_error":
        return f"Unzulässiger Wert „{_shown(given)}“; erlaubt: {_literal_choices(ctx)}."
    if kind in {"bool_type", "bool_parsing"}:
        return f"Muss ja oder nein sein (true/false), nicht „{_shown(given)}“."
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"Muss eine ganze Zahl sein, nicht „{_shown(given)}“."
    if kind in {"decimal_type", "decimal_parsing", "float_parsing", "float_type"}:
        return f"Muss eine Zahl sein (z. B. 1234.56), nicht „{_shown(given)}“."
    if kind == "finite_number":
        return "Muss eine endliche Zahl sein."
    if kind == "decimal_max_places":
        return f"Höchstens {ctx.get('decimal_places')} Nachkommastellen (Cent), nicht „{_shown(given)}“."
    if kind in {"decimal_max_digits", "decimal_whole_digits"}:
        return f"Die Zahl „{_shown(given)}“ hat zu viele Stellen."
    if kind == "greater_than_equal":
        limit = ctx.get("ge")
        return "Darf nicht negativ sein." if str(limit) == "0" else f"Muss mindestens {limit} sein."
    if kind == "greater_than":
        return "Muss größer als 0 sein." if str(ctx.get("gt")) == "0" else f"Muss größer als {ctx.get('gt')} sein."
    if kind == "less_than_equal":
        return f"Darf höchstens {ctx.get('le')} sein."
    if kind == "less_than":
        return f"Muss kleiner als {ctx.get('lt')} sein."
    if kind == "string_unicode":
        return "Enthält ungültige Zeichen (z. B. ein einzelnes UTF-16-Surrogat); bitte entfernen."
    if kind in {"string_type"}:
        return f"Muss ein Text sein, nicht „{_shown(given)}“."
    if kind == "string_too_short":
        return "Darf nicht leer sein."
    if kind == "string_too_long":
        return f"Ist zu lang (höchstens {ctx.get('max_length')} Zeichen)."
    if kind == "string_pattern_mismatch":
        return (
            f"„{_shown(given)}“ ist keine gültige Kennung: nur Buchstaben, Ziffern, „-“, „_“ und „.“, "
            "beginnend mit Buchstabe oder Ziffer."
        )
    if kind in {"list_type", "tuple_type"}:
        return "Muss eine Liste sein."
    if kind == "too_short":
        return f"Braucht mindestens {ctx.get('min_length')} Einträge."
    if kind == "too_long":
        return f"Höchstens {ctx.get('max_length')} Einträge erlaubt."
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return "Muss ein Abschnitt mit Feldern (Zuordnung) sein."
    if kind in {"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"}:
        return f"Muss ein Datum im Format JJJJ-MM-TT sein, nicht „{_shown(given)}“."
    if kind.startswith("date"):
        return f"Kein gültiges Datum: „{_shown(given)}“ (Format JJJJ-MM-TT)."
    if kind == "value_error":
        return str(ctx.get("error", error.get("msg", "Ungültiger Wert.")))
    # Our own PydanticCustomError messages are German already.
    return str(error.get("msg", "Ungültiger Wert."))


def german_problems(error: ValidationError, prefix: str = "") -> list[Feldproblem]:
    """Every error of a ValidationError as a ``Feldproblem`` with a German message."""
    problems = []
    for e in error.errors(include_url=False):
        loc = tuple(e["loc"])
        # Union members add their type name to the location; drop those for readability.
        loc = tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p in {"function-after"})))
        path = field_path(loc)
        if prefix:
            path = f"{prefix}.{path}" if path else prefix
        problems.append(Feldproblem(path, german_message(e)))
    # The same (path, message) can appear once per union branch.
    unique: dict[tuple[str, str], Feldproblem] = {}
    for p in problems:
        unique.setdefault((p.pfad, p.meldung), p)
    return list(unique.values())
