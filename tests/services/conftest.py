from tests.admin.conftest import GREEK_BODY, GREEK_QUOTE, deaths, greek_document, nis  # noqa: F401
