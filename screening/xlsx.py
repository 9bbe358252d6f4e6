"""Deterministic XLSX bytes: the same workbook gives the same bytes (no clock in the file).

openpyxl stamps the save time into docProps/core.xml and every ZIP entry; both are replaced by a
fixed moment so that exports and the template are reproducible.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

FIXED_ZIP_TIME = (2027, 1, 1, 0, 0, 0)
_W3CDTF = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def stable_xlsx_bytes(mappe: Any) -> bytes:
    """Save an openpyxl workbook to bytes with fixed timestamps."""
    roh = io.BytesIO()
    mappe.save(roh)
    ziel = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(roh.getvalue())) as quelle, zipfile.ZipFile(ziel, "w", zipfile.ZIP_DEFLATED) as aus:
        for info in quelle.infolist():
            daten = quelle.read(info.filename)
            if info.filename == "docProps/core.xml":
                daten = _W3CDTF.sub(rb"\g<1>2027-01-01T00:00:00Z\g<3>", daten)
            eintrag = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            eintrag.compress_type = zipfile.ZIP_DEFLATED
            eintrag.external_attr = 0o600 << 16
            aus.writestr(eintrag, daten)
    return ziel.getvalue()
