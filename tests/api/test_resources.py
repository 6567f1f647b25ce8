"""Each resource by id and by key; brief nested forms; explicit fields."""

import pytest

from tests.api.helpers import keys


@pytest.mark.parametrize(
    "resource, key",
    [("actors", "nis"), ("documents", "kathimerini-2025-09-04"), ("claims", "nis-2000"),
     ("propositions", "nk-troops-russia-deaths")],
)
def test_resource_is_addressable_by_id_and_by_key(world, api_client, resource, key):
    by_key = api_client.get(f"/api/v1/{resource}/{key}/")
    assert by_key.status_code == 200
    by_id = api_client.get(f"/api/v1/{resource}/{by_key.json()['id']}/")
    assert by_id.json() == by_key.json()


@pytest.mark.parametrize("resource", ["appearances", "estimates"])
def test_keyless_resources_are_addressable_by_id(world, api_client, resource):
    first = api_client.get(f"/api/v1/{resource}/").json()["results"][0]
    assert api_client.get(f"/api/v1/{resource}/{first['id']}/").json()["id"] == first["id"]


def test_unknown_key_is_not_found(world, api_client):
    response = api_client.get("/api/v1/claims/no-such-claim/")
    assert response.status_code == 404


def test_claim_nests_brief_claimant_and_appearances_with_hops(world, api_client):
    claim = api_client.get("/api/v1/claims/putin-praise/").json()
    assert set(claim["claimant"]) == {"id", "key", "name", "kind", "country", "url"}
    assert claim["claimant"]["url"].endswith("/api/v1/actors/vladimir-putin/")
    [appearance] = claim["appearances"]
    assert appearance["quote"] == "Ο Πούτιν επαίνεσε τους στρατιώτες"
    assert appearance["document"]["key"] == "kathimerini-2025-09-04"
    assert [(hop["actor"]["key"], hop["relation"], hop["language"]) for hop in appearance["hops"]] == [
        ("kcna", "paraphrased", "ko")
    ]


def test_claim_nests_estimates_and_stances(world, api_client):
    claim = api_client.get("/api/v1/claims/nis-2000/").json()
    assert [(e["proposition"]["key"], e["value"], e["qualifier"], e["wording"]) for e in claim["estimates"]] == [
        ("nk-troops-russia-deaths", 2000, "approximately", "περίπου 2.000")
    ]
    assert claim["stances"] == [{"proposition": claim["estimates"][0]["proposition"], "stance": "estimates"}]


def test_actor_shows_aliases_and_brief_parent(world, api_client):
    from tests.sources.factories import ActorFactory

    ActorFactory(key="south-korea-government", name="Government of South Korea", kind="government", country="KR")
    world["actors"]["nis"].parent = type(world["actors"]["nis"]).objects.get(key="south-korea-government")
    world["actors"]["nis"].save()
    nis = api_client.get("/api/v1/actors/nis/").json()
    assert nis["parent"]["key"] == "south-korea-government"
    putin = api_client.get("/api/v1/actors/vladimir-putin/").json()
    assert putin["aliases"] == [{"name": "Βλαντιμίρ Πούτιν", "language": "el"}]


def test_proposition_links_to_its_timeline(world, api_client):
    proposition = api_client.get("/api/v1/propositions/nk-troops-russia-deaths/").json()
    assert proposition["timeline_url"].endswith("/api/v1/propositions/nk-troops-russia-deaths/timeline/")


def test_cursor_pagination_walks_every_claim_once(world, api_client):
    seen, url = [], "/api/v1/claims/?page_size=1"
    while url:
        data = api_client.get(url).json()
        seen += [row["key"] for row in data["results"]]
        url = data["next"]
    assert sorted(seen) == sorted(keys(api_client.get("/api/v1/claims/")))
    assert len(seen) == 4


def test_large_lists_have_no_count(world, api_client):
    for resource in ("claims", "appearances", "estimates", "documents"):
        assert "count" not in api_client.get(f"/api/v1/{resource}/").json()


def test_ordering_by_id_ascending(world, api_client):
    ids = [row["id"] for row in api_client.get("/api/v1/claims/?ordering=id").json()["results"]]
    assert ids == sorted(ids)
