"""Simulated caseworkers doing the daily work against Evne, and a floor user reading one case row as JSON.

Driven by bench/load/run.py (reads EVNE_BENCH_USERS: a JSON file with the caseworkers' usernames and sessions, the
password, the floor user and the range of case ids). A caseworker logs in once a day, not all 200 within the same
minute: the caseworkers start with a session made beforehand, and a few simulated users log in (with the password,
through the login form) and out all the time, so the login is measured at a day's rate."""

import json
import os
import random
import re
import threading

from locust import HttpUser, between, task

with open(os.environ["EVNE_BENCH_USERS"], encoding="utf-8") as setup_file:
    SETUP = json.load(setup_file)
SURNAMES = SETUP["surnames"]
CASE_LINK = re.compile(r'href="/cases/(\d+)/"')
_lock = threading.Lock()
_next = iter(range(10**9))


def _login(user: HttpUser, username: str) -> None:
    user.client.get("/login/", name="login (form)")
    token = user.client.cookies.get("csrftoken", "")
    with user.client.post(
        "/login/",
        data={"username": username, "password": SETUP["password"], "csrfmiddlewaretoken": token},
        headers={"Referer": user.host + "/login/"},
        name="login",
        allow_redirects=False,
        catch_response=True,
    ) as response:
        if response.status_code != 302:
            response.failure(f"login refused ({response.status_code})")


class Caseworker(HttpUser):
    weight = 18
    wait_time = between(5, 15)

    def on_start(self) -> None:
        with _lock:
            n = next(_next)
        self.username, session = SETUP["caseworkers"][n % len(SETUP["caseworkers"])]
        self.client.cookies.set("sessionid", session)
        self.cases: list[str] = []
        self.worklist()

    def _case(self) -> str | None:
        return random.choice(self.cases) if self.cases else None

    @task(3)
    def worklist(self) -> None:
        response = self.client.get("/", name="worklist")
        found = CASE_LINK.findall(response.text or "")
        if found:
            self.cases = sorted(set(found))

    @task(3)
    def case_page(self) -> None:
        if case := self._case():
            self.client.get(f"/cases/{case}/", name="case (incl. Lovkrav og frister)")

    @task(1)
    def profile(self) -> None:
        if case := self._case():
            self.client.get(f"/cases/{case}/profile/", name="profile")

    @task(1)
    def decisions(self) -> None:
        if case := self._case():
            self.client.get(f"/cases/{case}/decisions/", name="decisions")

    @task(1)
    def add_note(self) -> None:
        case = self._case()
        if not case:
            return
        token = self.client.cookies.get("csrftoken", "")
        if not token:  # the case page (with the note form) sets the CSRF cookie
            self.client.get(f"/cases/{case}/", name="case (incl. Lovkrav og frister)")
            token = self.client.cookies.get("csrftoken", "")
        with self.client.post(
            f"/cases/{case}/notes/",
            data={"kind": "fact", "text": "Telefonsamtale med borgeren om status (belastningstest).",
                  "source": "Telefon", "csrfmiddlewaretoken": token},
            headers={"Referer": f"{self.host}/cases/{case}/"},
            name="add note",
            allow_redirects=False,
            catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code != 302:
                response.failure(f"note not added ({response.status_code})")

    @task(1)
    def search(self) -> None:
        self.client.get("/search/", params={"q": random.choice(SURNAMES)}, name="search (surname)")


class Login(HttpUser):
    """Logs in through the form with the password, opens the worklist, logs out: the day's logins, spread out."""

    weight = 1
    wait_time = between(5, 15)

    @task
    def day_starts(self) -> None:
        self.client.cookies.clear()
        username = random.choice(SETUP["caseworkers"])[0]
        _login(self, username)
        self.client.get("/", name="worklist")
        token = self.client.cookies.get("csrftoken", "")
        self.client.post("/logout/", data={"csrfmiddlewaretoken": token}, name="logout",
                         headers={"Referer": self.host + "/"})  # fmt: skip


class Floor(HttpUser):
    """One case row as JSON: the least a logged-in request through the same stack costs."""

    weight = 1
    wait_time = between(1, 3)

    def on_start(self) -> None:
        _login(self, SETUP["floor_user"])

    @task
    def floor(self) -> None:
        case = random.randint(SETUP["case_min"], SETUP["case_max"])
        self.client.get(f"/bench/floor/{case}/", name="FLOOR (one case row as JSON)")
