"""Assembly of the agreement at the clause level: which variant for which case, the contract text
it holds (and what it must not hold), German grammar, placeholders, the parties § 23 admits."""

from __future__ import annotations

import itertools
import re
from datetime import date
from decimal import Decimal

import pytest

from advisor.errors import UngueltigeEingabe
from advisor.kosten import kalkulation_als_dict
from contracts import assemble
from contracts.formatting import NBSP, format_money
from contracts.stand import heute
from tests.contracts.conftest import (
    EXAMPLE_NAMES,
    STAND,
    aus_daten,
    beratung_mit_ergebnis,
    echte_beratung,
    example_daten,
    example_fallakte,
)


def _text(klausel) -> str:
    return "\n".join(a.text for a in klausel.absaetze).replace(NBSP, " ")


def _alles(entwurf) -> str:
    teile = [entwurf.titel, entwurf.untertitel, entwurf.einleitung, entwurf.schlusssatz, entwurf.vermerk]
    teile += [a.text for k in entwurf.klauseln for a in k.absaetze]
    teile += [p for k in entwurf.klauseln for a in k.absaetze for p in a.aufzaehlung]
    for anlage in entwurf.anlagen:
        for b in anlage.bloecke:
            teile += [getattr(b, "text", ""), *getattr(b, "liste", ())]
            teile += [z for zeile in (*getattr(b, "zeilen", ()), *getattr(b, "summen", ())) for z in zeile]
    return "\n".join(teile).replace(NBSP, " ")


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


def _entwurf(name: str, ergebnis, **kw):
    return assemble(beratung_mit_ergebnis(example_fallakte(name), ergebnis, **kw), stand=STAND)


# --- every combination assembles -------------------------------------------------------------


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
    daten = example_daten("personalabrechnung-mandatierend")
    daten["rechtsform"] = rechtsform
    if rechtsform == "zweckverband":
        daten["beteiligte"][0]["art"] = "zweckverband"
    entwurf = assemble(beratung_mit_ergebnis(aus_daten(daten), ergebnis), stand=STAND)
    ust = "zv_umsatzsteuer" if rechtsform == "zweckverband" else "umsatzsteuer"
    assert entwurf.klausel(ust).varianten
    assert "{" not in _alles(entwurf)


# --- contract text only ------------------------------------------------------------------------


@pytest.mark.parametrize("name", [n for n in EXAMPLE_NAMES if n != "hochwasserschutz-offen"])
def test_the_agreement_holds_no_explanations_risks_field_names_or_tax_reasoning(name):
    text = _alles(assemble(echte_beratung(example_fallakte(name)), stand=STAND))
    for verboten in ("Rechtsgrundlage:", "Risiko", "nicht bestätigt", "Würdigung", "Mehrbelastung", "Erbringer"):
        assert verboten not in text, verboten
    assert not re.findall(r"\b[a-z0-9]+_[a-z0-9_]+\b", text)
    assert "§ 19 Abs. 1 GkG" not in text


def test_an_agreement_cites_section_23_4_for_the_costs_and_never_the_zweckverband_levy():
    text = _text(_entwurf("standesamt-delegierend", "nicht_steuerbar").klausel("kostenerstattung"))
    assert "(§ 23 Abs. 4 GkG NRW)" in text and "§ 19" not in text


def test_the_annexes_are_service_description_costs_and_where_needed_the_data_processing_agreement():
    assert [a.id for a in _entwurf("standesamt-delegierend", "nicht_steuerbar").anlagen] == [
        "leistungsbeschreibung",
        "kalkulation",
    ]
    mandat = _entwurf("personalabrechnung-mandatierend", "steuerpflichtig")
    assert [a.id for a in mandat.anlagen] == ["leistungsbeschreibung", "kalkulation", "auftragsverarbeitung"]


# --- municipal law -------------------------------------------------------------------------------


def test_a_delegating_agreement_transfers_the_task_when_it_takes_effect_not_on_a_fixed_date():
    entwurf = _entwurf("standesamt-delegierend", "nicht_steuerbar")
    text = _text(entwurf.klausel("gegenstand"))
    assert "Die Stadt Aheim übernimmt die Aufgabe „Standesamtliche" in text
    assert "von der Gemeinde Cestadt in ihre Zuständigkeit (§ 23 Abs. 1 Alt. 1, Abs. 2 Satz 1 GkG NRW)" in text
    assert "gehen mit dem Wirksamwerden dieser Vereinbarung (§ 12) auf die Stadt Aheim über" in text
    assert "01.01.2027" not in text
    assert "nicht vor dem 01.01.2027 (§ 24 Abs. 4 GkG NRW)" in _text(entwurf.klausel("genehmigung"))


