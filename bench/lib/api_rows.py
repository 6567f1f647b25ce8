"""API rows: each endpoint's time beside the same rows fetched with raw SQL and dumped with orjson.

The baseline for a claims page runs the queries the endpoint runs — the page of claims joined with the
claimant, then the subjects, appearances (with document and publisher), hops, estimates and stances of
those claims — selecting the columns the endpoint returns, and dumps them nested as the endpoint does
with ``orjson``. Whatever the API spends beyond that (serializers, filters, rendering) is its overhead.
Requests go through ``django.test.Client`` in this process, as an anonymous reader.
"""

import base64
import urllib.parse
from decimal import Decimal

import orjson
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from claims.models import Appearance, AttributionHop, Claim, ClaimStance, Estimate, Proposition
from sources.models import Actor, Document

from .stats import Row, median, p95, timed

BASE = "http://testserver/api/v1"
API = "/api/v1"
RARE, COMMON = "zeppelinium", "military"
GIN_INDEX = "claim_search_vector_gin_idx"

T = {m.__name__: m._meta.db_table for m in (Actor, Document, Claim, Appearance, AttributionHop, Estimate, ClaimStance, Proposition)}
T["subjects"] = Claim.subjects.through._meta.db_table
Q = connection.ops.quote_name


def _default(value):
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError


def _dump(data) -> bytes:
    return orjson.dumps(data, default=_default)


def _actor(row, offset=0):
    if row[offset] is None:
        return None
    key = row[offset + 1]
    return {"id": row[offset], "key": key, "name": row[offset + 2], "kind": row[offset + 3], "country": row[offset + 4],
            "url": f"{BASE}/actors/{key}/"}


ACTOR_COLUMNS = "{a}.id, {a}.key, {a}.name, {a}.kind, {a}.country"


def _in(ids):
    return ", ".join(["%s"] * len(ids)) or "NULL"


