"""Server-side SVG charts: estimates of one proposition over time, one series per claimant.

No JavaScript and no external resource: the chart is an inline ``<svg>`` string in which every piece
of text is escaped. A point is drawn at its best value; a range is a vertical bar from lower to upper;
"at least"/"more than" points carry an upward arrow and "at most"/"fewer than" a downward one; the
label beside each point shows the qualifier as written in the table (≈2,000, ≥600, >10,000, 300–400).
"""

import datetime as dt
import math
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

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
    """How a point reads on the chart: ≈2,000, ≥600, 300–400, 350."""
    qualifier = point.get("qualifier") or "exact"
    lower, upper, value = point.get("lower"), point.get("upper"), point.get("value")
    if qualifier == "range" and lower is not None and upper is not None:
        return f"{format_number(lower)}–{format_number(upper)}"
    if qualifier in UP and lower is not None:
        return f"{SYMBOL[qualifier]}{format_number(lower)}"
    if qualifier in DOWN and upper is not None:
        return f"{SYMBOL[qualifier]}{format_number(upper)}"
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


def estimates_chart_svg(*, series: list[dict], unit: str = "", title: str = "", width: int = 760, height: int = 340) -> SafeString:
    """An inline SVG of ``series``: ``[{"label": claimant, "points": [{"date", "value", "lower", "upper",
    "qualifier", "wording"}...]}...]``. Points without a date or any number are left to the table."""
    left, right, top, bottom = 70, 190, 20, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    drawable = [
        (index, s, [p for p in s["points"] if _date(p.get("date")) and _anchor(p) is not None])
        for index, s in enumerate(series)
    ]
    all_points = [p for _, _, points in drawable for p in points]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="estimates-chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title or "Estimates over time")}">',
        f"<title>{escape(title or 'Estimates over time')}</title>",
    ]
    if not all_points:
        parts.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle">No dated estimate to draw.</text></svg>')
        return mark_safe("".join(parts))

    days = [_date(p["date"]).toordinal() for p in all_points]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - 15, last + 15
    pad = (last - first) * 0.05
    first, last = first - pad, last + pad
    heights = [n for p in all_points for n in (_number(p.get(k)) for k in ("value", "lower", "upper")) if n is not None]
    top_value = max(heights) * 1.15 if max(heights) > 0 else 1
    bottom_value = min(0, min(heights))
    step = _nice_step(top_value - bottom_value)
    top_value = math.ceil(top_value / step) * step

    def x(day):
        return left + (day - first) / (last - first) * plot_w

    def y(number):
        return top + plot_h - (number - bottom_value) / (top_value - bottom_value) * plot_h

    # Axes, horizontal grid and value ticks.
    parts.append(f'<g class="axes" stroke="#999" fill="none"><line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" '
                 f'y2="{top + plot_h}"/><line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}"/></g>')
    tick = bottom_value
    while tick <= top_value + step / 2:
        ty = y(tick)
        parts.append(f'<line x1="{left}" y1="{ty:.1f}" x2="{left + plot_w}" y2="{ty:.1f}" stroke="#eee"/>'
                     f'<text x="{left - 6}" y="{ty + 4:.1f}" text-anchor="end" font-size="11">{escape(format_number(round(tick, 6)))}</text>')
        tick += step
    if unit:
        parts.append(f'<text x="{left}" y="{top - 6}" font-size="11" fill="#555">{escape(unit)}</text>')
    # Date ticks: at most six, evenly spaced, labelled year-month.
    for i in range(6):
        day = first + (last - first) * i / 5
        label = dt.date.fromordinal(int(day)).strftime("%Y-%m")
        parts.append(f'<text x="{x(day):.1f}" y="{top + plot_h + 16}" text-anchor="middle" font-size="11">{label}</text>')

    for index, s, points in drawable:
        color = PALETTE[index % len(PALETTE)]
        points = sorted(points, key=lambda p: _date(p["date"]))
        label = escape(s["label"])
        parts.append(f'<g class="series" data-claimant="{label}" stroke="{color}" fill="{color}">')
        if len(points) > 1:
            path = " ".join(f"{x(_date(p['date']).toordinal()):.1f},{y(_anchor(p)):.1f}" for p in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke-width="1.5" stroke-dasharray="4 3"/>')
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
                parts.append(f'<line class="range" x1="{px:.1f}" y1="{y(lower):.1f}" x2="{px:.1f}" y2="{y(upper):.1f}" stroke-width="2"/>'
                             f'<line x1="{px - 4:.1f}" y1="{y(lower):.1f}" x2="{px + 4:.1f}" y2="{y(lower):.1f}"/>'
                             f'<line x1="{px - 4:.1f}" y1="{y(upper):.1f}" x2="{px + 4:.1f}" y2="{y(upper):.1f}"/>')
            if qualifier in UP:
                parts.append(f'<path class="arrow-up" d="M{px:.1f},{py - 6:.1f} l0,-14 m-4,5 l4,-5 l4,5" fill="none" stroke-width="1.5"/>')
            elif qualifier in DOWN:
                parts.append(f'<path class="arrow-down" d="M{px:.1f},{py + 6:.1f} l0,14 m-4,-5 l4,5 l4,-5" fill="none" stroke-width="1.5"/>')
            hollow = ' fill="#fff"' if qualifier == "approximately" else ""
            parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4"{hollow} stroke-width="2"/>')
            parts.append(f'<text x="{px + 7:.1f}" y="{py - 7:.1f}" font-size="11" stroke="none">{escape(text)}</text></g>')
        parts.append("</g>")
        ly = top + 14 + index * 18
        parts.append(f'<g class="legend"><rect x="{left + plot_w + 16}" y="{ly - 9}" width="10" height="10" fill="{color}"/>'
                     f'<text x="{left + plot_w + 32}" y="{ly}" font-size="12">{label}</text></g>')
    parts.append(
        f'<text x="{left + plot_w + 16}" y="{top + plot_h - 4}" font-size="10" fill="#555">○ ≈ approximate · ↑ ≥/&gt; · '
        f"↓ ≤/&lt; · bar = range</text>"
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))
