"""The JSON shape of the Kalkulation contract (docs/fallakte.md, "ikz-kalkulation/1").

Money as strings with two places ("1234.56"), dates ISO, percentages as strings with two places.
Fields beyond the contract (kept stable): ``kalkulierbar``/``grund``, per position ``kategorie``
and ``hinweis``, ``vorsteuerabzug_bei_steuerpflicht``, ``verteilung``, per share ``rolle`` and the
comparison fields, per advance ``steuerpflichtig``, ``kennzahlen``, ``hinweise`` and
``quellenhinweise`` (e.g. that the KGSt rates come from a secondary source).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from advisor.kosten.kalkulation import Kalkulation, Leistungskalkulation, NichtKalkulierbar
from advisor.kosten.kennzahlen import kennzahlen_der_leistung
from advisor.kosten.umsatzsteuer import Steuerbetrag


def geld(wert: Decimal | None) -> str | None:
    """``Decimal("1234.5")`` → ``"1234.50"``; the figures are cent amounts already."""
    return None if wert is None else f"{wert:.2f}"


def _steuer(s: Steuerbetrag) -> dict[str, Any]:
    return {"netto": geld(s.netto), "umsatzsteuer": geld(s.umsatzsteuer), "brutto": geld(s.brutto)}


def _anteil(k: Leistungskalkulation, a: Any) -> dict[str, Any]:
    v = k.wirtschaftlichkeit.get(a.beteiligter)
    return {
        "beteiligter": a.beteiligter,
        "rolle": a.rolle,
        "gewicht": format(a.gewicht, "f"),
        "quote_prozent": geld(a.quote_prozent),
        "nicht_steuerbar": geld(a.nicht_steuerbar),
        "steuerpflichtig": _steuer(a.steuerpflichtig),
        "mehrbelastung_bei_steuerpflicht": geld(a.mehrbelastung_bei_steuerpflicht),
        "eigenerstellung": geld(v.eigenerstellung) if v else None,
        "remanenzkosten": geld(v.remanenzkosten) if v and v.remanenzkosten_angegeben else None,
        "ersparnis_nicht_steuerbar": geld(v.ersparnis_nicht_steuerbar) if v else None,
        "ersparnis_nicht_steuerbar_prozent": geld(v.ersparnis_nicht_steuerbar_prozent) if v else None,
        "ersparnis_steuerpflichtig": geld(v.ersparnis_steuerpflichtig) if v else None,
        "ersparnis_steuerpflichtig_prozent": geld(v.ersparnis_steuerpflichtig_prozent) if v else None,
        "tragbare_mehrbelastung": geld(v.tragbare_mehrbelastung) if v else None,
    }


def leistungskalkulation_als_dict(k: Leistungskalkulation | NichtKalkulierbar) -> dict[str, Any]:
    if isinstance(k, NichtKalkulierbar):
        return {"leistung": k.leistung, "bezeichnung": k.bezeichnung, "kalkulierbar": False, "grund": k.grund}
    kz = kennzahlen_der_leistung(k)
    return {
        "leistung": k.leistung,
        "bezeichnung": k.bezeichnung,
        "kalkulierbar": True,
        "kalkulationsjahr": k.kalkulationsjahr,
        "satzgrundlage": k.satzgrundlage,
        "umsatzsteuersatz_prozent": format(k.umsatzsteuersatz, "f"),
        "positionen": [
            {
                "art": p.art,
                "bezeichnung": p.bezeichnung,
                "betrag": geld(p.betrag),
                "vorsteuer": geld(p.vorsteuer),
                "herkunft": p.herkunft,
                "kategorie": p.kategorie,
                "hinweis": p.hinweis,
            }
            for p in k.positionen
        ],
        "kosten_netto": geld(k.kosten_netto),
        "vorsteuer": geld(k.vorsteuer),
        "erstattung_nicht_steuerbar": geld(k.erstattung_nicht_steuerbar),
        "erstattung_steuerpflichtig": _steuer(k.erstattung_steuerpflichtig),
        "vorsteuerabzug_bei_steuerpflicht": geld(k.vorsteuerabzug_bei_steuerpflicht),
        "schluessel": k.schluessel,
        "verteilung": k.verteilung,
        "anteile": [_anteil(k, a) for a in k.anteile],
        "abschlagsrhythmus": k.abschlagsrhythmus,
        "abschlaege": [
            {
                "beteiligter": a.beteiligter,
                "faellig": a.faellig.isoformat(),
                "betrag": geld(a.betrag),
                "steuerpflichtig": _steuer(a.steuerpflichtig),
            }
            for a in k.abschlaege
        ],
        "kennzahlen": {
            "erstattung_jahr": geld(kz.erstattung_jahr),
            "mehrbelastung_bei_steuerpflicht": geld(kz.mehrbelastung_bei_steuerpflicht),
            "wagnis": geld(kz.wagnis),
            "gewinnaufschlag": geld(kz.gewinnaufschlag),
            "kalkulatorische_zinsen": geld(kz.kalkulatorische_zinsen),
        },
        "hinweise": list(k.hinweise),
        "quellenhinweise": list(k.quellenhinweise),
    }


def kalkulation_als_dict(kalkulation: Kalkulation) -> dict[str, Any]:
    """The Kalkulation as the JSON object of the contract (serialise with ``sort_keys=True``)."""
    return {
        "format": kalkulation.format,
        "leistungen": [leistungskalkulation_als_dict(k) for k in kalkulation.leistungen],
    }
