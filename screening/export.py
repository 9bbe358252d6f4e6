"""Exports of a screening: CSV (for any spreadsheet) and XLSX (result, action list, summary, problems).

CSV: ";" separated, UTF-8 with BOM, amounts with a decimal comma and no thousands separator
("1234,56"), so that German Excel reads them as numbers. XLSX (``screening.xlsx_write``): amounts
as numbers with the format "#.##0,00 €"; deterministic bytes. Both are written row by row from
the screening (``iter_csv``, ``write_xlsx_to``): a 100,000-row export never exists as one list.
Texts that a spreadsheet could take for a formula are neutralised (screening/formelschutz.py).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import IO, Any

from advisor.screening.als_dict import raenge
from advisor.screening.durchlauf import Screening
from advisor.screening.ergebnis import Screeningzeile
from advisor.screening.zusammenfassung import Gruppensumme
from screening.formelschutz import csv_safe
from screening.labels import ERGEBNISSE, FAKTEN, RECHTSFORMEN, RISIKEN, aufgabenfeld, label, regel
from screening.xlsx_write import Sheet, write_workbook_to

#: (header, value of a row, is money)
SPALTEN_ERGEBNIS: tuple[tuple[str, Callable[[Screeningzeile, int | None], Any], bool], ...] = (
    ("Rang", lambda z, r: r, False),
    ("Quelle", lambda z, r: z.quelle, False),
    ("Zeile", lambda z, r: z.zeile, False),
    ("Kennung", lambda z, r: z.kennung, False),
    ("Leistung", lambda z, r: z.bezeichnung, False),
    ("Erbringer", lambda z, r: z.erbringer, False),
    ("Aufgabenfeld", lambda z, r: aufgabenfeld(z.aufgabenfeld), False),
    ("Rechtsform", lambda z, r: label(RECHTSFORMEN, z.rechtsform), False),
    ("Ergebnis", lambda z, r: label(ERGEBNISSE, z.ergebnis), False),
    ("Risiko", lambda z, r: label(RISIKEN, z.risiko), False),
    ("Entscheidende Regel", lambda z, r: regel(z.entscheidende_regel), False),
    ("Jahresbetrag (EUR)", lambda z, r: z.jahresbetrag, True),
    ("Mehrbelastung USt (EUR)", lambda z, r: z.mehrbelastung_eur, True),
    ("Potenzielle Mehrbelastung (EUR)", lambda z, r: z.potenzielle_mehrbelastung_eur, True),
    ("Offene Fragen", lambda z, r: " | ".join(f.frage for f in z.offene_fragen), False),
    (
        "Aus dem Bestand ermittelt",
        lambda z, r: " | ".join(f"{label(FAKTEN, k)} = {v.wert}: {v.herkunft}" for k, v in z.aus_bestand.items()),
        False,
    ),
    ("Risikogründe", lambda z, r: " | ".join(z.risikogruende), False),
    ("Hinweise", lambda z, r: " | ".join(z.hinweise), False),
)
SPALTEN_GRUPPE = (
    "Anzahl",
    "davon ohne Jahresbetrag",
    "Jahresbetrag (EUR)",
    "Mehrbelastung USt (EUR)",
    "Potenzielle Mehrbelastung (EUR)",
)


def _csv_text(wert: Any) -> str:
    if wert is None:
        return ""
    if isinstance(wert, Decimal):
        return format(wert.quantize(Decimal("0.01")), "f").replace(".", ",")
    if isinstance(wert, str):
        return csv_safe(wert)
    return str(wert)


def _zeilen(screening: Screening) -> Iterable[tuple[Screeningzeile, int | None]]:
    rang = raenge(screening)
    return ((z, rang.get(i)) for i, z in enumerate(screening.zeilen))


def iter_csv(screening: Screening, zeilen_je_stueck: int = 500) -> Iterator[bytes]:
    """The CSV export in pieces: the screened rows in input order, with their rank in the action list."""
    aus = io.StringIO()
    schreiber = csv.writer(aus, delimiter=";", lineterminator="\r\n")
    aus.write("\ufeff")
    schreiber.writerow([s[0] for s in SPALTEN_ERGEBNIS])
    for n, (z, r) in enumerate(_zeilen(screening), start=1):
        schreiber.writerow([_csv_text(s[1](z, r)) for s in SPALTEN_ERGEBNIS])
        if n % zeilen_je_stueck == 0:
            yield aus.getvalue().encode("utf-8")
            aus.seek(0)
            aus.truncate()
    yield aus.getvalue().encode("utf-8")


def export_csv(screening: Screening) -> bytes:
    """The screened rows in input order, with their rank in the action list."""
    return b"".join(iter_csv(screening))


def _gruppe_werte(g: Gruppensumme) -> list[Any]:
    return [g.anzahl, g.anzahl_ohne_betrag, g.jahresbetrag_eur, g.mehrbelastung_eur, g.potenzielle_mehrbelastung_eur]


def export_xlsx(screening: Screening) -> bytes:
    """Sheets "Ergebnis" (input order), "Handlungsliste" (most urgent first), "Zusammenfassung", "Probleme"."""
    aus = io.BytesIO()
    write_xlsx_to(screening, aus)
    return aus.getvalue()


def write_xlsx_to(screening: Screening, ziel: IO[bytes]) -> None:
    """``export_xlsx`` into a seekable binary file, row by row."""
    breiten = {"Leistung": 40, "Erbringer": 28, "Offene Fragen": 60, "Aus dem Bestand ermittelt": 60, "Hinweise": 50}
    spaltenbreiten = [breiten.get(t, 16) for t, _, _ in SPALTEN_ERGEBNIS]
    kopf = [s[0] for s in SPALTEN_ERGEBNIS]

    def zeilen(paare: Iterable[tuple[Screeningzeile, int | None]]) -> Iterator[list[Any]]:
        yield kopf
        for z, r in paare:
            yield [s[1](z, r) for s in SPALTEN_ERGEBNIS]

    ergebnis = Sheet("Ergebnis", zeilen(_zeilen(screening)), spaltenbreiten)
    liste = Sheet(
        "Handlungsliste",
        zeilen((screening.zeilen[i], n) for n, i in enumerate(screening.zusammenfassung.handlungsliste, start=1)),
        spaltenbreiten,
    )
    zf = screening.zusammenfassung
    zusammen: list[list[Any]] = [
        ["Bestandsscreening § 2b UStG", f"Stichtag {date.fromisoformat(screening.stichtag):%d.%m.%Y}"],
        ["Regelwerk", screening.regelwerk_version, screening.regelwerk_sha256],
        ["Geprüfte Leistungen", zf.anzahl_zeilen],
        ["Nicht lesbare Zeilen/Dateien", zf.anzahl_nicht_lesbar],
        ["Mehrbelastung USt gesamt (steuerpflichtige Leistungen)", zf.mehrbelastung_gesamt_eur],
        ["Potenzielle Mehrbelastung der offenen Leistungen", zf.potenzielle_mehrbelastung_offen_eur],
        ["Leistungen mit Handlungsbedarf", len(zf.handlungsliste)],
    ]
    fett = {0}
    for titel, gruppen, namen in (
        ("Ergebnis", zf.nach_ergebnis, ERGEBNISSE),
        ("Risiko", zf.nach_risiko, RISIKEN),
        ("Aufgabenfeld", zf.nach_aufgabenfeld, {k: aufgabenfeld(k) for k in zf.nach_aufgabenfeld}),
        ("Rechtsform", zf.nach_rechtsform, RECHTSFORMEN),
    ):
        zusammen.append([])
        fett.add(len(zusammen))
        zusammen.append([f"nach {titel}", *SPALTEN_GRUPPE])
        zusammen += [[label(namen, key), *_gruppe_werte(g)] for key, g in gruppen.items()]
    zusammenfassung = Sheet("Zusammenfassung", zusammen, [44, 22, 22, 22, 22, 22], fett)
    probleme = Sheet("Probleme", _problemzeilen(screening), [30, 8, 30, 100])
    write_workbook_to([ergebnis, liste, zusammenfassung, probleme], ziel)


def _problemzeilen(screening: Screening) -> Iterator[list[Any]]:
    yield ["Quelle", "Zeile", "Spalte", "Meldung"]
    for p in screening.probleme:
        yield [p.quelle, p.zeile, p.spalte, p.meldung]
