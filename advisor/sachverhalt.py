"""The facts ("Sachverhalt") of one service that the § 2b rules read.

Built from the case, the Aufgabenfeld catalogue (defaults for facts the case leaves out, each
remembered as such) and, where available, the cost calculation's figures. Every fact is either a
value or ``None`` (unknown). ``FAKTEN`` is the complete registry: the rule loader rejects a rule
that reads anything else, and a meta-test checks that each registered fact comes from the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.fallakte import Fallakte, Leistung
from advisor.kostenkennzahlen import Kostenkennzahlen

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
#: Associations of their members that can be a cost-sharing group (§ 4 Nr. 29 UStG; ustg-2b.md step 10).
_ZUSAMMENSCHLUSS_ARTEN = frozenset({"zweckverband", "anstalt_oeffentlichen_rechts"})
_ZUSAMMENSCHLUSS_RECHTSFORMEN = frozenset({"zweckverband", "gemeinsames_kommunalunternehmen"})

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
}

#: Every fact a rule may read, with its type. Derived facts are computed below.
FAKTEN: dict[str, type] = {
    "stichtag": date,
    "rechtsform": str,
    "aufgabenfeld": str,
    "erbringer_option_27_22": bool,
    "erbringer_ist_jpoer": bool,
    "erbringer_ist_zusammenschluss": bool,
    "empfaenger_alle_jpoer": bool,
    **LEISTUNGSFAKTEN,
    "mitglieder_nichtunternehmerisch": bool,
    "leistungen_mitgliedsbezogen": bool,
    "laufzeit_beginn": date,
    "laufzeit_ende": date,
    "laufzeit_unbefristet": bool,
    "gewinnaufschlag_vorhanden": bool,
    "wagnis_vorhanden": bool,
    "kalkulatorische_zinsen_vorhanden": bool,
    "abrechnungsverfahren": str,
    "erstattung_jahr": Decimal,
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
) -> Sachverhalt:
    """Collect the facts of ``leistung``; ``katalogvorgaben`` are its Aufgabenfeld's defaults."""
    arten = {b.id: b.art for b in fallakte.beteiligte}
    erbringer = fallakte.beteiligter(leistung.erbringer)
    fakten: dict[str, Any] = {
        "stichtag": fallakte.stichtag,
        "rechtsform": fallakte.rechtsform,
        "aufgabenfeld": leistung.aufgabenfeld,
        "erbringer_option_27_22": erbringer.option_27_22,
        "erbringer_ist_jpoer": erbringer.art in _JPOER_ARTEN,
        "erbringer_ist_zusammenschluss": erbringer.art in _ZUSAMMENSCHLUSS_ARTEN
        or fallakte.rechtsform in _ZUSAMMENSCHLUSS_RECHTSFORMEN,
        "empfaenger_alle_jpoer": all(arten[e] in _JPOER_ARTEN for e in leistung.empfaenger),
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
    fakten["laufzeit_ende"] = laufzeit.ende if laufzeit else None
    fakten["laufzeit_unbefristet"] = (laufzeit.ende is None) if laufzeit else None
    fakten.update(_kostenfakten(leistung))
    fakten["erstattung_jahr"] = kennzahlen.erstattung_jahr if kennzahlen else None
    return Sachverhalt(fakten, frozenset(aus_katalog))


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
    "anteil_leistungen_an_jpoer_prozent": "Prozent",
}
