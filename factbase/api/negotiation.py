"""Content negotiation: an unknown ``?format=`` is a 400 naming the formats the endpoint offers."""

from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation


class StrictContentNegotiation(DefaultContentNegotiation):
    """An unknown ``?format=`` is a 400 naming the formats this endpoint offers (DRF would answer 404)."""

    def filter_renderers(self, renderers, format):
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            offered = ", ".join(renderer.format for renderer in renderers)
            raise exceptions.ValidationError({"format": [f"unknown format {format!r}; use one of {offered}"]})
        return matching
