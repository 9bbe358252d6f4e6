"""Filling the rule set's German text templates: ``{fakt}`` and ``{parameter}`` placeholders."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from advisor import deutsch
from advisor.sachverhalt import EINHEITEN

_PLATZHALTER = re.compile(r"\{([a-z0-9_]+)\}")


def fuelle(vorlage: str, fakten: Mapping[str, Any], parameter: Mapping[str, Any], einheiten: Mapping[str, str] | None = None) -> str:
    """Replace each placeholder by the German rendering of the fact or parameter value."""
    parameter_einheiten = einheiten or {}

    def ersetze(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in fakten:
            return deutsch.wert(fakten[name], EINHEITEN.get(name))
        if name in parameter:
            return deutsch.wert(parameter[name], parameter_einheiten.get(name))
        return m.group(0)

    return _PLATZHALTER.sub(ersetze, vorlage)
