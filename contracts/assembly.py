"""Assembly (pure): case + assessment + calculation → the ordered clauses of the draft agreement.

``assemble`` chooses the Land's clause library (Fallakte ``bundesland``) and the document type
(öffentlich-rechtliche Vereinbarung, delegating or mandating; or the task-and-financing part of a
Zweckverband statute), picks each section's variant from the case's features — per service where
the services differ (e.g. one taxable and one not) — fills the templates, numbers the sections
(§ 1, § 2, …) and builds the annexes. Missing facts become visible placeholders, listed in
``Entwurf.platzhalter``; nothing is invented.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Fallakte
from contracts.anlagen import build_annexes
from contracts.entwurf import Absatz, Entwurf, Klausel, Partei, Platzhalter, Unterschrift
from contracts.formatting import format_citation, format_date
from contracts.klauselbibliothek import (
    AbsatzVorlage,
    Abschnitt,
    Bedingung,
    Klauselbibliothek,
    Variante,
    available_lands,
    fill_template,
    load_clause_library,
)
from contracts.merkmale import Fehlt, Leistungsdaten, Wert, dekliniert, fallmerkmale, leistungsdaten

_PLATZHALTER = re.compile(r"\[[^\[\]]*ergänzen[^\[\]]*\]")
_TITEL_FEHLER = "Für diese Fallakte kann kein Vereinbarungsentwurf erstellt werden."


class _Sammler:
    """Collects the placeholders of the draft in document order, each once per place."""

    def __init__(self, bib: Klauselbibliothek) -> None:
        self.bib = bib
        self.eintraege: dict[tuple[str, str], Platzhalter] = {}

    def fuelle(self, vorlage: str, werte: Mapping[str, Wert], fundstelle: str) -> str:
        texte: dict[str, str] = {}
        felder: dict[str, str] = {}
        for name in re.findall(r"\{([a-z0-9_]+)\}", vorlage):
            wert = werte[name]
            if isinstance(wert, Fehlt):
                text = self.bib.platzhalter[wert.platzhalter]
                felder[format_citation(text)] = wert.feld
                texte[name] = text
            else:
                texte[name] = wert
        return self.pruefe(format_citation(fill_template(vorlage, texte)), fundstelle, felder)

    def pruefe(self, text: str, fundstelle: str, felder: Mapping[str, str] | None = None) -> str:
        """Register every "[… ergänzen]" of a finished text, with the missing field where known."""
        for treffer in _PLATZHALTER.findall(text):
            feld = (felder or {}).get(treffer)
            self.eintraege.setdefault((treffer, fundstelle), Platzhalter(treffer, fundstelle, feld))
        return text


def _gilt(wenn: Bedingung, merkmale: Mapping[str, Any]) -> bool:
    return all(merkmale[m] in werte for m, werte in wenn.items())


def _variante(abschnitt: Abschnitt, merkmale: Mapping[str, Any]) -> Variante:
    for variante in abschnitt.varianten:
        if _gilt(variante.wenn, merkmale):
            return variante
    raise LookupError(f"Klauselbibliothek: keine Variante von „{abschnitt.id}“ passt zu {dict(merkmale)}")


def _bibliothek(fallakte: Fallakte) -> Klauselbibliothek:
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
                    f"Für die Rechtsform „{fallakte.rechtsform}“ gibt es keine Vertragsvorlage; "
                    f"möglich sind: {', '.join(bib.rechtsformen)}.",
                )
            ],
            _TITEL_FEHLER,
        )
    return bib


def _kalkulation_als_dict(kalkulation: Any) -> Mapping[str, Any] | None:
    """The calculation's public JSON view (fallakte.md), whatever object the calculation returns."""
    if kalkulation is None or isinstance(kalkulation, Mapping):
        return kalkulation
    from advisor.kosten import kalkulation_als_dict

    return kalkulation_als_dict(kalkulation)


