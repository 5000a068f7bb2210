"""Errors with stable codes: each names the file, the reason and, where there is one, the fix."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of the `chidao` command."""

    OK = 0
    SOME_FAILED = 1  # at least one input failed; the others were processed
    USAGE = 2  # bad arguments or configuration
    ALL_FAILED = 3  # nothing could be processed
    BELOW_THRESHOLD = 4  # `evaluate --check` scored under the required figures
    STORE = 5  # the database could not be opened or migrated


class ChidaoError(Exception):
    """Base error: `code` is stable (E1xx input, E2xx reading, E3xx extraction, E4xx store)."""

    code = "E000"

    def __init__(self, path: str | None, reason: str, fix: str | None = None) -> None:
        self.path = path
        self.reason = reason
        self.fix = fix
        super().__init__(self.message)

    def __reduce__(self) -> tuple[type[ChidaoError], tuple[str | None, str, str | None]]:
        # Errors cross process boundaries (Dask workers, the PDF reader's pool): rebuild from our fields.
        return (type(self), (self.path, self.reason, self.fix))

    @property
    def message(self) -> str:
        where = f"{self.path}: " if self.path else ""
        hint = f" ({self.fix})" if self.fix else ""
        return f"{self.code} {where}{self.reason}{hint}"


class InputError(ChidaoError):
    """The file is missing, empty, too large or of an unsupported kind."""

    code = "E101"


class EncodingError(ChidaoError):
    """The bytes are not text in any encoding chidao knows."""

    code = "E102"


class ReadError(ChidaoError):
    """A reader could not get text out of a PDF or DOCX (corrupt, encrypted, bomb...)."""

    code = "E201"


class ExtractionError(ChidaoError):
    """The extractor failed on a document it could read."""

    code = "E301"


class StoreError(ChidaoError):
    """The task store could not be opened, migrated or written."""

    code = "E401"
