"""The columns of an inventory ("Bestandsliste"): German headers, value kinds and allowed values.

One row of the inventory is one service relationship. The columns carry the key facts of a
Fallakte with one service; each column names the Fallakte field it fills. The same table drives
reading (header matching, cell parsing), the downloadable template and the exports.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal, get_args

from advisor.fallakte import Abrechnungsverfahren, ArtBeteiligter, Entgelt, Rechtsform

#: How a cell is read: free text, yes/no, money (EUR, 2 places), percent (0–100), whole number,
#: date, one value of a list, or several names separated by ";".
Spaltenart = Literal["text", "janein", "betrag", "prozent", "ganzzahl", "datum", "auswahl", "namen", "arten"]

RECHTSFORMEN: tuple[str, ...] = get_args(Rechtsform)
ARTEN_BETEILIGTER: tuple[str, ...] = get_args(ArtBeteiligter)
ENTGELTARTEN: tuple[str, ...] = get_args(Entgelt)
ABRECHNUNGSVERFAHREN: tuple[str, ...] = get_args(Abrechnungsverfahren)
JA_NEIN: tuple[str, ...] = ("ja", "nein")


@dataclass(frozen=True, slots=True)
class Spalte:
    """One column of the inventory.

    Attributes:
        feld: internal name (the Fallakte field where there is one).
        titel: the German header as it appears in the template.
        art: how a cell is read.
        pflicht: the row cannot be screened without it.
        werte: allowed values for ``auswahl``/``arten`` columns (``None``: from the catalogue).
        hilfe: one German sentence for the template.
        beispiel: the value of the template's example row.
    """

    feld: str
    titel: str
    art: Spaltenart
    pflicht: bool
    werte: tuple[str, ...] | None
    hilfe: str
    beispiel: str


def _janein(feld: str, titel: str, hilfe: str, beispiel: str = "") -> Spalte:
    return Spalte(feld, titel, "janein", False, JA_NEIN, hilfe + " ja / nein / x; leer = unbekannt.", beispiel)


SPALTEN: tuple[Spalte, ...] = (
    Spalte(
        "kennung",
        "Kennung",
        "text",
        False,
        None,
        "Eindeutige Nummer der Leistungsbeziehung; leer = „Z“ + Zeilennummer.",
        "L-001",
    ),
    Spalte(
        "bezeichnung",
        "Leistung",
        "text",
        True,
        None,
        "Was geleistet wird, in wenigen Worten.",
        "Entgelt- und Besoldungsabrechnung",
    ),
    Spalte(
        "erbringer",
        "Erbringer",
        "text",
        True,
        None,
        "Name der leistenden Körperschaft; gleicher Name = gleicher Erbringer.",
        "Kreis Musterland",
    ),
    Spalte(
        "erbringer_art",
        "Art des Erbringers",
        "auswahl",
        True,
        ARTEN_BETEILIGTER,
        "Art der leistenden Körperschaft.",
        "kreis",
    ),
    Spalte(
        "erbringer_rechtstraeger",
        "Rechtsträger des Erbringers",
        "text",
        False,
        None,
        "Nur bei einem Eigenbetrieb oder Amt ohne eigene Rechtspersönlichkeit: die juristische Person, zu der "
        "er gehört (z. B. „Stadt Adorf“). Ist sie zugleich der Empfänger, ist die Leistung ein Innenumsatz.",
        "",
    ),
    Spalte(
        "empfaenger",
        "Empfänger",
        "namen",
        True,
        None,
        "Namen der Empfänger, getrennt durch „;“.",
        "Stadt Aheim; Gemeinde Bedorf",
    ),
    Spalte(
        "empfaenger_art",
        "Art der Empfänger",
        "arten",
        True,
        ARTEN_BETEILIGTER,
        "Eine Art für alle Empfänger oder je Empfänger eine, getrennt durch „;“.",
        "stadt; gemeinde",
    ),
    Spalte(
        "aufgabenfeld",
        "Aufgabenfeld",
        "auswahl",
        True,
        None,
        "Schlüssel oder Bezeichnung aus dem Katalog (Blatt „Werte“).",
        "personalabrechnung",
    ),
    Spalte(
        "rechtsform",
        "Rechtsform",
        "auswahl",
        True,
        RECHTSFORMEN,
        "Rechtliche Grundlage der Zusammenarbeit.",
        "oerv_mandatierend",
    ),
    Spalte(
        "entgelt",
        "Entgelt",
        "auswahl",
        False,
        ENTGELTARTEN,
        "Art der Gegenleistung; leer = unbekannt.",
        "kostenerstattung",
    ),
    Spalte(
        "jahresbetrag",
        "Jahresbetrag (EUR)",
        "betrag",
        False,
        None,
        "Was die Empfänger zusammen im Jahr erstatten, ohne Umsatzsteuer; leer = unbekannt.",
        "180.000,00",
    ),
    Spalte(
        "vorsteuer",
        "darin Vorsteuer (EUR)",
        "betrag",
        False,
        None,
        "Im Jahresbetrag enthaltene Umsatzsteuer auf Einkäufe des Erbringers; leer = nicht bekannt "
        "(die Mehrbelastung wird dann als Obergrenze geschätzt).",
        "3.420,00",
    ),
    Spalte(
        "umsatz_gleichartige_taetigkeiten",
        "Umsatz gleichartiger Tätigkeiten (EUR)",
        "betrag",
        False,
        None,
        "Gesamter Jahresumsatz des Erbringers aus gleichartigen Tätigkeiten (§ 2b Abs. 2 Nr. 1 UStG); "
        "leer = Summe der Jahresbeträge dieses Erbringers und Aufgabenfelds in der Liste.",
        "",
    ),
    Spalte(
        "anteil_leistungen_an_jpoer_prozent",
        "Anteil an jPöR (%)",
        "prozent",
        False,
        None,
        "Anteil gleichartiger Leistungen des Erbringers an juristische Personen des öffentlichen Rechts "
        "(§ 2b Abs. 3 Nr. 2 Buchst. d UStG); leer = aus der Liste ermittelt, wo möglich.",
        "",
    ),
    Spalte("beginn", "Beginn", "datum", False, None, "Beginn der Leistungsbeziehung (TT.MM.JJJJ).", "01.01.2027"),
    Spalte(
        "laufzeit_bis",
        "Laufzeit bis",
        "datum",
        False,
        None,
        "Letzter Tag der Laufzeit (einschließlich); leer = unbefristet. Braucht einen Beginn.",
        "",
    ),
    Spalte(
        "kuendigungsfrist_monate",
        "Kündigungsfrist (Monate)",
        "ganzzahl",
        False,
        None,
        "Ordentliche Kündigungsfrist in Monaten.",
        "12",
    ),
    Spalte(
        "gewinnaufschlag_prozent",
        "Gewinnaufschlag (%)",
        "prozent",
        False,
        None,
        "Aufschlag auf die Kosten in Prozent; leer = unbekannt.",
        "0",
    ),
    Spalte(
        "abrechnung", "Abrechnung", "auswahl", False, ABRECHNUNGSVERFAHREN, "Wie abgerechnet wird.", "spitzabrechnung"
    ),
    _janein(
        "aufgabenuebertragung_befreiend",
        "Befreiende Aufgabenübertragung",
        "Geht die Aufgabe mit befreiender Wirkung über (delegierend)?",
        "nein",
    ),
    _janein(
        "befreiung_ausschlaggebend",
        "Befreiung ausschlaggebend",
        "War die befreiende Wirkung für die Wahl eines öffentlichen Partners ausschlaggebend?",
    ),
    _janein(
        "gesetzlicher_vorbehalt_jpoer",
        "Gesetzlicher Vorbehalt jPöR",
        "Behält ein Gesetz die Leistung juristischen Personen des öffentlichen Rechts vor?",
        "nein",
    ),
    Spalte(
        "gesetzlicher_vorbehalt_norm",
        "Norm des Vorbehalts",
        "text",
        False,
        None,
        "Welches Gesetz, z. B. „§ 102 Abs. 2 GO NRW“.",
        "",
    ),
    _janein(
        "privat_steuerfrei_ohne_option",
        "Privat steuerfrei ohne Option",
        "Wäre dieselbe Leistung eines Privaten ohne Option steuerfrei (§ 2b Abs. 2 Nr. 2 UStG)?",
        "nein",
    ),
    _janein(
        "oeffentliche_infrastruktur",
        "Öffentliche Infrastruktur",
        "Dient die Leistung dem Erhalt öffentlicher Infrastruktur?",
        "ja",
    ),
    _janein(
        "gemeinsame_oeffentliche_aufgabe",
        "Gemeinsame öffentliche Aufgabe",
        "Wird eine allen Beteiligten obliegende öffentliche Aufgabe wahrgenommen?",
        "ja",
    ),
    _janein(
        "hilfstaetigkeit",
        "Hilfstätigkeit",
        "Unterstützende Tätigkeit (Reinigung, Grünpflege, Bau, IT-Unterstützung)?",
        "nein",
    ),
    _janein(
        "private_anbieter_am_markt",
        "Private Anbieter am Markt",
        "Könnten private Unternehmen diese Leistung realistisch erbringen?",
    ),
    _janein(
        "mitglieder_nichtunternehmerisch",
        "Mitglieder nichtunternehmerisch",
        "§ 4 Nr. 29 UStG: Handeln die Mitglieder nichtunternehmerisch?",
    ),
    _janein(
        "leistungen_mitgliedsbezogen",
        "Leistungen mitgliedsbezogen",
        "§ 4 Nr. 29 UStG: Sind die Leistungen auf die Mitglieder zugeschnitten?",
    ),
    Spalte("bemerkung", "Bemerkung", "text", False, None, "Freitext; wird als Leistungsbeschreibung übernommen.", ""),
)

SPALTE: dict[str, Spalte] = {s.feld: s for s in SPALTEN}


def normalize_header(text: str) -> str:
    """A header or value in comparable form: lower case, umlauts as ae/oe/ue/ss, only letters and digits.

    ``"Art des Erbringers"`` → ``"artdeserbringers"``; ``"Öffentliche Infrastruktur"`` →
    ``"oeffentlicheinfrastruktur"``.
    """
    text = str(text).strip().casefold()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", text)


#: Header (normalized) → column; the German title and the Fallakte field name are both accepted.
KOPF_ZU_SPALTE: dict[str, Spalte] = {
    **{normalize_header(s.feld): s for s in SPALTEN},
    **{normalize_header(s.titel): s for s in SPALTEN},
}
