"""German labels of the case file's choice values (Fallakte v1): the users' words for each key.

Pure data, the project's one label table, shared by every adapter that shows a choice (web form,
texts of the assessment, documents, screening, CLI). Where one meaning needs several spellings,
they are named variants here, never written elsewhere:

- results: ``ERGEBNISSE`` (a heading: "Nicht steuerbar"), ``ERGEBNISSE_KLEIN`` (inside a sentence
  or a table cell: "nicht steuerbar"), ``ERGEBNISSE_GROSS`` (the CLI's headline: "NICHT STEUERBAR"), ``ERGEBNISSE_RECHTLICH`` (the
  documents: "steuerbar, aber steuerfrei");
- legal forms: ``RECHTSFORMEN`` (long, the form and the documents), ``RECHTSFORMEN_KURZ`` (a
  narrow table column: "ÖrV delegierend").

A test checks that every value of the case model's choices has a label here, and that every
variant has exactly the keys of its base table.
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
    "abgabe_ohne_nutzungsbezug": "Abgabe, die unabhängig von der Nutzung geschuldet wird (z. B. Kurbeitrag, Kreisumlage)",
    "pauschalpreis": "Pauschalpreis",
    "marktpreis": "Marktpreis",
    "unentgeltlich": "Unentgeltlich",
}

LEISTUNGSARTEN: dict[str, str] = {
    "sonstige_leistung": "Sonstige Leistung (Dienstleistung)",
    "lieferung": "Lieferung (z. B. Wasser, Energie, weitergegebene Waren)",
}

VERMIETUNGSGEGENSTAENDE: dict[str, str] = {
    "keine": "keine Vermietung",
    "grundstueck_raeume": "Grundstück oder Räume",
    "beherbergung_kurzfristig": "kurzfristige Beherbergung",
    "stellplaetze": "Stellplätze für Fahrzeuge",
    "betriebsvorrichtungen": "Betriebsvorrichtungen",
    "sportanlage": "Nutzung einer Sportanlage",
}

NUTZUNGEN: dict[str, str] = {
    "hoheitlich": "hoheitlich (nichtunternehmerisch)",
    "unternehmerisch": "unternehmerisch (Betrieb gewerblicher Art)",
}

STEUERSAETZE: dict[str, str] = {
    "regelsatz": "Regelsteuersatz (§ 12 Abs. 1 UStG)",
    "ermaessigt": "ermäßigter Steuersatz (§ 12 Abs. 2 UStG)",
}

SONDERTAETIGKEITEN_ALTES_RECHT: dict[str, str] = {
    "keine": "keine",
    "notariat_landesdienst": "Notare im Landesdienst (§ 2 Abs. 3 Satz 2 Nr. 2 UStG a. F.)",
    "brillenabgabe": "Abgabe von Brillen durch Selbstabgabestellen (§ 2 Abs. 3 Satz 2 Nr. 3 UStG a. F.)",
    "ble_marktordnung": "Bundesanstalt für Landwirtschaft und Ernährung (§ 2 Abs. 3 Satz 2 Nr. 5 UStG a. F.)",
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

BESTANDTEILSCHLUESSEL: dict[str, str] = {
    k: SCHLUESSEL[k] for k in ("einwohner", "fallzahlen", "nutzung", "frei", "gleiche_teile")
}

# --- the assessment -------------------------------------------------------------------------------

#: Results of an assessment (and of one service). ``gemischt``: services of one case differ.
ERGEBNISSE: dict[str, str] = {
    "nicht_steuerbar": "Nicht steuerbar",
    "steuerpflichtig": "Steuerpflichtig",
    "steuerfrei": "Steuerfrei",
    "offen": "Offen – Angaben fehlen",
    "gemischt": "Gemischt (je Leistung verschieden)",
}
#: The same results inside a sentence or a table cell ("… ist nicht steuerbar").
ERGEBNISSE_KLEIN: dict[str, str] = {
    "nicht_steuerbar": "nicht steuerbar",
    "steuerpflichtig": "steuerpflichtig",
    "steuerfrei": "steuerfrei",
    "offen": "offen",
    "gemischt": "je Leistung verschieden",
}
#: The same results in the legal wording of the documents ("steuerbar, aber steuerfrei").
ERGEBNISSE_RECHTLICH: dict[str, str] = {
    "nicht_steuerbar": "nicht steuerbar",
    "steuerpflichtig": "steuerbar und steuerpflichtig",
    "steuerfrei": "steuerbar, aber steuerfrei",
    "offen": "offen",
    "gemischt": "je Leistung verschieden",
}
#: The same results as the headline of a plain-text report (``ikz assess``): "NICHT STEUERBAR".
ERGEBNISSE_GROSS: dict[str, str] = {k: v.upper() for k, v in ERGEBNISSE_KLEIN.items()}
STATUS: dict[str, str] = {
    "erfuellt": "erfüllt",
    "nicht_erfuellt": "nicht erfüllt",
    "offen": "offen",
    "nicht_anwendbar": "nicht anwendbar",
}
RISIKEN: dict[str, str] = {"gering": "gering", "mittel": "mittel", "hoch": "hoch"}
REGIME: dict[str, str] = {
    "ustg_2b": "§ 2b UStG (neues Recht)",
    "altes_recht": "§ 2 Abs. 3 UStG a. F. (altes Recht, Option)",
    "offen": "offen",
}
#: What a rule leads to when it applies (its ``folge``): a result or the law that governs.
FOLGEN: dict[str, str] = {
    **ERGEBNISSE_KLEIN,
    "steuerbar": "steuerbar",
    **{k: v for k, v in REGIME.items() if k != "offen"},
}

#: The steps of the decision: the chains of rules/regelwerk.yaml, as questions a reader asks.
KETTEN: dict[str, str] = {
    "regime": "Welches Recht gilt am Stichtag?",
    "steuerbarkeit_ustg_2b": "Ist die Leistung nach § 2b UStG steuerbar?",
    "steuerbarkeit_altes_recht": "Ist die Leistung nach altem Recht steuerbar?",
    "steuerbefreiung": "Ist eine steuerbare Leistung steuerfrei?",
}

#: The § 2b facts of a service that are yes/no/unknown, in the order of the decision, with the
#: form's question and a hint in plain German. The keys are field names of ``Leistung``.
JA_NEIN_FAKTEN: dict[str, tuple[str, str]] = {
    "aufgabenuebertragung_befreiend": (
        "Geht die Aufgabe mit befreiender Wirkung über?",
        "Delegation: Rechte und Pflichten gehen auf den Erbringer über (z. B. delegierende "
        "Vereinbarung, Zweckverband).",
    ),
    "befreiung_ausschlaggebend": (
        "War die befreiende Übertragung für die Wahl eines öffentlichen Partners ausschlaggebend?",
        "Verwaltungsauffassung (BayLfSt 15.02.2023); ein Risiko bleibt.",
    ),
    "gesetzlicher_vorbehalt_jpoer": (
        "Behält ein Gesetz die Leistung ausdrücklich öffentlichen Stellen vor?",
        "§ 2b Abs. 3 Nr. 1 UStG; eine allgemeine Pflicht zur Zusammenarbeit genügt nicht.",
    ),
    "privat_steuerfrei_ohne_option": (
        "Wäre dieselbe Leistung eines privaten Anbieters ohne Option steuerfrei?",
        "§ 2b Abs. 2 Nr. 2 UStG, z. B. Kinderbetreuung (§ 4 Nr. 25 UStG).",
    ),
    "oeffentliche_infrastruktur": (
        "Dient die Leistung dem Erhalt der öffentlichen Infrastruktur?",
        "§ 2b Abs. 3 Nr. 2 Buchst. b UStG.",
    ),
    "gemeinsame_oeffentliche_aufgabe": (
        "Nehmen alle Beteiligten damit eine ihnen gemeinsam obliegende öffentliche Aufgabe wahr?",
        "§ 2b Abs. 3 Nr. 2 Buchst. b UStG.",
    ),
    "hilfstaetigkeit": (
        "Ist die Leistung eine Hilfstätigkeit (Reinigung, Grünpflege, Bau, IT-Support)?",
        "Hilfstätigkeiten sind nie begünstigt (BMF 14.11.2019).",
    ),
    "private_anbieter_am_markt": (
        "Könnten private Unternehmen diese Leistung realistisch anbieten?",
        "Wettbewerb mit privaten Anbietern (§ 2b Abs. 1 Satz 2 UStG, BMF 14.11.2019).",
    ),
    "anhang_i_unbedeutend": (
        "Ist die Tätigkeit nach Anhang I nur von unbedeutendem Umfang?",
        "§ 2b Abs. 4 Nr. 5 UStG.",
    ),
    "vermessung_kataster": (
        "Handelt es sich um Vermessungs- oder Katasterleistungen?",
        "§ 2b Abs. 4 Nr. 3 UStG.",
    ),
    "amtshilfe": ("Wird die Vermessungsleistung als Amtshilfe erbracht?", "§ 2b Abs. 4 Nr. 3 UStG."),
    "personalgestellung": ("Besteht die Leistung in der Gestellung von Personal?", "BMF 09.12.2022."),
    "beamtenvorbehalt": (
        "Verrichtet das gestellte Personal Arbeiten, die Beamten vorbehalten sind?",
        "LfSt Niedersachsen 15.07.2019.",
    ),
    "kommunale_aufgabe_uebertragbar": (
        "Erfüllt die Leistung eine kommunale Aufgabe der Empfänger, die befreiend übertragen werden kann?",
        "Nicht bei Vermietung, Verkauf oder eigenen Arbeitgeberpflichten (BayLfSt 15.02.2023).",
    ),
    "befreiende_uebertragung_nur_an_jpoer": (
        "Lässt das Landesrecht die befreiende Übertragung nur auf öffentliche Stellen zu?",
        "Z. B. § 23 GkG NRW: nicht auf Private übertragbar.",
    ),
    "hilfsgeschaeft": (
        "Ist die Leistung der gelegentliche Verkauf eines Gegenstands aus dem hoheitlichen Bereich?",
        "Hilfsgeschäft, z. B. ein gebrauchtes Fahrzeug (UStAE 2b.1 Abs. 9) – keine Hilfstätigkeit.",
    ),
    "hilfsgeschaeft_haendlerartig": (
        "Tritt der Erbringer bei diesen Verkäufen wie ein Händler auf?",
        "Planmäßiger Einkauf, Werbung, Verkauf an viele Dritte.",
    ),
    "unentgeltlich_aus_unternehmensbereich": (
        "Stammt die unentgeltliche Leistung aus einem unternehmerischen Bereich des Erbringers?",
        "§ 3 Abs. 9a UStG: unentgeltliche Wertabgabe.",
    ),
    "personalbeistellung": (
        "Stellt der Erbringer das Personal nur bei, damit der Empfänger ihm gegenüber leistet?",
        "Personalbeistellung ohne eigenes Entgelt (UStAE 1.1 Abs. 6).",
    ),
    "notfallhilfe_gesetzliche_pflicht": (
        "Ist die Leistung eine kurzfristige, gesetzlich geschuldete Hilfe im Einzelfall?",
        "Z. B. überörtliche Feuerwehrhilfe nach dem BHKG NRW (BMF 09.12.2022).",
    ),
    "verzicht_nach_9": (
        "Hat der Erbringer auf die Steuerbefreiung der Vermietung verzichtet?",
        "Option nach § 9 UStG.",
    ),
}
#: The facts of rarer cases (sales, letting, staff provision, emergency help, special old-law
#: activities, the tax rate): the form keeps them in a folded group of their own.
SONDERFALL_FAKTEN: tuple[str, ...] = (
    "leistungsart",
    "nutzung_beim_empfaenger",
    "hilfsgeschaeft",
    "hilfsgeschaeft_haendlerartig",
    "unentgeltlich_aus_unternehmensbereich",
    "personalbeistellung",
    "notfallhilfe_gesetzliche_pflicht",
    "vermietung_gegenstand",
    "verzicht_nach_9",
    "steuersatz",
    "sondertaetigkeit_altes_recht",
)
#: The § 2b facts of a service that are a choice, with the form's question, a hint and the label
#: table of their values. The keys are field names of ``Leistung``.
AUSWAHL_FAKTEN: dict[str, tuple[str, str, dict[str, str]]] = {
    "leistungsart": (
        "Art der Leistung",
        "§ 4 Nr. 29 UStG befreit nur sonstige Leistungen.",
        LEISTUNGSARTEN,
    ),
    "nutzung_beim_empfaenger": (
        "Wie nutzen die Empfänger die Leistung?",
        "Hoheitlich oder für ein Unternehmen, z. B. einen Betrieb gewerblicher Art.",
        NUTZUNGEN,
    ),
    "vermietung_gegenstand": (
        "Was wird vermietet?",
        "§ 4 Nr. 12 UStG befreit nur Grundstücke und Räume.",
        VERMIETUNGSGEGENSTAENDE,
    ),
    "steuersatz": (
        "Steuersatz, falls steuerpflichtig",
        "Ermäßigt nur für die in § 12 Abs. 2 UStG genannten Leistungen.",
        STEUERSAETZE,
    ),
    "sondertaetigkeit_altes_recht": (
        "Tätigkeit nach § 2 Abs. 3 Satz 2 UStG a. F.",
        "Nur für Stichtage vor dem 01.01.2027 von Bedeutung.",
        SONDERTAETIGKEITEN_ALTES_RECHT,
    ),
}
KTG_FAKTEN: dict[str, tuple[str, str]] = {
    "mitglieder_nichtunternehmerisch": (
        "Handeln die Mitglieder nichtunternehmerisch?",
        "§ 4 Nr. 29 UStG (Kostenteilungsgemeinschaft).",
    ),
    "leistungen_mitgliedsbezogen": (
        "Sind die Leistungen auf die Bedürfnisse der Mitglieder zugeschnitten?",
        "§ 4 Nr. 29 UStG; allgemein angebotene Leistungen genügen nicht.",
    ),
}
#: The facts whose values are keys of a choice, with the label table of their values (assessment
#: texts, documents, web and CLI show the label, never the key).
FAKT_AUSWAHL: dict[str, dict[str, str]] = {
    "rechtsform": RECHTSFORMEN,
    "bundesland": BUNDESLAENDER,
    "entgelt": ENTGELTE,
    "abrechnungsverfahren": VERFAHREN,
    "anhang_i_taetigkeit": {"keine": "keine", **ANHANG_I},
    **{k: v[2] for k, v in AUSWAHL_FAKTEN.items()},
}
#: Every fact a catalogue or the assessment may name, as the form asks for it.
FAKT_LABELS: dict[str, str] = {
    **{k: v[0] for k, v in JA_NEIN_FAKTEN.items()},
    **{k: v[0] for k, v in AUSWAHL_FAKTEN.items()},
    **{f"kostenteilungsgemeinschaft.{k}": v[0] for k, v in KTG_FAKTEN.items()},
    "gesetzlicher_vorbehalt_norm": "Welches Gesetz behält die Leistung vor?",
    "umsatz_gleichartige_taetigkeiten": "Umsatz des Erbringers aus allen gleichartigen Tätigkeiten (netto, je Jahr)",
    "anteil_leistungen_an_jpoer_prozent": "Anteil gleichartiger Leistungen an öffentliche Stellen (%)",
    "anhang_i_taetigkeit": "Tätigkeit nach Anhang I MwStSystRL",
    "entgelt": "Art des Entgelts",
}
#: Every fact a rule may read (advisor.sachverhalt.FAKTEN), as a short noun for "beruht auf: …".
FAKTEN: dict[str, str] = {
    "stichtag": "Stichtag",
    "rechtsform": "Rechtsform",
    "aufgabenfeld": "Aufgabenfeld",
    "erbringer_option_27_22": "Option des Erbringers nach § 27 Abs. 22 UStG",
    "erbringer_ist_jpoer": "Erbringer ist eine juristische Person des öffentlichen Rechts",
    "erbringer_ist_zusammenschluss": "Erbringer ist ein Zusammenschluss seiner Mitglieder",
    "empfaenger_alle_jpoer": "Alle Empfänger sind juristische Personen des öffentlichen Rechts",
    "empfaenger_alle_mitglieder": "Alle Empfänger sind Mitglieder oder Träger des Erbringers",
    "innenumsatz": "Leistung innerhalb derselben juristischen Person",
    "bundesland": "Bundesland",
    "entgelt": "Entgelt",
    "aufgabenuebertragung_befreiend": "Befreiende Aufgabenübertragung",
    "befreiung_ausschlaggebend": "Befreiung ausschlaggebend für die Partnerwahl",
    "gesetzlicher_vorbehalt_jpoer": "Gesetzlicher Vorbehalt für öffentliche Stellen",
    "gesetzlicher_vorbehalt_norm": "Vorbehaltsnorm",
    "privat_steuerfrei_ohne_option": "Bei Privaten ohne Option steuerfrei",
    "umsatz_gleichartige_taetigkeiten": "Umsatz aus gleichartigen Tätigkeiten",
    "oeffentliche_infrastruktur": "Erhalt der öffentlichen Infrastruktur",
    "gemeinsame_oeffentliche_aufgabe": "Gemeinsame öffentliche Aufgabe",
    "anteil_leistungen_an_jpoer_prozent": "Anteil gleichartiger Leistungen an öffentliche Stellen",
    "hilfstaetigkeit": "Hilfstätigkeit",
    "private_anbieter_am_markt": "Private Anbieter am Markt",
    "anhang_i_taetigkeit": "Tätigkeit nach Anhang I MwStSystRL",
    "anhang_i_unbedeutend": "Anhang-I-Tätigkeit von unbedeutendem Umfang",
    "vermessung_kataster": "Vermessung oder Kataster",
    "amtshilfe": "Amtshilfe",
    "personalgestellung": "Personalgestellung",
    "beamtenvorbehalt": "Beamten vorbehaltene Arbeiten",
    "leistungsart": "Art der Leistung",
    "hilfsgeschaeft": "Hilfsgeschäft",
    "hilfsgeschaeft_haendlerartig": "Händlerartiges Auftreten beim Hilfsgeschäft",
    "vermietung_gegenstand": "Gegenstand der Vermietung",
    "verzicht_nach_9": "Verzicht auf die Steuerbefreiung (§ 9 UStG)",
    "nutzung_beim_empfaenger": "Nutzung beim Empfänger",
    "kommunale_aufgabe_uebertragbar": "Befreiend übertragbare kommunale Aufgabe",
    "befreiende_uebertragung_nur_an_jpoer": "Befreiende Übertragung nur auf öffentliche Stellen",
    "unentgeltlich_aus_unternehmensbereich": "Unentgeltliche Leistung aus dem unternehmerischen Bereich",
    "personalbeistellung": "Personalbeistellung",
    "notfallhilfe_gesetzliche_pflicht": "Gesetzlich geschuldete Hilfe im Einzelfall",
    "sondertaetigkeit_altes_recht": "Tätigkeit nach § 2 Abs. 3 Satz 2 UStG a. F.",
    "steuersatz": "Steuersatz",
    "mitglieder_nichtunternehmerisch": "Mitglieder handeln nichtunternehmerisch",
    "leistungen_mitgliedsbezogen": "Leistungen auf die Mitglieder zugeschnitten",
    "laufzeit_beginn": "Beginn der Laufzeit",
    "laufzeit_ende": "Ende der Laufzeit (Tag nach dem letzten Tag)",
    "laufzeit_letzter_tag": "Letzter Tag der Laufzeit",
    "laufzeit_unbefristet": "Unbefristete Laufzeit",
    "gewinnaufschlag_vorhanden": "Gewinnaufschlag kalkuliert",
    "wagnis_vorhanden": "Wagniszuschlag kalkuliert",
    "kalkulatorische_zinsen_vorhanden": "Kalkulatorische Eigenkapitalzinsen kalkuliert",
    "abrechnungsverfahren": "Abrechnungsverfahren",
    "erstattung_jahr": "Jährliche Erstattung dieser Leistung",
    "umsatz_gleichartige_untergrenze": "Umsatz aus gleichartigen Tätigkeiten, der sich aus dem Fall ergibt",
}

# --- the fields of the case file -----------------------------------------------------------------

#: Every field of the Fallakte by its generic path ("[]" for a row, "*" for a partner's entry), as
#: the form labels it; error summaries and version comparisons name fields with these words.
FELDER: dict[str, str] = {
    "format": "Format der Fallakte",
    "bezeichnung": "Bezeichnung der Kooperation",
    "bundesland": "Bundesland",
    "stichtag": "Stichtag der Prüfung",
    "rechtsform": "Rechtsform der Zusammenarbeit",
    "ziele": "Ziele der Zusammenarbeit",
    "beteiligte": "Beteiligte",
    "beteiligte[].id": "Kennung",
    "beteiligte[].name": "Name",
    "beteiligte[].art": "Art",
    "beteiligte[].einwohner": "Einwohnerzahl",
    "beteiligte[].anschrift": "Anschrift",
    "beteiligte[].vertreten_durch": "Vertreten durch",
    "beteiligte[].option_27_22": "Option nach § 27 Abs. 22 UStG erklärt",
    "beteiligte[].haushaltssicherung": "In der Haushaltssicherung",
    "beteiligte[].mitglieder": "Mitglieder oder Träger unter den Beteiligten",
    "beteiligte[].anzahl_mitglieder": "Zahl aller Mitglieder oder Träger",
    "beteiligte[].rechtstraeger": "Gehört zum Rechtsträger",
    "leistungen": "Leistungen",
    "leistungen[].id": "Kennung",
    "leistungen[].bezeichnung": "Bezeichnung der Leistung",
    "leistungen[].aufgabenfeld": "Aufgabenfeld",
    "leistungen[].beschreibung": "Leistungsbild",
    "leistungen[].erbringer": "Erbringer",
    "leistungen[].empfaenger": "Empfänger",
    "leistungen[].entgelt": "Art des Entgelts",
    **{f"leistungen[].{k}": v[0] for k, v in JA_NEIN_FAKTEN.items()},
    **{f"leistungen[].{k}": v[0] for k, v in AUSWAHL_FAKTEN.items()},
    "leistungen[].gesetzlicher_vorbehalt_norm": "Welches Gesetz behält die Leistung vor?",
    "leistungen[].umsatz_gleichartige_taetigkeiten": "Umsatz des Erbringers aus allen gleichartigen Tätigkeiten",
    "leistungen[].anteil_leistungen_an_jpoer_prozent": "Anteil gleichartiger Leistungen an öffentliche Stellen",
    "leistungen[].anhang_i_taetigkeit": "Tätigkeit nach Anhang I MwStSystRL",
    "leistungen[].gemeinsame_datennutzung": "Alle Beteiligten nutzen die personenbezogenen Daten selbst (gemeinsame Verantwortung)",
    "leistungen[].kostenteilungsgemeinschaft": "Kostenteilungsgemeinschaft",
    **{f"leistungen[].kostenteilungsgemeinschaft.{k}": v[0] for k, v in KTG_FAKTEN.items()},
    "leistungen[].laufzeit": "Laufzeit",
    "leistungen[].laufzeit.beginn": "Beginn der Laufzeit",
    "leistungen[].laufzeit.letzter_tag": "Letzter Tag der Laufzeit",
    "leistungen[].laufzeit.ende": "Ende der Laufzeit (veraltet: Tag nach dem letzten Tag)",
    "leistungen[].laufzeit.kuendigungsfrist_monate": "Kündigungsfrist (Monate)",
    "leistungen[].kosten": "Kosten",
    "leistungen[].kosten.kalkulationsjahr": "Kalkulationsjahr",
    "leistungen[].kosten.satzgrundlage": "Satzgrundlage",
    "leistungen[].kosten.positionen": "Kostenpositionen",
    "leistungen[].kosten.positionen[].art": "Kostenart",
    "leistungen[].kosten.positionen[].bezeichnung": "Bezeichnung",
    "leistungen[].kosten.positionen[].entgeltgruppe": "Entgeltgruppe",
    "leistungen[].kosten.positionen[].vzae": "VZÄ",
    "leistungen[].kosten.positionen[].betrag": "Betrag (Euro je Jahr)",
    "leistungen[].kosten.positionen[].vorsteuer": "Darauf gezahlte Umsatzsteuer",
    "leistungen[].kosten.positionen[].gemeinkosten_enthalten": "Enthält der Betrag schon Gemeinkosten?",
    "leistungen[].kosten.positionen[].leitungsposition": "Leitung oder Sekretariat?",
    "leistungen[].kosten.positionen[].einzelwagnis_nachweis": "Nachweis des Einzelwagnisses",
    "leistungen[].kosten.sachkostenpauschale_je_vzae": "Sachkostenpauschale je VZÄ",
    "leistungen[].kosten.gemeinkostenzuschlag_prozent": "Gemeinkostenzuschlag auf Personalkosten (%)",
    "leistungen[].kosten.gewinnaufschlag_prozent": "Gewinnaufschlag (%)",
    "leistungen[].kosten.verteilung": "Verteilung",
    "leistungen[].kosten.verteilung.schluessel": "Verteilungsschlüssel",
    "leistungen[].kosten.verteilung.sockel_prozent": "Sockelanteil (%)",
    "leistungen[].kosten.verteilung.variabler_schluessel": "Schlüssel des variablen Anteils",
    "leistungen[].kosten.verteilung.werte": "Werte je Beteiligtem",
    "leistungen[].kosten.verteilung.werte.*": "Schlüsselwert",
    "leistungen[].kosten.verteilung.erbringer_traegt_anteil": "Erbringer trägt einen Anteil",
    "leistungen[].kosten.verteilung.festanteile": "Feste Anteile",
    "leistungen[].kosten.verteilung.festanteile.*": "Fester Anteil (%)",
    "leistungen[].kosten.verteilung.bestandteile": "Bestandteile des gemischten Schlüssels",
    "leistungen[].kosten.verteilung.bestandteile[].id": "Kennung",
    "leistungen[].kosten.verteilung.bestandteile[].bezeichnung": "Bezeichnung des Maßstabs",
    "leistungen[].kosten.verteilung.bestandteile[].gewicht_prozent": "Gewicht (%)",
    "leistungen[].kosten.verteilung.bestandteile[].schluessel": "Maßstab",
    "leistungen[].kosten.verteilung.bestandteile[].werte": "Werte je Beteiligtem",
    "leistungen[].kosten.verteilung.bestandteile[].werte.*": "Wert",
    "leistungen[].kosten.verteilung.stueckpreis": "Stückpreis (Euro je Einheit)",
    "leistungen[].kosten.verteilung.mengeneinheit": "Einheit",
    "leistungen[].kosten.verteilung.einwohner_stichtag": "Stichtag der Einwohnerzahlen",
    "leistungen[].kosten.verteilung.restcent_traeger": "Wer trägt Restcents?",
    "leistungen[].kosten.abrechnung": "Abrechnung",
    "leistungen[].kosten.abrechnung.verfahren": "Abrechnungsverfahren",
    "leistungen[].kosten.abrechnung.abschlaege": "Abschläge",
    "leistungen[].kosten.abrechnung.faelligkeit": "Fälligkeit der Abschläge",
    "leistungen[].kosten.abrechnung.faelligkeitstag": "Fälligkeitstag im Monat",
    "leistungen[].kosten.eigenerstellung": "Eigene Kosten ohne Kooperation",
    "leistungen[].kosten.eigenerstellung.*": "Eigene Kosten ohne Kooperation",
    "leistungen[].kosten.remanenzkosten": "Bleibende Kosten",
    "leistungen[].kosten.remanenzkosten.*": "Bleibende Kosten",
    "leistungen[].kosten.anlagen": "Anlagegüter",
    "leistungen[].kosten.anlagen[].bezeichnung": "Bezeichnung des Anlageguts",
    "leistungen[].kosten.anlagen[].anschaffungskosten": "Anschaffungskosten (netto)",
    "leistungen[].kosten.anlagen[].vorsteuer": "Bei der Anschaffung gezahlte Umsatzsteuer",
    "leistungen[].kosten.anlagen[].anschaffung": "Anschaffungsdatum",
    "leistungen[].kosten.anlagen[].nutzungsdauer_jahre": "Nutzungsdauer (Jahre)",
    "leistungen[].kosten.anlagen[].methode": "Abschreibungsmethode",
    "leistungen[].kosten.anlagen[].leistung_gesamt": "Leistungseinheiten über die Nutzungsdauer",
    "leistungen[].kosten.anlagen[].leistung_bisher": "Bisher verbrauchte Leistungseinheiten",
    "leistungen[].kosten.anlagen[].leistung_jahr": "Leistungseinheiten im Kalkulationsjahr",
    "leistungen[].kosten.anlagen[].wiederbeschaffungswert": "Wiederbeschaffungswert",
    "leistungen[].kosten.anlagen[].eigenkapitalanteil_prozent": "Eigenkapitalanteil (%)",
    "leistungen[].kosten.anlagen[].fremdkapitalzinsen": "Tatsächliche Kreditzinsen (Euro je Jahr)",
    "leistungen[].kosten.kalkulatorischer_zinssatz_prozent": "Kalkulatorischer Zinssatz (%)",
    "leistungen[].kosten.zinssatz_herleitung": "Herleitung des Zinssatzes",
    "leistungen[].kosten.fortschreibung": "Fortschreibung der Sätze",
    "leistungen[].kosten.fortschreibung[].prozent": "Steigerung (%)",
    "leistungen[].kosten.fortschreibung[].ab": "Gültig ab",
    "leistungen[].kosten.fortschreibung[].grundlage": "Grundlage der Steigerung",
}
#: The rows of the lists of the Fallakte, as a reader counts them ("Beteiligter 2").
ZEILEN: dict[str, str] = {
    "beteiligte": "Beteiligter",
    "leistungen": "Leistung",
    "positionen": "Position",
    "bestandteile": "Bestandteil",
    "anlagen": "Anlagegut",
    "fortschreibung": "Fortschreibungsschritt",
    "mitglieder": "Mitglied",
}
#: The choice fields of the Fallakte and the label table of their values.
AUSWAHLFELDER: dict[str, dict[str, str]] = {
    "bundesland": BUNDESLAENDER,
    "rechtsform": RECHTSFORMEN,
    "beteiligte[].art": ARTEN,
    "leistungen[].entgelt": ENTGELTE,
    "leistungen[].anhang_i_taetigkeit": {"keine": "keine", **ANHANG_I},
    "leistungen[].kosten.positionen[].art": KOSTENARTEN,
    "leistungen[].kosten.verteilung.schluessel": SCHLUESSEL,
    "leistungen[].kosten.verteilung.variabler_schluessel": VARIABLE_SCHLUESSEL,
    "leistungen[].kosten.abrechnung.verfahren": VERFAHREN,
    "leistungen[].kosten.abrechnung.abschlaege": ABSCHLAEGE,
    "leistungen[].kosten.abrechnung.faelligkeit": FAELLIGKEITEN,
    "leistungen[].kosten.verteilung.bestandteile[].schluessel": BESTANDTEILSCHLUESSEL,
    "leistungen[].kosten.anlagen[].methode": ABSCHREIBUNGSMETHODEN,
    **{f"leistungen[].{k}": v[2] for k, v in AUSWAHL_FAKTEN.items()},
}
#: The parameters in the addresses of the web pages (named in an error page when one is wrong).
ADRESSPARAMETER: dict[str, str] = {
    "fall_id": "Fallnummer in der Adresse",
    "version": "Version in der Adresse",
    "a": "Ältere Version",
    "b": "Neuere Version",
    "seite": "Seitenzahl",
    "gespeichert": "Gespeicherte Version",
}
#: The legal forms in a narrow table column (screening report and exports).
RECHTSFORMEN_KURZ: dict[str, str] = {
    **RECHTSFORMEN,
    "oerv_delegierend": "ÖrV delegierend",
    "oerv_mandatierend": "ÖrV mandatierend",
}