def test_statutes_pass_only_under_section_25_and_police_ordinances_never():
    text = _text(_entwurf("standesamt-delegierend", "nicht_steuerbar").klausel("gegenstand"))
    assert "überträgt keine Befugnis zum Erlass von Satzungen" in text and "§ 25 GkG NRW" in text
    assert "Ordnungsbehördliche Verordnungen werden durch diese Vereinbarung nicht übertragen" in text


def test_a_mandating_agreement_keeps_the_task_with_its_holders():
    text = _text(_entwurf("personalabrechnung-mandatierend", "steuerpflichtig").klausel("gegenstand"))
    assert "Der Kreis Musterland verpflichtet sich, die Aufgabe" in text
    assert "für die Stadt Aheim und die Gemeinde Bedorf durchzuführen" in text
    assert "Rechte und Pflichten der übrigen Beteiligten als Träger der Aufgabe bleiben unberührt" in text


def test_disputes_go_to_the_supervisory_authority_under_section_30_not_29():
    text = _text(_entwurf("standesamt-delegierend", "nicht_steuerbar").klausel("streitbeilegung"))
    assert "§ 30 GkG NRW" in text and "§ 29" not in text


def test_amendments_need_approval_and_termination_and_repeal_are_notified():
    entwurf = _entwurf("standesamt-delegierend", "nicht_steuerbar")
    assert "der Genehmigung der Aufsichtsbehörde" in _text(entwurf.klausel("schlussbestimmungen"))
    laufzeit = _text(entwurf.klausel("laufzeit"))
    assert "Kündigung und die Aufhebung dieser Vereinbarung sind der Aufsichtsbehörde anzuzeigen" in laufzeit
    assert "(§ 24 Abs. 5 GkG NRW)" in laufzeit


def test_an_existing_agreement_on_the_same_task_is_expressly_repealed():
    fallakte = _mit("standesamt-delegierend", laufzeit={"beginn": "2020-01-01", "kuendigungsfrist_monate": 24})
    entwurf = assemble(beratung_mit_ergebnis(fallakte, "nicht_steuerbar"), stand=STAND)
    text = _text(entwurf.klausel("laufzeit"))
    assert "Die bisherige Vereinbarung über die Aufgabe" in text and "aufgehoben" in text
    assert any(p.text == "[Bezeichnung und Datum der bisherigen Vereinbarung ergänzen]" for p in entwurf.platzhalter)


def test_remanent_costs_cover_what_cannot_end_within_a_year():
    text = _text(_entwurf("standesamt-delegierend", "nicht_steuerbar").klausel("laufzeit"))
    assert "bis zum Ende ihrer Nutzungsdauer" in text and "anderweitig eingesetzt werden kann" in text
    assert "längstens bis zum Ablauf des auf die Beendigung folgenden Kalenderjahres" not in text


def test_liability_rests_on_section_62_vwvfg_with_the_bgb_and_article_82_gdpr():
    text = _text(_entwurf("standesamt-delegierend", "nicht_steuerbar").klausel("haftung"))
    assert "Bürgerlichen Gesetzbuchs entsprechend (§ 62 Satz 2 VwVfG NRW)" in text
    assert "Art. 82 DSGVO" in text and "Haftpflichtversicherungs" in text


def test_staff_moves_need_the_personalrat():
    text = _text(_entwurf("standesamt-delegierend", "nicht_steuerbar").klausel("personal"))
    assert "Personalvertretungen nach dem Landespersonalvertretungsgesetz (LPVG NRW)" in text


@pytest.mark.parametrize(("anteil", "erwaehnt"), [(80, False), (Decimal("80.01"), True), (100, True)])
def test_the_public_public_recital_appears_only_where_less_than_20_percent_go_to_the_market(anteil, erwaehnt):
    fallakte = _mit(
        "standesamt-delegierend", gemeinsame_oeffentliche_aufgabe=True, anteil_leistungen_an_jpoer_prozent=str(anteil)
    )
    text = _text(assemble(beratung_mit_ergebnis(fallakte, "nicht_steuerbar"), stand=STAND).klausel("praeambel"))
    assert ("§ 108 Abs. 6 GWB" in text) is erwaehnt


# --- parties --------------------------------------------------------------------------------------


