"""The screening as JSON (``ikz-screening/1``), written piece by piece.

The bytes are exactly those of ``canonical_json_bytes(screening_als_dict(screening))`` (sorted
keys, compact, UTF-8; tested), but rows and problems are rendered one at a time from the
screening's stores, so a 100,000-row answer never exists as one object or one string.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson

from advisor.screening.als_dict import (
    FORMAT_SCREENING,
    problem_als_dict,
    raenge,
    zeile_als_dict,
    zusammenfassung_als_dict,
)
from advisor.screening.durchlauf import Screening

_OPTIONEN = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS
STUECK_BYTES = 65_536


def _json(daten: Any) -> bytes:
    return orjson.dumps(daten, option=_OPTIONEN)


def _liste(teile: Iterator[bytes]) -> Iterator[bytes]:
    puffer: list[bytes] = []
    groesse = 0
    for n, teil in enumerate(teile):
        if n:
            puffer.append(b",")
        puffer.append(teil)
        groesse += len(teil)
        if groesse >= STUECK_BYTES:
            yield b"".join(puffer)
            puffer, groesse = [], 0
    yield b"".join(puffer)


def iter_screening_json(screening: Screening) -> Iterator[bytes]:
    """The screening's JSON in pieces of about 64 KB (keys in sorted order, as the whole document)."""
    rang = raenge(screening)
    yield b'{"format":' + _json(FORMAT_SCREENING) + b',"probleme":['
    yield from _liste(_json(problem_als_dict(p)) for p in screening.probleme)
    regelwerk = {"version": screening.regelwerk_version, "sha256": screening.regelwerk_sha256}
    yield b'],"regelwerk":' + _json(regelwerk) + b',"stichtag":' + _json(screening.stichtag) + b',"zeilen":['
    yield from _liste(_json(zeile_als_dict(z, rang.get(i))) for i, z in enumerate(screening.zeilen))
    yield b'],"zusammenfassung":' + _json(zusammenfassung_als_dict(screening.zusammenfassung, screening.zeilen)) + b"}"
