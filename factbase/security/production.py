"""What production refuses to start with: DEBUG on, a wildcard or empty ALLOWED_HOSTS, a weak SECRET_KEY.

Pure functions of the values (no Django settings needed), so settings.py can call them while it is being
read. Each returns ``None`` when the value is acceptable, or one line naming the setting and the fix.
"""

import collections
import math
import re
import zlib

MIN_SECRET_KEY_LENGTH = 50
#: Estimated entropy a production key must have (a random 50-character key has over 200 bits).
MIN_SECRET_KEY_BITS = 128
GENERATE_KEY = "python3 -c 'import secrets; print(secrets.token_urlsafe(64))'"
#: Words that mark a key typed by a person or copied from an example (compared without case or punctuation).
PLACEHOLDER_WORDS = (
    "djangoinsecure", "insecure", "changeme", "changethis", "pleasechange", "replaceme", "secretkey",
    "yoursecret", "mysecret", "placeholder", "notsecret", "example", "dummy", "default", "password",
)


def _shannon_bits(text: str) -> float:
    counts = collections.Counter(text)
    return -sum(n * math.log2(n / len(text)) for n in counts.values())


def _compressed_bits(text: str) -> int:
    # What zlib cannot squeeze out: repeated runs ("changeme" x 7) compress to almost nothing.
    return 8 * (len(zlib.compress(text.encode(), 9)) - len(zlib.compress(b"", 9)))


def _period(text: str) -> int | None:
    """The shortest p <= len/2 such that the text repeats itself every p characters, if any."""
    for p in range(1, len(text) // 2 + 1):
        if all(text[i] == text[i + p] for i in range(len(text) - p)):
            return p
    return None


def estimated_entropy_bits(key: str) -> int:
    """A conservative estimate: the lower of the character-frequency entropy and what zlib leaves."""
    if not key:
        return 0
    return int(min(_shannon_bits(key), _compressed_bits(key)))


def secret_key_problem(key: str) -> str | None:
    """Why ``key`` is not fit for production, as one line with the fix, or None."""
    fix = f"set SECRET_KEY to a random value, e.g. {GENERATE_KEY}"
    if not key:
        return f"SECRET_KEY must be set in production (DJANGO_ENV=production): {fix}"
    folded = re.sub(r"[^a-z0-9]", "", key.lower())
    placeholder = next((word for word in PLACEHOLDER_WORDS if word in folded), None)
    if placeholder:
        return f"SECRET_KEY is too weak for production: it contains the placeholder {placeholder!r}; {fix}"
    if len(key) < MIN_SECRET_KEY_LENGTH:
        return (f"SECRET_KEY is too weak for production: it is {len(key)} characters long "
                f"(at least {MIN_SECRET_KEY_LENGTH} needed); {fix}")
    period = _period(key)
    if period is not None:
        return (f"SECRET_KEY is too weak for production: it is low in entropy (it repeats {key[:period][:8]!r}"
                f"{'...' if period > 8 else ''} every {period} characters); {fix}")
    bits = estimated_entropy_bits(key)
    if bits < MIN_SECRET_KEY_BITS:
        return (f"SECRET_KEY is too weak for production: it is low in entropy (about {bits} bits estimated, "
                f"at least {MIN_SECRET_KEY_BITS} needed); {fix}")
    return None


def allowed_hosts_problem(hosts: list[str]) -> str | None:
    if not hosts:
        return "ALLOWED_HOSTS must be set in production: list the site's host names, e.g. ALLOWED_HOSTS=factbase.example.org"
    wild = [host for host in hosts if "*" in host]
    if wild:
        return (f"ALLOWED_HOSTS must not contain {wild[0]!r} in production (any Host header would be accepted): "
                "list the site's host names, e.g. ALLOWED_HOSTS=factbase.example.org (.example.org for its subdomains)")
    return None


def debug_problem(debug: bool) -> str | None:
    if debug:
        return "DEBUG must be off in production (it shows settings and code to anyone): unset DEBUG or set DEBUG=0"
    return None
