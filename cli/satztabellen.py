"""``--satztabelle DATEI`` for the commands that calculate: a municipality's own rate tables.

The own tables (the format of rules/tarife/, ``art: kgst_vollkostensatz``, e.g. the current KGSt
report the municipality holds) are added to the shipped ones for this run; a case names one by
its id as ``kosten.satzgrundlage``. An id that is already taken is an error, never a silent
replacement.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from advisor.errors import UngueltigeEingabe
from cli.common import read_text

if TYPE_CHECKING:
    from advisor.kosten import Satztabellen


def add_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--satztabelle",
        metavar="DATEI",
        action="append",
        default=[],
        help="eigene Satztabelle (YAML/JSON im Format von rules/tarife/, art: kgst_vollkostensatz), "
        "zusätzlich zu den mitgelieferten; mehrfach möglich",
    )


def satztabellen(args: argparse.Namespace) -> Satztabellen:
    """The shipped rate tables plus the ones given with ``--satztabelle``."""
    import rules_loader
    from advisor.kosten.satztabellen import parse_eigene_satztabelle

    eigene = []
    for datei in args.satztabelle:
        try:
            eigene.append(parse_eigene_satztabelle(read_text(datei, what="Satztabelle")))
        except UngueltigeEingabe as e:
            raise UngueltigeEingabe(e.probleme, f"Die Satztabelle „{datei}“ ist ungültig.") from None
    return rules_loader.load_rate_tables().mit_eigenen(eigene)
