from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("evne.api.urls")),
    path("", include("evne.web.urls")),
]

if settings.EVNE_BENCH_FLOOR:  # the load benchmark's floor view (bench/load); off unless EVNE_BENCH_FLOOR=1
    from evne.web.bench_views import floor

    urlpatterns.insert(0, path("bench/floor/<int:case_id>/", floor, name="bench_floor"))
