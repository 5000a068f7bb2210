"""The `chidao` command: one sub-command per module in `chidao.commands`.

Sub-command modules are imported only when chosen, so `chidao --help` stays fast and a
heavy dependency (spaCy, Prefect, a web server) loads only for the command that needs it.
Each module defines `configure(parser)` and `run(args) -> int`.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from chidao import __version__
from chidao.errors import ChidaoError, ExitCode

# name -> (module, one-line help). Order is the order `--help` lists them in.
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("chidao.commands.extract", "extract tasks from documents and print them"),
    "read": ("chidao.commands.read", "print the text chidao reads from a document"),
    "evaluate": ("chidao.commands.evaluate", "score extraction against gold files"),
    "ingest": ("chidao.commands.ingest", "ingest a folder of documents into the store (Prefect flow)"),
    "export": ("chidao.commands.export", "export tasks from the store as JSON Lines, CSV or iCalendar"),
    "push": ("chidao.commands.push", "POST new and changed tasks to a tracker's webhook"),
    "status": ("chidao.commands.status", "summarize the store: documents, failures, task status"),
    "task": ("chidao.commands.task", "set a task's status (open/done) from the command line"),
    "review": ("chidao.commands.review", "start the review web page on the store"),
    "train": ("chidao.commands.train", "retrain the task classifier from gold and review events"),
}

EPILOG = """exit codes:
  0  everything succeeded
  1  some inputs failed (each is reported with its reason); the others were processed
  2  usage or configuration error
  3  every input failed
  4  evaluation scored below the required thresholds (evaluate --check)
  5  the task store could not be opened or written
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chidao",
        description="Turn Vietnamese meeting minutes and official documents into tracked tasks.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"chidao {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = _chosen_command(sys.argv[1:])
    for name, (module_name, help_text) in COMMANDS.items():
        sp = sub.add_parser(name, help=help_text, description=help_text, epilog=EPILOG,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
        if name == chosen:
            importlib.import_module(module_name).configure(sp)
    return parser


def _chosen_command(argv: list[str]) -> str | None:
    return next((a for a in argv if a in COMMANDS), None)


def main(argv: list[str] | None = None) -> int:
    if argv is not None:
        sys.argv = [sys.argv[0], *argv]
    parser = build_parser()
    args = parser.parse_args()
    if not args.command:
        parser.print_help()
        return ExitCode.USAGE
    module = importlib.import_module(COMMANDS[args.command][0])
    try:
        return int(module.run(args))
    except ChidaoError as err:
        print(f"chidao {args.command}: {err.message}", file=sys.stderr)
        return ExitCode.SOME_FAILED
    except KeyboardInterrupt:
        print("chidao: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
