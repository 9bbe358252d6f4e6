"""Run every benchmark script and print its figures (``make bench``).

Each script prints its own figures and ratios against a baseline measured in the same run; none
asserts a time. Scripts run in separate processes so that memory figures are their own.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("engine", "kosten", "draft", "screening", "probe", "bulk", "load")


def main() -> int:
    failed = []
    for name in SCRIPTS:
        script = HERE / f"{name}.py"
        print(f"\n=== {name} ({script.relative_to(HERE.parent)}) ===", flush=True)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parent, check=False)
        print(f"--- {name}: {time.perf_counter() - start:.1f} s, exit {result.returncode}", flush=True)
        if result.returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nBenchmarks mit Fehler: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
