"""The PDF report of a screening (reportlab): summary, a chart by Aufgabenfeld, the action list.

Deterministic: ``invariant=1`` and the creation date is the screening's Stichtag, so the same
inventory gives the same bytes. Every text from the inventory is escaped before it reaches
reportlab's markup. Amounts German ("1.234,56 €"), dates "01.01.2027".

Bounded whatever the inventory's size: the summary, the chart (counted in one pass over the
stored rows), the first ``AKTIONSLISTE_ZEILEN`` of the action list and the first
``PROBLEME_ZEILEN`` problems (the exports carry all of them).
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from advisor.deutsch import datum, euro
from advisor.screening.durchlauf import Screening
from advisor.screening.ergebnis import Screeningzeile
from advisor.screening.zusammenfassung import ERGEBNIS_REIHENFOLGE, Gruppensumme
from contracts.pdf_renderer import SANS, SANS_BOLD, register_fonts
from screening.labels import ERGEBNISSE, RECHTSFORMEN, RISIKEN, label, regel

SEITE = landscape(A4)
RAND = 15 * mm
BREITE = SEITE[0] - 2 * RAND
#: How many rows of the action list the report prints (the exports carry all of them).
AKTIONSLISTE_ZEILEN = 60
PROBLEME_ZEILEN = 80
FARBEN = {
    "steuerpflichtig": colors.Color(0.78, 0.22, 0.2),
    "offen": colors.Color(0.93, 0.65, 0.15),
    "steuerfrei": colors.Color(0.35, 0.55, 0.8),
    "nicht_steuerbar": colors.Color(0.3, 0.62, 0.35),
}
GRAU = colors.Color(0.35, 0.35, 0.35)


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    basis = ParagraphStyle("basis", fontName=SANS, fontSize=8.5, leading=11)
    return {
        "titel": ParagraphStyle("titel", parent=basis, fontName=SANS_BOLD, fontSize=17, leading=22, spaceAfter=4),
        "h2": ParagraphStyle(
            "h2", parent=basis, fontName=SANS_BOLD, fontSize=12, leading=16, spaceBefore=8, spaceAfter=4
        ),
        "text": ParagraphStyle("text", parent=basis, spaceAfter=3),
        "klein": ParagraphStyle("klein", parent=basis, fontSize=7, leading=8.8),
        "zelle": ParagraphStyle("zelle", parent=basis, fontSize=7.5, leading=9),
        "kopf": ParagraphStyle("kopf", parent=basis, fontName=SANS_BOLD, fontSize=7.5, leading=9),
    }


def _p(text: str, stil: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), stil)


def _tabelle(daten: list[list[Any]], breiten: Sequence[float], rechtsbuendig_ab: int = 1) -> Table:
    t = Table(daten, colWidths=list(breiten), repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, 7.5),
                ("FONT", (0, 0), (-1, 0), SANS_BOLD, 7.5),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, GRAU),
                ("LINEBELOW", (0, 1), (-1, -1), 0.2, colors.Color(0.8, 0.8, 0.8)),
                ("ALIGN", (rechtsbuendig_ab, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return t


def _gruppentabelle(titel: str, gruppen: dict[str, Gruppensumme], namen: dict[str, str]) -> Table:
    kopf = [titel, "Anzahl", "ohne Betrag", "Jahresbetrag", "Mehrbelastung USt", "potenzielle Mehrbelastung"]
    zeilen = [
        [
            label(namen, k),
            g.anzahl,
            g.anzahl_ohne_betrag,
            euro(g.jahresbetrag_eur),
            euro(g.mehrbelastung_eur),
            euro(g.potenzielle_mehrbelastung_eur),
        ]
        for k, g in gruppen.items()
    ]
    return _tabelle(
        [kopf, *zeilen], [BREITE * 0.3, BREITE * 0.08, BREITE * 0.1, BREITE * 0.17, BREITE * 0.17, BREITE * 0.18]
    )


def ganzzahlige_achse(groesster_wert: int, hoechstens_striche: int = 8) -> tuple[int, int]:
    """(step, maximum) of a count axis: whole-number steps, at most ``hoechstens_striche`` of them,
    the maximum a multiple of the step at or above the largest value (at least 1)."""
    schritt = max(1, -(-groesster_wert // hoechstens_striche))
    return schritt, max(schritt, -(-groesster_wert // schritt) * schritt)


def chart_by_field(screening: Screening, titel: dict[str, str]) -> Drawing:
    """Stacked horizontal bars: per Aufgabenfeld the number of services by result."""
    felder = list(screening.zusammenfassung.nach_aufgabenfeld)
    ergebnisse = [e for e in ERGEBNIS_REIHENFOLGE if e in screening.zusammenfassung.nach_ergebnis]
    zaehler = Counter((z.aufgabenfeld, z.ergebnis) for z in screening.zeilen)  # one pass over the stored rows
    hoehe = max(60, 16 * len(felder)) + 50
    zeichnung = Drawing(BREITE, hoehe)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 170, 30, BREITE - 330, hoehe - 50
    chart.data = [[zaehler.get((f, e), 0) for f in felder] for e in ergebnisse] or [[0]]
    chart.categoryAxis.categoryNames = [titel.get(f, f)[:38] for f in felder] or [""]
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.style = "stacked"
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    # Services are counted: the axis shows whole numbers only (no "0.2, 0.4 …" for small lists).
    schritt, hoechstens = ganzzahlige_achse(max((sum(spalte) for spalte in zip(*chart.data, strict=True)), default=0))
    chart.valueAxis.valueStep, chart.valueAxis.valueMax = schritt, hoechstens
    chart.valueAxis.labelTextFormat = "%d"
    chart.barWidth = 9
    for i, e in enumerate(ergebnisse):
        chart.bars[i].fillColor = FARBEN.get(e, GRAU)
        chart.bars[i].strokeWidth = 0
    zeichnung.add(chart)
    legende = Legend()
    legende.x, legende.y = BREITE - 140, hoehe - 20
    legende.fontName, legende.fontSize = SANS, 7.5
    legende.alignment = "right"
    legende.colorNamePairs = [(FARBEN.get(e, GRAU), label(ERGEBNISSE, e)) for e in ergebnisse]
    zeichnung.add(legende)
    return zeichnung


def _betrag(z: Screeningzeile) -> str:
    if z.mehrbelastung_eur is not None:
        return euro(z.mehrbelastung_eur)
    if z.potenzielle_mehrbelastung_eur is not None:
        return f"({euro(z.potenzielle_mehrbelastung_eur)})"
    return "–"


def _aktionsliste(screening: Screening, s: dict[str, ParagraphStyle]) -> list[Any]:
    liste = screening.zusammenfassung.handlungsliste
    if not liste:
        return [_p("Keine Leistung mit Handlungsbedarf.", s["text"])]
    kopf = [
        "Rang",
        "Fundstelle",
        "Kennung",
        "Leistung / Erbringer",
        "Ergebnis",
        "Risiko",
        "Mehrbelastung p. a.",
        "Offene Fragen / entscheidende Regel",
    ]
    zeilen: list[list[Any]] = [[_p(k, s["kopf"]) for k in kopf]]
    for rang, i in enumerate(liste[:AKTIONSLISTE_ZEILEN], start=1):
        z = screening.zeilen[i]
        fragen = ""
        if z.offene_fragen:
            erste = z.offene_fragen[0].frage
            fragen = (erste if len(erste) <= 110 else erste[:107] + "…") + (
                f" (+{len(z.offene_fragen) - 1} weitere)" if len(z.offene_fragen) > 1 else ""
            )
        zeilen.append(
            [
                str(rang),
                _p(z.ort, s["zelle"]),
                _p(z.kennung, s["zelle"]),
                _p(f"{z.bezeichnung} – {z.erbringer}", s["zelle"]),
                label(ERGEBNISSE, z.ergebnis),
                label(RISIKEN, z.risiko),
                _betrag(z),
                _p(fragen or regel(z.entscheidende_regel), s["klein"]),
            ]
        )
    b = BREITE
    tabelle = _tabelle(
        zeilen, [b * 0.05, b * 0.12, b * 0.07, b * 0.23, b * 0.09, b * 0.06, b * 0.11, b * 0.27], rechtsbuendig_ab=6
    )
    tabelle.setStyle(TableStyle([("ALIGN", (7, 0), (7, -1), "LEFT"), ("ALIGN", (0, 0), (0, -1), "RIGHT")]))
    mehr = len(liste) - AKTIONSLISTE_ZEILEN
    rest = (
        [
            _p(
                f"… und {mehr} weitere Leistungen mit Handlungsbedarf (vollständig in der XLSX-/CSV-Ausgabe, "
                "Blatt „Handlungsliste“).",
                s["text"],
            )
        ]
        if mehr > 0
        else []
    )
    return [tabelle, *rest]


def render_report_pdf(
    screening: Screening, aufgabenfelder: dict[str, str] | None = None, quellen: Sequence[str] = ()
) -> bytes:
    """The report as PDF bytes (landscape A4)."""
    s = _styles()
    titel = dict(aufgabenfelder or {})
    zf = screening.zusammenfassung
    stichtag = date.fromisoformat(screening.stichtag)
    story: list[Any] = [
        _p("Bestandsscreening § 2b UStG", s["titel"]),
        _p(
            f"Stichtag {datum(stichtag)} · Regelwerk {screening.regelwerk_version} "
            f"(SHA-256 {screening.regelwerk_sha256[:12]}…)" + (f" · Bestand: {', '.join(quellen)}" if quellen else ""),
            s["text"],
        ),
        Spacer(1, 3 * mm),
        _p("Überblick", s["h2"]),
    ]
    steuerpflichtig = zf.nach_ergebnis.get("steuerpflichtig")
    offen = zf.nach_ergebnis.get("offen")
    kennzahlen = [
        ["Kennzahl", "Wert"],
        ["Geprüfte Leistungsbeziehungen", str(zf.anzahl_zeilen)],
        ["Nicht lesbare Zeilen oder Dateien (siehe Probleme)", str(zf.anzahl_nicht_lesbar)],
        ["Steuerpflichtig", str(steuerpflichtig.anzahl if steuerpflichtig else 0)],
        [
            "Geschätzte Mehrbelastung durch Umsatzsteuer je Jahr (steuerpflichtige Leistungen)",
            euro(zf.mehrbelastung_gesamt_eur),
        ],
        ["Offen (Angaben fehlen)", str(offen.anzahl if offen else 0)],
        [
            "Mögliche zusätzliche Mehrbelastung, falls die offenen Leistungen steuerpflichtig sind",
            euro(zf.potenzielle_mehrbelastung_offen_eur),
        ],
        ["Leistungen mit Handlungsbedarf", str(len(zf.handlungsliste))],
    ]
    story.append(_tabelle(kennzahlen, [BREITE * 0.7, BREITE * 0.3]))
    story.append(_gruppentabelle("Ergebnis", zf.nach_ergebnis, ERGEBNISSE))
    story.append(Spacer(1, 2 * mm))
    story.append(_gruppentabelle("Risiko", zf.nach_risiko, {}))
    story += [
        _p("Leistungen nach Aufgabenfeld", s["h2"]),
        chart_by_field(screening, titel),
        _gruppentabelle("Aufgabenfeld", zf.nach_aufgabenfeld, titel),
        KeepTogether([_p("Nach Rechtsform", s["h2"]), _gruppentabelle("Rechtsform", zf.nach_rechtsform, RECHTSFORMEN)]),
    ]
    story += [
        _p("Handlungsliste – zuerst bearbeiten", s["h2"]),
        _p(
            "Sortiert nach der Mehrbelastung (bei offenen Leistungen die mögliche Mehrbelastung, in Klammern; "
            "nicht steuerbare und steuerfreie Leistungen haben keine), dann nach dem Risiko. Aufgenommen sind alle steuerpflichtigen und offenen Leistungen "
            "sowie alle mit hohem Risiko.",
            s["text"],
        ),
    ]
    story += _aktionsliste(screening, s)
    if screening.probleme:
        story.append(_p("Probleme beim Einlesen", s["h2"]))
        daten: list[list[Any]] = [["Quelle", "Zeile", "Spalte", "Meldung"]]
        for p in screening.probleme[:PROBLEME_ZEILEN]:
            daten.append(
                [
                    _p(p.quelle, s["zelle"]),
                    "" if p.zeile is None else str(p.zeile),
                    _p(p.spalte or "", s["zelle"]),
                    _p(p.meldung, s["zelle"]),
                ]
            )
        story.append(_tabelle(daten, [BREITE * 0.15, BREITE * 0.06, BREITE * 0.17, BREITE * 0.62], rechtsbuendig_ab=99))
        if len(screening.probleme) > PROBLEME_ZEILEN:
            story.append(
                _p(
                    f"… und {len(screening.probleme) - PROBLEME_ZEILEN} weitere (vollständig im Blatt „Probleme“).",
                    s["text"],
                )
            )
    story += [
        Spacer(1, 4 * mm),
        _p(
            "Hinweis: Das Screening bewertet jede Leistungsbeziehung mit den Angaben der Bestandsliste nach den Regeln "
            "des § 2b UStG; es ersetzt nicht die Prüfung des Einzelfalls. „Offen“ heißt: Es fehlen Angaben, von denen "
            "das Ergebnis abhängt. Die Mehrbelastung ist eine Schätzung aus dem Jahresbetrag (ohne angegebene Vorsteuer "
            "eine Obergrenze). Werte „aus dem Bestand“ (Umsatz gleichartiger Tätigkeiten, Anteil an jPöR) sind aus allen "
            "Zeilen desselben Erbringers im selben Aufgabenfeld ermittelt.",
            s["klein"],
        ),
    ]
    return _build(story, stichtag)


def _build(story: list[Any], stichtag: date) -> bytes:
    datum_pdf = stichtag.strftime("D:%Y%m%d000000+00'00'")

    class _Canvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["invariant"] = 1
            super().__init__(*args, **kwargs)
            self.setDateFormatter(lambda *_: datum_pdf)
            self._seiten: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._seiten.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for nummer, zustand in enumerate(self._seiten, start=1):
                self.__dict__.update(zustand)
                self.saveState()
                self.setFont(SANS, 7)
                self.setFillColor(GRAU)
                self.drawString(RAND, 8 * mm, f"Bestandsscreening § 2b UStG – Stichtag {datum(stichtag)}")
                self.drawRightString(SEITE[0] - RAND, 8 * mm, f"Seite {nummer} von {len(self._seiten)}")
                self.restoreState()
                super().showPage()
            super().save()

    aus = io.BytesIO()
    doc = SimpleDocTemplate(
        aus,
        pagesize=SEITE,
        leftMargin=RAND,
        rightMargin=RAND,
        topMargin=RAND,
        bottomMargin=14 * mm,
        title="Bestandsscreening § 2b UStG",
        author="IKZ-Berater",
        subject=f"Stichtag {datum(stichtag)}",
        creator="IKZ-Berater",
    )
    doc.build(story, canvasmaker=_Canvas)
    return aus.getvalue()
