"""Text checks shared by the services, so every caller (web, API, CLI, import) gets the same clear refusal."""

import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from evne.errors import DomainError

# Hours per week of work: not a limit in the law, a plausibility bound (twice the full-time week), so that a typing
# error (150) is refused.
HOURS_PER_WEEK_MAX = 80


# Characters that change how text around them is shown without being seen: the bidirectional embeddings and
# overrides (U+202A–U+202E) and isolates (U+2066–U+2069) can make a name read differently from what is stored
# ("Trojan Source"); control characters (Unicode category Cc) can move a terminal's cursor or ring its bell. Newline,
# carriage return and tab are text in a multi-line field (a browser sends a textarea's lines as CR LF).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_BREAKS = frozenset("\n\r\t")


def unsafe_character(text: str, *, multiline: bool = True) -> str | None:
    """The first bidi control or control character in `text` (None if there is none)."""
    for char in text:
        if char in BIDI_CONTROLS:
            return char
        if unicodedata.category(char) == "Cc" and not (multiline and char in LINE_BREAKS):
            return char
    return None


def unsafe_character_message(label: str) -> str:
    return _(
        "%(field)s contains an invisible control character (such as one that reverses the direction of the text); "
        "remove it."
    ) % {"field": label}


def clean_text(
    value, *, field: str, label: str, max_length: int | None, required: bool = False, multiline: bool = True
) -> str:
    """Strip the text and refuse what the database would choke on or silently cut (NUL, too long), what is missing,
    and invisible controls (bidi overrides, control characters; a line break in a one-line field)."""
    text = ("" if value is None else str(value)).strip()
    if "\x00" in text:
        raise DomainError(
            _("%(field)s contains a character that cannot be stored (NUL).") % {"field": label}, field=field
        )
    if unsafe_character(text, multiline=multiline) is not None:
        raise DomainError(unsafe_character_message(label), field=field)
    if required and not text:
        raise DomainError(_("%(field)s must be filled in.") % {"field": label}, field=field)
    if max_length is not None and len(text) > max_length:
        raise DomainError(
            _("%(field)s may be at most %(max)d characters.") % {"field": label, "max": max_length}, field=field
        )
    return text


def model_text(
    model, field: str, value, *, required: bool = False, default_max_length: int | None = None,
    error_field: str | None = None,
) -> str:  # fmt: skip
    """clean_text with the label and length limit taken from the model field. A TextField has no max_length:
    `default_max_length` bounds it. `error_field` names the field in the error when it differs (a form prefix)."""
    f = model._meta.get_field(field)
    return clean_text(
        value, field=error_field or field, label=str(f.verbose_name).capitalize(),
        max_length=f.max_length or default_max_length, required=required,
        multiline=f.get_internal_type() == "TextField",
    )  # fmt: skip


def past_or_today(value: object, *, field: str) -> date:
    """A date that is not in the future (when something happened); refuse a missing or future date."""
    from django.utils import timezone

    if not isinstance(value, date):
        raise DomainError(_("Enter a date."), field=field)
    if value > timezone.localdate():
        raise DomainError(_("The date cannot lie in the future."), field=field)
    return value


def hours_per_week(value, *, field: str, label: str, allow_zero: bool = True, required: bool = True):
    """Hours per week as a Decimal with at most one decimal, from 0 (or more than 0) to HOURS_PER_WEEK_MAX. None
    when the value is optional and missing."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise DomainError(_("%(field)s must be filled in.") % {"field": label}, field=field)
        return None
    try:
        hours = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        hours = None
    if isinstance(value, bool) or hours is None or not hours.is_finite():
        raise DomainError(_("%(field)s must be a number.") % {"field": label}, field=field)
    if hours > HOURS_PER_WEEK_MAX or hours < 0 or (hours == 0 and not allow_zero):
        message = (
            _("%(field)s must be from 0 to %(max)d hours.")
            if allow_zero
            else _("%(field)s must be more than 0 and at most %(max)d hours.")
        )
        raise DomainError(message % {"field": label, "max": HOURS_PER_WEEK_MAX}, field=field)
    if hours != hours.quantize(Decimal("0.1")):
        raise DomainError(_("%(field)s may have at most one decimal.") % {"field": label}, field=field)
    return hours.quantize(Decimal("0.1"))


# --- dates and the law Evne knows -------------------------------------------------------------------------------


def law_date_message(label: str, earliest: date | None = None) -> str:
    """'«Sendt den» ligger før 1. januar 2003, den tidligste dato Evne kender lovgivningen for.'"""
    from django.utils.formats import date_format

    from evne.rules.parameters import LAW_KNOWN_FROM

    return _("%(field)s lies before %(earliest)s, the earliest date Evne knows the law for.") % {
        "field": label,
        "earliest": date_format(earliest or LAW_KNOWN_FROM, "DATE_FORMAT"),
    }


def law_date(value, *, field: str, label: str):
    """Refuse a date before the law timeline (evne.rules.parameters.LAW_KNOWN_FROM); None and non-dates pass."""
    from evne.rules.parameters import LAW_KNOWN_FROM

    if isinstance(value, date) and value < LAW_KNOWN_FROM:
        raise DomainError(law_date_message(label), field=field)
    return value


def law_param(key: str, on: date, *, field: str, label: str):
    """A dated parameter's value on `on`, or a DomainError naming the field when `on` lies before its first value
    (a ressourceforløb before 2013): a clear refusal instead of an unhandled ParameterError."""
    from evne.rules.parameters import NoValueInForce, param

    try:
        return param(key, on)
    except NoValueInForce as exc:
        raise DomainError(law_date_message(label, exc.first), field=field) from None