def raw_claims(where: str, params: list, limit: int, *, known_on=None, search_join: str = "") -> bytes:
    """The claims page an endpoint returns, fetched with raw SQL and dumped with orjson."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT c.id, c.key, c.kind, c.summary, c.summary_language, c.stated_on, c.stated_on_precision, c.hedge, "
            f"c.location, c.location_country, c.interested, c.status, c.verdict, c.credibility, c.rationale, "
            f"c.assessed_at, c.first_published_on, c.created_at, c.updated_at, {ACTOR_COLUMNS.format(a='a')} "
            f"FROM {T['Claim']} c JOIN {T['Actor']} a ON a.id = c.claimant_id {search_join} "
            f"WHERE {where} ORDER BY c.id DESC LIMIT %s",
            [*params, limit],
        )
        claims = cursor.fetchall()
        ids = [row[0] for row in claims]
        cursor.execute(
            f"SELECT t.claim_id, {ACTOR_COLUMNS.format(a='a')} FROM {T['subjects']} t "
            f"JOIN {T['Actor']} a ON a.id = t.actor_id WHERE t.claim_id IN ({_in(ids)})",
            ids,
        )
        subjects = cursor.fetchall()
        known = " AND d.published_on <= %s" if known_on else ""
        cursor.execute(
            f"SELECT p.id, p.claim_id, p.quote, p.start, p.{Q('end')}, p.translation, p.translation_language, "
            f"d.id, d.key, d.title, d.published_on, d.language, d.url, {ACTOR_COLUMNS.format(a='pub')} "
            f"FROM {T['Appearance']} p JOIN {T['Document']} d ON d.id = p.document_id "
            f"LEFT JOIN {T['Actor']} pub ON pub.id = d.publisher_id "
            f"WHERE p.claim_id IN ({_in(ids)}){known} ORDER BY d.published_on, d.published_time, p.id",
            [*ids, *([known_on] if known_on else [])],
        )
        appearances = cursor.fetchall()
        appearance_ids = [row[0] for row in appearances]
        cursor.execute(
            f"SELECT h.appearance_id, h.position, h.relation, h.language, {ACTOR_COLUMNS.format(a='a')} "
            f"FROM {T['AttributionHop']} h JOIN {T['Actor']} a ON a.id = h.actor_id "
            f"WHERE h.appearance_id IN ({_in(appearance_ids)}) ORDER BY h.position",
            appearance_ids,
        )
        hops = cursor.fetchall()
        cursor.execute(
            f"SELECT e.id, e.claim_id, e.value, e.lower, e.upper, e.qualifier, e.unit, e.as_of, e.as_of_precision, "
            f"e.period_start, e.period_end, e.wording, pr.id, pr.key, pr.title, pr.unit "
            f"FROM {T['Estimate']} e JOIN {T['Proposition']} pr ON pr.id = e.proposition_id "
            f"WHERE e.claim_id IN ({_in(ids)}) ORDER BY e.as_of, e.id",
            ids,
        )
        estimates = cursor.fetchall()
        cursor.execute(
            f"SELECT s.claim_id, s.stance, pr.id, pr.key, pr.title FROM {T['ClaimStance']} s "
            f"JOIN {T['Proposition']} pr ON pr.id = s.proposition_id WHERE s.claim_id IN ({_in(ids)}) "
            f"ORDER BY s.proposition_id",
            ids,
        )
        stances = cursor.fetchall()
    by_claim = {claim_id: {"subjects": [], "appearances": [], "estimates": [], "stances": []} for claim_id in ids}
    for row in subjects:
        by_claim[row[0]]["subjects"].append(_actor(row, 1))
    hops_of = {}
    for row in hops:
        hops_of.setdefault(row[0], []).append({"position": row[1], "actor": _actor(row, 4), "relation": row[2], "language": row[3]})
    for row in appearances:
        by_claim[row[1]]["appearances"].append({
            "id": row[0], "quote": row[2], "start": row[3], "end": row[4], "translation": row[5],
            "translation_language": row[6], "hops": hops_of.get(row[0], []),
            "document": {"id": row[7], "key": row[8], "title": row[9], "published_on": row[10], "language": row[11],
                         "url": f"{BASE}/documents/{row[8]}/", "source_url": row[12], "publisher": _actor(row, 13)},
        })
    for row in estimates:
        by_claim[row[1]]["estimates"].append({
            "id": row[0], "value": row[2], "lower": row[3], "upper": row[4], "qualifier": row[5], "unit": row[6] or row[15],
            "display_value": str(row[2] if row[2] is not None else row[3] if row[3] is not None else row[4]),
            "as_of": row[7], "as_of_precision": row[8], "period_start": row[9], "period_end": row[10], "wording": row[11],
            "proposition": {"id": row[12], "key": row[13], "title": row[14], "url": f"{BASE}/propositions/{row[13]}/"},
        })
    for row in stances:
        by_claim[row[0]]["stances"].append(
            {"proposition": {"id": row[2], "key": row[3], "title": row[4], "url": f"{BASE}/propositions/{row[3]}/"}, "stance": row[1]}
        )
    results = []
    for row in claims:
        nested = by_claim[row[0]]
        results.append({
            "id": row[0], "key": row[1], "url": f"{BASE}/claims/{row[1]}/", "claimant": _actor(row, 19), "kind": row[2],
            "summary": row[3], "summary_language": row[4], "stated_on": row[5], "stated_on_precision": row[6],
            "hedge": row[7], "subjects": nested["subjects"], "location": row[8], "location_country": row[9],
            "interested": row[10], "status": row[11], "verdict": row[12], "credibility": row[13], "rationale": row[14],
            "assessed_at": row[15], "first_published_on": row[16], "appearances": nested["appearances"],
            "estimates": nested["estimates"], "stances": nested["stances"], "created_at": row[17], "updated_at": row[18],
        })
    return _dump({"next": None, "previous": None, "results": results})


def raw_timeline(proposition_id: int, known_on=None) -> bytes:
    """A proposition's timeline (estimates of published claims, first appearance, series) in raw SQL."""
    known = " AND c.first_published_on <= %s" if known_on else ""
    params = [proposition_id, *([known_on] if known_on else [])]
    about = (f"FROM {T['Estimate']} e JOIN {T['Claim']} c ON c.id = e.claim_id "
             f"WHERE e.proposition_id = %s AND c.status = 'published'{known}")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, key, title, kind, measure, unit, status FROM {T['Proposition']} WHERE id = %s", [proposition_id])
        proposition = cursor.fetchone()
        cursor.execute(
            f"SELECT e.id, e.value, e.lower, e.upper, e.qualifier, e.unit, e.as_of, e.as_of_precision, e.period_start, "
            f"e.period_end, e.wording, COALESCE(e.as_of, e.period_start, e.period_end, c.stated_on, c.first_published_on) AS holds_on, "
            f"c.id, c.key, c.summary, c.kind, c.hedge, c.status, c.stated_on, c.stated_on_precision, c.first_published_on, "
            f"c.interested, {ACTOR_COLUMNS.format(a='a')} "
            f"FROM {T['Estimate']} e JOIN {T['Claim']} c ON c.id = e.claim_id JOIN {T['Actor']} a ON a.id = c.claimant_id "
            f"WHERE e.proposition_id = %s AND c.status = 'published'{known} ORDER BY holds_on, c.stated_on, e.id",
            params,
        )
        estimates = cursor.fetchall()
        appearance_known = " AND d.published_on <= %s" if known_on else ""
        cursor.execute(
            f"SELECT p.id, p.claim_id, p.quote, p.start, p.{Q('end')}, p.translation, p.translation_language, "
            f"d.id, d.key, d.title, d.url, d.language, d.published_on, {ACTOR_COLUMNS.format(a='pub')} "
            f"FROM {T['Appearance']} p JOIN {T['Document']} d ON d.id = p.document_id "
            f"LEFT JOIN {T['Actor']} pub ON pub.id = d.publisher_id "
            f"WHERE p.claim_id IN (SELECT e.claim_id {about}){appearance_known} "
            f"ORDER BY d.published_on, d.published_time, p.id",
            [*params, *([known_on] if known_on else [])],
        )
        appearances = cursor.fetchall()
        cursor.execute(
            f"SELECT h.appearance_id, h.position, h.relation, h.language, {ACTOR_COLUMNS.format(a='a')} "
            f"FROM {T['AttributionHop']} h JOIN {T['Actor']} a ON a.id = h.actor_id "
            f"WHERE h.appearance_id IN (SELECT p.id FROM {T['Appearance']} p WHERE p.claim_id IN (SELECT e.claim_id {about})) "
            f"ORDER BY h.position",
            params,
        )
        hops = cursor.fetchall()
        cursor.execute(f"SELECT COUNT(DISTINCT c.claimant_id) {about}", params)
        origins = cursor.fetchone()[0]
    hops_of = {}
    for row in hops:
        hops_of.setdefault(row[0], []).append({"position": row[1], "actor": _actor(row, 4), "relation": row[2], "language": row[3]})
    appearances_of = {}
    for row in appearances:
        appearances_of.setdefault(row[1], []).append({
            "id": row[0], "quote": row[2], "start": row[3], "end": row[4], "translation": row[5],
            "translation_language": row[6], "hops": hops_of.get(row[0], []),
            "document": {"id": row[7], "key": row[8], "title": row[9], "url": row[10], "language": row[11],
                         "published_on": row[12], "publisher": _actor(row, 13)},
        })
    rows, series = [], {}
    for row in estimates:
        claimant = _actor(row, 22)
        found = appearances_of.get(row[12], [])
        rows.append({
            "id": row[0], "value": row[1], "lower": row[2], "upper": row[3], "qualifier": row[4], "unit": row[5] or proposition[5],
            "display_value": str(row[1] if row[1] is not None else row[2] if row[2] is not None else row[3]),
            "as_of": row[6], "as_of_precision": row[7], "period_start": row[8], "period_end": row[9], "wording": row[10],
            "holds_on": row[11], "claimant": claimant,
            "claim": {"id": row[12], "key": row[13], "summary": row[14], "kind": row[15], "hedge": row[16], "status": row[17],
                      "stated_on": row[18], "stated_on_precision": row[19], "first_published_on": row[20], "interested": row[21]},
            "first_appearance": found[0] if found else None, "appearance_count": len(found),
        })
        entry = series.setdefault(claimant["id"], {"claimant": claimant, "estimates": []})
        entry["estimates"].append(row[0])
    for entry in series.values():
        entry["latest"] = entry["estimates"][-1]
    return _dump({
        "proposition": dict(zip(("id", "key", "title", "kind", "measure", "unit", "status"), proposition)),
        "known_on": known_on, "independent_origins": origins, "estimates": rows, "series": list(series.values()),
    })


