"""The package's public functions stay functions, whatever submodules were imported before."""

from __future__ import annotations

import importlib


def test_render_functions_are_not_shadowed_by_renderer_modules() -> None:
    importlib.import_module("contracts.pdf_renderer")
    importlib.import_module("contracts.docx_renderer")
    contracts = importlib.import_module("contracts")
    assert callable(contracts.render_pdf)
    assert callable(contracts.render_docx)
    assert callable(contracts.assemble)
