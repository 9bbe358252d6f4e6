"""The fields of the case file in the users' words, for the lists of gaps in the documents.

A document never shows a field path such as ``leistungen[0].laufzeit.kuendigungsfrist_monate``;
it says "Leistung „Standesamtliche Aufgaben“: Kündigungsfrist (Monate)". A test checks that every
field of the case model has a name here, so a new field cannot appear as a bare key.
"""

from __future__ import annotations

import re
from typing import Any

#: Field name → German name (all models of the Fallakte; names are unique across them).
FELDNAMEN: dict[str, str] = {
    # Fallakte
    "format": "Format der Fallakte",
    "bezeichnung": "Bezeichnung",
    "bundesland": "Land",
    "stichtag": "Stichtag",
    "rechtsform": "Rechtsform",
    "ziele": "Ziele der Zusammenarbeit",
    "beteiligte": "Beteiligte",
    "leistungen": "Leistungen",
    # Beteiligter
    "id": "Kennung",
    "name": "Name",
    "art": "Art",
    "einwohner": "Einwohnerzahl",
    "anschrift": "Anschrift",
    "vertreten_durch": "Vertretung",
    "option_27_22": "Option nach § 27 Abs. 22 UStG",
    "haushaltssicherung": "Haushaltssicherung",
    "mitglieder": "Mitglieder oder Träger",
    "anzahl_mitglieder": "Zahl der Mitglieder oder Träger",
    "rechtstraeger": "Rechtsträger",
    # Leistung
    "aufgabenfeld": "Aufgabenfeld",
    "beschreibung": "Leistungsbeschreibung",
    "erbringer": "Erbringer",
    "empfaenger": "Empfänger",
    "entgelt": "Vergütung",
    "aufgabenuebertragung_befreiend": "Befreiende Aufgabenübertragung",
    "befreiung_ausschlaggebend": "Befreiung ausschlaggebend für die Partnerwahl",
    "gesetzlicher_vorbehalt_jpoer": "Gesetzlicher Vorbehalt für öffentliche Stellen",
    "gesetzlicher_vorbehalt_norm": "Norm des gesetzlichen Vorbehalts",
    "privat_steuerfrei_ohne_option": "Bei privaten Anbietern steuerfrei ohne Option",
    "umsatz_gleichartige_taetigkeiten": "Umsatz aus gleichartigen Tätigkeiten",
    "oeffentliche_infrastruktur": "Erhalt der öffentlichen Infrastruktur",
    "gemeinsame_oeffentliche_aufgabe": "Gemeinsame öffentliche Aufgabe",
    "anteil_leistungen_an_jpoer_prozent": "Anteil der Leistungen an öffentliche Stellen (Prozent)",
    "hilfstaetigkeit": "Hilfstätigkeit",
    "private_anbieter_am_markt": "Private Anbieter am Markt",
    "anhang_i_taetigkeit": "Tätigkeit nach Anhang I MwStSystRL",
    "anhang_i_unbedeutend": "Anhang-I-Tätigkeit unbedeutend",
    "vermessung_kataster": "Vermessung und Kataster",
    "amtshilfe": "Amtshilfe",
    "personalgestellung": "Personalgestellung",
    "beamtenvorbehalt": "Beamtenvorbehalt",
    "leistungsart": "Art der Leistung",
    "hilfsgeschaeft": "Hilfsgeschäft",
    "hilfsgeschaeft_haendlerartig": "Händlerartiges Auftreten beim Hilfsgeschäft",
    "vermietung_gegenstand": "Gegenstand der Vermietung",
    "verzicht_nach_9": "Verzicht auf die Steuerbefreiung nach § 9 UStG",
    "nutzung_beim_empfaenger": "Nutzung beim Empfänger",
    "kommunale_aufgabe_uebertragbar": "Befreiend übertragbare kommunale Aufgabe",
    "befreiende_uebertragung_nur_an_jpoer": "Befreiende Übertragung nur auf öffentliche Stellen",
    "unentgeltlich_aus_unternehmensbereich": "Unentgeltliche Leistung aus dem unternehmerischen Bereich",
    "personalbeistellung": "Personalbeistellung",
    "notfallhilfe_gesetzliche_pflicht": "Gesetzlich geschuldete Hilfe im Einzelfall",
    "sondertaetigkeit_altes_recht": "Tätigkeit nach § 2 Abs. 3 Satz 2 UStG a. F.",
    "steuersatz": "Steuersatz",
    "kostenteilungsgemeinschaft": "Kostenteilungsgemeinschaft",
    "gemeinsame_datennutzung": "Gemeinsame Nutzung der personenbezogenen Daten",
    "laufzeit": "Laufzeit",
    "kosten": "Kosten",
    # Laufzeit
    "beginn": "Beginn",
    "letzter_tag": "Letzter Tag",
    "ende": "Ende (Tag nach dem letzten Tag)",
    "kuendigungsfrist_monate": "Kündigungsfrist (Monate)",
    # Kosten
    "kalkulationsjahr": "Kalkulationsjahr",
    "satzgrundlage": "Satzgrundlage",
    "positionen": "Kostenpositionen",
    "sachkostenpauschale_je_vzae": "Sachkostenpauschale je Vollzeitäquivalent",
    "gemeinkostenzuschlag_prozent": "Gemeinkostenzuschlag (Prozent)",
    "gewinnaufschlag_prozent": "Gewinnaufschlag (Prozent)",
    "verteilung": "Verteilung",
    "abrechnung": "Abrechnung",
    "eigenerstellung": "Kosten der Eigenerstellung",
    "remanenzkosten": "Remanenzkosten",
    "anlagen": "Anlagegüter",
    "kalkulatorischer_zinssatz_prozent": "Kalkulatorischer Zinssatz (Prozent)",
    "zinssatz_herleitung": "Herleitung des Zinssatzes",
    "fortschreibung": "Fortschreibung der Sätze",
    # Kostenposition
    "entgeltgruppe": "Entgeltgruppe",
    "vzae": "Vollzeitäquivalente",
    "betrag": "Betrag",
    "vorsteuer": "Vorsteuer",
    "gemeinkosten_enthalten": "Gemeinkosten im Betrag enthalten",
    "leitungsposition": "Leitungs- oder Sekretariatsstelle",
    "einzelwagnis_nachweis": "Nachweis des Einzelwagnisses",
    # Verteilung
    "schluessel": "Verteilungsschlüssel",
    "sockel_prozent": "Sockelanteil (Prozent)",
    "variabler_schluessel": "Schlüssel des variablen Anteils",
    "werte": "Schlüsselwerte",
    "erbringer_traegt_anteil": "Eigenanteil des Erbringers",
    "festanteile": "Feste Anteile",
    "bestandteile": "Bestandteile des gemischten Schlüssels",
    "stueckpreis": "Stückpreis",
    "mengeneinheit": "Mengeneinheit",
    "einwohner_stichtag": "Stichtag der Einwohnerzahlen",
    "restcent_traeger": "Träger der Restcents",
    # Schluesselbestandteil
    "gewicht_prozent": "Gewicht (Prozent)",
    # Anlagegut
    "anschaffungskosten": "Anschaffungskosten",
    "anschaffung": "Anschaffungsdatum",
    "nutzungsdauer_jahre": "Nutzungsdauer (Jahre)",
    "methode": "Abschreibungsmethode",
    "leistung_gesamt": "Leistungseinheiten über die Nutzungsdauer",
    "leistung_bisher": "Bisher verbrauchte Leistungseinheiten",
    "leistung_jahr": "Leistungseinheiten im Kalkulationsjahr",
    "wiederbeschaffungswert": "Wiederbeschaffungswert",
    "eigenkapitalanteil_prozent": "Eigenkapitalanteil (Prozent)",
    "fremdkapitalzinsen": "Fremdkapitalzinsen",
    # Fortschreibungsschritt
    "prozent": "Steigerung (Prozent)",
    "ab": "Gültig ab",
    "grundlage": "Grundlage",
    # Abrechnung
    "verfahren": "Abrechnungsverfahren",
    "abschlaege": "Abschlagsrhythmus",
    "faelligkeit": "Fälligkeit der Abschläge",
    "faelligkeitstag": "Fälligkeitstag",
    # Kostenteilungsgemeinschaft
    "mitglieder_nichtunternehmerisch": "Mitglieder nichtunternehmerisch tätig",
    "leistungen_mitgliedsbezogen": "Leistungen auf die Mitglieder zugeschnitten",
}