class Api:
    """What the API rows need to know about the loaded data, and the client that asks."""

    def __init__(self, *, repeat: int):
        self.client = Client()
        self.repeat = repeat
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {T['Claim']} WHERE status = 'published'")
            self.published = cursor.fetchone()[0]
            # The busiest claimant (the generator's skew puts most claims on the first actors).
            cursor.execute(
                f"SELECT a.id, a.key FROM {T['Claim']} c JOIN {T['Actor']} a ON a.id = c.claimant_id "
                f"WHERE c.status = 'published' GROUP BY a.id, a.key ORDER BY COUNT(*) DESC, a.id LIMIT 1"
            )
            self.claimant_id, self.claimant_key = cursor.fetchone()
            cursor.execute(
                f"SELECT pr.id, pr.key FROM {T['Estimate']} e JOIN {T['Proposition']} pr ON pr.id = e.proposition_id "
                f"GROUP BY pr.id, pr.key ORDER BY COUNT(*) DESC, pr.id LIMIT 1"
            )
            self.proposition_id, self.proposition_key = cursor.fetchone()
            cursor.execute(
                f"SELECT c.id, c.key FROM {T['Claim']} c WHERE c.status = 'published' AND "
                f"EXISTS (SELECT 1 FROM {T['Estimate']} e WHERE e.claim_id = c.id) ORDER BY c.id LIMIT 1"
            )
            self.claim_id, self.claim_key = cursor.fetchone()

    def get(self, url, **headers):
        response = self.client.get(url, **headers)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url}: HTTP {response.status_code}: {response.content[:300].decode(errors='replace')}")
        return b"".join(response.streaming_content) if response.streaming else response.content

    def compare(self, group, measure, url, baseline, *, target=2.0, headers=None, note=""):
        """Median API time ÷ median baseline time, measured alternately in the same run."""
        try:
            self.get(url, **(headers or {}))  # warm caches (URL resolving, serializer classes, plans)
            baseline()
            api_times, raw_times = [], []
            for _ in range(self.repeat):
                api_times.append(timed(self.get, url, **(headers or {}))[0])
                raw_times.append(timed(baseline)[0])
        except Exception as exc:  # the row says what failed; the other rows still run
            return Row(group, measure, error=f"{type(exc).__name__}: {exc}"[:300], target=target)
        return Row(group, measure, figure=median(api_times) * 1000, baseline=median(raw_times) * 1000, unit="ms",
                   baseline_label="raw SQL+orjson", target=target, runs=self.repeat, note=note,
                   samples=[api_times, raw_times])


