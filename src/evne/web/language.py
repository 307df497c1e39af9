"""The language of a page: Danish unless the user has chosen another in the menu.

Django's LocaleMiddleware follows the browser's Accept-Language header, so a caseworker whose browser is set
to English got an English login page and English legal terms without asking for them (issue 13). Evne is a
Danish authority's tool: the pages are Danish by default, and the language menu (Django's `set_language`,
which stores the choice in the language cookie) is the only way to switch. The API keeps honouring
Accept-Language: its clients are programs that ask for a language on purpose.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        if request.path_info.startswith("/api/"):
            return super().process_request(request)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
