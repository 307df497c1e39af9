from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # The language menu works on the login page too (the login-required middleware would send it to log in).
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("api/", include("evne.api.urls")),
    path("", include("evne.dataops.urls")),
    path("", include("evne.web.urls")),
]

handler400 = "evne.web.errors.bad_request"
if settings.EVNE_BENCH_FLOOR:  # the load benchmark's floor view (bench/load); off unless EVNE_BENCH_FLOOR=1
    from evne.web.bench_views import floor

    urlpatterns.insert(0, path("bench/floor/<int:case_id>/", floor, name="bench_floor"))
