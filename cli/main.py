"""``ikz``: assess, calculate, settle, draft, vermerk, auskunft, vorlage, screen, serve, rules, admin, db.

Each command lives in its own module with ``register(subparsers)``; this module only wires them.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Iterable
from typing import Any

_MELDUNGEN = (
    (r"the following arguments are required: ", "es fehlen die Angaben: "),
    (r"unrecognized arguments: ", "unbekannte Angaben: "),
    (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)", r"\1: ungültige Auswahl \2 (möglich: \3)"),
    (r"argument (\S+): expected one argument", r"\1: ein Wert fehlt"),
    (r"argument (\S+): invalid (\w+) value: (.*)", r"\1: ungültiger Wert \3"),
)

COMMAND_MODULES = (
    "assess",
    "rules",
    "calculate",
    "settle",
    "dokumente",
    "screen",
    "serve",
    "admin",
    "db",
    "haushalt",
    "auswirkungen",
)


class _GermanHelp(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        return super().add_usage(usage, actions, groups, prefix="Aufruf: " if prefix is None else prefix)


class _GermanParser(argparse.ArgumentParser):
    """argparse with German headings, help and error sentences."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _GermanHelp)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "Argumente"
        self._optionals.title = "Optionen"
        self.add_argument("-h", "--help", action="help", help="diese Hilfe anzeigen und beenden")

    def error(self, message: str) -> None:  # type: ignore[override]
        for muster, ersatz in _MELDUNGEN:
            message = re.sub(muster, ersatz, message)
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
