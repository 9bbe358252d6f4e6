"""The workflow in a real browser: a result has its own URL (post/redirect/get) and is saved from
its page; names typed in step 1 appear at once wherever partners are chosen; leaving unsaved
entries asks first; implied values and contradictions show at their fields; and the result page of
every shipped example answers "why" at the top."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ROOT, screenshot
from tests.web.helpers import FORM, encoded, form_items

pytestmark = pytest.mark.browser

L = "#f-leistungen-0-"
BEISPIELE = [
    "abfall-zwei-kreise",
    "digitaler-zwilling",
    "hochwasserschutz-offen",
    "it-zweckverband",
    "personalabrechnung-mandatierend",
    "standesamt-delegierend",
]


def test_the_result_has_its_own_url_survives_a_reload_and_is_saved_from_its_page(page, server):
    page.goto(server + "/formular?beispiel=personalabrechnung-mandatierend")
    page.get_by_role("button", name="Ergebnis anzeigen").click()
    page.wait_for_url(re.compile(re.escape(server) + r"/ergebnis/[A-Za-z0-9_-]{22}$"))
    adresse = page.url
    page.reload()
    expect(page).to_have_url(adresse)
    expect(page.get_by_role("heading", name="Warum dieses Ergebnis?")).to_be_visible()
    page.fill("#f-notiz", "Vorlage für den Kreisausschuss")
    page.get_by_role("button", name="Fall speichern").click()
    expect(page).to_have_url(re.compile(r"/faelle/\d+\?gespeichert=1$"))
    expect(page.get_by_role("status")).to_have_text("Gespeichert als Version 1.")
    page.goto(adresse)
    page.get_by_role("link", name="Angaben ändern").click()
    expect(page.locator("#f-bezeichnung")).to_have_value(re.compile("Entgelt- und Besoldungsabrechnung"))


def test_names_typed_in_step_one_appear_at_once_in_provider_recipients_and_cost_table(page, server):
    page.goto(server + "/formular")
    page.fill("#f-beteiligte-0-name", "Kreis Musterland")
    page.fill("#f-beteiligte-1-name", "Stadt Aheim")
    expect(page.locator(L + "erbringer option[value='0']")).to_have_text("Kreis Musterland")
    expect(page.locator(f"label[for='{L[1:]}empfaenger-1']")).to_have_text("Stadt Aheim")
    expect(page.get_by_role("rowheader", name="Stadt Aheim").first).to_be_visible()
    expect(page.locator("#f-beteiligte-1-gruppe > legend")).to_have_text("Beteiligter 2: Stadt Aheim")
    page.fill("#f-beteiligte-1-name", "")
    expect(page.locator(f"label[for='{L[1:]}empfaenger-1']")).to_have_text("Beteiligter 2 (noch ohne Namen)")


def test_leaving_unsaved_entries_asks_first_and_a_submit_does_not(page, server):
    page.goto(server + "/formular")
    page.fill("#f-bezeichnung", "Gemeinsamer Bauhof")
    dialoge = []

    def beantworte(dialog):
        dialoge.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", beantworte)
    page.get_by_role("link", name="Gespeicherte Fälle").first.click()
    page.wait_for_timeout(300)
    assert dialoge == ["beforeunload"]
    expect(page).to_have_url(server + "/formular")
    page.get_by_role("button", name="Zwischenergebnis aktualisieren").click()
    expect(page.locator("#f-bezeichnung")).to_have_value("Gemeinsamer Bauhof")
    assert dialoge == ["beforeunload"], "submitting the form is no leaving"


def test_a_page_without_entries_is_left_without_asking(page, server):
    page.goto(server + "/formular")
    dialoge = []
    page.on("dialog", lambda d: (dialoge.append(d.type), d.dismiss()))
    page.get_by_role("link", name="Gespeicherte Fälle").first.click()
    expect(page).to_have_url(server + "/faelle")
    assert dialoge == []


def test_the_implied_befreiend_and_a_contradiction_show_at_their_fields_while_typing(page, server):
    page.goto(server + "/formular?beispiel=personalabrechnung-mandatierend")
    page.select_option(L + "aufgabenuebertragung-befreiend", "ja")
    warnung = page.locator("#f-rechtsform-warnung")
    expect(warnung).to_be_visible()
    expect(warnung).to_contain_text("Widerspruch")
    expect(page.locator("#f-rechtsform")).to_have_attribute("aria-describedby", re.compile("f-rechtsform-warnung"))
    page.select_option("#f-rechtsform", "oerv_delegierend")
    expect(warnung).to_be_hidden()
    page.select_option(L + "aufgabenuebertragung-befreiend", "")
    expect(page.locator(L + "aufgabenuebertragung-befreiend-katalog")).to_contain_text(
        "Aus der Rechtsform abgeleitet: ja"
    )


@pytest.mark.parametrize("name", BEISPIELE)
def test_the_result_page_of_every_example_answers_why_at_the_top(page, server, api_client, name):
    # the example's form sent as the form sends it (the button itself: the test above), then its page
    items = form_items((ROOT / "examples" / f"{name}.yaml").read_text(encoding="utf-8"))
    gesendet = api_client.post("/formular", content=encoded([*items, ("aktion", "pruefen")]), headers=FORM)
    assert gesendet.status_code == 303 and "/ergebnis/" in gesendet.headers["location"], gesendet.text
    page.goto(server + gesendet.headers["location"])
    warum = page.locator("#warum")
    expect(warum).to_be_visible()
    assert warum.locator(".weg__satz").count() >= 3
    link = warum.locator("a").first
    if link.count():
        link.click()
        ziel = page.locator(link.get_attribute("href"))
        expect(ziel).to_be_in_viewport()
    screenshot(page, f"ergebnis-{name}")
