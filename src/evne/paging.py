"""One page of a list: at most PAGE_SIZE rows, and whether another page follows (no COUNT over the whole list)."""

from dataclasses import dataclass, field

PAGE_SIZE = 50
MAX_PAGE = 10_000


@dataclass(frozen=True)
class Page:
    rows: list = field(default_factory=list)
    number: int = 1
    has_next: bool = False

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_number(self) -> int | None:
        return self.number + 1 if self.has_next else None

    @property
    def previous_number(self) -> int | None:
        return self.number - 1 if self.has_previous else None

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def page_number(value) -> int:
    """A page number from a form or a query: anything that is not a whole number from 1 to MAX_PAGE is page 1."""
    text = str(value or "").strip()
    return int(text) if text.isdigit() and 1 <= int(text) <= MAX_PAGE else 1


def page_of(queryset, number: int = 1, *, size: int = PAGE_SIZE) -> Page:
    """Rows of page `number` (from 1) of an ordered queryset; one query, reading one row beyond the page."""
    number = min(max(1, number), MAX_PAGE)
    start = (number - 1) * size
    rows = list(queryset[start : start + size + 1])
    return Page(rows=rows[:size], number=number, has_next=len(rows) > size)
