"""Screening one uploaded inventory: a self-contained job that a worker process runs.

``Screeningauftrag`` carries everything the job needs — the path of the spooled upload, its name
and media type, the Stichtag as typed, the bounds of reading, the rule set and the rate tables
(both picklable) — so it needs no state of the server (api/worker_pool.py sends it to a worker
process; ``screen_upload`` also runs in the caller's process).

Results leave the worker in one of two ways, both without copying the records through a pipe:

- ``screen_to_file``: the answer of ``POST /api/v1/screenings`` (JSON, CSV, XLSX or the PDF
  report) written to a file in the job's directory; the server streams it;
- ``screen_and_hand_over``: the ``Screening`` whose rows and problems are files in the job's
  directory (``Dateiablage.uebergeben``); ``uebernehmen`` in the server opens them (the upload page
  stores the result for its downloads).
"""

from __future__ import annotations

import dataclasses
import gc
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from advisor.eingabe import datum_lesen
from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.screening import STICHTAG_STANDARD, Rohtabelle, Screening
from advisor.screening.bestandszeile import map_headers
from advisor.screening.spalten import SPALTEN
from screening.ablage import Ablageuebergabe, Dateiablage, dateiablage
from screening.grenzen import Lesefrist, Lesegrenzen
from screening.json_read import read_json_table
from screening.read import open_table
from screening.run import screen_tables, screening_context

TITEL = "Die Bestandsliste ist ungültig."
JSON = "application/json"


@dataclass(frozen=True)
class Screeningauftrag:
    """One upload to screen. ``art``: the body's media type, or "datei" for a multipart file."""

    datei: str
    name: str
    art: str
    stichtag: Any
    grenzen: Lesegrenzen
    regelwerk: Any
    satztabellen: Any
    #: where the job's result files are made (the pool's scratch directory; None: anywhere)
    verzeichnis: str | None = None


@dataclass(frozen=True)
class Screeninglauf:
    """A finished run: the screening and the task fields' titles."""

    screening: Screening
    titel: dict[str, str]


def stichtag_lesen(wert: Any) -> date:
    """The Stichtag as typed: "01.01.2027" or "2027-01-01"; none given: 01.01.2027."""
    if wert is None or (isinstance(wert, str) and not wert.strip()):
        return STICHTAG_STANDARD
    gelesen: date | None = None
    if isinstance(wert, str):
        try:
            gelesen = datum_lesen(wert)
        except ValueError:
            gelesen = None
    if gelesen is None:
        gezeigt = str(wert).strip()[:40]
        raise UngueltigeEingabe(
            [Feldproblem("stichtag", f"„{gezeigt}“ ist kein Datum (Format TT.MM.JJJJ, z. B. 01.01.2027).")],
            "Der Stichtag ist ungültig.",
        )
    return gelesen


def pruefe_kopf(tabelle: Rohtabelle) -> None:
    """A table none of whose headers is a required column is no inventory at all: a 422 naming them.

    (A table that lacks only some required columns is screened; its rows are reported as problems.)
    """
    spalten, _ = map_headers(tabelle)
    if not tabelle.koepfe or any(s.pflicht for s in spalten.values()):
        return
    pflicht = ", ".join(f"„{s.titel}“" for s in SPALTEN if s.pflicht)
    unbekannt = [str(k)[:40] for k in tabelle.koepfe[:200] if k is not None and str(k).strip()][:5]
    gefunden = (
        f" Gefunden: {', '.join(f'„{k}“' for k in unbekannt)}{' …' if len(tabelle.koepfe) > 5 else ''}."
        if unbekannt
        else ""
    )
    raise UngueltigeEingabe(
        [
            Feldproblem(
                "datei" if tabelle.quelle != "zeilen" else "zeilen",
                f"Keine Bestandsliste: keine der Pflichtspalten {pflicht} gefunden.{gefunden} "
                "Bitte die Vorlage verwenden (GET /api/v1/screenings/vorlage.xlsx).",
            )
        ],
        TITEL,
    )


