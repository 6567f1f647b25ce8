"""bench/extraction's command line: --help prints the usage and scores nothing (the held-out figures are printed
only when asked for), an unknown argument or an --only without ids is a usage error (exit 2)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "bench" / "extraction"), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_help_prints_the_usage_and_scores_nothing():
    done = run("--help")
    assert done.returncode == 0 and "Usage: python bench/extraction" in done.stdout
    assert "heldout" not in done.stdout.split("Usage:")[0] and "P/R" not in done.stdout


def test_an_unknown_argument_or_an_empty_only_is_a_usage_error():
    for args in (["--bogus"], ["--only"], ["--tuning-only", "extra"]):
        done = run(*args)
        assert done.returncode == 2, args
        assert "unknown argument" in done.stderr and "see --help" in done.stderr and not done.stdout, args
