"""No snake_case key in the terminal reports of the six examples (``ikz assess``, ``ikz calculate``)."""

from __future__ import annotations

import pytest

from cli.main import main
from tests.conftest import EXAMPLES_DIR
from tests.feldschluessel import schluessel_in

BEISPIELE = sorted(p.stem for p in EXAMPLES_DIR.glob("*.yaml"))


@pytest.mark.parametrize("befehl", ["assess", "calculate"])
@pytest.mark.parametrize("name", BEISPIELE)
def test_the_reports_speak_german_not_keys(capsys, name, befehl):
    assert main([befehl, str(EXAMPLES_DIR / f"{name}.yaml")]) == 0
    text = capsys.readouterr().out
    assert "Leistung" in text
    assert schluessel_in(text) == []


def test_the_check_finds_a_key():
    assert schluessel_in("Angaben des Falls: gesetzlicher_vorbehalt_jpoer.") == ["gesetzlicher_vorbehalt_jpoer"]
    assert schluessel_in("Gemeinkosten · E 9b · § 2b Abs. 3 Nr. 2") == []
