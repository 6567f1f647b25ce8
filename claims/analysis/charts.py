"""Server-side SVG charts: estimates of one proposition over time, one series per claimant.

No JavaScript and no external resource: the chart is one ``<svg>`` string in which every piece of text
is escaped, shown inline on the proposition's admin page and served alone (published claims only) for
embedding. How it reads:

- a point is drawn at its best value; hollow when approximate; an arrow up for "at least"/"more than",
  down for "at most"/"fewer than"; a range is a shaded band from lower to upper (joined into one band
  between successive ranges of a claimant);
- a claimant that is a party to what it describes (``interested``) is drawn dashed, with square points,
  and the legend says so;
- the date axis picks its step from the span (days, weeks, months, quarters, years), so every tick is a
  distinct, aligned date; values get round steps;
- the legend lists every claimant with its full name (long names wrap; the full name is also its hover
  text), then a key of the markers; point labels (≈2,000, ≥600, 300–400) are written when there are few
  enough points to read them, and every point has its wording as hover text.
"""

import datetime as dt
import math
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..models import APPROXIMATE_BOUND_QUALIFIERS, APPROXIMATE_MARK

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f"]
UP = {"at_least", "more_than"}
DOWN = {"at_most", "fewer_than"}
SYMBOL = {"approximately": "≈", "at_least": "≥", "more_than": ">", "at_most": "≤", "fewer_than": "<"}


def _number(value) -> float | None:
    if value is None or value == "":
        return None
    return float(Decimal(str(value)))


def _date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def format_number(value) -> str:
    number = Decimal(str(value)).normalize()
    return f"{number:,f}"


def point_label(point: dict) -> str:
    """How a point reads on the chart: ≈2,000, ≥600, 300–400, 350 — and, for a bound that is itself approximate
    (``approximate``), ≥~100, >~10,000, ~300–400, as ``claims.models.display_value`` writes them."""
    qualifier = point.get("qualifier") or "exact"
    lower, upper, value = point.get("lower"), point.get("upper"), point.get("value")
    mark = APPROXIMATE_MARK if point.get("approximate") and qualifier in APPROXIMATE_BOUND_QUALIFIERS else ""
    if qualifier == "range" and lower is not None and upper is not None:
        return f"{mark}{format_number(lower)}–{format_number(upper)}"
    if qualifier in UP and lower is not None:
        return f"{SYMBOL[qualifier]}{mark}{format_number(lower)}"
    if qualifier in DOWN and upper is not None:
        return f"{SYMBOL[qualifier]}{mark}{format_number(upper)}"
    if value is not None:
        return f"{SYMBOL.get(qualifier, '')}{format_number(value)}"
    return "unknown"


def _anchor(point: dict) -> float | None:
    """The height a point is drawn at: its best value, else the bound it has."""
    for name in ("value", "lower", "upper"):
        number = _number(point.get(name))
        if number is not None:
            return number
    return None