def _max_page_size(api: Api) -> tuple[int, str]:
    """500 if the API allows it, else the largest page it accepts (``MAX_PAGE_SIZE``)."""
    response = api.client.get(f"{API}/claims/?page_size=500")
    if response.status_code == 200:
        return 500, ""
    from factbase.api.pagination import MAX_PAGE_SIZE

    return MAX_PAGE_SIZE, f"page_size=500 is refused (HTTP {response.status_code}); measured the maximum, {MAX_PAGE_SIZE}"


def list_rows(api: Api) -> list[Row]:
    rows = []
    published = "c.status = 'published'"
    big, big_note = _max_page_size(api)
    for size, note in ((50, ""), (big, big_note)):
        rows.append(api.compare("api", f"claims list, page of {size}", f"{API}/claims/?page_size={size}",
                                lambda size=size: raw_claims(published, [], size + 1), note=note))
    after, before = "2023-01-01", "2024-12-31"
    rows.append(api.compare(
        "api", "claims list, claimant + stated_on filters, page of 50",
        f"{API}/claims/?page_size=50&claimant={api.claimant_key}&stated_on_after={after}&stated_on_before={before}",
        lambda: raw_claims(f"{published} AND a.key = %s AND c.stated_on >= %s AND c.stated_on <= %s",
                           [api.claimant_key, after, before], 51),
        note=f"claimant {api.claimant_key}",
    ))
    rows.append(api.compare("api", f"claims list, q={COMMON}, page of 50", f"{API}/claims/?page_size=50&q={COMMON}",
                            lambda: raw_claims(*_search_where(COMMON), 51)))
    known_on = "2024-01-01"
    rows.append(api.compare(
        "api", "claims list, known_on, page of 50", f"{API}/claims/?page_size=50&known_on={known_on}",
        lambda: raw_claims(f"{published} AND c.first_published_on <= %s", [known_on], 51, known_on=known_on),
    ))
    rows.append(api.compare("api", "proposition timeline", f"{API}/propositions/{api.proposition_key}/timeline/",
                            lambda: raw_timeline(api.proposition_id), note=f"{api.proposition_key}"))
    rows.append(api.compare("api", "claim detail", f"{API}/claims/{api.claim_key}/",
                            lambda: raw_claims("c.key = %s AND c.status = 'published'", [api.claim_key], 1)))
    rows.append(api.compare("api", "browsable HTML ÷ JSON, claims page of 50", f"{API}/claims/?page_size=50&format=api",
                            lambda: api.get(f"{API}/claims/?page_size=50"), headers={"HTTP_ACCEPT": "text/html"}))
    rows[-1].baseline_label = "JSON"
    return rows


