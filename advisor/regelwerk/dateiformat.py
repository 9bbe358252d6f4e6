"""The shape of the rule files in rules/, as strict pydantic models (unknown fields are errors).

One YAML file per legal source holds its ``quelle``, dated ``parameter``, ``regeln`` and
``risiken``; ``regelwerk.yaml`` holds the version and the decision chains (precedence as data);
``fakten.yaml`` the question for every fact; ``katalog/aufgabenfelder.yaml`` the catalogue;
``empfehlungen.yaml`` the levers the advice tries. Dates are ISO dates; ``gilt_ab`` is inclusive,
``gilt_bis`` exclusive, everywhere.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

Text = Annotated[str, Field(min_length=1)]
Kennung = Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
#: ``steuerbar``: the body acts as an entrepreneur for this supply — whether VAT is due is then
#: decided by the exemption chain (``steuerfrei`` or ``steuerpflichtig``), never by that rule itself.
Folge = Literal["nicht_steuerbar", "steuerbar", "steuerpflichtig", "steuerfrei", "altes_recht", "ustg_2b"]
Risiko = Literal["gering", "mittel", "hoch"]


class _Streng(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Gueltigkeit(_Streng):
    gilt_ab: date
    gilt_bis: date | None = None


class Quelle(_Streng):
    """The legal source a file encodes."""

    titel: Text
    fundstelle: Text | None = None
    hinweis: Text | None = None


class Parameterwert(Gueltigkeit):
    wert: Decimal | date


class Parameter(_Streng):
    id: Kennung
    norm: Text
    titel: Text
    einheit: Literal["EUR", "Prozent", "Jahre", "Datum"]
    werte: Annotated[list[Parameterwert], Field(min_length=1)]
    quellen: Annotated[list[Text], Field(min_length=1)]
    zuletzt_geprueft: date
    annahme: StrictBool = False
    hinweis: Text | None = None


class Begruendung(_Streng):
    """The German reasoning shown for each status; ``{fakt}`` and ``{parameter}`` placeholders."""

    erfuellt: Text
    nicht_erfuellt: Text
    offen: Text
    nicht_anwendbar: Text | None = None


class Regel(Gueltigkeit):
    id: Kennung
    norm: Text
    titel: Text
    paraphrase: Text
    quellen: Annotated[list[Text], Field(min_length=1)]
    zuletzt_geprueft: date
    anwendbar_wenn: Any = None
    bedingung: Any
    folge: Folge | None = None
    risiko: Risiko = "gering"
    risikohinweis: Text | None = None
    begruendung: Begruendung


class Risikoregel(_Streng):
    """Raises the risk of a result that relies on one of ``bei_regeln`` when ``bedingung`` holds."""

    id: Kennung
    titel: Text
    bei_regeln: Annotated[list[Kennung], Field(min_length=1)]
    bedingung: Any
    risiko: Literal["mittel", "hoch"]
    hinweis: Text
    quellen: list[Text] = []


class Quelldatei(_Streng):
    """A file of rules/ustg/: one legal source."""

    quelle: Quelle
    parameter: list[Parameter] = []
    regeln: list[Regel] = []
    risiken: list[Risikoregel] = []


class Kopfdatei(_Streng):
    """rules/regelwerk.yaml."""

    version: Text
    titel: Text
    zuletzt_geprueft: date
    ketten: dict[Kennung, Annotated[list[Kennung | list[Kennung]], Field(min_length=1)]]


class Faktfrage(_Streng):
    frage: Text
    feld: Text
    beschreibung: Text | None = None


class Faktdatei(_Streng):
    fakten: dict[Kennung, Faktfrage]


class Vorgabe(_Streng):
    wert: Any
    quelle: Text


class Aufgabenfeld(_Streng):
    id: Kennung
    bezeichnung: Text
    vorgaben: dict[Kennung, Vorgabe] = {}
    hinweis: Text | None = None


class Katalogdatei(_Streng):
    grundvorgaben: dict[Kennung, Vorgabe]
    aufgabenfelder: Annotated[list[Aufgabenfeld], Field(min_length=1)]


class Hebel(_Streng):
    """A lever the advice tries: a change to the case, re-assessed.

    ``voraussetzungen`` are yes/no facts the lever needs but must not set, because they are facts
    about motives, history or how others act (e.g. whether the discharge was decisive): a case where
    one is ``false`` does not get the lever; where one is unknown, the lever is re-assessed as if it
    held and offered with that question as its stated condition.
    """

    id: Kennung
    massnahme: Text
    aenderung: Annotated[dict[str, Any], Field(min_length=1)]
    nur_wenn: Any = None
    voraussetzungen: list[Kennung] = []
    quellen: list[Text] = []


class Empfehlungsdatei(_Streng):
    hebel: Annotated[list[Hebel], Field(min_length=1)]
    max_kombination: Annotated[int, Field(ge=1, le=3)] = 2
