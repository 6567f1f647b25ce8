"""The yardstick of the over-HTTP benchmark: the API's claims, claim detail and timeline written by hand,
in plain SQL (psycopg) and orjson, as a bare WSGI application served by the same gunicorn.

It shares no code with the product (no Django, no shapes): table and column names are written out, the
JSON is assembled here. It answers the same URLs with the same JSON (same fields, same values; the
``next``/``previous`` cursors aside) for the published claims an anonymous reader sees, so that API
time ÷ this time is what the product's machinery costs (tests/bench/test_raw_app_matches_api.py checks
that it does). It supports the requests the benchmark makes: ``/api/v1/claims/`` with ``page_size``,
``claimant`` + ``stated_on_after`` / ``stated_on_before``, ``q`` (every word a prefix of a word of the
claim's search vector or of the names of its lead or joint claimants), ``/api/v1/claims/{key}/`` and
``/api/v1/propositions/{key}/timeline/``.

Written as a careful hand-written service would be: every nested list is one batched query over the
page's ids (``= ANY(%s)``), never one per row, and the independent ones are sent together in one round
trip (psycopg's pipeline mode).

    DATABASE_URL=postgres://... gunicorn bench.lib.raw_app:application
"""

import datetime as dt
import os
import re
import unicodedata
from decimal import Decimal
from urllib.parse import parse_qs, quote

import orjson
import psycopg

_connection = None

#: The brief form of an actor: these columns of the alias given, in this order (see ``Page.actor``).
ACTOR = "{a}.id, {a}.key, {a}.name, {a}.kind, {a}.country"
#: A claim's own columns then its lead claimant's (``Page.claim``).
CLAIM_COLUMNS = (
    "c.id, c.key, c.kind, c.summary, c.summary_language, c.stated_on, c.stated_on_precision, c.hedge, c.location, "
    "c.location_country, c.interested, c.status, c.verdict, c.credibility, c.rationale, c.assessed_at, "
    "c.first_published_on, c.created_at, c.updated_at, " + ACTOR.format(a="a")
)
PROPOSITION_COLUMNS = "{p}.id, {p}.key, {p}.title, {p}.kind, {p}.measure, {p}.unit, {p}.cumulative, {p}.status"
ESTIMATE_COLUMNS = (
    "e.id, e.value, e.lower, e.upper, e.qualifier, e.approximate, e.unit, e.as_of, e.as_of_precision, e.period_start, "
    "e.period_end, e.wording"
)
#: An appearance (brief form) with its document and publisher (``Page.appearance``); the claim's id last.
APPEARANCE_SQL = (
    "SELECT p.id, p.quote, p.start, p.\"end\", p.translation, p.translation_language, p.stated_on, p.stated_on_precision, "
    "p.medium, d.id, d.key, d.title, d.published_on, d.language, d.url, " + ACTOR.format(a="pa") + ", p.claim_id "
    "FROM claims_appearance p JOIN sources_document d ON d.id = p.document_id "
    "LEFT JOIN sources_actor pa ON pa.id = d.publisher_id WHERE p.claim_id = ANY(%s) "
    "ORDER BY d.published_on, d.published_time, p.id"
)
#: The hops of the appearances of some claims, nearest the document first, parallel relays as entered.
HOPS_SQL = (
    "SELECT h.appearance_id, h.position, h.relation, h.language, h.medium, h.passed_on, h.passed_on_precision, "
    + ACTOR.format(a="a") + " FROM claims_attributionhop h JOIN claims_appearance p ON p.id = h.appearance_id "
    "JOIN sources_actor a ON a.id = h.actor_id WHERE p.claim_id = ANY(%s) ORDER BY h.position, h.id"
)
JOINT_SQL = (
    "SELECT j.claim_id, " + ACTOR.format(a="a") + " FROM claims_jointclaimant j JOIN sources_actor a ON a.id = j.actor_id "
    "WHERE j.claim_id = ANY(%s) ORDER BY j.position, j.id"
)
SYMBOLS = {"approximately": "≈", "at_least": "≥", "more_than": ">", "at_most": "≤", "fewer_than": "<"}
#: Qualifiers whose bound may itself be approximate ("at least about 100": "≥~100").
BOUNDS = ("at_least", "more_than", "at_most", "fewer_than", "range")
#: Characters a key keeps as they are in a URL path (what Django's ``reverse`` leaves unquoted).
URL_SAFE = "!$&'()*+,;=/~:@"
MAX_TERMS = 12
#: A search first looks among this many of the newest claims (see ``Page.claims``).
PROBE_ROWS = 1000


