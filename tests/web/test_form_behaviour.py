"""The form as a clerk fills it in: the empty form asks only for what is required, a missing
recipient is reported at the recipients, a delegating agreement implies "befreiend", a mandating
one with "befreiend = ja" is warned at both fields, and the shipped examples do not warn about
their own figures."""

from __future__ import annotations

import re

import pytest

from tests.web.helpers import FORM, browser_items, encoded, form_items, replace

PERSONAL = "personalabrechnung-mandatierend"
B = "leistungen[0].aufgabenuebertragung_befreiend"


def post(client, items, aktion):
    return client.post("/formular", content=encoded([*items, ("aktion", aktion)]), headers=FORM)


def zusammenfassung(html: str) -> list[str]:
    block = html.split('id="formular-fehler"')[1].split("</div>")[0]
    return [re.sub(r"<[^>]+>", "", li).strip() for li in re.findall(r"<li>(.*?)</li>", block, re.S)]


def live(client, items):
    return client.post("/formular/live", content=encoded(items), headers=FORM).json()


def test_the_empty_form_demands_neither_the_optional_kennung_nor_the_unused_cost_row(client):
    leer = browser_items(client.get("/formular").text)
    r = post(client, leer, "pruefen")
    assert r.status_code == 422
    meldungen = zusammenfassung(r.text)
    assert "Beteiligter 1 › Name: Pflichtangabe fehlt." in meldungen
    assert not [m for m in meldungen if "Kennung" in m], meldungen
    assert not [m for m in meldungen if "Position" in m or "Kosten" in m], meldungen


def test_the_error_summary_names_fields_in_the_forms_words_with_the_rows_name(client, example_texts):
    items = replace(form_items(example_texts[PERSONAL]), "leistungen[0].kosten.positionen[0].vzae", "zwei")
    meldungen = zusammenfassung(post(client, items, "pruefen").text)
    erwartet = (
        "Leistung 1 (Entgelt- und Besoldungsabrechnung) › Position 1 (Sachbearbeitung Entgelt und Besoldung) › VZÄ:"
    )
    assert any(m.startswith(erwartet) for m in meldungen), meldungen
    assert not [m for m in meldungen if "kosten ›" in m or "vzae" in m]


def test_a_filled_cost_row_after_an_empty_one_keeps_its_messages_at_its_own_fields(client, example_texts):
    items = form_items(example_texts[PERSONAL])
    geschoben = [(k.replace("positionen[0]", "positionen[1]"), v) for k, v in items]
    geschoben = [*geschoben, ("leistungen[0].kosten.positionen[0].bezeichnung", "")]
    geschoben = replace(geschoben, "leistungen[0].kosten.positionen[1].vzae", "zwei")
    html = post(client, geschoben, "pruefen").text
    assert 'id="f-leistungen-0-kosten-positionen-1-vzae-fehler"' in html
    assert 'id="f-leistungen-0-kosten-positionen-0-art-fehler"' not in html


def test_a_missing_recipient_is_reported_at_the_recipient_group(client, example_texts):
    items = replace(form_items(example_texts[PERSONAL]), "leistungen[0].empfaenger", None)
    html = post(client, items, "pruefen").text
    assert 'id="f-leistungen-0-empfaenger-fehler"' in html
    gruppe = re.search(r'<fieldset class="auswahlgruppe" aria-describedby="([^"]+)"', html).group(1)
    assert "f-leistungen-0-empfaenger-fehler" in gruppe.split()
    assert 'href="#f-leistungen-0-empfaenger"' in html.split('id="formular-fehler"')[1].split("</div>")[0]


