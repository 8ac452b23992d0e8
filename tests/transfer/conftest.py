from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.test import Client

from transfer.importing import SourceClient

SOURCE = "staging"
SECRET = "staging-secret"


@pytest.fixture
def transfer_settings(settings):
    """This instance is its own source: the requests go to its views through the test client."""
    settings.WAGTAILTRANSFER_SECRET_KEY = SECRET
    settings.WAGTAILTRANSFER_SOURCES = {
        SOURCE: {"BASE_URL": "http://source.test/wagtail-transfer/", "SECRET_KEY": SECRET}
    }
    return settings


class InProcessSource(SourceClient):
    """The source's HTTP API answered by this process's views (no network). ``recorded`` maps
    a path to an answer to give instead (an export recorded before the pages were deleted)."""

    def __init__(self, name=SOURCE, recorded=None):
        super().__init__(name)
        self.client = Client()
        self.recorded = recorded or {}
        self.requests = []

    def send(self, method, url, params=None, data=None, **kwargs):
        parts = urlsplit(url)
        self.requests.append((method, parts.path))
        if parts.path in self.recorded:
            return SimpleNamespace(status_code=200, content=self.recorded[parts.path])
        if method == "GET":
            response = self.client.get(parts.path, params or {})
        else:
            query = "&".join(f"{key}={value}" for key, value in (params or {}).items())
            response = self.client.post(
                f"{parts.path}?{query}", data, content_type="application/json"
            )
        content = b"".join(response) if response.streaming else response.content
        return SimpleNamespace(status_code=response.status_code, content=content)