def connection():
    global _connection
    if _connection is None or _connection.closed:
        _connection = psycopg.connect(os.environ["DATABASE_URL"].replace("postgres://", "postgresql://", 1), autocommit=True)
    return _connection


def query(sql, params=(), *, prepare=None):
    """The rows of one statement; ``prepare=False`` plans it for its values on every run (psycopg otherwise
    prepares a statement after five runs, and PostgreSQL may then keep one generic plan for every value)."""
    with connection().cursor() as cursor:
        cursor.execute(sql, params, prepare=prepare)
        return cursor.fetchall()


def queries(*statements):
    """The rows of several independent ``(sql, params)`` statements, sent together: one round trip."""
    conn = connection()
    with conn.pipeline():
        cursors = []
        for sql, params in statements:
            cursor = conn.cursor()
            cursor.execute(sql, params)
            cursors.append(cursor)
        results = [cursor.fetchall() for cursor in cursors]
    for cursor in cursors:
        cursor.close()
    return results


def _number(value):
    return None if value is None else float(value)


def _display(qualifier, value, lower, upper, approximate):
    def fmt(number):
        return f"{number.normalize():,f}" if number is not None else "?"

    mark = "~" if approximate and qualifier in BOUNDS else ""
    if qualifier == "unknown":
        return "unknown"
    if qualifier == "range":
        return f"{mark}{fmt(lower)}–{fmt(upper)}"
    if qualifier in ("at_least", "more_than"):
        return f"{SYMBOLS[qualifier]}{mark}{fmt(lower)}"
    if qualifier in ("at_most", "fewer_than"):
        return f"{SYMBOLS[qualifier]}{mark}{fmt(upper)}"
    return f"{SYMBOLS.get(qualifier, '')}{fmt(value)}"


def _iso(value):
    return None if value is None else value.isoformat()


def _datetime(value):
    """A timestamp in UTC, ISO 8601 with ``Z``, microseconds when there are any."""
    if value is None:
        return None
    return value.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")


