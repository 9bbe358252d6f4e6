"""The annexes of the agreement: Leistungsbeschreibung, Kostenkalkulation und Verteilung (for a
Zweckverband: und Umlage), and where one is needed the data-processing agreement (Art. 28 DSGVO)
or the joint-control agreement (Art. 26 DSGVO).

Every figure is taken from the calculation's JSON view; the totals rows show the calculation's own
totals, never a recomputation, and the cost table ends with the reimbursable total that the cost
clause names (net cost plus the input VAT that stays a cost). VAT appears only for a service that
is taxable — and, as the contractual fallback of the VAT clause, for one whose assessment is open.
No tax reasoning, no comparison with doing the task alone: those are internal documents.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.fallakte import Fallakte
from contracts.entwurf import Anlage, Block, Tabelle, Text, Zwischentitel
from contracts.formatting import format_date, format_money, format_number, format_percent, parse_money
from contracts.grammatik import aufzaehlung
from contracts.klauselbibliothek import Klauselbibliothek
from contracts.kostenbasis import kostenbasis
from contracts.merkmale import Leistungsdaten, Wert, ohne_kennungen, satzgrundlage_titel
from contracts.platzhalter import Sammler


def _gilt(wenn: Mapping[str, list[Any]], merkmale: Mapping[str, Any]) -> bool:
    return all(merkmale[m] in werte for m, werte in wenn.items())


def _leistungsbeschreibung(
    bib: Klauselbibliothek, fallakte: Fallakte, daten: list[Leistungsdaten], sammler: Sammler
) -> list[Block]:
    namen = {b.id: b.name for b in fallakte.beteiligte}
    bloecke: list[Block] = []
    for d in daten:
        leistung = d.leistung
        bloecke.append(Zwischentitel(f"{d.index + 1}. {leistung.bezeichnung}"))
        angaben = [
            f"Wahrgenommen von: {namen[leistung.erbringer]}",
            f"Für: {aufzaehlung([namen[e] for e in leistung.empfaenger])}",
        ]
        if leistung.laufzeit is not None:
            lz = leistung.laufzeit
            ende = f"bis {format_date(lz.letzter_tag)}" if lz.letzter_tag else "unbefristet"
            angaben.append(f"Laufzeit: {ende}")
        bloecke.append(Text("Eckdaten:", tuple(angaben)))
        platzhalter = bib.platzhalter["beschreibung"]
        beschreibung = leistung.beschreibung.strip() if leistung.beschreibung else platzhalter
        bloecke.append(
            Text(sammler.pruefe(beschreibung, "Anlage 1", {platzhalter: f"leistungen[{d.index}].beschreibung"}))
        )
    return bloecke


def _geld(wert: Decimal | str) -> str:
    return format_money(wert)


#: How the calculation names the origin of a cost line → the words of the annex.
_HERKUNFT = {"Eingabe": "Einzelansatz"}


def _berechnung(herkunft: str) -> str:
    return _HERKUNFT.get(herkunft, ohne_kennungen(herkunft))


def _positionen(kalk: Mapping[str, Any], bib: Klauselbibliothek, ergebnis: str) -> Tabelle:
    arten = bib.bezeichnungen["kostenarten"]
    basis = kostenbasis(kalk, ergebnis)
    zeilen = tuple(
        (
            arten.get(p.get("art"), "sonstige Kosten"),
            str(p.get("bezeichnung", "")),
            _berechnung(str(p.get("herkunft", ""))),
            _geld(p["betrag"]),
            _geld(p.get("vorsteuer") or "0.00"),
        )
        for p in kalk.get("positionen", [])
    )
    summen = [("Summe der Kostenpositionen", "", "", _geld(basis.kosten_netto), _geld(basis.vorsteuer_gezahlt))]
    if basis.vorsteuer_nicht_abziehbar:
        summen.append(("zuzüglich nicht abziehbarer Vorsteuer", "", "", _geld(basis.vorsteuer_nicht_abziehbar), ""))
    ohne = " (ohne Umsatzsteuer)" if basis.steuerpflichtig else ""
    if isinstance(kalk.get("stueckpreis"), Mapping):
        # Unit price: the cost is the basis of the price; what the payers pay is the shares' total.
        summen.append((f"Kalkulierte Kosten je Jahr{ohne}", "", "", _geld(basis.kosten), ""))
    else:
        summen.append((f"Erstattungsfähige Kosten je Jahr{ohne}", "", "", _geld(basis.erstattungsfaehig), ""))
    return Tabelle(
        titel="Kostenpositionen (je Jahr, ohne Umsatzsteuer)",
        spalten=("Kostenart", "Bezeichnung", "Berechnung", "Kosten", "gezahlte Vorsteuer"),
        zeilen=zeilen,
        summen=tuple(summen),
        rechts=(False, False, False, True, True),
        breiten=(0.15, 0.23, 0.32, 0.15, 0.15),
    )


def _name(anteil: Mapping[str, Any], namen: Mapping[str, str]) -> str:
    name = namen.get(anteil["beteiligter"], anteil["beteiligter"])
    return f"{name} (Eigenanteil)" if anteil.get("rolle") == "erbringer" else name


def _gewicht(anteil: Mapping[str, Any]) -> str:
    """A payer's key value; a fixed share is shown as such, not as a weight."""
    if anteil.get("festanteil_prozent") is not None:
        return f"fest {format_percent(anteil['festanteil_prozent'])}"
    return format_number(Decimal(str(anteil["gewicht"])))