def test_a_water_association_cannot_be_party_of_an_agreement_and_the_error_names_party_and_instrument():
    with pytest.raises(UngueltigeEingabe) as e:
        assemble(echte_beratung(example_fallakte("hochwasserschutz-offen")), stand=STAND)
    (problem,) = e.value.probleme
    assert problem.pfad == "beteiligte[0].art"
    meldung = problem.meldung.replace(NBSP, " ")
    assert (
        "Wasserverband Obere Erft" in meldung and "öffentlich-rechtlicher Vertrag nach §§ 54 ff. VwVfG NRW" in meldung
    )


@pytest.mark.parametrize(
    ("art", "zugelassen"),
    [
        ("gemeinde", True),
        ("stadt", True),
        ("kreisfreie_stadt", True),
        ("kreis", True),
        ("zweckverband", True),
        ("landschaftsverband", True),
        ("anstalt_oeffentlichen_rechts", False),
        ("sonstige_jpoer", False),
        ("land", False),
        ("bund", False),
        ("privat", False),
    ],
)
def test_only_municipalities_and_their_associations_are_admitted_to_an_agreement(art, zugelassen):
    daten = example_daten("standesamt-delegierend")
    daten["beteiligte"][1]["art"] = art
    beratung = beratung_mit_ergebnis(aus_daten(daten), "nicht_steuerbar")
    if zugelassen:
        assert assemble(beratung, stand=STAND).parteien
    else:
        with pytest.raises(UngueltigeEingabe) as e:
            assemble(beratung, stand=STAND)
        assert e.value.probleme[0].pfad == "beteiligte[1].art"


def test_a_zweckverband_may_have_other_public_bodies_as_members():
    daten = example_daten("it-zweckverband")
    daten["beteiligte"][1]["art"] = "anstalt_oeffentlichen_rechts"
    assert assemble(beratung_mit_ergebnis(aus_daten(daten), "steuerfrei"), stand=STAND).klauseln


def test_the_parties_are_declined_between_zwischen_and_und_and_signed_for_in_the_accusative():
    entwurf = _entwurf("personalabrechnung-mandatierend", "steuerpflichtig")
    assert [p.im_dativ for p in entwurf.parteien] == ["dem Kreis Musterland", "der Stadt Aheim", "der Gemeinde Bedorf"]
    assert [u.ueberschrift for u in entwurf.unterschriften] == [
        "Für den Kreis Musterland",
        "Für die Stadt Aheim",
        "Für die Gemeinde Bedorf",
    ]


def test_parties_without_a_representative_get_the_gender_neutral_office_of_their_kind():
    daten = example_daten("abfall-zwei-kreise")
    daten["beteiligte"][0].pop("vertreten_durch")
    daten["beteiligte"][1]["art"] = "landschaftsverband"
    daten["beteiligte"][1].pop("vertreten_durch")
    entwurf = assemble(beratung_mit_ergebnis(aus_daten(daten), "nicht_steuerbar"), stand=STAND)
    parteien = {p.name: p.vertretung for p in entwurf.parteien}
    assert parteien["Kreis Westland"] == "vertreten durch die Landrätin / den Landrat"
    assert parteien["Kreis Ostland"] == "vertreten durch die Direktorin / den Direktor des Landschaftsverbands"
    assert [u.amt for u in entwurf.unterschriften][0] == "Die Landrätin / Der Landrat"


# --- costs ---------------------------------------------------------------------------------------


def test_the_cost_clause_names_the_total_with_its_non_deductible_input_vat():
    beratung = beratung_mit_ergebnis(example_fallakte("standesamt-delegierend"), "nicht_steuerbar")
    kalk = kalkulation_als_dict(beratung.kalkulation)["leistungen"][0]
    text = _text(assemble(beratung, stand=STAND).klausel("kostenerstattung"))
    gesamt = format_money(Decimal(kalk["erstattung_nicht_steuerbar"])).replace(NBSP, " ")
    netto = format_money(Decimal(kalk["kosten_netto"])).replace(NBSP, " ")
    vorsteuer = format_money(Decimal(kalk["vorsteuer"])).replace(NBSP, " ")
    assert (
        f"betragen voraussichtlich {gesamt} ({netto} Kosten zuzüglich {vorsteuer} nicht abziehbarer Vorsteuer)" in text
    )
    assert "Die Stadt Aheim erhält" in text and "der ihr entstehenden Kosten" in text
    assert "nach dem Verhältnis der Fallzahlen" in text and "halbjährliche Abschläge" in text


