"""Small helpers for API tests."""


def keys(response):
    """The ``key`` of every result of a list response (or of the single object)."""
    assert response.status_code == 200, response.content[:500]
    data = response.json()
    return [row["key"] for row in data["results"]] if "results" in data else [data["key"]]
