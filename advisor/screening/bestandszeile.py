"""From the cells of an inventory to typed rows ("Bestandszeilen"), reporting every bad cell.

A row that cannot be read is reported with its source, row number, column and a German reason;
the other rows are still screened. Nothing is filled in silently: an empty optional cell is an
unknown fact (``None``), exactly as in the Fallakte.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.screening.spalten import KOPF_ZU_SPALTE, SPALTE, SPALTEN, Spalte, normalize_header
from advisor.screening.vorgaben import Screeningvorgaben
from advisor.screening.zellen import (
    Zellfehler,
    auswahl_lookup,
    is_empty,
    parse_auswahl,
    parse_betrag,
    parse_datum,
    parse_ganzzahl,
    parse_janein,
    parse_prozent,
    split_names,
)

#: The § 2b facts a row passes through unchanged to the service of its Fallakte.
FAKTEN_SPALTEN: tuple[str, ...] = tuple(
    s.feld
    for s in SPALTEN
    if s.art == "janein" and s.feld not in {"mitglieder_nichtunternehmerisch", "leistungen_mitgliedsbezogen"}
) + ("gesetzlicher_vorbehalt_norm",)


@dataclass(frozen=True, slots=True)
class Zeilenproblem:
    """A problem of the inventory: where (source, row, column) and a German sentence."""

    quelle: str
    zeile: int | None
    spalte: str | None
    meldung: str

    def __str__(self) -> str:
        ort = [self.quelle] if self.quelle else []
        if self.zeile is not None:
            ort.append(f"Zeile {self.zeile}")
        if self.spalte:
            ort.append(f"Spalte „{self.spalte}“")
        return f"{', '.join(ort)}: {self.meldung}"


@dataclass(frozen=True, slots=True)
class Rohtabelle:
    """An inventory as read from a file: header texts and the rows' cell values (number, cells).

    ``zeilen`` may be a stream (read once); a row's cells are a sequence or {column index: value}.
    """

    quelle: str
    koepfe: Sequence[Any]
    zeilen: Iterable[tuple[int, Sequence[Any] | Mapping[int, Any]]]


@dataclass(frozen=True, slots=True)
class Bestandszeile:
    """One readable row: a service relationship with its key facts (``None`` = unknown)."""

    quelle: str
    zeile: int
    kennung: str
    bezeichnung: str
    erbringer: str
    erbringer_art: str
    empfaenger: tuple[str, ...]
    empfaenger_arten: tuple[str, ...]
    aufgabenfeld: str
    rechtsform: str
    entgelt: str | None = None
    jahresbetrag: Decimal | None = None
    vorsteuer: Decimal | None = None
    umsatz_gleichartige_taetigkeiten: Decimal | None = None
    anteil_leistungen_an_jpoer_prozent: Decimal | None = None
    beginn: date | None = None
    letzter_tag: date | None = None
    kuendigungsfrist_monate: int | None = None
    gewinnaufschlag_prozent: Decimal | None = None
    abrechnung: str | None = None
    fakten: Mapping[str, Any] = field(default_factory=dict)
    kostenteilungsgemeinschaft: Mapping[str, bool | None] | None = None
    bemerkung: str | None = None
    #: The legal person an Eigenbetrieb or office belongs to (internal charges, § 1 Abs. 1 Nr. 1 UStG).
    erbringer_rechtstraeger: str | None = None


def map_headers(tabelle: Rohtabelle) -> tuple[dict[int, Spalte], list[Zeilenproblem]]:
    """Column index → column; unknown, doubled and missing required headers are problems."""
    spalten: dict[int, Spalte] = {}
    probleme: list[Zeilenproblem] = []
    gesehen: set[str] = set()
    for i, kopf in enumerate(tabelle.koepfe):
        if is_empty(kopf):
            continue
        spalte = KOPF_ZU_SPALTE.get(normalize_header(str(kopf)))
        if spalte is None:
            probleme.append(
                Zeilenproblem(
                    tabelle.quelle,
                    1,
                    str(kopf).strip(),
                    "Unbekannte Spalte – bitte die Überschriften der Vorlage verwenden.",
                )
            )
        elif spalte.feld in gesehen:
            probleme.append(Zeilenproblem(tabelle.quelle, 1, str(kopf).strip(), "Diese Spalte kommt doppelt vor."))
        else:
            gesehen.add(spalte.feld)
            spalten[i] = spalte
    for s in SPALTEN:
        if s.pflicht and s.feld not in gesehen:
            probleme.append(Zeilenproblem(tabelle.quelle, 1, s.titel, "Die Pflichtspalte fehlt."))
    return spalten, probleme


class _Zeilenleser:
    """Reads the cells of one row; collects a problem per bad cell instead of stopping at the first."""

    def __init__(self, quelle: str, nummer: int, zellen: Mapping[str, Any], auswahl: Mapping[str, Mapping[str, str]]):
        self.quelle, self.nummer, self.zellen, self.auswahl = quelle, nummer, zellen, auswahl
        self.probleme: list[Zeilenproblem] = []

    def problem(self, feld: str, meldung: str) -> None:
        self.probleme.append(Zeilenproblem(self.quelle, self.nummer, SPALTE[feld].titel, meldung))

    def wert(self, feld: str) -> Any:
        spalte = SPALTE[feld]
        roh = self.zellen.get(feld)
        if is_empty(roh):
            if spalte.pflicht:
                self.problem(feld, "Pflichtangabe fehlt.")
            return None
        try:
            return self._lies(spalte, roh)
        except Zellfehler as e:
            self.problem(feld, str(e))
            return None

    def _lies(self, spalte: Spalte, roh: Any) -> Any:
        leser: dict[str, Callable[[Any], Any]] = {
            "janein": parse_janein,
            "betrag": parse_betrag,
            "prozent": parse_prozent,
            "ganzzahl": parse_ganzzahl,
            "datum": parse_datum,
            "namen": split_names,
        }
        if spalte.art in leser:
            return leser[spalte.art](roh)
        if spalte.art == "auswahl":
            return parse_auswahl(roh, self.auswahl[spalte.feld], spalte)
        if spalte.art == "arten":
            return [parse_auswahl(teil, self.auswahl[spalte.feld], spalte) for teil in split_names(roh)]
        text = str(roh).strip()
        if isinstance(roh, float) and roh.is_integer():
            text = str(int(roh))
        if len(text) > 300 and spalte.feld != "bemerkung":
            raise Zellfehler("Der Text ist zu lang (höchstens 300 Zeichen).")
        return text


def _auswahl_tabellen(vorgaben: Screeningvorgaben) -> dict[str, dict[str, str]]:
    tabellen = {s.feld: auswahl_lookup(s.werte) for s in SPALTEN if s.werte is not None}
    tabellen["aufgabenfeld"] = auswahl_lookup(vorgaben.aufgabenfelder)
    return tabellen


def parse_row(
    quelle: str,
    nummer: int,
    zellen: Mapping[str, Any],
    vorgaben: Screeningvorgaben,
    auswahl: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[Bestandszeile | None, list[Zeilenproblem]]:
    """One row's cells ({field: raw value}) → a ``Bestandszeile``, or ``None`` and its problems."""
    r = _Zeilenleser(quelle, nummer, zellen, auswahl or _auswahl_tabellen(vorgaben))
    w = {s.feld: r.wert(s.feld) for s in SPALTEN}
    empfaenger = tuple(w["empfaenger"] or ())
    arten = tuple(w["empfaenger_art"] or ())
    if w["empfaenger"] is not None and not empfaenger:
        r.problem("empfaenger", "Pflichtangabe fehlt.")
    if empfaenger and arten and len(arten) not in (1, len(empfaenger)):
        r.problem(
            "empfaenger_art",
            f"{len(arten)} Arten für {len(empfaenger)} Empfänger: bitte eine Art für alle "
            "oder je Empfänger eine angeben.",
        )
    elif len(arten) == 1:
        arten = arten * len(empfaenger)
    _pruefe_namen(r, w["erbringer"], empfaenger)
    letzter_tag = _pruefe_laufzeit(r, w["beginn"], w["laufzeit_bis"])
    if w["kuendigungsfrist_monate"] is not None and w["beginn"] is None:
        r.problem("kuendigungsfrist_monate", "Eine Kündigungsfrist braucht einen Beginn der Laufzeit.")
    if w["vorsteuer"] is not None:
        if w["jahresbetrag"] is None:
            r.problem("vorsteuer", "Vorsteuer ohne Jahresbetrag: bitte auch den Jahresbetrag angeben.")
        elif w["vorsteuer"] > w["jahresbetrag"]:
            r.problem("vorsteuer", "Die Vorsteuer ist größer als der Jahresbetrag, in dem sie enthalten sein soll.")
    if w["gesetzlicher_vorbehalt_norm"] is not None and w["gesetzlicher_vorbehalt_jpoer"] is False:
        r.problem(
            "gesetzlicher_vorbehalt_norm", "Eine Norm ist angegeben, aber der gesetzliche Vorbehalt ist verneint."
        )
    if r.probleme:
        return None, r.probleme
    ktg = {k: w[k] for k in ("mitglieder_nichtunternehmerisch", "leistungen_mitgliedsbezogen")}
    zeile = Bestandszeile(
        quelle=quelle,
        zeile=nummer,
        kennung=w["kennung"] or f"Z{nummer}",
        bezeichnung=w["bezeichnung"],
        erbringer=w["erbringer"],
        erbringer_art=w["erbringer_art"],
        empfaenger=empfaenger,
        empfaenger_arten=arten,
        aufgabenfeld=w["aufgabenfeld"],
        rechtsform=w["rechtsform"],
        entgelt=w["entgelt"],
        jahresbetrag=w["jahresbetrag"],
        vorsteuer=w["vorsteuer"],
        umsatz_gleichartige_taetigkeiten=w["umsatz_gleichartige_taetigkeiten"],
        anteil_leistungen_an_jpoer_prozent=w["anteil_leistungen_an_jpoer_prozent"],
        beginn=w["beginn"],
        letzter_tag=letzter_tag,
        kuendigungsfrist_monate=w["kuendigungsfrist_monate"],
        gewinnaufschlag_prozent=w["gewinnaufschlag_prozent"],
        abrechnung=w["abrechnung"],
        fakten={k: w[k] for k in FAKTEN_SPALTEN if w[k] is not None},
        kostenteilungsgemeinschaft=ktg if any(v is not None for v in ktg.values()) else None,
        bemerkung=w["bemerkung"],
        erbringer_rechtstraeger=w["erbringer_rechtstraeger"],
    )
    return zeile, []


