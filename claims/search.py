"""Free-text search of claims: the API's ``q``, the admin's search box — one function for both.

Case- and accent-insensitive in any script ("πουτιν" finds "Πούτιν"): the query is normalised with
``factbase.text.normalize_for_search``, as the stored columns are. Every term must match, as a whole-word
**prefix** ("στρατ" finds "στρατιώτες"; "tin" does not find "Putin"), in the claim's text (summary,
quotes, translations: ``Claim.search_text``) or in its claimant's names (``Actor.search_text``: name,
key and aliases in every language).

- PostgreSQL: the claim text is matched with the stored ``Claim.search_vector`` (tsvector, ``simple``
  configuration) as a prefix tsquery, which uses the GIN index ``claim_search_vector_gin_idx``;
- SQLite: the same prefix rule over ``search_text`` with LIKE on word boundaries.

Claimant names are matched by first finding the matching actors (one small query on ``Actor.search_text``, whatever the number of terms)
so the claim-side condition stays indexable (``claimant_id IN (...)`` beside the GIN condition).
"""

from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Q, QuerySet, TextField, Value
from django.db.models.functions import Concat

from factbase.text import search_terms
from sources.models import Actor

from .models import Claim

#: At most this many terms are used (a query is a few words, not a document).
MAX_TERMS = 12


def _word_prefix(field: str, term: str) -> Q:
    """``term`` starts a word of the space-separated normalised ``field`` (annotated as ``_haystack_<field>``)."""
    return Q(**{f"_haystack_{field}__contains": f" {term}"})


def _haystack(queryset, field):
    return queryset.annotate(**{f"_haystack_{field}": Concat(Value(" "), field, output_field=TextField())})


def matching_actor_ids(terms: list[str]) -> dict[str, list[int]]:
    """For each normalised term, the actors whose name, key or an alias has a word starting with it.

    One query whatever the number of terms: the candidates matching any term are fetched, then each is
    checked against each term here (the same word-prefix rule).
    """
    candidates = _haystack(Actor.objects.all(), "search_text").filter(
        reduce(or_, (_word_prefix("search_text", term) for term in terms))
    )
    found = {term: [] for term in terms}
    for actor_id, text in candidates.values_list("id", "search_text"):
        words = text.split(" ")
        for term in terms:
            if any(word.startswith(term) for word in words):
                found[term].append(actor_id)
    return found


def search_claims(queryset: QuerySet[Claim], query: str) -> QuerySet[Claim]:
    """The claims of ``queryset`` matching every term of ``query`` (see module docstring)."""
    terms = search_terms(query)[:MAX_TERMS]
    if not terms:
        return queryset
    conditions = []
    postgres = connection.vendor == "postgresql"
    if not postgres:
        queryset = _haystack(queryset, "search_text")
    actors = matching_actor_ids(terms)
    for term in terms:
        if postgres:
            # Terms are \w+ (normalisation turns everything else into spaces); quoting keeps to_tsquery's
            # own syntax out of them.
            text = Q(search_vector=SearchQuery(f"'{term}':*", search_type="raw", config="simple"))
        else:
            text = _word_prefix("search_text", term)
        conditions.append(text | Q(claimant_id__in=actors[term]) if actors[term] else text)
    return queryset.filter(reduce(and_, conditions))
