"""Only read-only API requests are routed to replicas."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from factbase import routers
from factbase.middleware import ApiReadsFromReplicasMiddleware
from sources.models import Actor


@pytest.mark.parametrize(
    "method,path,expected",
    [
        ("get", "/api/v1/claims/", "replica1"),
        ("head", "/api/v1/claims/", "replica1"),
        ("post", "/api/v1/claims/", "default"),
        ("get", "/admin/claims/claim/", "default"),
    ],
)
def test_reads_inside_api_get_requests_use_replicas(monkeypatch, method, path, expected):
    monkeypatch.setattr(routers, "replica_aliases", lambda: ["replica1"])
    seen = []

    def view(request):
        seen.append(routers.ReplicaRouter().db_for_read(Actor))
        return HttpResponse()

    ApiReadsFromReplicasMiddleware(view)(getattr(RequestFactory(), method)(path))
    assert seen == [expected]
    assert routers.ReplicaRouter().db_for_read(Actor) == "default"  # nothing leaks past the request
