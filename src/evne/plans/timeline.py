"""How this app's timeline events read (called by evne.cases.timeline.describe)."""

from evne.cases.models import TimelineEvent


def describe(event: TimelineEvent) -> str | None:
    """A one-line description in the reader's language, or None for an event of another app."""
    return None
