"""``ikz``: assess, calculate, settle, draft, screen, serve, rules.

Each command lives in its own module with ``register(subparsers)``; this module only wires them.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = ("assess", "rules", "calculate", "settle", "draft", "screen", "serve")


class _GermanParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: Aufruf fehlerhaft: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _GermanParser(
        prog="ikz",
        description="IKZ-Berater: § 2b UStG, Kostenerstattung und Vereinbarungsentwurf für "
        "interkommunale Zusammenarbeit.",
    )
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL", parser_class=_GermanParser)
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(f"cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    raise SystemExit(main())
