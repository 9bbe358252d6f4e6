"""The clause library: one YAML file per Land under contracts/klauseln/ (NW is the reference).

A library holds the Land's legal references (``normen``, each with how it was checked), who may
be a party, the placeholder texts for missing facts, the names of the roles per legal form, the
document types (öffentlich-rechtliche Vereinbarung, Verbandssatzung) with their section order,
and the sections with their variants. Variants and single paragraphs carry conditions ("wenn")
over a closed set of case features (``FALL_MERKMALE``, ``LEISTUNG_MERKMALE``); a second Land is a
new data file, not new code.

Loading is strict: unknown fields, unknown features in a condition, a reference to a norm that is
not listed, a document that names a section that does not exist, or a section without a variant
for some combination of the features its variants test are errors that name the section.
"""

from __future__ import annotations

import functools
import itertools
import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from advisor.strict_yaml import load_strict

KLAUSELN_DIR = Path(__file__).resolve().parent / "klauseln"

#: Features of the whole case that conditions may test, with their possible values.
FALL_MERKMALE: dict[str, tuple[Any, ...]] = {
    "rechtsform": ("oerv_delegierend", "oerv_mandatierend", "zweckverband"),
    "personalgestellung": (True, False),
    "gemeinsame_aufgabe": (True, False),
    "oeffentlich_oeffentlich": (True, False),
    "gemeinsame_datennutzung": (True, False),
}
#: Features of one service (its assessment, term, cost logic) that conditions may test.
LEISTUNG_MERKMALE: dict[str, tuple[Any, ...]] = {
    "ergebnis": ("nicht_steuerbar", "steuerpflichtig", "steuerfrei", "offen"),
    "risiko": ("gering", "mittel", "hoch"),
    "auskunft_bedingung": (True, False),
    "laufzeit": ("befristet", "unbefristet", "unbekannt"),
    "kuendigungsklausel_pflicht": (True, False),
    "fortfuehrung": (True, False),
    "abrechnung": ("spitzabrechnung", "pauschale_mit_anpassung", "festpreis", "unbekannt"),
    "kosten": (True, False),
    "erbringer_traegt_anteil": (True, False),
    "kalkulatorische_zinsen": (True, False),
    "wagnis_oder_gewinn": (True, False),
    "stueckpreis": (True, False),
    "befreiung_kostenteilung": (True, False),
}
ALLE_MERKMALE = {**FALL_MERKMALE, **LEISTUNG_MERKMALE}

_VARIABLE = re.compile(r"\{([a-z0-9_]+)\}")
GROSS = "gross_"

Bedingung = dict[str, list[Any]]


