"""Filling the rule set's German text templates: ``{fakt}`` and ``{parameter}`` placeholders.

Templates are split once into literal parts and placeholder names, and rendered values are
memoised by (value, unit): a batch of thousands of cases formats each distinct value once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from advisor import deutsch
from advisor.bezeichnungen import FAKT_AUSWAHL
from advisor.sachverhalt import EINHEITEN

#: Facts whose values are keys of the case file's choices: shown in the users' words.
_BEZEICHNUNGEN: dict[str, dict[str, str]] = FAKT_AUSWAHL

#: The title of an assessment by the law it applies (``Regelwerksstand.regime``).
_TITEL = {
    "ustg_2b": "Bewertung nach § 2b UStG",
    "altes_recht": "Bewertung nach altem Recht (§ 2 Abs. 3 UStG a. F. mit § 4 KStG)",
    "gemischt": "Bewertung nach § 2b UStG und nach altem Recht (§ 2 Abs. 3 UStG a. F.)",
    "offen": "Bewertung nach § 2b UStG oder altem Recht (offen, ob die Option nach § 27 Abs. 22 UStG gilt)",
}


def bewertungstitel(regime: str) -> str:
    """The German title of an assessment: which law it applies. An old-law assessment is never
    titled "§ 2b UStG"; one whose regime is still open says so."""
    return _TITEL[regime]


_LAUFZEITENDE = frozenset({"laufzeit_ende", "laufzeit_letzter_tag"})
_PLATZHALTER = re.compile(r"\{([a-z0-9_]+)\}")


@functools.lru_cache(maxsize=2048)
def _teile(vorlage: str) -> tuple[tuple[bool, str], ...]:
    """(is_placeholder, text) parts of a template."""
    teile: list[tuple[bool, str]] = []
    pos = 0
    for m in _PLATZHALTER.finditer(vorlage):
        if m.start() > pos:
            teile.append((False, vorlage[pos : m.start()]))
        teile.append((True, m.group(1)))
        pos = m.end()
    if pos < len(vorlage):
        teile.append((False, vorlage[pos:]))
    return tuple(teile)


@functools.lru_cache(maxsize=8192)
def _gerendert(typname: str, wert: Any, einheit: str | None) -> str:
    """The German rendering of a value; ``typname`` keeps True, 1 and Decimal("1") apart in the cache."""
    return deutsch.wert(wert, einheit)


def fuelle(
    vorlage: str,
    fakten: Mapping[str, Any],
    parameter: Mapping[str, Any],
    einheiten: Mapping[str, str] | None = None,
) -> str:
    """Replace each placeholder by the German rendering of the fact or parameter value."""
    teile = _teile(vorlage)
    if len(teile) == 1 and not teile[0][0]:
        return vorlage
    out = []
    for ist_platzhalter, text in teile:
        if not ist_platzhalter:
            out.append(text)
        elif text in _LAUFZEITENDE and fakten.get(text) is None and fakten.get("laufzeit_unbefristet"):
            out.append("keines (unbefristet)")
        elif text in fakten:
            wert = fakten[text]
            if text in _BEZEICHNUNGEN and wert is not None:
                out.append(_BEZEICHNUNGEN[text].get(wert, wert))
            else:
                out.append(_gerendert(type(wert).__name__, wert, EINHEITEN.get(text)))
        elif text in parameter:
            wert = parameter[text]
            out.append(_gerendert(type(wert).__name__, wert, (einheiten or {}).get(text)))
        else:
            out.append("{" + text + "}")
    return "".join(out)
