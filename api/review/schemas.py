"""The review's JSON answers (plain dicts, German keys, dates as ISO strings)."""

from __future__ import annotations

from typing import Any

from api.review.kommentare import Kommentar, Thread
from api.review.regeln import FREIGABE_TEXT, ZUSTAND_TEXT
from api.review.store import Pruefstatus


def status_als_dict(st: Pruefstatus) -> dict[str, Any]:
    """The review state as the API shows it."""
    return {
        "fall": st.case_id,
        "zustand": st.zustand.value,
        "zustand_text": ZUSTAND_TEXT[st.zustand],
        "version": st.pruef_version,
        "neueste_version": st.neueste_version,
        "erforderliche_rollen": [r.value for r in st.erforderlich],
        "freigaben": [
            {
                "rolle": f.rolle.value,
                "bezeichnung": FREIGABE_TEXT.get(f.rolle, f.rolle.value),
                "entscheidung": f.entscheidung,
                "version": f.version,
                "akteur": f.akteur,
                "zeit": f.zeit.isoformat(),
                "begruendung": f.begruendung,
            }
            for f in st.freigaben.values()
        ],
        "fehlende_freigaben": [r.value for r in st.fehlend],
        "offene_kommentare": st.offene_kommentare,
        "frist": st.frist.isoformat() if st.frist else None,
        "eingereicht_am": st.eingereicht_am.isoformat() if st.eingereicht_am else None,
        "unterzeichnet_am": st.unterzeichnet_am.isoformat() if st.unterzeichnet_am else None,
        "unterzeichnende": st.unterzeichnende,
        "nachtrag_zu": st.nachtrag_zu,
    }


def _kommentar(k: Kommentar) -> dict[str, Any]:
    result: dict[str, Any] = {
        "id": k.id,
        "akteur": k.akteur,
        "text": k.text,
        "erstellt": k.erstellt.isoformat(),
        "version": k.version,
    }
    if k.status is not None:
        result["status"] = k.status
        result["erledigt_von"] = k.erledigt_von
        result["erledigt_am"] = k.erledigt_am.isoformat() if k.erledigt_am else None
    return result


def thread_als_dict(t: Thread) -> dict[str, Any]:
    """A comment thread: the comment, its clause, whether the clause changed since, the replies."""
    return {
        **_kommentar(t.kommentar),
        "dokument": t.dokument,
        "klausel": t.klausel,
        "klausel_text": t.klausel_text,
        "geaendert_seit": t.geaendert_seit,
        "klausel_entfallen": t.entfallen,
        "antworten": [_kommentar(a) for a in t.antworten],
    }