def _gewicht_spalte(kalk: Mapping[str, Any]) -> str:
    preis = kalk.get("stueckpreis")
    if isinstance(preis, Mapping):
        return f"Menge ({preis.get('mengeneinheit') or 'Einheiten'}, geplant)"
    return "Gewicht"


def _stueckpreis_zeile(kalk: Mapping[str, Any], ergebnis: str, spalten: int) -> tuple[tuple[str, ...], ...]:
    """The unit price as a second totals row of the shares table (the figure the cost clause names)."""
    preis = kalk.get("stueckpreis")
    if not isinstance(preis, Mapping):
        return ()
    betrag = preis.get("preis_netto" if ergebnis == "steuerpflichtig" else "preis_nicht_steuerbar")
    if betrag is None:
        return ()
    art = "vereinbart" if preis.get("vereinbart") else "kalkuliert aus Kosten und geplanter Gesamtmenge"
    titel = f"Stückpreis je {preis.get('mengeneinheit') or 'Einheit'} ({art})"
    return ((titel, *("",) * (spalten - 2), _geld(betrag)),)


def _summe_ohne_steuer(kalk: Mapping[str, Any]) -> Decimal:
    """The total of the shares without VAT: the reimbursement, or with a unit price the cost plus
    the calculation's coverage at the planned quantities (kostenbasis)."""
    return kostenbasis(kalk, "nicht_steuerbar").erstattungsfaehig


def _anteile_ohne_steuer(kalk: Mapping[str, Any], namen: Mapping[str, str], titel: str, ergebnis: str) -> Tabelle:
    return Tabelle(
        titel=titel,
        spalten=("Beteiligter", _gewicht_spalte(kalk), "Quote", "Jahresanteil"),
        zeilen=tuple(
            (
                _name(a, namen),
                _gewicht(a),
                format_percent(a["quote_prozent"]),
                _geld(a["nicht_steuerbar"]),
            )
            for a in kalk.get("anteile", [])
        ),
        summen=(("Summe", "", "", _geld(_summe_ohne_steuer(kalk))), *_stueckpreis_zeile(kalk, ergebnis, 4)),
        rechts=(False, True, True, True),
        breiten=(0.43, 0.17, 0.17, 0.23),
    )


def _werte_je_bestandteil(kalk: Mapping[str, Any], namen: Mapping[str, str]) -> Tabelle | None:
    """The values of each measure of a mixed key per payer, with the measure's weight."""
    bestandteile = (kalk.get("schluessel_details") or {}).get("bestandteile") or []
    if not bestandteile:
        return None
    zeilen = []
    for a in kalk.get("anteile", []):
        werte = a.get("werte_je_bestandteil") or {}
        zeilen.append(
            (
                _name(a, namen),
                *(
                    format_number(Decimal(str(werte[b["id"]]))) if b["id"] in werte else "fester Anteil"
                    for b in bestandteile
                ),
            )
        )
    breite = 0.6 / len(bestandteile)
    return Tabelle(
        titel="Gemischter Schlüssel: Werte je Maßstab",
        spalten=(
            "Beteiligter",
            *(f"{b['bezeichnung']} ({format_percent(b['gewicht_prozent'])})" for b in bestandteile),
        ),
        zeilen=tuple(zeilen),
        rechts=(False, *(True for _ in bestandteile)),
        breiten=(0.4, *(breite for _ in bestandteile)),
    )