def test_a_district_is_masculine_in_the_cost_clause():
    text = _text(_entwurf("personalabrechnung-mandatierend", "steuerpflichtig").klausel("kostenerstattung"))
    assert "Der Kreis Musterland erhält" in text and "der ihm entstehenden Kosten" in text
    assert "zuzüglich Umsatzsteuer" in text


def test_a_base_plus_variable_key_is_described_with_its_percentage_and_the_providers_own_share():
    text = _text(_entwurf("digitaler-zwilling", "steuerpflichtig").klausel("kostenerstattung"))
    assert "zu 20 % zu gleichen Teilen (Sockel) und im Übrigen nach dem Verhältnis der Einwohnerzahlen" in text
    assert "Der Kreis Rheinland-Süd trägt entsprechend seiner eigenen Nutzung einen eigenen Anteil" in text


def test_a_profit_mark_up_is_stated_neutrally_in_the_agreement_and_flagged_only_for_the_reviewers():
    daten = example_daten("standesamt-delegierend")
    daten["leistungen"][0]["kosten"]["positionen"].append({"art": "wagnis", "bezeichnung": "Risiko", "betrag": 500})
    entwurf = assemble(beratung_mit_ergebnis(aus_daten(daten), "steuerpflichtig"), stand=STAND)
    text = _text(entwurf.klausel("kostenerstattung"))
    assert "enthält einen Wagnis- oder Gewinnzuschlag" in text and "§ 2b" not in text
    assert any(
        "Wagnis- oder Gewinnzuschlag" in h and "§ 2b Abs. 3 Nr. 2" in h.replace(NBSP, " ")
        for h in entwurf.pruefhinweise
    )


def test_a_service_without_cost_data_gets_a_placeholder_instead_of_figures():
    daten = example_daten("standesamt-delegierend")
    del daten["leistungen"][0]["kosten"]
    entwurf = assemble(beratung_mit_ergebnis(aus_daten(daten), "nicht_steuerbar"), stand=STAND)
    assert entwurf.klausel("kostenerstattung").varianten == ("ohne_kalkulation",)
    eintrag = [p for p in entwurf.platzhalter if p.feld == "leistungen[0].kosten"]
    assert eintrag and eintrag[0].angabe == "Leistung „Standesamtliche Aufgaben nach dem Personenstandsgesetz“: Kosten"


# --- VAT clause ----------------------------------------------------------------------------------


def test_the_not_taxable_variant_states_the_assumption_and_settles_a_later_assessment_without_double_burden():
    text = _text(_entwurf("standesamt-delegierend", "nicht_steuerbar").klausel("umsatzsteuer"))
    assert (
        "gehen übereinstimmend davon aus, dass die Aufgabe" in text
        and "nicht der Umsatzsteuer unterliegt (§ 2b UStG)" in text
    )
    assert "mindert sich die Erstattung nach § 5 um die Vorsteuerbeträge" in text
    assert "Zinsen, die auf diese Umsatzsteuer festgesetzt werden (§ 233a AO)" in text
    assert "berichtigte Rechnungen" in text and "wirken bei Einspruch und Klage zusammen" in text
    assert "keine Umsatzsteuer ausgewiesen (§ 14c UStG)" in text
    assert "keine Änderung des Gesetzes" in text and "nach § 29 UStG ist ausgeschlossen" in text


@pytest.mark.parametrize(("risiko", "bedingung"), [("gering", False), ("mittel", True), ("hoch", True)])
def test_from_medium_risk_on_the_binding_ruling_is_a_condition_precedent(risiko, bedingung):
    entwurf = _entwurf("standesamt-delegierend", "nicht_steuerbar", risiko=risiko)
    text = _text(entwurf.klausel("umsatzsteuer"))
    assert ("treten erst ein, wenn das zuständige Finanzamt der Stadt Aheim auf ihren Antrag" in text) is bedingung
    assert ("[Frist für die verbindliche Auskunft ergänzen]" in text) is bedingung


def test_an_open_result_makes_the_ruling_a_condition_and_states_the_fallback_amounts_in_annex_2():
    fallakte = _mit("standesamt-delegierend")
    entwurf = assemble(beratung_mit_ergebnis(fallakte, "offen"), stand=STAND)
    text = _text(entwurf.klausel("umsatzsteuer"))
    assert entwurf.klausel("umsatzsteuer").varianten == ("offen",)
    assert "wird durch eine verbindliche Auskunft des zuständigen Finanzamts geklärt" in text
    assert "(Beträge nach Anlage 2)" in text
    titel = [b.titel for b in entwurf.anlage("kalkulation").bloecke if hasattr(b, "spalten")]
    assert "Jahresanteile im Fall der Umsatzsteuerpflicht nach § 6" in [t.replace(NBSP, " ") for t in titel]


