"""The hostile corpus: files and bodies an attacker (or a broken export) sends, and what each must get.

Every ``Fall`` is one request: where it goes, its body (built on first use, then cached), the
4xx status it must receive and words its German ``detail`` must contain (the bound or the field
it names). ``ZEILENFAELLE`` are inventories with one poisoned cell: the file as a whole is fine,
so they are screened (200) and the row is reported with its column — never a 500.
"""

from __future__ import annotations

import json
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from io import BytesIO
from typing import Any

import yaml

from advisor.screening.spalten import SPALTEN
from tests.conftest import EXAMPLES_DIR
from tests.hostile.dateien import NS, XML, kopfzeile, shared_strings, sheet, wiederholt, xlsx, zellen_zeile

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SCREENINGS = "/api/v1/screenings"


@dataclass(frozen=True)
class Fall:
    name: str
    pfad: str
    bauen: Callable[[], bytes]
    status: int
    woerter: tuple[str, ...]
    art: str = "application/json"
    #: "roh": the body as it is; "datei": a multipart upload of the body as field "datei".
    als: str = "roh"
    dateiname: str = "bestand.xlsx"
    kopfzeilen: dict[str, str] = field(default_factory=dict)

    @property
    def inhalt(self) -> bytes:
        return _gebaut(self.name, self.bauen)


_CACHE: dict[str, bytes] = {}


def _gebaut(name: str, bauen: Callable[[], bytes]) -> bytes:
    if name not in _CACHE:
        _CACHE[name] = bauen()
    return _CACHE[name]


# --- XLSX ---------------------------------------------------------------------------------------


def _xlsx_zeilen(*zeilen: bytes, prolog: bytes = b"") -> Callable[[], bytes]:
    return lambda: xlsx(sheet([kopfzeile(), *zeilen], prolog))


def _viele_texte() -> bytes:
    anzahl = 1_100_000
    return xlsx(sheet([kopfzeile()]), shared_strings(wiederholt(b"<si><t>x</t></si>", anzahl), anzahl))


def _lange_texte() -> bytes:
    anzahl = 2_000
    text = b"<si><t>" + b"A" * 30_000 + b"</t></si>"
    return xlsx(sheet([kopfzeile()]), shared_strings(wiederholt(text, anzahl, 100), anzahl))


