"""The rate limit counts a sliding window: a client cannot double its limit across a window's edge."""

from __future__ import annotations

import pytest

from api.identity import rate_limit


@pytest.fixture
def factory(app):
    return app.state.session_factory


def _at(monkeypatch, t: float) -> None:
    monkeypatch.setattr(rate_limit.time, "time", lambda: t)


def test_the_limit_holds_across_the_edge_of_a_window(factory, monkeypatch):
    start = 1_800_000_000.0 - 60 * 100  # a window start (multiple of 60)
    _at(monkeypatch, start + 58)
    assert [rate_limit.hit(factory, "teuer x", 2, 60).allowed for _ in range(2)] == [True, True]
    _at(monkeypatch, start + 61)  # the next window: the last minute already holds two requests
    refused = rate_limit.hit(factory, "teuer x", 2, 60)
    assert not refused.allowed and 1 <= refused.retry_after_s <= 60


def test_the_previous_window_weighs_less_as_time_passes(factory, monkeypatch):
    start = 1_800_000_000.0 - 60 * 200
    _at(monkeypatch, start + 1)
    assert [rate_limit.hit(factory, "teuer y", 2, 60).allowed for _ in range(2)] == [True, True]
    _at(monkeypatch, start + 60 + 45)  # 3/4 of the way through: the old two weigh 0.5
    assert rate_limit.hit(factory, "teuer y", 2, 60).allowed  # 1 + 0.5
    assert not rate_limit.hit(factory, "teuer y", 2, 60).allowed  # 2 + 0.5


def test_buckets_are_counted_apart(factory, monkeypatch):
    _at(monkeypatch, 1_800_000_000.0)
    assert rate_limit.hit(factory, "teuer a", 1, 60).allowed
    assert rate_limit.hit(factory, "teuer b", 1, 60).allowed
    assert not rate_limit.hit(factory, "teuer a", 1, 60).allowed