def test_the_taxable_variant_requires_invoices_for_advances_and_the_settlement_at_the_applicable_rate():
    text = _text(_entwurf("digitaler-zwilling", "steuerpflichtig").klausel("umsatzsteuer"))
    assert "zuzüglich der Umsatzsteuer nach dem jeweils geltenden Steuersatz" in text
    assert "§ 13 Abs. 1 Nr. 1 Buchst. a Satz 4 UStG" in text and "Schlussrechnung" in text
    assert "nicht der Umsatzsteuer unterliegt" not in text


def test_the_exempt_variant_lists_the_conditions_the_parties_keep():
    text = _text(_entwurf("standesamt-delegierend", "steuerfrei").klausel("umsatzsteuer"))
    assert "nach § 4 Nr. 29 UStG von der Umsatzsteuer befreit" in text
    assert "genau seinen Anteil an den gemeinsamen Kosten ohne Gewinn- oder Wagniszuschlag" in text


def test_two_services_with_different_results_get_each_their_own_variant_and_jeweils_roles():
    entwurf = assemble(
        beratung_mit_ergebnis(
            example_fallakte("abfall-zwei-kreise"),
            {"bioabfall": "nicht_steuerbar", "krankenhausabfall": "steuerpflichtig"},
        ),
        stand=STAND,
    )
    klausel = entwurf.klausel("umsatzsteuer")
    assert klausel.varianten == ("nicht_steuerbar", "steuerpflichtig")
    assert "der jeweils übernehmende Beteiligte" in _text(klausel)


# --- term ----------------------------------------------------------------------------------------


def test_an_indefinite_agreement_gets_the_termination_clause_with_the_notice_period_and_its_form():
    text = _text(_entwurf("standesamt-delegierend", "nicht_steuerbar").klausel("laufzeit"))
    assert "auf unbestimmte Zeit" in text
    assert "mit einer Frist von 24 Monaten zum Ende eines Kalenderjahres durch schriftliche Erklärung" in text
    assert "(§ 23 Abs. 5 GkG NRW)" in text


@pytest.mark.parametrize(("ende", "pflicht"), [("2047-01-01", False), ("2047-01-02", True)])
def test_the_termination_clause_cites_section_23_5_only_beyond_twenty_years(ende, pflicht):
    fallakte = _mit(
        "standesamt-delegierend", laufzeit={"beginn": "2027-01-01", "ende": ende, "kuendigungsfrist_monate": 12}
    )
    text = _text(assemble(beratung_mit_ergebnis(fallakte, "nicht_steuerbar"), stand=STAND).klausel("laufzeit"))
    assert ("§ 23 Abs. 5 GkG NRW" in text) is pflicht
    assert "bis zum Ablauf des " + ("31.12.2046" if not pflicht else "01.01.2047") in text


def test_a_missing_notice_period_is_a_visible_placeholder_listed_with_its_field_in_words():
    fallakte = _mit("standesamt-delegierend", laufzeit={"beginn": "2027-01-01"})
    entwurf = assemble(beratung_mit_ergebnis(fallakte, "nicht_steuerbar"), stand=STAND)
    assert "[Kündigungsfrist ergänzen]" in _text(entwurf.klausel("laufzeit"))
    eintrag = [p for p in entwurf.platzhalter if p.text == "[Kündigungsfrist ergänzen]"]
    assert eintrag and eintrag[0].feld == "leistungen[0].laufzeit.kuendigungsfrist_monate"
    assert eintrag[0].angabe.endswith("Laufzeit – Kündigungsfrist (Monate)")
    assert eintrag[0].fundstelle.startswith("§ 7 Abs.")


# --- data protection -----------------------------------------------------------------------------


def test_after_a_delegation_the_provider_is_controller_and_files_are_handed_over_not_deleted():
    entwurf = _entwurf("standesamt-delegierend", "nicht_steuerbar")
    text = _text(entwurf.klausel("datenschutz"))
    assert "Verantwortlicher (Art. 4 Nr. 7 DSGVO)" in text and "nicht auf Weisung" in text
    assert "Art. 9 DSGVO" in text
    assert "übergibt der übernehmende Beteiligte die Akten und Daten" in _text(entwurf.klausel("laufzeit"))


