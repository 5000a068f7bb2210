"""What every command over a list of files shares: one bad file fails alone, with its reason."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from chidao.errors import ChidaoError, ExitCode
from chidao.records import SourceText


def for_each_source(command: str, paths: Sequence[str | Path], handle: Callable[[Path, SourceText], None]) -> int:
    """Read the files (side by side, see `read_many`) and call `handle` on each one's text in order.

    Each failure, of reading or of `handle`, is reported on stderr; returns the exit code.
    """
    from chidao.readers.many import read_many

    failed = 0
    for path, outcome in read_many(paths):
        try:
            if isinstance(outcome, ChidaoError):
                raise outcome
            handle(path, outcome)
        except ChidaoError as err:
            failed += 1
            print(f"chidao {command}: {err.message}", file=sys.stderr)
        sys.stdout.flush()
    if failed == 0:
        return ExitCode.OK
    return ExitCode.ALL_FAILED if failed == len(paths) else ExitCode.SOME_FAILED


def shared_or_usage(command: str, explicit: Path | None) -> Path | None:
    """Return the shared corpus folder, or None after saying how to pass it."""
    from chidao.corpus import shared_root

    shared = explicit or shared_root()
    if shared is None or not (shared / "corpus").is_dir():
        where = f"{explicit} has no corpus/ folder" if explicit else "the shared corpus (../shared) is not here"
        print(f"chidao {command}: {where}; pass --shared DIR", file=sys.stderr)
        return None
    return shared
