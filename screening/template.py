"""The downloadable inventory template: German headers, an example row, the allowed values.

XLSX: sheet "Bestand" (headers with a help comment each, the example row, drop-down lists for the
choice columns), sheet "Werte" (allowed values: Aufgabenfelder from the catalogue, Rechtsformen,
Arten, Entgelt, Abrechnung, ja/nein) and sheet "Hinweise" (every column explained). CSV: the
header and the example row, separated by ";", UTF-8 with BOM (opens correctly in German Excel).
"""

from __future__ import annotations

import csv
import io

from advisor import bezeichnungen as bz
from advisor.screening.spalten import ARTEN_BETEILIGTER, JA_NEIN, SPALTEN, Spalte
from advisor.screening.vorgaben import Screeningvorgaben
from screening.xlsx import stable_xlsx_bytes

BEISPIEL_BEMERKUNG = "Beispielzeile – bitte durch die eigenen Leistungsbeziehungen ersetzen."
SHEET_VALUES = "Werte"
SHEET_HELP = "Hinweise"


def example_row() -> list[str]:
    """The example row, in column order (its Bemerkung asks to replace it)."""
    return [BEISPIEL_BEMERKUNG if s.feld == "bemerkung" else s.beispiel for s in SPALTEN]


def template_csv() -> bytes:
    """Header + example row; ";" separated, UTF-8 with BOM."""
    aus = io.StringIO()
    schreiber = csv.writer(aus, delimiter=";", lineterminator="\r\n")
    schreiber.writerow([s.titel for s in SPALTEN])
    schreiber.writerow(example_row())
    return ("\ufeff" + aus.getvalue()).encode("utf-8")


#: The German label of each value of a choice column, by the column's field (advisor/bezeichnungen).
_BEZEICHNUNGEN: dict[str, dict[str, str]] = {
    "rechtsform": bz.RECHTSFORMEN,
    "entgelt": bz.ENTGELTE,
    "abrechnung": bz.VERFAHREN,
}


def _wertelisten(vorgaben: Screeningvorgaben) -> list[tuple[str, list[str], list[str] | None]]:
    """(title, values, German titles or None) for each list of the "Werte" sheet: the value to type
    (or choose) and, next to it, what it means in words."""
    auswahl = [
        s for s in SPALTEN if s.werte is not None and s.art in ("auswahl", "arten") and s.werte is not ARTEN_BETEILIGTER
    ]
    listen: list[tuple[str, list[str], list[str] | None]] = [
        ("Aufgabenfeld", list(vorgaben.aufgabenfelder), list(vorgaben.aufgabenfelder.values())),
        (
            "Art (Erbringer / Empfänger)",
            list(ARTEN_BETEILIGTER),
            [bz.ARTEN.get(w, w) for w in ARTEN_BETEILIGTER],
        ),
    ]
    for s in auswahl:
        werte = list(s.werte or ())
        namen = _BEZEICHNUNGEN.get(s.feld)
        listen.append((s.titel, werte, [namen.get(w, w) for w in werte] if namen else None))
    listen.append(("ja / nein", list(JA_NEIN), None))
    return listen


def template_xlsx(vorgaben: Screeningvorgaben) -> bytes:
    """The XLSX template (deterministic bytes)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    mappe = Workbook()
    bestand = mappe.active
    bestand.title = "Bestand"
    fett = Font(bold=True)
    pflicht = PatternFill("solid", fgColor="FFE699")
    for i, s in enumerate(SPALTEN, start=1):
        zelle = bestand.cell(row=1, column=i, value=s.titel)
        zelle.font = fett
        zelle.alignment = Alignment(wrap_text=True, vertical="top")
        if s.pflicht:
            zelle.fill = pflicht
        zelle.comment = Comment(_hilfe(s), "IKZ-Berater")
        bestand.column_dimensions[get_column_letter(i)].width = max(14, min(40, len(s.titel) + 4))
    for i, wert in enumerate(example_row(), start=1):
        bestand.cell(row=2, column=i, value=wert)
    bestand.freeze_panes = "B2"

    werte = mappe.create_sheet(SHEET_VALUES)
    spalte_der_liste: dict[str, str] = {}
    col = 1
    for titel, liste, bezeichnungen in _wertelisten(vorgaben):
        werte.cell(row=1, column=col, value=titel).font = fett
        for r, w in enumerate(liste, start=2):
            werte.cell(row=r, column=col, value=w)
            if bezeichnungen is not None:
                werte.cell(row=r, column=col + 1, value=bezeichnungen[r - 2])
        buchstabe = get_column_letter(col)
        spalte_der_liste[titel] = f"{SHEET_VALUES}!${buchstabe}$2:${buchstabe}${len(liste) + 1}"
        werte.column_dimensions[buchstabe].width = 34
        if bezeichnungen is not None:
            werte.cell(row=1, column=col + 1, value="Bezeichnung").font = fett
            werte.column_dimensions[get_column_letter(col + 1)].width = 44
            col += 1
        col += 1

    for i, s in enumerate(SPALTEN, start=1):
        quelle = _liste_fuer(s, spalte_der_liste)
        if quelle is None:
            continue
        pruefung = DataValidation(type="list", formula1=f"={quelle}", allow_blank=True, showErrorMessage=False)
        buchstabe = get_column_letter(i)
        pruefung.add(f"{buchstabe}2:{buchstabe}10000")
        bestand.add_data_validation(pruefung)

    hilfe = mappe.create_sheet(SHEET_HELP)
    for c, titel in enumerate(("Spalte", "Pflicht", "Erläuterung", "Beispiel"), start=1):
        hilfe.cell(row=1, column=c, value=titel).font = fett
    for r, s in enumerate(SPALTEN, start=2):
        hilfe.cell(row=r, column=1, value=s.titel)
        hilfe.cell(row=r, column=2, value="ja" if s.pflicht else "nein")
        hilfe.cell(row=r, column=3, value=s.hilfe)
        hilfe.cell(row=r, column=4, value=s.beispiel)
    for buchstabe, breite in (("A", 38), ("B", 8), ("C", 100), ("D", 34)):
        hilfe.column_dimensions[buchstabe].width = breite
    return stable_xlsx_bytes(mappe)


def _hilfe(s: Spalte) -> str:
    return ("Pflichtangabe. " if s.pflicht else "") + s.hilfe


def _liste_fuer(s: Spalte, listen: dict[str, str]) -> str | None:
    if s.art == "janein":
        return listen["ja / nein"]
    if s.feld == "aufgabenfeld":
        return listen["Aufgabenfeld"]
    if s.feld == "erbringer_art":
        return listen["Art (Erbringer / Empfänger)"]
    if s.art == "auswahl":
        return listen.get(s.titel)
    return None