def _terms(text):
    """The words of a search: case-folded, accents removed, punctuation as spaces."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch))
    folded = unicodedata.normalize("NFKC", folded).replace("ς", "σ")
    return re.sub(r"[^\w\s]", " ", folded).split()[:MAX_TERMS]


def _like(text):
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class Page:
    """One response's JSON, built from rows: ``base`` is the scheme and host its links start with."""

    def __init__(self, base):
        self.base = base

    def url(self, kind, key):
        key = str(key)
        return f"{self.base}/api/v1/{kind}/{quote(key, safe=URL_SAFE)}/"

    def actor(self, row, at=0):
        if row[at] is None:
            return None
        return {"id": row[at], "key": row[at + 1], "name": row[at + 2], "kind": row[at + 3], "country": row[at + 4],
                "url": self.url("actors", row[at + 1])}

    def proposition(self, row, at=0):
        return {"id": row[at], "key": row[at + 1], "title": row[at + 2], "url": self.url("propositions", row[at + 1]),
                "kind": row[at + 3], "measure": row[at + 4], "unit": row[at + 5], "cumulative": row[at + 6],
                "status": row[at + 7]}

    def estimate(self, row, proposition_unit, at=0):
        """The numbers of an estimate from ``ESTIMATE_COLUMNS`` at ``at`` (no id, no proposition, no wording)."""
        value, lower, upper, qualifier, approximate = row[at + 1:at + 6]
        return {"value": _number(value), "lower": _number(lower), "upper": _number(upper), "qualifier": qualifier,
                "approximate": approximate, "unit": row[at + 6] or proposition_unit,
                "display_value": _display(qualifier, value, lower, upper, approximate), "as_of": _iso(row[at + 7]),
                "as_of_precision": row[at + 8], "period_start": _iso(row[at + 9]), "period_end": _iso(row[at + 10])}

    def hops(self, rows):
        """{appearance id: [hop, ...]} from ``HOPS_SQL`` rows."""
        found = {}
        for row in rows:
            found.setdefault(row[0], []).append({
                "position": row[1], "actor": self.actor(row, 7), "relation": row[2], "language": row[3], "medium": row[4],
                "passed_on": _iso(row[5]), "passed_on_precision": row[6],
            })
        return found

    def appearances(self, rows, hop_rows):
        """{claim id: [appearance (brief form), ...]} from ``APPEARANCE_SQL`` and ``HOPS_SQL`` rows, earliest first."""
        hops = self.hops(hop_rows)
        found = {}
        for row in rows:
            found.setdefault(row[20], []).append({
                "id": row[0],
                "document": {"id": row[9], "key": row[10], "title": row[11], "published_on": _iso(row[12]),
                             "language": row[13], "url": self.url("documents", row[10]), "source_url": row[14],
                             "publisher": self.actor(row, 15)},
                "quote": row[1], "start": row[2], "end": row[3], "translation": row[4], "translation_language": row[5],
                "stated_on": _iso(row[6]), "stated_on_precision": row[7], "medium": row[8], "hops": hops.get(row[0], []),
            })
        return found

    def grouped_actors(self, rows):
        found = {}
        for row in rows:
            found.setdefault(row[0], []).append(self.actor(row, 1))
        return found

    def claims(self, where, params, limit, *, search=False):
        """Published claims matching ``where``, newest first, at most ``limit``, in the API's full form.

        ``search`` (a text search): PostgreSQL cannot tell a prefix term in every claim from one in a claim in
        10,000, and walks the primary key newest first for both — a whole-table read for the rare one. So the
        newest ``PROBE_ROWS`` claims are searched first (by primary key); when they hold less than a page, the
        matches are read through the search indexes as ids (a bitmap scan) and the page is cut from them.
        """
        select = f"SELECT {CLAIM_COLUMNS} FROM claims_claim c JOIN sources_actor a ON a.id = c.claimant_id "
        # A filtered page is planned for its values on every run, as the product's is (plan_cache_mode=
        # force_custom_plan): with the generic plan PostgreSQL kept after five prepared runs, claimant + dates took
        # 33 ms at 1M claims, not 5. Unlike the product's it is also parsed on every run (unprepared): a few tens
        # of microseconds, which the ratio counts in the product's favour.
        custom = False if where else None
        if not search:
            rows = query(f"{select} WHERE c.status = 'published' {where} ORDER BY c.id DESC LIMIT %s", [*params, limit],
                         prepare=custom)
        else:
            rows = query(
                f"{select} WHERE c.status = 'published' AND c.id >= COALESCE((SELECT id FROM claims_claim ORDER BY id DESC "
                f"OFFSET {PROBE_ROWS - 1} LIMIT 1), 0) {where} ORDER BY c.id DESC LIMIT %s", [*params, limit],
                prepare=custom,
            )
            if len(rows) < limit:
                rows = query(
                    f"WITH found AS MATERIALIZED (SELECT c.id FROM claims_claim c WHERE c.status = 'published' {where}), "
                    f"page AS MATERIALIZED (SELECT id FROM found ORDER BY id DESC LIMIT %s) "
                    f"{select} JOIN page ON page.id = c.id ORDER BY c.id DESC", [*params, limit], prepare=custom,
                )
        if not rows:
            return []
        return self.assemble(rows, *queries(*self.nested("%s", [[row[0] for row in rows]])))

    def claim(self, where, params):
        """The published claim matching ``where`` (one at most), or None: its row and its lists are read in one
        round trip, the lists selecting the claim themselves."""
        rows, *lists = queries(
            (f"SELECT {CLAIM_COLUMNS} FROM claims_claim c JOIN sources_actor a ON a.id = c.claimant_id "
             f"WHERE c.status = 'published' {where} LIMIT 1", params),
            *self.nested(f"ARRAY(SELECT c.id FROM claims_claim c WHERE c.status = 'published' {where} LIMIT 1)", params),
        )
        return self.assemble(rows, *lists)[0] if rows else None

    @staticmethod
    def nested(ids, params):
        """The statements of a claim's lists for the claims whose ids are ``ids`` (an array: a parameter or a subquery,
        with its ``params``): joint claimants, subjects, appearances, their hops, estimates, stances."""
        return [(sql.replace("= ANY(%s)", f"= ANY({ids})"), params) for sql in (
            JOINT_SQL,
            "SELECT t.claim_id, " + ACTOR.format(a="a") + " FROM claims_claim_subjects t "
            "JOIN sources_actor a ON a.id = t.actor_id WHERE t.claim_id = ANY(%s) ORDER BY a.name, a.id",
            APPEARANCE_SQL,
            HOPS_SQL,
            f"SELECT {ESTIMATE_COLUMNS}, e.claim_id, {PROPOSITION_COLUMNS.format(p='pr')} FROM claims_estimate e "
            "JOIN claims_proposition pr ON pr.id = e.proposition_id WHERE e.claim_id = ANY(%s) ORDER BY e.as_of, e.id",
            f"SELECT s.claim_id, s.stance, {PROPOSITION_COLUMNS.format(p='pr')} FROM claims_claimstance s "
            "JOIN claims_proposition pr ON pr.id = s.proposition_id WHERE s.claim_id = ANY(%s) ORDER BY s.proposition_id",
        )]

    def assemble(self, rows, joint, subjects, appearances, hops, estimates, stances):
        """The claims of ``rows`` (``CLAIM_COLUMNS``) in the API's full form, from the rows of their lists."""
        joint, subjects = self.grouped_actors(joint), self.grouped_actors(subjects)
        appearances = self.appearances(appearances, hops)
        by_claim = {}
        for row in estimates:
            by_claim.setdefault(row[12], []).append({
                "id": row[0], "proposition": self.proposition(row, 13), **self.estimate(row, row[18]), "wording": row[11],
            })
        estimates, by_claim = by_claim, {}
        for row in stances:
            by_claim.setdefault(row[0], []).append({"proposition": self.proposition(row, 2), "stance": row[1]})
        stances = by_claim
        return [{
            "id": row[0], "key": row[1], "url": self.url("claims", row[1]), "claimant": self.actor(row, 19),
            "joint_claimants": joint.get(row[0], []), "kind": row[2], "summary": row[3], "summary_language": row[4],
            "stated_on": _iso(row[5]), "stated_on_precision": row[6], "hedge": row[7], "subjects": subjects.get(row[0], []),
            "location": row[8], "location_country": row[9], "interested": row[10], "status": row[11], "verdict": row[12],
            "credibility": row[13], "rationale": row[14], "assessed_at": _datetime(row[15]),
            "first_published_on": _iso(row[16]), "appearances": appearances.get(row[0], []),
            "estimates": estimates.get(row[0], []), "stances": stances.get(row[0], []),
            "created_at": _datetime(row[17]), "updated_at": _datetime(row[18]),
        } for row in rows]

    def timeline(self, ref):
        """Every published estimate of a proposition, by when it holds, with its claim's claimants and appearances."""
        by = "id" if ref.isascii() and ref.isdigit() else "key"
        value = int(ref) if by == "id" else ref
        found, rows = queries(
            (f"SELECT {PROPOSITION_COLUMNS.format(p='pr')} FROM claims_proposition pr WHERE pr.{by} = %s", [value]),
            (f"SELECT {ESTIMATE_COLUMNS}, "
             "COALESCE(e.as_of, e.period_start, e.period_end, c.stated_on, c.first_published_on), "
             "c.id, c.key, c.summary, c.status, c.kind, c.hedge, c.stated_on, c.stated_on_precision, c.first_published_on, "
             "c.interested, " + ACTOR.format(a="a") + " "
             "FROM claims_estimate e JOIN claims_claim c ON c.id = e.claim_id JOIN sources_actor a ON a.id = c.claimant_id "
             f"WHERE e.proposition_id = (SELECT id FROM claims_proposition WHERE {by} = %s) AND c.status = 'published' "
             "ORDER BY 13, c.stated_on, e.id", [value]),
        )
        if not found:
            return None
        proposition = found[0]
        joint, appearances, wordings = {}, {}, {}
        if rows:
            claim_ids = list({row[13] for row in rows})
            joint, appearance_rows, hop_rows, wording_rows = queries(
                (JOINT_SQL, [claim_ids]), (APPEARANCE_SQL, [claim_ids]), (HOPS_SQL, [claim_ids]),
                ("SELECT w.estimate_id, w.appearance_id, w.wording FROM claims_estimatewording w "
                 "WHERE w.estimate_id = ANY(%s)", [[row[0] for row in rows]]),
            )
            joint = self.grouped_actors(joint)
            appearances = self.appearances(appearance_rows, hop_rows)
            wordings = {(row[0], row[1]): row[2] for row in wording_rows}
        estimates, series = [], {}
        for row in rows:
            claimant = self.actor(row, 23)
            claim = {"id": row[13], "key": row[14], "summary": row[15], "url": self.url("claims", row[14]),
                     "claimant": claimant, "status": row[16], "kind": row[17], "hedge": row[18], "stated_on": _iso(row[19]),
                     "stated_on_precision": row[20], "first_published_on": _iso(row[21]), "interested": row[22]}
            fallback = row[11]
            cited = []
            for appearance in appearances.get(row[13], []):
                wording = wordings.get((row[0], appearance["id"]))
                if not wording:
                    wording = fallback if fallback and fallback in appearance["quote"] else None
                cited.append({**appearance, "wording": wording})
            estimate = {"id": row[0], "claim": claim, "claimant": claimant, **self.estimate(row, proposition[5]),
                        "holds_on": _iso(row[12]), "wording": row[11], "joint_claimants": joint.get(row[13], []),
                        "appearances": cited, "first_appearance": cited[0] if cited else None,
                        "appearance_count": len(cited)}
            estimates.append(estimate)
            for actor in (claimant, *estimate["joint_claimants"]):
                series.setdefault(actor["id"], {"claimant": actor, "estimates": []})["estimates"].append(row[0])
        for entry in series.values():
            entry["latest"] = entry["estimates"][-1]
        return {"proposition": self.proposition(proposition), "known_on": None, "independent_origins": len(series),
                "estimates": estimates, "series": list(series.values())}


