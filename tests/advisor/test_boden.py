"""The hand-written floor of the engine benchmark (benchmarks/floor.py) is a second, independent
reading of the rule set: on varied generated cases it must reach the same result and deciding rule
as the engine, so that the benchmark's ratio compares like with like."""

from __future__ import annotations

import rules_loader
from advisor.bewerten import sachverhalt_der_leistung
from advisor.entscheidung import entscheide
from advisor.parsing import fallakte_aus_dict
from benchmarks import floor
from benchmarks.engine import mit_neuen_fakten
from benchmarks.faelle import faelle


def test_the_floor_and_the_engine_agree_on_generated_cases():
    rw = rules_loader.load_rules()
    abweichend = []
    for daten in mit_neuen_fakten(faelle(800, seed=11), seed=12):
        sv = sachverhalt_der_leistung(fallakte_aus_dict(daten), 0, rw, None)
        e = entscheide(rw, sv)
        if (e.ergebnis, e.entscheidende_regel) != floor.entscheide(sv.fakten):
            abweichend.append((daten["bezeichnung"], e.ergebnis, floor.entscheide(sv.fakten)))
    assert abweichend == []
