"""Assembly (pure): case + assessment + calculation → the ordered clauses of the agreement.

``assemble`` chooses the Land's clause library (Fallakte ``bundesland``) and the document type
(öffentlich-rechtliche Vereinbarung, delegating or mandating; or the Verbandssatzung of a
Zweckverband), checks that every party may be a party of such an agreement, picks each section's
variant from the case's features — per service where the services differ (e.g. one taxable and
one not) — fills the templates, numbers the sections (§ 1, § 2, …) and builds the annexes.
Missing facts become visible placeholders, listed in ``Entwurf.platzhalter``; nothing is invented.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from advisor.bezeichnungen import RECHTSFORMEN
from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Beteiligter, Fallakte
from contracts.anlagen import build_annexes
from contracts.entwurf import Absatz, Entwurf, Klausel, Partei, Unterschrift
from contracts.formatting import format_citation, format_date
from contracts.grammatik import Nominalphrase
from contracts.klauselbibliothek import (
    AbsatzVorlage,
    Abschnitt,
    Bedingung,
    Klauselbibliothek,
    Variante,
    available_lands,
    load_clause_library,
)
from contracts.merkmale import Fehlt, Leistungsdaten, Wert, fallmerkmale, leistungsdaten
from contracts.platzhalter import Sammler
from contracts.stand import stand_oder_heute

_TITEL_FEHLER = "Für diese Fallakte kann keine Vereinbarung erstellt werden."


def _gilt(wenn: Bedingung, merkmale: Mapping[str, Any]) -> bool:
    return all(merkmale[m] in werte for m, werte in wenn.items())


def _variante(abschnitt: Abschnitt, merkmale: Mapping[str, Any]) -> Variante:
    for variante in abschnitt.varianten:
        if _gilt(variante.wenn, merkmale):
            return variante
    raise LookupError(f"Klauselbibliothek: keine Variante von „{abschnitt.id}“ passt zu {dict(merkmale)}")


def bibliothek(fallakte: Fallakte) -> Klauselbibliothek:
    """The clause library for the case's Land and legal form, or a German field error."""
    try:
        bib = load_clause_library(fallakte.bundesland)
    except KeyError:
        raise UngueltigeEingabe(
            [
                Feldproblem(
                    "bundesland",
                    f"Für das Land „{fallakte.bundesland}“ gibt es noch keine Klauselbibliothek; "
                    f"verfügbar: {', '.join(available_lands())}.",
                )
            ],
            _TITEL_FEHLER,
        ) from None
    if fallakte.rechtsform not in bib.rechtsformen:
        raise UngueltigeEingabe(
            [
                Feldproblem(
                    "rechtsform",
                    f"Für die Rechtsform „{RECHTSFORMEN.get(fallakte.rechtsform, fallakte.rechtsform)}“ gibt es "
                    "keine Vertragsvorlage; möglich sind: "
                    f"{'; '.join(RECHTSFORMEN.get(r, r) for r in bib.rechtsformen)}.",
                )
            ],
            _TITEL_FEHLER,
        )
    return bib


def nicht_zugelassene_beteiligte(bib: Klauselbibliothek, fallakte: Fallakte) -> list[tuple[int, Beteiligter]]:
    """The parties the Land's law does not admit to an agreement (only for agreements, not for a
    Zweckverband, whose members may include other public bodies)."""
    if fallakte.rechtsform == "zweckverband":
        return []
    return [(i, b) for i, b in enumerate(fallakte.beteiligte) if b.art not in bib.beteiligte.zugelassen]


def meldung_nicht_zugelassen(bib: Klauselbibliothek, b: Beteiligter) -> str:
    """The German sentence naming a party the law does not admit and the instrument to use."""
    from advisor.bezeichnungen import ARTEN

    phrase = Nominalphrase.aus_name(b.name)
    werte = {f"norm_{k}": n.text for k, n in bib.normen.items()}
    werte |= {"name_nom": phrase.nom, "name_dat": phrase.dat, "art": ARTEN.get(b.art, b.art)}
    return fill(bib.beteiligte.meldung, werte)