def _entpackt_zu_gross() -> bytes:
    """410 MB of empty rows (a cell without a value and a 10 KB attribute each): few rows, huge XML."""
    zeile = b'<row><c s="1" x="' + b"y" * 10_000 + b'"/></row>'
    return xlsx(sheet([kopfzeile(), *wiederholt(zeile, 410_000_000 // len(zeile), 1_000)]))


def _vorspann_riesig() -> bytes:
    """60 MB of column declarations before the sheet's data (memory before the first row)."""
    anfang = XML + f'<worksheet xmlns="{NS}"><cols>'.encode()
    return xlsx(
        [
            anfang,
            *wiederholt(b'<col min="1" max="1" width="9"/>', 2_000_000),
            b"</cols><sheetData>",
            kopfzeile(),
            b"</sheetData></worksheet>",
        ]
    )


def _million_zeilen() -> bytes:
    return xlsx(sheet([kopfzeile(), *wiederholt(b'<row><c t="inlineStr"><is><t>x</t></is></c></row>', 1_000_000)]))


def _fremde_elemente() -> bytes:
    """Five million foreign elements inside the sheet data, after the header (no row would free them)."""
    return xlsx(sheet([kopfzeile(), *wiederholt(b"<x/>", 5_000_000)]))


BILLION_LAUGHS = (
    b'<!DOCTYPE worksheet [<!ENTITY lol "lol">'
    + b"".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">'.encode() for i in range(1, 10)).replace(
        b"&lol0;", b"&lol;"
    )
    + b"]>"
)
XXE = b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _nur_ein_teil() -> bytes:
    aus = BytesIO()
    with zipfile.ZipFile(aus, "w") as archiv:
        archiv.writestr("hallo.txt", "kein Arbeitsbuch")
    return aus.getvalue()


XLSX_FAELLE = [
    Fall("xlsx-geteilte-texte-zu-viele", SCREENINGS, _viele_texte, 413, ("Texte", "1.000.000")),
    Fall("xlsx-geteilte-texte-zu-lang-zusammen", SCREENINGS, _lange_texte, 413, ("Texte", "50.000.000")),
    Fall("xlsx-entpackt-zu-gross", SCREENINGS, _entpackt_zu_gross, 413, ("entpackt", "400 MB")),
    Fall("xlsx-million-zeilen", SCREENINGS, _million_zeilen, 413, ("Zeilen", "100.000")),
    Fall("xlsx-vorspann-60-mb", SCREENINGS, _vorspann_riesig, 422, ("vor den Daten",)),
    Fall("xlsx-fremde-elemente", SCREENINGS, _fremde_elemente, 422, ("unerwartete",)),
    Fall(
        "xlsx-spalte-fxshrx",
        SCREENINGS,
        _xlsx_zeilen(zellen_zeile(2, '<c r="FXSHRX2"><v>1</v></c>')),
        422,
        ("Zellbezug", "FXSHRX2"),
    ),
    Fall(
        "xlsx-zwoelf-buchstaben",
        SCREENINGS,
        _xlsx_zeilen(zellen_zeile(2, '<c r="ABCDEFGHIJKL2"><v>1</v></c>')),
        422,
        ("Zellbezug",),
    ),
    Fall("xlsx-spalte-xfe", SCREENINGS, _xlsx_zeilen(zellen_zeile(2, '<c r="XFE2"><v>1</v></c>')), 413, ("16.384",)),
    Fall(
        "xlsx-zelle-zu-lang",
        SCREENINGS,
        _xlsx_zeilen(zellen_zeile(2, f'<c r="A2" t="inlineStr"><is><t>{"x" * 32_768}</t></is></c>')),
        413,
        ("Zeile 2", "32.767"),
    ),
    Fall(
        "xlsx-entitaetenbombe",
        SCREENINGS,
        _xlsx_zeilen(zellen_zeile(2, '<c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c>'), prolog=BILLION_LAUGHS),
        422,
        ("DTD",),
    ),
    Fall(
        "xlsx-xxe",
        SCREENINGS,
        _xlsx_zeilen(zellen_zeile(2, '<c r="A2" t="inlineStr"><is><t>&xxe;</t></is></c>'), prolog=XXE),
        422,
        ("DTD",),
    ),
    Fall("xlsx-kaputtes-zip", SCREENINGS, lambda: b"PK\x03\x04" + bytes(range(256)) * 4, 422, ("XLSX",)),
    Fall("xlsx-ohne-arbeitsmappe", SCREENINGS, _nur_ein_teil, 422, ("workbook.xml",)),
    Fall(
        "xlsx-zeilennummer-absurd",
        SCREENINGS,
        _xlsx_zeilen(b'<row r="99999999999"><c t="inlineStr"><is><t>x</t></is></c></row>'),
        422,
        ("Zeilennummer",),
    ),
    Fall(
        "xlsx-textverweis-ins-leere",
        SCREENINGS,
        _xlsx_zeilen(zellen_zeile(2, '<c r="A2" t="s"><v>999</v></c>')),
        422,
        ("Text",),
    ),
    Fall("xlsx-name-aber-kein-zip", SCREENINGS, lambda: b"Kennung;Leistung\n", 422, ("keine XLSX-Datei",)),
]
XLSX_FAELLE = [
    Fall(f.name, f.pfad, f.bauen, f.status, f.woerter, art=XLSX, als="datei", dateiname="bestand.xlsx")
    for f in XLSX_FAELLE
]

# --- CSV ----------------------------------------------------------------------------------------

KOPF_CSV = ";".join(s.titel for s in SPALTEN).encode() + b"\n"


def _zufall(n: int) -> bytes:
    return random.Random(14).randbytes(n)


CSV_FAELLE = [
    Fall("csv-million-zeilen", SCREENINGS, lambda: KOPF_CSV + b"a\n" * 1_000_000, 413, ("100.000",), "text/csv"),
    Fall("csv-feld-riesig", SCREENINGS, lambda: KOPF_CSV + b"x" * 200_000 + b"\n", 413, ("32.767",), "text/csv"),
    Fall("csv-feld-knapp-zu-lang", SCREENINGS, lambda: KOPF_CSV + b"x" * 32_768 + b"\n", 413, ("Zeile 2",), "text/csv"),
    Fall("csv-zu-viele-spalten", SCREENINGS, lambda: KOPF_CSV + b";" * 20_000 + b"\n", 413, ("16.384",), "text/csv"),
    Fall("csv-binaerer-unsinn", SCREENINGS, lambda: _zufall(100_000), 422, ("Keine Bestandsliste",), "text/csv"),
    Fall("csv-leer", SCREENINGS, lambda: b"", 422, ("leer",), "text/csv"),
    Fall(
        "csv-zu-gross",
        SCREENINGS,
        lambda: KOPF_CSV + b"x" * 52_000_000,
        413,
        ("zu groß",),
        "text/csv",
    ),
]

# --- JSON screening ------------------------------------------------------------------------------


def _json(daten: Any) -> Callable[[], bytes]:
    return lambda: json.dumps(daten).encode()


def _verschiedene_schluessel() -> bytes:
    return json.dumps({"zeilen": [{f"Spalte {i}": "x"} for i in range(12_000)]}).encode()


TIEF = b"[" * 100_000 + b"]" * 100_000

JSON_FAELLE = [
    Fall(
        "json-12000-zeilen-verschiedene-schluessel", SCREENINGS, _verschiedene_schluessel, 422, ("Keine Bestandsliste",)
    ),
    Fall("json-stichtag-1e999", SCREENINGS, lambda: b'{"stichtag": 1e999, "zeilen": []}', 422, ("stichtag", "1E+999")),
    Fall("json-nan", SCREENINGS, lambda: b'{"zeilen": [{"Beginn": NaN}]}', 422, ("NaN",)),
    Fall("json-infinity", SCREENINGS, lambda: b'{"zeilen": [{"Beginn": Infinity}]}', 422, ("Infinity",)),
    Fall("json-100000-tief", SCREENINGS, lambda: TIEF, 422, ("zeilen", "Erwartet")),
    Fall("json-100000-tief-in-zelle", SCREENINGS, lambda: b'{"zeilen": [{"Beginn": ' + TIEF + b"}]}", 422, ("Beginn",)),
    Fall("json-zeile-kein-objekt", SCREENINGS, _json({"zeilen": [1]}), 422, ("zeilen[0]",)),
    Fall("json-unbekanntes-feld", SCREENINGS, _json({"zeilen": [], "x": 1}), 422, ("Unbekanntes Feld",)),
    Fall(
        "json-riesige-zahl", SCREENINGS, lambda: b'{"zeilen": [{"Beginn": 1' + b"0" * 5000 + b"}]}", 422, ("Stellen",)
    ),
    Fall("json-abgeschnitten", SCREENINGS, lambda: b'{"zeilen": [{"Beginn": "01.01.2020"', 422, ("JSON",)),
    Fall("json-stichtag-liste", SCREENINGS, _json({"stichtag": [1], "zeilen": []}), 422, ("stichtag",)),
]

# --- case files ----------------------------------------------------------------------------------


@cache
def _fallakte() -> dict[str, Any]:
    return yaml.safe_load((EXAMPLES_DIR / "personalabrechnung-mandatierend.yaml").read_text(encoding="utf-8"))


def _fallakte_mit(pfad: tuple[Any, ...], roh: str) -> Callable[[], bytes]:
    """The example case with the JSON value at ``pfad`` replaced by the raw JSON text ``roh``."""

    def bauen() -> bytes:
        daten = json.loads(json.dumps(_fallakte(), default=str))
        ziel = daten
        for schritt in pfad[:-1]:
            ziel = ziel[schritt]
        ziel[pfad[-1]] = "@@ROH@@"
        return json.dumps(daten).replace('"@@ROH@@"', roh).encode()

    return bauen


YAML_BOMBE = (
    b'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
    b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    b"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    b"g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
)

FALLAKTE_FAELLE = [
    Fall(f"{name}-{route}", f"/api/v1/{route}", bauen, status, woerter, art)
    for route in ("assessments", "calculations")
    for name, bauen, status, woerter, art in [
        ("fallakte-100000-tief", lambda: TIEF, 422, ("verschachtelt",), "application/json"),
        ("fallakte-stichtag-nan", _fallakte_mit(("stichtag",), "NaN"), 422, ("NaN",), "application/json"),
        (
            "fallakte-stichtag-infinity",
            _fallakte_mit(("stichtag",), "Infinity"),
            422,
            ("Infinity",),
            "application/json",
        ),
        (
            "fallakte-stichtag-1e999",
            _fallakte_mit(("stichtag",), "1e999"),
            422,
            ("stichtag", "1E+999"),
            "application/json",
        ),
        (
            "fallakte-riesige-ganzzahl",
            _fallakte_mit(("beteiligte", 0, "einwohner"), "1" + "0" * 5000),
            422,
            ("Stellen",),
            "application/json",
        ),
        (
            "fallakte-betrag-1e999",
            _fallakte_mit(("leistungen", 0, "kosten", "positionen", 0, "betrag"), "1e999"),
            422,
            ("betrag",),
            "application/json",
        ),
        (
            "fallakte-steuerzeichen-im-namen",
            _fallakte_mit(("beteiligte", 0, "name"), '"Kreis\\u0007Musterland"'),
            422,
            ("beteiligte[0].name", "U+0007"),
            "application/json",
        ),
        (
            "fallakte-bidi-override",
            _fallakte_mit(("bezeichnung",), '"Abrechnung \\u202egnunhcerbA"'),
            422,
            ("bezeichnung", "U+202E"),
            "application/json",
        ),
        (
            "fallakte-surrogat",
            _fallakte_mit(("leistungen", 0, "bezeichnung"), '"Abrechnung \\ud800"'),
            422,
            ("leistungen[0].bezeichnung", "Surrogat"),
            "application/json",
        ),
        ("fallakte-yaml-aliasbombe", lambda: YAML_BOMBE, 422, ("zu viele Werte",), "application/yaml"),
        ("fallakte-kein-utf8", lambda: b'{"bezeichnung": "\xff\xfe"}', 422, ("UTF-8",), "application/json"),
        ("fallakte-zu-gross", lambda: b'{"x": "' + b"a" * 3_000_000 + b'"}', 413, ("zu groß",), "application/json"),
        ("fallakte-falscher-inhaltstyp", lambda: b"<xml/>", 415, ("application/json",), "application/xml"),
    ]
]

# --- multipart ------------------------------------------------------------------------------------

MULTIPART_FAELLE = [
    Fall(
        "multipart-kaputt",
        SCREENINGS,
        lambda: b'--grenze\r\nContent-Disposition: form-data; name="datei"\r\n\r\nabc',
        422,
        ("datei",),
        "multipart/form-data; boundary=grenze",
    ),
    Fall(
        "multipart-ohne-datei",
        SCREENINGS,
        lambda: b'--g\r\nContent-Disposition: form-data; name="stichtag"\r\n\r\n2027-01-01\r\n--g--\r\n',
        422,
        ("datei",),
        "multipart/form-data; boundary=g",
    ),
    Fall(
        "multipart-zwei-dateien",
        SCREENINGS,
        lambda: (
            b'--g\r\nContent-Disposition: form-data; name="datei"; filename="a.csv"\r\n\r\na\r\n'
            b'--g\r\nContent-Disposition: form-data; name="datei"; filename="b.csv"\r\n\r\nb\r\n--g--\r\n'
        ),
        422,
        ("höchstens eine Datei",),
        "multipart/form-data; boundary=g",
    ),
    Fall(
        "screening-falscher-inhaltstyp",
        SCREENINGS,
        lambda: b"<xml/>",
        415,
        ("multipart/form-data",),
        "application/xml",
    ),
    Fall(
        "screening-stichtag-im-abfrageparameter-unsinn",
        SCREENINGS + "?stichtag=%00%ff",
        lambda: KOPF_CSV,
        422,
        ("stichtag",),
        "text/csv",
    ),
]

FAELLE: list[Fall] = [*XLSX_FAELLE, *CSV_FAELLE, *JSON_FAELLE, *FALLAKTE_FAELLE, *MULTIPART_FAELLE]


# --- poisoned cells: the file is screened, the row is reported with its column -------------------


def _gueltige_zeile(**werte: str) -> dict[str, str]:
    zeile = {
        "Kennung": "L-1",
        "Leistung": "Abrechnung",
        "Erbringer": "Kreis Musterland",
        "Art des Erbringers": "kreis",
        "Empfänger": "Stadt Aheim",
        "Art der Empfänger": "stadt",
        "Aufgabenfeld": "personalabrechnung",
        "Rechtsform": "oerv_mandatierend",
    }
    zeile.update(werte)
    return zeile


def _json_zelle(roh: str) -> Callable[[], bytes]:
    return lambda: json.dumps({"zeilen": [_gueltige_zeile(Beginn="@@")]}).replace('"@@"', roh).encode()


def _xlsx_zelle(wert: str) -> Callable[[], bytes]:
    def bauen() -> bytes:
        werte = _gueltige_zeile()
        zellen = []
        for i, s in enumerate(SPALTEN):
            if s.titel == "Beginn":
                zellen.append(f"<c><v>{wert}</v></c>")
            elif s.titel in werte:
                zellen.append(f'<c t="inlineStr"><is><t>{werte[s.titel]}</t></is></c>')
            else:
                zellen.append("<c/>")
            del i
        return xlsx(sheet([kopfzeile(), f'<row r="2">{"".join(zellen)}</row>'.encode()]))

    return bauen


ZEILENFAELLE = [
    Fall("zelle-beginn-1e999-json", SCREENINGS, _json_zelle("1e999"), 200, ("Beginn",)),
    Fall("zelle-beginn-riesig-json", SCREENINGS, _json_zelle("123456789012345678901234567890"), 200, ("Beginn",)),
    Fall("zelle-beginn-nan-xlsx", SCREENINGS, _xlsx_zelle("NaN"), 200, ("Beginn",), XLSX, "datei"),
    Fall("zelle-beginn-inf-xlsx", SCREENINGS, _xlsx_zelle("1e999"), 200, ("Beginn",), XLSX, "datei"),
    Fall(
        "zelle-leistung-steuerzeichen-json",
        SCREENINGS,
        lambda: json.dumps({"zeilen": [_gueltige_zeile(Leistung="Abrechnung\u0007")]}).encode(),
        200,
        ("U+0007",),
    ),
]