def _anteile_mit_steuer(kalk: Mapping[str, Any], namen: Mapping[str, str], titel: str, ergebnis: str) -> Tabelle:
    stpfl = kalk["erstattung_steuerpflichtig"]
    return Tabelle(
        titel=titel,
        spalten=("Beteiligter", _gewicht_spalte(kalk), "Quote", "netto", "Umsatzsteuer", "brutto"),
        zeilen=tuple(
            (
                _name(a, namen),
                _gewicht(a),
                format_percent(a["quote_prozent"]),
                _geld(a["steuerpflichtig"]["netto"]),
                _geld(a["steuerpflichtig"]["umsatzsteuer"]),
                _geld(a["steuerpflichtig"]["brutto"]),
            )
            for a in kalk.get("anteile", [])
        ),
        summen=(
            ("Summe", "", "", _geld(stpfl["netto"]), _geld(stpfl["umsatzsteuer"]), _geld(stpfl["brutto"])),
            *_stueckpreis_zeile(kalk, "steuerpflichtig" if ergebnis != "offen" else ergebnis, 6),
        ),
        rechts=(False, True, True, True, True, True),
        breiten=(0.28, 0.12, 0.10, 0.17, 0.15, 0.18),
    )


def abschlagsbetrag(abschlag: Mapping[str, Any], ergebnis: str) -> Decimal:
    """The amount due per advance: gross for a taxable service, otherwise the amount without VAT."""
    if ergebnis == "steuerpflichtig" and isinstance(abschlag.get("steuerpflichtig"), Mapping):
        return parse_money(abschlag["steuerpflichtig"]["brutto"])
    return parse_money(abschlag["betrag"])


def _abschlaege(kalk: Mapping[str, Any], namen: Mapping[str, str], ergebnis: str) -> Tabelle | None:
    je_zahler: dict[str, list[Mapping[str, Any]]] = {}
    for a in kalk.get("abschlaege", []) or []:
        je_zahler.setdefault(a["beteiligter"], []).append(a)
    if not je_zahler:
        return None
    zeilen = []
    gesamt = Decimal("0.00")
    for kennung, liste in je_zahler.items():
        betraege: dict[Decimal, int] = {}
        for a in liste:
            betrag = abschlagsbetrag(a, ergebnis)
            betraege[betrag] = betraege.get(betrag, 0) + 1
        summe = sum((abschlagsbetrag(a, ergebnis) for a in liste), Decimal("0.00"))
        gesamt += summe
        termine = ", ".join(format_date(date.fromisoformat(str(a["faellig"])))[:6] for a in liste)
        zeilen.append(
            (
                namen.get(kennung, kennung),
                termine,
                " + ".join(f"{n} × {_geld(b)}" for b, n in betraege.items()),
                _geld(summe),
            )
        )
    art = "einschließlich Umsatzsteuer" if ergebnis == "steuerpflichtig" else "ohne Umsatzsteuer"
    return Tabelle(
        titel=f"Abschläge ({art}): Fälligkeit, Betrag je Termin, Jahressumme",
        spalten=("Beteiligter", "fällig am", "Betrag je Termin", "Summe"),
        zeilen=tuple(zeilen),
        summen=(("Summe", "", "", _geld(gesamt)),),
        rechts=(False, False, True, True),
        breiten=(0.28, 0.30, 0.24, 0.18),
    )


def _schlussrechnungen(kalk: Mapping[str, Any], namen: Mapping[str, str]) -> Tabelle | None:
    """The final invoice per payer of a taxable service: the year's service less the advances, each
    with its net amount and VAT (the advances' VAT was invoiced per advance)."""
    rechnungen = kalk.get("schlussrechnungen") or []
    if not rechnungen:
        return None
    zeilen = tuple(
        (
            namen.get(r["beteiligter"], r["beteiligter"]),
            _geld(r["leistung"]["netto"]),
            _geld(r["leistung"]["umsatzsteuer"]),
            _geld(r["abschlaege"]["netto"]),
            _geld(r["abschlaege"]["umsatzsteuer"]),
            _geld(r["verbleibend"]["brutto"]),
        )
        for r in rechnungen
    )
    return Tabelle(
        titel="Schlussrechnung: Jahresleistung abzüglich der Abschläge (je mit Umsatzsteuer)",
        spalten=("Beteiligter", "Leistung netto", "Umsatzsteuer", "Abschläge netto", "Umsatzsteuer", "verbleibt"),
        zeilen=zeilen,
        rechts=(False, True, True, True, True, True),
        breiten=(0.25, 0.15, 0.15, 0.15, 0.15, 0.15),
    )


def _restcent(kalk: Mapping[str, Any], d: Leistungsdaten, namen: Mapping[str, str]) -> Text | None:
    """The cents the provider bears itself (not invoiced), when there are any."""
    betraege = (kalk.get("schluessel_details") or {}).get("restcent_erbringer") or {}
    feld = "steuerpflichtig_netto" if d.bewertung.ergebnis == "steuerpflichtig" else "nicht_steuerbar"
    betrag = betraege.get(feld)
    if betrag is None or parse_money(betrag) == 0:
        return None
    name = namen.get(d.leistung.erbringer, d.leistung.erbringer)
    return Text(f"Nicht gleichmäßig verteilbare Cent-Beträge, die {name} selbst trägt: {_geld(betrag)}.")