def screen_upload(auftrag: Screeningauftrag, ablage: Callable[[], Any] = dateiablage) -> Screeninglauf:
    """Read the upload (bounded, with the reading deadline) and screen it; ``ablage`` keeps the
    screened rows and problems."""
    frist = Lesefrist(auftrag.grenzen.max_sekunden)
    with open(auftrag.datei, "rb") as datei:
        zeilen = None
        if auftrag.art == JSON:
            koepfe, zeilen, stichtag_wert = read_json_table(datei, dateiablage, auftrag.grenzen, frist)
            tabelle = Rohtabelle("zeilen", koepfe, iter(zeilen))
        else:
            stichtag_wert = auftrag.stichtag
            tabelle = open_table(datei, auftrag.name, auftrag.grenzen, frist)
        try:
            stichtag = stichtag_lesen(stichtag_wert)
            pruefe_kopf(tabelle)
            kontext = screening_context(stichtag, auftrag.regelwerk, auftrag.satztabellen)
            try:
                screening = screen_tables([tabelle], kontext=kontext, jobs=1, ablage=ablage)
            finally:
                gc.unfreeze()  # the run froze its objects to spare the collector; a long-lived process lets them go
            return Screeninglauf(screening, dict(kontext.vorgaben.aufgabenfelder))
        finally:
            if zeilen is not None:
                zeilen.close()


def screen_and_hand_over(auftrag: Screeningauftrag) -> Screeninglauf:
    """``screen_upload`` with the rows and problems in files of the job's directory, handed over
    (``Ablageuebergabe``); the receiving process calls ``uebernehmen``."""
    lauf = screen_upload(auftrag, partial(Dateiablage, auftrag.verzeichnis))
    s = lauf.screening
    uebergeben = dataclasses.replace(s, zeilen=_uebergabe(s.zeilen), probleme=_uebergabe(s.probleme))
    return dataclasses.replace(lauf, screening=uebergeben)


def _uebergabe(ablage: Any) -> Any:
    return ablage.uebergeben() if isinstance(ablage, Dateiablage) else ablage


def uebernehmen(lauf: Screeninglauf) -> Screeninglauf:
    """The run another process handed over, its rows and problems opened here."""

    def offen(teil: Any) -> Any:
        return Dateiablage.uebernehmen(teil) if isinstance(teil, Ablageuebergabe) else teil

    s = lauf.screening
    return dataclasses.replace(
        lauf, screening=dataclasses.replace(s, zeilen=offen(s.zeilen), probleme=offen(s.probleme))
    )


def verwerfen(lauf: Screeninglauf) -> None:
    """Remove the files of a handed-over run nobody will take (its request was given up)."""
    for teil in (lauf.screening.zeilen, lauf.screening.probleme):
        if isinstance(teil, Ablageuebergabe):
            try:
                os.unlink(teil.pfad)
            except FileNotFoundError:
                pass


def screen_to_file(auftrag: Screeningauftrag, format: str) -> str:
    """Screen the upload and write the answer in ``format`` ("json", "csv", "xlsx" or "pdf") to a new file in
    the job's directory; its path. The caller streams the file and removes it."""
    lauf = screen_upload(auftrag)
    fd, pfad = tempfile.mkstemp(prefix="ikz-antwort-", dir=auftrag.verzeichnis)
    try:
        with os.fdopen(fd, "wb") as ziel:
            antwort_schreiben(lauf.screening, lauf.titel, format, ziel, auftrag.name)
    except BaseException:
        os.unlink(pfad)
        raise
    finally:
        lauf.screening.close()
    return pfad


def antwort_schreiben(screening: Screening, titel: dict[str, str], format: str, ziel: Any, quelle: str) -> None:
    """The screening in ``format`` ("json", "csv", "xlsx" or "pdf") into the binary file ``ziel``."""
    if format == "pdf":
        from screening.report import render_report_pdf  # reportlab: loaded when a report is asked for

        ziel.write(render_report_pdf(screening, titel, [quelle]))
    elif format == "xlsx":
        from screening.export import write_xlsx_to

        write_xlsx_to(screening, ziel)
    elif format == "csv":
        from screening.export import iter_csv

        for teil in iter_csv(screening):
            ziel.write(teil)
    elif format == "json":
        from screening.json_export import iter_screening_json

        for teil in iter_screening_json(screening):
            ziel.write(teil)
    else:
        raise ValueError(f"unbekanntes Format {format!r}")
