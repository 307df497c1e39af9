"""Reads shared by the sections of one page (issue 14.3): within a `shared_reads()` block a selector that several
sections call (the consents, the documents, the latest assessment, the profile …) reads its table once and the
others get the same rows. Outside such a block every call reads afresh, so a service that writes never sees rows
read before its write; the case page opens the block only after any write of the request, for its reads alone.
"""

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")
_reads: ContextVar[dict | None] = ContextVar("evne_shared_reads", default=None)


@contextmanager
def shared_reads() -> Iterator[None]:
    token = _reads.set({})
    try:
        yield
    finally:
        _reads.reset(token)


def shared(key: Hashable, read: Callable[[], T]) -> T:
    """`read()`, once per `key` (name the rows and whose they are, e.g. ("documents", case.pk)) inside a
    shared_reads block; every time outside one."""
    cache = _reads.get()
    if cache is None:
        return read()
    if key not in cache:
        cache[key] = read()
    return cache[key]


def already_read(key: Hashable) -> Any | None:
    """What a shared read under `key` gave in the current block, or None (not read, or no block)."""
    cache = _reads.get()
    return None if cache is None else cache.get(key)


def case_rows(case_pk: int, model: type) -> list | None:
    """The rows of `model` of the case as the current page read them all at once (casefile.export.read_case_rows,
    foreign keys resolved), or None when this page has not: the caller then queries as usual."""
    loaded = already_read(("case-rows", case_pk))
    return None if loaded is None else list(loaded.rows.get(model, ()))
