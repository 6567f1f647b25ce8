"""Curating claims in the Django admin: one screen per claim, the review workflow, history, charts.

The claim page edits the claim with its appearances, estimates, proposition stances and relations.
Attribution hops are ordered per appearance and Django has no nested inlines, so the claim's
appearance inline shows them as a read-only summary with a link to the appearance page, where they are
edited as an inline. Every write to a claim goes through ``claims.services.workflow``; the change form carries
the version it was opened on and a save on a stale copy is refused with what changed in between.

One module per screen: ``claim`` (the claim page and its review actions), ``documents`` (the document page
with the quotes in the reading view's colours), ``parts`` (the pages of a
claim's parts), ``propositions`` (the proposition page and its chart), ``reading`` (a document's reading
view: claims made from a selection, extraction's candidates decided in place), ``review`` (the review
queue and its decisions). ``writes`` holds the workbench's writes, one function each; ``display`` how
numbers, booleans and filters are shown.
"""

from . import claim, documents, parts, propositions  # noqa: F401  (registers the admins)