def _fallwerte(bib: Klauselbibliothek, fallakte: Fallakte, daten: list[Leistungsdaten]) -> dict[str, Wert]:
    werte: dict[str, Wert] = {f"norm_{k}": n.text for k, n in bib.normen.items()}
    delegierend = fallakte.rechtsform == "oerv_delegierend"
    werte["norm_form"] = bib.norm(
        "delegierend" if delegierend else "mandatierend" if fallakte.rechtsform == "oerv_mandatierend" else "zv_satzung"
    )
    werte["art_der_vereinbarung"] = "delegierende" if delegierend else "mandatierende"
    werte["bezeichnung"] = fallakte.bezeichnung
    werte["ziele"] = fallakte.ziele.strip() if fallakte.ziele else Fehlt("ziele", "ziele")
    werte["beschluss_verbandsversammlung"] = Fehlt("beschluss_verbandsversammlung", "")
    werte["erbringer"] = _traeger(fallakte).name
    beginne = [d.leistung.laufzeit.beginn for d in daten if d.leistung.laufzeit is not None]
    werte["beginn_frueheste"] = (
        format_date(max(min(beginne), fallakte.stichtag))
        if beginne
        else Fehlt("beginn", "leistungen[].laufzeit.beginn")
    )
    return werte


def _traeger(fallakte: Fallakte):
    """The provider that carries the draft: the Zweckverband, else the first service's provider."""
    verbaende = [b for b in fallakte.beteiligte if b.art == "zweckverband"]
    if fallakte.rechtsform == "zweckverband" and len(verbaende) == 1:
        return verbaende[0]
    return fallakte.beteiligter(fallakte.leistungen[0].erbringer)


def _absaetze(
    sammler: _Sammler,
    vorlagen: list[AbsatzVorlage],
    merkmale: Mapping[str, Any],
    werte: Mapping[str, Wert],
    nummer: str,
    beginn: int,
) -> list[Absatz]:
    result = []
    for vorlage in vorlagen:
        if _gilt(vorlage.wenn, merkmale):
            fundstelle = f"{nummer} Abs. {beginn + len(result) + 1}"
            result.append(Absatz(sammler.fuelle(vorlage.text, werte, fundstelle)))
    return result


def _klausel(
    sammler: _Sammler,
    abschnitt: Abschnitt,
    nummer: str | None,
    fall: Mapping[str, Any],
    fallwerte: Mapping[str, Wert],
    daten: list[Leistungsdaten],
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
                sammler, variante.je_leistung, {**fall, **d.merkmale}, {**fallwerte, **d.werte}, stelle, len(absaetze)
            )
        absaetze += _absaetze(sammler, variante.absaetze, fall, fallwerte, stelle, len(absaetze))
    anker = sammler.fuelle(abschnitt.anker, fallwerte, stelle)
    return Klausel(abschnitt.id, nummer, abschnitt.titel, anker, tuple(gruppen), tuple(absaetze))


def _parteien(sammler: _Sammler, bib: Klauselbibliothek, fallakte: Fallakte) -> tuple[list[Partei], list[Unterschrift]]:
    parteien, unterschriften = [], []
    traeger = _traeger(fallakte)
    for i, b in enumerate(fallakte.beteiligte):
        amt = b.vertreten_durch or bib.bezeichnungen["amt"].get(b.art)
        if amt is None:
            amt_text = sammler.fuelle(
                "{v}", {"v": Fehlt("vertretung", f"beteiligte[{i}].vertreten_durch")}, "Beteiligte"
            )
            vertretung = amt_text
        else:
            amt_text = amt
            vertretung = "vertreten durch " + dekliniert(amt)
        zv = fallakte.rechtsform == "zweckverband"
        if not (zv and b.id == traeger.id):
            parteien.append(Partei(b.id, b.name, vertretung, b.anschrift, b.name))
        if not zv or b.id == traeger.id:
            unterschriften.append(Unterschrift(b.name, amt_text))
    return parteien, unterschriften


