"""The facts ("Sachverhalt") of one service that the § 2b rules read.

Built from the case, the Aufgabenfeld catalogue (defaults for facts the case leaves out, each
remembered as such) and, where available, the cost calculation's figures. Every fact is either a
value or ``None`` (unknown). ``FAKTEN`` is the complete registry: the rule loader rejects a rule
that reads anything else, and a meta-test checks that each registered fact comes from the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.fallakte import Beteiligter, Fallakte, Leistung
from advisor.kosten.kennzahlen import Kostenkennzahlen

#: Public bodies: every kind of Beteiligter except ``privat``.
_JPOER_ARTEN = frozenset(
    {
        "gemeinde",
        "stadt",
        "kreisfreie_stadt",
        "kreis",
        "zweckverband",
        "anstalt_oeffentlichen_rechts",
        "landschaftsverband",
        "land",
        "bund",
        "sonstige_jpoer",
    }
)
#: Kinds of body that can be an association of at least two members (§ 4 Nr. 29 UStG, BMF 19.07.2022):
#: a Zweckverband always; an AöR or another body only with at least two members or owners.
_VERBAND_ARTEN = frozenset({"anstalt_oeffentlichen_rechts", "sonstige_jpoer"})

#: Facts read directly from the service's own fields (same name), filled from the catalogue when absent.
LEISTUNGSFAKTEN: dict[str, type] = {
    "entgelt": str,
    "aufgabenuebertragung_befreiend": bool,
    "befreiung_ausschlaggebend": bool,
    "gesetzlicher_vorbehalt_jpoer": bool,
    "privat_steuerfrei_ohne_option": bool,
    "umsatz_gleichartige_taetigkeiten": Decimal,
    "oeffentliche_infrastruktur": bool,
    "gemeinsame_oeffentliche_aufgabe": bool,
    "anteil_leistungen_an_jpoer_prozent": Decimal,
    "hilfstaetigkeit": bool,
    "private_anbieter_am_markt": bool,
    "anhang_i_taetigkeit": str,
    "anhang_i_unbedeutend": bool,
    "vermessung_kataster": bool,
    "amtshilfe": bool,
    "personalgestellung": bool,
    "beamtenvorbehalt": bool,
    "leistungsart": str,
    "hilfsgeschaeft": bool,
    "hilfsgeschaeft_haendlerartig": bool,
    "vermietung_gegenstand": str,
    "verzicht_nach_9": bool,
    "nutzung_beim_empfaenger": str,
    "kommunale_aufgabe_uebertragbar": bool,
    "befreiende_uebertragung_nur_an_jpoer": bool,
    "unentgeltlich_aus_unternehmensbereich": bool,
    "personalbeistellung": bool,
    "notfallhilfe_gesetzliche_pflicht": bool,
    "sondertaetigkeit_altes_recht": str,
    "steuersatz": str,
}

#: Every fact a rule may read, with its type. Derived facts are computed below.
FAKTEN: dict[str, type] = {
    "stichtag": date,
    "rechtsform": str,
    "bundesland": str,
    "aufgabenfeld": str,
    "erbringer_option_27_22": bool,
    "erbringer_ist_jpoer": bool,
    "erbringer_ist_zusammenschluss": bool,
    "empfaenger_alle_jpoer": bool,
    "empfaenger_alle_mitglieder": bool,
    "innenumsatz": bool,
    **LEISTUNGSFAKTEN,
    "mitglieder_nichtunternehmerisch": bool,
    "leistungen_mitgliedsbezogen": bool,
    "laufzeit_beginn": date,
    "laufzeit_ende": date,
    "laufzeit_letzter_tag": date,
    "laufzeit_unbefristet": bool,
    "gewinnaufschlag_vorhanden": bool,
    "wagnis_vorhanden": bool,
    "kalkulatorische_zinsen_vorhanden": bool,
    "abrechnungsverfahren": str,
    "erstattung_jahr": Decimal,
    "umsatz_gleichartige_untergrenze": Decimal,
}

#: Value of ``anhang_i_taetigkeit`` when the service is no Annex I activity.
KEINE_ANHANG_I_TAETIGKEIT = "keine"


@dataclass(frozen=True, slots=True)
class Sachverhalt:
    """The facts of one service. ``aus_katalog`` names the facts filled from the catalogue."""

    fakten: dict[str, Any]
    aus_katalog: frozenset[str]


def sachverhalt(
    fallakte: Fallakte,
    leistung: Leistung,
    katalogvorgaben: dict[str, Any],
    kennzahlen: Kostenkennzahlen | None = None,
    umsatz_untergrenze: Decimal | None = None,
) -> Sachverhalt:
    """Collect the facts of ``leistung``; ``katalogvorgaben`` are its Aufgabenfeld's defaults.

    ``umsatz_untergrenze`` is what the case itself shows of the provider's turnover from similar
    activities (``umsatz_untergrenze_im_fall``); without it, the service's own reimbursement.
    """
    arten = {b.id: b.art for b in fallakte.beteiligte}
    personen = rechtspersonen(fallakte)
    erbringer = fallakte.beteiligter(leistung.erbringer)
    fakten: dict[str, Any] = {
        "stichtag": fallakte.stichtag,
        "rechtsform": fallakte.rechtsform,
        "bundesland": fallakte.bundesland,
        "aufgabenfeld": leistung.aufgabenfeld,
        "erbringer_option_27_22": erbringer.option_27_22,
        "erbringer_ist_jpoer": erbringer.art in _JPOER_ARTEN,
        "erbringer_ist_zusammenschluss": _ist_zusammenschluss(erbringer, fallakte.rechtsform),
        "empfaenger_alle_jpoer": all(arten[e] in _JPOER_ARTEN for e in leistung.empfaenger),
        "empfaenger_alle_mitglieder": _empfaenger_alle_mitglieder(erbringer, leistung, fallakte.rechtsform),
        "innenumsatz": all(personen[e] == personen[erbringer.id] for e in leistung.empfaenger),
    }
    aus_katalog: set[str] = set()
    felder = leistung.__dict__  # a pydantic model keeps its field values here: one lookup each
    for name in LEISTUNGSFAKTEN:
        wert = felder[name]
        if wert is None and name in katalogvorgaben:
            wert = katalogvorgaben[name]
            aus_katalog.add(name)
        fakten[name] = wert
    ktg = leistung.kostenteilungsgemeinschaft
    fakten["mitglieder_nichtunternehmerisch"] = ktg.mitglieder_nichtunternehmerisch if ktg else None
    fakten["leistungen_mitgliedsbezogen"] = ktg.leistungen_mitgliedsbezogen if ktg else None
    laufzeit = leistung.laufzeit
    fakten["laufzeit_beginn"] = laufzeit.beginn if laufzeit else None
    # laufzeit_ende is exclusive (the day after the last day), so that whole years count right
    # (jahre_zwischen); the texts name laufzeit_letzter_tag, the day people mean.
    fakten["laufzeit_ende"] = laufzeit.ende if laufzeit else None
    fakten["laufzeit_letzter_tag"] = laufzeit.letzter_tag if laufzeit else None
    fakten["laufzeit_unbefristet"] = (laufzeit.ende is None) if laufzeit else None
    fakten.update(_kostenfakten(leistung))
    fakten["erstattung_jahr"] = kennzahlen.erstattung_jahr if kennzahlen else None
    if umsatz_untergrenze is None:
        umsatz_untergrenze = fakten["erstattung_jahr"]
    fakten["umsatz_gleichartige_untergrenze"] = umsatz_untergrenze
    return Sachverhalt(fakten, frozenset(aus_katalog))


def rechtsperson(b: Beteiligter) -> str:
    """The key of the legal person a party belongs to: its ``rechtstraeger``, or its own id."""
    return b.rechtstraeger or b.id


def rechtspersonen(fallakte: Fallakte) -> dict[str, str]:
    """{party id: key of its legal person} for every party of the case."""
    return {b.id: b.rechtstraeger or b.id for b in fallakte.beteiligte}


def innenempfaenger(fallakte: Fallakte, leistung: Leistung) -> list[Beteiligter]:
    """The recipients that belong to the provider's own legal person (internal charges)."""
    personen = rechtspersonen(fallakte)
    person = personen[leistung.erbringer]
    intern = {e for e in leistung.empfaenger if personen[e] == person}
    return [b for b in fallakte.beteiligte if b.id in intern]


