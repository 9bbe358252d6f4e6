"""Choosing JSON, CSV or XLSX by the ``Accept`` header (the register and budget exports)."""

from __future__ import annotations

from api.problems import ApiProblem
from api.register.tabellen_export import XLSX_MEDIA

JSON = "application/json"
CSV = "text/csv"
XLSX = XLSX_MEDIA
ANGEBOTEN = (JSON, CSV, XLSX)


def waehle_medientyp(accept: str | None) -> str:
    """The offered type with the highest quality in ``accept`` (JSON on a tie, without Accept or
    for ``*/*``); none acceptable → 406 problem naming the offered types."""
    if not accept or not accept.strip():
        return JSON
    bereiche: dict[str, float] = {}
    for teil in accept.split(","):
        art, *parameter = (f.strip() for f in teil.split(";"))
        q = 1.0
        for p in parameter:
            name, _, wert = p.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(wert)
                except ValueError:
                    q = 0.0
        bereiche[art.lower()] = q

    def qualitaet(medium: str) -> float:
        haupt = medium.split("/")[0]
        for bereich in (medium, f"{haupt}/*", "*/*"):
            if bereich in bereiche:
                return bereiche[bereich]
        return 0.0

    beste = max(ANGEBOTEN, key=lambda m: (qualitaet(m), -ANGEBOTEN.index(m)))
    if qualitaet(beste) <= 0:
        raise ApiProblem(
            406,
            "format-nicht-verfuegbar",
            "Verfügbar sind application/json, text/csv und "
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (Kopfzeile Accept).",
        )
    return beste
