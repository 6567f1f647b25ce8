"""Building blocks of ``bench/run``: loading the synthetic bundle, timing, and the measured rows."""