def _ist_zusammenschluss(erbringer: Beteiligter, rechtsform: str) -> bool | None:
    """Whether the provider is an independent association of at least two members (§ 4 Nr. 29 UStG).

    A Zweckverband always is; a Stadt or Kreis never is, whatever the case's legal form says. An AöR
    (or another public body) is one only with at least two members or owners: a gemeinsames
    Kommunalunternehmen by definition, a single-owner AöR not; unknown for an AöR that states neither
    its number of members nor two of them. Another public body that names no members is taken as
    none (e.g. a Wasserverband: state its members).
    """
    if erbringer.art == "zweckverband":
        return True
    if erbringer.art not in _VERBAND_ARTEN:
        return False
    if erbringer.anzahl_mitglieder is not None:
        return erbringer.anzahl_mitglieder >= 2
    genannt = len(erbringer.mitglieder or ())  # the members among this case's parties: a lower bound
    if genannt >= 2:
        return True
    if erbringer.art == "anstalt_oeffentlichen_rechts" and rechtsform == "gemeinsames_kommunalunternehmen":
        return True
    return None if erbringer.art == "anstalt_oeffentlichen_rechts" or genannt else False


def _empfaenger_alle_mitglieder(erbringer: Beteiligter, leistung: Leistung, rechtsform: str) -> bool | None:
    """Whether every recipient is a member of the providing association: read from its ``mitglieder``;
    without them, a Zweckverband (or gKU) supplying under its own statute supplies its members."""
    if erbringer.mitglieder is not None:
        mitglieder = set(erbringer.mitglieder)
        return all(e in mitglieder for e in leistung.empfaenger)
    if (erbringer.art, rechtsform) in (
        ("zweckverband", "zweckverband"),
        ("anstalt_oeffentlichen_rechts", "gemeinsames_kommunalunternehmen"),
    ):
        return True
    return None


