"""The small base case of the § 2b scenarios, and the German words the steps read.

A scenario starts from ``grundfall()`` — the Stadt Aheim supplies one service to the Gemeinde
Bedorf against cost reimbursement, Aufgabenfeld ``sonstiges`` — in which every fact that the § 2b
rules read is *unknown*. The scenario's Given steps state each fact that matters, so that the
feature file alone says everything the result rests on. The case always goes through the one
parser (``fallakte_aus_dict``), exactly as a case file would.
"""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import Any

import parse

ERBRINGER = "stadt-aheim"
EMPFAENGER = "gemeinde-bedorf"

#: German wording of the legal basis → ``rechtsform`` of the case file.
RECHTSFORMEN: dict[str, str] = {
    "mandatierender Vereinbarung": "oerv_mandatierend",
    "delegierender Vereinbarung": "oerv_delegierend",
    "Grundlage einer Zweckverbandssatzung": "zweckverband",
    "Grundlage eines gemeinsamen Kommunalunternehmens": "gemeinsames_kommunalunternehmen",
    "Grundlage einer Verwaltungsvereinbarung": "verwaltungsvereinbarung",
    "Grundlage einer Arbeitsgemeinschaft": "arbeitsgemeinschaft",
    "Grundlage einer gesetzlichen Zuweisung": "gesetzliche_zuweisung",
    "privatrechtlichem Vertrag": "privatrechtlicher_vertrag",
}

#: German wording of the consideration → ``entgelt``.
ENTGELTE: dict[str, str] = {
    "Kostenerstattung": "kostenerstattung",
    "eine Umlage nach Nutzung": "umlage_nach_nutzung",
    "eine allgemeine Umlage": "umlage_allgemein",
    "einen Pauschalpreis": "pauschalpreis",
    "einen Marktpreis": "marktpreis",
    "eine Abgabe, die unabhängig von der Nutzung geschuldet wird": "abgabe_ohne_nutzungsbezug",
}

#: German wording of the provider's kind → ``art`` of the Beteiligter.
ARTEN: dict[str, str] = {
    "ein privates Unternehmen": "privat",
    "ein Zweckverband": "zweckverband",
    "eine Anstalt des öffentlichen Rechts": "anstalt_oeffentlichen_rechts",
    "ein Kreis": "kreis",
    "eine Stadt": "stadt",
}

#: German wording of what is let → ``vermietung_gegenstand`` (§ 4 Nr. 12 UStG, UStAE 4.12.11).
VERMIETUNGEN: dict[str, str] = {
    "Räume": "grundstueck_raeume",
    "ein Grundstück": "grundstueck_raeume",
    "Zimmer zur kurzfristigen Beherbergung": "beherbergung_kurzfristig",
    "Stellplätze für Fahrzeuge": "stellplaetze",
    "Betriebsvorrichtungen": "betriebsvorrichtungen",
    "eine Sportanlage an ihre Nutzer": "sportanlage",
}

