"""What the fork server of api/worker_pool.py loads once, so that every worker forked from it
starts warm: the job functions' modules and the renderers' per-process set-up (the PDF fonts and
paragraph styles). Imported only by the fork server (``VORAB_GELADEN``); importing it elsewhere
just does the same set-up early.
"""

from __future__ import annotations

import api.worker_pool  # noqa: F401 – the workers' initializer; else each worker imports FastAPI
import contracts.docx_renderer
import contracts.docx_schriftstueck
import contracts.dokumente
import contracts.pdf_renderer
import contracts.pdf_schriftstueck  # noqa: F401
import screening.auftrag
import screening.export
import screening.json_export  # noqa: F401
from contracts.pdf_basis import register_fonts, styles

register_fonts()
styles()
