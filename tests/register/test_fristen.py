"""Deadlines (advisor/fristen.py) at their boundaries: notice on a weekend or at month end, a leap
year, a term ending mid-year, the 01.01.2027 change of law, a pending binding ruling."""

from __future__ import annotations

from datetime import date

import pytest

from advisor.fallakte import Laufzeit
from advisor.fristen import (
    fristen,
    letzter_kuendigungstag,
    naechste_frist,
    naechste_kuendigung,
    werktag_davor,
)
from advisor.parsing import fallakte_aus_dict
from tests.kosten.conftest import fall_daten


def _lz(beginn="2027-01-01", ende=None, monate=12) -> Laufzeit:
    return Laufzeit(
        beginn=date.fromisoformat(beginn),
        ende=date.fromisoformat(ende) if ende else None,
        kuendigungsfrist_monate=monate,
    )


@pytest.mark.parametrize(
    ("ende_exklusiv", "monate", "letzter_tag"),
    [
        (date(2029, 1, 1), 12, date(2027, 12, 31)),  # 12 months to 31.12.2028
        (date(2028, 7, 1), 4, date(2028, 2, 29)),  # leap year: the end of February is the 29th
        (date(2027, 7, 1), 4, date(2027, 2, 28)),  # the common year before
        (date(2028, 1, 1), 6, date(2027, 6, 30)),  # month end
        (date(2028, 1, 1), 0, date(2027, 12, 31)),  # no period: by the last day itself
    ],
)
def test_the_last_day_to_give_notice_counts_months_back_from_the_end(ende_exklusiv, monate, letzter_tag):
    assert letzter_kuendigungstag(ende_exklusiv, monate) == letzter_tag


def test_a_notice_deadline_on_a_weekend_stays_there_and_names_the_friday_before():
    # 12 months to 31.12.2027 → 31.12.2026, a Thursday: no shift
    assert werktag_davor(date(2026, 12, 31)) is None
    assert werktag_davor(date(2022, 12, 31)) == date(2022, 12, 30)  # Saturday → Friday
    assert werktag_davor(date(2023, 12, 31)) == date(2023, 12, 29)  # Sunday → Friday
    daten = fall_daten()
    daten["stichtag"] = "2021-01-01"
    daten["leistungen"][0]["laufzeit"] = {"beginn": "2021-01-01", "kuendigungsfrist_monate": 12}
    liste = fristen(fallakte_aus_dict(daten), {}, date(2022, 6, 1))
    (k,) = [f for f in liste if f.art == "kuendigung"]
    assert (k.datum, k.zugang_bis) == (date(2022, 12, 31), date(2022, 12, 30))
    assert "§ 193 BGB gilt für Kündigungsfristen nicht" in (k.hinweis or "")


def test_the_next_notice_rolls_to_the_next_year_the_day_after_the_deadline():
    lz = _lz(monate=12)
    assert naechste_kuendigung(lz, date(2027, 12, 31)) == (date(2027, 12, 31), date(2028, 12, 31))
    assert naechste_kuendigung(lz, date(2028, 1, 1)) == (date(2028, 12, 31), date(2029, 12, 31))


def test_a_fixed_term_ending_mid_year_has_its_end_and_no_notice_after_it():
    lz = _lz(ende="2028-07-01", monate=3)
    # year end 2027 is reachable (notice by 30.09.2027); year end 2028 lies after the term's end
    assert naechste_kuendigung(lz, date(2027, 9, 30)) == (date(2027, 9, 30), date(2027, 12, 31))
    assert naechste_kuendigung(lz, date(2027, 10, 1)) is None
    daten = fall_daten()
    daten["leistungen"][0]["laufzeit"] = {"beginn": "2027-01-01", "ende": "2028-07-01", "kuendigungsfrist_monate": 3}
    liste = fristen(fallakte_aus_dict(daten), {}, date(2027, 10, 1))
    assert [f.datum for f in liste if f.art == "laufzeitende"] == [date(2028, 6, 30)]
    # quarterly advances: none in a period after the term
    abschlaege = [f.datum for f in liste if f.art == "abschlag"]
    assert abschlaege[-1] == date(2028, 6, 30)


def test_an_old_law_assessment_has_the_change_of_law_as_deadline_and_it_stays_open_when_overdue():
    daten = fall_daten()
    liste = fristen(fallakte_aus_dict(daten), {"dienst": "altes_recht"}, date(2027, 2, 1))
    (r,) = [f for f in liste if f.art == "rechtswechsel"]
    assert r.datum == date(2026, 12, 31) and r.ueberfaellig(date(2027, 2, 1))
    assert naechste_frist(liste, date(2027, 2, 1)) == r
    assert not [
        f
        for f in fristen(fallakte_aus_dict(daten), {"dienst": "ustg_2b"}, date(2027, 2, 1))
        if f.art == "rechtswechsel"
    ]


def test_a_pending_binding_ruling_has_a_reminder_until_it_is_given():
    f = fallakte_aus_dict(fall_daten())
    (a,) = [x for x in fristen(f, {}, date(2027, 1, 1), auskunft_beantragt=date(2026, 11, 30)) if x.art == "auskunft"]
    assert a.datum == date(2027, 2, 28)  # three months after 30.11., the end of February
    assert not [
        x for x in fristen(f, {}, date(2027, 1, 1), date(2026, 11, 30), date(2027, 1, 2)) if x.art == "auskunft"
    ]
