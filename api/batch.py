"""The work of the NDJSON bulk routes: one case file per line in, one result or problem per line out.

``ndjson_lines`` reads a spooled body line by line (a line longer than the limit is skipped
without being held); ``process_line`` turns one line into one output line — the result under
``bewertung``/``kalkulation``, or a ``problem`` (RFC 9457 fields, German, with the line number in
``detail`` and the field paths in ``errors``). It is the same function the in-process baseline of
``benchmarks/bulk.py`` calls, so the benchmark's ratio is the cost of HTTP and streaming alone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import IO, Any

from advisor.beratung import berate, umsatzsteuersatz
from advisor.bewertung import bewertung_als_dict
from advisor.errors import Auswertungsfehler, Feldproblem, UngueltigeEingabe
from advisor.fallakte import Fallakte
from advisor.kosten import calculate, kalkulation_als_dict
from advisor.parsing import fallakte_aus_dict, parse_document
from api.jsonout import canonical_json_bytes
from api.problems import PROBLEM_URN

log = logging.getLogger("ikz.api")
NDJSON = "application/x-ndjson"
NDJSON_MEDIA_TYPES = frozenset({NDJSON, "application/jsonl", "application/json-lines", "application/x-jsonlines"})
#: A line longer than the limit (``None`` in place of its bytes).
ZU_LANG = None


def ndjson_lines(datei: IO[bytes], max_line_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of every non-blank line; ``None`` for a line (with its line break) longer than
    ``max_line_bytes``, which is skipped without being held in memory."""
    nummer = 0
    while True:
        zeile = datei.readline(max_line_bytes + 1)
        if not zeile:
            return
        nummer += 1
        if len(zeile) > max_line_bytes:  # counted with its line break
            while zeile and not zeile.endswith(b"\n"):  # skip the rest of the line, 64 KB at a time
                zeile = datei.readline(65_536)
            yield nummer, ZU_LANG
            continue
        if zeile.strip():
            yield nummer, zeile


def _problem(nummer: int, status: int, name: str, titel: str, probleme: list[Feldproblem]) -> dict[str, Any]:
    saetze = " ".join(str(p) + ("" if str(p).endswith(".") else ".") for p in probleme)
    return {
        "type": PROBLEM_URN + name,
        "title": titel,
        "status": status,
        "detail": f"Zeile {nummer}: {saetze}",
        "errors": [{"pfad": p.pfad, "meldung": p.meldung} for p in probleme],
    }


Rechner = Callable[[Fallakte], tuple[str, dict[str, Any]]]


def assessment(regelwerk: Any, satztabellen: Any) -> Rechner:
    """Fallakte → ("bewertung", the Bewertung as JSON data)."""
    return lambda akte: ("bewertung", bewertung_als_dict(berate(akte, regelwerk, satztabellen).bewertung))


def calculation(regelwerk: Any, satztabellen: Any) -> Rechner:
    """Fallakte → ("kalkulation", the Kalkulation as JSON data)."""
    return lambda akte: (
        "kalkulation",
        kalkulation_als_dict(calculate(akte, satztabellen, umsatzsteuersatz(regelwerk, akte.stichtag))),
    )


def process_line(nummer: int, roh: bytes | None, rechne: Rechner, *, max_line_bytes: int, max_nodes: int) -> bytes:
    """One input line → one output line (canonical JSON and ``\\n``); never raises for bad input."""
    try:
        if roh is ZU_LANG:
            daten: dict[str, Any] = {
                "zeile": nummer,
                "problem": _problem(
                    nummer,
                    413,
                    "zeile-zu-lang",
                    "Zeile zu lang.",
                    [Feldproblem("", f"Die Zeile ist länger als {max_line_bytes:,} Bytes.".replace(",", "."))],
                ),
            }
        else:
            text = roh.decode("utf-8-sig").strip()
            if not text.startswith("{"):
                raise UngueltigeEingabe([Feldproblem("", "Jede Zeile muss eine Fallakte als JSON-Objekt sein.")])
            art, ergebnis = rechne(fallakte_aus_dict(parse_document(text, max_values=max_nodes)))
            daten = {"zeile": nummer, art: ergebnis}
    except UnicodeDecodeError:
        problem = _problem(
            nummer,
            422,
            "ungueltige-eingabe",
            "Die Fallakte ist ungültig.",
            [Feldproblem("", "Die Zeile ist kein UTF-8-Text.")],
        )
        daten = {"zeile": nummer, "problem": problem}
    except UngueltigeEingabe as e:
        daten = {"zeile": nummer, "problem": _problem(nummer, 422, "ungueltige-eingabe", e.titel, e.probleme)}
    except Auswertungsfehler as e:
        log.error("Auswertungsfehler in Zeile %d eines Stapels: %s", nummer, e)
        titel = "Der Fall kann mit dem Regelwerk nicht entschieden werden."
        daten = {
            "zeile": nummer,
            "problem": _problem(nummer, 422, "auswertung-nicht-moeglich", titel, [Feldproblem("", str(e))]),
        }
    except Exception:
        log.exception("Unerwarteter Fehler in Zeile %d eines Stapels", nummer)
        meldung = Feldproblem("", "Interner Fehler im IKZ-Berater. Bitte melden Sie den Fall mit dieser Zeile.")
        daten = {"zeile": nummer, "problem": _problem(nummer, 500, "interner-fehler", "Interner Fehler.", [meldung])}
    return canonical_json_bytes(daten) + b"\n"
