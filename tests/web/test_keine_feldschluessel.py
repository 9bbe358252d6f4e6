"""No snake_case key in the text of the result page ("pruefen" redirects to it) and the form of the six examples (tags,
attributes and scripts left out: what a person reads)."""

from __future__ import annotations

import html
import re

import pytest

from tests.conftest import EXAMPLES_DIR
from tests.feldschluessel import schluessel_in
from tests.web.helpers import FORM, encoded, form_items

BEISPIELE = sorted(p.stem for p in EXAMPLES_DIR.glob("*.yaml"))


def _lesbar(seite: str) -> str:
    ohne_skripte = re.sub(r"<script.*?</script>|<style.*?</style>", "", seite, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", ohne_skripte))


@pytest.mark.parametrize("aktion", ["pruefen", "aktualisieren"])
@pytest.mark.parametrize("name", BEISPIELE)
def test_the_pages_speak_german_not_keys(client, example_texts, name, aktion):
    antwort = client.post(
        "/formular", content=encoded([*form_items(example_texts[name]), ("aktion", aktion)]), headers=FORM
    )
    assert antwort.status_code == 200
    if aktion == "pruefen":  # the result page itself (after the redirect), not the form again
        assert "/ergebnis/" in str(antwort.url)
    assert schluessel_in(_lesbar(antwort.text)) == []