def _search_where(term):
    """The text condition of the API's ``q`` in raw SQL (the claimant-name half matches no actor here)."""
    if connection.vendor == "postgresql":
        return "c.status = 'published' AND c.search_vector @@ to_tsquery('simple', %s)", [f"'{term}':*"]
    return "c.status = 'published' AND (' ' || c.search_text) LIKE %s", [f"% {term}%"]


def _cursor_url(api: Api, page: int, size: int) -> str:
    """The URL of page ``page`` (1-based), with a cursor built like the one in page 1's ``next`` link."""
    first = orjson.loads(api.get(f"{API}/claims/?page_size={size}"))
    link = first.get("next")
    if not link:
        raise RuntimeError("page 1 has no next link")
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)
    token = query["cursor"][0]
    tokens = urllib.parse.parse_qs(base64.b64decode(token.encode()).decode())
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM {T['Claim']} WHERE status = 'published' ORDER BY id DESC LIMIT 1 OFFSET %s",
            [(page - 1) * size - 1],
        )
        tokens["p"] = [str(cursor.fetchone()[0])]
    tokens.pop("o", None)
    cursor_value = base64.b64encode(urllib.parse.urlencode(tokens, doseq=True).encode()).decode()
    return f"{API}/claims/?page_size={size}&cursor={urllib.parse.quote(cursor_value)}"


def cursor_rows(api: Api) -> list[Row]:
    size = 50
    pages = api.published // size
    page = min(1000, pages)
    note = "" if page == 1000 else f"{api.published} published claims make {pages} full pages: measured page {page}"
    try:
        far = _cursor_url(api, page, size)
        body = orjson.loads(api.get(far))
        if len(body["results"]) != size:
            raise RuntimeError(f"page {page} holds {len(body['results'])} claims, not {size}")
    except Exception as exc:
        return [Row("pagination", f"cursor page {page} ÷ page 1", error=f"{type(exc).__name__}: {exc}"[:300], target=1.5)]
    row = api.compare("pagination", f"cursor page {page} ÷ page 1 (50 a page)", far,
                      lambda: api.get(f"{API}/claims/?page_size={size}"), target=1.5, note=note)
    row.baseline_label = "page 1"
    return [row]


