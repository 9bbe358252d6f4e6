"""The JSON shape of the settlement, "ikz-abrechnung/1" (money as strings with two places).

Fields added compatibly to the first version: ``umsatzsteuersatz_prozent``, ``restcent_erbringer``,
``stueckpreis``, ``hinweise``, and per recipient ``abschlaege_netto``, ``abschlaege_umsatzsteuer``
(``null`` when the advances were recorded as one amount) and ``schlussrechnung`` (``null`` when it
cannot be drawn up: a taxable year with advances as one amount).
"""

from __future__ import annotations

from typing import Any

from advisor.kosten.abrechnung import Abrechnung
from advisor.kosten.json_view import geld, steuerbetrag, stueckpreis_als_dict
from advisor.kosten.schlussrechnung import Schlussrechnung


def schlussrechnung_als_dict(r: Schlussrechnung | None) -> dict[str, Any] | None:
    """``{"leistung": {netto, umsatzsteuer, brutto}, "abschlaege": {…}, "verbleibend": {…}}``."""
    if r is None:
        return None
    return {
        "leistung": steuerbetrag(r.leistung),
        "abschlaege": steuerbetrag(r.abschlaege),
        "verbleibend": steuerbetrag(r.verbleibend),
    }


def abrechnung_als_dict(abrechnung: Abrechnung) -> dict[str, Any]:
    """JSON shape ``ikz-abrechnung/1`` (serialise with ``sort_keys=True``)."""
    return {
        "format": abrechnung.format,
        "leistungen": [
            {
                "leistung": leistung.leistung,
                "bezeichnung": leistung.bezeichnung,
                "jahr": leistung.jahr,
                "steuerpflichtig": leistung.steuerpflichtig,
                "umsatzsteuersatz_prozent": format(leistung.umsatzsteuersatz, "f"),
                "kosten_netto": geld(leistung.kosten_netto),
                "vorsteuer": geld(leistung.vorsteuer),
                "anteil_erbringer": geld(leistung.anteil_erbringer),
                "restcent_erbringer": geld(leistung.restcent_erbringer),
                "stueckpreis": stueckpreis_als_dict(leistung.stueckpreis),
                "anteile": [
                    {
                        "beteiligter": z.beteiligter,
                        "ist_netto": geld(z.ist_netto),
                        "ist_umsatzsteuer": geld(z.ist_umsatzsteuer),
                        "ist_anteil": geld(z.ist_anteil),
                        "abschlaege_gezahlt": geld(z.abschlaege_gezahlt),
                        "abschlaege_netto": geld(z.abschlaege_netto),
                        "abschlaege_umsatzsteuer": geld(z.abschlaege_umsatzsteuer),
                        "nachzahlung": geld(z.nachzahlung),
                        "schlussrechnung": schlussrechnung_als_dict(z.schlussrechnung),
                    }
                    for z in leistung.zeilen
                ],
                "summe_ist_anteil": geld(leistung.summe_ist_anteil),
                "summe_abschlaege_gezahlt": geld(leistung.summe_abschlaege_gezahlt),
                "summe_nachzahlung": geld(leistung.summe_nachzahlung),
                "hinweise": list(leistung.hinweise),
            }
            for leistung in abrechnung.leistungen
        ],
    }
