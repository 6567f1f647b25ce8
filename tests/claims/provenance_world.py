"""The NIS series as real reporting has it, built through the provenance services (claims.services.provenance).

Document texts are short ones written for these tests from the public facts of issue 14 (NIS: ≥100 dead in
December 2024, ~300 in January 2025, ≥600 in April, ~2,000 in the week of 2025-09-01 after a closed-door
briefing of lawmakers on Tuesday 2025-09-02; North Korea's own ~350 by August 2025; "South Korean and Western
intelligence" on more than 10,000 troops sent; about 4,700 casualties including about 600 killed and over
4,000 wounded). They are not copies of any article.
"""

import datetime as dt
from decimal import Decimal

from claims.models import ClaimRelation, ClaimStatus, Estimate, Proposition
from claims.services.derived import claims_refresh_derived
from claims.services.provenance import (
    Relay,
    appearance_chain_set,
    claim_joint_claimants_set,
    estimate_wording_set,
    quantity_relation_set,
)
from sources.models import ActorKind
from tests.claims.factories import AppearanceFactory, ClaimFactory
from tests.sources.factories import ActorFactory, DocumentFactory

GREEK = "Σύμφωνα με τη NIS, περίπου 2.000 Βορειοκορεάτες στρατιώτες έχουν σκοτωθεί στη Ρωσία."
ENGLISH = (
    "South Korea's spy agency told lawmakers in a closed-door briefing on Tuesday that nearly 2,000 North Korean "
    "soldiers have been killed, lawmakers Lee Seong-kweun and Park Sun-won told reporters."
)
KOREAN = "국정원은 2일 비공개 보고에서 러시아에 파병된 북한군 2천여 명이 전사한 것으로 추정된다고 밝혔다."
DECEMBER = "국정원은 북한군 최소 100여 명이 전사했다고 밝혔다."
APRIL = "The NIS said at least 600 North Korean soldiers have been killed and about 4,700 were casualties, " \
        "including about 600 killed and over 4,000 wounded."
AUGUST = "North Korea acknowledged for the first time that about 350 of its soldiers had died, state media said."
TROOPS = "According to South Korean and Western intelligence, North Korea has sent more than 10,000 troops."


