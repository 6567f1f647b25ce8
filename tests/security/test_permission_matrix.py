"""Who may do what: every role × every API endpoint and method, every admin page and action.

Roles: anonymous, an authenticated non-staff ``user``, ``curator``, ``reviewer``, ``superuser``. The
tables below are the specification; each row becomes one parametrised test per role.

* The read API answers GET (import runs: staff only) and refuses every write with 403 or 405 —
  checked on the database, not only on the status code.
* Drafts, claims in review and retracted claims never reach anonymous or non-staff readers by any
  path: lists, details by id and by key, nested rows, search, CSV, the browsable API, timelines,
  ClaimReview JSON-LD, the OpenAPI schema. Staff see them (the positive control that keeps the
  leak tests able to fail).
* The admin is staff-only; curators edit drafts and submit them; reviewers also publish, return to
  draft, retract and assess; only a superuser deletes.
"""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from claims.models import Appearance, Claim, ClaimStatus, Estimate
from factbase.models import ImportRun
from sources.models import Actor, Document
from tests.security.conftest import (
    DEATHS,
    HIDDEN_STATES,
    HIDDEN_WORD,
    PUBLIC_CLAIM,
    ROLES,
    SEED_DOCUMENT,
    client_for,
)

STAFF = {"curator", "reviewer", "superuser"}
LOGIN = "/admin/login/"


@pytest.fixture
def ids(seeded_module, db):
    """Ids and keys the URL templates refer to (the hidden claims' keys and ids are in ``hidden_*``)."""
    claim = Claim.objects.get(key=PUBLIC_CLAIM)
    run = ImportRun.objects.create(command="import_bundle", files=[{"name": "x.yaml", "sha256": "0" * 64}])
    values = {
        "claim_id": claim.pk, "claim_key": claim.key,
        "actor_id": Actor.objects.get(key="nis").pk, "actor_key": "nis",
        "document_id": Document.objects.get(key=SEED_DOCUMENT).pk, "document_key": SEED_DOCUMENT,
        "proposition_key": DEATHS,
        "appearance_id": claim.appearances.first().pk, "estimate_id": claim.estimates.first().pk,
        "run_id": run.pk,
    }
    for status, (pk, key) in seeded_module.items():
        values[f"hidden_{status}_id"], values[f"hidden_{status}_key"] = pk, key
        values[f"hidden_{status}_appearance"] = Appearance.objects.get(claim_id=pk).pk
        values[f"hidden_{status}_estimate"] = Estimate.objects.get(claim_id=pk).pk
    return values


def api_client_for(user) -> APIClient:
    # force_authenticate, not a session: a CSRF refusal must not hide a write endpoint that would work.
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


# --- the read API: GET ----------------------------------------------------------------------------------

