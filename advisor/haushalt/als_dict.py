"""The budget lines as JSON ("ikz-haushalt/1") and as flat rows for CSV and XLSX.

JSON: money as decimal strings, dates ISO. Rows: one per partner, service and year with the
columns of ``SPALTEN`` (amounts as Decimal; the adapters format and neutralise them).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from advisor.haushalt.annahmen import Steigerung
from advisor.haushalt.planung import Haushaltsplan, Haushaltszeile, Jahresplan

FORMAT_HAUSHALT = "ikz-haushalt/1"

SPALTEN = (
    "Jahr",
    "Fall",
    "Leistung",
    "Beteiligter",
    "Name",
    "Art",
    "Produkt",
    "Konto",
    "Netto (EUR)",
    "Umsatzsteuer (EUR)",
    "Brutto (EUR)",
    "USt-Einordnung",
    "USt offen",
    "Ohne USt, falls nicht steuerbar (EUR)",
    "Abschläge (Fälligkeit: brutto)",
)


def _geld(wert: Decimal | None) -> str | None:
    return None if wert is None else format(wert, "f")


def _annahme(s: Steigerung) -> dict[str, Any]:
    return {
        "gruppe": s.gruppe,
        "prozent": format(s.prozent, "f"),
        "ab": s.ab.isoformat(),
        "grundlage": s.grundlage,
        "herkunft": s.herkunft,
        "text": s.text(),
    }


def _zeile(z: Haushaltszeile) -> dict[str, Any]:
    return {
        "beteiligter": z.beteiligter,
        "name": z.name,
        "art": z.art,
        "netto": _geld(z.netto),
        "umsatzsteuer": _geld(z.umsatzsteuer),
        "brutto": _geld(z.brutto),
        "umsatzsteuer_status": z.umsatzsteuer_status,
        "umsatzsteuer_offen": z.umsatzsteuer_offen,
        "betrag_ohne_umsatzsteuer": _geld(z.betrag_ohne_umsatzsteuer),
        "konto": z.konto,
        "produkt": z.produkt,
        "abschlaege": [
            {
                "faellig": a.faellig.isoformat(),
                "netto": _geld(a.netto),
                "umsatzsteuer": _geld(a.umsatzsteuer),
                "brutto": _geld(a.brutto),
            }
            for a in z.zahlungen
        ],
        "ausgleich_schlussrechnung": _geld(z.ausgleich_schlussrechnung),
    }


def _jahr(j: Jahresplan) -> dict[str, Any]:
    return {
        "jahr": j.jahr,
        "leistung": j.leistung,
        "laufzeitanteil": f"{j.laufzeitanteil.numerator}/{j.laufzeitanteil.denominator}",
        "kosten_netto": _geld(j.kosten_netto),
        "vorsteuer": _geld(j.vorsteuer),
        "umsatzsteuer_status": j.umsatzsteuer_status,
        "eigenanteil_erbringer": _geld(j.eigenanteil_erbringer),
        "restcent_erbringer": _geld(j.restcent_erbringer),
        "zeilen": [_zeile(z) for z in j.zeilen],
        "hinweise": list(j.hinweise),
    }


def haushaltsplan_als_dict(plan: Haushaltsplan) -> dict[str, Any]:
    """The budget lines as JSON data (serialise with sorted keys for byte-stable output)."""
    return {
        "format": FORMAT_HAUSHALT,
        "bezeichnung": plan.bezeichnung,
        "von": plan.von,
        "bis": plan.bis,
        "annahmen": [_annahme(s) for s in plan.annahmen],
        "kontierung": {
            "produkt": plan.kontierung.produkt,
            "aufwandskonto": plan.kontierung.aufwandskonto,
            "ertragskonto": plan.kontierung.ertragskonto,
        },
        "jahre": [_jahr(j) for j in plan.jahre],
        "nicht_geplant": [{"jahr": n.jahr, "leistung": n.leistung, "grund": n.grund} for n in plan.nicht_geplant],
        "hinweise": list(plan.hinweise),
    }


def tabellenzeilen(plan: Haushaltsplan, fall: str = "") -> Iterator[list[Any]]:
    """One row per budget line in the order of ``SPALTEN`` (without the header)."""
    for z in plan.zeilen:
        abschlaege = "; ".join(
            f"{a.faellig.strftime('%d.%m.%Y')}: {format(a.brutto, 'f').replace('.', ',')}" for a in z.zahlungen
        )
        yield [
            z.jahr,
            fall or plan.bezeichnung,
            z.leistung_bezeichnung,
            z.beteiligter,
            z.name,
            "Aufwand" if z.art == "aufwand" else "Ertrag",
            z.produkt,
            z.konto,
            z.netto,
            z.umsatzsteuer,
            z.brutto,
            z.umsatzsteuer_status,
            "ja" if z.umsatzsteuer_offen else "nein",
            z.betrag_ohne_umsatzsteuer,
            abschlaege,
        ]
