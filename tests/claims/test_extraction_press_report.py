"""Korean: what reports a report is a medium (issue 15, thirteenth session, from batch G's ko-192 after it was scored).
"…발표했다고 X가 보도했다" (X reported that … announced): X, unknown to the registry, is proposed as a news outlet, so it
relays the inner speaker's figures. A subject of "말했다" (said) is not made a medium. The first case fails before."""

import pytest

from tests.claims.extraction_probes import extract, hops, who


@pytest.mark.django_db
def test_an_unknown_outlet_reporting_a_report_relays_it():
    found = extract("보건부가 182명이 사망했다고 발표했다고 타임스오브이스라엘이 보도했다.", language="ko")
    assert [(int(c.quantity.number), who(c), hops(c)) for c in found] == [(182, "보건부", [["타임스오브이스라엘"]])]
    assert found[0].hops[0][0].is_media


@pytest.mark.django_db
def test_a_person_saying_is_no_medium():
    found = extract("보건부가 182명이 사망했다고 발표했다고 김철수가 말했다.", language="ko")
    assert all(not ref.is_media for c in found for step in c.hops for ref in step)