def build_series():
    """Actors, documents, propositions and claims of the series; returns them by short name."""
    nis = ActorFactory(key="nis", name="National Intelligence Service", kind=ActorKind.INTELLIGENCE_AGENCY, country="KR")
    nk = ActorFactory(key="north-korea", name="North Korea", kind=ActorKind.COUNTRY, country="KP")
    western = ActorFactory(key="western-intelligence", name="Western intelligence", kind=ActorKind.UNNAMED_GROUP)
    lee = ActorFactory(key="lee-seong-kweun", name="Lee Seong-kweun", kind=ActorKind.LEGISLATOR, country="KR")
    park = ActorFactory(key="park-sun-won", name="Park Sun-won", kind=ActorKind.LEGISLATOR, country="KR")
    yonhap = ActorFactory(key="yonhap", name="Yonhap", kind=ActorKind.NEWS_AGENCY, country="KR")
    kcna = ActorFactory(key="kcna", name="Korean Central News Agency", kind=ActorKind.STATE_MEDIA, country="KP")

    def document(key, body, language, published_on, publisher):
        return DocumentFactory(key=key, body=body, language=language, published_on=published_on, publisher=publisher,
                               title=f"Written for the example: {key}")

    greek = document("example-el-2025-09-04", GREEK, "el", dt.date(2025, 9, 4), ActorFactory(key="kathimerini", name="Kathimerini", kind=ActorKind.NEWS_OUTLET))
    english = document("example-en-2025-09-02", ENGLISH, "en", dt.date(2025, 9, 2), ActorFactory(key="reuters", name="Reuters", kind=ActorKind.NEWS_AGENCY))
    korean = document("example-ko-2025-09-02", KOREAN, "ko", dt.date(2025, 9, 2), yonhap)
    december = document("example-ko-2024-12-19", DECEMBER, "ko", dt.date(2024, 12, 19), yonhap)
    april = document("example-en-2025-04-30", APRIL, "en", dt.date(2025, 4, 30), yonhap)
    august = document("example-en-2025-08-20", AUGUST, "en", dt.date(2025, 8, 20), kcna)
    troops = document("example-en-2024-11-05", TROOPS, "en", dt.date(2024, 11, 5), yonhap)

    deaths = Proposition.objects.create(key="deaths", title="Deaths among North Korean troops in Russia", kind="quantity",
                                        measure="deaths", unit="people", cumulative=True)
    wounded = Proposition.objects.create(key="wounded", title="Wounded", kind="quantity", measure="wounded", unit="people",
                                         cumulative=True)
    casualties = Proposition.objects.create(key="casualties", title="Casualties", kind="quantity", measure="casualties",
                                            unit="people", cumulative=True)
    sent = Proposition.objects.create(key="troops-sent", title="Troops sent", kind="quantity", measure="troops",
                                      unit="troops", cumulative=True)
    quantity_relation_set(part=deaths, whole=casualties)
    quantity_relation_set(part=wounded, whole=casualties)

    def claim(key, claimant, stated_on, precision="day", *, interested=False):
        return ClaimFactory(key=key, claimant=claimant, status=ClaimStatus.PUBLISHED, stated_on=stated_on,
                            stated_on_precision=precision, interested=interested, kind="estimate")

    def appear(made, doc, quote, **extra):
        return AppearanceFactory(claim=made, document=doc, quote=quote, **extra)

    def estimate(made, proposition, qualifier, *, value=None, lower=None, upper=None, as_of, precision="day",
                 wording="", approximate=False):
        return Estimate.objects.create(claim=made, proposition=proposition, qualifier=qualifier, value=value, lower=lower,
                                       upper=upper, as_of=as_of, as_of_precision=precision, wording=wording,
                                       approximate=approximate)

    # Joint claimants: one claim, two claimants, one of them an unnamed group.
    troops_claim = claim("troops-10000", nis, dt.date(2024, 11, 5))
    claim_joint_claimants_set(claim=troops_claim, actors=[western])
    appear(troops_claim, troops, "South Korean and Western intelligence, North Korea has sent more than 10,000 troops")
    estimate(troops_claim, sent, "more_than", lower=Decimal(10000), as_of=dt.date(2024, 11, 5), wording="more than 10,000")

    # December: "at least about 100" (최소 100여 명), both qualifiers kept.
    nis_100 = claim("nis-100", nis, dt.date(2024, 12, 19))
    appear(nis_100, december, "북한군 최소 100여 명이 전사했다")
    estimate(nis_100, deaths, "at_least", lower=Decimal(100), value=Decimal(100), approximate=True,
             as_of=dt.date(2024, 12, 19), wording="최소 100여 명")

    # April (month precision): at least 600 killed; casualties and their parts.
    nis_600 = claim("nis-600", nis, dt.date(2025, 4, 1), "month")
    appear(nis_600, april, APRIL[:len(APRIL)])
    estimate(nis_600, deaths, "at_least", lower=Decimal(600), value=Decimal(600), as_of=dt.date(2025, 4, 1),
             precision="month", wording="at least 600")
    estimate(nis_600, casualties, "approximately", value=Decimal(4700), as_of=dt.date(2025, 4, 1), precision="month",
             wording="about 4,700")
    estimate(nis_600, wounded, "more_than", lower=Decimal(4000), as_of=dt.date(2025, 4, 1), precision="month",
             wording="over 4,000")

    # September (week precision): ~2,000, in three reports through two chains.
    nis_2000 = claim("nis-2000", nis, dt.date(2025, 9, 1), "week")
    two_thousand = estimate(nis_2000, deaths, "approximately", value=Decimal(2000), as_of=dt.date(2025, 9, 1),
                            precision="week", wording="περίπου 2.000")
    in_greek = appear(nis_2000, greek, "περίπου 2.000 Βορειοκορεάτες στρατιώτες έχουν σκοτωθεί")
    in_english = appear(nis_2000, english, ENGLISH, stated_on=dt.date(2025, 9, 2), medium="closed_briefing")
    in_korean = appear(nis_2000, korean, "러시아에 파병된 북한군 2천여 명이 전사한 것으로 추정된다", stated_on=dt.date(2025, 9, 2),
                       medium="closed_briefing")
    appearance_chain_set(appearance=in_english, steps=[
        [Relay(lee, "paraphrased", "press_conference", "ko", dt.date(2025, 9, 2)),
         Relay(park, "paraphrased", "press_conference", "ko", dt.date(2025, 9, 2))],
    ])
    appearance_chain_set(appearance=in_greek, steps=[
        [Relay(yonhap, "reported", "wire_copy", "ko", dt.date(2025, 9, 2))],
        [Relay(lee, "paraphrased", "press_conference", "ko", dt.date(2025, 9, 2)),
         Relay(park, "paraphrased", "press_conference", "ko", dt.date(2025, 9, 2))],
    ])
    estimate_wording_set(estimate=two_thousand, appearance=in_greek, wording="περίπου 2.000")
    estimate_wording_set(estimate=two_thousand, appearance=in_english, wording="nearly 2,000")
    estimate_wording_set(estimate=two_thousand, appearance=in_korean, wording="2천여 명")

    # North Korea's own figure, by August 2025 (month precision): an interested party.
    nk_350 = claim("nk-350", nk, dt.date(2025, 8, 1), "month", interested=True)
    appear(nk_350, august, "about 350 of its soldiers had died")
    estimate(nk_350, deaths, "approximately", value=Decimal(350), as_of=dt.date(2025, 8, 1), precision="month",
             wording="about 350")

    claims_refresh_derived(claim_ids=[c.pk for c in (troops_claim, nis_100, nis_600, nis_2000, nk_350)])
    return {
        "actors": {"nis": nis, "nk": nk, "western": western, "lee": lee, "park": park, "yonhap": yonhap},
        "propositions": {"deaths": deaths, "wounded": wounded, "casualties": casualties, "sent": sent},
        "claims": {"troops": troops_claim, "nis_100": nis_100, "nis_600": nis_600, "nis_2000": nis_2000, "nk_350": nk_350},
        "appearances": {"greek": in_greek, "english": in_english, "korean": in_korean},
        "estimate": two_thousand,
    }


def relations_between(a, b):
    return ClaimRelation.objects.filter(source__in=[a, b], target__in=[a, b])
