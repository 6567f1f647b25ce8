"""The yardstick of the over-HTTP benchmark: the API's claims, claim detail and timeline written by hand,
in plain SQL (psycopg) and orjson, as a bare WSGI application served by the same gunicorn.

It shares no code with the product (no Django, no shapes): table and column names are written out, the
JSON is assembled here. It answers the same URLs with the same fields, for the published claims an
anonymous reader sees, so that API time ÷ this time is what the product's machinery costs. It supports the
requests the benchmark makes: ``/api/v1/claims/`` with ``page_size``, ``claimant`` + ``stated_on_after`` /
``stated_on_before``, ``q`` (one word, prefix match on the search vector or the claimant's names),
``/api/v1/claims/{key}/`` and ``/api/v1/propositions/{key}/timeline/``.

    DATABASE_URL=postgres://... gunicorn bench.lib.raw_app:application
"""

import os
import re
from decimal import Decimal
from urllib.parse import parse_qs

import orjson
import psycopg

_connection = None

ACTOR = "{a}.id, {a}.key, {a}.name, {a}.kind, {a}.country"
CLAIM_COLUMNS = (
    "c.id, c.key, c.kind, c.summary, c.summary_language, c.stated_on, c.stated_on_precision, c.hedge, c.location, "
    "c.location_country, c.interested, c.status, c.verdict, c.credibility, c.rationale, c.assessed_at, "
    "c.first_published_on, c.created_at, c.updated_at, " + ACTOR.format(a="a")
)
SYMBOLS = {"approximately": "≈", "at_least": "≥", "more_than": ">", "at_most": "≤", "fewer_than": "<"}


def connection():
    global _connection
    if _connection is None or _connection.closed:
        _connection = psycopg.connect(os.environ["DATABASE_URL"].replace("postgres://", "postgresql://"), autocommit=True)
    return _connection


def query(sql, params=()):
    with connection().cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _number(value):
    if value is None:
        return None
    return float(value)


def _display(qualifier, value, lower, upper):
    def fmt(number):
        return f"{number.normalize():,f}" if number is not None else "?"

    if qualifier == "unknown":
        return "unknown"
    if qualifier == "range":
        return f"{fmt(lower)}–{fmt(upper)}"
    if qualifier in ("at_least", "more_than"):
        return f"{SYMBOLS[qualifier]}{fmt(lower)}"
    if qualifier in ("at_most", "fewer_than"):
        return f"{SYMBOLS[qualifier]}{fmt(upper)}"
    return f"{SYMBOLS.get(qualifier, '')}{fmt(value)}"


def _iso(value):
    return None if value is None else value.isoformat()


def _datetime(value):
    return None if value is None else value.isoformat().replace("+00:00", "Z")