#: German statements of the facts of a service: sentence → (field, value). Nested fields of
#: ``kostenteilungsgemeinschaft`` are written with a dot.
AUSSAGEN: dict[str, tuple[str, Any]] = {
    "die Aufgabe geht mit befreiender Wirkung auf den Erbringer über": ("aufgabenuebertragung_befreiend", True),
    "die Aufgabe geht nicht mit befreiender Wirkung über": ("aufgabenuebertragung_befreiend", False),
    "die befreiende Wirkung war für die Wahl des öffentlichen Partners ausschlaggebend": (
        "befreiung_ausschlaggebend",
        True,
    ),
    "die befreiende Wirkung war für die Wahl des Partners nicht ausschlaggebend": ("befreiung_ausschlaggebend", False),
    "ein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor": (
        "gesetzlicher_vorbehalt_jpoer",
        True,
    ),
    "kein Gesetz behält die Leistung juristischen Personen des öffentlichen Rechts vor": (
        "gesetzlicher_vorbehalt_jpoer",
        False,
    ),
    "die Leistung wäre bei einem privaten Anbieter zwingend steuerfrei": ("privat_steuerfrei_ohne_option", True),
    "die Leistung wäre bei einem privaten Anbieter nicht zwingend steuerfrei": ("privat_steuerfrei_ohne_option", False),
    "die Leistung dient dem Erhalt der öffentlichen Infrastruktur": ("oeffentliche_infrastruktur", True),
    "die Leistung dient nicht dem Erhalt der öffentlichen Infrastruktur": ("oeffentliche_infrastruktur", False),
    "die Leistung erfüllt eine allen Beteiligten obliegende öffentliche Aufgabe": (
        "gemeinsame_oeffentliche_aufgabe",
        True,
    ),
    "die Leistung erfüllt keine allen Beteiligten obliegende öffentliche Aufgabe": (
        "gemeinsame_oeffentliche_aufgabe",
        False,
    ),
    "die Leistung ist eine Hilfstätigkeit": ("hilfstaetigkeit", True),
    "die Leistung ist keine Hilfstätigkeit": ("hilfstaetigkeit", False),
    "private Anbieter könnten die Leistung realistisch erbringen": ("private_anbieter_am_markt", True),
    "private Anbieter könnten die Leistung nicht realistisch erbringen": ("private_anbieter_am_markt", False),
    "der Umfang der Anhang-I-Tätigkeit ist unbedeutend": ("anhang_i_unbedeutend", True),
    "der Umfang der Anhang-I-Tätigkeit ist nicht unbedeutend": ("anhang_i_unbedeutend", False),
    "eine Katasterbehörde vermisst für das Liegenschaftskataster": ("vermessung_kataster", True),
    "die Vermessung dient nicht der Landesvermessung oder dem Liegenschaftskataster": ("vermessung_kataster", False),
    "die Leistung wird im Wege der Amtshilfe erbracht": ("amtshilfe", True),
    "die Leistung wird nicht im Wege der Amtshilfe erbracht": ("amtshilfe", False),
    "die Leistung besteht in der Gestellung von Personal": ("personalgestellung", True),
    "die Leistung ist keine Gestellung von Personal": ("personalgestellung", False),
    "die gestellten Beschäftigten nehmen Aufgaben mit Beamtenvorbehalt wahr": ("beamtenvorbehalt", True),
    "die gestellten Beschäftigten nehmen keine Aufgaben mit Beamtenvorbehalt wahr": ("beamtenvorbehalt", False),
    "die Mitglieder handeln dafür nichtunternehmerisch": (
        "kostenteilungsgemeinschaft.mitglieder_nichtunternehmerisch",
        True,
    ),
    "die Mitglieder handeln dafür unternehmerisch": (
        "kostenteilungsgemeinschaft.mitglieder_nichtunternehmerisch",
        False,
    ),
    "die Leistungen sind auf die Mitglieder zugeschnitten": (
        "kostenteilungsgemeinschaft.leistungen_mitgliedsbezogen",
        True,
    ),
    "die Leistungen sind allgemein am Markt angebotene Standardleistungen": (
        "kostenteilungsgemeinschaft.leistungen_mitgliedsbezogen",
        False,
    ),
    "die Leistung ist eine Lieferung": ("leistungsart", "lieferung"),
    "die unentgeltliche Leistung stammt aus dem hoheitlichen Bereich des Erbringers": (
        "unentgeltlich_aus_unternehmensbereich",
        False,
    ),
    "die unentgeltliche Leistung stammt aus einem unternehmerischen Bereich des Erbringers": (
        "unentgeltlich_aus_unternehmensbereich",
        True,
    ),
    "das Personal wird nur als Beistellung zu einer Leistung an den Gestellenden eingesetzt": (
        "personalbeistellung",
        True,
    ),
    "die Leistung ist eine kurzfristige Hilfe im Einzelfall aufgrund einer gesetzlichen Hilfspflicht": (
        "notfallhilfe_gesetzliche_pflicht",
        True,
    ),
    "die Leistung wird auf Dauer oder wiederholt erbracht": ("notfallhilfe_gesetzliche_pflicht", False),
    "die Leistung ist eine sonstige Leistung": ("leistungsart", "sonstige_leistung"),
    "die Leistung ist der gelegentliche Verkauf eines Gegenstands aus dem hoheitlichen Bereich": (
        "hilfsgeschaeft",
        True,
    ),
    "die Leistung ist kein Verkauf aus dem hoheitlichen Bereich": ("hilfsgeschaeft", False),
    "der Erbringer tritt bei diesen Verkäufen wie ein professioneller Händler auf": (
        "hilfsgeschaeft_haendlerartig",
        True,
    ),
    "der Erbringer tritt bei diesen Verkäufen nicht wie ein Händler auf": ("hilfsgeschaeft_haendlerartig", False),
    "der Erbringer hat nach § 9 UStG auf die Steuerbefreiung verzichtet": ("verzicht_nach_9", True),
    "der Erbringer hat nicht nach § 9 UStG auf die Steuerbefreiung verzichtet": ("verzicht_nach_9", False),
    "die Empfänger nutzen die Leistung hoheitlich": ("nutzung_beim_empfaenger", "hoheitlich"),
    "die Empfänger nutzen die Leistung für ihr Unternehmen": ("nutzung_beim_empfaenger", "unternehmerisch"),
    "die Leistung erfüllt eine kommunale Aufgabe der Empfänger, die übertragen werden kann": (
        "kommunale_aufgabe_uebertragbar",
        True,
    ),
    "die Leistung ist keine übertragbare kommunale Aufgabe der Empfänger": ("kommunale_aufgabe_uebertragbar", False),
    "das Landesrecht lässt die befreiende Übertragung nur auf die öffentliche Hand zu": (
        "befreiende_uebertragung_nur_an_jpoer",
        True,
    ),
    "das Landesrecht lässt die befreiende Übertragung auch auf Private zu": (
        "befreiende_uebertragung_nur_an_jpoer",
        False,
    ),
    "für die Leistung gilt der ermäßigte Steuersatz": ("steuersatz", "ermaessigt"),
    "für die Leistung gilt der Regelsteuersatz": ("steuersatz", "regelsatz"),
}