def _pruefe_namen(r: _Zeilenleser, erbringer: str | None, empfaenger: tuple[str, ...]) -> None:
    gesehen: set[str] = set()
    for name in empfaenger:
        key = normalize_header(name)
        # A recipient named like the provider is the same legal person: an internal charge, assessed
        # as such (§ 1 Abs. 1 Nr. 1 UStG), not an unreadable row.
        if key in gesehen:
            r.problem("empfaenger", f"„{name}“ ist doppelt als Empfänger genannt.")
        elif len(name) > 300:
            r.problem("empfaenger", "Ein Name ist zu lang (höchstens 300 Zeichen).")
        gesehen.add(key)


def _pruefe_laufzeit(r: _Zeilenleser, beginn: date | None, bis: date | None) -> date | None:
    """The last day of the term ("Laufzeit bis", inclusive), checked against the start."""
    if bis is None:
        return None
    if beginn is None:
        r.problem("laufzeit_bis", "Ein Laufzeitende braucht einen Beginn.")
        return None
    if bis < beginn:
        r.problem("laufzeit_bis", f"Das Laufzeitende ({bis:%d.%m.%Y}) liegt vor dem Beginn ({beginn:%d.%m.%Y}).")
        return None
    if bis >= date.max:
        r.problem("laufzeit_bis", "Das Laufzeitende liegt zu spät.")
        return None
    return bis