def search_rows(api: Api) -> list[Row]:
    rows = []
    runs = max(20, 4 * api.repeat)
    postgres = connection.vendor == "postgresql"
    for term in (RARE, COMMON):
        url = f"{API}/claims/?page_size=50&q={term}"
        try:
            api.get(url)
            times = [timed(api.get, url)[0] * 1000 for _ in range(runs)]
        except Exception as exc:
            rows.append(Row("search", f"q={term} p95", error=f"{type(exc).__name__}: {exc}"[:300]))
            continue
        target = 50.0 if postgres and term == COMMON else None
        rows.append(Row("search", f"q={term} p95 ({runs} requests)", figure=p95(times), unit="ms", target=target,
                        direction="abs", runs=runs, samples=times,
                        note="" if target else ("target is for the common term" if postgres else "50 ms target is PostgreSQL's")))
    if postgres:
        rows += explain_rows()
        rows += forced_gin_rows(api)
    return rows


def explain_plans() -> dict:
    """EXPLAIN of every query the API's search runs (first page, newest first), for the rare and the common term:
    on PostgreSQL the count of matches among the newest claims, the ids read through the GIN index when the
    terms are sparse, and the page itself."""
    from django.contrib.auth.models import AnonymousUser

    from claims.search import search_claims
    from claims.selectors import visible_claims

    plans = {}
    for term in (RARE, COMMON):
        with CaptureQueriesContext(connection) as queries:
            page = search_claims(visible_claims(user=AnonymousUser()), term).order_by("-id")[:51]
        sqls = [query["sql"] for query in queries.captured_queries if "@@" in query["sql"]]
        parts = []
        with connection.cursor() as cursor:
            for sql in sqls:
                cursor.execute(f"EXPLAIN {sql}")
                parts.append("\n".join(row[0] for row in cursor.fetchall()))
        parts.append(page.explain())
        plans[term] = "\n-- next query --\n".join(parts)
    return plans


def forced_gin_rows(api: Api) -> list[Row]:
    """The search's SQL alone (first page, newest first): as the API runs it beside one query with the GIN plan forced.

    Information for the EXPLAIN rows. The API counts matches among the newest claims, then walks the primary
    key (common terms) or reads ids through the GIN index (rare ones); the alternative is the plain condition
    with PostgreSQL left only bitmap scans, i.e. the GIN index (``SET LOCAL enable_indexscan = off`` and
    ``enable_seqscan = off``), which must visit every match before the newest 51 are known.
    """
    from django.contrib.auth.models import AnonymousUser
    from django.db import transaction

    from claims.search import search_claims
    from claims.selectors import visible_claims

    rows = []
    runs = max(10, api.repeat)
    for term in (RARE, COMMON):
        def as_the_api_does():
            return list(search_claims(visible_claims(user=AnonymousUser()), term).order_by("-id").values_list("id", flat=True)[:51])

        plain = search_claims(visible_claims(user=AnonymousUser()), term, choose_plan=False)
        sql, params = plain.order_by("-id").values_list("id").query.sql_with_params()
        sql += " LIMIT 51"
        try:
            as_the_api_does()
            api_ms = median([timed(as_the_api_does)[0] * 1000 for _ in range(runs)])
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_indexscan = off")
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute(f"EXPLAIN {sql}", params)
                forced_plan = " ".join(r[0] for r in cursor.fetchall())

                def forced():
                    cursor.execute(sql, params)
                    return cursor.fetchall()

                forced()
                forced_ms = median([timed(forced)[0] * 1000 for _ in range(runs)])
        except Exception as exc:
            rows.append(Row("search", f"q={term}: the API's search SQL ÷ one query, GIN forced", error=f"{type(exc).__name__}: {exc}"[:300]))
            continue
        rows.append(Row("search", f"q={term}: the API's search SQL ÷ one query, GIN forced", figure=api_ms,
                        baseline=forced_ms, unit="ms", baseline_label="GIN forced", runs=runs,
                        note=f"forced plan uses {GIN_INDEX}: {GIN_INDEX in forced_plan}"))
    return rows