_TEIL = re.compile(r"([a-z0-9_]+)(?:\[(\d+)\])?")


def feld_bezeichnung(pfad: str, fallakte: Any) -> str:
    """The field ``pfad`` in the users' words, naming the service or party by its name:
    ``leistungen[0].laufzeit.kuendigungsfrist_monate`` → "Leistung „Standesamt“: Laufzeit –
    Kündigungsfrist (Monate)". Several paths joined by "; " are named one by one.
    """
    if "; " in pfad:
        return "; ".join(feld_bezeichnung(p, fallakte) for p in pfad.split("; "))
    teile = [_TEIL.fullmatch(t) for t in pfad.split(".")]
    if not pfad or any(t is None for t in teile):
        return "Angabe in der Fallakte"
    worte: list[str] = []
    rahmen = ""
    for treffer in teile:
        assert treffer is not None
        name, index = treffer.group(1), treffer.group(2)
        if name == "leistungen" and index is not None and int(index) < len(fallakte.leistungen):
            rahmen = f"Leistung „{fallakte.leistungen[int(index)].bezeichnung}“"
            continue
        if name == "beteiligte" and index is not None and int(index) < len(fallakte.beteiligte):
            rahmen = f"Beteiligter „{fallakte.beteiligte[int(index)].name}“"
            continue
        worte.append(FELDNAMEN.get(name, "Angabe"))
    text = " – ".join(worte)
    if rahmen:
        return f"{rahmen}: {text}" if text else rahmen
    return text
