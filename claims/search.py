"""Free-text search of claims: the API's ``q``. (The admin's search box is broader: a term anywhere inside a
word of the claim's text or its lead claimant's names, ``sources.admin.search_normalised``.)

Case- and accent-insensitive in any script ("πουτιν" finds "Πούτιν"): the query is normalised with
``factbase.text.normalize_for_search``, as the stored columns are. Every term must match, as a whole-word
**prefix** ("στρατ" finds "στρατιώτες"; "tin" does not find "Putin"), in the claim's text (summary,
quotes, translations: ``Claim.search_text``) or in the names of its claimants — the lead claimant and every
joint claimant ("western" finds the claim of South Korean and Western intelligence) — (``Actor.search_text``:
name, key and aliases in every language).

- PostgreSQL: the claim text is matched with the stored ``Claim.search_vector`` (tsvector, ``simple``
  configuration) as a prefix tsquery, which uses the GIN index ``claim_search_vector_gin_idx``;
- SQLite: the same prefix rule over ``search_text`` with LIKE on word boundaries.

Claimant names are matched in the same statement: ``claimant_id IN (SELECT id FROM actor WHERE search_text ...)``
beside the GIN condition, one subquery per term (a term found in 4,000 actor names used to travel to Python
and back as 4,000 ids); on PostgreSQL as ``claimant_id = ANY(ARRAY(subquery))`` in ``TermMatches``.

On PostgreSQL a search first counts its matches among the newest claims (two small bounded queries): dense terms
are then found by walking the primary key newest first; sparse ones through the GIN index, as ids (one
more query), from which the page is cut. See ``search_claims`` and docs/benchmarks.md. Whether a search's
terms are dense is kept in the shared cache for ``DENSITY_SECONDS`` (it changes as slowly as the data), so a
search asked again skips the count; either way the same claims are found, only the plan differs.
"""

import hashlib
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import NotSupportedError, connection
from django.db.models import BooleanField, Expression, F, Q, QuerySet, TextField, Value
from django.db.models.functions import Coalesce, Concat

from factbase import shared_cache
from factbase.text import search_terms
from sources.models import Actor

from .models import Claim, JointClaimant

#: At most this many terms are used (a query is a few words, not a document).
MAX_TERMS = 12
#: PostgreSQL (see ``search_claims``): how many of the newest claims are probed; how many matches among
#: them make the terms dense (5%: a page of 200 within about 4,000 rows); the most ids fetched through the
#: GIN index for sparse terms.
PROBE_ROWS = 1000
DENSE_MATCHES = 50
SPARSE_LIMIT = 2000
#: How long (seconds) the shared cache remembers whether a search's terms are dense among the newest claims.
DENSITY_SECONDS = 600


def _word_prefix(field: str, term: str) -> Q:
    """``term`` starts a word of the space-separated normalised ``field`` (annotated as ``_haystack_<field>``)."""
    return Q(**{f"_haystack_{field}__contains": f" {term}"})


def _haystack(queryset, field):
    return queryset.annotate(**{f"_haystack_{field}": Concat(Value(" "), field, output_field=TextField())})


def _actor_term(term: str) -> Q:
    """Actors whose name, key or an alias has a word starting with ``term``.

    "term%" or "% term%" on the column itself: a trigram index (PostgreSQL, sources migration 0002) serves
    both, where the " " || search_text form could only be read row by row.
    """
    return Q(search_text__startswith=term) | Q(search_text__contains=f" {term}")


def matching_actors(term: str) -> QuerySet[Actor]:
    """The ids of the actors matching ``term``, as a subquery: the claimant half of a search stays in SQL
    (no list of thousands of ids built in Python and sent back)."""
    return Actor.objects.filter(_actor_term(term)).order_by().values("id")


def _claimant_among(actors: QuerySet) -> Q:
    """``claimant_id`` among ``actors``' ids (SQLite and the density probe; ``TermMatches`` on PostgreSQL)."""
    return Q(claimant_id__in=actors)


def _joint_claimant_among(actors: QuerySet) -> Q:
    """Claims with a joint claimant among ``actors``."""
    return Q(id__in=JointClaimant.objects.filter(actor_id__in=actors).order_by().values("claim_id"))


