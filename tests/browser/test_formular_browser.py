"""A finance officer in a real browser: enters the personnel case from scratch, watches the live
result and an open question come and go, reaches the result, downloads the draft — and gets a
German message at a field she filled in wrongly."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.browser

L = "#f-leistungen-0-"


def fill_partner(page, i: int, name: str, art: str, einwohner: str) -> None:
    page.fill(f"#f-beteiligte-{i}-name", name)
    page.select_option(f"#f-beteiligte-{i}-art", art)
    page.fill(f"#f-beteiligte-{i}-einwohner", einwohner)


def test_the_personnel_case_entered_from_scratch_gives_live_result_result_page_and_pdf(page, server):
    page.goto(server + "/formular")
    page.fill("#f-bezeichnung", "Gemeinsame Entgelt- und Besoldungsabrechnung im Kreis Musterland")
    fill_partner(page, 0, "Kreis Musterland", "kreis", "281.400")
    fill_partner(page, 1, "Stadt Aheim", "stadt", "38.250")
    page.get_by_role("button", name="Beteiligten hinzufügen").click()
    expect(page.locator("#f-beteiligte-2-name")).to_be_focused()
    fill_partner(page, 2, "Gemeinde Bedorf", "gemeinde", "12.980")

    page.fill(L + "bezeichnung", "Entgelt- und Besoldungsabrechnung")
    page.select_option(L + "aufgabenfeld", "personalabrechnung")
    page.select_option(L + "erbringer", "0")
    page.check(L + "empfaenger-1")
    page.check(L + "empfaenger-2")
    page.select_option(L + "entgelt", "kostenerstattung")
    page.select_option("#f-rechtsform", "oerv_mandatierend")
    page.fill(L + "laufzeit-beginn", "01.01.2027")
    page.fill(L + "laufzeit-kuendigungsfrist-monate", "12")
    page.fill(L + "kosten-kalkulationsjahr", "2027")
    page.select_option(L + "kosten-satzgrundlage", "kgst_2025_26")
    page.select_option(L + "kosten-positionen-0-art", "personal")
    page.fill(L + "kosten-positionen-0-bezeichnung", "Sachbearbeitung Entgelt und Besoldung")
    page.fill(L + "kosten-positionen-0-entgeltgruppe", "E 9b")
    page.fill(L + "kosten-positionen-0-vzae", "2,5")
    page.fill(L + "kosten-sachkostenpauschale-je-vzae", "9.700,00")
    page.fill(L + "kosten-gemeinkostenzuschlag-prozent", "20")
    page.fill(L + "kosten-gewinnaufschlag-prozent", "0")
    page.select_option(L + "kosten-verteilung-schluessel", "fallzahlen")
    page.fill(L + "kosten-verteilung-werte-1", "610")
    page.fill(L + "kosten-verteilung-werte-2", "205")
    page.fill(L + "kosten-eigenerstellung-1", "236.000,00")
    page.fill(L + "kosten-eigenerstellung-2", "98.000,00")
    page.select_option(L + "kosten-abrechnung-verfahren", "spitzabrechnung")
    page.select_option(L + "kosten-abrechnung-abschlaege", "vierteljaehrlich")

    live = page.locator("#live-ergebnis")
    expect(live.locator("[data-ergebnis]")).to_have_attribute("data-ergebnis", "offen")
    frage = page.locator(L + "gesetzlicher-vorbehalt-jpoer-frage")
    expect(frage).to_be_visible()
    expect(frage).to_contain_text("Behält ein Gesetz diese Leistung")
    expect(page.locator(L + "gesetzlicher-vorbehalt-jpoer")).to_have_attribute(
        "aria-describedby",
        L[1:] + "gesetzlicher-vorbehalt-jpoer-hinweis " + L[1:] + "gesetzlicher-vorbehalt-jpoer-frage",
    )
    screenshot(page, "formular-offen")

    page.select_option(L + "gesetzlicher-vorbehalt-jpoer", "nein")
    expect(frage).to_be_hidden()
    expect(page.locator(L + "gesetzlicher-vorbehalt-jpoer")).to_have_attribute(
        "aria-describedby", L[1:] + "gesetzlicher-vorbehalt-jpoer-hinweis"
    )
    page.select_option(L + "privat-steuerfrei-ohne-option", "nein")
    expect(live.locator("[data-ergebnis]")).to_have_attribute("data-ergebnis", "steuerpflichtig")
    expect(page.locator(".frage:visible")).to_have_count(0)

    page.get_by_role("button", name="Ergebnis anzeigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Gemeinsame Entgelt- und Besoldungsabrechnung im Kreis Musterland"
    )
    expect(page.locator(".ergebnis--gross")).to_contain_text("Steuerpflichtig")
    expect(page.get_by_role("rowheader", name="Stadt Aheim")).to_be_visible()
    screenshot(page, "ergebnis")

    with page.expect_download() as info:
        page.get_by_role("link", name="Vereinbarung (PDF)").click()
    pdf = info.value
    assert pdf.suggested_filename.endswith("-vereinbarung.pdf")
    text = pdf_text(Path(pdf.path()).read_bytes())
    assert "Stadt Aheim" in text and "Gemeinde Bedorf" in text and "Kreis Musterland" in text


def test_an_invalid_entry_shows_a_german_message_at_the_field_on_a_narrow_screen(page, server):
    page.set_viewport_size({"width": 400, "height": 860})
    page.goto(server + "/formular?beispiel=personalabrechnung-mandatierend")
    page.fill(L + "kosten-positionen-0-vzae", "zweieinhalb")
    page.get_by_role("button", name="Ergebnis anzeigen").click()
    summary = page.locator(".fehlerliste")
    expect(summary).to_be_visible()
    meldung = page.locator(L + "kosten-positionen-0-vzae-fehler")
    expect(meldung).to_have_attribute("role", "alert")
    expect(meldung).to_contain_text("„zweieinhalb“ ist keine Zahl")
    feld = page.locator(L + "kosten-positionen-0-vzae")
    expect(feld).to_have_attribute("aria-invalid", "true")
    summary.get_by_role("link").first.click()
    expect(feld).to_be_focused()
    screenshot(page, "fehler-schmal")


def test_the_page_can_be_used_with_the_keyboard_and_shows_where_the_focus_is(page, server):
    page.goto(server + "/formular")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip).to_be_focused()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    tag = page.evaluate("document.activeElement.id || document.activeElement.tagName")
    assert tag, "der Fokus bleibt auf der Seite"
    page.focus("#f-bezeichnung")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineWidth") == "3px"
