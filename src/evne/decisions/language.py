"""The plain-language check shown to the caseworker before a letter is sent (X7 (1)–(2): write for the reader,
short sentences, no jargon; seed 000, L3955–3990). Notices only: the caseworker decides what to change."""

import re

from django.utils.translation import gettext as _

SENTENCE_WORDS = 25  # a sentence longer than this is hard to read aloud in one breath
LONG_WORD = 20  # Danish compounds run long; beyond this a reader stumbles
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÜü-]+")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text or "") if s.strip()]


def plain_language_notes(text: str) -> list[str]:
    notes = []
    for sentence in sentences(text):
        words = sentence.split()
        if len(words) > SENTENCE_WORDS:
            notes.append(
                _("A sentence of %(count)d words: split it up (“%(start)s …”).")
                % {"count": len(words), "start": " ".join(words[:6])}
            )
    long_words = sorted({w for w in _WORD.findall(text or "") if len(w) > LONG_WORD})
    if long_words:
        notes.append(_("Long words a reader may stumble over: %(words)s.") % {"words": ", ".join(long_words[:10])})
    return notes