def explain_rows() -> list[Row]:
    rows = []
    try:
        plans = explain_plans()
    except Exception as exc:
        return [Row("search", "EXPLAIN q", error=f"{type(exc).__name__}: {exc}"[:300])]
    for term, plan in plans.items():
        uses_gin = GIN_INDEX in plan
        per_row = "to_tsvector(" in plan
        verdict = f"{'uses' if uses_gin else 'does NOT use'} {GIN_INDEX}; " + (
            "computes to_tsvector( per row" if per_row else "no to_tsvector( per row"
        )
        rows.append(Row("search", f"EXPLAIN q={term}: GIN index, no per-row to_tsvector", figure=int(uses_gin and not per_row),
                        baseline=1, target=1, direction="eq", note=verdict))
    return rows


def query_count(api: Api, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        api.get(url)
    return len(queries)


def query_rows(api: Api) -> list[Row]:
    """Queries per request: the same at page size 50 as at 10 (and for a timeline or detail, whatever the size)."""
    rows = []
    lists = {
        "claims list": f"{API}/claims/?",
        "claims list, claimant + dates": f"{API}/claims/?claimant={api.claimant_key}&stated_on_after=2022-01-01&",
        f"claims list, q={COMMON}": f"{API}/claims/?q={COMMON}&",
        "claims list, known_on": f"{API}/claims/?known_on=2024-01-01&",
        "claims CSV": f"{API}/claims/?format=csv&stated_on_after=2023-01-01&stated_on_before=2023-01-10&",
        "appearances list": f"{API}/appearances/?",
        "estimates list": f"{API}/estimates/?",
        "actors list": f"{API}/actors/?",
        "documents list": f"{API}/documents/?",
        "propositions list": f"{API}/propositions/?",
    }
    for name, url in lists.items():
        try:
            small, large = query_count(api, url + "page_size=10"), query_count(api, url + "page_size=50")
        except Exception as exc:
            rows.append(Row("queries", f"{name}: page 50 vs page 10", error=f"{type(exc).__name__}: {exc}"[:300], target=1))
            continue
        rows.append(Row("queries", f"{name}: page 50 vs page 10", figure=large, baseline=small, unit="queries",
                        baseline_label="page 10", target=1, direction="eq"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT pr.key FROM {T['Estimate']} e JOIN {T['Proposition']} pr ON pr.id = e.proposition_id "
            f"GROUP BY pr.key ORDER BY COUNT(*), pr.key LIMIT 1"
        )
        smallest = cursor.fetchone()[0]
        cursor.execute(f"SELECT key FROM {T['Claim']} WHERE status = 'published' ORDER BY id DESC LIMIT 1")
        other_claim = cursor.fetchone()[0]
    pairs = {
        "proposition timeline: largest vs smallest": (f"{API}/propositions/{api.proposition_key}/timeline/",
                                                      f"{API}/propositions/{smallest}/timeline/", smallest),
        "claim detail: with estimate vs another": (f"{API}/claims/{api.claim_key}/", f"{API}/claims/{other_claim}/", other_claim),
    }
    for name, (url, other, label) in pairs.items():
        try:
            figure, baseline = query_count(api, url), query_count(api, other)
        except Exception as exc:
            rows.append(Row("queries", name, error=f"{type(exc).__name__}: {exc}"[:300], target=1))
            continue
        rows.append(Row("queries", name, figure=figure, baseline=baseline, unit="queries", baseline_label=label,
                        target=1, direction="eq"))
    return rows


def api_ready(client=None) -> str:
    """'' when ``/api/v1/claims/`` answers 200, else why not (the API is written by someone else)."""
    try:
        response = (client or Client()).get(f"{API}/claims/?page_size=1")
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"[:300]
    return "" if response.status_code == 200 else f"HTTP {response.status_code}"


__all__ = ["Api", "api_ready", "cursor_rows", "explain_plans", "list_rows", "query_rows", "search_rows"]