def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / ticks if span > 0 else 1
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    return dt.date(day.year + month // 12, month % 12 + 1, 1)


#: (unit, step, label format) from the finest to the coarsest; the first giving at most MAX_TICKS ticks wins.
TIME_STEPS = [("day", 1, "%Y-%m-%d"), ("day", 2, "%Y-%m-%d"), ("week", 1, "%Y-%m-%d"), ("week", 2, "%Y-%m-%d"),
              ("month", 1, "%Y-%m"), ("month", 2, "%Y-%m"), ("month", 3, "%Y-%m"), ("month", 6, "%Y-%m"),
              ("year", 1, "%Y"), ("year", 2, "%Y"), ("year", 5, "%Y"), ("year", 10, "%Y")]
MAX_TICKS = 7


def time_ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """Aligned, distinct date ticks covering ``[first, last]``: days, Mondays, first days of months or of
    years, whichever gives at most ``MAX_TICKS``; each labelled at its own precision (2025-09-04, 2025-09, 2025)."""
    for unit, step, label in TIME_STEPS:
        if unit == "day":
            tick = first
            advance = lambda d, n=step: d + dt.timedelta(days=n)  # noqa: E731
        elif unit == "week":
            tick = first + dt.timedelta(days=(7 - first.weekday()) % 7)
            advance = lambda d, n=step: d + dt.timedelta(weeks=n)  # noqa: E731
        elif unit == "month":
            tick = first if first.day == 1 and (first.month - 1) % step == 0 else _add_months(first, 1)
            while (tick.month - 1) % step:
                tick = _add_months(tick, 1)
            advance = lambda d, n=step: _add_months(d, n)  # noqa: E731
        else:
            year = first.year if (first.month, first.day) == (1, 1) else first.year + 1
            year += (-year) % step
            tick = dt.date(year, 1, 1) if year <= dt.date.max.year else None
            advance = lambda d, n=step: dt.date(d.year + n, 1, 1) if d.year + n <= dt.date.max.year else None  # noqa: E731
        ticks = []
        while tick is not None and tick <= last and len(ticks) <= MAX_TICKS:
            ticks.append((tick, tick.strftime(label)))
            tick = advance(tick)
        if 2 <= len(ticks) <= MAX_TICKS or (unit, step) == TIME_STEPS[-1][:2]:
            return ticks
    return []


def _wrap(text: str, limit: int) -> list[str]:
    """``text`` in lines of at most ``limit`` characters, broken at spaces (a word longer than a line is cut)."""
    lines, line = [], ""
    for word in text.split():
        while len(word) > limit:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:limit - 1] + "-")
            word = word[limit - 1:]
        if line and len(line) + 1 + len(word) > limit:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return lines or [""]


LABEL_LIMIT = 12  # point labels are written when the chart has at most this many points


