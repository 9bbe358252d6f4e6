"""Rounding and allocation: shares add up to the cent, commercially rounded, monotonic."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.kosten.rundung import prozentsatz, runde, runde_summentreu, teile_gleichmaessig, verteile

cent_betraege = st.integers(min_value=0, max_value=10**13).map(lambda c: Decimal(c).scaleb(-2))
gewichte = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("1000000"), places=3).filter(lambda d: d > 0)


def test_rounding_is_commercial_half_up_not_bankers():
    assert runde(Decimal("0.125")) == Decimal("0.13")
    assert runde(Decimal("0.135")) == Decimal("0.14")
    assert runde(Decimal("18241.596")) == Decimal("18241.60")
    assert runde(Decimal("2.4949")) == Decimal("2.49")


def test_one_hundred_euros_in_three_equal_parts_gives_the_extra_cent_to_the_first():
    assert verteile(Decimal("100.00"), [Decimal(1)] * 3) == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]


def test_two_cents_among_three_equal_payers_go_to_the_first_two():
    assert verteile(Decimal("0.02"), [Decimal(1)] * 3) == [Decimal("0.01"), Decimal("0.01"), Decimal("0.00")]


def test_largest_remainder_beats_order_when_remainders_differ():
    # 10.00 by 1:1:1:3 → exact 1.666…, 1.666…, 1.666…, 5.00; one missing cent goes to payer 1
    assert verteile(Decimal("10.00"), [Decimal(1), Decimal(1), Decimal(1), Decimal(3)]) == [
        Decimal("1.67"),
        Decimal("1.67"),
        Decimal("1.66"),
        Decimal("5.00"),
    ]


def test_allocation_refuses_zero_or_negative_weights_instead_of_a_silent_zero():
    with pytest.raises(ValueError):
        verteile(Decimal("10.00"), [Decimal(1), Decimal(0)])
    with pytest.raises(ValueError):
        verteile(Decimal("10.00"), [Decimal(-1), Decimal(2)])
    with pytest.raises(ValueError):
        verteile(Decimal("10.00"), [])


def test_allocation_refuses_a_total_that_is_not_whole_cents():
    with pytest.raises(ValueError):
        verteile(Decimal("10.005"), [Decimal(1)])


@settings(max_examples=150, deadline=None)
@given(gesamt=cent_betraege, w=st.lists(gewichte, min_size=1, max_size=500))
def test_shares_add_up_to_the_total_to_the_cent_for_any_positive_weights(gesamt, w):
    anteile = verteile(gesamt, w)
    assert len(anteile) == len(w)
    assert sum(anteile) == gesamt
    assert all(a >= 0 and a == a.quantize(Decimal("0.01")) for a in anteile)


@settings(max_examples=150, deadline=None)
@given(gesamt=cent_betraege, w=st.lists(gewichte, min_size=1, max_size=60))
def test_each_share_is_within_one_cent_of_its_exact_value(gesamt, w):
    summe = sum(w)
    for a, wi in zip(verteile(gesamt, w), w, strict=True):
        assert abs(a - gesamt * wi / summe) < Decimal("0.01")


@settings(max_examples=150, deadline=None)
@given(gesamt=cent_betraege, w=st.lists(gewichte, min_size=2, max_size=60))
def test_a_larger_weight_never_gets_a_smaller_share(gesamt, w):
    anteile = verteile(gesamt, w)
    for i in range(len(w)):
        for j in range(len(w)):
            if w[i] > w[j]:
                assert anteile[i] >= anteile[j]
            if w[i] == w[j]:
                assert abs(anteile[i] - anteile[j]) <= Decimal("0.01")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.decimals(min_value=0, max_value=10**9, places=4), min_size=1, max_size=50))
def test_rounded_lines_add_up_to_the_rounded_exact_sum(betraege):
    gerundet = runde_summentreu(betraege)
    assert sum(gerundet) == runde(sum(betraege))
    for g, b in zip(gerundet, betraege, strict=True):
        assert abs(g - b) < Decimal("0.01")


@settings(max_examples=100, deadline=None)
@given(gesamt=cent_betraege, n=st.sampled_from([1, 2, 4, 12]))
def test_instalments_add_up_and_differ_by_at_most_one_cent(gesamt, n):
    raten = teile_gleichmaessig(gesamt, n)
    assert sum(raten) == gesamt
    assert max(raten) - min(raten) <= Decimal("0.01")
    assert raten == sorted(raten, reverse=True)


def test_percentage_of_zero_is_not_a_number_but_none():
    assert prozentsatz(Decimal(5), Decimal(0)) is None
    assert prozentsatz(Decimal(1), Decimal(3)) == Decimal("33.33")
    assert prozentsatz(Decimal(-2), Decimal(3)) == Decimal("-66.67")