def claims_filter(params):
    """The SQL condition (after ``c.status = 'published'``) and its parameters for the list's filters."""
    where, values = "", []
    if "claimant" in params:
        # The key is resolved first, with the claims it is a joint claimant of: the main query then has literal
        # ids, whose statistics the planner reads (a claim matches by its lead or any joint claimant).
        keys = [key for key in params["claimant"].split(",") if key]
        found = query("SELECT a.id, ARRAY(SELECT j.claim_id FROM claims_jointclaimant j WHERE j.actor_id = a.id) "
                      "FROM sources_actor a WHERE a.key = ANY(%s)", [keys])
        actors, joint = [row[0] for row in found], [claim for row in found for claim in row[1]]
        if joint:
            where += " AND (c.claimant_id = ANY(%s) OR c.id = ANY(%s))"
            values += [actors, joint]
        else:
            where += " AND c.claimant_id = ANY(%s)"
            values.append(actors)
    if "stated_on_after" in params:
        where += " AND c.stated_on >= %s"
        values.append(dt.date.fromisoformat(params["stated_on_after"]))
    if "stated_on_before" in params:
        where += " AND c.stated_on <= %s"
        values.append(dt.date.fromisoformat(params["stated_on_before"]))
    for term in _terms(params.get("q", "")):
        # Each word: a prefix of a word of the claim's text, or of a name of its lead or a joint claimant.
        actors = "SELECT id FROM sources_actor WHERE search_text LIKE %s OR search_text LIKE %s"
        where += (" AND (c.search_vector @@ to_tsquery('simple', %s) OR c.claimant_id = ANY(ARRAY(" + actors + ")) "
                  "OR c.id = ANY(ARRAY(SELECT j.claim_id FROM claims_jointclaimant j WHERE j.actor_id IN (" + actors + "))))")
        patterns = [f"{_like(term)}%", f"% {_like(term)}%"]
        values += [f"'{term}':*", *patterns, *patterns]
    return where, values


