"""Medians, percentiles and the result table that ``bench/run`` prints, and writes as JSON and Markdown."""

import json
import statistics
import time
from dataclasses import asdict, dataclass, field


def timed(function, *args, **kwargs):
    """(seconds, result) of one call, on the monotonic high-resolution clock."""
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def median(values):
    return statistics.median(values)


def p95(values):
    """The 95th percentile (nearest rank): the value 95% of the samples do not exceed."""
    ordered = sorted(values)
    rank = max(1, -(-95 * len(ordered) // 100))
    return ordered[rank - 1]


@dataclass
class Row:
    """One line of the table: what was measured, its figure and baseline, their ratio and the target.

    ``direction`` says which way the target goes: ``max`` (ratio must not exceed ``target``), ``min``
    (ratio must reach it), ``eq`` (figure must equal baseline, e.g. query counts) or ``abs`` (the figure
    itself must not exceed ``target``, e.g. a p95 in ms). A row without a target is information only. A
    row that could not be measured has ``error`` set and shows ERROR.
    """

    group: str
    measure: str
    figure: float | None = None
    baseline: float | None = None
    unit: str = ""
    baseline_label: str = ""
    target: float | None = None
    direction: str = "max"
    ratio: float | None = None
    note: str = ""
    error: str = ""
    runs: int = 0
    samples: list = field(default_factory=list)

    def __post_init__(self):
        if self.ratio is None and self.figure is not None and self.baseline:
            self.ratio = self.figure / self.baseline

    @property
    def verdict(self) -> str:
        if self.error:
            return "ERROR"
        if self.target is None:
            return "info"
        if self.direction == "abs":
            return "PASS" if self.figure <= self.target else "FAIL"
        if self.ratio is None and self.direction != "eq":
            return "FAIL"
        if self.direction == "eq":
            return "PASS" if self.figure == self.baseline else "FAIL"
        if self.direction == "min":
            return "PASS" if self.ratio >= self.target else "FAIL"
        return "PASS" if self.ratio <= self.target else "FAIL"

    @property
    def target_text(self) -> str:
        if self.target is None:
            return "-"
        if self.direction == "eq":
            return "= baseline"
        text = {"max": "≤ ", "min": "≥ ", "abs": "≤ "}[self.direction] + f"{self.target:g}"
        return text + (f" {self.unit}" if self.direction == "abs" and self.unit else "")

    def cells(self):
        return [
            self.group,
            self.measure,
            "-" if self.figure is None else f"{_fmt(self.figure)} {self.unit}".strip(),
            "-" if self.baseline is None else f"{_fmt(self.baseline)} {self.unit}".strip()
            + (f" ({self.baseline_label})" if self.baseline_label else ""),
            "-" if self.ratio is None else f"{self.ratio:.2f}",
            self.target_text,
            self.verdict,
            self.error or self.note,
        ]

    def as_dict(self):
        data = asdict(self)
        data.update(verdict=self.verdict, target_text=self.target_text)
        return data


HEADERS = ["group", "measure", "figure", "baseline", "ratio", "target", "result", "note"]


def _fmt(value) -> str:
    if isinstance(value, int) or float(value).is_integer() and abs(value) >= 100:
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:.2f}"
    return f"{value:.4f}"


def render_text(rows) -> str:
    table = [HEADERS] + [row.cells() for row in rows]
    widths = [max(len(str(line[i])) for line in table) for i in range(len(HEADERS) - 1)]
    lines = []
    for index, line in enumerate(table):
        lines.append("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths)) + "  " + str(line[-1]))
        if index == 0:
            lines.append("  ".join("-" * width for width in widths) + "  " + "-" * 4)
    return "\n".join(lines)


def render_markdown(rows) -> str:
    def esc(cell):
        return str(cell).replace("|", "\\|")

    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    lines += ["| " + " | ".join(esc(cell) for cell in row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def render_json(rows, meta) -> str:
    return json.dumps({"meta": meta, "rows": [row.as_dict() for row in rows]}, indent=2, ensure_ascii=False, default=str)