class Page:
    def __init__(self, base):
        self.base = base

    def url(self, kind, key):
        return f"{self.base}/api/v1/{kind}/{key}/"

    def actor(self, row, at=0):
        if row[at] is None:
            return None
        return {"id": row[at], "key": row[at + 1], "name": row[at + 2], "kind": row[at + 3], "country": row[at + 4],
                "url": self.url("actors", row[at + 1])}

    def proposition(self, row, at=0):
        return {"id": row[at], "key": row[at + 1], "title": row[at + 2], "url": self.url("propositions", row[at + 1]),
                "kind": row[at + 3], "measure": row[at + 4], "unit": row[at + 5], "status": row[at + 6]}

    def appearances(self, claim_ids, known_on=None, only_first=False):
        """{claim_id: [appearance, ...]} earliest first, with document, publisher and hops."""
        if not claim_ids:
            return {}
        rows = query(
            "SELECT p.id, p.claim_id, p.quote, p.start, p.\"end\", p.translation, p.translation_language, "
            "d.id, d.key, d.title, d.published_on, d.language, d.url, " + ACTOR.format(a="pa") + " "
            "FROM claims_appearance p JOIN sources_document d ON d.id = p.document_id "
            "LEFT JOIN sources_actor pa ON pa.id = d.publisher_id WHERE p.claim_id = ANY(%s) "
            + ("AND d.published_on <= %s " if known_on else "")
            + "ORDER BY d.published_on, d.published_time, p.id",
            [list(claim_ids), *([known_on] if known_on else [])],
        )
        grouped, counts = {}, {}
        for row in rows:
            counts[row[1]] = counts.get(row[1], 0) + 1
            if only_first and row[1] in grouped:
                continue
            grouped.setdefault(row[1], []).append(row)
        ids = [row[0] for rows_ in grouped.values() for row in rows_]
        hops = {}
        for row in query(
            "SELECT h.appearance_id, h.position, h.relation, h.language, " + ACTOR.format(a="a") + " "
            "FROM claims_attributionhop h JOIN sources_actor a ON a.id = h.actor_id WHERE h.appearance_id = ANY(%s) "
            "ORDER BY h.position", [ids],
        ) if ids else []:
            hops.setdefault(row[0], []).append({"position": row[1], "actor": self.actor(row, 4), "relation": row[2], "language": row[3]})
        result = {}
        for claim_id, rows_ in grouped.items():
            result[claim_id] = [{
                "id": row[0],
                "document": {"id": row[7], "key": row[8], "title": row[9], "published_on": _iso(row[10]), "language": row[11],
                             "url": self.url("documents", row[8]), "source_url": row[12], "publisher": self.actor(row, 13)},
                "quote": row[2], "start": row[3], "end": row[4], "translation": row[5], "translation_language": row[6],
                "hops": hops.get(row[0], []),
            } for row in rows_]
        return result, counts

    def claims(self, where, params, limit):
        rows = query(
            f"SELECT {CLAIM_COLUMNS} FROM claims_claim c JOIN sources_actor a ON a.id = c.claimant_id "
            f"WHERE c.status = 'published' {where} ORDER BY c.id DESC LIMIT %s", [*params, limit],
        )
        ids = [row[0] for row in rows]
        subjects, estimates, stances = {}, {}, {}
        if ids:
            for row in query(
                "SELECT t.claim_id, " + ACTOR.format(a="a") + " FROM claims_claim_subjects t "
                "JOIN sources_actor a ON a.id = t.actor_id WHERE t.claim_id = ANY(%s) ORDER BY a.name, a.id", [ids],
            ):
                subjects.setdefault(row[0], []).append(self.actor(row, 1))
            for row in query(
                "SELECT e.id, e.claim_id, e.value, e.lower, e.upper, e.qualifier, e.unit, e.as_of, e.as_of_precision, "
                "e.period_start, e.period_end, e.wording, pr.id, pr.key, pr.title, pr.kind, pr.measure, pr.unit, pr.status "
                "FROM claims_estimate e JOIN claims_proposition pr ON pr.id = e.proposition_id "
                "WHERE e.claim_id = ANY(%s) ORDER BY e.as_of, e.id", [ids],
            ):
                estimates.setdefault(row[1], []).append({
                    "id": row[0], "proposition": self.proposition(row, 12), "value": _number(row[2]),
                    "lower": _number(row[3]), "upper": _number(row[4]), "qualifier": row[5], "unit": row[6] or row[17],
                    "display_value": _display(row[5], row[2], row[3], row[4]), "as_of": _iso(row[7]),
                    "as_of_precision": row[8], "period_start": _iso(row[9]), "period_end": _iso(row[10]), "wording": row[11],
                })
            for row in query(
                "SELECT s.claim_id, s.stance, pr.id, pr.key, pr.title, pr.kind, pr.measure, pr.unit, pr.status "
                "FROM claims_claimstance s JOIN claims_proposition pr ON pr.id = s.proposition_id "
                "WHERE s.claim_id = ANY(%s) ORDER BY s.proposition_id", [ids],
            ):
                stances.setdefault(row[0], []).append({"proposition": self.proposition(row, 2), "stance": row[1]})
        appearances, _ = self.appearances(ids) if ids else ({}, {})
        return [{
            "id": row[0], "key": row[1], "url": self.url("claims", row[1]), "claimant": self.actor(row, 19), "kind": row[2],
            "summary": row[3], "summary_language": row[4], "stated_on": _iso(row[5]), "stated_on_precision": row[6],
            "hedge": row[7], "subjects": subjects.get(row[0], []), "location": row[8], "location_country": row[9],
            "interested": row[10], "status": row[11], "verdict": row[12], "credibility": row[13], "rationale": row[14],
            "assessed_at": _datetime(row[15]), "first_published_on": _iso(row[16]), "appearances": appearances.get(row[0], []),
            "estimates": estimates.get(row[0], []), "stances": stances.get(row[0], []), "created_at": _datetime(row[17]),
            "updated_at": _datetime(row[18]),
        } for row in rows]

    def timeline(self, key):
        found = query("SELECT id, key, title, kind, measure, unit, status FROM claims_proposition WHERE key = %s", [key])
        if not found:
            return None
        proposition = found[0]
        rows = query(
            "SELECT e.id, e.value, e.lower, e.upper, e.qualifier, e.unit, e.as_of, e.as_of_precision, e.period_start, "
            "e.period_end, e.wording, COALESCE(e.as_of, e.period_start, e.period_end, c.stated_on, c.first_published_on), "
            "c.id, c.key, c.kind, c.summary, c.stated_on, c.stated_on_precision, c.hedge, c.interested, c.status, "
            "c.first_published_on, " + ACTOR.format(a="a") + " "
            "FROM claims_estimate e JOIN claims_claim c ON c.id = e.claim_id JOIN sources_actor a ON a.id = c.claimant_id "
            "WHERE e.proposition_id = %s AND c.status = 'published' ORDER BY 12, c.stated_on, e.id", [proposition[0]],
        )
        claim_ids = {row[12] for row in rows}
        firsts, counts = self.appearances(claim_ids, only_first=True)
        estimates, series = [], {}
        for row in rows:
            claimant = self.actor(row, 22)
            estimates.append({
                "id": row[0],
                "claim": {"id": row[12], "key": row[13], "url": self.url("claims", row[13]), "claimant": claimant,
                          "kind": row[14], "summary": row[15], "stated_on": _iso(row[16]), "stated_on_precision": row[17],
                          "hedge": row[18], "interested": row[19], "status": row[20], "first_published_on": _iso(row[21])},
                "claimant": claimant, "value": _number(row[1]), "lower": _number(row[2]), "upper": _number(row[3]),
                "qualifier": row[4], "unit": row[5] or proposition[5], "display_value": _display(row[4], row[1], row[2], row[3]),
                "as_of": _iso(row[6]), "as_of_precision": row[7], "period_start": _iso(row[8]), "period_end": _iso(row[9]),
                "holds_on": _iso(row[11]), "wording": row[10],
                "first_appearance": (firsts.get(row[12]) or [None])[0], "appearance_count": counts.get(row[12], 0),
            })
            series.setdefault(row[22], {"claimant": claimant, "estimates": []})["estimates"].append(row[0])
        for entry in series.values():
            entry["latest"] = entry["estimates"][-1]
        origins = query(
            "SELECT COUNT(DISTINCT c.claimant_id) FROM claims_claim c JOIN claims_estimate e ON e.claim_id = c.id "
            "WHERE e.proposition_id = %s AND c.status = 'published'", [proposition[0]],
        )[0][0]
        return {"proposition": self.proposition(proposition), "known_on": None, "independent_origins": origins,
                "estimates": estimates, "series": list(series.values())}


