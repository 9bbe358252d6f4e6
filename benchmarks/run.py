"""Run every benchmark script and print its figures (``make bench``).

Each script prints its own figures and ratios against a baseline measured in the same run; none
asserts a time. Scripts run in separate processes so that memory figures are their own. At the
end, the targets of issue 14 are repeated in one block: the lines naming a target ("Ziel") of
the scripts that measure its points 1 (responsiveness during hostile uploads, probe.py),
6 (bulk API, bulk.py), 7 (100,000-row screening, screening.py) and 8 (mixed load, load.py).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("engine", "kosten", "draft", "pruefung", "screening", "probe", "bulk", "load", "register")
#: script → (point of issue 14, text a target line must contain besides "Ziel", or None)
ISSUE_14 = {
    "probe": ("1  Server bleibt während feindlicher Uploads ansprechbar", None),
    "bulk": ("6  Stapel-API gegen dieselbe Arbeit im Prozess", None),
    "screening": ("7  100.000 Zeilen: Zeit linear, Speicher begrenzt", None),
    "load": ("8  Gemischte Last", "gemischt"),
}


def _run(script: Path) -> tuple[int, list[str]]:
    """Run ``script``, passing its output through; returns its exit code and its lines."""
    lines: list[str] = []
    with subprocess.Popen(
        [sys.executable, str(script)], cwd=HERE.parent, stdout=subprocess.PIPE, text=True, bufsize=1
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            print(line, end="", flush=True)
            lines.append(line.rstrip("\n"))
    return process.returncode, lines


def main() -> int:
    failed = []
    targets: dict[str, list[str]] = {}
    for name in SCRIPTS:
        script = HERE / f"{name}.py"
        print(f"\n=== {name} ({script.relative_to(HERE.parent)}) ===", flush=True)
        start = time.perf_counter()
        code, lines = _run(script)
        print(f"--- {name}: {time.perf_counter() - start:.1f} s, exit {code}", flush=True)
        if code != 0:
            failed.append(name)
        if name in ISSUE_14:
            also = ISSUE_14[name][1]
            targets[name] = [line.strip() for line in lines if "Ziel" in line and (also is None or also in line)]
    print("\n=== Ziele von Issue 14 (Maschine geteilt: Zahlen schwanken, Verhältnisse zählen) ===")
    for name, (punkt, _also) in ISSUE_14.items():
        print(f"Punkt {punkt} ({name}.py):")
        for line in targets.get(name) or ["(keine Zahl: Skript fehlgeschlagen)"]:
            print(f"    {line}")
    if failed:
        print(f"\nBenchmarks mit Fehler: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
