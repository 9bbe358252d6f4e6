"""Accessibility as a tested property: axe-core finds no WCAG 2.1 A/AA violation on any page in any
state, and narrowed to 320 px none of them scrolls sideways (WCAG 1.4.10); the keyboard focus goes
where a person needs it after submitting with errors, adding and removing rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ROOT, assert_accessible, horizontal_overflow
from tests.web.helpers import encoded, form_items, replace

pytestmark = pytest.mark.browser

PERSONAL = "personalabrechnung-mandatierend"
FORM = {"content-type": "application/x-www-form-urlencoded"}
L = "#f-leistungen-0-"


def beispiel(name: str) -> str:
    return (ROOT / "examples" / f"{name}.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def fall(api_client) -> str:
    """A saved case with two versions: its URL (/faelle/<id>)."""
    items = form_items(beispiel(PERSONAL))
    r = api_client.post("/formular", content=encoded([*items, ("aktion", "speichern")]), headers=FORM)
    assert r.status_code == 303
    url = r.headers["location"].split("?")[0]
    fall_id = url.rsplit("/", 1)[1]
    geaendert = replace(items, "rechtsform", "oerv_delegierend")
    geaendert = replace(geaendert, "leistungen[0].befreiung_ausschlaggebend", "ja")
    zwei = [*geaendert, ("fall_id", fall_id), ("fall_version", "1"), ("aktion", "speichern")]
    assert api_client.post("/formular", content=encoded(zwei), headers=FORM).status_code == 303
    return url


@pytest.fixture(scope="module")
def bestand(tmp_path_factory) -> Path:
    from tests.screening.conftest import csv_bytes, zeile

    datei = tmp_path_factory.mktemp("bestand") / "bestand.csv"
    datei.write_bytes(
        csv_bytes(
            [
                zeile(jahresbetrag="48000"),
                zeile(kennung="L-2", bezeichnung="Trauungen", aufgabenfeld="standesamt", jahresbetrag="9000"),
                zeile(kennung="L-3", erbringer="", aufgabenfeld="raumfahrt"),
            ]
        )
    )
    return datei


def _formular_fehler(page, server):
    page.goto(server + "/formular?beispiel=" + PERSONAL)
    page.fill(L + "kosten-positionen-0-vzae", "zweieinhalb")
    page.fill("#f-bezeichnung", "")
    page.get_by_role("button", name="Ergebnis anzeigen").click()
    expect(page.locator("#formular-fehler")).to_be_visible()


def _formular_ausgefuellt(page, server):
    page.goto(server + "/formular?beispiel=hochwasserschutz-offen")
    page.select_option(L + "private-anbieter-am-markt", "nein")
    expect(page.locator("#live-ergebnis [data-ergebnis]").first).to_be_visible()


def _formular_widerspruch(page, server):
    page.goto(server + "/formular?beispiel=" + PERSONAL)
    page.select_option(L + "aufgabenuebertragung-befreiend", "ja")
    expect(page.locator("#f-rechtsform-warnung")).to_be_visible()


def _ergebnis(name: str) -> Callable:
    def zustand(page, server):
        page.goto(server + "/formular?beispiel=" + name)
        page.get_by_role("button", name="Ergebnis anzeigen").click()
        page.wait_for_url(_ergebnis_url(server))  # loaded, not only committed: axe sees the whole page

    return zustand


def _ergebnis_url(server: str):
    import re

    return re.compile(re.escape(server) + r"/ergebnis/[A-Za-z0-9_-]+$")


def _screening(page, server, datei, stichtag=""):
    page.goto(server + "/screening")
    page.set_input_files("#f-datei", str(datei))
    page.fill("#f-stichtag", stichtag)
    with page.expect_navigation():
        page.get_by_role("button", name="Bestand prüfen").click()


_SCHLUESSEL = iter(range(1, 10_000))


def _schluessel_neu(page, server):
    page.goto(server + "/verwaltung/schluessel")
    page.fill("#f-name", f"Haushaltssoftware {next(_SCHLUESSEL)}")
    page.get_by_role("button", name="Schlüssel anlegen").click()
    expect(page.locator("#f-neuer-schluessel")).to_be_visible()


def _verwaltung_fehler(page, server):
    page.goto(server + "/verwaltung/nutzer")
    page.fill("#f-neu-email", "ohne-rolle@kreis-musterland.example")
    page.get_by_role("button", name="Konto anlegen").click()
    expect(page.locator("#verwaltung-fehler")).to_be_visible()


def _freigabe(page, server, fall):
    page.goto(server + fall)
    page.select_option("#f-freigabe-organisation", "stadt-aheim")
    page.get_by_role("button", name="Freigeben", exact=True).click()
    expect(page.locator("#freigaben .meldung--erfolg")).to_be_visible()


def _csrf_abgewiesen(page, server):
    page.goto(server + "/formular?beispiel=" + PERSONAL)
    page.evaluate("() => document.querySelectorAll('input[name=csrf_token]').forEach(i => i.value = 'gefälscht')")
    page.get_by_role("button", name="Ergebnis anzeigen").click()
    expect(page.get_by_role("heading", name="Anfrage abgewiesen")).to_be_visible()


ZUSTAENDE: dict[str, Callable] = {
    "start": lambda page, server, **_: page.goto(server + "/"),
    "formular leer": lambda page, server, **_: page.goto(server + "/formular"),
    "formular ausgefüllt": lambda page, server, **_: _formular_ausgefuellt(page, server),
    "formular mit fehlern": lambda page, server, **_: _formular_fehler(page, server),
    "formular mit widerspruch": lambda page, server, **_: _formular_widerspruch(page, server),
    "ergebnis steuerpflichtig": lambda page, server, **_: _ergebnis(PERSONAL)(page, server),
    "ergebnis offen": lambda page, server, **_: _ergebnis("hochwasserschutz-offen")(page, server),
    "ergebnis zwei leistungen": lambda page, server, **_: _ergebnis("abfall-zwei-kreise")(page, server),
    "gespeicherter fall": lambda page, server, fall, **_: page.goto(server + fall + "?gespeichert=2"),
    "fallliste": lambda page, server, fall, **_: page.goto(server + "/faelle"),
    "versionen": lambda page, server, fall, **_: page.goto(server + fall + "/versionen"),
    "vergleich": lambda page, server, fall, **_: page.goto(server + fall + "/vergleich?a=1&b=2"),
    "import": lambda page, server, **_: page.goto(server + "/import"),
    "screening leer": lambda page, server, **_: page.goto(server + "/screening"),
    "screening ergebnis": lambda page, server, bestand, **_: _screening(page, server, bestand),
    "screening fehler": lambda page, server, bestand, **_: _screening(page, server, bestand, "31.02.2027"),
    "fehlerseite 404": lambda page, server, **_: page.goto(server + "/gibtsnicht"),
    "fehlerseite 405": lambda page, server, **_: page.goto(server + "/formular/live"),
    "fehlerseite 422": lambda page, server, **_: page.goto(server + "/faelle/abc"),
    "barrierefreiheit": lambda page, server, **_: page.goto(server + "/barrierefreiheit"),
    "anmelden angemeldet": lambda page, server, **_: page.goto(server + "/anmelden"),
    "verwaltung konten": lambda page, server, **_: page.goto(server + "/verwaltung/nutzer"),
    "verwaltung konten fehler": lambda page, server, **_: _verwaltung_fehler(page, server),
    "verwaltung schlüssel": lambda page, server, **_: page.goto(server + "/verwaltung/schluessel"),
    "verwaltung schlüssel neu": lambda page, server, **_: _schluessel_neu(page, server),
    "freigabe erteilt": lambda page, server, fall, **_: _freigabe(page, server, fall),
    "csrf abgewiesen": lambda page, server, **_: _csrf_abgewiesen(page, server),
    "fremder fall 404": lambda page, server, **_: page.goto(server + "/faelle/999999"),
}


# WCAG 1.4.10 at 320 px: every state but those whose page another state shows already
REFLOW = {z for z in ZUSTAENDE if z not in ("fehlerseite 405", "fehlerseite 422", "formular mit widerspruch")}


@pytest.mark.parametrize("zustand", list(ZUSTAENDE))
def test_no_wcag_21_aa_violation_and_no_sideways_scrolling_at_320_px_on_any_page_in_any_state(
    page, server, fall, bestand, axe_source, zustand
):
    ZUSTAENDE[zustand](page, server, fall=fall, bestand=bestand)
    page.wait_for_load_state()  # the whole document of the state, not the part parsed so far
    assert page.locator("html").get_attribute("lang") == "de"
    assert_accessible(page, axe_source, zustand)
    if zustand.startswith("ergebnis"):
        # every criterion unfolded, too: what a reader opens must be accessible as well
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        assert_accessible(page, axe_source, zustand + " (aufgeklappt)")
    if zustand in REFLOW:
        # the same page on a narrow screen (the layout follows the width; no script reads it)
        page.set_viewport_size({"width": 320, "height": 800})
        assert horizontal_overflow(page) <= 0, f"{zustand}: the page scrolls sideways at 320 px"


def test_after_submitting_with_errors_the_focus_is_on_the_error_summary(page, server):
    _formular_fehler(page, server)
    expect(page.locator("#formular-fehler")).to_be_focused()
    page.keyboard.press("Tab")
    link = page.locator("#formular-fehler a").first
    expect(link).to_be_focused()
    ziel = link.get_attribute("href")
    page.keyboard.press("Enter")
    expect(page.locator(ziel)).to_be_focused()


def test_a_screening_error_moves_the_focus_to_its_summary(page, server, bestand):
    _screening(page, server, bestand, "31.02.2027")
    expect(page.locator("#screening-fehler")).to_be_focused()
    expect(page.locator("#f-stichtag")).to_have_value("31.02.2027")


def test_adding_rows_by_keyboard_focuses_the_first_field_of_the_new_row(page, server):
    page.goto(server + "/formular?beispiel=" + PERSONAL)
    page.get_by_role("button", name="Beteiligten hinzufügen").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#f-beteiligte-3-name")).to_be_focused()
    zeilen = page.locator("fieldset.position").count()
    page.get_by_role("button", name="Kostenposition zu Leistung 1 hinzufügen").focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"{L}kosten-positionen-{zeilen}-art")).to_be_focused()


def test_removing_a_row_by_keyboard_keeps_the_focus_at_the_list_and_says_what_happened(page, server):
    page.goto(server + "/formular?beispiel=" + PERSONAL)
    page.get_by_role("button", name="Beteiligten 3 entfernen").focus()
    page.keyboard.press("Enter")
    anker = page.locator("#f-beteiligte")
    expect(anker).to_be_focused()
    expect(anker.get_by_role("status")).to_have_text("Beteiligter 3 wurde entfernt.")
    page.keyboard.press("Tab")
    expect(page.locator("#f-beteiligte-0-name")).to_be_focused()


def test_the_statement_is_linked_from_every_page(page, server):
    page.goto(server + "/formular")
    page.get_by_role("link", name="Erklärung zur Barrierefreiheit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Erklärung zur Barrierefreiheit")
    for abschnitt in (
        "Stand der Vereinbarkeit",
        "Nicht barrierefreie Inhalte",
        "Feedback und Kontakt",
        "Durchsetzungsverfahren",
    ):
        expect(page.get_by_role("heading", name=abschnitt)).to_be_visible()


def test_the_axe_check_finds_a_violation_when_there_is_one(page, server, axe_source):
    from tests.browser.conftest import axe_violations

    page.goto(server + "/")
    page.evaluate(
        "() => { const i = document.createElement('img'); i.src = '/static/x.png'; document.body.append(i); }"
    )
    assert "image-alt" in {v["id"] for v in axe_violations(page, axe_source)}


def test_the_320_px_check_finds_a_page_that_scrolls_sideways(page, server):
    page.goto(server + "/")
    page.set_viewport_size({"width": 320, "height": 800})
    assert horizontal_overflow(page) <= 0
    page.evaluate(
        "() => { const d = document.createElement('div'); d.style.width = '400px'; d.style.height = '1em'; document.body.append(d); }"
    )
    assert horizontal_overflow(page) > 0
