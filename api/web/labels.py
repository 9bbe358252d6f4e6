"""German labels and hints of the web form: every choice and every § 2b fact in the users' words.

Only presentation data; the values themselves are the Fallakte's (advisor/fallakte.py). A test
checks that every value of the case model's choices has a label here, so a new choice cannot
appear in the form as a bare key.
"""

from __future__ import annotations

from advisor.bezeichnungen import (  # noqa: F401 - the web form's labels of the case file's choices
    ABSCHLAEGE,
    ANHANG_I,
    ARTEN,
    BUNDESLAENDER,
    ENTGELTE,
    FAELLIGKEITEN,
    KOSTENARTEN,
    RECHTSFORMEN,
    SCHLUESSEL,
    VARIABLE_SCHLUESSEL,
    VERFAHREN,
)

ERGEBNISSE: dict[str, str] = {
    "nicht_steuerbar": "Nicht steuerbar",
    "steuerpflichtig": "Steuerpflichtig",
    "steuerfrei": "Steuerfrei",
    "offen": "Offen – Angaben fehlen",
    "gemischt": "Gemischt (je Leistung verschieden)",
}

STATUS: dict[str, str] = {
    "erfuellt": "erfüllt",
    "nicht_erfuellt": "nicht erfüllt",
    "offen": "offen",
    "nicht_anwendbar": "nicht anwendbar",
}

RISIKEN: dict[str, str] = {"gering": "gering", "mittel": "mittel", "hoch": "hoch"}

#: The § 2b facts of a service that are yes/no/unknown, in the order of the decision, with a label
#: and a hint in plain German. The keys are field names of ``Leistung``.
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

#: Every fact a catalogue or the assessment may name, with the label shown to users.
FAKT_LABELS: dict[str, str] = {
    **{k: v[0] for k, v in JA_NEIN_FAKTEN.items()},
    **{f"kostenteilungsgemeinschaft.{k}": v[0] for k, v in KTG_FAKTEN.items()},
    "gesetzlicher_vorbehalt_norm": "Welches Gesetz behält die Leistung vor?",
    "umsatz_gleichartige_taetigkeiten": "Umsatz des Erbringers aus allen gleichartigen Tätigkeiten (netto, je Jahr)",
    "anteil_leistungen_an_jpoer_prozent": "Anteil gleichartiger Leistungen an öffentliche Stellen (%)",
    "anhang_i_taetigkeit": "Tätigkeit nach Anhang I MwStSystRL",
    "entgelt": "Art des Entgelts",
}


def ja_nein(wert: object) -> str:
    """``True`` → "ja", ``False`` → "nein", anything else as German text."""
    if wert is True:
        return "ja"
    if wert is False:
        return "nein"
    if wert is None:
        return "unbekannt"
    return str(wert)