_DETAIL = re.compile(r"^/api/v1/claims/([-\w]+)/$")
_TIMELINE = re.compile(r"^/api/v1/propositions/([-\w]+)/timeline/$")


def _default(value):
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError


def application(environ, start_response):
    path = environ.get("PATH_INFO", "")
    params = {name: values[0] for name, values in parse_qs(environ.get("QUERY_STRING", "")).items()}
    page = Page(f"http://{environ.get('HTTP_HOST', 'localhost')}")
    data = None
    if path == "/api/v1/claims/":
        where, values = "", []
        if "claimant" in params:
            where += " AND c.claimant_id IN (SELECT id FROM sources_actor WHERE key = %s)"
            values.append(params["claimant"])
        if "stated_on_after" in params:
            where += " AND c.stated_on >= %s"
            values.append(params["stated_on_after"])
        if "stated_on_before" in params:
            where += " AND c.stated_on <= %s"
            values.append(params["stated_on_before"])
        if "q" in params:
            where += (" AND (c.search_vector @@ to_tsquery('simple', %s) OR c.claimant_id IN "
                      "(SELECT id FROM sources_actor WHERE search_text LIKE %s OR search_text LIKE %s))")
            term = params["q"].lower()
            values += [f"'{term}':*", f"{term}%", f"% {term}%"]
        size = int(params.get("page_size", "50"))
        claims = page.claims(where, values, size + 1)
        next_url = f"{page.base}/api/v1/claims/?cursor=raw" if len(claims) > size else None
        data = {"next": next_url, "previous": None, "results": claims[:size]}
    elif match := _DETAIL.match(path):
        found = page.claims(" AND c.key = %s", [match.group(1)], 1)
        data = found[0] if found else None
    elif match := _TIMELINE.match(path):
        data = page.timeline(match.group(1))
    if data is None:
        start_response("404 Not Found", [("Content-Type", "application/json")])
        return [b'{"detail":"not found"}']
    body = orjson.dumps(data, default=_default)
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
