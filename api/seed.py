"""On first start, load the shipped example cases into an empty database (``make run`` shows them),
owned by the demo organisation (api/identity/demo.py; only with ``IKZ_DEMO``).

Each example is parsed, assessed and calculated like any saved case, so its stored version
records the rule set it was assessed with. An example that does not load is reported in the log
with its German message and left out; the server still starts.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from advisor.beratung import berate
from advisor.errors import IkzFehler
from advisor.parsing import parse_fallakte
from api.cases import create_cases_if_empty, list_cases

log = logging.getLogger("ikz.seed")


def seed_examples(
    session_factory: sessionmaker[Session],
    examples_dir: Path,
    regelwerk: Any,
    satztabellen: Any,
    organisation_id: int | None = None,
) -> int:
    """Store every ``*.yaml`` of ``examples_dir`` as a case of ``organisation_id`` if there are no
    cases yet; returns how many."""
    with session_factory() as session:
        if list_cases(session, limit=1).total > 0:
            return 0
    entries = []
    for path in sorted(examples_dir.glob("*.yaml")):
        try:
            fallakte = parse_fallakte(path.read_text(encoding="utf-8"))
            entries.append((fallakte, berate(fallakte, regelwerk, satztabellen), f"Beispiel {path.name}"))
        except (IkzFehler, OSError) as e:
            log.warning("Beispiel %s nicht geladen: %s", path.name, e)
    with session_factory() as session:
        stored = create_cases_if_empty(session, entries, organisation_id)
    if stored:
        log.info("%d Beispielfälle gespeichert.", stored)
    return stored
