"""`ikz draft|vermerk|auskunft|vorlage`: files written atomically, gaps listed on stderr, the Stand
(today unless --stand), byte-identical reruns, German errors with exit code 2.

The commands run in the test process (``cli.main.main``, as the ``ikz`` script calls it; argparse's
exit is caught), which costs a tenth of starting Python for each; one test runs ``python -m cli.main``
as its own process, for the exit code and the stderr a shell sees."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from pypdf import PdfReader

from cli.main import main
from contracts.stand import heute
from tests.conftest import EXAMPLES_DIR, ROOT


@dataclass(frozen=True)
class Lauf:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def ikz(capsys: pytest.CaptureFixture[str]) -> Callable[..., Lauf]:
    """``ikz(*args)``: one ``ikz`` command in this process — its exit code, stdout and stderr."""

    def run(*args: str) -> Lauf:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as ende:  # argparse refusing an option
            code = ende.code if isinstance(ende.code, int) else 1
        captured = capsys.readouterr()
        return Lauf(code, captured.out, captured.err)

    return run


@pytest.mark.parametrize("befehl", ["draft", "vermerk", "auskunft", "vorlage"])
def test_each_command_writes_pdf_and_docx_and_lists_the_gaps(ikz, tmp_path, befehl):
    pdf, word = tmp_path / "d.pdf", tmp_path / "d.docx"
    ergebnis = ikz(befehl, str(EXAMPLES_DIR / "standesamt-delegierend.yaml"), "-o", str(pdf), "--docx", str(word))
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert "noch zu ergänzen" in ergebnis.stderr
    assert PdfReader(pdf).pages and zipfile.is_zipfile(word)
    assert not list(tmp_path.glob(".*tmp*"))


def test_the_stand_is_today_by_default_and_never_the_key_date(ikz, tmp_path):
    pdf = tmp_path / "v.pdf"
    assert ikz("draft", str(EXAMPLES_DIR / "standesamt-delegierend.yaml"), "-o", str(pdf)).returncode == 0
    datum = PdfReader(pdf).metadata["/CreationDate"]
    assert datum.startswith("D:" + heute().strftime("%Y%m%d")) or datum.startswith(
        "D:" + date.fromordinal(heute().toordinal() + 1).strftime("%Y%m%d")
    )
    assert not datum.startswith("D:20270101")


def test_the_same_case_and_stand_give_the_same_bytes_and_final_drops_the_marks(ikz, tmp_path):
    fall = str(EXAMPLES_DIR / "personalabrechnung-mandatierend.yaml")
    a, b, c = tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "c.pdf"
    assert ikz("vorlage", fall, "-o", str(a), "--stand", "2026-11-25").returncode == 0
    assert ikz("vorlage", fall, "-o", str(b), "--stand", "2026-11-25").returncode == 0
    assert a.read_bytes() == b.read_bytes()
    ergebnis = ikz("vorlage", fall, "-o", str(c), "--stand", "2026-11-25", "--final")
    text = " ".join(p.extract_text() for p in PdfReader(c).pages)
    assert ergebnis.returncode == 0 and "ENTWURF" not in text
    assert PdfReader(c).metadata["/CreationDate"].startswith("D:20261125")


def test_a_water_association_makes_draft_exit_2_naming_party_and_instrument_and_writes_nothing(tmp_path):
    ziel = tmp_path / "v.pdf"
    ergebnis = subprocess.run(  # its own process: the exit code and stderr a shell sees
        [sys.executable, "-m", "cli.main", "draft", str(EXAMPLES_DIR / "hochwasserschutz-offen.yaml"), "-o", str(ziel)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert ergebnis.returncode == 2
    meldung = ergebnis.stderr.replace("\u00a0", " ")
    assert "beteiligte[0].art" in meldung and "Wasserverband Obere Erft" in meldung
    assert "öffentlich-rechtlicher Vertrag nach §§ 54 ff. VwVfG NRW" in meldung
    assert "Traceback" not in ergebnis.stderr and not ziel.exists()


@pytest.mark.parametrize("befehl", ["vermerk", "auskunft", "vorlage"])
def test_the_other_documents_of_the_water_association_case_are_made(ikz, tmp_path, befehl):
    ziel = tmp_path / "d.pdf"
    ergebnis = ikz(befehl, str(EXAMPLES_DIR / "hochwasserschutz-offen.yaml"), "-o", str(ziel))
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert ziel.exists()


def test_options_are_checked_in_german(ikz, tmp_path):
    fall = str(EXAMPLES_DIR / "standesamt-delegierend.yaml")
    # The command line reads dates as the web form does (05.12.2026 or 2026-12-05); a non-date is refused.
    falsch = ikz("vorlage", fall, "-o", str(tmp_path / "x.pdf"), "--stand", "5.12.")
    assert falsch.returncode == 2 and "--stand" in falsch.stderr and "TT.MM.JJJJ" in falsch.stderr
    fremd = ikz("auskunft", fall, "-o", str(tmp_path / "x.pdf"), "--antragsteller", "gemeinde-cestadt")
    assert fremd.returncode == 2 and "antragsteller" in fremd.stderr
    assert ikz("vermerk", fall, "-o", str(tmp_path / "x.pdf"), "--fuer", "x").returncode == 2


def test_a_legal_form_without_a_template_is_a_german_error_for_the_agreement(ikz, tmp_path):
    kaputt = tmp_path / "fall.yaml"
    kaputt.write_text(
        (EXAMPLES_DIR / "standesamt-delegierend.yaml")
        .read_text(encoding="utf-8")
        .replace("rechtsform: oerv_delegierend", "rechtsform: privatrechtlicher_vertrag"),
        encoding="utf-8",
    )
    ergebnis = ikz("draft", str(kaputt), "-o", str(tmp_path / "x.pdf"))
    assert ergebnis.returncode == 2 and "rechtsform:" in ergebnis.stderr and "keine Vertragsvorlage" in ergebnis.stderr
    assert ikz("vermerk", str(kaputt), "-o", str(tmp_path / "y.pdf")).returncode == 0
