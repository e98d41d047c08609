"""Mixed traffic for the load test (run by benchmarks/load/run.py; 127.0.0.1 only).

- Applicants (most users): their case list and case pages, uploads to a case, and now and then a whole
  submission through the API (create a draft, mark the rest not relevant, submit).
- Caseworkers: the triage queue and case workspaces.
- The dialogue team: the search box.
"""

import io
import os
import random
import re

import gevent
from locust import HttpUser, between, task

PASSWORD = "load-test-password-2026"
PDF = None
# The measured window starts when every user has logged in (50 password checks in a few seconds would
# otherwise dominate every percentile on two cores) and lasts this long; then the run stops.
MEASURE_SECONDS = int(os.environ.get("LOAD_MEASURE_SECONDS", "60"))
# Seconds a person spends between two clicks (reading a page, filling in a field): 1 to 5, as in Locust's
# own examples. 50 such users offer about 15 requests a second; LOAD_THINK="0.5,2" offers about 35.
THINK_MIN, THINK_MAX = (float(x) for x in os.environ.get("LOAD_THINK", "1,5").split(","))
_started = {"users": 0, "measuring": False}


def _user_ready(environment):
    """Count users past their login; when all are, reset the statistics and start the measured window."""
    _started["users"] += 1
    runner = environment.runner
    if _started["measuring"] or runner is None or _started["users"] < runner.target_user_count:
        return
    _started["measuring"] = True
    runner.stats.reset_all()
    print(f"all {runner.target_user_count} users logged in: measuring for {MEASURE_SECONDS} s", flush=True)
    gevent.spawn_later(MEASURE_SECONDS, runner.quit)


def pdf_bytes() -> bytes:
    global PDF
    if PDF is None:
        from pypdf import PdfWriter

        writer = PdfWriter()
        writer.add_blank_page(width=595, height=842)
        out = io.BytesIO()
        writer.write(out)
        PDF = out.getvalue()
    return PDF


class PortalUser(HttpUser):
    abstract = True
    wait_time = between(THINK_MIN, THINK_MAX)
    email_pattern = ""
    population = 1

    def on_start(self):
        self.client.get("/accounts/login/", name="login page")
        email = self.email_pattern.format(random.randrange(self.population))
        with self.client.post("/accounts/login/", name="login", allow_redirects=False, catch_response=True,
                              data={"email": email, "password": PASSWORD, "csrfmiddlewaretoken": self.csrf()},
                              headers={"Referer": self.host + "/accounts/login/"}) as response:
            if response.status_code != 302:
                response.failure(f"login failed for {email}: {response.status_code}")

    def on_ready(self):
        _user_ready(self.environment)

    def csrf(self) -> str:
        return self.client.cookies.get("csrftoken", "")

    def post_form(self, url, *, name, data=None, files=None):
        data = dict(data or {}, csrfmiddlewaretoken=self.csrf())
        with self.client.post(url, data=data, files=files, name=name, allow_redirects=False, catch_response=True,
                              headers={"Referer": self.host + url}) as response:
            if response.status_code not in (200, 302):
                response.failure(f"{response.status_code}")


class Applicant(PortalUser):
    weight = 6
    email_pattern = "load-applicant-{}@example.dk"
    population = 50

    def on_start(self):
        super().on_start()
        response = self.client.get("/api/v1/cases/", name="api: my cases")
        rows = response.json() if response.ok else []
        rows = rows.get("results", rows) if isinstance(rows, dict) else rows
        self.references = [r["reference"] for r in rows] or ["B-0000-00000"]
        self.sent = [r["reference"] for r in rows if r.get("status") != "draft"] or self.references
        self.on_ready()

    @task(6)
    def case_list(self):
        self.client.get("/cases/", name="page: my applications")

    @task(10)
    def case_page(self):
        self.client.get(f"/cases/{random.choice(self.references)}/", name="page: case")

    @task(2)
    def upload(self):
        reference = random.choice(self.sent)
        self.post_form(f"/cases/{reference}/upload/", name="upload: document",
                       files={"file": ("tegning.pdf", pdf_bytes(), "application/pdf")})

    @task(1)
    def submission(self):
        headers = {"X-CSRFToken": self.csrf(), "Referer": self.host + "/"}
        prop = 9_000_000 + random.randrange(300)
        props = self.client.get(f"/api/v1/properties/?q={prop}", name="api: property search").json()
        if not props:
            return
        with self.client.post("/api/v1/cases/", json={"property": props[0]["id"], "application_type": "small-building",
                                                      "description": "Carport på 30 m² ved huset."},
                              headers=headers, name="api: create draft", catch_response=True) as response:
            if response.status_code != 201:
                response.failure(f"{response.status_code} {response.text[:200]}")
                return
            case = response.json()
        reference = case["reference"]
        for item in case.get("checklist", []):
            if item.get("required") and item.get("state") == "missing":
                self.client.post(f"/api/v1/cases/{reference}/requirements/{item['requirement']}/not-relevant/",
                                 json={"reason": "Ikke relevant for en carport."}, headers=headers,
                                 name="api: not relevant")
        with self.client.post(f"/api/v1/cases/{reference}/submit/", json={}, headers=headers,
                              name="api: submit", catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} {response.text[:200]}")
        self.references.append(reference)
        self.sent.append(reference)


class Caseworker(PortalUser):
    weight = 2
    email_pattern = "load-caseworker-{}@example.dk"
    population = 5

    def on_start(self):
        super().on_start()
        self.references = []
        self.on_ready()

    @task(3)
    def queue(self):
        response = self.client.get("/work/queue/", name="page: queue")
        found = re.findall(r"/work/cases/(B-\d{4}-\d{5})/", response.text)
        if found:
            self.references = found

    @task(5)
    def workspace(self):
        if not self.references:
            return self.queue()
        self.client.get(f"/work/cases/{random.choice(self.references)}/", name="page: workspace")


class DialogueTeam(PortalUser):
    weight = 1
    email_pattern = "load-dialogue-{}@example.dk"
    population = 3
    terms = ["Æbeløgade", "Nørrebrogade 1", "Østerbrogade", "Ørnbøl", "Jagtvej 2", "Strandvejen", "B-2026"]

    def on_start(self):
        super().on_start()
        self.on_ready()

    @task
    def search(self):
        self.client.get("/dialogue/", params={"q": random.choice(self.terms)}, name="page: dialogue search")