@dataclass(frozen=True, slots=True)
class Leseergebnis:
    """The readable rows, every problem, and the (provider, Aufgabenfeld) groups that lost a row.

    ``luecken`` holds (normalized provider name, Aufgabenfeld key or ``None`` = any field) of every
    row that could not be read: such a group's portfolio is incomplete.
    """

    zeilen: list[Bestandszeile]
    probleme: list[Zeilenproblem]
    luecken: frozenset[tuple[str, str | None]]
    abgelehnt: int = 0


def parse_rows(tabellen: Sequence[Rohtabelle], vorgaben: Screeningvorgaben) -> Leseergebnis:
    """Every readable row of every table, and every problem (with row and column).

    Empty rows are skipped. A ``Kennung`` that appears a second time (in any table) is a problem of
    the later row, which is then not screened. (The row-by-row logic: ``zeilenstrom.Zeilenpruefung``.)
    """
    from advisor.screening.zeilenstrom import Zeilenpruefung

    pruefung = Zeilenpruefung(vorgaben)
    zeilen: list[Bestandszeile] = []
    probleme: list[Zeilenproblem] = []
    for tabelle in tabellen:
        for zeile, fehler in pruefung.tabelle(tabelle):
            probleme.extend(fehler)
            if zeile is not None:
                zeilen.append(zeile)
    return Leseergebnis(zeilen, probleme, frozenset(pruefung.luecken), pruefung.abgelehnt)


def _merke_luecke(
    luecken: set[tuple[str, str | None]], werte: Mapping[str, Any], auswahl: Mapping[str, Mapping[str, str]]
) -> None:
    erbringer = werte.get("erbringer")
    if is_empty(erbringer):
        return
    feld = werte.get("aufgabenfeld")
    key = None if is_empty(feld) else auswahl["aufgabenfeld"].get(normalize_header(str(feld)))
    luecken.add((normalize_header(str(erbringer)), key))
