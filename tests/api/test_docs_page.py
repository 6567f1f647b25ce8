import re

import pytest


@pytest.mark.django_db
def test_interactive_docs_load_nothing_from_other_hosts(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', response.content.decode())
    assert any(asset.endswith("swagger-ui-bundle.js") for asset in assets)
    assert [asset for asset in assets if "//" in asset] == []