def test_a_mandate_is_processing_on_behalf_with_every_point_of_article_28_3():
    entwurf = _entwurf("personalabrechnung-mandatierend", "steuerpflichtig")
    assert "Anlage 3 (Art. 28 Abs. 3 DSGVO)" in _text(entwurf.klausel("datenschutz"))
    punkte = " ".join(entwurf.anlage("auftragsverarbeitung").bloecke[0].liste)
    for buchstabe in "abcdefgh":
        assert f"(Buchst. {buchstabe})" in punkte.replace(NBSP, " ")


def test_joint_use_of_the_data_gives_joint_control_under_article_26():
    fallakte = _mit("digitaler-zwilling", gemeinsame_datennutzung=True)
    entwurf = assemble(beratung_mit_ergebnis(fallakte, "steuerpflichtig"), stand=STAND)
    assert entwurf.klausel("datenschutz").varianten == ("gemeinsame_verantwortung",)
    assert "gemeinsam Verantwortliche (Art. 26 DSGVO)" in _text(entwurf.klausel("datenschutz"))
    assert [a.id for a in entwurf.anlagen][-1] == "gemeinsame_verantwortung"


# --- Zweckverband --------------------------------------------------------------------------------


def test_a_zweckverband_gets_its_statute_without_termination_liability_or_party_signatures():
    entwurf = _entwurf("it-zweckverband", "steuerfrei")
    assert entwurf.titel == "Verbandssatzung"
    ids = [k.id for k in entwurf.klauseln]
    assert ids[:5] == ["zv_name_sitz", "zv_mitglieder", "zv_aufgaben", "zv_organe", "zv_umlage"]
    assert not {"laufzeit", "haftung", "streitbeilegung"} & set(ids)
    assert entwurf.parteien == ()
    assert [u.ueberschrift for u in entwurf.unterschriften] == [
        "Ausgefertigt für den Zweckverband Kommunale IT Westmünsterland"
    ]
    mitglieder = entwurf.klausel("zv_mitglieder").absaetze[0].aufzaehlung
    assert len(mitglieder) == 6 and "Kreis Borkland" in mitglieder
    assert "(§ 19 GkG NRW)" in _text(entwurf.klausel("zv_umlage"))
    assert "angezeigt" in entwurf.vermerk and "§ 20 GkG NRW" in entwurf.vermerk.replace(NBSP, " ")


# --- placeholders and Stand -----------------------------------------------------------------------


def test_every_bracketed_gap_is_listed_and_every_listed_gap_is_in_the_agreement():
    for name in ("it-zweckverband", "personalabrechnung-mandatierend"):
        entwurf = assemble(echte_beratung(example_fallakte(name)), stand=STAND)
        gefunden = set(re.findall(r"\[[^\[\]]*ergänzen[^\[\]]*\]", _alles(entwurf)))
        assert gefunden == {p.text.replace(NBSP, " ") for p in entwurf.platzhalter}


def test_the_stand_is_today_unless_given_never_the_key_date():
    beratung = beratung_mit_ergebnis(example_fallakte("standesamt-delegierend"), "nicht_steuerbar")
    assert assemble(beratung).stand == heute()
    assert assemble(beratung, stand=date(2026, 11, 25)).kopfzeile.startswith("Entwurf – Stand: 25.11.2026")


@pytest.mark.parametrize("name", [n for n in EXAMPLE_NAMES if n != "hochwasserschutz-offen"])
def test_each_shipped_example_gets_the_vat_variant_of_its_real_assessment(name):
    beratung = echte_beratung(example_fallakte(name))
    entwurf = assemble(beratung, stand=STAND)
    erwartet = {lb.ergebnis for lb in beratung.bewertung.leistungen}
    ust = entwurf.klausel("zv_umsatzsteuer" if name == "it-zweckverband" else "umsatzsteuer")
    assert set(ust.varianten) == erwartet


def test_the_cost_clause_states_the_remainder_cent_rule_of_the_calculation():
    # Issue 16: the calculation now has a rule of its own (equal weights pay equal amounts; the cents
    # that cannot be split go to a named party); the clause states it instead of the former fallback.
    beratung = beratung_mit_ergebnis(example_fallakte("standesamt-delegierend"), "nicht_steuerbar")
    text = _text(assemble(beratung, stand=STAND).klausel("kostenerstattung"))
    assert "nach dem Verfahren der größten Reste auf volle Cent gerundet" in text
    assert "Beteiligte mit gleichem Gewicht zahlen stets denselben Betrag" in text
    assert "trägt die Stadt Aheim; sie werden nicht in Rechnung gestellt." in text
