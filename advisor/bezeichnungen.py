"""German labels of the case file's choice values (Fallakte v1): the users' words for each key.

Pure data, shared by every adapter that shows a choice (web form, texts of the assessment).
A test checks that every value of the case model's choices has a label here.
"""

from __future__ import annotations

BUNDESLAENDER: dict[str, str] = {
    "BW": "Baden-Württemberg",
    "BY": "Bayern",
    "BE": "Berlin",
    "BB": "Brandenburg",
    "HB": "Bremen",
    "HH": "Hamburg",
    "HE": "Hessen",
    "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen",
    "NW": "Nordrhein-Westfalen",
    "RP": "Rheinland-Pfalz",
    "SL": "Saarland",
    "SN": "Sachsen",
    "ST": "Sachsen-Anhalt",
    "SH": "Schleswig-Holstein",
    "TH": "Thüringen",
}

RECHTSFORMEN: dict[str, str] = {
    "oerv_delegierend": "Öffentlich-rechtliche Vereinbarung, delegierend (§ 23 GkG NRW)",
    "oerv_mandatierend": "Öffentlich-rechtliche Vereinbarung, mandatierend (§ 23 GkG NRW)",
    "zweckverband": "Zweckverband",
    "gemeinsames_kommunalunternehmen": "Gemeinsames Kommunalunternehmen",
    "arbeitsgemeinschaft": "Arbeitsgemeinschaft",
    "verwaltungsvereinbarung": "Verwaltungsvereinbarung",
    "gesetzliche_zuweisung": "Gesetzliche Zuweisung",
    "privatrechtlicher_vertrag": "Privatrechtlicher Vertrag",
}

ARTEN: dict[str, str] = {
    "gemeinde": "Gemeinde",
    "stadt": "Stadt (kreisangehörig)",
    "kreisfreie_stadt": "Kreisfreie Stadt",
    "kreis": "Kreis",
    "zweckverband": "Zweckverband",
    "anstalt_oeffentlichen_rechts": "Anstalt des öffentlichen Rechts",
    "landschaftsverband": "Landschaftsverband",
    "land": "Land",
    "bund": "Bund",
    "sonstige_jpoer": "Sonstige juristische Person des öffentlichen Rechts",
    "privat": "Privates Unternehmen",
}

ENTGELTE: dict[str, str] = {
    "kostenerstattung": "Kostenerstattung",
    "umlage_nach_nutzung": "Umlage nach Nutzung",
    "umlage_allgemein": "Allgemeine Umlage (nicht nach Nutzung)",
    "pauschalpreis": "Pauschalpreis",
    "marktpreis": "Marktpreis",
    "unentgeltlich": "Unentgeltlich",
}

ANHANG_I: dict[str, str] = {
    "telekommunikation": "Telekommunikation",
    "wasser": "Lieferung von Wasser",
    "gas": "Lieferung von Gas",
    "elektrizitaet": "Lieferung von Elektrizität",
    "waerme": "Lieferung von thermischer Energie",
    "gueterbefoerderung": "Güterbeförderung",
    "hafen_flughafen": "Hafen- und Flughafendienstleistungen",
    "personenbefoerderung": "Personenbeförderung",
    "neue_gegenstaende": "Lieferung neuer Gegenstände zum Verkauf",
    "agrar_intervention": "Umsätze landwirtschaftlicher Interventionsstellen",
    "messen_ausstellungen": "Veranstaltung von Messen und Ausstellungen",
    "lagerhaltung": "Lagerhaltung",
    "werbung": "Tätigkeiten kommerzieller Werbebüros",
    "reisebueros": "Tätigkeiten der Reisebüros",
    "kantinen": "Betrieb von Betriebsläden, Kantinen und ähnlichen Einrichtungen",
    "rundfunk": "Tätigkeiten der Rundfunk- und Fernsehanstalten (kommerziell)",
}

KOSTENARTEN: dict[str, str] = {
    "personal": "Personalkosten",
    "sachkosten": "Sachkosten",
    "gemeinkosten": "Gemeinkosten",
    "abschreibung": "Abschreibung",
    "fremdkapitalzinsen": "Fremdkapitalzinsen",
    "kalkulatorische_zinsen": "Kalkulatorische Zinsen (Eigenkapital)",
    "wagnis": "Wagnis",
    "gewinnaufschlag": "Gewinnaufschlag",
    "sonstige": "Sonstige Kosten",
}

SCHLUESSEL: dict[str, str] = {
    "einwohner": "Nach Einwohnern",
    "fallzahlen": "Nach Fallzahlen",
    "nutzung": "Nach Nutzung (Stunden, Tonnen, Lizenzen …)",
    "gleiche_teile": "Zu gleichen Teilen",
    "sockel_plus_variabel": "Sockel zu gleichen Teilen plus variabler Anteil",
    "frei": "Frei vereinbarte Gewichte",
    "gemischt": "Gemischter Schlüssel (mehrere Maßstäbe mit Gewichten)",
    "stueckpreis": "Stückpreis × tatsächliche Menge",
}

VARIABLE_SCHLUESSEL: dict[str, str] = {k: SCHLUESSEL[k] for k in ("einwohner", "fallzahlen", "nutzung", "frei")}

VERFAHREN: dict[str, str] = {
    "spitzabrechnung": "Spitzabrechnung (Abschläge, Jahresabrechnung nach Ist-Kosten)",
    "pauschale_mit_anpassung": "Pauschale mit regelmäßiger Anpassung",
    "festpreis": "Festpreis ohne Anpassung",
}

ABSCHLAEGE: dict[str, str] = {
    "monatlich": "Monatlich",
    "vierteljaehrlich": "Vierteljährlich",
    "halbjaehrlich": "Halbjährlich",
    "jaehrlich": "Jährlich",
}

FAELLIGKEITEN: dict[str, str] = {
    "im_voraus": "Im Voraus (im ersten Monat jeder Periode)",
    "nachschuessig": "Nachschüssig (im letzten Monat jeder Periode)",
    "nach_periodenende": "Nach Ablauf der Periode (im Folgemonat)",
}

ABSCHREIBUNGSMETHODEN: dict[str, str] = {
    "linear": "Linear über die Nutzungsdauer",
    "leistungsabhaengig": "Leistungsabhängig (nach Leistungseinheiten)",
}