def estimates_chart_svg(*, series: list[dict], unit: str = "", title: str = "", width: int = 760,
                        plot_height: int = 280, standalone: bool = False) -> SafeString:
    """An SVG of ``series``: ``[{"label": claimant, "interested": bool, "points": [{"date", "value", "lower",
    "upper", "qualifier", "wording"}...]}...]``. Points without a date or any number are left to the table.
    ``standalone`` adds the XML declaration's namespace attributes a file served alone needs and a title line."""
    left, right, top = 70, 64, 34 if standalone else 20
    plot_w = width - left - right
    legend_chars = 60
    drawable = [
        (index, s, [p for p in s["points"] if _date(p.get("date")) and _anchor(p) is not None])
        for index, s in enumerate(series)
    ]
    all_points = [p for _, _, points in drawable for p in points]
    legend_lines = [_wrap(s["label"] + (" (interested party)" if s.get("interested") else ""), legend_chars) for s in series]
    legend_top = top + plot_height + 34
    key_top = legend_top + sum(len(lines) for lines in legend_lines) * 15 + 10
    height = key_top + 40
    label = escape(title or "Estimates over time")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="estimates-chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{label}" font-family="sans-serif">',
        f"<title>{label}</title>",
    ]
    if standalone:
        parts.append(f'<rect width="{width}" height="{height}" fill="#fff"/>'
                     f'<text x="{left}" y="18" font-size="14" font-weight="bold">{label}</text>')
    if not all_points:
        parts.append(f'<text x="{width / 2}" y="{top + plot_height / 2}" text-anchor="middle">No dated estimate to draw.</text></svg>')
        return mark_safe("".join(parts))

    days = [_date(p["date"]).toordinal() for p in all_points]
    first, last = min(days), max(days)
    if last - first < 6:
        middle = (first + last) / 2
        first, last = middle - 3.5, middle + 3.5
    pad = (last - first) * 0.04
    first, last = first - pad, last + pad
    heights = [n for p in all_points for n in (_number(p.get(k)) for k in ("value", "lower", "upper")) if n is not None]
    top_value = max(heights) * 1.15 if max(heights) > 0 else 1
    bottom_value = min(0, min(heights))
    step = _nice_step(top_value - bottom_value)
    top_value = math.ceil(top_value / step) * step

    def x(day):
        return left + (day - first) / (last - first) * plot_w

    def y(number):
        return top + plot_height - (number - bottom_value) / (top_value - bottom_value) * plot_height

    # Axes, horizontal grid and value ticks.
    parts.append(f'<g class="axes" stroke="#999" fill="none"><line x1="{left}" y1="{top + plot_height}" x2="{left + plot_w}" '
                 f'y2="{top + plot_height}"/><line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_height}"/></g>')
    tick = bottom_value
    while tick <= top_value + step / 2:
        ty = y(tick)
        parts.append(f'<line x1="{left}" y1="{ty:.1f}" x2="{left + plot_w}" y2="{ty:.1f}" stroke="#eee"/>'
                     f'<text x="{left - 6}" y="{ty + 4:.1f}" text-anchor="end" font-size="11">{escape(format_number(round(tick, 6)))}</text>')
        tick += step
    if unit:
        parts.append(f'<text x="{left}" y="{top - 6}" font-size="11" fill="#555">{escape(unit)}</text>')
    parts.append('<g class="time-ticks">')
    for day, text in time_ticks(dt.date.fromordinal(math.ceil(first)), dt.date.fromordinal(math.floor(last))):
        tx = x(day.toordinal())
        parts.append(f'<line x1="{tx:.1f}" y1="{top + plot_height}" x2="{tx:.1f}" y2="{top + plot_height + 4}" stroke="#999"/>'
                     f'<text class="tick" x="{tx:.1f}" y="{top + plot_height + 17}" text-anchor="middle" font-size="11">{text}</text>')
    parts.append("</g>")

    write_labels = len(all_points) <= LABEL_LIMIT
    for index, s, points in drawable:
        color = PALETTE[index % len(PALETTE)]
        interested = bool(s.get("interested"))
        points = sorted(points, key=lambda p: _date(p["date"]))
        name = escape(s["label"])
        dash = ' stroke-dasharray="6 3"' if interested else ' stroke-dasharray="2 3"'
        parts.append(f'<g class="series{" interested" if interested else ""}" data-claimant="{name}" stroke="{color}" fill="{color}">')
        # Range bands: one shaded area through successive ranges, a bar for a range on its own.
        ranges = [(p, _number(p.get("lower")), _number(p.get("upper"))) for p in points]
        run = []
        for p, lower, upper in [*ranges, (None, None, None)]:
            if p is not None and lower is not None and upper is not None:
                run.append((x(_date(p["date"]).toordinal()), y(lower), y(upper)))
                continue
            if len(run) == 1:
                px, ly, uy = run[0]
                parts.append(f'<rect class="band" x="{px - 5:.1f}" y="{uy:.1f}" width="10" height="{max(ly - uy, 1):.1f}" '
                             f'fill-opacity="0.2" stroke="none"/>')
            elif len(run) > 1:
                outline = [f"{px:.1f},{uy:.1f}" for px, _, uy in run] + [f"{px:.1f},{ly:.1f}" for px, ly, _ in reversed(run)]
                parts.append(f'<polygon class="band" points="{" ".join(outline)}" fill-opacity="0.2" stroke="none"/>')
            run = []
        if len(points) > 1:
            path = " ".join(f"{x(_date(p['date']).toordinal()):.1f},{y(_anchor(p)):.1f}" for p in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke-width="1.5"{dash}/>')
        for p in points:
            px, py = x(_date(p["date"]).toordinal()), y(_anchor(p))
            qualifier = p.get("qualifier") or "exact"
            text = point_label(p)
            tooltip = f"{s['label']}, {_date(p['date']).isoformat()}: {text}"
            if p.get("wording"):
                tooltip += f" — “{p['wording']}”"
            parts.append(f'<g class="point q-{escape(qualifier)}"><title>{escape(tooltip)}</title>')
            lower, upper = _number(p.get("lower")), _number(p.get("upper"))
            if lower is not None and upper is not None:
                parts.append(f'<line class="range" x1="{px - 4:.1f}" y1="{y(lower):.1f}" x2="{px + 4:.1f}" y2="{y(lower):.1f}"/>'
                             f'<line x1="{px - 4:.1f}" y1="{y(upper):.1f}" x2="{px + 4:.1f}" y2="{y(upper):.1f}"/>')
            if qualifier in UP:
                parts.append(f'<path class="arrow-up" d="M{px:.1f},{py - 6:.1f} l0,-14 m-4,5 l4,-5 l4,5" fill="none" stroke-width="1.5"/>')
            elif qualifier in DOWN:
                parts.append(f'<path class="arrow-down" d="M{px:.1f},{py + 6:.1f} l0,14 m-4,-5 l4,5 l4,-5" fill="none" stroke-width="1.5"/>')
            hollow = ' fill="#fff"' if qualifier == "approximately" else ""
            if interested:
                parts.append(f'<rect x="{px - 4:.1f}" y="{py - 4:.1f}" width="8" height="8"{hollow} stroke-width="2"/>')
            else:
                parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4"{hollow} stroke-width="2"/>')
            if write_labels:
                parts.append(f'<text x="{px + 7:.1f}" y="{py - 7:.1f}" font-size="11" stroke="none">{escape(text)}</text>')
            parts.append("</g>")
        parts.append("</g>")

    # Legend: every claimant, full name (wrapped), its colour and line; then the key of the markers.
    ly = legend_top
    parts.append('<g class="legend">')
    for index, s in enumerate(series):
        color = PALETTE[index % len(PALETTE)]
        interested = bool(s.get("interested"))
        dash = "6 3" if interested else "2 3"
        marker = (f'<rect x="{left + 10}" y="{ly - 8}" width="8" height="8" fill="{color}"/>' if interested
                  else f'<circle cx="{left + 14}" cy="{ly - 4}" r="4" fill="{color}"/>')
        parts.append(f'<g class="legend-entry"><title>{escape(s["label"])}</title>'
                     f'<line x1="{left}" y1="{ly - 4}" x2="{left + 28}" y2="{ly - 4}" stroke="{color}" stroke-width="1.5" stroke-dasharray="{dash}"/>'
                     f"{marker}")
        for number, line in enumerate(legend_lines[index]):
            parts.append(f'<text x="{left + 36}" y="{ly + number * 15}" font-size="12">{escape(line)}</text>')
        parts.append("</g>")
        ly += len(legend_lines[index]) * 15
    parts.append("</g>")
    kx, ky = left, key_top + 8
    parts.append(
        f'<g class="marker-key" font-size="11" fill="#333">'
        f'<circle cx="{kx + 4}" cy="{ky - 4}" r="4" fill="#555"/><text x="{kx + 12}" y="{ky}">exact</text>'
        f'<circle cx="{kx + 64}" cy="{ky - 4}" r="4" fill="#fff" stroke="#555" stroke-width="2"/><text x="{kx + 72}" y="{ky}">approximate (≈)</text>'
        f'<path d="M{kx + 184},{ky + 2} l0,-12 m-4,5 l4,-5 l4,5" fill="none" stroke="#555" stroke-width="1.5"/><text x="{kx + 192}" y="{ky}">at least, more than (≥ &gt;)</text>'
        f'<path d="M{kx + 354},{ky - 10} l0,12 m-4,-5 l4,5 l4,-5" fill="none" stroke="#555" stroke-width="1.5"/><text x="{kx + 362}" y="{ky}">at most, fewer than (≤ &lt;)</text>'
        f'<rect x="{kx + 520}" y="{ky - 11}" width="10" height="14" fill="#555" fill-opacity="0.25"/><text x="{kx + 536}" y="{ky}">range (band)</text>'
        f'<rect x="{kx}" y="{ky + 10}" width="8" height="8" fill="#555"/><line x1="{kx + 12}" y1="{ky + 14}" x2="{kx + 40}" y2="{ky + 14}" stroke="#555" stroke-dasharray="6 3"/>'
        f'<text x="{kx + 46}" y="{ky + 18}">interested party: the claimant is a party to what it describes</text>'
        f"</g>"
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def chart_series(timeline: dict) -> list[dict]:
    """The chart's series from a proposition timeline (``proposition_timeline``): one per claimant, in the
    timeline's order; interested when any of its claims is."""
    by_claimant = {}
    for row in timeline["estimates"]:
        key = row["claimant"]["key"]
        entry = by_claimant.setdefault(key, {"label": row["claimant"]["name"], "interested": False, "points": []})
        entry["interested"] = entry["interested"] or bool(row["claim"].get("interested"))
        entry["points"].append({
            "date": row["holds_on"], "value": row["value"], "lower": row["lower"], "upper": row["upper"],
            "qualifier": row["qualifier"], "approximate": row.get("approximate", False), "wording": row["wording"],
        })
    return [by_claimant[s["claimant"]["key"]] for s in timeline["series"]]
