"""The review's rules as plain functions, without a server (api/review/regeln.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from api.identity.rollen import Rolle
from api.review.regeln import (
    STANDARD_ROLLEN,
    Freigabe,
    Pruefungsfehler,
    Zustand,
    erforderliche_rollen,
    fehlende_freigaben,
    pruefe_aenderung,
    pruefe_ausfertigung,
    pruefe_einreichen,
    pruefe_freigabe,
    rollen_einstellung,
    wirksamer_zustand,
    zustand_nach_entscheidung,
)
from api.review.store import standard_frist

ALLE = (Rolle.STEUER, Rolle.RECHTSAMT, Rolle.LEITUNG)


def _f(rolle, entscheidung="erteilt", version=1, minute=0):
    return Freigabe(rolle, entscheidung, version, "nutzer:1 x", datetime(2026, 12, 5, 10, minute, tzinfo=UTC))


def test_the_default_approvers_are_the_tax_officer_the_legal_office_and_the_head():
    assert STANDARD_ROLLEN == ALLE and erforderliche_rollen(None) == ALLE and erforderliche_rollen("") == ALLE


@pytest.mark.parametrize("gespeichert", [Zustand.IN_PRUEFUNG, Zustand.FREIGEGEBEN])
def test_a_newer_version_voids_a_review_of_the_older_one(gespeichert):
    assert wirksamer_zustand(gespeichert, 3, 3) == gespeichert
    assert wirksamer_zustand(gespeichert, 3, 4) == Zustand.ENTWURF


def test_a_signed_case_stays_signed_and_refuses_any_change():
    assert wirksamer_zustand(Zustand.UNTERZEICHNET, 3, 3) == Zustand.UNTERZEICHNET
    with pytest.raises(Pruefungsfehler) as e:
        pruefe_aenderung(Zustand.UNTERZEICHNET)
    assert e.value.status == 409 and "Nachtrag" in e.value.detail
    pruefe_aenderung(Zustand.FREIGEGEBEN)


def test_approvals_of_another_version_do_not_count():
    freigaben = [_f(Rolle.STEUER, version=1), _f(Rolle.RECHTSAMT, version=2)]
    assert fehlende_freigaben(ALLE, freigaben, 2) == [Rolle.STEUER, Rolle.LEITUNG]


def test_the_latest_decision_of_a_role_counts():
    freigaben = [_f(Rolle.STEUER, "abgelehnt", minute=1), _f(Rolle.STEUER, "erteilt", minute=2)]
    assert fehlende_freigaben(ALLE, freigaben, 1) == [Rolle.RECHTSAMT, Rolle.LEITUNG]


def test_the_last_missing_approval_releases_the_case_and_a_refusal_returns_it_to_draft():
    zwei = [_f(Rolle.STEUER), _f(Rolle.RECHTSAMT)]
    assert zustand_nach_entscheidung(ALLE, zwei, 1) == Zustand.IN_PRUEFUNG
    assert zustand_nach_entscheidung(ALLE, [*zwei, _f(Rolle.LEITUNG)], 1) == Zustand.FREIGEGEBEN
    assert zustand_nach_entscheidung(ALLE, [*zwei, _f(Rolle.LEITUNG, "abgelehnt")], 1) == Zustand.ENTWURF


@pytest.mark.parametrize("offen, erlaubt", [(0, True), (1, False), (2, False)])
def test_an_approval_is_refused_while_any_comment_is_open(offen, erlaubt):
    def call():
        pruefe_freigabe(Zustand.IN_PRUEFUNG, Rolle.RECHTSAMT, [Rolle.RECHTSAMT], ALLE, offen, True)

    if erlaubt:
        call()
    else:
        with pytest.raises(Pruefungsfehler, match="offen") as e:
            call()
        assert e.value.name == "kommentare-offen"


@pytest.mark.parametrize(
    "zustand, rolle, eigene, erforderlich, eigentuemer, status",
    [
        (Zustand.ENTWURF, Rolle.RECHTSAMT, [Rolle.RECHTSAMT], ALLE, True, 409),
        (Zustand.FREIGEGEBEN, Rolle.RECHTSAMT, [Rolle.RECHTSAMT], ALLE, True, 409),
        (Zustand.IN_PRUEFUNG, Rolle.LEITUNG, [Rolle.RECHTSAMT], ALLE, True, 403),
        (Zustand.IN_PRUEFUNG, Rolle.STEUER, [Rolle.STEUER], (Rolle.RECHTSAMT,), True, 409),
        (Zustand.IN_PRUEFUNG, Rolle.RECHTSAMT, [Rolle.RECHTSAMT], ALLE, False, 403),
    ],
)
def test_an_approval_needs_the_state_the_role_a_required_role_and_the_owner(
    zustand, rolle, eigene, erforderlich, eigentuemer, status
):
    with pytest.raises(Pruefungsfehler) as e:
        pruefe_freigabe(zustand, rolle, eigene, erforderlich, 0, eigentuemer)
    assert e.value.status == status


def test_only_a_draft_is_submitted():
    pruefe_einreichen(Zustand.ENTWURF)
    for zustand in (Zustand.IN_PRUEFUNG, Zustand.FREIGEGEBEN, Zustand.UNTERZEICHNET):
        with pytest.raises(Pruefungsfehler):
            pruefe_einreichen(zustand)


def test_the_final_gate_names_the_missing_approvals():
    pruefe_ausfertigung(Zustand.FREIGEGEBEN, [])
    pruefe_ausfertigung(Zustand.UNTERZEICHNET, [])
    with pytest.raises(Pruefungsfehler) as e:
        pruefe_ausfertigung(Zustand.IN_PRUEFUNG, [Rolle.STEUER, Rolle.LEITUNG])
    assert e.value.status == 409 and e.value.fehlend == (Rolle.STEUER, Rolle.LEITUNG)
    assert "USt-Freigabe" in e.value.detail and "Amtsleitung" in e.value.detail


def test_the_approving_roles_are_checked_when_configured():
    assert rollen_einstellung(["Rechtsamt", "steuer", "rechtsamt"]) == "rechtsamt,steuer"
    with pytest.raises(ValueError, match="sachbearbeitung"):
        rollen_einstellung(["sachbearbeitung"])
    with pytest.raises(ValueError, match="Mindestens"):
        rollen_einstellung([])


@pytest.mark.parametrize(
    "beginne, frist",
    [
        (["2025-01-01"], date(2027, 1, 1)),
        (["2027-01-01"], date(2027, 1, 1)),
        (["2027-01-02"], date(2027, 1, 2)),
        (["2027-07-01", "2027-03-01"], date(2027, 3, 1)),
        ([None], date(2027, 1, 1)),
    ],
)
def test_the_default_deadline_is_1_january_2027_for_existing_cooperations_else_the_start(beginne, frist):
    leistungen = [{"laufzeit": {"beginn": b} if b else {}} for b in beginne]
    assert standard_frist({"leistungen": leistungen}) == frist
