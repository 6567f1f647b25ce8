"""A proposition's chart as a standalone SVG, public, for newsrooms to embed (``<img src=...>``).

``/charts/propositions/<key>.svg`` draws the estimates of published claims only, whoever asks (the
request's user is not consulted, so a logged-in curator sees exactly what the public sees). Cached
publicly for five minutes. An unknown key is a 404.
"""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.urls import path
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from .analysis.charts import chart_series, estimates_chart_svg
from .analysis.timeline import proposition_timeline
from .models import Proposition
from .selectors import visible_claims


@require_GET
def proposition_chart_svg(request, key):
    proposition = Proposition.objects.filter(key=key).first()
    if proposition is None:
        raise Http404(f"no proposition has the key {key!r}")
    timeline = proposition_timeline(proposition=proposition, claims=visible_claims(user=AnonymousUser()))
    svg = estimates_chart_svg(series=chart_series(timeline), unit=proposition.unit, title=proposition.title, standalone=True)
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    patch_cache_control(response, public=True, max_age=300)
    # An <img> on another site may load it; nothing else about the page changes.
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


urlpatterns = [path("charts/propositions/<slug:key>.svg", proposition_chart_svg, name="proposition-chart-svg")]