class _Streng(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AbsatzVorlage(_Streng):
    """A paragraph template, shown only when its condition holds; ``liste`` names a list value
    (e.g. the members of a Zweckverband) whose entries follow the paragraph as items "1.", "2."."""

    text: str
    wenn: Bedingung = {}
    liste: str | None = None


def _absaetze(value: Any) -> Any:
    if isinstance(value, list):
        return [{"text": v} if isinstance(v, str) else v for v in value]
    return value


class Variante(_Streng):
    """A variant of a section: paragraphs per service (``je_leistung``) then common paragraphs."""

    id: str
    wenn: Bedingung = {}
    je_leistung: list[AbsatzVorlage] = []
    absaetze: list[AbsatzVorlage] = []

    @model_validator(mode="before")
    @classmethod
    def _texte_als_vorlagen(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = dict(data)
            for key in ("je_leistung", "absaetze"):
                if key in data:
                    data[key] = _absaetze(data[key])
        return data


class Abschnitt(_Streng):
    """A section ("§ 5 Kostenerstattung") with its variants, first match wins."""

    id: str
    titel: str
    nummeriert: bool = True
    varianten: Annotated[list[Variante], Field(min_length=1)]


class Normpruefung(_Streng):
    """How a norm of the library was checked (``art``), against which source and when."""

    art: Literal["wortlaut", "sekundaer", "ueberschrift", "ungeprueft"]
    vermerk: str
    quelle: str | None = None
    am: date | None = None

    @model_validator(mode="after")
    def _beleg(self) -> Normpruefung:
        if self.art != "ungeprueft" and (not self.quelle or self.am is None):
            raise ValueError(f"eine Prüfung „{self.art}“ braucht Quelle und Datum")
        return self

    @property
    def bezeichnung(self) -> str:
        """German description: "Wortlaut abgeglichen (Quelle, 05.12.2026)"."""
        art = {
            "wortlaut": "Wortlaut abgeglichen",
            "sekundaer": "nur sekundär belegt",
            "ueberschrift": "nur die Überschrift geprüft",
            "ungeprueft": "nicht geprüft",
        }[self.art]
        if self.am is None:
            return art
        return f"{art} ({self.quelle}, {self.am.strftime('%d.%m.%Y')})"


class Norm(_Streng):
    text: str
    geprueft: Normpruefung


class Dokument(_Streng):
    """A document type: its title lines, the legal forms it is for and the order of its sections."""

    art: str
    rechtsformen: list[str]
    titel: str
    untertitel: str
    einleitung: str
    schlusssatz: str
    abschnitte: list[str]
    unterschriften: Literal["alle_beteiligten", "erbringer"]
    vermerk_titel: str
    vermerk: str


class AnlageVorlage(_Streng):
    titel: str
    wenn: Bedingung = {}
    einleitung: str | None = None
    punkte: list[str] = []


class Beteiligtenregel(_Streng):
    """Which kinds of party (``Beteiligter.art``) the Land's law admits to an agreement."""

    zugelassen: list[str]
    sekundaer_belegt: list[str] = []
    meldung: str
    instrument: str


class Kasus(_Streng):
    nom: str
    dat: str
    akk: str
    gen: str


class Rollenformen(_Streng):
    """A role in the forms for one party (``sg``), several (``pl``) and several services with
    different providers (``jeweils``)."""

    sg: Kasus
    pl: Kasus | None = None
    jeweils: Kasus | None = None


class Rollen(_Streng):
    erbringer: Rollenformen
    empfaenger: Rollenformen


class Klauselbibliothek(_Streng):
    """One Land's clause library (contracts/klauseln/<land>.yaml)."""

    land: str
    land_name: str
    gesetz: str
    stand: date
    rechtsformen: list[str]
    normen: dict[str, Norm]
    beteiligte: Beteiligtenregel
    platzhalter: dict[str, str]
    rollen: dict[str, Rollen]
    dokumente: dict[str, Dokument]
    abschnitte: list[Abschnitt]
    anlagen: dict[str, AnlageVorlage]
    bezeichnungen: dict[str, dict[str, str]]

    @model_validator(mode="after")
    def _stimmig(self) -> Klauselbibliothek:
        probleme = list(_pruefe(self))
        if probleme:
            raise ValueError("; ".join(probleme))
        return self

    def abschnitt(self, kennung: str) -> Abschnitt:
        for a in self.abschnitte:
            if a.id == kennung:
                return a
        raise KeyError(kennung)

    def norm(self, kennung: str) -> str:
        return self.normen[kennung].text

    def dokument_fuer(self, rechtsform: str) -> Dokument:
        for dokument in self.dokumente.values():
            if rechtsform in dokument.rechtsformen:
                return dokument
        raise KeyError(rechtsform)

    def texte(self) -> list[tuple[str, str]]:
        """Every template text of the library with where it is (for checks over all texts)."""
        result: list[tuple[str, str]] = []
        for name, dokument in self.dokumente.items():
            for feld in ("titel", "untertitel", "einleitung", "schlusssatz", "vermerk"):
                result.append((f"dokumente.{name}.{feld}", getattr(dokument, feld)))
        for abschnitt in self.abschnitte:
            for variante in abschnitt.varianten:
                for i, absatz in enumerate([*variante.je_leistung, *variante.absaetze]):
                    result.append((f"abschnitte.{abschnitt.id}.{variante.id}[{i}]", absatz.text))
        for name, anlage in self.anlagen.items():
            result += [(f"anlagen.{name}.einleitung", anlage.einleitung or "")]
            result += [(f"anlagen.{name}.punkte[{i}]", p) for i, p in enumerate(anlage.punkte)]
        result += [(f"platzhalter.{k}", v) for k, v in self.platzhalter.items()]
        result += [
            ("beteiligte.meldung", self.beteiligte.meldung),
            ("beteiligte.instrument", self.beteiligte.instrument),
        ]
        for gruppe, werte in self.bezeichnungen.items():
            result += [(f"bezeichnungen.{gruppe}.{k}", v) for k, v in werte.items()]
        return result


def _pruefe_bedingung(wo: str, wenn: Bedingung, erlaubt: dict[str, tuple[Any, ...]]) -> list[str]:
    probleme = []
    for merkmal, werte in wenn.items():
        if merkmal not in erlaubt:
            probleme.append(f"{wo}: unbekanntes Merkmal „{merkmal}“ in der Bedingung")
            continue
        for wert in werte:
            if wert not in erlaubt[merkmal]:
                probleme.append(f"{wo}: „{wert}“ ist kein Wert des Merkmals „{merkmal}“")
    return probleme


def _gilt(wenn: Bedingung, merkmale: dict[str, Any]) -> bool:
    return all(merkmale[m] in werte for m, werte in wenn.items())


def _luecke(abschnitt: Abschnitt, rechtsformen: list[str]) -> dict[str, Any] | None:
    """A combination of the features tested by the variants that no variant matches, or None."""
    merkmale = sorted({m for v in abschnitt.varianten for m in v.wenn})
    bereiche = [tuple(rechtsformen) if m == "rechtsform" else ALLE_MERKMALE[m] for m in merkmale]
    for werte in itertools.product(*bereiche):
        fall = dict(zip(merkmale, werte, strict=True))
        if not any(_gilt(v.wenn, fall) for v in abschnitt.varianten):
            return fall
    return None


def _pruefe(bib: Klauselbibliothek) -> list[str]:
    probleme: list[str] = []
    ids = [a.id for a in bib.abschnitte]
    if len(set(ids)) != len(ids):
        probleme.append("Abschnittskennungen sind doppelt vergeben")
    formen_je_abschnitt: dict[str, list[str]] = {}
    for name, dokument in bib.dokumente.items():
        for form in dokument.rechtsformen:
            if form not in bib.rechtsformen:
                probleme.append(f"dokumente.{name}: Rechtsform „{form}“ ist nicht unter rechtsformen genannt")
        for kennung in dokument.abschnitte:
            if kennung not in ids:
                probleme.append(f"dokumente.{name}: Abschnitt „{kennung}“ gibt es nicht")
            formen_je_abschnitt.setdefault(kennung, []).extend(dokument.rechtsformen)
    for form in bib.rechtsformen:
        if form not in bib.rollen:
            probleme.append(f"rollen: keine Rollenbezeichnung für „{form}“")
    for abschnitt in bib.abschnitte:
        for variante in abschnitt.varianten:
            wo = f"abschnitte.{abschnitt.id}.{variante.id}"
            probleme += _pruefe_bedingung(wo, variante.wenn, ALLE_MERKMALE)
            for absatz in variante.je_leistung:
                probleme += _pruefe_bedingung(wo, absatz.wenn, ALLE_MERKMALE)
            for absatz in variante.absaetze:
                # common paragraphs are shown once per variant: only case-wide features decide them
                probleme += _pruefe_bedingung(wo + " (absaetze)", absatz.wenn, FALL_MERKMALE)
        if not probleme:
            luecke = _luecke(abschnitt, formen_je_abschnitt.get(abschnitt.id, bib.rechtsformen))
            if luecke is not None:
                probleme.append(f"abschnitte.{abschnitt.id}: keine Variante passt zu {luecke}")
    for name, anlage in bib.anlagen.items():
        probleme += _pruefe_bedingung(f"anlagen.{name}", anlage.wenn, FALL_MERKMALE)
    for wo, text in bib.texte():
        for variable in template_variables(text):
            if variable.startswith("norm_") and variable[5:] not in bib.normen:
                probleme.append(f"{wo}: die Norm „{variable[5:]}“ ist nicht unter normen aufgeführt")
    return probleme


def template_variables(text: str) -> list[str]:
    """The ``{name}`` variables a template text uses."""
    return _VARIABLE.findall(text)


def fill_template(text: str, werte: dict[str, str]) -> str:
    """Replace every ``{name}`` by its value (``{gross_name}``: capitalised); an unknown name is a
    defect of the library (KeyError)."""

    def wert(m: re.Match[str]) -> str:
        name = m.group(1)
        if name.startswith(GROSS) and name not in werte:
            text = werte[name[len(GROSS) :]]
            return text[:1].upper() + text[1:]
        return werte[name]

    return _VARIABLE.sub(wert, text)


def parse_clause_library(text: str, quelle: str = "<klauseln>") -> Klauselbibliothek:
    """Parse and validate a clause library from YAML text; errors name the file."""
    try:
        return Klauselbibliothek.model_validate(load_strict(text))
    except ValidationError as e:
        zeilen = [f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in e.errors()]
        raise ValueError(f"Klauselbibliothek {quelle} ist fehlerhaft: " + "; ".join(zeilen)) from None


@functools.cache
def load_clause_library(land: str) -> Klauselbibliothek:
    """The clause library of a Land (cached), or ``KeyError`` when none exists for it."""
    pfad = KLAUSELN_DIR / f"{land.lower()}.yaml"
    if not pfad.is_file():
        raise KeyError(land)
    return parse_clause_library(pfad.read_text(encoding="utf-8"), pfad.name)


def available_lands() -> list[str]:
    """Länder for which a clause library exists (e.g. ["NW"])."""
    return sorted(p.stem.upper() for p in KLAUSELN_DIR.glob("*.yaml"))
