"""Clause ids, the clause-level comparison and Word tracked changes — checked with python-docx
and with LibreOffice headless accepting all changes."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import yaml
from docx import Document

from advisor.beratung import berate
from advisor.parsing import fallakte_aus_dict
from contracts.dokumente import DOKUMENTARTEN, als_docx, erstelle
from contracts.redline import (
    DocxUnlesbar,
    abgleich,
    abschnitte,
    lies_textmarken,
    redline_docx,
    text_nach,
    text_vor,
    textmarke,
    vergleiche,
    zusammenfassung,
)
from contracts.redline.abschnitte import slug
from rules_loader import load_rate_tables, load_rules

STAND = date(2026, 12, 1)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LO_SKRIPT = Path(__file__).with_name("lo_alles_annehmen.py")


@pytest.fixture(scope="module")
def grundlagen():
    return load_rules(), load_rate_tables()


@pytest.fixture(scope="module")
def daten(example_texts):
    return yaml.safe_load(example_texts["abfall-zwei-kreise"])


def _dokument(daten, grundlagen, art="vereinbarung"):
    regelwerk, tabellen = grundlagen
    return erstelle(art, berate(fallakte_aus_dict(daten), regelwerk, tabellen), stand=STAND, regelwerk=regelwerk)


@pytest.fixture(scope="module")
def zwei_fassungen(daten, grundlagen):
    import copy

    neu = copy.deepcopy(daten)
    neu["leistungen"][0]["laufzeit"]["kuendigungsfrist_monate"] = 12
    neu["leistungen"][1]["kosten"]["positionen"][0]["betrag"] = 250000
    neu["beteiligte"][0]["vertreten_durch"] = "Die Landrätin"
    return _dokument(daten, grundlagen), _dokument(neu, grundlagen)


@pytest.fixture(scope="module")
def aenderungen(zwei_fassungen):
    alt, neu = zwei_fassungen
    return vergleiche(abschnitte(alt), abschnitte(neu))


@pytest.fixture(scope="module")
def redline(aenderungen):
    return redline_docx(
        aenderungen,
        kopfzeile="Vergleich Version 1 → 2",
        titel="Vergleich",
        autor="IKZ-Berater (Version 2)",
        zeitpunkt=datetime(2026, 12, 5, 9, 30, tzinfo=UTC),
        stand=date(2026, 12, 5),
    )


def test_clause_ids_are_the_clause_and_the_paragraph_number_and_unique(zwei_fassungen):
    ids = [a.id for a in abschnitte(zwei_fassungen[0])]
    assert len(ids) == len(set(ids))
    assert {"parteien", "kostenerstattung", "kostenerstattung.2", "anlage.kalkulation.1"} <= set(ids)


def test_every_document_has_unique_ids_and_carries_them_as_word_bookmarks(daten, grundlagen):
    for art in DOKUMENTARTEN:
        dokument = _dokument(daten, grundlagen, art)
        ids = [a.id for a in abschnitte(dokument)]
        assert len(ids) == len(set(ids)), art
        marken = lies_textmarken(als_docx(dokument))
        assert {textmarke(i) for i in ids} == set(marken), art


def test_a_part_id_ignores_its_number_so_renumbering_keeps_it():
    assert slug("2. Rechtliche Würdigung") == slug("3. Rechtliche Würdigung") == "rechtliche_wuerdigung"


def test_bookmark_names_fit_words_limit_and_stay_distinct():
    lang = "anlage.auftragsverarbeitung_und_technische_massnahmen.12"
    assert len(textmarke(lang)) <= 40 and textmarke(lang) != textmarke(lang[:-1] + "3")


def test_a_clause_keeps_its_id_across_versions_and_only_changed_words_are_marked(aenderungen):
    summe = zusammenfassung(aenderungen)
    assert summe["neu"] == summe["entfallen"] == 0 and summe["geaendert"] >= 3
    geaendert = {a.id: a for a in aenderungen if a.art == "geaendert"}
    assert "parteien" in geaendert
    laufzeit = next(a for i, a in geaendert.items() if i.startswith("laufzeit."))
    assert ("-", "24") in laufzeit.stuecke and ("+", "12") in laufzeit.stuecke


def test_new_and_removed_clauses_appear_in_place():
    from contracts.redline import Pruefabschnitt

    alt = [
        Pruefabschnitt("a", "A", "absatz", "eins"),
        Pruefabschnitt("b", "B", "absatz", "zwei"),
        Pruefabschnitt("c", "C", "absatz", "drei"),
    ]
    neu = [
        Pruefabschnitt("a", "A", "absatz", "eins"),
        Pruefabschnitt("x", "X", "absatz", "neu"),
        Pruefabschnitt("c", "C", "absatz", "drei!"),
    ]
    result = vergleiche(alt, neu)
    assert [(a.id, a.art) for a in result] == [("a", "gleich"), ("b", "entfallen"), ("x", "neu"), ("c", "geaendert")]
    assert text_nach(result) == ["eins", "neu", "drei!"] and text_vor(result) == ["eins", "zwei", "drei"]


def test_the_redline_docx_has_real_insertions_and_deletions_with_author_and_date(redline, aenderungen):
    doc = Document(io.BytesIO(redline))
    body = doc.element.body
    ins, dels = body.findall(f".//{W}ins"), body.findall(f".//{W}del")
    assert ins and dels
    for element in ins + dels:
        assert element.get(f"{W}author") == "IKZ-Berater (Version 2)"
        assert element.get(f"{W}date") == "2026-12-05T09:30:00Z"
    geloescht = "".join(t.text for t in body.iter(f"{W}delText"))
    eingefuegt = "".join(t.text or "" for element in ins for t in element.iter(f"{W}t"))
    assert "24" in geloescht and "12" in eingefuegt and "Landrätin" in eingefuegt
    assert doc.settings.element.find(f"{W}trackRevisions") is not None


def test_the_redline_docx_is_deterministic(aenderungen, redline):
    again = redline_docx(
        aenderungen,
        kopfzeile="Vergleich Version 1 → 2",
        titel="Vergleich",
        autor="IKZ-Berater (Version 2)",
        zeitpunkt=datetime(2026, 12, 5, 9, 30, tzinfo=UTC),
        stand=date(2026, 12, 5),
    )
    assert again == redline


def _pdf_woerter(pdf: Path) -> list[str]:
    """The PDF's words without the header line and the footer "Seite n von N" (not units)."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = re.sub(r"Seite \d+ von \d+", " ", text.replace("Vergleich Version 1 → 2", " "))
    return text.split()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice fehlt (CI installiert es in .ci/run)")
