"""The budget lines as German text for the terminal (``ikz haushalt``)."""

from __future__ import annotations

from advisor.deutsch import euro
from advisor.haushalt.planung import Haushaltsplan

_STATUS = {
    "nicht_steuerbar": "nicht steuerbar",
    "steuerpflichtig": "steuerpflichtig",
    "steuerfrei": "steuerfrei",
    "offen": "offen – mit USt geplant",
}


def render_text(plan: Haushaltsplan) -> str:
    """Years, services and each partner's line; then the assumptions and what is not planned."""
    zeilen = [f"Haushaltsansätze {plan.von}–{plan.bis}: {plan.bezeichnung}", ""]
    for j in plan.jahre:
        zeilen.append(f"{j.jahr} · {j.leistung} · {_STATUS.get(j.umsatzsteuer_status, j.umsatzsteuer_status)}")
        for z in j.zeilen:
            art = "Ertrag " if z.art == "ertrag" else "Aufwand"
            zeilen.append(
                f"  {art} {z.name:<32} netto {euro(z.netto):>16}  USt {euro(z.umsatzsteuer):>14}  "
                f"brutto {euro(z.brutto):>16}"
            )
        zeilen.extend(f"  Hinweis: {h}" for h in j.hinweise)
    zeilen += ["", "Annahmen der Fortschreibung:"]
    zeilen.extend(f"  - {s.text()}" for s in plan.annahmen) if plan.annahmen else zeilen.append("  keine")
    if plan.nicht_geplant:
        zeilen += ["", "Nicht geplant:"]
        zeilen.extend(f"  - {n.jahr} {n.leistung}: {n.grund}" for n in plan.nicht_geplant)
    zeilen.extend(f"Hinweis: {h}" for h in plan.hinweise)
    return "\n".join(zeilen) + "\n"