def pruefe_beteiligte(bib: Klauselbibliothek, fallakte: Fallakte) -> None:
    """Refuse an agreement with a party § 23 GkG NRW does not admit, naming the party and the
    instrument to use instead (a public-law contract, §§ 54 ff. VwVfG NRW)."""
    probleme = [
        Feldproblem(f"beteiligte[{i}].art", meldung_nicht_zugelassen(bib, b))
        for i, b in nicht_zugelassene_beteiligte(bib, fallakte)
    ]
    if probleme:
        raise UngueltigeEingabe(probleme, "Für diese Beteiligten kann keine Vereinbarung nach § 23 GkG NRW entstehen.")


def fill(text: str, werte: Mapping[str, str]) -> str:
    from contracts.klauselbibliothek import fill_template

    return format_citation(fill_template(text, dict(werte)))


def traeger(fallakte: Fallakte) -> Beteiligter:
    """The provider that carries the document: the Zweckverband, else the first service's provider."""
    verbaende = [b for b in fallakte.beteiligte if b.art == "zweckverband"]
    if fallakte.rechtsform == "zweckverband" and len(verbaende) == 1:
        return verbaende[0]
    return fallakte.beteiligter(fallakte.leistungen[0].erbringer)


def _rollen(bib: Klauselbibliothek, fallakte: Fallakte) -> dict[str, Wert]:
    rollen = bib.rollen[fallakte.rechtsform]
    mehrere_erbringer = len({leistung.erbringer for leistung in fallakte.leistungen}) > 1
    empfaenger = {e for leistung in fallakte.leistungen for e in leistung.empfaenger}
    erbringer_form = rollen.erbringer.jeweils if mehrere_erbringer and rollen.erbringer.jeweils else rollen.erbringer.sg
    if mehrere_erbringer and rollen.empfaenger.jeweils is not None:
        empfaenger_form = rollen.empfaenger.jeweils
    elif len(empfaenger) > 1 and rollen.empfaenger.pl is not None:
        empfaenger_form = rollen.empfaenger.pl
    else:
        empfaenger_form = rollen.empfaenger.sg
    werte: dict[str, Wert] = {}
    for rolle, form in (("erbringer", erbringer_form), ("empfaenger", empfaenger_form)):
        for fall in ("nom", "dat", "akk", "gen"):
            werte[f"rolle_{rolle}_{fall}"] = getattr(form, fall)
    return werte


def _fallwerte(bib: Klauselbibliothek, fallakte: Fallakte, daten: list[Leistungsdaten]) -> dict[str, Wert]:
    werte: dict[str, Wert] = {f"norm_{k}": n.text for k, n in bib.normen.items()}
    form = {"oerv_delegierend": "gkg_delegierend", "oerv_mandatierend": "gkg_mandatierend"}.get(fallakte.rechtsform)
    werte["form_norm"] = bib.norm(form) if form else bib.norm("gkg_zv_satzung")
    werte["art_der_vereinbarung"] = bib.bezeichnungen["art_der_vereinbarung"].get(fallakte.rechtsform, "")
    werte["bezeichnung"] = fallakte.bezeichnung
    werte["ziele"] = fallakte.ziele.strip() if fallakte.ziele else Fehlt("ziele", "ziele")
    for name in ("beschluesse", "beschluss_verbandsversammlung", "bisherige_satzung", "sitz", "bekanntmachungsform"):
        werte[name] = Fehlt(name, "")
    werte["stimmen"] = Fehlt("stimmen", "")
    t = traeger(fallakte)
    werte["zv_name"] = t.name
    beginne = [d.leistung.laufzeit.beginn for d in daten if d.leistung.laufzeit is not None]
    werte["beginn_frueheste"] = (
        format_date(max(min(beginne), fallakte.stichtag))
        if beginne
        else Fehlt("beginn", "leistungen[].laufzeit.beginn")
    )
    return werte | _rollen(bib, fallakte)


