"""The German error pages of the web form: every HTTP error a person can meet while using the site
(404, 405, 413, 422, 500, 503, …) is an HTML page in the site's frame with a way back.

``api.problems`` decides per request whether an error is answered as problem+json (the API under
/api, or a client that asks for JSON only, like the form's live panel) or with this page.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.responses import HTMLResponse

from advisor.bezeichnungen import ADRESSPARAMETER
from advisor.errors import Feldproblem
from api.web.render import render_page


@dataclass(frozen=True)
class Fehlerart:
    """What a person reads for one HTTP status: the heading and what to do now."""

    titel: str
    erklaerung: str


FEHLERARTEN: dict[int, Fehlerart] = {
    400: Fehlerart(
        "Die Anfrage ist fehlerhaft",
        "Die Seite hat eine Anfrage erhalten, die sie nicht lesen kann. Bitte beginnen Sie den Schritt neu.",
    ),
    404: Fehlerart(
        "Seite nicht gefunden",
        "Unter dieser Adresse gibt es keine Seite. Vielleicht ist der Link veraltet oder die Adresse "
        "nicht vollständig. Gespeicherte Fälle finden Sie unter „Gespeicherte Fälle“.",
    ),
    405: Fehlerart(
        "Diese Seite kann so nicht aufgerufen werden",
        "Die Adresse gehört zu einem Formular und lässt sich nicht direkt öffnen (zum Beispiel über ein "
        "Lesezeichen). Bitte öffnen Sie das Formular neu.",
    ),
    409: Fehlerart("Die Änderung steht im Konflikt mit einer anderen", "Bitte laden Sie die Seite neu."),
    413: Fehlerart(
        "Die Datei oder Eingabe ist zu groß",
        "Bitte wählen Sie eine kleinere Datei oder teilen Sie die Liste auf. Mit der Zurück-Funktion des "
        "Browsers kehren Sie zu Ihren Eingaben zurück.",
    ),
    422: Fehlerart(
        "Die Eingabe kann nicht verarbeitet werden",
        "Bitte prüfen Sie die genannten Angaben. Mit der Zurück-Funktion des Browsers kehren Sie zu Ihren "
        "Eingaben zurück.",
    ),
    500: Fehlerart(
        "Ein interner Fehler ist aufgetreten",
        "Das ist ein Fehler des IKZ-Beraters, nicht Ihrer Eingabe. Ihre Eingabe wurde nicht gespeichert. "
        "Bitte versuchen Sie es erneut; bleibt der Fehler, melden Sie ihn bitte mit der Fehlernummer.",
    ),
    503: Fehlerart(
        "Der Dienst ist vorübergehend nicht erreichbar",
        "Bitte versuchen Sie es in einigen Sekunden erneut. Ihre Eingabe wurde nicht gespeichert; mit der "
        "Zurück-Funktion des Browsers kehren Sie zu ihr zurück.",
    ),
}
ALLGEMEIN = Fehlerart("Das hat nicht geklappt", "Bitte versuchen Sie es erneut oder beginnen Sie auf der Startseite.")


def fehlerart(status: int) -> Fehlerart:
    """The heading and advice for ``status`` (a general one for statuses without their own)."""
    return FEHLERARTEN.get(status, ALLGEMEIN)


def error_page(
    status: int,
    meldung: str,
    *,
    probleme: list[Feldproblem] | None = None,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """The error page for ``status`` with the German ``meldung`` and, for invalid input, the problems
    (each with its field's German name)."""
    from api.web.field_labels import pfad_lesbar

    art = fehlerart(status)
    zeilen = [
        f"{ADRESSPARAMETER.get(p.pfad) or pfad_lesbar(p.pfad)}: {p.meldung}" if p.pfad else p.meldung
        for p in probleme or []
    ]
    response = render_page(
        "fehler.html", status_code=status, aktiv="", status=status, art=art, meldung=meldung, probleme=zeilen
    )
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response