PUBLIC_READS = [
    "/api/v1/",
    "/api/v1/actors/", "/api/v1/actors/{actor_id}/", "/api/v1/actors/{actor_key}/",
    "/api/v1/documents/", "/api/v1/documents/{document_id}/", "/api/v1/documents/{document_key}/",
    "/api/v1/claims/", "/api/v1/claims/{claim_id}/", "/api/v1/claims/{claim_key}/",
    "/api/v1/claims/{claim_key}/claimreview/", "/api/v1/claims/claimreviews/",
    "/api/v1/appearances/", "/api/v1/appearances/{appearance_id}/",
    "/api/v1/propositions/", "/api/v1/propositions/{proposition_key}/",
    "/api/v1/propositions/{proposition_key}/timeline/",
    "/api/v1/estimates/", "/api/v1/estimates/{estimate_id}/",
    "/api/v1/claims/?format=csv", "/api/v1/actors/?format=csv", "/api/v1/estimates/?format=csv",
    "/api/schema/", "/api/docs/",
]
STAFF_READS = ["/api/v1/import-runs/", "/api/v1/import-runs/{run_id}/", "/api/v1/import-runs/?format=csv"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", PUBLIC_READS)
def test_every_role_may_read_public_endpoints(ids, role_user, role, path):
    response = api_client_for(role_user(role)).get(path.format(**ids))
    assert response.status_code == 200, (role, path, response.status_code)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", STAFF_READS)
def test_import_runs_are_read_by_staff_only(ids, role_user, role, path):
    response = api_client_for(role_user(role)).get(path.format(**ids))
    expected = {200} if role in STAFF else {401, 403}
    assert response.status_code in expected, (role, path, response.status_code)


# --- the read API: writes are refused and never executed ------------------------------------------------

LIST_WRITES = [("post", path) for path in (
    "/api/v1/actors/", "/api/v1/documents/", "/api/v1/claims/", "/api/v1/appearances/",
    "/api/v1/propositions/", "/api/v1/estimates/", "/api/v1/import-runs/", "/api/v1/claims/claimreviews/",
)]
DETAIL_WRITES = [(method, path) for path in (
    "/api/v1/actors/{actor_key}/", "/api/v1/documents/{document_id}/", "/api/v1/claims/{claim_key}/",
    "/api/v1/claims/{hidden_draft_key}/", "/api/v1/appearances/{appearance_id}/",
    "/api/v1/propositions/{proposition_key}/", "/api/v1/estimates/{estimate_id}/", "/api/v1/import-runs/{run_id}/",
    "/api/v1/propositions/{proposition_key}/timeline/", "/api/v1/claims/{claim_key}/claimreview/",
) for method in ("put", "patch", "delete", "post")]
WRITE_BODY = {"key": "written-by-attacker", "summary": "overwritten", "status": "published", "name": "overwritten",
              "title": "overwritten", "value": 1, "body": "overwritten", "command": "overwritten"}


def _snapshot():
    return {
        "claims": sorted(Claim.objects.values_list("key", "status", "summary", "verdict")),
        "actors": sorted(Actor.objects.values_list("key", "name")),
        "documents": sorted(Document.objects.values_list("key", "title", "body_sha256")),
        "appearances": Appearance.objects.count(), "estimates": sorted(Estimate.objects.values_list("id", "value")),
        "runs": sorted(ImportRun.objects.values_list("id", "command")),
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path"), LIST_WRITES + DETAIL_WRITES)
def test_writes_to_the_read_api_are_refused_and_change_nothing(ids, role_user, role, method, path):
    before = _snapshot()
    response = getattr(api_client_for(role_user(role)), method)(path.format(**ids), WRITE_BODY, format="json")
    assert response.status_code in (401, 403, 405), (role, method, path, response.status_code)
    assert _snapshot() == before


# --- the read API: hidden claims never reach non-staff readers ------------------------------------------

LEAK_PATHS = [
    "/api/v1/claims/", "/api/v1/claims/?format=csv", "/api/v1/claims/?format=api",
    "/api/v1/claims/?status=draft", "/api/v1/claims/?status=in_review", "/api/v1/claims/?status=retracted",
    f"/api/v1/claims/?q={HIDDEN_WORD}", f"/api/v1/claims/?q={HIDDEN_WORD}&format=csv",
    "/api/v1/claims/?verdict=false", "/api/v1/claims/?claimant=nis&page_size=100",
    "/api/v1/claims/?known_on=2030-01-01", "/api/v1/claims/?proposition=nk-troops-russia-deaths",
    "/api/v1/claims/claimreviews/", "/api/v1/claims/claimreviews/?verdict=false",
    "/api/v1/appearances/", "/api/v1/appearances/?format=csv", f"/api/v1/appearances/?document={SEED_DOCUMENT}",
    "/api/v1/estimates/", "/api/v1/estimates/?format=csv", "/api/v1/estimates/?format=api",
    f"/api/v1/estimates/?proposition={DEATHS}",
    f"/api/v1/propositions/{DEATHS}/", f"/api/v1/propositions/{DEATHS}/timeline/",
    f"/api/v1/propositions/{DEATHS}/timeline/?known_on=2030-01-01", f"/api/v1/propositions/{DEATHS}/timeline/?format=api",
    "/api/v1/actors/nis/", f"/api/v1/documents/{SEED_DOCUMENT}/", "/api/v1/documents/?format=csv",
    "/api/schema/", "/api/schema/?format=json",
]
HIDDEN_DETAILS = [
    "/api/v1/claims/{hidden_%s_id}/", "/api/v1/claims/{hidden_%s_key}/", "/api/v1/claims/{hidden_%s_key}/?format=api",
    "/api/v1/claims/{hidden_%s_key}/claimreview/", "/api/v1/claims/{hidden_%s_id}/claimreview/",
    "/api/v1/appearances/{hidden_%s_appearance}/", "/api/v1/estimates/{hidden_%s_estimate}/",
]


def _leaks(body: str, ids) -> list[str]:
    markers = [HIDDEN_WORD, "987654", *(ids[f"hidden_{status}_key"] for status in HIDDEN_STATES)]
    return [marker for marker in markers if marker in body]


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "user"])
@pytest.mark.parametrize("path", LEAK_PATHS)
def test_hidden_claims_never_reach_non_staff_readers(ids, role_user, role, path):
    response = api_client_for(role_user(role)).get(path)
    assert response.status_code == 200, (path, response.status_code, _body(response)[:300])
    assert _leaks(_body(response), ids) == [], path


