"""The documents of a case: clause library (data), pure assembly, PDF and DOCX rendering.

Public interface:

- ``assemble(beratung, *, final=False, stand=None) -> Entwurf`` — pure: the agreement's ordered
  clauses with the case's values filled in, annexes, signature blocks and the list of placeholders;
- ``render_pdf(beratung, *, final=False, stand=None) -> bytes`` — the agreement, reportlab;
- ``render_docx(beratung, *, final=False, stand=None) -> bytes`` — the agreement, python-docx;
- ``contracts.dokumente``: all four documents (vereinbarung, pruefvermerk, auskunft,
  beschlussvorlage) through one registry.

``beratung`` is the result of ``advisor.beratung.berate`` (``fallakte``, ``bewertung``,
``kalkulation``). "Stand" is the day of generation unless given; the same input and Stand give the
same bytes. A final document is marked "ungeprüft" (``contracts.dokumente.ungeprueft_wenn_final``).
The renderers are imported lazily so that the assembly needs neither reportlab nor
python-docx.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from contracts.assembly import assemble
from contracts.entwurf import Entwurf

__all__ = ["Entwurf", "assemble", "render_docx", "render_pdf"]


def render_pdf(beratung: Any, *, final: bool = False, stand: date | None = None) -> bytes:
    """The agreement (or, with ``final``, the Ausfertigung) as PDF bytes; same input and Stand → same bytes."""
    from contracts.dokumente import ungeprueft_wenn_final
    from contracts.pdf_renderer import render_entwurf_pdf

    return render_entwurf_pdf(ungeprueft_wenn_final(assemble(beratung, final=final, stand=stand)))  # type: ignore[arg-type]


def render_docx(beratung: Any, *, final: bool = False, stand: date | None = None) -> bytes:
    """The same clauses as an editable Word document (DOCX bytes); same input and Stand → same bytes."""
    from contracts.docx_renderer import render_entwurf_docx
    from contracts.dokumente import ungeprueft_wenn_final

    return render_entwurf_docx(ungeprueft_wenn_final(assemble(beratung, final=final, stand=stand)))  # type: ignore[arg-type]
