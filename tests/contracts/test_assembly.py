"""Assembly at the clause level: which variant for which case, filled values, placeholders."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from advisor.errors import UngueltigeEingabe
from contracts import assemble
from contracts.formatting import NBSP, format_money
from contracts.klauselbibliothek import KLAUSELN_DIR, load_clause_library, parse_clause_library
from tests.contracts.conftest import (
    EXAMPLE_NAMES,
    aus_daten,
    beratung_mit_ergebnis,
    echte_beratung,
    example_daten,
    example_fallakte,
)


def _text(klausel) -> str:
    return "\n".join(a.text for a in klausel.absaetze).replace(NBSP, " ")


def _mit(name: str, **aenderungen):
    daten = example_daten(name)
    daten.update(aenderungen.pop("fall", {}))
    for i, leistung in enumerate(daten["leistungen"]):
        for feld, wert in aenderungen.items():
            if wert is None:
                leistung.pop(feld, None)
            else:
                leistung[feld] = wert[i] if isinstance(wert, list) else wert
    return aus_daten(daten)


# --- the clause library -----------------------------------------------------------------------


def test_the_reference_library_for_nrw_loads_and_numbers_twelve_sections_after_the_preamble():
    bib = load_clause_library("NW")
    ids = bib.dokumente["oerv"].abschnitte
    assert ids[0] == "praeambel" and len([i for i in ids if bib.abschnitt(i).nummeriert]) == 12


def test_a_library_with_an_unknown_feature_in_a_condition_is_rejected_with_the_section_named():
    text = (KLAUSELN_DIR / "nw.yaml").read_text(encoding="utf-8")
    kaputt = text.replace("wenn: {rechtsform: [oerv_delegierend]}", "wenn: {rechtsfrom: [oerv_delegierend]}", 1)
    with pytest.raises(ValueError, match="gegenstand.*rechtsfrom"):
        parse_clause_library(kaputt, "nw.yaml")


def test_a_section_without_a_variant_for_every_case_is_rejected():
    text = (KLAUSELN_DIR / "nw.yaml").read_text(encoding="utf-8")
    kaputt = text.replace("        wenn: {ergebnis: [offen]}\n", "        wenn: {ergebnis: [steuerfrei]}\n", 1)
    with pytest.raises(ValueError, match="umsatzsteuer"):
        parse_clause_library(kaputt, "nw.yaml")


@pytest.mark.parametrize(
    ("rechtsform", "ergebnis"),
    list(
        itertools.product(
            ["oerv_delegierend", "oerv_mandatierend", "zweckverband"],
            ["nicht_steuerbar", "steuerpflichtig", "steuerfrei", "offen"],
        )
    ),
)
def test_every_legal_form_and_result_assembles_with_every_template_value_provided(rechtsform, ergebnis):
    fallakte = _mit("personalabrechnung-mandatierend", fall={"rechtsform": rechtsform})
    entwurf = assemble(beratung_mit_ergebnis(fallakte, ergebnis))
    assert entwurf.klausel("umsatzsteuer").varianten == (ergebnis,)
    assert "{" not in "".join(a.text for k in entwurf.klauseln for a in k.absaetze)


# --- variants chosen by the case --------------------------------------------------------------


def test_a_delegating_agreement_transfers_the_task_with_discharging_effect_and_makes_the_provider_controller():
    entwurf = assemble(beratung_mit_ergebnis(example_fallakte("standesamt-delegierend"), "nicht_steuerbar"))
    assert entwurf.klausel("gegenstand").varianten == ("delegierend",)
    assert "mit befreiender Wirkung auf Stadt Aheim" in _text(entwurf.klausel("gegenstand"))
    assert "§ 23 Abs. 1 Alt. 1" in entwurf.einleitung.replace(NBSP, " ")
    assert "Verantwortlicher" in _text(entwurf.klausel("datenschutz"))
    assert [a.id for a in entwurf.anlagen] == ["leistungsbeschreibung", "kalkulation", "wuerdigung"]


def test_a_mandating_agreement_keeps_responsibility_and_adds_the_processing_agreement_as_annex_4():
    entwurf = assemble(beratung_mit_ergebnis(example_fallakte("personalabrechnung-mandatierend"), "steuerpflichtig"))
    assert entwurf.klausel("gegenstand").varianten == ("mandatierend",)
    assert "verbleibt bei dem jeweiligen Aufgabenträger" in _text(entwurf.klausel("gegenstand"))
    assert entwurf.klausel("datenschutz").varianten == ("mandatierend",)
    assert entwurf.anlage("auftragsverarbeitung").nummer == 4


def test_a_zweckverband_case_becomes_the_task_and_financing_part_of_the_statutes_signed_by_the_association():
    entwurf = assemble(beratung_mit_ergebnis(example_fallakte("it-zweckverband"), "steuerfrei"))
    assert entwurf.titel == "Satzung zur Änderung der Verbandssatzung"
    assert entwurf.klausel("gegenstand").varianten == ("zweckverband",)
    assert [u.fuer for u in entwurf.unterschriften] == ["Zweckverband Kommunale IT Westmünsterland"]
    assert "Zweckverband Kommunale IT Westmünsterland" not in [p.name for p in entwurf.parteien]
    assert len(entwurf.parteien) == 6


def test_the_vat_clause_for_a_non_taxable_service_states_why_and_forbids_showing_vat():
    entwurf = assemble(beratung_mit_ergebnis(example_fallakte("standesamt-delegierend"), "nicht_steuerbar"))
    text = _text(entwurf.klausel("umsatzsteuer"))
    assert "nicht der Umsatzsteuer unterliegt (§ 2b Abs. 3 Nr. 1 UStG" in text
    assert "keine Umsatzsteuer ausgewiesen (§ 14c UStG)" in text
    assert "§ 29 UStG" in text and "§ 89 Abs. 2 AO" in text


def test_the_vat_clause_for_a_taxable_service_adds_statutory_vat_and_invoicing_duties():
    text = _text(
        assemble(beratung_mit_ergebnis(example_fallakte("digitaler-zwilling"), "steuerpflichtig")).klausel(
            "umsatzsteuer"
        )
    )
    assert "zuzüglich der gesetzlichen Umsatzsteuer" in text and "§ 14 Abs. 2 UStG" in text
    assert "nicht der Umsatzsteuer unterliegt" not in text


def test_the_vat_clause_for_an_exempt_service_lists_the_conditions_of_section_4_no_29():
    text = _text(
        assemble(beratung_mit_ergebnis(example_fallakte("it-zweckverband"), "steuerfrei")).klausel("umsatzsteuer")
    )
    assert "nach § 4 Nr. 29 UStG steuerfrei" in text and "nicht unternehmerische Tätigkeit" in text


def test_an_open_assessment_gives_a_visible_placeholder_naming_the_open_fact():
    entwurf = assemble(beratung_mit_ergebnis(example_fallakte("hochwasserschutz-offen"), "offen"))
    assert entwurf.klausel("umsatzsteuer").varianten == ("offen",)
    offen = [p for p in entwurf.platzhalter if "Umsatzsteuerliche Behandlung" in p.text]
    assert len(offen) == 1 and offen[0].feld == "leistungen[0].private_anbieter_am_markt"
    assert offen[0].text.replace(NBSP, " ") in _text(entwurf.klausel("umsatzsteuer"))


def test_two_services_with_different_results_get_each_their_own_vat_variant():
    fallakte = example_fallakte("abfall-zwei-kreise")
    entwurf = assemble(
        beratung_mit_ergebnis(fallakte, {"bioabfall": "nicht_steuerbar", "krankenhausabfall": "steuerpflichtig"})
    )
    klausel = entwurf.klausel("umsatzsteuer")
    assert klausel.varianten == ("nicht_steuerbar", "steuerpflichtig")
    text = _text(klausel)
    assert text.index("Bioabfällen") < text.index("zuzüglich der gesetzlichen Umsatzsteuer")
    assert "Krankenhausabfällen" in text


def test_a_medium_risk_result_says_that_the_assessment_is_uncertain():
    entwurf = assemble(
        beratung_mit_ergebnis(example_fallakte("standesamt-delegierend"), "nicht_steuerbar", risiko="mittel")
    )
    assert "unsicheren Rechtslage (Risiko: mittel)" in _text(entwurf.klausel("umsatzsteuer"))


# --- term and termination ---------------------------------------------------------------------


def test_an_indefinite_agreement_gets_the_mandatory_termination_clause_with_the_notice_period():
    text = _text(
        assemble(beratung_mit_ergebnis(example_fallakte("standesamt-delegierend"), "nicht_steuerbar")).klausel(
            "laufzeit"
        )
    )
    assert "auf unbestimmte Zeit" in text
    assert "mit einer Frist von 24 Monaten" in text and "vorgeschrieben" in text and "§ 23 Abs. 5 GkG NRW" in text


@pytest.mark.parametrize(("ende", "pflicht"), [("2047-01-01", False), ("2047-01-02", True)])
def test_a_fixed_term_needs_the_termination_clause_only_beyond_twenty_years(ende, pflicht):
    fallakte = _mit(
        "standesamt-delegierend", laufzeit={"beginn": "2027-01-01", "ende": ende, "kuendigungsfrist_monate": 12}
    )
    text = _text(assemble(beratung_mit_ergebnis(fallakte, "nicht_steuerbar")).klausel("laufzeit"))
    assert ("vorgeschrieben" in text) is pflicht
    assert "endet mit Ablauf des " + ("31.12.2046" if not pflicht else "01.01.2047") in text


def test_a_missing_notice_period_is_a_visible_placeholder_and_listed_with_its_field():
    fallakte = _mit("standesamt-delegierend", laufzeit={"beginn": "2027-01-01"})
    entwurf = assemble(beratung_mit_ergebnis(fallakte, "nicht_steuerbar"))
    assert "[Kündigungsfrist ergänzen]" in _text(entwurf.klausel("laufzeit"))
    eintrag = [p for p in entwurf.platzhalter if p.text == "[Kündigungsfrist ergänzen]"]
    assert eintrag and eintrag[0].feld == "leistungen[0].laufzeit.kuendigungsfrist_monate"
    assert eintrag[0].fundstelle.startswith("§ 7 Abs.")


def test_a_service_that_started_before_the_key_date_is_continued_not_backdated():
    entwurf = assemble(beratung_mit_ergebnis(example_fallakte("hochwasserschutz-offen"), "offen"))
    text = _text(entwurf.klausel("laufzeit"))
    assert "bereits seit dem 01.07.2022 erbracht" in text and "ab dem 01.01.2027" in text


# --- costs ------------------------------------------------------------------------------------


def test_the_cost_clause_names_the_key_the_advances_and_the_calculations_total():
    fallakte = example_fallakte("standesamt-delegierend")
    beratung = beratung_mit_ergebnis(fallakte, "nicht_steuerbar")
    from advisor.kosten import kalkulation_als_dict

    summe = kalkulation_als_dict(beratung.kalkulation)["leistungen"][0]["erstattung_nicht_steuerbar"]
    text = _text(assemble(beratung).klausel("kostenerstattung"))
    assert format_money(Decimal(summe)).replace(NBSP, " ") in text
    assert "nach dem Verhältnis der Fallzahlen" in text and "halbjährliche Abschläge" in text
    assert "spitz ab" in text


def test_a_base_plus_variable_key_is_described_with_its_percentage_and_the_providers_own_share():
    text = _text(
        assemble(beratung_mit_ergebnis(example_fallakte("digitaler-zwilling"), "steuerpflichtig")).klausel(
            "kostenerstattung"
        )
    )
    assert "zu 20 % zu gleichen Teilen (Sockel) und im Übrigen nach dem Verhältnis der Einwohnerzahlen" in text
    assert "einen eigenen Anteil" in text


def test_a_profit_mark_up_in_the_calculation_is_flagged_in_the_cost_clause():
    daten = example_daten("standesamt-delegierend")
    daten["leistungen"][0]["kosten"]["positionen"].append({"art": "wagnis", "bezeichnung": "Risiko", "betrag": 500})
    text = _text(assemble(beratung_mit_ergebnis(aus_daten(daten), "steuerpflichtig")).klausel("kostenerstattung"))
    assert "enthält Wagnis- oder Gewinnzuschläge" in text
    assert "Wagnis- und Gewinnzuschläge werden nicht erhoben" not in text


def test_a_service_without_cost_data_gets_a_placeholder_instead_of_figures():
    daten = example_daten("standesamt-delegierend")
    del daten["leistungen"][0]["kosten"]
    fallakte = aus_daten(daten)
    entwurf = assemble(beratung_mit_ergebnis(fallakte, "nicht_steuerbar"))
    assert entwurf.klausel("kostenerstattung").varianten == ("ohne_kalkulation",)
    assert any(p.feld == "leistungen[0].kosten" for p in entwurf.platzhalter)


# --- parties, placeholders, errors ------------------------------------------------------------


def test_parties_without_a_representative_get_the_gender_neutral_office_or_a_placeholder():
    daten = example_daten("hochwasserschutz-offen")
    daten["beteiligte"][0].pop("vertreten_durch")
    entwurf = assemble(beratung_mit_ergebnis(aus_daten(daten), "offen"))
    parteien = {p.name: p.vertretung for p in entwurf.parteien}
    assert parteien["Stadt Bergstadt"] == "vertreten durch die Bürgermeisterin / den Bürgermeister"
    assert parteien["Kreis Eulenkirchen"] == "vertreten durch die Landrätin / den Landrat"
    assert parteien["Wasserverband Obere Erft"] == "[Vertretung ergänzen]"
    assert any(p.feld == "beteiligte[0].vertreten_durch" for p in entwurf.platzhalter)


def test_every_bracketed_gap_in_the_draft_is_listed_and_every_listed_gap_is_in_the_draft():
    entwurf = assemble(beratung_mit_ergebnis(example_fallakte("it-zweckverband"), "steuerfrei"))
    alles = "\n".join(
        [
            entwurf.einleitung,
            entwurf.genehmigungsvermerk,
            *(a.text for k in entwurf.klauseln for a in k.absaetze),
            *(b.text for an in entwurf.anlagen for b in an.bloecke if hasattr(b, "text")),
            *(p for an in entwurf.anlagen for b in an.bloecke for p in getattr(b, "liste", ())),
        ]
    )
    import re

    gefunden = set(re.findall(r"\[[^\[\]]*ergänzen[^\[\]]*\]", alles))
    assert gefunden == {p.text for p in entwurf.platzhalter}
    assert "[Ziele der Zusammenarbeit ergänzen]" in gefunden


def test_a_legal_form_without_a_template_is_a_german_field_error():
    fallakte = _mit("personalabrechnung-mandatierend", fall={"rechtsform": "privatrechtlicher_vertrag"})
    with pytest.raises(UngueltigeEingabe) as e:
        assemble(beratung_mit_ergebnis(fallakte, "steuerpflichtig"))
    assert e.value.probleme[0].pfad == "rechtsform"
    assert "keine Vertragsvorlage" in e.value.probleme[0].meldung


def test_a_land_without_a_clause_library_is_a_german_field_error():
    fallakte = _mit("personalabrechnung-mandatierend", fall={"bundesland": "BY"})
    with pytest.raises(UngueltigeEingabe) as e:
        assemble(beratung_mit_ergebnis(fallakte, "steuerpflichtig"))
    assert e.value.probleme[0].pfad == "bundesland" and "NW" in e.value.probleme[0].meldung


def test_the_draft_date_is_the_key_date_unless_a_stand_is_given_never_the_clock():
    from datetime import date

    beratung = beratung_mit_ergebnis(example_fallakte("standesamt-delegierend"), "nicht_steuerbar")
    assert assemble(beratung).stand == date(2027, 1, 1)
    assert assemble(beratung, stand=date(2026, 11, 25)).kopfzeile.startswith("Entwurf – Stand: 25.11.2026")


def test_the_final_version_has_no_review_notes():
    beratung = beratung_mit_ergebnis(example_fallakte("standesamt-delegierend"), "nicht_steuerbar")
    assert assemble(beratung).pruefhinweise and not assemble(beratung, final=True).pruefhinweise


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_each_shipped_example_gets_the_vat_variant_of_its_real_assessment(name):
    beratung = echte_beratung(example_fallakte(name))
    entwurf = assemble(beratung)
    erwartet = tuple(dict.fromkeys(lb.ergebnis for lb in beratung.bewertung.leistungen))
    assert entwurf.klausel("umsatzsteuer").varianten == erwartet
