"""The calculation's warnings appear on the web result page of each example, in the box „Warnungen
der Kalkulation – bitte prüfen“ (the documents' side: tests/contracts/test_warnungen_der_kalkulation.py)."""

from __future__ import annotations

import html
import re

import pytest

from tests.contracts.test_warnungen_der_kalkulation import warnungen_von
from tests.web.helpers import FORM, encoded, form_items
from tests.web.test_keine_feldschluessel import BEISPIELE


def _ohne_leerraum(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u00a0", " "))


@pytest.mark.parametrize("name", BEISPIELE)
def test_every_warning_is_on_the_result_page(client, example_texts, name):
    antwort = client.post(
        "/formular", content=encoded([*form_items(example_texts[name]), ("aktion", "pruefen")]), headers=FORM
    )
    assert antwort.status_code == 200 and "/ergebnis/" in str(antwort.url)
    kaesten = re.findall(r'<div class="warnkasten">(.*?)</div>', antwort.text, flags=re.S)
    text = _ohne_leerraum(html.unescape(re.sub(r"<[^>]+>", " ", " ".join(kaesten))))
    warnungen = warnungen_von(name)
    assert warnungen
    for warnung in warnungen:
        assert _ohne_leerraum(warnung) in text, warnung
