"""Text checks shared by the services, so every caller (web, API, CLI, import) gets the same clear refusal."""

from django.utils.translation import gettext as _

from evne.errors import DomainError


def clean_text(value, *, field: str, label: str, max_length: int | None, required: bool = False) -> str:
    """Strip the text and refuse what the database would choke on or silently cut: NUL, too long, missing."""
    text = ("" if value is None else str(value)).strip()
    if "\x00" in text:
        raise DomainError(
            _("%(field)s contains a character that cannot be stored (NUL).") % {"field": label}, field=field
        )
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
    )  # fmt: skip


def past_or_today(value, *, field: str):
    """A date that is not in the future (when something happened); refuse a missing or future date."""
    from datetime import date

    from django.utils import timezone

    if not isinstance(value, date):
        raise DomainError(_("Enter a date."), field=field)
    if value > timezone.localdate():
        raise DomainError(_("The date cannot lie in the future."), field=field)
    return value
