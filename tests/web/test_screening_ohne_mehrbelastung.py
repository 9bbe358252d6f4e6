"""The screening page (issue 9 point 7, issue 17): an exempt or non-taxable row — an Eigenbetrieb
charging its own Stadt among them — shows no VAT burden, neither an amount nor a possible one; a
taxable row shows its burden and an open row its possible burden."""

from __future__ import annotations

import re

from tests.feldschluessel import schluessel_in
from tests.screening.bestand_ohne_ust import OHNE_UST, bestand_csv
from tests.web.test_keine_feldschluessel import _lesbar


def _zeilen(html: str) -> dict[str, str]:
    """{Kennung: the table row's cells as text}."""
    tabelle = html.split('id="screening-tabelle"')[1].split("</table>")[0]
    zeilen = {}
    for tr in re.findall(r"<tr>(.*?)</tr>", tabelle, flags=re.S):
        zellen = [
            re.sub(r"<[^>]+>", "", z).replace("\u00a0", " ").strip()
            for z in re.findall(r"<td[^>]*>(.*?)</td>", tr, flags=re.S)
        ]
        if len(zellen) > 2:
            zeilen[zellen[2]] = " | ".join(zellen)
    return zeilen


def test_rows_without_vat_show_no_burden_and_the_eigenbetrieb_is_not_taxable(client):
    r = client.post("/screening", files={"datei": ("bestand.csv", bestand_csv(), "text/csv")})
    assert r.status_code == 200
    zeilen = _zeilen(r.text)
    assert set(zeilen) == {"P-1", "O-1", *OHNE_UST}, zeilen
    for kennung in OHNE_UST:
        assert "7.600,00" not in zeilen[kennung] and "möglich" not in zeilen[kennung], zeilen[kennung]
    assert "Nicht steuerbar" in zeilen["E-1"] and "Eigenbetrieb Stadtentwässerung Adorf" in zeilen["E-1"]
    assert "Steuerfrei" in zeilen["Z-1"] and "Steuerfrei" in zeilen["V-1"]
    assert "7.600,00 €" in zeilen["P-1"] and "möglich" not in zeilen["P-1"]
    assert "(7.600,00 € möglich)" in zeilen["O-1"]


def test_the_screening_page_speaks_german_not_keys(client):
    html = client.post("/screening", files={"datei": ("bestand.csv", bestand_csv(), "text/csv")}).text
    assert "screening-tabelle" in html
    assert schluessel_in(_lesbar(html)) == []
