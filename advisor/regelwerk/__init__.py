"""The § 2b UStG rule set: file format, strict loader, condition language, JSON views."""

from __future__ import annotations

from typing import Any

from advisor.regelwerk.modell import Regelwerk


def _iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None


def regelwerk_als_dict(rw: Regelwerk) -> dict[str, Any]:
    """Version, hash, rules (norm, validity, sources) and dated parameters, for the API and CLI."""
    return {
        "version": rw.version,
        "titel": rw.titel,
        "sha256": rw.sha256,
        "zuletzt_geprueft": rw.zuletzt_geprueft.isoformat(),
        "ketten": {k: [list(rang) for rang in v] for k, v in rw.ketten.items()},
        "regeln": [
            {
                "id": r.id,
                "norm": r.norm,
                "titel": r.titel,
                "paraphrase": r.paraphrase,
                "folge": r.folge,
                "risiko": r.risiko,
                "quellen": list(r.quellen),
                "gilt_ab": _iso(r.gilt_ab),
                "gilt_bis": _iso(r.gilt_bis),
                "zuletzt_geprueft": _iso(r.zuletzt_geprueft),
                "datei": r.datei,
            }
            for r in rw.regeln
        ],
        "parameter": [
            {
                "id": p.id,
                "norm": p.norm,
                "titel": p.titel,
                "einheit": p.einheit,
                "annahme": p.annahme,
                "hinweis": p.hinweis,
                "quellen": list(p.quellen),
                "zuletzt_geprueft": _iso(p.zuletzt_geprueft),
                "werte": [
                    {
                        "wert": _iso(w.wert) if hasattr(w.wert, "isoformat") else format(w.wert, "f"),
                        "gilt_ab": _iso(w.gilt_ab),
                        "gilt_bis": _iso(w.gilt_bis),
                    }
                    for w in p.werte
                ],
            }
            for p in rw.parameter.values()
        ],
    }


def katalog_als_dict(rw: Regelwerk) -> dict[str, Any]:
    """The Aufgabenfeld catalogue with each field's defaults and their sources."""
    return {
        "grundvorgaben": dict(rw.grundvorgaben),
        "aufgabenfelder": [
            {
                "id": f.id,
                "bezeichnung": f.bezeichnung,
                "hinweis": f.hinweis,
                "vorgaben": {k: {"wert": v.wert, "quelle": v.quelle} for k, v in f.vorgaben.items()},
            }
            for f in rw.katalog.values()
        ],
    }
