"""Rules named as a tax lawyer names them: the German features say „§ 2b Abs. 3 Nr. 1 UStG“ or the
rule's title („Innenumsatz innerhalb einer juristischen Person“), never a machine id such as
``ustg_2b_abs3_nr1``. The steps resolve such a name to the rule id here.

A name is a rule's norm (when no other rule shares it) or its title. A name that fits no rule, or a
norm that several rules share, is a test error that lists the candidates — so a scenario cannot
silently check the wrong rule.
"""

from __future__ import annotations

import difflib
import functools
import re

import rules_loader

#: The German words of the criteria's statuses in the features → the Bewertung's values.
STATUS: dict[str, str] = {
    "erfüllt": "erfuellt",
    "nicht erfüllt": "nicht_erfuellt",
    "offen": "offen",
    "nicht anwendbar": "nicht_anwendbar",
}


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@functools.cache
def _verzeichnis() -> tuple[dict[str, set[str]], dict[str, tuple[str, str]]]:
    """({name: rule ids}, {rule id: (norm, title)}) of the shipped rule set (each id once)."""
    namen: dict[str, set[str]] = {}
    regeln: dict[str, tuple[str, str]] = {}
    for r in rules_loader.load_rules().regeln:
        regeln[r.id] = (r.norm, r.titel)
        for name in (r.norm, r.titel):
            namen.setdefault(_normal(name), set()).add(r.id)
    return namen, regeln


def regel_id(name: str) -> str:
    """The id of the rule called ``name`` (its norm or its title).

    Raises AssertionError naming the candidates when ``name`` fits no rule or several.
    """
    namen, regeln = _verzeichnis()
    treffer = namen.get(_normal(name), set())
    if len(treffer) == 1:
        return next(iter(treffer))
    if treffer:
        kandidaten = "; ".join(f"„{regeln[i][1]}“ ({regeln[i][0]})" for i in sorted(treffer))
        raise AssertionError(f"„{name}“ ist mehrdeutig – bitte den Titel nennen: {kandidaten}")
    aehnlich = difflib.get_close_matches(_normal(name), list(namen), n=6, cutoff=0.4)
    raise AssertionError(
        f"Keine Regel heißt „{name}“. Ähnlich: " + "; ".join(f"„{n}“" for n in aehnlich)
        if aehnlich
        else f"Keine Regel heißt „{name}“. Bekannt: " + "; ".join(f"„{n}“" for n in sorted(namen))
    )


def name_der_regel(regel: str) -> str:
    """The name the features use for rule ``regel``: its norm where unique, else its title."""
    namen, regeln = _verzeichnis()
    norm, titel = regeln[regel]
    return norm if len(namen[_normal(norm)]) == 1 else titel


def status(wort: str) -> str:
    """The Bewertung's status for the German word of a feature („nicht erfüllt“ → nicht_erfuellt)."""
    assert wort in STATUS, f"unbekannter Status „{wort}“; bekannt: {', '.join(STATUS)}"
    return STATUS[wort]
