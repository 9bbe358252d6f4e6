"""Roles and rights as plain data: what each role may do, what a share allows (no server)."""

from __future__ import annotations

import pytest

from api.identity.rollen import RECHTE_JE_FREIGABE, Recht, Rolle, darf, rechte, rolle_aus_text, rollen_aus_gespeichert


def test_only_sachbearbeitung_changes_cases():
    assert [r for r in Rolle if darf([r], Recht.FALL_AENDERN)] == [Rolle.SACHBEARBEITUNG]


def test_only_the_tax_officer_issues_the_vat_sign_off():
    assert [r for r in Rolle if darf([r], Recht.UST_FREIGEBEN)] == [Rolle.STEUER]


def test_leitung_and_admin_see_the_audit_trail_and_nobody_else():
    assert {r for r in Rolle if darf([r], Recht.AUDIT_LESEN)} == {Rolle.LEITUNG, Rolle.ADMIN}


def test_admin_manages_keys_but_reads_no_case_by_that_role_alone():
    assert darf([Rolle.ADMIN], Recht.SCHLUESSEL_VERWALTEN) and not darf([Rolle.ADMIN], Recht.FALL_LESEN)
    assert darf([Rolle.ADMIN, Rolle.LESER], Recht.FALL_LESEN)


def test_every_role_but_admin_reads_and_exports():
    for rolle in Rolle:
        assert darf([rolle], Recht.FALL_LESEN) == (rolle is not Rolle.ADMIN)
        assert darf([rolle], Recht.DOKUMENT_EXPORTIEREN) == (rolle is not Rolle.ADMIN)


def test_a_share_never_allows_changing_or_resharing():
    for art, erlaubt in RECHTE_JE_FREIGABE.items():
        assert Recht.FALL_AENDERN not in erlaubt and Recht.FALL_TEILEN not in erlaubt, art
    assert Recht.FALL_PRUEFEN in RECHTE_JE_FREIGABE["pruefen"] and Recht.FALL_PRUEFEN not in RECHTE_JE_FREIGABE["lesen"]


def test_roles_combine():
    assert rechte([Rolle.LESER, Rolle.STEUER]) == rechte([Rolle.STEUER])


def test_role_names_are_read_case_insensitively_and_unknown_ones_named():
    assert rolle_aus_text(" Leitung ") is Rolle.LEITUNG
    with pytest.raises(ValueError, match="Unbekannte Rolle „chef“"):
        rolle_aus_text("chef")
    assert rollen_aus_gespeichert("leitung,unbekannt,steuer") == (Rolle.LEITUNG, Rolle.STEUER)
