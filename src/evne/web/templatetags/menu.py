"""What the main menu offers a user: only what the user may do (a link that answers 403 is no offer)."""

from django import template

from evne.accounts.access import can_create

register = template.Library()


@register.filter
def may_create_citizens(user) -> bool:
    return bool(user.is_authenticated and can_create(user))
