"""German labels of the web pages: every choice, result and § 2b fact in the users' words.

The tables themselves live in ``advisor.bezeichnungen`` (the one label table of the project);
this module only gives the templates one name to reach them by (``labels.RECHTSFORMEN``, the
``label`` filter). A test checks that every value of the case model's choices has a label.
"""

from __future__ import annotations

from advisor.bezeichnungen import (  # noqa: F401 - re-exported for the templates
    ABSCHLAEGE,
    ABSCHREIBUNGSMETHODEN,
    ANHANG_I,
    ARTEN,
    AUSWAHL_FAKTEN,
    BESTANDTEILSCHLUESSEL,
    BUNDESLAENDER,
    ENTGELTE,
    ERGEBNISSE,
    ERGEBNISSE_KLEIN,
    FAELLIGKEITEN,
    FAKT_LABELS,
    FAKTEN,
    FOLGEN,
    JA_NEIN_FAKTEN,
    KETTEN,
    KOSTENARTEN,
    KTG_FAKTEN,
    LEISTUNGSARTEN,
    NUTZUNGEN,
    RECHTSFORMEN,
    REGIME,
    RISIKEN,
    SCHLUESSEL,
    SONDERFALL_FAKTEN,
    SONDERTAETIGKEITEN_ALTES_RECHT,
    STATUS,
    STEUERSAETZE,
    VARIABLE_SCHLUESSEL,
    VERFAHREN,
    VERMIETUNGSGEGENSTAENDE,
)


def ja_nein(wert: object) -> str:
    """``True`` → "ja", ``False`` → "nein", anything else as German text."""
    if wert is True:
        return "ja"
    if wert is False:
        return "nein"
    if wert is None:
        return "unbekannt"
    return str(wert)