@pytest.mark.parametrize("role", ["anonymous", "user"])
@pytest.mark.parametrize("status", HIDDEN_STATES)
@pytest.mark.parametrize("template", HIDDEN_DETAILS)
def test_hidden_claims_are_not_found_by_id_or_key(ids, role_user, role, status, template):
    path = (template % status).format(**ids)
    response = api_client_for(role_user(role)).get(path)
    assert response.status_code == 404, (path, response.status_code)
    assert _leaks(_body(response), ids) == [], path


@pytest.mark.parametrize("role", sorted(STAFF))
@pytest.mark.parametrize("path", [
    f"/api/v1/claims/?q={HIDDEN_WORD}", "/api/v1/claims/?format=csv", f"/api/v1/propositions/{DEATHS}/timeline/",
    "/api/v1/estimates/", "/api/v1/claims/claimreviews/?verdict=false",
])
def test_staff_do_see_hidden_claims(ids, role_user, role, path):
    """The positive control: the markers the leak tests look for are really there for staff."""
    body = _body(api_client_for(role_user(role)).get(path))
    assert {ids[f"hidden_{status}_key"] for status in HIDDEN_STATES} <= set(_leaks(body, ids)), path


# --- the admin: pages --------------------------------------------------------------------------------------

def _url(name, *args):
    return lambda ids: reverse(name, args=[ids[a] if isinstance(a, str) else a for a in args])


# (page, url builder, expected status for curator, reviewer, superuser). Anonymous and non-staff users
# are always sent to the login page.
ADMIN_PAGES = [
    ("index", _url("admin:index"), 200, 200, 200),
    ("review queue", _url("admin:claims_claim_review_queue"), 200, 200, 200),
    *[(f"{model} list", _url(f"admin:{model}_changelist"), 200, 200, 200) for model in (
        "sources_actor", "sources_actoralias", "sources_document", "claims_claim", "claims_appearance",
        "claims_attributionhop", "claims_proposition", "claims_claimstance", "claims_estimate",
        "claims_claimrelation", "factbase_importrun")],
    ("claim add", _url("admin:claims_claim_add"), 200, 200, 200),
    ("document add", _url("admin:sources_document_add"), 200, 200, 200),
    ("import run add", _url("admin:factbase_importrun_add"), 403, 403, 403),
    ("draft claim change", _url("admin:claims_claim_change", "hidden_draft_id"), 200, 200, 200),
    ("published claim change (view-only for curators)", _url("admin:claims_claim_change", "claim_id"), 200, 200, 200),
    ("retracted claim change", _url("admin:claims_claim_change", "hidden_retracted_id"), 200, 200, 200),
    ("claim history", _url("admin:claims_claim_history", "claim_id"), 200, 200, 200),
    ("document change", _url("admin:sources_document_change", "document_id"), 200, 200, 200),
    ("document reading view", _url("claims_document_reading", "document_id"), 200, 200, 200),
    ("import run change", _url("admin:factbase_importrun_change", "run_id"), 200, 200, 200),
    ("claim delete", _url("admin:claims_claim_delete", "hidden_draft_id"), 403, 403, 200),
    ("document delete", _url("admin:sources_document_delete", "document_id"), 403, 403, 200),
    ("actor delete", _url("admin:sources_actor_delete", "actor_id"), 403, 403, 200),
    ("users", _url("admin:auth_user_changelist"), 403, 403, 200),
    ("groups", _url("admin:auth_group_changelist"), 403, 403, 200),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("page", "url", "as_curator", "as_reviewer", "as_superuser"), ADMIN_PAGES,
                         ids=[row[0] for row in ADMIN_PAGES])
