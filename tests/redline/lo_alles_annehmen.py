"""Run with Debian's python3 (python3-uno): open a DOCX in headless LibreOffice, accept all
tracked changes, export the text as PDF.  ``python3 lo_alles_annehmen.py IN.docx OUT.pdf``.

Used by the redline tests to check that Word tracked changes mean what we say; LibreOffice is
started on a private pipe and a private profile and stopped again.
"""

import os
import subprocess
import sys
import tempfile
import time
import uuid

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(quelle: str, ziel: str) -> int:
    pipe = "ikz" + uuid.uuid4().hex
    profil = tempfile.mkdtemp(prefix="lo-profil-")
    prozess = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            f"-env:UserInstallation=file://{profil}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        lokal = uno.getComponentContext()
        resolver = lokal.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", lokal)
        kontext = None
        for _ in range(240):
            try:
                kontext = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.25)
        if kontext is None:
            print("LibreOffice antwortet nicht", file=sys.stderr)
            return 3
        smgr = kontext.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", kontext)
        url = uno.systemPathToFileUrl(os.path.abspath(quelle))
        dokument = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),))
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", kontext)
        rahmen = dokument.getCurrentController().getFrame()
        dispatcher.executeDispatch(rahmen, ".uno:AcceptAllTrackedChanges", "", 0, ())
        uebrig = dokument.getRedlines().createEnumeration().hasMoreElements()
        ziel_url = uno.systemPathToFileUrl(os.path.abspath(ziel))
        dokument.storeToURL(ziel_url, (_prop("FilterName", "writer_pdf_Export"),))
        dokument.close(True)
        if uebrig:
            print("Nach „Alle annehmen“ sind noch Änderungen offen", file=sys.stderr)
            return 4
        return 0
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            prozess.wait(timeout=20)
        except subprocess.TimeoutExpired:
            prozess.kill()
        subprocess.run(["rm", "-rf", profil], check=False)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