def umsatz_untergrenze_im_fall(
    fallakte: Fallakte, leistung: Leistung, kennzahlen: Mapping[str, Kostenkennzahlen]
) -> Decimal | None:
    """What the case shows of the provider's annual turnover from similar activities (§ 2b Abs. 2 Nr. 1).

    At least the sum of the annual reimbursements of every service of the same provider (the same
    legal person: an Eigenbetrieb counts with its Stadt) in the same Aufgabenfeld (each is turnover
    from a similar activity), and at least any turnover that one of those services states for the
    provider. Internal charges (every recipient of the same legal person) are no turnover and do not
    count. ``None`` if the case shows nothing.
    """
    summe: Decimal | None = None
    angegeben: Decimal | None = None
    personen = rechtspersonen(fallakte) if len(fallakte.leistungen) > 1 else None
    for andere in fallakte.leistungen:
        if personen is not None:  # with one service, it is the only one of its provider and field
            person = personen[leistung.erbringer]
            if andere.aufgabenfeld != leistung.aufgabenfeld or personen[andere.erbringer] != person:
                continue
            if andere is not leistung and all(personen[e] == person for e in andere.empfaenger):
                continue  # an internal charge is no turnover at all
        kz = kennzahlen.get(andere.id)
        if kz is not None:
            summe = kz.erstattung_jahr + (summe or 0)
        if andere.umsatz_gleichartige_taetigkeiten is not None:
            angegeben = max(
                angegeben or andere.umsatz_gleichartige_taetigkeiten, andere.umsatz_gleichartige_taetigkeiten
            )
    werte = [w for w in (summe, angegeben) if w is not None]
    return max(werte) if werte else None


def _kostenfakten(leistung: Leistung) -> dict[str, Any]:
    """Whether the cost logic contains elements that are no costs (mark-up, Wagnis) or a risk."""
    kosten = leistung.kosten
    if kosten is None:
        return {
            "gewinnaufschlag_vorhanden": None,
            "wagnis_vorhanden": None,
            "kalkulatorische_zinsen_vorhanden": None,
            "abrechnungsverfahren": None,
        }

    def hat(art: str) -> bool:
        return any(p.art == art and (p.betrag or 0) > 0 for p in kosten.positionen)

    return {
        "gewinnaufschlag_vorhanden": hat("gewinnaufschlag") or (kosten.gewinnaufschlag_prozent or 0) > 0,
        # A specific risk with evidence (Einzelwagnis) is a cost; only the general risk counts here.
        "wagnis_vorhanden": kosten.allgemeines_wagnis,
        # Imputed interest from a line or from a rate on the asset list (advisor.kosten.anlagen).
        "kalkulatorische_zinsen_vorhanden": kosten.kalkulatorische_zinsen,
        "abrechnungsverfahren": kosten.abrechnung.verfahren if kosten.abrechnung else None,
    }


#: Units of the facts that carry amounts or shares (for German texts).
EINHEITEN: dict[str, str] = {
    "umsatz_gleichartige_taetigkeiten": "EUR",
    "erstattung_jahr": "EUR",
    "umsatz_gleichartige_untergrenze": "EUR",
    "anteil_leistungen_an_jpoer_prozent": "Prozent",
}