def test_a_delegating_agreement_implies_befreiend_and_says_so_at_the_field(client, example_texts):
    items = replace(form_items(example_texts[PERSONAL]), "rechtsform", "oerv_delegierend")
    items = replace(items, B, "")
    # Issue 17: the payroll catalogue says the task cannot pass with discharging effect; the user says it can.
    items = replace(items, "leistungen[0].kommunale_aufgabe_uebertragbar", "ja")
    antwort = live(client, items)
    assert "Aus der Rechtsform abgeleitet: ja" in antwort["katalog"]["f-leistungen-0-aufgabenuebertragung-befreiend"]
    html = post(client, items, "aktualisieren").text
    assert "Aus der Rechtsform abgeleitet: ja" in html
    # Only whether the transfer was decisive for the choice of partner is still asked, not "befreiend".
    assert "f-leistungen-0-befreiung-ausschlaggebend" in antwort["fragen"]
    assert "f-leistungen-0-aufgabenuebertragung-befreiend" not in antwort["fragen"]


def test_the_user_can_say_otherwise_to_the_implied_befreiend(client, example_texts):
    items = replace(form_items(example_texts[PERSONAL]), "rechtsform", "oerv_delegierend")
    items = replace(items, B, "nein")
    assert "f-leistungen-0-aufgabenuebertragung-befreiend" not in live(client, items)["katalog"]


@pytest.mark.parametrize("rechtsform", ["oerv_delegierend", "oerv_mandatierend"])
def test_mandating_and_befreiend_is_warned_at_both_fields_and_nothing_else_is(client, example_texts, rechtsform):
    items = replace(replace(form_items(example_texts[PERSONAL]), "rechtsform", rechtsform), B, "ja")
    warnungen = live(client, items)["warnungen"]
    html = post(client, items, "aktualisieren").text
    if rechtsform == "oerv_mandatierend":
        assert set(warnungen) == {"f-rechtsform", "f-leistungen-0-aufgabenuebertragung-befreiend"}
        assert "Widerspruch" in warnungen["f-rechtsform"]
        feld = re.search(r'<select id="f-rechtsform"[^>]*>', html).group(0)
        assert "f-rechtsform-warnung" in feld
        assert re.search(
            r'<p class="warnung" id="f-rechtsform-warnung" data-warnung-fuer="f-rechtsform">Widerspruch', html
        )
    else:
        assert warnungen == {}


def test_no_shipped_example_warns_about_its_own_figures(client, example_texts):
    from advisor.beratung import berate
    from advisor.parsing import parse_fallakte

    for name, text in example_texts.items():
        bewertung = berate(parse_fallakte(text), client.app.state.regelwerk, client.app.state.satztabellen).bewertung
        for lb in bewertung.leistungen:
            assert not [h for h in lb.hinweise if "Bitte Angaben prüfen" in h], name


def test_partner_names_are_marked_wherever_the_script_updates_them(client):
    html = client.get("/formular").text
    assert re.search(r'<option value="0"[^>]*data-partner-name="0"', html), "provider choice"
    assert '<span data-partner-name="1">Beteiligter 2 (noch ohne Namen)</span>' in html, "recipient box"
    assert '<th scope="row" data-partner-name="0">' in html, "cost table"
    assert 'data-partner-titel="0"' in html


def test_only_a_page_with_entries_that_exist_nowhere_else_warns_before_leaving(client, example_texts):
    assert 'data-ungespeichert="nein"' in client.get("/formular").text
    assert 'data-ungespeichert="nein"' in client.get("/formular?beispiel=" + PERSONAL).text
    assert 'data-ungespeichert="ja"' in post(client, form_items(example_texts[PERSONAL]), "beteiligter_hinzu").text


def test_after_removing_a_row_the_focus_lands_on_its_list_with_a_message(client, example_texts):
    html = post(client, form_items(example_texts[PERSONAL]), "beteiligter_weg:1").text
    anker = re.search(r'<div id="f-beteiligte" tabindex="-1" class="gruppenanker"[^>]*>', html).group(0)
    assert "autofocus" in anker
    assert '<p class="hinweis" role="status">Beteiligter 2 wurde entfernt.</p>' in html
