"""From an inventory row to a Fallakte with one service, validated by the one case model.

The provider and the recipients become ``beteiligte`` with ids derived from their names (the same
name gives the same id). The annual amount becomes one own-figures cost line (``satzgrundlage:
eigene_klr``, ``art: sachkosten``, the input VAT the row names as its ``vorsteuer``), so that the
calculation yields the reimbursement and the extra burden if taxable. The amount is split among
several recipients in equal parts: the screening reports only the total burden, which does not
depend on the key (each payer's VAT is rounded on its own, so totals may differ by a cent per payer
from a split by another key).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.errors import UngueltigeEingabe
from advisor.fallakte import Fallakte
from advisor.parsing import fallakte_aus_dict
from advisor.screening.bestandszeile import Bestandszeile, Zeilenproblem
from advisor.screening.portfolio import Portfoliowerte
from advisor.screening.spalten import SPALTE, normalize_header

KOSTENZEILE = "Jahresbetrag laut Bestandsliste"
_SLUG_REST = re.compile(r"[^a-z0-9]+")


def slug(name: str, ersatz: str = "beteiligter") -> str:
    """A Fallakte id from a name: ``"Gemeinde Bärstadt"`` → ``"gemeinde-baerstadt"`` (at most 64 chars)."""
    text = name.strip().casefold()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = _SLUG_REST.sub("-", text).strip("-")[:64].strip("-")
    return text or ersatz


def _ids(namen: list[str]) -> list[str]:
    """Distinct ids for distinct names, in order (a clash of two slugs gets ``-2``, ``-3``)."""
    ids: list[str] = []
    for i, name in enumerate(namen):
        kandidat = basis = slug(name, f"beteiligter-{i + 1}")
        n = 2
        while kandidat in ids:
            kandidat = f"{basis[:60]}-{n}"
            n += 1
        ids.append(kandidat)
    return ids


def fallakte_dict_aus_bestandszeile(zeile: Bestandszeile, portfolio: Portfoliowerte, stichtag: date) -> dict[str, Any]:
    """The Fallakte document (as parsed YAML would give it) for one row."""
    namen = [zeile.erbringer, *zeile.empfaenger]
    ids = _ids(namen)
    arten = [zeile.erbringer_art, *zeile.empfaenger_arten]
    rechtstraeger = _rechtstraeger(zeile, namen, ids)
    leistung: dict[str, Any] = {
        "id": slug(zeile.kennung, "leistung"),
        "bezeichnung": zeile.bezeichnung,
        "aufgabenfeld": zeile.aufgabenfeld,
        "erbringer": ids[0],
        "empfaenger": ids[1:],
        **dict(zeile.fakten),
    }
    optional = {
        "beschreibung": zeile.bemerkung,
        "entgelt": zeile.entgelt,
        "umsatz_gleichartige_taetigkeiten": _wert(
            zeile.umsatz_gleichartige_taetigkeiten, portfolio.umsatz_gleichartige_taetigkeiten
        ),
        "anteil_leistungen_an_jpoer_prozent": _wert(
            zeile.anteil_leistungen_an_jpoer_prozent, portfolio.anteil_leistungen_an_jpoer_prozent
        ),
        "kostenteilungsgemeinschaft": dict(zeile.kostenteilungsgemeinschaft)
        if zeile.kostenteilungsgemeinschaft
        else None,
    }
    leistung.update({k: v for k, v in optional.items() if v is not None})
    if zeile.beginn is not None:
        leistung["laufzeit"] = {
            "beginn": zeile.beginn,
            "letzter_tag": zeile.letzter_tag,
            "kuendigungsfrist_monate": zeile.kuendigungsfrist_monate,
        }
    kosten = _kosten(zeile, stichtag)
    if kosten is not None:
        leistung["kosten"] = kosten
    return {
        "format": "ikz-fallakte/1",
        "bezeichnung": f"{zeile.kennung}: {zeile.bezeichnung}"[:300],
        "stichtag": stichtag,
        "rechtsform": zeile.rechtsform,
        "beteiligte": [
            {"id": i, "name": n[:300], "art": a, **({"rechtstraeger": t} if t else {})}
            for i, n, a, t in zip(ids, namen, arten, rechtstraeger, strict=True)
        ],
        "leistungen": [leistung],
    }


def _rechtstraeger(zeile: Bestandszeile, namen: list[str], ids: list[str]) -> list[str | None]:
    """The legal person of each party (``None``: its own). A recipient named like the provider is the
    provider's legal person; a provider with a "Rechtsträger" belongs to the party of that name, or
    (if no party has it) to an id made from it – so an Eigenbetrieb charging its own Stadt is an
    internal charge."""
    schluessel = [normalize_header(n) for n in namen]
    traeger: list[str | None] = [None] * len(namen)
    if zeile.erbringer_rechtstraeger:
        ziel = normalize_header(zeile.erbringer_rechtstraeger)
        treffer = next((ids[i] for i in range(1, len(namen)) if schluessel[i] == ziel), None)
        traeger[0] = treffer or slug(zeile.erbringer_rechtstraeger, "rechtstraeger")
        if traeger[0] == ids[0]:
            traeger[0] = None
    person = traeger[0] or ids[0]
    for i in range(1, len(namen)):
        if schluessel[i] == schluessel[0]:
            traeger[i] = person
        elif traeger[0] is not None and ids[i] == traeger[0]:
            traeger[i] = None  # the Rechtsträger itself
    return traeger


def _wert(angegeben: Decimal | None, aus_portfolio: Any) -> Decimal | None:
    if angegeben is not None:
        return angegeben
    return aus_portfolio.wert if aus_portfolio is not None else None


def _kosten(zeile: Bestandszeile, stichtag: date) -> dict[str, Any] | None:
    if zeile.jahresbetrag is None:
        if zeile.gewinnaufschlag_prozent is None and zeile.abrechnung is None:
            return None
        kosten: dict[str, Any] = {}
    else:
        vorsteuer = zeile.vorsteuer if zeile.vorsteuer is not None else Decimal("0.00")
        kosten = {
            "kalkulationsjahr": stichtag.year,
            "satzgrundlage": "eigene_klr",
            "positionen": [
                {
                    "art": "sachkosten",
                    "bezeichnung": KOSTENZEILE,
                    "betrag": zeile.jahresbetrag - vorsteuer,
                    "vorsteuer": vorsteuer,
                }
            ],
            "verteilung": {"schluessel": "gleiche_teile"},
        }
    if zeile.gewinnaufschlag_prozent is not None:
        kosten["gewinnaufschlag_prozent"] = zeile.gewinnaufschlag_prozent
    if zeile.abrechnung is not None:
        kosten["abrechnung"] = {"verfahren": zeile.abrechnung}
    return kosten


def fallakte_aus_bestandszeile(
    zeile: Bestandszeile, portfolio: Portfoliowerte, stichtag: date
) -> tuple[Fallakte | None, list[Zeilenproblem]]:
    """The validated Fallakte of a row, or ``None`` and the problems, each naming the row's column."""
    try:
        return fallakte_aus_dict(fallakte_dict_aus_bestandszeile(zeile, portfolio, stichtag)), []
    except UngueltigeEingabe as e:
        return None, [
            Zeilenproblem(
                zeile.quelle,
                zeile.zeile,
                spalte_fuer_pfad(p.pfad, zeile),
                p.meldung if spalte_fuer_pfad(p.pfad, zeile) else f"{p.pfad}: {p.meldung}",
            )
            for p in e.probleme
        ]