def _pruefhinweise(bib: Klauselbibliothek, kalkulation: Mapping[str, Any] | None, texte: str) -> list[str]:
    hinweise = [
        f"Fundstelle „{n.text}“ ist aus Sekundärquellen übernommen; vor Verwendung mit dem amtlichen Text abgleichen."
        for n in bib.normen.values()
        if not n.geprueft and format_citation(n.text) in texte
    ]
    for eintrag in (kalkulation or {}).get("leistungen", []):
        for hinweis in eintrag.get("quellenhinweise", []):
            if isinstance(hinweis, str) and hinweis not in hinweise:
                hinweise.append(hinweis)
    hinweise.append(
        "Der Entwurf ist maschinell aus der Fallakte, der steuerlichen Würdigung und der Kostenkalkulation erstellt; "
        "er ersetzt keine rechtliche Prüfung."
    )
    return [format_citation(h) for h in hinweise]


def assemble(beratung: Any, *, final: bool = False, stand: date | None = None) -> Entwurf:
    """Build the draft agreement of a case from its advice (``Beratung``: fallakte, bewertung, kalkulation).

    Args:
        beratung: the result of ``advisor.beratung.berate`` (or any object with these attributes).
        final: an "Ausfertigung" without draft marks and without the review notes.
        stand: the date shown as "Stand" and used as the document date; default: the case's stichtag
            (never the clock, so that the same input gives the same document).

    Returns:
        The ``Entwurf``: ordered clauses, annexes, signature blocks and the list of placeholders.

    Raises:
        UngueltigeEingabe: no clause library for the Land, or a legal form without a template
            (field ``bundesland`` / ``rechtsform``), or a service without assessment.
    """
    fallakte: Fallakte = beratung.fallakte
    bib = _bibliothek(fallakte)
    kalkulation = _kalkulation_als_dict(beratung.kalkulation)
    daten = [
        leistungsdaten(bib, fallakte, beratung.bewertung, kalkulation, i, leistung)
        for i, leistung in enumerate(fallakte.leistungen)
    ]
    fall = fallmerkmale(fallakte, daten)
    fallwerte = _fallwerte(bib, fallakte, daten)
    dokument = bib.dokumente["zweckverband" if fallakte.rechtsform == "zweckverband" else "oerv"]
    abschnitte = [bib.abschnitt(k) for k in dokument.abschnitte]
    nummern: dict[str, str | None] = {}
    zaehler = 0
    for abschnitt in abschnitte:
        if abschnitt.nummeriert:
            zaehler += 1
            nummern[abschnitt.id] = f"§ {zaehler}"
        else:
            nummern[abschnitt.id] = None
    fallwerte |= {f"nr_{k}": format_citation(v) for k, v in nummern.items() if v}
    sammler = _Sammler(bib)
    titel = sammler.fuelle(dokument.titel, fallwerte, "Titel")
    untertitel = sammler.fuelle(dokument.untertitel, fallwerte, "Titel")
    einleitung = sammler.fuelle(dokument.einleitung, fallwerte, "Einleitung")
    parteien, unterschriften = _parteien(sammler, bib, fallakte)
    klauseln = [_klausel(sammler, a, nummern[a.id], fall, fallwerte, daten) for a in abschnitte]
    genehmigung = sammler.fuelle(dokument.genehmigungsvermerk, fallwerte, "Genehmigungsvermerk")
    stand = stand or fallakte.stichtag
    anlagen = build_annexes(bib, fallakte, beratung.bewertung, daten, fall, stand, sammler.pruefe)
    return Entwurf(
        dokumentart=dokument.art,
        titel=titel,
        untertitel=untertitel,
        einleitung=einleitung,
        parteien=tuple(parteien),
        klauseln=tuple(klauseln),
        unterschriften=tuple(unterschriften),
        genehmigungsvermerk=genehmigung,
        anlagen=tuple(anlagen),
        platzhalter=tuple(sammler.eintraege.values()),
        pruefhinweise=()
        if final
        else tuple(
            _pruefhinweise(
                bib,
                kalkulation,
                "\n".join([einleitung, *(k.anker for k in klauseln), *(a.text for k in klauseln for a in k.absaetze)]),
            )
        ),
        stand=stand,
        final=final,
        land=bib.land_name,
        bezeichnung=fallakte.bezeichnung,
        autor="IKZ-Berater",
        schlagworte=(dokument.art, "§ 2b UStG", bib.gesetz, fallakte.rechtsform),
    )
