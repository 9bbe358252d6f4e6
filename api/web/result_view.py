"""What the result pages show, prepared from the advisor's own JSON shapes.

The pages read the Bewertung and the Kalkulation as the advisor produced them
(``bewertung_als_dict``, ``kalkulation_als_dict``: money as decimal strings). Nothing here
computes a tax or a share; it only joins the two per service, names the partners, places the open
questions at their form fields, and scales the comparison bars.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass
class Balken:
    """One bar of the comparison chart: a label, the amount (decimal string) and its width in %."""

    label: str
    betrag: str
    breite: str
    art: str


@dataclass
class Vergleich:
    """Doing it alone versus cooperating, for one recipient of one service."""

    beteiligter: str
    name: str
    balken: list[Balken] = field(default_factory=list)
    ersparnis_nicht_steuerbar: str | None = None
    ersparnis_steuerpflichtig: str | None = None


def partner_names(fallakte: dict[str, Any]) -> dict[str, str]:
    """{partner id: name} of a Fallakte dict."""
    return {str(b.get("id")): str(b.get("name") or b.get("id")) for b in fallakte.get("beteiligte", [])}


def leistungen_view(
    fallakte: dict[str, Any], bewertung: dict[str, Any] | None, kalkulation: dict[str, Any] | None
) -> list[dict[str, Any]]:
    """One entry per service, in the case's order: its Fallakte data, its assessment (or None),
    its calculation (or None) and the comparison bars."""
    bewertungen = {b.get("leistung"): b for b in (bewertung or {}).get("leistungen", [])}
    kalkulationen = {k.get("leistung"): k for k in (kalkulation or {}).get("leistungen", [])}
    names = partner_names(fallakte)
    result = []
    for leistung in fallakte.get("leistungen", []):
        lid = leistung.get("id")
        kalk = kalkulationen.get(lid)
        result.append(
            {
                "fallakte": leistung,
                "bewertung": bewertungen.get(lid),
                "kalkulation": kalk,
                "vergleich": vergleich(kalk, names) if kalk else [],
                "erbringer_name": names.get(str(leistung.get("erbringer")), leistung.get("erbringer")),
            }
        )
    return result


def _amount(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def vergleich(kalkulation: dict[str, Any], names: dict[str, str]) -> list[Vergleich]:
    """Bars per recipient that states its own cost (``eigenerstellung``): own cost, and the cost
    with the cooperation without and with VAT — i.e. own cost minus the advisor's saving.

    Widths are relative to the largest bar of the same recipient, so every chart starts at zero.
    """
    rows: list[Vergleich] = []
    for anteil in kalkulation.get("anteile", []):
        eigen = _amount(anteil.get("eigenerstellung"))
        if eigen is None:
            continue
        pid = str(anteil.get("beteiligter"))
        v = Vergleich(
            beteiligter=pid,
            name=names.get(pid, pid),
            ersparnis_nicht_steuerbar=anteil.get("ersparnis_nicht_steuerbar"),
            ersparnis_steuerpflichtig=anteil.get("ersparnis_steuerpflichtig"),
        )
        werte: list[tuple[str, Decimal, str]] = [("Eigenerstellung", eigen, "eigen")]
        for key, label, art in (
            ("ersparnis_nicht_steuerbar", "Kooperation, nicht steuerbar", "ohne"),
            ("ersparnis_steuerpflichtig", "Kooperation, steuerpflichtig (mit USt)", "mit"),
        ):
            saving = _amount(anteil.get(key))
            if saving is not None:
                werte.append((label, eigen - saving, art))
        top = max((w for _, w, _ in werte), default=Decimal(0))
        for label, wert, art in werte:
            breite = Decimal(0) if top <= 0 or wert <= 0 else (wert * 100 / top)
            v.balken.append(Balken(label, format(wert, "f"), format(breite.quantize(Decimal("0.1")), "f"), art))
        rows.append(v)
    return rows


def fragen_by_field(bewertung: dict[str, Any] | None, fallakte: dict[str, Any]) -> dict[str, list[str]]:
    """{form field name: [question, …]} for the open questions of every service.

    A question names a fact; it is placed at the service's field of that fact
    ("leistungen[0].private_anbieter_am_markt"). Questions about a fact that has no field of its
    own stay in the result panel only.
    """
    index = {leistung.get("id"): j for j, leistung in enumerate(fallakte.get("leistungen", []))}
    fragen: dict[str, list[str]] = {}
    for lb in (bewertung or {}).get("leistungen", []):
        j = index.get(lb.get("leistung"))
        if j is None:
            continue
        for frage in lb.get("offene_fragen", []):
            name = field_for_fact(str(frage.get("feld") or frage.get("fakt") or ""), j)
            if name:
                fragen.setdefault(name, []).append(str(frage.get("frage", "")))
    return fragen


def field_for_fact(feld: str, leistung_index: int) -> str | None:
    """The form field of a fact of service ``leistung_index``.

    ``feld`` is the Fallakte path the assessment gives for the fact: relative to the service
    ("private_anbieter_am_markt", "kosten.gewinnaufschlag_prozent"), relative to the case
    ("rechtsform", "stichtag"), or already absolute ("leistungen[0].laufzeit.ende").
    """
    if not feld:
        return None
    if feld.startswith("leistungen["):
        return feld
    if feld.startswith("leistung."):
        feld = feld.removeprefix("leistung.")
    if feld in {"rechtsform", "stichtag", "bundesland", "bezeichnung", "ziele"} or feld.startswith("beteiligte"):
        return feld
    return f"leistungen[{leistung_index}].{feld}"
