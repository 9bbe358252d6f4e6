"""The check shared by the tests that scan German output for keys: no snake_case word (a fact key,
a field key, a result key such as ``nicht_steuerbar``) may appear in text a person reads."""

from __future__ import annotations

import re

#: A word with an underscore between lower-case letters or digits: a key, not German.
SNAKE_CASE = re.compile(r"\b[a-zäöüß0-9]+_[a-zäöüß0-9_]+\b")


def schluessel_in(text: str) -> list[str]:
    """The snake_case words of ``text`` (empty when it speaks German only)."""
    return sorted(set(SNAKE_CASE.findall(text)))
