"""Every page is ready for a strict Content-Security-Policy: no inline script, no on* attribute,
no style attribute, no javascript: URL — all JavaScript and CSS come from api/static."""

from __future__ import annotations

import re

import pytest

from tests.web.helpers import FORM, encoded, form_items

INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "on* attribute"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"<style", re.I), "<style> element"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


@pytest.fixture(scope="module")
def seiten(client, example_texts) -> dict[str, str]:
    items = form_items(example_texts["personalabrechnung-mandatierend"])
    ergebnis = client.post("/formular", content=encoded([*items, ("aktion", "pruefen")]), headers=FORM)
    gespeichert = client.post(
        "/formular", content=encoded([*items, ("aktion", "speichern")]), headers=FORM, follow_redirects=False
    )
    fall = gespeichert.headers["location"].split("?")[0]
    return {
        "start": client.get("/").text,
        "formular": client.get("/formular?beispiel=personalabrechnung-mandatierend").text,
        "fehler im formular": client.post("/formular", content=encoded([("aktion", "pruefen")]), headers=FORM).text,
        "ergebnis": ergebnis.text,
        "gespeicherter fall": client.get(fall).text,
        "versionen": client.get(fall + "/versionen").text,
        "fallliste": client.get("/faelle").text,
        "import": client.get("/import").text,
        "screening": client.get("/screening").text,
        "barrierefreiheit": client.get("/barrierefreiheit").text,
        "404": client.get("/gibtsnicht").text,
    }


def test_no_page_has_inline_script_style_or_handlers(seiten):
    for name, html in seiten.items():
        for muster, was in INLINE:
            assert not muster.search(html), f"{name}: {was}"