def _absaetze(
    sammler: Sammler,
    vorlagen: list[AbsatzVorlage],
    merkmale: Mapping[str, Any],
    werte: Mapping[str, Wert],
    listen: Mapping[str, tuple[str, ...]],
    nummer: str,
    beginn: int,
) -> list[Absatz]:
    result: list[Absatz] = []
    for vorlage in vorlagen:
        if _gilt(vorlage.wenn, merkmale):
            fundstelle = f"{nummer} Abs. {beginn + len(result) + 1}"
            punkte = listen[vorlage.liste] if vorlage.liste else ()
            result.append(Absatz(sammler.fuelle(vorlage.text, werte, fundstelle), punkte))
    return result


def _klausel(
    sammler: Sammler,
    abschnitt: Abschnitt,
    nummer: str | None,
    fall: Mapping[str, Any],
    fallwerte: Mapping[str, Wert],
    daten: list[Leistungsdaten],
    listen: Mapping[str, tuple[str, ...]],
) -> Klausel:
    gruppen: dict[str, list[Leistungsdaten]] = {}
    varianten: dict[str, Variante] = {}
    for d in daten:
        variante = _variante(abschnitt, {**fall, **d.merkmale})
        gruppen.setdefault(variante.id, []).append(d)
        varianten[variante.id] = variante
    absaetze: list[Absatz] = []
    stelle = nummer or abschnitt.titel
    for kennung, gruppe in gruppen.items():
        variante = varianten[kennung]
        for d in gruppe:
            absaetze += _absaetze(
                sammler,
                variante.je_leistung,
                {**fall, **d.merkmale},
                {**fallwerte, **d.werte},
                listen,
                stelle,
                len(absaetze),
            )
        absaetze += _absaetze(sammler, variante.absaetze, fall, fallwerte, listen, stelle, len(absaetze))
    return Klausel(abschnitt.id, nummer, abschnitt.titel, tuple(gruppen), tuple(absaetze))


def _amt(sammler: Sammler, bib: Klauselbibliothek, b: Beteiligter, i: int) -> tuple[str, str]:
    """(office title for the signature, "vertreten durch …" for the title block)."""
    amt = b.vertreten_durch or bib.bezeichnungen["amt"].get(b.art)
    if amt is None:
        text = sammler.fuelle("{v}", {"v": Fehlt("vertretung", f"beteiligte[{i}].vertreten_durch")}, "Beteiligte")
        return text, text
    return amt, "vertreten durch " + _akkusativ(amt)


def _akkusativ(amt: str) -> str:
    """ "Der Landrat" → "den Landrat", "Die Bürgermeisterin / Der Bürgermeister" → "die … / den …"."""
    teile = []
    for teil in amt.split(" / "):
        for artikel, akkusativ in (("Der ", "den "), ("Die ", "die "), ("Das ", "das ")):
            if teil.startswith(artikel):
                teil = akkusativ + teil[len(artikel) :]
                break
        teile.append(teil)
    return " / ".join(teile)


def _parteien(sammler: Sammler, bib: Klauselbibliothek, fallakte: Fallakte) -> tuple[list[Partei], list[Unterschrift]]:
    parteien, unterschriften = [], []
    t = traeger(fallakte)
    zv = fallakte.rechtsform == "zweckverband"
    for i, b in enumerate(fallakte.beteiligte):
        amt, vertretung = _amt(sammler, bib, b, i)
        phrase = Nominalphrase.aus_name(b.name)
        if not zv:
            parteien.append(Partei(b.id, b.name, phrase.dat, vertretung, b.anschrift, b.name))
            unterschriften.append(Unterschrift(f"Für {phrase.akk}", amt))
        elif b.id == t.id:
            unterschriften.append(Unterschrift(f"Ausgefertigt für {phrase.akk}", amt))
    return parteien, unterschriften