def test_libreoffice_accepting_all_changes_gives_exactly_the_newer_text(redline, aenderungen, tmp_path):
    quelle, ziel = tmp_path / "vergleich.docx", tmp_path / "angenommen.pdf"
    quelle.write_bytes(redline)
    subprocess.run(["/usr/bin/python3", str(LO_SKRIPT), str(quelle), str(ziel)], check=True, timeout=180)
    woerter = _pdf_woerter(ziel)
    assert woerter == " ".join(text_nach(aenderungen)).split()
    assert woerter != " ".join(text_vor(aenderungen)).split()


def test_an_upload_edited_in_word_shows_the_changed_clauses_only(zwei_fassungen):
    alt = zwei_fassungen[0]
    erzeugt = als_docx(alt)
    doc = Document(io.BytesIO(erzeugt))
    ziel = next(p for p in doc.paragraphs if "24 Monaten" in p.text)
    ziel.runs[0].text = ziel.text.replace("24 Monaten", "6 Monaten")
    for run in ziel.runs[1:]:
        run.text = ""
    puffer = io.BytesIO()
    doc.save(puffer)
    result = abgleich(puffer.getvalue(), erzeugt, abschnitte(alt))
    assert len(result) == 1 and result[0].id.startswith("laufzeit.") and result[0].art == "geaendert"
    assert ("-", "24") in result[0].stuecke and ("+", "6") in result[0].stuecke


def test_an_upload_that_is_no_docx_or_carries_an_entity_bomb_is_refused_in_german():
    with pytest.raises(DocxUnlesbar, match="kein Word-Dokument"):
        lies_textmarken(b"kein zip")
    bombe = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&b;</w:document>'
    )
    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w") as z:
        z.writestr("word/document.xml", bombe)
    with pytest.raises(DocxUnlesbar, match="unsicher"):
        lies_textmarken(puffer.getvalue())


def test_an_upload_that_unpacks_beyond_the_bound_is_refused_before_it_is_read(monkeypatch):
    from contracts.redline import textmarken

    monkeypatch.setattr(textmarken, "MAX_DOCUMENT_XML", 1000)
    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<a>" + "x" * 5000 + "</a>")
    with pytest.raises(DocxUnlesbar, match="zu groß"):
        textmarken.lies_textmarken(puffer.getvalue())


def test_a_changed_table_row_is_diffed_word_by_word_inside_that_row_only():
    from contracts.redline.vergleich import wortdiff

    alt = "Kopf | Betrag\nStadt A | 1.000,00\nStadt B | 2.000,00\n"
    neu = "Kopf | Betrag\nStadt A | 1.500,00\nStadt B | 2.000,00\n"
    assert wortdiff(alt, neu) == (
        ("=", "Kopf | Betrag\nStadt A | "),
        ("-", "1.000,00"),
        ("+", "1.500,00"),
        ("=", "\nStadt B | 2.000,00\n"),
    )
    assert "".join(t for op, t in wortdiff(alt, "x\n" + neu) if op != "-") == "x\n" + neu
