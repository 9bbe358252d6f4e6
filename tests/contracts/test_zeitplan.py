"""The timeline to approval and publication: the last day for the application, either side of it;
the six months of a binding ruling; the end of the transition period."""

from __future__ import annotations

from datetime import date

import pytest

from contracts.dokumente.zeitplan import plus_monate, zeitplan

NORMEN = {k: k for k in ("schriftform", "genehmigung", "bekanntmachung", "wirksamkeit", "zv_aenderung", "auskunft")}
NORMEN["uebergang"] = "§ 27 Abs. 22a UStG"


def _plan(stand: date, **kw):
    args = {"beginn": date(2027, 1, 1), "verfahren": "oerv", "auskunft": False, "pflicht_ab": date(2027, 1, 1)}
    return zeitplan(stand=stand, normen=NORMEN, **(args | kw))


@pytest.mark.parametrize(("stand", "rechtzeitig"), [(date(2026, 12, 2), True), (date(2026, 12, 3), False)])
def test_the_start_is_reached_if_the_application_arrives_four_weeks_and_two_days_before(stand, rechtzeitig):
    plan = _plan(stand)
    assert plan.rechtzeitig is rechtzeitig
    antrag = next(s for s in plan.schritte if s.schritt.startswith("Antrag auf Genehmigung"))
    assert antrag.termin.startswith("spätestens 02.12.2026")
    assert ("nur erreichbar" in " ".join(plan.fazit)) is not rechtzeitig


def test_a_ruling_as_condition_is_six_months_away_and_can_push_the_start_back():
    plan = _plan(date(2026, 6, 1), auskunft=True)
    assert any("Entscheidung bis 01.12.2026" in s.termin for s in plan.schritte)
    assert plan.rechtzeitig
    spaet = _plan(date(2026, 7, 2), auskunft=True)
    assert not spaet.rechtzeitig and any("nach dem geplanten Beginn" in f for f in spaet.fazit)


def test_a_zweckverband_notifies_its_statute_change_instead_of_asking_for_approval():
    plan = _plan(date(2026, 12, 5), verfahren="zweckverband")
    assert any("Anzeige" in s.schritt for s in plan.schritte)
    assert not any("Genehmigung" in s.schritt for s in plan.schritte)


def test_the_end_of_the_transition_period_is_named_when_the_start_is_on_or_after_it():
    assert any("§ 27 Abs. 22a UStG" in f for f in _plan(date(2026, 10, 1)).fazit)
    assert not any("§ 27" in f for f in _plan(date(2026, 10, 1), pflicht_ab=date(2027, 1, 2)).fazit)


@pytest.mark.parametrize(
    ("tag", "monate", "erwartet"),
    [
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 12, 5), 6, date(2027, 6, 5)),
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
    ],
)
def test_adding_months_keeps_the_day_or_takes_the_last_of_a_shorter_month(tag, monate, erwartet):
    assert plus_monate(tag, monate) == erwartet
