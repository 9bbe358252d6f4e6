"""IKZ-Berater domain core: pure (no I/O, no web, no PDF).

Entry points: ``parse_fallakte`` (text → Fallakte), ``assess`` (Fallakte → Bewertung),
``calculate`` (Fallakte → Kalkulation).
"""