def assemble(beratung: Any, *, final: bool = False, stand: date | None = None) -> Entwurf:
    """Build the agreement (or the Verbandssatzung) of a case from its advice.

    Args:
        beratung: the result of ``advisor.beratung.berate`` (fallakte, bewertung, kalkulation).
        final: an "Ausfertigung" without draft marks and without the list of gaps.
        stand: the date shown as "Stand" and used as the document date; default: today (the day
            of generation, never the case's Stichtag).

    Returns:
        The ``Entwurf``: ordered clauses, annexes, signature blocks and the list of placeholders.

    Raises:
        UngueltigeEingabe: no clause library for the Land, a legal form without a template (field
            ``bundesland`` / ``rechtsform``), a party § 23 GkG NRW does not admit (field
            ``beteiligte[i].art``), or a service without assessment.
    """
    from contracts.pruefhinweise import pruefhinweise

    fallakte: Fallakte = beratung.fallakte
    bib = bibliothek(fallakte)
    pruefe_beteiligte(bib, fallakte)
    kalkulation = kalkulation_als_dict(beratung.kalkulation)
    daten = [
        leistungsdaten(bib, fallakte, beratung.bewertung, kalkulation, i, leistung)
        for i, leistung in enumerate(fallakte.leistungen)
    ]
    fall = fallmerkmale(fallakte, daten)
    fallwerte = _fallwerte(bib, fallakte, daten)
    dokument = bib.dokument_fuer(fallakte.rechtsform)
    abschnitte = [bib.abschnitt(k) for k in dokument.abschnitte]
    nummern: dict[str, str | None] = {}
    zaehler = 0
    for abschnitt in abschnitte:
        zaehler += abschnitt.nummeriert
        nummern[abschnitt.id] = f"§ {zaehler}" if abschnitt.nummeriert else None
    fallwerte |= {f"nr_{k}": format_citation(v) for k, v in nummern.items() if v}
    t = traeger(fallakte)
    listen = {"mitglieder": tuple(b.name for b in fallakte.beteiligte if b.id != t.id)}
    sammler = Sammler(bib, fallakte)
    titel = sammler.fuelle(dokument.titel, fallwerte, "Titel")
    untertitel = sammler.fuelle(dokument.untertitel, fallwerte, "Titel")
    einleitung = sammler.fuelle(dokument.einleitung, fallwerte, "Einleitung")
    schlusssatz = sammler.fuelle(dokument.schlusssatz, fallwerte, "Einleitung")
    parteien, unterschriften = _parteien(sammler, bib, fallakte)
    klauseln = [_klausel(sammler, a, nummern[a.id], fall, fallwerte, daten, listen) for a in abschnitte]
    vermerk = sammler.fuelle(dokument.vermerk, fallwerte, dokument.vermerk_titel)
    stand = stand_oder_heute(stand)
    anlagen = build_annexes(bib, fallakte, daten, fall, fallwerte, sammler)
    texte = "\n".join([einleitung, schlusssatz, *(a.text for k in klauseln for a in k.absaetze)])
    return Entwurf(
        dokumentart=dokument.art,
        titel=titel,
        untertitel=untertitel,
        einleitung=einleitung,
        schlusssatz=schlusssatz,
        parteien=tuple(parteien),
        klauseln=tuple(klauseln),
        unterschriften=tuple(unterschriften),
        vermerk_titel=dokument.vermerk_titel,
        vermerk=vermerk,
        anlagen=tuple(anlagen),
        platzhalter=sammler.liste(),
        pruefhinweise=tuple(pruefhinweise(bib, kalkulation, daten, texte)),
        stand=stand,
        final=final,
        land=bib.land_name,
        bezeichnung=fallakte.bezeichnung,
        autor="IKZ-Berater",
        schlagworte=(dokument.art, bib.gesetz, fallakte.bezeichnung),
    )


def kalkulation_als_dict(kalkulation: Any) -> Mapping[str, Any] | None:
    """The calculation's public JSON view (fallakte.md), whatever object the calculation returns."""
    if kalkulation is None or isinstance(kalkulation, Mapping):
        return kalkulation
    from advisor.kosten import kalkulation_als_dict as als_dict

    return als_dict(kalkulation)
