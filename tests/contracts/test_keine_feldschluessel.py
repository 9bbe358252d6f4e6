"""No snake_case key in the four documents of the six examples (PDF text as a reader sees it)."""

from __future__ import annotations

import pytest

from tests.contracts.conftest import ARTEN, EXAMPLE_NAMES, flach
from tests.feldschluessel import schluessel_in


@pytest.mark.parametrize("art", ARTEN)
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_documents_speak_german_not_keys(dokumente, name, art):
    gerendert = dokumente[(name, art)]
    if isinstance(gerendert, Exception):
        text = str(gerendert)
    else:
        text = flach(gerendert.texte)
    assert schluessel_in(text) == []