class TermMatches(Expression):
    """PostgreSQL: a claim matches a search term — its text (``search_vector``, a prefix tsquery the GIN index
    serves) or the names of its lead or a joint claimant (``Actor.search_text``, "term%" or "% term%", which
    the trigram index serves, through "%term%"; each as ``= ANY(ARRAY(subquery))``, computed once per statement).

    The condition that SQLite's search and the density probe compose from ``Q`` objects and subquerysets
    (``_claimant_among``, ``_joint_claimant_among``, ``matching_actors``), written once as a template:
    composing and compiling those subqueries cost about 0.5 ms per term on every search request.
    A custom expression through Django's public expression API: the claim's columns are resolved like any
    ``F()`` (so table aliases follow the query, in a subquery too), the term travels as parameters."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, term: str, *columns):
        super().__init__(output_field=BooleanField())
        self.term = term
        self.columns = list(columns) or [F("search_vector"), F("claimant_id"), F("id")]

    def get_source_expressions(self):
        return self.columns

    def set_source_expressions(self, exprs):
        self.columns = list(exprs)

    def as_sql(self, compiler, connection):
        (vector, vector_params), (claimant, claimant_params), (claim_id, id_params) = (
            compiler.compile(column) for column in self.columns
        )
        quote = connection.ops.quote_name

        def column(model, name):
            return quote(model._meta.get_field(name).column)

        actor, actor_id, actor_text = quote(Actor._meta.db_table), column(Actor, "id"), column(Actor, "search_text")
        joint = quote(JointClaimant._meta.db_table)
        joint_claim, joint_actor = column(JointClaimant, "claim"), column(JointClaimant, "actor")
        # The word-prefix patterns behind one substring pattern that the trigram index serves alone: asked with the
        # two prefix patterns only (an OR of two index scans), the planner costed reading every actor lower, and a
        # LIKE per actor made the rare-term search grow with the number of actors (0.24 ms at 400, 2.6 ms at 4,000).
        actors = (f"SELECT {actor_id} FROM {actor} WHERE {actor_text} LIKE %s"
                  f" AND ({actor_text} LIKE %s OR {actor_text} LIKE %s)")
        sql = (
            f"({vector} @@ to_tsquery('simple', %s)"
            f" OR {claimant} = ANY(ARRAY({actors}))"
            f" OR {claim_id} = ANY(ARRAY(SELECT {joint_claim} FROM {joint} WHERE {joint_actor} IN ({actors}))))"
        )
        like = connection.ops.prep_for_like_query(self.term)
        patterns = [f"%{like}%", f"{like}%", f"% {like}%"]
        # Terms are \w+ (normalisation turns everything else into spaces); quoting keeps to_tsquery's own
        # syntax out of them.
        return sql, [*vector_params, f"'{self.term}':*", *claimant_params, *patterns, *id_params, *patterns]

    def as_sqlite(self, compiler, connection):
        raise NotSupportedError("TermMatches is PostgreSQL's search condition (tsvector, arrays); SQLite composes its own")


def search_claims(queryset: QuerySet[Claim], query: str, *, choose_plan: bool = True) -> QuerySet[Claim]:
    """The claims of ``queryset`` matching every term of ``query`` (see module docstring).

    ``choose_plan=False`` returns the plain condition and leaves the plan to PostgreSQL (the benchmark
    compares the two).
    """
    terms = search_terms(query)[:MAX_TERMS]
    if not terms:
        return queryset
    postgres = connection.vendor == "postgresql"
    if postgres:
        conditions = [TermMatches(term) for term in terms]
    else:
        queryset = _haystack(queryset, "search_text")
        conditions = []
        for term in terms:
            actors = matching_actors(term)
            conditions.append(_word_prefix("search_text", term) | _claimant_among(actors)
                              | _joint_claimant_among(actors))
    matching = queryset.filter(*conditions) if postgres else queryset.filter(reduce(and_, conditions))
    if not postgres or not choose_plan:
        return matching
    # How to find the newest matches is decided from the data, not from the planner's estimate: PostgreSQL
    # gives a prefix term a fixed selectivity whatever its real frequency, so it takes the same plan for a
    # term in every claim as for a term in one claim in 10,000 — walking the primary key newest first (a
    # whole-table read for the rare term) or reading every match from the GIN index (a million for the
    # common one). Instead: count the matches among the newest PROBE_ROWS rows (a bounded read); dense
    # terms are then found by walking the primary key, which meets a page within a few hundred rows;
    # sparse ones through the GIN index, as ids (at most SPARSE_LIMIT), from which the page is cut.
    if _dense(queryset, terms):
        return matching
    ids = list(matching.order_by().values_list("id", flat=True)[: SPARSE_LIMIT + 1])
    if len(ids) > SPARSE_LIMIT:
        return matching  # rare among the newest rows, common further back: walk the primary key
    return queryset.filter(id__in=ids)


def _dense(queryset: QuerySet[Claim], terms: list[str]) -> bool:
    """Whether ``terms`` match at least ``DENSE_MATCHES`` of the newest ``PROBE_ROWS`` claims: counted once
    (``_recent_matches``), then remembered in the shared cache for ``DENSITY_SECONDS``. A stale answer costs
    speed, never results (both plans find the same claims)."""
    text = "\x1f".join(terms)
    key = f"claims-search-dense:{PROBE_ROWS}:{DENSE_MATCHES}:{hashlib.sha256(text.encode()).hexdigest()}"
    dense = shared_cache.get_flag(key)
    if dense is None:
        dense = _recent_matches(queryset, terms) >= DENSE_MATCHES
        shared_cache.set_flag(key, dense, DENSITY_SECONDS)
    return dense


def _recent_matches(queryset: QuerySet[Claim], terms: list[str]) -> int:
    """How many of the newest ``PROBE_ROWS`` claims of ``queryset`` match every term (PostgreSQL, two small queries).

    First the id of the ``PROBE_ROWS``-th newest claim (an index-only read), then the matches at or above it:
    with that id written into the statement, the planner sees a range of ``PROBE_ROWS`` rows and reads it by
    primary key. The terms are matched against ``COALESCE(search_vector, '')``, an expression rather than the
    indexed column, so the GIN index is not chosen (for a common term it would read every match).
    """
    floor = queryset.order_by("-id").values_list("id", flat=True)[PROBE_ROWS - 1:PROBE_ROWS].first()
    recent = queryset.filter(id__gte=floor) if floor is not None else queryset
    recent = recent.annotate(probe_vector=Coalesce("search_vector", Value("", output_field=SearchVectorField())))
    conditions = []
    for term in terms:
        actors = matching_actors(term)
        conditions.append(
            Q(probe_vector=SearchQuery(f"'{term}':*", search_type="raw", config="simple"))
            | _claimant_among(actors)
            | _joint_claimant_among(actors)
        )
    return recent.filter(reduce(and_, conditions)).order_by().count()