def test_admin_pages_by_role(ids, role_user, role, page, url, as_curator, as_reviewer, as_superuser):
    response = client_for(role_user(role)).get(url(ids))
    if role in ("anonymous", "user"):
        assert response.status_code == 302 and response["Location"].startswith(LOGIN), (page, response.status_code)
    else:
        expected = {"curator": as_curator, "reviewer": as_reviewer, "superuser": as_superuser}[role]
        assert response.status_code == expected, (page, role, response.status_code)


# --- the admin: workflow actions and writes -----------------------------------------------------------------

# (action, the claim's state before, extra POST data, state after for curator, reviewer, superuser).
# None after means the claim is gone (deleted).
ADMIN_ACTIONS = [
    ("submit_for_review", ClaimStatus.DRAFT, {}, ClaimStatus.IN_REVIEW, ClaimStatus.IN_REVIEW, ClaimStatus.IN_REVIEW),
    ("publish", ClaimStatus.IN_REVIEW, {}, ClaimStatus.IN_REVIEW, ClaimStatus.PUBLISHED, ClaimStatus.PUBLISHED),
    ("return_to_draft", ClaimStatus.IN_REVIEW, {"reason": "Needs a second source."},
     ClaimStatus.IN_REVIEW, ClaimStatus.DRAFT, ClaimStatus.DRAFT),
    ("retract", ClaimStatus.PUBLISHED, {"reason": "Misattributed."},
     ClaimStatus.PUBLISHED, ClaimStatus.RETRACTED, ClaimStatus.RETRACTED),
    ("retract", ClaimStatus.PUBLISHED, {}, ClaimStatus.PUBLISHED, ClaimStatus.PUBLISHED, ClaimStatus.PUBLISHED),
    ("delete_selected", ClaimStatus.DRAFT, {"post": "yes"}, ClaimStatus.DRAFT, ClaimStatus.DRAFT, None),
]


def _claim_in(status, ids) -> Claim:
    if status == ClaimStatus.PUBLISHED:
        return Claim.objects.get(key=PUBLIC_CLAIM)
    return Claim.objects.get(pk=ids[f"hidden_{status}_id"])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("action", "before", "extra", "as_curator", "as_reviewer", "as_superuser"), ADMIN_ACTIONS,
                         ids=[f"{row[0]}-{row[1]}-{'reason' if row[2] else 'bare'}" for row in ADMIN_ACTIONS])
def test_admin_actions_by_role(ids, role_user, role, action, before, extra, as_curator, as_reviewer, as_superuser):
    claim = _claim_in(before, ids)
    response = client_for(role_user(role)).post(
        reverse("admin:claims_claim_changelist"), {"action": action, "_selected_action": [claim.pk], **extra}
    )
    expected = {"curator": as_curator, "reviewer": as_reviewer, "superuser": as_superuser}.get(role, before)
    if role in ("anonymous", "user"):
        assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    else:
        assert response.status_code in (200, 302), response.status_code
    after = Claim.objects.filter(pk=claim.pk).values_list("status", flat=True).first()
    assert after == expected, (role, action, after)


