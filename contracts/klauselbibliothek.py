"""The clause library: one YAML file per Land under contracts/klauseln/ (NW is the reference).

A library holds the Land's legal references (``normen``), the placeholder texts for missing facts,
the document types (öffentlich-rechtliche Vereinbarung, Zweckverband statute) with their section
order, and the sections with their variants. Variants and single paragraphs carry conditions
("wenn") over a closed set of case features (``FALL_MERKMALE``, ``LEISTUNG_MERKMALE``); a second
Land is a new data file, not new code.

Loading is strict: unknown fields, unknown features in a condition, a document that names a
section that does not exist, or a section without a variant for every case are errors that name
the file and the section.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from advisor.strict_yaml import load_strict

KLAUSELN_DIR = Path(__file__).resolve().parent / "klauseln"

#: Features of the whole case that conditions may test, with their possible values.
FALL_MERKMALE: dict[str, tuple[Any, ...]] = {
    "rechtsform": ("oerv_delegierend", "oerv_mandatierend", "zweckverband"),
    "personalgestellung": (True, False),
    "gemeinsame_aufgabe": (True, False),
}
#: Features of one service (its assessment, term, cost logic) that conditions may test.
LEISTUNG_MERKMALE: dict[str, tuple[Any, ...]] = {
    "ergebnis": ("nicht_steuerbar", "steuerpflichtig", "steuerfrei", "offen"),
    "risiko": ("gering", "mittel", "hoch"),
    "laufzeit": ("befristet", "unbefristet", "unbekannt"),
    "kuendigungsklausel_pflicht": (True, False),
    "fortfuehrung": (True, False),
    "abrechnung": ("spitzabrechnung", "pauschale_mit_anpassung", "festpreis", "unbekannt"),
    "kosten": (True, False),
    "erbringer_traegt_anteil": (True, False),
    "kalkulatorische_zinsen": (True, False),
    "wagnis_oder_gewinn": (True, False),
}
ALLE_MERKMALE = {**FALL_MERKMALE, **LEISTUNG_MERKMALE}

_VARIABLE = re.compile(r"\{([a-z0-9_]+)\}")

Bedingung = dict[str, list[Any]]


class _Streng(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AbsatzVorlage(_Streng):
    """A paragraph template, shown only when its condition holds."""

    text: str
    wenn: Bedingung = {}


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
    """A section ("§ 5 Kostenerstattung") with its legal anchor and its variants, first match wins."""

    id: str
    titel: str
    anker: str
    nummeriert: bool = True
    varianten: Annotated[list[Variante], Field(min_length=1)]


class Norm(_Streng):
    text: str
    geprueft: bool


class Dokument(_Streng):
    """A document type: its title lines and the order of its sections."""

    art: str
    titel: str
    untertitel: str
    einleitung: str
    abschnitte: list[str]
    unterschriften: str
    genehmigungsvermerk: str


class AnlageVorlage(_Streng):
    titel: str
    wenn: Bedingung = {}
    punkte: list[str] = []


class Klauselbibliothek(_Streng):
    """One Land's clause library (contracts/klauseln/<land>.yaml)."""

    land: str
    land_name: str
    gesetz: str
    stand: str
    quellen: list[str]
    rechtsformen: list[str]
    normen: dict[str, Norm]
    platzhalter: dict[str, str]
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


def _pruefe(bib: Klauselbibliothek) -> list[str]:
    probleme: list[str] = []
    ids = [a.id for a in bib.abschnitte]
    if len(set(ids)) != len(ids):
        probleme.append("Abschnittskennungen sind doppelt vergeben")
    for name, dokument in bib.dokumente.items():
        for kennung in dokument.abschnitte:
            if kennung not in ids:
                probleme.append(f"dokumente.{name}: Abschnitt „{kennung}“ gibt es nicht")
    for abschnitt in bib.abschnitte:
        for variante in abschnitt.varianten:
            wo = f"abschnitte.{abschnitt.id}.{variante.id}"
            probleme += _pruefe_bedingung(wo, variante.wenn, ALLE_MERKMALE)
            for absatz in variante.je_leistung:
                probleme += _pruefe_bedingung(wo, absatz.wenn, ALLE_MERKMALE)
            for absatz in variante.absaetze:
                # common paragraphs are shown once per variant: only case-wide features decide them
                probleme += _pruefe_bedingung(wo + " (absaetze)", absatz.wenn, FALL_MERKMALE)
        if abschnitt.varianten[-1].wenn and not _deckt_alles(abschnitt, bib.rechtsformen):
            probleme.append(
                f"abschnitte.{abschnitt.id}: keine Variante für jeden Fall (letzte Variante ohne „wenn“ fehlt)"
            )
    for name, anlage in bib.anlagen.items():
        probleme += _pruefe_bedingung(f"anlagen.{name}", anlage.wenn, FALL_MERKMALE)
    return probleme


def _deckt_alles(abschnitt: Abschnitt, rechtsformen: list[str]) -> bool:
    """True if the variants' conditions on one single feature cover all of its values."""
    merkmale = {m for v in abschnitt.varianten for m in v.wenn}
    if len(merkmale) != 1:
        return False
    (merkmal,) = merkmale
    gedeckt = {w for v in abschnitt.varianten for w in v.wenn[merkmal]}
    werte = set(rechtsformen) if merkmal == "rechtsform" else set(ALLE_MERKMALE[merkmal])
    return werte <= gedeckt


def template_variables(text: str) -> list[str]:
    """The ``{name}`` variables a template text uses."""
    return _VARIABLE.findall(text)


def fill_template(text: str, werte: dict[str, str]) -> str:
    """Replace every ``{name}`` by its value; an unknown name is a defect of the library (KeyError)."""
    return _VARIABLE.sub(lambda m: werte[m.group(1)], text)


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
