"""Vereinbarung: the agreement (or the Zweckverband's Verbandssatzung) — contract text only.

The assembly lives in ``contracts.assembly`` (clause library, variants, annexes); this module is
the document's entry in the registry of ``contracts.dokumente``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from contracts.assembly import assemble
from contracts.entwurf import Entwurf


def erstelle_vereinbarung(
    beratung: Any, *, final: bool = False, stand: date | None = None, regelwerk: Any = None
) -> Entwurf:
    """The agreement of a case; ``regelwerk`` is accepted for a uniform signature and not needed.

    Raises:
        UngueltigeEingabe: see ``contracts.assembly.assemble`` (Land, legal form, a party § 23 GkG
            NRW does not admit).
    """
    del regelwerk
    return assemble(beratung, final=final, stand=stand)
