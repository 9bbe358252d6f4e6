"""The PDF, read back with pypdf: structure, figures, VAT clause, draft marks, footer, determinism,
hostile input."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from decimal import Decimal

import pytest
from pypdf import PdfReader

from advisor.kosten import kalkulation_als_dict
from contracts import assemble, render_pdf
from contracts.anlagen import abschlagsbetrag
from contracts.formatting import NBSP, format_money
from contracts.pdf_renderer import render_entwurf_pdf
from tests.conftest import ROOT
from tests.contracts.conftest import (
    EXAMPLE_NAMES,
    aus_daten,
    beratung_mit_ergebnis,
    echte_beratung,
    example_daten,
    example_fallakte,
)


def seiten(pdf: bytes) -> list[str]:
    return [(s.extract_text() or "").replace(NBSP, " ") for s in PdfReader(io.BytesIO(pdf)).pages]


def flach(texte: list[str]) -> str:
    """All pages as one line: line breaks of the layout do not matter for a phrase."""
    return re.sub(r"\s+", " ", " ".join(texte))


def geld(wert: str) -> str:
    return format_money(Decimal(wert)).replace(NBSP, " ")


@pytest.fixture(scope="module")
def beispiele() -> dict[str, tuple[object, bytes, list[str]]]:
    """{example: (Beratung, PDF, page texts)} with the real assessment and calculation."""
    result = {}
    for name in EXAMPLE_NAMES:
        beratung = echte_beratung(example_fallakte(name))
        pdf = render_pdf(beratung)
        result[name] = (beratung, pdf, seiten(pdf))
    return result


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_section_and_annex_of_the_draft_is_in_the_pdf(beispiele, name):
    beratung, _, texte = beispiele[name]
    alles = flach(texte)
    entwurf = assemble(beratung)
    for klausel in entwurf.klauseln:
        assert klausel.ueberschrift.replace(NBSP, " ") in alles
    for anlage in entwurf.anlagen:
        assert anlage.ueberschrift in alles
    assert "Präambel" in alles and "(Siegel)" in alles and "Genehmigungsvermerk der Aufsichtsbehörde" in alles
    assert "§ 12 Genehmigung und Inkrafttreten" in alles


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_amounts_in_annex_2_are_the_calculations_amounts(beispiele, name):
    beratung, _, texte = beispiele[name]
    alles = "\n".join(texte)
    for kalk in kalkulation_als_dict(beratung.kalkulation)["leistungen"]:
        assert geld(kalk["kosten_netto"]) in alles
        assert geld(kalk["erstattung_nicht_steuerbar"]) in alles
        for position in kalk["positionen"]:
            assert geld(position["betrag"]) in alles
        for anteil in kalk["anteile"]:
            assert geld(anteil["nicht_steuerbar"]) in alles


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_vat_amounts_appear_only_where_the_service_is_taxable_or_open(beispiele, name):
    beratung, _, texte = beispiele[name]
    alles = flach(texte)
    for lb, kalk in zip(
        beratung.bewertung.leistungen, kalkulation_als_dict(beratung.kalkulation)["leistungen"], strict=True
    ):
        brutto = geld(kalk["erstattung_steuerpflichtig"]["brutto"])
        if lb.ergebnis in ("steuerpflichtig", "offen"):
            assert brutto in alles
        else:
            assert brutto not in alles
            assert "Umsatzsteuer wird nicht ausgewiesen (§ 14c UStG)" in alles


def test_the_vat_clause_in_the_pdf_matches_the_assessment(beispiele):
    texte = {name: flach(t) for name, (_, _, t) in beispiele.items()}
    assert "nicht der Umsatzsteuer unterliegt" in texte["standesamt-delegierend"]
    assert "zuzüglich der gesetzlichen Umsatzsteuer" in texte["personalabrechnung-mandatierend"]
    assert "nach § 4 Nr. 29 UStG steuerfrei" in texte["it-zweckverband"]
    assert "umsatzsteuerliche Beurteilung der Leistung" in texte["hochwasserschutz-offen"]
    assert "zuzüglich der gesetzlichen Umsatzsteuer" not in texte["standesamt-delegierend"]


def test_the_advances_add_up_to_each_payers_annual_share(beispiele):
    beratung, _, _ = beispiele["personalabrechnung-mandatierend"]
    lb = beratung.bewertung.leistungen[0]
    kalk = kalkulation_als_dict(beratung.kalkulation)["leistungen"][0]
    for anteil in kalk["anteile"]:
        summe = sum(
            abschlagsbetrag(a, lb.ergebnis) for a in kalk["abschlaege"] if a["beteiligter"] == anteil["beteiligter"]
        )
        erwartet = Decimal(
            anteil["steuerpflichtig"]["brutto"] if lb.ergebnis == "steuerpflichtig" else anteil["nicht_steuerbar"]
        )
        if lb.ergebnis == "steuerpflichtig":
            # Issue 16: each advance invoice carries the VAT of its own net amount; the final invoice
            # settles the cents by which that differs from the VAT of the year.
            (schluss,) = [r for r in kalk["schlussrechnungen"] if r["beteiligter"] == anteil["beteiligter"]]
            erwartet -= Decimal(schluss["verbleibend"]["brutto"])
        assert summe == erwartet


def test_every_table_of_annex_2_adds_up_to_its_totals_row(beispiele):
    for beratung, _, _ in beispiele.values():
        for anlage in assemble(beratung).anlagen:
            for block in anlage.bloecke:
                if getattr(block, "summe", None) is None:
                    continue
                for spalte, summe in enumerate(block.summe):
                    if not summe.endswith("€"):
                        continue
                    werte = [
                        Decimal(z[spalte].replace(NBSP + "€", "").replace(".", "").replace(",", ".").replace("−", "-"))
                        for z in block.zeilen
                    ]
                    gesamt = Decimal(summe.replace(NBSP + "€", "").replace(".", "").replace(",", ".").replace("−", "-"))
                    assert sum(werte) == gesamt, (block.titel, spalte)


def test_the_draft_carries_entwurf_on_every_page_and_the_final_version_none(beispiele):
    beratung, pdf, texte = beispiele["standesamt-delegierend"]
    assert all("ENTWURF" in t and "Entwurf – Stand: 01.01.2027" in t for t in texte)
    final = seiten(render_pdf(beratung, final=True))
    assert not any("ENTWURF" in t or "Entwurf – Stand" in t for t in final)
    assert "Hinweise zur Prüfung des Entwurfs" in texte[-1]
    assert not any("Hinweise zur Prüfung" in t for t in final)


def test_every_page_has_the_footer_page_n_of_total(beispiele):
    _, _, texte = beispiele["it-zweckverband"]
    for n, text in enumerate(texte, start=1):
        assert f"Seite {n} von {len(texte)}" in text


def test_the_pdf_has_metadata_and_a_creation_date_from_the_case_not_the_clock(beispiele):
    _, pdf, _ = beispiele["personalabrechnung-mandatierend"]
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta.title.startswith("Öffentlich-rechtliche Vereinbarung über „Gemeinsame Entgelt-")
    assert meta.author == "IKZ-Berater" and "Entwurf, Stand 01.01.2027" in meta.subject
    assert meta["/CreationDate"].startswith("D:20270101")


def test_the_fonts_are_embedded_truetype_subsets(beispiele):
    _, pdf, _ = beispiele["standesamt-delegierend"]
    reader = PdfReader(io.BytesIO(pdf))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(font["/BaseFont"])
            descendant = font.get("/DescendantFonts")
            descriptor = (descendant[0].get_object() if descendant else font)["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor
    assert any("DejaVu" in str(f) or "IKZ" in str(f) for f in fonts)


def test_umlauts_paragraph_sign_euro_and_german_quotes_survive_extraction(beispiele):
    _, _, texte = beispiele["personalabrechnung-mandatierend"]
    alles = "\n".join(texte)
    for zeichen in ("ä", "ö", "ü", "ß", "§", "€", "„", "“"):
        assert zeichen in alles


def test_the_same_input_gives_the_same_bytes_twice_in_one_process(beispiele):
    beratung, pdf, _ = beispiele["abfall-zwei-kreise"]
    assert render_pdf(beratung) == pdf


def test_the_same_input_gives_the_same_bytes_in_another_process(beispiele):
    _, pdf, _ = beispiele["standesamt-delegierend"]
    code = (
        "import sys, hashlib; sys.path.insert(0, '.');"
        "from tests.contracts.conftest import echte_beratung, example_fallakte;"
        "from contracts import render_pdf;"
        "sys.stdout.write(hashlib.sha256(render_pdf(echte_beratung(example_fallakte('standesamt-delegierend'))))"
        ".hexdigest())"
    )
    ergebnis = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
    )
    import hashlib

    assert ergebnis.stdout == hashlib.sha256(pdf).hexdigest()


# --- hostile input ----------------------------------------------------------------------------


def test_names_with_markup_and_ampersands_print_as_typed():
    daten = example_daten("personalabrechnung-mandatierend")
    daten["beteiligte"][1]["name"] = "Müller & Söhne <b>GmbH</b>"
    daten["beteiligte"][1]["vertreten_durch"] = "Die <i>Geschäftsführerin</i> & Co"
    daten["bezeichnung"] = "Test <font size=40>groß</font> & „Zitat“"
    daten["leistungen"][0]["beschreibung"] = "Zeile mit <br/> und &amp; und ]]> und {leistung} und %s"
    pdf = render_pdf(beratung_mit_ergebnis(aus_daten(daten), "steuerpflichtig"))
    alles = flach(seiten(pdf))
    assert "Müller & Söhne <b>GmbH</b>" in alles
    assert "Die <i>Geschäftsführerin</i> & Co" in alles
    assert "<br/> und &amp; und ]]> und {leistung} und %s" in alles


def test_a_very_long_service_description_flows_over_pages_without_error():
    daten = example_daten("standesamt-delegierend")
    daten["leistungen"][0]["beschreibung"] = ("Beurkundung, Eheschließung, Sterbefallanzeige. " * 400).strip()
    daten["leistungen"][0]["bezeichnung"] = "Sehr lange Bezeichnung " + "x" * 250
    pdf = render_pdf(beratung_mit_ergebnis(aus_daten(daten), "nicht_steuerbar"))
    texte = seiten(pdf)
    assert len(texte) > 8
    assert all(f"Seite {n} von {len(texte)}" in t for n, t in enumerate(texte, start=1))


def sechzig_partner() -> dict:
    daten = example_daten("personalabrechnung-mandatierend")
    erbringer = daten["beteiligte"][0]
    partner = [
        {
            "id": f"gemeinde-{i:02d}",
            "name": f"Gemeinde Nummer {i:02d} im Landkreis Beispiel-Süd",
            "art": "gemeinde",
            "einwohner": 5000 + i * 137,
        }
        for i in range(1, 60)
    ]
    daten["beteiligte"] = [erbringer, *partner]
    leistung = daten["leistungen"][0]
    leistung["empfaenger"] = [p["id"] for p in partner]
    leistung["kosten"]["verteilung"] = {
        "schluessel": "fallzahlen",
        "werte": {p["id"]: 10 + i for i, p in enumerate(partner)},
    }
    leistung["kosten"]["abrechnung"] = {"verfahren": "spitzabrechnung", "abschlaege": "monatlich"}
    leistung["kosten"].pop("eigenerstellung")
    leistung["kosten"].pop("remanenzkosten")
    return daten


def test_sixty_partners_render_with_every_partner_in_the_parties_signatures_and_tables():
    fallakte = aus_daten(sechzig_partner())
    beratung = beratung_mit_ergebnis(fallakte, "steuerpflichtig")
    texte = seiten(render_pdf(beratung))
    alles = flach(texte)
    for i in range(1, 60):
        assert len(re.findall(f"Gemeinde Nummer {i:02d} im", alles)) >= 4  # parties, signatures, 2 tables
    assert all(f"Seite {n} von {len(texte)}" in t for n, t in enumerate(texte, start=1))


def test_rendering_an_assembled_draft_twice_gives_the_same_bytes():
    entwurf = assemble(beratung_mit_ergebnis(example_fallakte("digitaler-zwilling"), "steuerpflichtig"))
    assert render_entwurf_pdf(entwurf) == render_entwurf_pdf(entwurf)
