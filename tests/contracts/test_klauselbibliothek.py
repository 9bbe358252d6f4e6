"""The clause library as data: strict loading, every norm listed with how it was checked, no
citation in the texts outside the norm list, every section covering every case."""

from __future__ import annotations

import re

import pytest

from contracts.klauselbibliothek import KLAUSELN_DIR, load_clause_library, parse_clause_library


def _text() -> str:
    return (KLAUSELN_DIR / "nw.yaml").read_text(encoding="utf-8")


def test_the_reference_library_for_nrw_numbers_twelve_sections_after_the_preamble():
    bib = load_clause_library("NW")
    ids = bib.dokumente["oerv"].abschnitte
    assert ids[0] == "praeambel" and len([i for i in ids if bib.abschnitt(i).nummeriert]) == 12


def test_every_norm_says_how_it_was_checked_and_every_checked_norm_names_source_and_date():
    bib = load_clause_library("NW")
    for kennung, norm in bib.normen.items():
        assert norm.geprueft.vermerk, kennung
        if norm.geprueft.art != "ungeprueft":
            assert norm.geprueft.quelle and norm.geprueft.am, kennung


def test_the_municipal_law_core_is_checked_against_the_wording():
    bib = load_clause_library("NW")
    for kennung in ("gkg_beteiligte", "gkg_kostenerstattung", "gkg_kuendigung", "gkg_genehmigung", "gkg_wirksamkeit"):
        assert bib.normen[kennung].geprueft.art == "wortlaut", kennung
    assert bib.normen["gkg_kostenerstattung"].text == "§ 23 Abs. 4 GkG NRW"
    assert bib.normen["gkg_schlichtung"].text == "§ 30 GkG NRW"


def test_no_template_text_cites_a_norm_except_through_the_norm_list():
    bib = load_clause_library("NW")
    for wo, text in bib.texte():
        ohne_variablen = re.sub(r"\{[a-z0-9_]+\}", "", text)
        assert "§" not in ohne_variablen and not re.search(r"\bArt\. \d", ohne_variablen), wo


def test_a_check_without_source_is_rejected():
    kaputt = _text().replace(
        'geprueft: {art: wortlaut, am: 2026-12-05, quelle: "anwalt24.de/gesetze/gkg,nw/23", vermerk: "Beteiligte',
        'geprueft: {art: wortlaut, vermerk: "Beteiligte',
        1,
    )
    with pytest.raises(ValueError, match="Quelle und Datum"):
        parse_clause_library(kaputt, "nw.yaml")


def test_a_reference_to_a_norm_that_is_not_listed_is_rejected():
    kaputt = _text().replace("({norm_gkg_schlichtung})", "({norm_gkg_29})", 1)
    with pytest.raises(ValueError, match="gkg_29"):
        parse_clause_library(kaputt, "nw.yaml")


def test_a_library_with_an_unknown_feature_in_a_condition_is_rejected_with_the_section_named():
    kaputt = _text().replace("wenn: {rechtsform: [oerv_delegierend]}", "wenn: {rechtsfrom: [oerv_delegierend]}", 1)
    with pytest.raises(ValueError, match="gegenstand.*rechtsfrom"):
        parse_clause_library(kaputt, "nw.yaml")


def test_a_section_without_a_variant_for_every_case_is_rejected():
    kaputt = _text().replace("        wenn: {ergebnis: [offen]}\n", "        wenn: {ergebnis: [steuerfrei]}\n", 1)
    with pytest.raises(ValueError, match="umsatzsteuer.*offen"):
        parse_clause_library(kaputt, "nw.yaml")
