"""Free text that every document can carry: the one check applied to each text field of the case.

A text of the case file ends up in a PDF, a DOCX (XML 1.0), an HTML page and a spreadsheet. XML
1.0 cannot hold most control characters, and bidirectional-override characters can make a
document show something other than what it says (the "Trojan Source" trick). So a text is
refused with a German message naming the character and its position when it contains

- a control character: U+0000–U+001F except tab, line feed and carriage return; U+007F–U+009F;
- a bidi embedding, override or isolate: U+202A–U+202E, U+2066–U+2069;
- a lone surrogate (U+D800–U+DFFF, possible in JSON escapes) or the non-characters U+FFFE/U+FFFF.

Used as an ``AfterValidator`` on ``Kurztext`` and ``Langtext`` (advisor/fallakte.py), so every
field declared with those types — including fields added later — is checked.
"""

from __future__ import annotations

import re

from pydantic_core import PydanticCustomError

_VERBOTEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: The same rule as a JSON-schema pattern (ECMA-262 and Python ``re`` read it alike), for the OpenAPI
#: document: a client generator or a fuzzer then knows which texts are accepted.
FREITEXT_MUSTER = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]*$"


def verbotenes_zeichen(text: str) -> tuple[int, str] | None:
    """The position (1-based) and the first character a document cannot safely carry, or ``None``."""
    m = _VERBOTEN.search(text)
    return None if m is None else (m.start() + 1, m.group())


def pruefe_freitext(text: str) -> str:
    """``text`` unchanged, or ``PydanticCustomError`` with a German sentence naming the character."""
    fund = verbotenes_zeichen(text)
    if fund is None:
        return text
    stelle, zeichen = fund
    code = f"U+{ord(zeichen):04X}"
    if _BIDI.fullmatch(zeichen):
        raise PydanticCustomError(
            "steuerzeichen",
            "Enthält das Steuerzeichen für die Schreibrichtung {code} an Stelle {stelle}; es kann den angezeigten "
            "Text verfälschen und ist nicht erlaubt. Bitte entfernen.",
            {"code": code, "stelle": stelle},
        )
    raise PydanticCustomError(
        "steuerzeichen",
        "Enthält das Steuerzeichen {code} an Stelle {stelle}; Steuerzeichen (außer Tabulator und Zeilenumbruch) "
        "sind in Texten nicht erlaubt. Bitte entfernen.",
        {"code": code, "stelle": stelle},
    )
