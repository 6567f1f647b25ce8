"""Ids the API resolved itself are written into the statement's text (``LiteralIdsIn``), so that a prepared
statement's generic plan never serves a claimant with thousands of claims and one with a few alike."""

import pytest

from claims.api.filters import ClaimFilterSet
from claims.models import Claim
from factbase.api.filtering import ids_condition


def test_a_claimant_key_filters_by_its_id_written_into_the_sql(world):
    nis = world["actors"]["nis"]
    queryset = ClaimFilterSet({"claimant": "nis"}, queryset=Claim.objects.all()).qs
    sql, params = queryset.query.sql_with_params()  # a test may look inside; the product does not
    assert f'"claimant_id" IN ({nis.pk})' in sql and nis.pk not in params
    assert set(queryset.values_list("claimant_id", flat=True)) == {nis.pk}


def test_ids_by_id_and_by_key_of_a_related_object_are_literal_too(world):
    kathimerini = world["actors"]["kathimerini"]
    for data in ({"publisher_id": str(kathimerini.pk)}, {"publisher": "kathimerini"}):
        sql, params = ClaimFilterSet(data, queryset=Claim.objects.all()).qs.query.sql_with_params()
        assert f"IN ({kathimerini.pk})" in sql and kathimerini.pk not in params


@pytest.mark.parametrize("bad", [["1; DROP TABLE claims_claim"], [True], [], [1.5], ["1", "x"]])
def test_anything_but_integer_ids_is_refused_before_any_sql(db, bad):
    with pytest.raises((ValueError, TypeError)):
        Claim.objects.filter(id__literal_in=bad)


def test_no_ids_match_nothing_without_a_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert list(Claim.objects.filter(**ids_condition("id", []))) == []


def test_a_claimant_kind_or_country_is_written_into_the_sql(world):
    for data, literal in (({"claimant_kind": ["person", "ngo"]}, "IN ('ngo', 'person')"), ({"claimant_country": "kr"}, "IN ('KR')")):
        sql, params = ClaimFilterSet(data, queryset=Claim.objects.all()).qs.query.sql_with_params()
        assert literal in sql and not {"person", "ngo", "KR"} & set(params), sql


@pytest.mark.parametrize("bad", [["it's"], ["a b"], [], [1], ["ΚΡ"]])
def test_anything_but_plain_words_is_refused_before_any_sql(db, bad):
    from sources.models import Actor

    with pytest.raises((ValueError, TypeError)):
        Actor.objects.filter(kind__literal_in=bad)


@pytest.mark.parametrize("country", ["K'P", "KPX", "Κ1", "--"])
def test_a_country_that_is_no_alpha_2_code_matches_nothing(world, api_client, country):
    response = api_client.get("/api/v1/claims/", {"claimant_country": country})
    assert response.status_code == 200 and response.json()["results"] == []