def grundfall() -> dict[str, Any]:
    """The base case as case-file data: every § 2b fact of the service is unknown."""
    return copy.deepcopy(_GRUNDFALL)


_GRUNDFALL: dict[str, Any] = {
    "format": "ikz-fallakte/1",
    "bezeichnung": "Zusammenarbeit Stadt Aheim / Gemeinde Bedorf",
    "bundesland": "NW",
    "stichtag": "2027-01-01",
    "rechtsform": "oerv_mandatierend",
    "beteiligte": [
        {"id": ERBRINGER, "name": "Stadt Aheim", "art": "stadt", "einwohner": 38250},
        {"id": EMPFAENGER, "name": "Gemeinde Bedorf", "art": "gemeinde", "einwohner": 12980},
    ],
    "leistungen": [
        {
            "id": "leistung",
            "bezeichnung": "Leistung der Stadt Aheim an die Gemeinde Bedorf",
            "aufgabenfeld": "sonstiges",
            "erbringer": ERBRINGER,
            "empfaenger": [EMPFAENGER],
            "entgelt": "kostenerstattung",
        }
    ],
}


def kosten_mit(betrag: Decimal) -> dict[str, Any]:
    """A cost calculation of one personnel line of ``betrag`` a year, no mark-up, Spitzabrechnung."""
    return {
        "kalkulationsjahr": 2027,
        "satzgrundlage": "eigene_klr",
        "positionen": [{"art": "personal", "bezeichnung": "Sachbearbeitung", "betrag": str(betrag)}],
        "gewinnaufschlag_prozent": 0,
        "verteilung": {"schluessel": "gleiche_teile"},
        "abrechnung": {"verfahren": "spitzabrechnung", "abschlaege": "vierteljaehrlich"},
    }


def setze(leistung: dict[str, Any], feld: str, wert: Any) -> None:
    """Set a (dotted) field of the service's data, creating the sub-objects on the way."""
    teile = feld.split(".")
    ziel = leistung
    for teil in teile[:-1]:
        if ziel.get(teil) is None:
            ziel[teil] = {}
        ziel = ziel[teil]
    ziel[teile[-1]] = wert


# --- German values in step texts -----------------------------------------------------------------


@parse.with_pattern(r"\d{1,3}(?:\.\d{3})*,\d{2} €")
def euro(text: str) -> Decimal:
    """ "17.500,01 €" → Decimal("17500.01")."""
    return Decimal(text.removesuffix(" €").replace(".", "").replace(",", "."))


@parse.with_pattern(r"\d{1,3}(?:,\d{1,2})? %")
def prozent(text: str) -> Decimal:
    """ "79,99 %" → Decimal("79.99")."""
    return Decimal(text.removesuffix(" %").replace(",", "."))


@parse.with_pattern(r"\d{2}\.\d{2}\.\d{4}")
def datum(text: str) -> date:
    """ "31.12.2026" → date(2026, 12, 31)."""
    tag, monat, jahr = (int(t) for t in text.split("."))
    return date(jahr, monat, tag)


@parse.with_pattern(r"\d+")
def ganzzahl(text: str) -> int:
    return int(text)


TYPEN = {"Euro": euro, "Prozent": prozent, "Datum": datum, "Zahl": ganzzahl}


def liste(text: str) -> list[str]:
    """'"a", "b"' or 'a, b' → ["a", "b"]."""
    return [t.strip().strip('"') for t in text.split(",") if t.strip()]
