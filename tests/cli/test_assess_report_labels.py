"""The terminal report of ``ikz assess`` speaks the users' words: no rule ids, fact keys or result
keys — those belong to ``--json``."""

from __future__ import annotations

import pytest

from advisor.beratung import berate
from advisor.parsing import parse_fallakte
from cli.assess import report
from rules_loader import load_rate_tables, load_rules


@pytest.mark.parametrize(
    "name", ["personalabrechnung-mandatierend", "hochwasserschutz-offen", "standesamt-delegierend"]
)
def test_the_report_names_rules_facts_and_results_in_words(example_texts, name):
    rw = load_rules()
    fallakte = parse_fallakte(example_texts[name])
    text = report(berate(fallakte, rw, load_rate_tables()).bewertung, fallakte.bezeichnung, width=100)
    for r in rw.regeln:
        assert r.id not in text, r.id
    for key in (
        "nicht_steuerbar",
        "steuerpflichtig (Risiko",
        "gesetzlicher_vorbehalt_jpoer ",
        "[leistungen",
        "Entscheidende Regel:",
    ):
        assert key not in text
    if name == "personalabrechnung-mandatierend":
        assert "Entscheidend: Gesonderte Wettbewerbsprüfung trotz Abs. 3 Nr. 2" in text
        assert "→ danach steuerfrei (Risiko mittel)" in text  # § 4 Nr. 29 lever (issue 9: no delegation for payroll)
    if name == "standesamt-delegierend":
        assert "Aus dem Katalog: Gesetzlicher Vorbehalt für öffentliche Stellen" in text