_PFAD_SPALTE = {
    "bezeichnung": "bezeichnung",
    "rechtsform": "rechtsform",
    "beschreibung": "bemerkung",
    "kosten": "jahresbetrag",
    "mitglieder_nichtunternehmerisch": "mitglieder_nichtunternehmerisch",
    "leistungen_mitgliedsbezogen": "leistungen_mitgliedsbezogen",
    "letzter_tag": "laufzeit_bis",
    "ende": "laufzeit_bis",
    "kuendigungsfrist_monate": "kuendigungsfrist_monate",
    "beginn": "beginn",
    "gewinnaufschlag_prozent": "gewinnaufschlag_prozent",
    "abrechnung": "abrechnung",
}


def spalte_fuer_pfad(pfad: str, zeile: Bestandszeile) -> str | None:
    """The inventory column behind a Fallakte field path (``None`` if none fits)."""
    if pfad.startswith("beteiligte["):
        index = int(pfad[len("beteiligte[") : pfad.index("]")])
        art = pfad.endswith(".art")
        feld = ("erbringer_art" if art else "erbringer") if index == 0 else ("empfaenger_art" if art else "empfaenger")
        return SPALTE[feld].titel
    teile = [normalize_header(t) for t in re.split(r"[.\[\]]", pfad) if t and not t.isdigit()]
    for teil in reversed(teile):
        for feld, spalte in _PFAD_SPALTE.items():
            if teil == normalize_header(feld):
                return SPALTE[spalte].titel
        for eintrag in SPALTE.values():
            if teil == normalize_header(eintrag.feld):
                return eintrag.titel
    return None
