"""The agreement as PDF, read back with pypdf: contract text only, every amount of § 5 a total of
the cost annex, draft marks, footer, metadata dated by the Stand, determinism, hostile input."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from advisor.kosten import kalkulation_als_dict
from contracts import assemble, render_pdf
from contracts.anlagen import abschlagsbetrag
from contracts.entwurf import Tabelle
from contracts.formatting import NBSP
from contracts.pdf_renderer import render_entwurf_pdf
from tests.conftest import ROOT
from tests.contracts.conftest import (
    EXAMPLE_NAMES,
    STAND,
    aus_daten,
    beratung_mit_ergebnis,
    echte_beratung,
    example_daten,
    example_fallakte,
    flach,
    seiten,
)

VEREINBARUNGEN = [n for n in EXAMPLE_NAMES if n != "hochwasserschutz-offen"]
_GELD = re.compile(r"\d{1,3}(?:\.\d{3})*,\d{2} €")


def _vereinbarung(dokumente, name):
    return dokumente[(name, "vereinbarung")]


@pytest.mark.parametrize("name", VEREINBARUNGEN)
def test_the_agreement_pdf_has_none_of_the_internal_material(dokumente, name):
    text = _vereinbarung(dokumente, name).text
    for verboten in ("Rechtsgrundlage:", "Risiko", "nicht bestätigt", "Steuerliche Würdigung", "Mehrbelastung"):
        assert verboten not in text, verboten
    assert not re.findall(r"\b[a-z0-9]+_[a-z0-9_]+\b", text)
    if name != "it-zweckverband":
        assert "§ 19 Abs. 1 GkG" not in text and "§ 19 GkG" not in text


@pytest.mark.parametrize("name", VEREINBARUNGEN)
def test_every_amount_of_the_cost_clause_is_a_total_of_the_cost_annex(dokumente, name):
    gerendert = _vereinbarung(dokumente, name)
    entwurf = gerendert.dokument
    kosten = entwurf.klausel("zv_umlage" if name == "it-zweckverband" else "kostenerstattung")
    betraege = {b for a in kosten.absaetze for b in _GELD.findall(a.text.replace(NBSP, " "))}
    assert betraege
    summen = {
        z.replace(NBSP, " ")
        for b in entwurf.anlage("kalkulation").bloecke
        if isinstance(b, Tabelle)
        for zeile in b.summen
        for z in zeile
    }
    assert betraege <= summen
    anlage = gerendert.text[gerendert.text.index("Anlage 2:") :]
    for betrag in betraege:
        assert betrag in anlage


@pytest.mark.parametrize("name", VEREINBARUNGEN)
def test_the_first_totals_row_of_every_annex_table_adds_up(dokumente, name):
    for block in _vereinbarung(dokumente, name).dokument.anlage("kalkulation").bloecke:
        if not isinstance(block, Tabelle) or not block.summen:
            continue
        for spalte, summe in enumerate(block.summen[0]):
            if spalte == 0 or not summe.endswith("€"):
                continue
            werte = [_zahl(zeile[spalte]) for zeile in block.zeilen]
            assert sum(werte) == _zahl(summe), (block.titel, spalte)


def _zahl(text: str) -> Decimal:
    return Decimal(text.replace(NBSP + "€", "").replace(".", "").replace(",", ".").replace("−", "-"))


def test_the_advances_and_the_final_invoice_add_up_to_each_payers_annual_share():
    # Issue 16: each advance invoice carries the VAT of its own net amount, so for a taxable service
    # the advances alone may differ by cents from the annual gross share; the final invoice settles it.
    beratung = echte_beratung(example_fallakte("personalabrechnung-mandatierend"))
    lb = beratung.bewertung.leistungen[0]
    assert lb.ergebnis == "steuerpflichtig"
    kalk = kalkulation_als_dict(beratung.kalkulation)["leistungen"][0]
    schluss = {r["beteiligter"]: Decimal(r["verbleibend"]["brutto"]) for r in kalk["schlussrechnungen"]}
    assert any(schluss.values()), "the example has a per-invoice rounding difference"
    for anteil in kalk["anteile"]:
        summe = sum(
            abschlagsbetrag(a, lb.ergebnis) for a in kalk["abschlaege"] if a["beteiligter"] == anteil["beteiligter"]
        )
        assert summe + schluss[anteil["beteiligter"]] == Decimal(anteil["steuerpflichtig"]["brutto"])


def test_a_non_taxable_services_advances_add_up_to_each_payers_annual_share():
    beratung = echte_beratung(example_fallakte("standesamt-delegierend"))
    lb = beratung.bewertung.leistungen[0]
    assert lb.ergebnis == "nicht_steuerbar"
    kalk = kalkulation_als_dict(beratung.kalkulation)["leistungen"][0]
    for anteil in kalk["anteile"]:
        if anteil["rolle"] == "erbringer":
            continue
        summe = sum(
            abschlagsbetrag(a, lb.ergebnis) for a in kalk["abschlaege"] if a["beteiligter"] == anteil["beteiligter"]
        )
        assert summe == Decimal(anteil["nicht_steuerbar"])


def test_the_annex_shows_the_final_invoice_of_a_taxable_service(dokumente):
    anlage = _vereinbarung(dokumente, "personalabrechnung-mandatierend").dokument.anlage("kalkulation")
    titel = [b.titel for b in anlage.bloecke if isinstance(b, Tabelle)]
    assert any(t.startswith("Schlussrechnung") for t in titel)
    texte = [b.text for b in anlage.bloecke if hasattr(b, "text")]
    assert any(t.startswith("Fälligkeit der Abschläge: Vierteljährlich nachschüssig") for t in texte)
    standesamt = _vereinbarung(dokumente, "standesamt-delegierend").dokument.anlage("kalkulation")
    assert not any(isinstance(b, Tabelle) and b.titel.startswith("Schlussrechnung") for b in standesamt.bloecke)


def test_the_parties_are_named_in_german_grammar_in_the_pdf(dokumente):
    text = _vereinbarung(dokumente, "standesamt-delegierend").text
    assert "Zwischen der Stadt Aheim, vertreten durch die Bürgermeisterin" in text
    assert "und der Gemeinde Cestadt, vertreten durch den Bürgermeister" in text
    assert "Die Stadt Aheim erhält" in text and "der ihr entstehenden Kosten" in text
    assert "Für die Stadt Aheim" in text and "Für die Gemeinde Cestadt" in text


def test_the_draft_carries_entwurf_on_every_page_and_lists_its_gaps_the_final_version_neither():
    beratung = beratung_mit_ergebnis(example_fallakte("standesamt-delegierend"), "nicht_steuerbar")
    texte = seiten(render_pdf(beratung, stand=STAND))
    assert all("ENTWURF" in t and "Entwurf – Stand: 05.12.2026" in t for t in texte)
    assert "Verzeichnis der zu ergänzenden Stellen" in texte[-1]
    assert "Ziele der Zusammenarbeit" in texte[-1]
    final = seiten(render_pdf(beratung, final=True, stand=STAND))
    assert not any("ENTWURF" in t or "Entwurf – Stand" in t or "Verzeichnis der zu ergänzenden" in t for t in final)


def test_every_page_has_the_footer_page_n_of_total(dokumente):
    texte = _vereinbarung(dokumente, "it-zweckverband").texte
    for n, text in enumerate(texte, start=1):
        assert f"Seite {n} von {len(texte)}" in text


def test_the_pdf_is_dated_by_its_stand_not_by_the_key_date(dokumente):
    meta = PdfReader(io.BytesIO(_vereinbarung(dokumente, "personalabrechnung-mandatierend").pdf)).metadata
    assert meta.title.startswith("Öffentlich-rechtliche Vereinbarung über „Gemeinsame Entgelt-")
    assert meta.author == "IKZ-Berater" and "Entwurf, Stand 05.12.2026" in meta.subject
    assert meta["/CreationDate"].startswith("D:20261205")


def test_the_fonts_are_embedded_truetype_subsets(dokumente):
    reader = PdfReader(io.BytesIO(_vereinbarung(dokumente, "standesamt-delegierend").pdf))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            descriptor = (descendant[0].get_object() if descendant else font)["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor


def test_umlauts_paragraph_sign_euro_and_german_quotes_survive_extraction(dokumente):
    alles = "\n".join(_vereinbarung(dokumente, "personalabrechnung-mandatierend").texte)
    for zeichen in ("ä", "ö", "ü", "ß", "§", "€", "„", "“"):
        assert zeichen in alles


def test_the_same_input_and_stand_give_the_same_bytes_and_another_stand_other_bytes():
    beratung = beratung_mit_ergebnis(example_fallakte("abfall-zwei-kreise"), "nicht_steuerbar")
    erster = render_pdf(beratung, stand=STAND)
    assert render_pdf(beratung, stand=STAND) == erster
    assert render_pdf(beratung, stand=date(2026, 12, 6)) != erster


def test_the_same_input_and_stand_give_the_same_bytes_in_another_process(dokumente):
    pdf = _vereinbarung(dokumente, "standesamt-delegierend").pdf
    code = (
        "import sys, hashlib, datetime; sys.path.insert(0, '.');"
        "from tests.contracts.conftest import echte_beratung, example_fallakte;"
        "from contracts import render_pdf;"
        "b = echte_beratung(example_fallakte('standesamt-delegierend'));"
        "sys.stdout.write(hashlib.sha256(render_pdf(b, stand=datetime.date(2026, 12, 5))).hexdigest())"
    )
    ergebnis = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
    )
    assert ergebnis.stdout == hashlib.sha256(pdf).hexdigest()


# --- hostile input ----------------------------------------------------------------------------


def test_names_with_markup_and_ampersands_print_as_typed():
    daten = example_daten("personalabrechnung-mandatierend")
    daten["beteiligte"][1]["name"] = "Müller & Söhne <b>GmbH</b>"
    daten["beteiligte"][1]["vertreten_durch"] = "Die <i>Geschäftsführerin</i> & Co"
    daten["bezeichnung"] = "Test <font size=40>groß</font> & „Zitat“"
    daten["leistungen"][0]["beschreibung"] = "Zeile mit <br/> und &amp; und ]]> und {leistung} und %s"
    alles = flach(seiten(render_pdf(beratung_mit_ergebnis(aus_daten(daten), "steuerpflichtig"), stand=STAND)))
    assert "Müller & Söhne <b>GmbH</b>" in alles
    assert "Die <i>Geschäftsführerin</i> & Co" in alles
    assert "<br/> und &amp; und ]]> und {leistung} und %s" in alles


def test_a_very_long_service_description_flows_over_pages_without_error():
    daten = example_daten("standesamt-delegierend")
    daten["leistungen"][0]["beschreibung"] = ("Beurkundung, Eheschließung, Sterbefallanzeige. " * 400).strip()
    daten["leistungen"][0]["bezeichnung"] = "Sehr lange Bezeichnung " + "x" * 250
    texte = seiten(render_pdf(beratung_mit_ergebnis(aus_daten(daten), "nicht_steuerbar"), stand=STAND))
    assert len(texte) > 8
    assert all(f"Seite {n} von {len(texte)}" in t for n, t in enumerate(texte, start=1))


def sechzig_partner() -> dict:
    daten = example_daten("personalabrechnung-mandatierend")
    erbringer = daten["beteiligte"][0]
    partner = [
        {"id": f"gemeinde-{i:02d}", "name": f"Gemeinde Nummer {i:02d} im Landkreis Beispiel-Süd", "art": "gemeinde"}
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
    beratung = beratung_mit_ergebnis(aus_daten(sechzig_partner()), "steuerpflichtig")
    texte = seiten(render_pdf(beratung, stand=STAND))
    alles = flach(texte)
    for i in range(1, 60):
        assert len(re.findall(f"Gemeinde Nummer {i:02d} im", alles)) >= 4  # parties, signatures, 2 tables
    assert all(f"Seite {n} von {len(texte)}" in t for n, t in enumerate(texte, start=1))


def test_rendering_an_assembled_agreement_twice_gives_the_same_bytes():
    entwurf = assemble(beratung_mit_ergebnis(example_fallakte("digitaler-zwilling"), "steuerpflichtig"), stand=STAND)
    assert render_entwurf_pdf(entwurf) == render_entwurf_pdf(entwurf)
