"""The result page answers "why": the decision path at the top (decisive criterion linked, the facts
it rests on, the risk), then the next steps, then the criteria grouped by step with their effect on
the result, the ones not needed folded. A result has its own URL (post/redirect/get) that carries no
case content, and can be saved from there."""

from __future__ import annotations

import re

import pytest

from tests.web.helpers import FORM, encoded, form_items, replace

PERSONAL = "personalabrechnung-mandatierend"
OFFEN = "hochwasserschutz-offen"
ZWECKVERBAND = "it-zweckverband"


def pruefen(client, items, **kw):
    return client.post("/formular", content=encoded([*items, ("aktion", "pruefen")]), headers=FORM, **kw)


@pytest.fixture(scope="module")
def personal_seite(client, example_texts) -> str:
    r = pruefen(client, form_items(example_texts[PERSONAL]))
    assert r.status_code == 200
    return r.text


# --- post/redirect/get --------------------------------------------------------------------------


def test_showing_the_result_redirects_to_a_url_with_a_random_token_and_no_case_content(client, example_texts):
    items = form_items(example_texts[PERSONAL])
    r = pruefen(client, items, follow_redirects=False)
    assert r.status_code == 303
    ort = r.headers["location"]
    assert re.fullmatch(r"/ergebnis/[A-Za-z0-9_-]{22}", ort)
    assert "Entgelt" not in ort and "aheim" not in ort.lower()
    again = pruefen(client, items, follow_redirects=False).headers["location"]
    assert again != ort, "every result gets its own token"
    erste = client.get(ort)
    assert erste.status_code == 200 and "Entgelt- und Besoldungsabrechnung" in erste.text
    assert client.get(ort).text == erste.text, "reloading shows the same page and submits nothing"


@pytest.mark.parametrize("token", ["AAAAAAAAAAAAAAAAAAAAAA", "kurz", "ung%C3%BCltig!!"])
def test_an_unknown_result_is_a_german_404_page(client, token):
    r = client.get(f"/ergebnis/{token}")
    assert r.status_code == 404 and "nicht (mehr) vorhanden" in r.text


def test_the_result_can_be_saved_from_its_page_and_then_appears_in_the_case_list(client, example_texts):
    ort = pruefen(client, form_items(example_texts[PERSONAL]), follow_redirects=False).headers["location"]
    seite = client.get(ort).text
    assert f'action="{ort}/speichern"' in seite and ">Fall speichern</button>" in seite
    r = client.post(
        f"{ort}/speichern",
        content=encoded([("notiz", "Vom Ergebnis gespeichert")]),
        headers=FORM,
        follow_redirects=False,
    )
    assert r.status_code == 303 and re.fullmatch(r"/faelle/\d+\?gespeichert=1", r.headers["location"])
    fall = r.headers["location"].split("?")[0]
    assert "Gespeichert als Version 1" in client.get(r.headers["location"]).text
    assert "Vom Ergebnis gespeichert" in client.get(f"{fall}/versionen").text


def test_a_result_made_while_editing_a_saved_case_is_saved_as_its_next_version(client, example_texts):
    items = form_items(example_texts[PERSONAL])
    saved = client.post(
        "/formular", content=encoded([*items, ("aktion", "speichern")]), headers=FORM, follow_redirects=False
    )
    fall_id = saved.headers["location"].split("?")[0].rsplit("/", 1)[1]
    geaendert = replace(items, "leistungen[0].kosten.gewinnaufschlag_prozent", "2")
    ort = pruefen(client, [*geaendert, ("fall_id", fall_id), ("fall_version", "1")], follow_redirects=False).headers[
        "location"
    ]
    assert f"Als neue Version von Fall {fall_id} speichern" in client.get(ort).text
    r = client.post(f"{ort}/speichern", content=b"", headers=FORM, follow_redirects=False)
    assert r.headers["location"] == f"/faelle/{fall_id}?gespeichert=2"


def test_changing_the_entries_from_the_result_opens_the_form_with_the_case(client, example_texts):
    ort = pruefen(client, form_items(example_texts[PERSONAL]), follow_redirects=False).headers["location"]
    form = client.get(f"{ort}/bearbeiten").text
    assert 'value="Entgelt- und Besoldungsabrechnung"' in form and 'id="fallakte-formular"' in form


# --- why, what next, criteria by step -----------------------------------------------------------


def test_the_page_starts_with_why_then_next_steps_then_the_criteria_by_step(personal_seite):
    warum = personal_seite.index('id="warum-titel"')
    naechste = personal_seite.index('id="naechste-schritte-titel"')
    pruefung = personal_seite.index('id="leistung-1-pruefung"')
    assert warum < naechste < pruefung


