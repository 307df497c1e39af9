"""Domain errors raised by services and access functions; views and the API turn them into answers."""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied
from django.http import Http404


class DomainError(Exception):
    """A request the law or the data does not allow. `message` is for the caseworker (translated)."""

    status_code = 400

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class StaleVersion(DomainError):
    """The record changed after the user loaded it: their save is refused, nothing is overwritten."""

    status_code = 409

    def __init__(self, message: str, *, changes: Mapping[str, tuple[object, object]] | None = None):
        super().__init__(message)
        self.changes = dict(changes or {})


class AccessDenied(PermissionDenied):
    """The user may not do this with this record (need-to-know). Django answers 403."""


class NotFound(Http404):
    """No such record, or none the user may know exists. Django answers 404."""