def _kalkulation(
    bib: Klauselbibliothek,
    fallakte: Fallakte,
    daten: list[Leistungsdaten],
    werte: Mapping[str, Wert],
    sammler: Sammler,
) -> list[Block]:
    namen = {b.id: b.name for b in fallakte.beteiligte}
    bloecke: list[Block] = []
    for d in daten:
        bloecke.append(Zwischentitel(f"{d.index + 1}. {d.leistung.bezeichnung}"))
        kalk = d.kalkulation
        if kalk is None:
            platzhalter = bib.platzhalter["kosten"]
            bloecke.append(
                Text(sammler.pruefe(platzhalter, "Anlage 2", {platzhalter: f"leistungen[{d.index}].kosten"}))
            )
            continue
        jahr = kalk.get("kalkulationsjahr")
        grundlage = satzgrundlage_titel(kalk.get("satzgrundlage"))
        jahr_text = (
            f"Kalkulationsjahr {jahr}" if jahr else sammler.pruefe(bib.platzhalter["kalkulationsjahr"], "Anlage 2")
        )
        bloecke.append(Text(f"{jahr_text}; Grundlage: {grundlage}."))
        ergebnis = d.bewertung.ergebnis
        bloecke.append(_positionen(kalk, bib, ergebnis))
        schluessel = d.werte.get("schluessel_text")
        if isinstance(schluessel, str):
            bloecke.append(Text(sammler.pruefe(f"Verteilung: Die Kosten werden {schluessel} verteilt.", "Anlage 2")))
        if ergebnis == "steuerpflichtig":
            bloecke.append(_anteile_mit_steuer(kalk, namen, "Verteilung (Jahresanteile)", ergebnis))
        else:
            titel = "Verteilung (Jahresanteile, ohne Umsatzsteuer)"
            bloecke.append(_anteile_ohne_steuer(kalk, namen, titel, ergebnis))
        for block in (_werte_je_bestandteil(kalk, namen), _restcent(kalk, d, namen)):
            if block is not None:
                bloecke.append(block)
        if ergebnis == "offen":
            nummer = werte.get("nr_umsatzsteuer")
            verweis = f" nach {nummer}" if isinstance(nummer, str) else ""
            titel = f"Jahresanteile im Fall der Umsatzsteuerpflicht{verweis}"
            bloecke.append(_anteile_mit_steuer(kalk, namen, titel, ergebnis))
        tabelle = _abschlaege(kalk, namen, ergebnis)
        if tabelle is not None:
            regel = kalk.get("faelligkeitsregel")
            if isinstance(regel, str) and regel:
                bloecke.append(Text(f"Fälligkeit der Abschläge: {regel}"))
            bloecke.append(tabelle)
            schluss = _schlussrechnungen(kalk, namen) if ergebnis == "steuerpflichtig" else None
            if schluss is not None:
                bloecke.append(schluss)
    return bloecke


def build_annexes(
    bib: Klauselbibliothek,
    fallakte: Fallakte,
    daten: list[Leistungsdaten],
    fall: Mapping[str, Any],
    werte: Mapping[str, Wert],
    sammler: Sammler,
) -> list[Anlage]:
    """Annexes 1 and 2 always; annex 3 (Art. 28 or Art. 26 DSGVO) where the library's condition holds."""
    kalkulation = "kalkulation_zv" if fallakte.rechtsform == "zweckverband" else "kalkulation"
    anlagen = [
        Anlage(
            1,
            "leistungsbeschreibung",
            bib.anlagen["leistungsbeschreibung"].titel,
            tuple(_leistungsbeschreibung(bib, fallakte, daten, sammler)),
        ),
        Anlage(
            2, "kalkulation", bib.anlagen[kalkulation].titel, tuple(_kalkulation(bib, fallakte, daten, werte, sammler))
        ),
    ]
    for kennung in ("auftragsverarbeitung", "gemeinsame_verantwortung"):
        vorlage = bib.anlagen[kennung]
        if not _gilt(vorlage.wenn, fall):
            continue
        nummer = len(anlagen) + 1
        stelle = f"Anlage {nummer}"
        einleitung = sammler.fuelle(vorlage.einleitung or "", werte, stelle)
        punkte = tuple(sammler.fuelle(p, werte, stelle) for p in vorlage.punkte)
        anlagen.append(Anlage(nummer, kennung, vorlage.titel, (Text(einleitung, punkte, nummeriert=True),)))
    return anlagen
