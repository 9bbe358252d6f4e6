"""The impact report as German text (``ikz auswirkungen``)."""

from __future__ import annotations

from advisor.auswirkungen.changelog import Aenderungseintrag
from advisor.auswirkungen.vergleich import Fallauswirkung


def render_text(
    von: str, nach: str, faelle: list[tuple[str, str, Fallauswirkung]], abschnitte: list[Aenderungseintrag]
) -> str:
    """Per case: unchanged, or each changed service with before/after, rules and changelog words."""
    geaendert = sum(1 for _, _, a in faelle if a.geaendert)
    zeilen = [f"Auswirkungen der Regeländerung {von} → {nach}: {geaendert} von {len(faelle)} Fällen ändern sich.", ""]
    for datei, bezeichnung, a in faelle:
        if not a.geaendert:
            regeln = sorted({r.regel for lc in a.leistungen for r in lc.regeln})
            zusatz = (
                f"; {len(regeln)} Regeln mit anderer Prüfung oder Folge ohne Wirkung auf Ergebnis, Risiko, Fragen"
                if regeln
                else ""
            )
            zeilen.append(f"= {bezeichnung} ({datei}): unverändert ({a.ergebnis[1]}{zusatz})")
            continue
        zeilen.append(f"* {bezeichnung} ({datei}): {a.ergebnis[0]} → {a.ergebnis[1]}")
        for lc in a.leistungen:
            if not lc.geaendert:
                continue
            zeilen.append(f"  Leistung „{lc.bezeichnung}“")
            zeilen.append(f"    Ergebnis: {lc.ergebnis[0]} → {lc.ergebnis[1]}; Risiko: {lc.risiko[0]} → {lc.risiko[1]}")
            zeilen.append(f"    Entscheidende Regel: {lc.entscheidende_regel[0]} → {lc.entscheidende_regel[1]}")
            zeilen.extend(f"    Neue Frage: {f}" for f in lc.fragen_neu)
            zeilen.extend(f"    Entfallene Frage: {f}" for f in lc.fragen_entfallen)
            for r in lc.regeln:
                quellen = "; ".join(r.quellen[:2])
                zeilen.append(f"    Regel {r.regel} ({r.norm}): {r.status_vorher or '—'} → {r.status_nachher or '—'}")
                if quellen:
                    zeilen.append(f"      Quelle: {quellen}")
                for version, text in r.aenderungsvermerke:
                    zeilen.append(f"      Änderungsvermerk {version}: {text}")
        zeilen.append("")
    zeilen.append("Änderungsprotokoll des Regelwerks (rules/CHANGELOG.md):")
    for e in abschnitte:
        zeilen.append(f"## {e.version} – {e.titel}")
        zeilen.append(e.text)
    return "\n".join(zeilen) + "\n"