def test_the_decision_path_names_and_links_the_decisive_criterion_its_facts_and_the_risk(personal_seite):
    weg = personal_seite.split('id="warum-titel"')[1].split('id="naechste-schritte-titel"')[0]
    text = re.sub(r"<[^>]+>", "", weg)
    assert "ist am Stichtag 01.01.2027 steuerpflichtig" in text
    link = re.search(r'Entscheidend ist <a href="#([^"]+)">([^<]+)</a>', weg)
    assert link and link.group(1) == "leistung-1-ustg_2b_abs3_nr2_wettbewerb"
    assert f'id="{link.group(1)}"' in personal_seite, "the link leads to the criterion"
    assert "Private Anbieter am Markt: ja" in text, "a fact it rests on, in words"
    assert "Risiko einer abweichenden Beurteilung ist gering" in text
    assert 3 <= weg.count('class="weg__satz"') <= 5


def test_an_open_result_says_what_it_depends_on_and_which_results_are_possible(client, example_texts):
    seite = pruefen(client, form_items(example_texts[OFFEN])).text
    weg = re.sub(r"<[^>]+>", "", seite.split('id="warum-titel"')[1].split('id="naechste-schritte-titel"')[0])
    assert "noch nicht fest" in weg and "nicht steuerbar oder steuerpflichtig" in weg
    schritte = seite.split('id="naechste-schritte-titel"')[1].split("</section>")[0]
    assert "Offene Fragen klären" in schritte


def test_the_next_steps_follow_from_the_result(personal_seite):
    schritte = re.sub(r"<[^>]+>", "", personal_seite.split('id="naechste-schritte-titel"')[1].split("</section>")[0])
    # Issue 17: payroll cannot pass with discharging effect; the lever is a Zweckverband (§ 4 Nr. 29 UStG).
    assert "Gestaltung prüfen" in schritte and "Zweckverband" in schritte and "§ 4 Nr. 29 UStG" in schritte
    # Issue 16: VAT per advance invoice (4 quarterly invoices per payer), 61.913,17 € before.
    assert "Umsatzsteuer einplanen" in schritte and "61.913,40\u00a0€" in schritte
    assert "Vereinbarung beschließen, genehmigen und bekannt machen" in schritte and "§ 24 GkG NRW" in schritte
    assert "Offene Fragen klären" not in schritte and "Verbindliche Auskunft" not in schritte  # none open, risk low


def test_a_result_with_a_risk_suggests_a_binding_ruling(client, example_texts):
    seite = pruefen(client, form_items(example_texts[ZWECKVERBAND])).text
    schritte = seite.split('id="naechste-schritte-titel"')[1].split("</section>")[0]
    assert "Verbindliche Auskunft erwägen" in schritte and "§ 89 Abs. 2 AO" in schritte


def test_criteria_show_their_effect_not_a_colour_and_the_ones_not_needed_are_folded(personal_seite):
    assert "status--erfuellt" not in personal_seite and "status--nicht_erfuellt" not in personal_seite
    assert "Entscheidet das Ergebnis: steuerpflichtig." in personal_seite
    assert "Greift nicht; hätte zu „nicht steuerbar“ geführt." in personal_seite
    gefaltet = personal_seite.split('<details class="nicht-erforderlich">')[1].split("</details>\n    </details>")[0]
    assert "Für das Ergebnis nicht erforderlich" in gefaltet
    assert 'id="leistung-1-ustg_2b_abs1_s2_wettbewerb"' in gefaltet, "after the decisive rank: folded"


def test_every_step_of_the_rule_set_is_a_heading_in_its_order(personal_seite, app):
    from advisor.bezeichnungen import KETTEN

    ueberschriften = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h4>(.*?)</h4>", personal_seite)]
    erwartet = [KETTEN[k] for k in ("regime", "steuerbarkeit_ustg_2b", "steuerbefreiung")]
    assert [next(i for i, h in enumerate(ueberschriften) if t in h) for t in erwartet] == [0, 1, 2]
    assert not any(KETTEN["steuerbarkeit_altes_recht"] in h for h in ueberschriften), "a chain the case did not need"


def test_the_comparison_bars_are_drawn_without_style_attributes(personal_seite):
    assert "style=" not in personal_seite
    assert re.search(r'<rect class="balken__balken balken__balken--mit"[^>]*width="[\d.]+%"', personal_seite)
