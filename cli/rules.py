"""`ikz rules` — PLACEHOLDER until its issue lands; replaced by the real command module."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help="(noch nicht verfügbar)")
    p.set_defaults(handler=_handler)


def _handler(args: argparse.Namespace) -> int:
    print("ikz rules ist noch nicht verfügbar.", file=sys.stderr)
    return 1
