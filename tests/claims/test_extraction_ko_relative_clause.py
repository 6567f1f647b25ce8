"""Korean relative clauses of reporting before a figure (issue 15, fourteenth session): "보건부가 앞서 보고한 100명"
(the 100 the ministry reported earlier) is the ministry's figure, with a time word between the subject and the verb
and with the other verbs of reporting in their adnominal form (보고한, 파악한, 확인한, 예측한, 전한). Batch G's ko-192
gave the 100 to the medium. Each case fails on the rules before the session."""

import pytest

from tests.claims.extraction_probes import actor, extract, hop_keys, who


@pytest.fixture
def ministry(db):
    actor("lb-health", "Ministry of Public Health of Lebanon", "government_agency", "LB", ["레바논 보건부"], language="ko")


@pytest.mark.parametrize("body", [
    "이는 레바논 보건부가 앞서 보고한 100명보다 많은 수다.",
    "레바논 보건부가 23일 파악한 사망자 100명에는 어린이도 있다.",
    "레바논 보건부가 전날 확인한 100명이 모두 민간인이었다.",
    "레바논 보건부가 최근 공식적으로 전한 100명은 줄어든 수치다.",
])
def test_the_subject_of_a_reporting_clause_before_the_figure_states_it(ministry, body):
    found = extract(body, language="ko")
    assert [(int(c.quantity.number), who(c)) for c in found] == [(100, "lb-health")]


def test_a_body_named_before_under_its_whole_name_is_that_body(ministry):
    found = extract("레바논 보건부가 23일 182명이 사망했다고 발표했다. 이는 보건부가 앞서 보고한 100명보다 많은 수다.",
                    language="ko")
    assert [(int(c.quantity.number), who(c)) for c in found] == [(182, "lb-health"), (100, "lb-health")]


def test_a_figure_referring_back_leaves_the_relays_of_the_source_going_on(ministry):
    """Guard test: the relative clause's figure refers back to an earlier statement; the corrected figure after it is
    still the one relayed by the newspaper (it passed before the session, when the 100 went to the publisher)."""
    actor("toi", "The Times of Israel", "news_outlet", "IL", ["타임스오브이스라엘"], language="ko")
    found = extract("레바논 보건부가 182명이 사망했다고 발표했다고 타임스오브이스라엘이 보도했다. 이는 보건부가 앞서 보고한 "
                    "100명보다 많은 수다.\n\n또한 부상자는 727명으로 정정했다.", language="ko")
    assert [(int(c.quantity.number), who(c)) for c in found] == [(182, "lb-health"), (100, "lb-health"), (727, "lb-health")]
    assert [hop_keys(c) for c in found] == [[["toi"]], [], [["toi"]]]
