"""Errors that reach the user. Each says where (file, line, field), what is
wrong and, where it helps, what to do; the CLI prints them as they are."""
from __future__ import annotations


class KGError(Exception):
    """Base of every error the CLI reports without a traceback."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n  hint: {self.hint}"


class SourceError(KGError):
    """A problem in an input file: ``path:line: field: message``."""

    def __init__(self, path: str, message: str, line: int | None = None,
                 field: str | None = None, hint: str | None = None):
        self.path, self.line, self.field = str(path), line, field
        where = self.path + (f":{line}" if line is not None else "")
        what = f"{field}: {message}" if field else message
        super().__init__(f"{where}: {what}", hint)


class StoreError(KGError):
    """The store cannot be opened, is busy, or refused a change."""


class QueryError(KGError):
    """A SPARQL query is malformed, timed out, or was given bad parameters."""


class SourceErrors(KGError):
    """Every problem found in one input, each a SourceError, reported together
    so that a file can be fixed in one pass."""

    def __init__(self, errors: list[SourceError]):
        self.errors = errors
        count = f"{len(errors)} problem{'s' if len(errors) != 1 else ''}"
        super().__init__(f"{count} in {errors[0].path}:\n" + "\n".join(f"  {e}" for e in errors),
                         hint="fix them and load again; nothing was written")