# (write, url builder, POST data builder, what must hold afterwards for a refused write)
def _claim_change_data(claim, **changes):
    data = {
        "key": claim.key, "claimant": claim.claimant_id, "kind": claim.kind, "summary": claim.summary,
        "summary_language": claim.summary_language, "stated_on": claim.stated_on.isoformat(),
        "stated_on_precision": claim.stated_on_precision, "hedge": claim.hedge, "location": claim.location,
        "location_country": claim.location_country, "verdict": claim.verdict,
        "credibility": claim.credibility or "", "rationale": claim.rationale, "expected_version": claim.version,
        "subjects": [s.pk for s in claim.subjects.all()],
    }
    for prefix in ("appearances", "estimates", "stances", "relations_out"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    return data | changes


ADMIN_WRITES = [
    # A curator may not edit a published claim; a reviewer and a superuser may.
    ("edit published claim summary", "claim_id", {"curator": False, "reviewer": True, "superuser": True}),
    # Nobody edits a retracted claim through the form but a superuser.
    ("edit retracted claim summary", "hidden_retracted_id", {"curator": False, "reviewer": False, "superuser": True}),
    # Everyone on the staff edits drafts.
    ("edit draft summary", "hidden_draft_id", {"curator": True, "reviewer": True, "superuser": True}),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("write", "claim_ref", "allowed"), ADMIN_WRITES, ids=[row[0] for row in ADMIN_WRITES])
def test_admin_claim_edits_by_role(ids, role_user, role, write, claim_ref, allowed):
    claim = Claim.objects.get(pk=ids[claim_ref])
    inline_prefixes = _inline_prefixes(claim, role_user("superuser"))
    data = _claim_change_data(claim, summary="Edited through the admin.")
    for prefix in inline_prefixes:
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = client_for(role_user(role)).post(reverse("admin:claims_claim_change", args=[claim.pk]), data)
    claim.refresh_from_db()
    if allowed.get(role, False):
        assert response.status_code == 302, _errors(response)
        assert claim.summary == "Edited through the admin."
    else:
        assert response.status_code in (302, 403), response.status_code
        if role in ("anonymous", "user"):
            assert response["Location"].startswith(LOGIN)
        assert claim.summary != "Edited through the admin."


def _inline_prefixes(claim, superuser):
    response = client_for(superuser).get(reverse("admin:claims_claim_change", args=[claim.pk]))
    return [formset.formset.prefix for formset in response.context["inline_admin_formsets"]]


def _errors(response):
    context = getattr(response, "context", None)
    if not context or "adminform" not in context:
        return response.status_code
    return context["adminform"].form.errors, [f.formset.errors for f in context["inline_admin_formsets"]]


@pytest.mark.parametrize("role", ROLES)
def test_only_a_superuser_deletes_a_document(ids, role_user, role):
    document = Document.objects.create(key="spare-doc", title="Spare", language="en",
                                       published_on="2025-09-04", body="Nothing quoted here.")
    response = client_for(role_user(role)).post(reverse("admin:sources_document_delete", args=[document.pk]), {"post": "yes"})
    gone = not Document.objects.filter(pk=document.pk).exists()
    assert gone == (role == "superuser"), (role, response.status_code)


@pytest.mark.parametrize(("role", "assessed"), [("curator", False), ("reviewer", True), ("superuser", True)])
def test_only_reviewers_change_an_assessment_through_the_form(ids, role_user, role, assessed):
    claim = Claim.objects.get(pk=ids["hidden_draft_id"])
    data = _claim_change_data(claim, verdict="confirmed", credibility=1, rationale="Seen by two origins.")
    for prefix in _inline_prefixes(claim, role_user("superuser")):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = client_for(role_user(role)).post(reverse("admin:claims_claim_change", args=[claim.pk]), data)
    assert response.status_code == 302, _errors(response)
    claim.refresh_from_db()
    assert (claim.verdict == "confirmed") == assessed, (role, claim.verdict)
    assert (claim.assessed_by_id == role_user(role).pk) == assessed
