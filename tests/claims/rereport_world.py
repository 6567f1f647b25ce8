"""Two English articles in which the second re-reports the NIS figure of the first: extraction saves a draft
from each and proposes a suggested ``repeats`` relation between them (used by the admin and browser tests)."""

import datetime as dt

from claims.extraction.candidates import candidates_save, extract_candidates
from claims.extraction.matching import candidates_match
from claims.models import ClaimRelation
from sources.models import Actor, ActorAlias, Document


def rereport_make() -> ClaimRelation:
    nis = Actor.objects.create(key="nis", name="National Intelligence Service", kind="intelligence_agency", country="KR")
    ActorAlias.objects.create(actor=nis, name="NIS", language="en")
    first = Document.objects.create(key="first", language="en", published_on=dt.date(2025, 9, 4),
                                    body="The NIS said about 2,000 soldiers were killed.")
    candidates_save(document=first, candidates=extract_candidates(document=first))
    second = Document.objects.create(key="second", language="en", published_on=dt.date(2025, 9, 5),
                                     body="About 2,000 soldiers were killed this week, the NIS said.")
    candidates = extract_candidates(document=second)
    candidates_match(candidates=candidates, exclude_document=second)
    candidates_save(document=second, candidates=candidates)
    return ClaimRelation.objects.get(kind="repeats", state="suggested")