_DETAIL = re.compile(r"^/api/v1/claims/([^/]+)/$")
_TIMELINE = re.compile(r"^/api/v1/propositions/([^/]+)/timeline/$")


def _base(environ):
    scheme = "https" if environ.get("HTTP_X_FORWARDED_PROTO") == "https" else environ.get("wsgi.url_scheme", "http")
    host = environ.get("HTTP_HOST")
    if not host:
        host, port = environ.get("SERVER_NAME", "localhost"), str(environ.get("SERVER_PORT", ""))
        if port and port != {"http": "80", "https": "443"}[scheme]:
            host = f"{host}:{port}"
    return f"{scheme}://{host}"


def application(environ, start_response):
    path = environ.get("PATH_INFO", "")
    params = {name: values[0] for name, values in parse_qs(environ.get("QUERY_STRING", "")).items()}
    page = Page(_base(environ))
    data = None
    if path == "/api/v1/claims/":
        where, values = claims_filter(params)
        size = int(params.get("page_size", "50"))
        claims = page.claims(where, values, size + 1, search=bool(_terms(params.get("q", ""))))
        next_url = f"{page.base}/api/v1/claims/?cursor=raw" if len(claims) > size else None
        data = {"next": next_url, "previous": None, "results": claims[:size]}
    elif match := _DETAIL.match(path):
        ref = match.group(1)
        by_id = ref.isascii() and ref.isdigit()
        data = page.claim(" AND c.id = %s" if by_id else " AND c.key = %s", [int(ref) if by_id else ref])
    elif match := _TIMELINE.match(path):
        data = page.timeline(match.group(1))
    if data is None:
        start_response("404 Not Found", [("Content-Type", "application/json")])
        return [b'{"detail":"not found"}']
    body = orjson.dumps(data)
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
