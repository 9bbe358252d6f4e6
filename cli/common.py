"""Shared plumbing of the CLI commands: reading files, printing errors, exit codes.

Exit codes: 0 success, 2 invalid input or rule set (a German message names the field), 1 an
unexpected internal error (a short German message; the traceback only with IKZ_DEBUG=1).
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path

from advisor.eingabe import lies_datum
from advisor.errors import Feldproblem, IkzFehler, UngueltigeEingabe

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_INVALID = 2


def read_text(path: str | Path, *, what: str = "Datei") -> str:
    """Read a UTF-8 text file, or raise ``UngueltigeEingabe`` with a German sentence."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise UngueltigeEingabe([Feldproblem("", f"{what} „{p}“ nicht gefunden.")], f"{what} nicht lesbar.") from None
    except IsADirectoryError:
        raise UngueltigeEingabe(
            [Feldproblem("", f"„{p}“ ist ein Verzeichnis, keine Datei.")], f"{what} nicht lesbar."
        ) from None
    except OSError as e:
        raise UngueltigeEingabe(
            [Feldproblem("", f"„{p}“ ist nicht lesbar ({e.strerror}).")], f"{what} nicht lesbar."
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UngueltigeEingabe(
            [Feldproblem("", f"„{p}“ ist keine UTF-8-Textdatei.")], f"{what} nicht lesbar."
        ) from None


def parse_date_option(text: str | None, option: str) -> date | None:
    """A date given on the command line (``--stichtag 2027-01-01`` or ``01.01.2027``; the command
    line's channel of ``advisor.eingabe``), or a German error naming the option; ``None`` when the
    option was not given."""
    if text is None:
        return None
    try:
        return lies_datum(text)
    except ValueError as e:
        raise UngueltigeEingabe([Feldproblem(option, str(e))], "Aufruf fehlerhaft.") from None


def write_bytes_atomically(path: str | Path, data: bytes) -> None:
    """Write a file so that a reader never sees half of it (temp file + rename)."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, target)


def run_guarded(action: Callable[[], int]) -> int:
    """Run a command; turn the advisor's errors into German messages and exit codes."""
    try:
        return action()
    except IkzFehler as e:
        print(str(e), file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception:
        if os.environ.get("IKZ_DEBUG"):
            traceback.print_exc()
        print(
            "Interner Fehler im IKZ-Berater. Bitte melden Sie den Fall mit der Eingabedatei; "
            "IKZ_DEBUG=1 zeigt Einzelheiten.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
