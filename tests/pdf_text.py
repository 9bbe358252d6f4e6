"""The text of a PDF as a reader sees it, page by page, for the tests' checks of document content.

PDFium (through pypdfium2) extracts it in C: about seven times faster than pypdf's pure-Python
extraction, and for every document of the six examples the same text once whitespace is folded
(checked when the switch was made). pypdf stays for reading metadata."""

from __future__ import annotations

import pypdfium2 as pdfium

NBSP = "\u00a0"
# PDFium marks a hyphen that ends a line as U+FFFE and drops the line break after it
TRENNSTRICH_AM_ZEILENENDE = "\ufffe"


def pdf_seiten(pdf: bytes) -> list[str]:
    """The text of every page; line breaks as "\\n" (also after a hyphen at a line's end),
    non-breaking spaces as spaces."""
    dokument = pdfium.PdfDocument(pdf)
    try:
        texte = []
        for nummer in range(len(dokument)):
            seite = dokument[nummer]
            textseite = seite.get_textpage()
            try:
                text = textseite.get_text_range().replace("\r\n", "\n").replace(TRENNSTRICH_AM_ZEILENENDE, "-\n")
                texte.append(text.replace(NBSP, " "))
            finally:
                textseite.close()
                seite.close()
        return texte
    finally:
        dokument.close()


def pdf_text(pdf: bytes) -> str:
    """The text of all pages, one after the other."""
    return "\n".join(pdf_seiten(pdf))
