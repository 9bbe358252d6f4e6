"""The JSON shape of a screening ("ikz-screening/1"): money as decimal strings, keys sorted by the
serializer, so that the same inventory gives the same bytes."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from advisor.screening.bestandszeile import Zeilenproblem
from advisor.screening.durchlauf import Screening
from advisor.screening.ergebnis import Screeningzeile
from advisor.screening.zusammenfassung import Gruppensumme, Zusammenfassung

FORMAT_SCREENING = "ikz-screening/1"
#: How many of the most urgent rows the summary names (every row carries its rank anyway).
HANDLUNGSLISTE_IN_ZUSAMMENFASSUNG = 25


def money(wert: Decimal | None) -> str | None:
    """Decimal → "1234.56" (two places), ``None`` stays ``None``."""
    return None if wert is None else format(wert.quantize(Decimal("0.01")), "f")


def raenge(screening: Screening) -> dict[int, int]:
    """Row index → rank in the action list (1 = most urgent)."""
    return {index: rang for rang, index in enumerate(screening.zusammenfassung.handlungsliste, start=1)}


def zeile_als_dict(z: Screeningzeile, rang: int | None = None) -> dict[str, Any]:
    return {
        "quelle": z.quelle,
        "zeile": z.zeile,
        "leistung": z.kennung,
        "bezeichnung": z.bezeichnung,
        "erbringer": z.erbringer,
        "aufgabenfeld": z.aufgabenfeld,
        "rechtsform": z.rechtsform,
        "ergebnis": z.ergebnis,
        "risiko": z.risiko,
        "risikogruende": list(z.risikogruende),
        "entscheidende_regel": z.entscheidende_regel,
        "jahresbetrag_eur": money(z.jahresbetrag),
        "mehrbelastung_eur": money(z.mehrbelastung_eur),
        "potenzielle_mehrbelastung_eur": money(z.potenzielle_mehrbelastung_eur),
        "offene_fragen": [{"fakt": f.fakt, "frage": f.frage} for f in z.offene_fragen],
        "aus_bestand": {k: {"wert": format(v.wert, "f"), "herkunft": v.herkunft} for k, v in z.aus_bestand.items()},
        "hinweise": list(z.hinweise),
        "rang": rang,
    }


def _gruppe(g: Gruppensumme) -> dict[str, Any]:
    return {
        "anzahl": g.anzahl,
        "anzahl_ohne_betrag": g.anzahl_ohne_betrag,
        "jahresbetrag_eur": money(g.jahresbetrag_eur),
        "mehrbelastung_eur": money(g.mehrbelastung_eur),
        "potenzielle_mehrbelastung_eur": money(g.potenzielle_mehrbelastung_eur),
    }


def zusammenfassung_als_dict(zf: Zusammenfassung, zeilen: Sequence[Screeningzeile]) -> dict[str, Any]:
    return {
        "anzahl_zeilen": zf.anzahl_zeilen,
        "anzahl_nicht_lesbar": zf.anzahl_nicht_lesbar,
        "nach_ergebnis": {k: _gruppe(v) for k, v in zf.nach_ergebnis.items()},
        "nach_risiko": {k: _gruppe(v) for k, v in zf.nach_risiko.items()},
        "nach_aufgabenfeld": {k: _gruppe(v) for k, v in zf.nach_aufgabenfeld.items()},
        "nach_rechtsform": {k: _gruppe(v) for k, v in zf.nach_rechtsform.items()},
        "jahresbetrag_gesamt_eur": money(zf.jahresbetrag_gesamt_eur),
        "mehrbelastung_gesamt_eur": money(zf.mehrbelastung_gesamt_eur),
        "potenzielle_mehrbelastung_offen_eur": money(zf.potenzielle_mehrbelastung_offen_eur),
        "anzahl_handlungsbedarf": len(zf.handlungsliste),
        "handlungsliste": [
            {
                "rang": rang,
                "quelle": zeilen[i].quelle,
                "zeile": zeilen[i].zeile,
                "leistung": zeilen[i].kennung,
                "bezeichnung": zeilen[i].bezeichnung,
                "ergebnis": zeilen[i].ergebnis,
                "risiko": zeilen[i].risiko,
                "mehrbelastung_eur": money(zeilen[i].mehrbelastung_eur),
                "potenzielle_mehrbelastung_eur": money(zeilen[i].potenzielle_mehrbelastung_eur),
            }
            for rang, i in enumerate(zf.handlungsliste[:HANDLUNGSLISTE_IN_ZUSAMMENFASSUNG], start=1)
        ],
    }


def problem_als_dict(p: Zeilenproblem) -> dict[str, Any]:
    return {"quelle": p.quelle, "zeile": p.zeile, "spalte": p.spalte, "meldung": p.meldung, "text": str(p)}


def screening_als_dict(screening: Screening) -> dict[str, Any]:
    """The whole screening as JSON data: rows in input order (with their action rank), problems, summary."""
    rang = raenge(screening)
    return {
        "format": FORMAT_SCREENING,
        "stichtag": screening.stichtag,
        "regelwerk": {"version": screening.regelwerk_version, "sha256": screening.regelwerk_sha256},
        "zeilen": [zeile_als_dict(z, rang.get(i)) for i, z in enumerate(screening.zeilen)],
        "probleme": [problem_als_dict(p) for p in screening.probleme],
        "zusammenfassung": zusammenfassung_als_dict(screening.zusammenfassung, screening.zeilen),
    }
