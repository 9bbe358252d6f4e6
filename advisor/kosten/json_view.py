"""The JSON shape of the Kalkulation contract (docs/fallakte.md, "ikz-kalkulation/1").

Money as strings with two places ("1234.56"), dates ISO, percentages as strings with two places.
Fields beyond the contract (kept stable): ``kalkulierbar``/``grund``, per position ``kategorie``
and ``hinweis``, ``vorsteuerabzug_bei_steuerpflicht``, ``verteilung``, per share ``rolle`` and the
comparison fields, per advance ``steuerpflichtig`` (the advance invoice: VAT of its own net),
``kennzahlen``, ``hinweise`` and ``quellenhinweise`` (e.g. that the KGSt rates come from a
secondary source).

Added for issue 16 (all always present, ``null``/empty when not used): ``warnungen``;
``schluessel_details`` (fixed shares, measures of a mixed key with weights, population reference
date, remainder-cent rule, cents the provider bears); per share ``festanteil_prozent`` and
``werte_je_bestandteil``; ``stueckpreis``; ``anlagen`` (asset list) and ``vorsteuer_anlagen``;
``faelligkeitsregel``; ``schlussrechnungen`` (the planned final invoice per recipient).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from advisor.kosten.anlagen import Anlagezeile
from advisor.kosten.kalkulation import Kalkulation, Leistungskalkulation, NichtKalkulierbar
from advisor.kosten.kennzahlen import kennzahlen_der_leistung
from advisor.kosten.umsatzsteuer import Steuerbetrag, Stueckpreisrechnung


def geld(wert: Decimal | None) -> str | None:
    """``Decimal("1234.5")`` → ``"1234.50"``; the figures are cent amounts already."""
    return None if wert is None else f"{wert:.2f}"


def steuerbetrag(s: Steuerbetrag) -> dict[str, Any]:
    """``{"netto", "umsatzsteuer", "brutto"}`` as money strings."""
    return {"netto": geld(s.netto), "umsatzsteuer": geld(s.umsatzsteuer), "brutto": geld(s.brutto)}


_steuer = steuerbetrag


def stueckpreis_als_dict(s: Stueckpreisrechnung | None) -> dict[str, Any] | None:
    """The unit price: agreed or calculated, the prices, the total quantity and the cost coverage."""
    if s is None:
        return None
    return {
        "vereinbart": s.vereinbart,
        "preis_nicht_steuerbar": geld(s.preis_nicht_steuerbar),
        "preis_netto": geld(s.preis_netto),
        "menge_gesamt": format(s.menge_gesamt, "f"),
        "mengeneinheit": s.mengeneinheit,
        "kostendeckung_nicht_steuerbar": geld(s.kostendeckung_nicht_steuerbar),
        "kostendeckung_steuerpflichtig": geld(s.kostendeckung_steuerpflichtig),
    }


def _schluessel_details(k: Leistungskalkulation) -> dict[str, Any]:
    return {
        "festanteile": {z: format(p, "f") for z, p in k.festanteile.items()},
        "bestandteile": [
            {"id": i, "bezeichnung": b, "gewicht_prozent": format(g, "f"), "schluessel": s}
            for i, b, g, s in k.bestandteile
        ],
        "einwohner_stichtag": k.einwohner_stichtag.isoformat() if k.einwohner_stichtag else None,
        "restcent_regel": k.restcent_regel,
        "restcent_erbringer": {
            "nicht_steuerbar": geld(k.restcent.nicht_steuerbar),
            "steuerpflichtig_netto": geld(k.restcent.netto),
            "quote_prozent": geld(k.restcent.quote_prozent),
        },
    }


def _anlage(a: Anlagezeile) -> dict[str, Any]:
    return {
        "bezeichnung": a.bezeichnung,
        "bewertung": a.bewertung,
        "anschaffungskosten": geld(a.anschaffungskosten),
        "abschreibungsbasis": geld(a.abschreibungsbasis),
        "nutzungsdauer_jahre": a.nutzungsdauer_jahre,
        "methode": a.methode,
        "anschaffung": a.anschaffung.isoformat(),
        "abschreibung": geld(a.abschreibung),
        "abschreibung_vorsteuer": geld(a.abschreibung_vorsteuer),
        "restwert_beginn": geld(a.restwert_beginn),
        "restwert_ende": geld(a.restwert_ende),
        "eigenkapitalanteil_prozent": format(a.eigenkapitalanteil_prozent, "f"),
        "kalkulatorische_zinsen": geld(a.kalkulatorische_zinsen),
        "fremdkapitalzinsen": geld(a.fremdkapitalzinsen),
        "vorsteuer_kauf": geld(a.vorsteuer_kauf),
        "hinweise": list(a.hinweise),
    }


def _anteil(k: Leistungskalkulation, index: int, a: Any) -> dict[str, Any]:
    v = k.wirtschaftlichkeit.get(a.beteiligter)
    fest = k.festanteile.get(a.beteiligter)
    return {
        "beteiligter": a.beteiligter,
        "rolle": a.rolle,
        "gewicht": format(a.gewicht, "f"),
        "festanteil_prozent": format(fest, "f") if fest is not None else None,
        "werte_je_bestandteil": {
            b: format(w[index], "f") for b, w in k.bestandteilwerte.items() if w[index] is not None
        },
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
        "anteile": [_anteil(k, i, a) for i, a in enumerate(k.anteile)],
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
        "faelligkeitsregel": k.faelligkeitsregel,
        "schlussrechnungen": [
            {
                "beteiligter": r.beteiligter,
                "leistung": _steuer(r.leistung),
                "abschlaege": _steuer(r.abschlaege),
                "verbleibend": _steuer(r.verbleibend),
            }
            for r in k.schlussrechnungen
        ],
        "schluessel_details": _schluessel_details(k),
        "stueckpreis": stueckpreis_als_dict(k.stueckpreis),
        "anlagen": [_anlage(a) for a in k.anlagen],
        "vorsteuer_anlagen": geld(k.vorsteuer_anlagen),
        "warnungen": list(k.warnungen),
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
