"""The write services of claims: every writer (import_bundle, import_article --extract, import_claimreview,
suggest_relations, the admin) changes claims and their parts through these keyword-only functions, and
nothing else writes those tables. Actors, aliases and documents: ``sources.services``. History:
``factbase.history``. The user imports act as: ``factbase.system.system_user()``.

Each function runs in ``transaction.atomic()``, validates with ``full_clean()`` (batches: the query-free
part, ``factbase.cleaning``; the database enforces the rest), refreshes derived columns through
``derived``, and records history with ``by`` (a user) and ``reason`` (e.g. ``import_bundle run #5``).
Errors are ``workflow.WorkflowError`` (a ``ValidationError``; ``WorkflowPermissionError`` when ``by`` may
not, ``VersionConflict`` with ``.changes`` when the claim changed since ``expected_version``) or
``parts.PartError`` (a quote or wording that does not hold).

``claims``  (claim rows; never status or assessment)
  ``claim_create(*, values, by, subjects=(), run=None, reason="") -> Claim``
  ``claims_create(*, claims, by, subjects=None, run=None, reason="", validate=FIELDS, derived=True) -> list[Claim]``
  ``claim_update(*, claim, values, by, expected_version=None, run=None, reason="") -> list[str]``
  ``claims_update(*, changes=[(claim, values)], by, run=None, reason="") -> list[Claim]``
  ``claim_subjects_set(*, claim, actors, by, expected_version=None, reason="") -> bool``

``workflow``  (the only writer of status, verdict, credibility, rationale, assessed_by/at; version rules)
  ``claim_submit / claim_publish(*, claim, by) -> Claim``
  ``claim_return_to_draft / claim_retract(*, claim, by, reason) -> Claim``
  ``claim_assess(*, claim, by, verdict, credibility, rationale) -> Claim``
  ``claim_save(*, claim, by, expected_version) -> Claim``            (the admin's claim form)
  ``claims_initial_state(*, claims, by) -> None``                    (new claims' state, checked and stamped)
  ``claims_state_set(*, items=[(claim, values)], by, reason) -> list[Claim]``  (an import's stated state)
  ``claim_edit_require(*, claim, by)`` / ``claims_edit_require(*, claim_ids, by)``
  ``claim_version_raise(*, claim_id, by, reason, expected_version=None) -> int``
  ``claims_version_raise(*, claim_ids, by, reason) -> None``
  ``can_edit_claim(user, claim) -> bool``; ``changes_since(*, claim, version) -> list[dict]``

``parts``  (appearances, hops, estimates, stances, relations: version + 1 and a claim history record each)
  ``appearance_add(*, claim, document, quote, by, start=None, end=None, translation="", translation_language="", expected_version=None, reason="") -> Appearance``
  ``appearance_update(*, appearance, values, by, expected_version=None, reason="") -> list[str]``
  ``appearance_remove(*, appearance, by, expected_version=None, reason="") -> None``
  ``hop_add(*, appearance, position, actor, relation, by, language="", expected_version=None, reason="") -> AttributionHop``
  ``hop_update(*, hop, values, by, ...) -> list[str]`` / ``hop_remove(*, hop, by, ...)``
  ``estimate_add(*, claim, proposition, values, by, expected_version=None, reason="") -> Estimate``
  ``estimate_update(*, estimate, values, by, ...) -> list[str]`` / ``estimate_remove(*, estimate, by, ...)``
  ``stance_add(*, claim, proposition, stance, by, ...) -> ClaimStance``
  ``stance_update(*, stance, values, by, ...) -> list[str]`` / ``stance_remove(*, stance, by, ...)``
  ``relation_add(*, source, target, kind, by, state=None, rationale="", suggested_by="", ...) -> ClaimRelation``
  ``relation_update(*, relation, values, by, ...) -> list[str]`` / ``relation_remove(*, relation, by, ...)``
  ``relation_review(*, relation, accept, by) -> ClaimRelation``
  ``parts_add(*, parts, by, run=None, reason="", new_claim_ids=(), validate=FIELDS, expected_versions=None, derived=True) -> list``
  ``appearances_locate(*, appearances) -> None``                      (locate unsaved appearances' quotes now)
  ``parts_update(*, changes=[(part, values)], by, run=None, reason="", new_claim_ids=(), validate=FIELDS, expected_versions=None) -> list``
  ``parts_remove(*, parts, by, reason="", new_claim_ids=(), expected_versions=None) -> int``

``propositions``  (the facts tracked; no claim's version changes)
  ``proposition_upsert(*, key, values, by, subjects=None, run=None, reason="") -> (Proposition, outcome)``
  ``propositions_create(*, propositions, by, subjects=None, run=None, reason="", validate=FIELDS) -> list``
  ``proposition_update(*, proposition, values, by, subjects=None, run=None, reason="") -> list[str]``
  ``proposition_save(*, proposition, by, reason="")``                 (the admin's proposition form)

``quotes``
  ``quote_locate(*, body, quote) -> QuoteMatch(start, end, text, normalised)``  (QuoteNotFound / QuoteAmbiguous)
  ``quote_matches_span(*, body, quote, start, end) -> bool``
  ``wording_check(*, wording, quotes, label=...) -> None``  (WordingNotInQuotes)

``derived``
  ``claims_refresh_derived(*, claim_ids)``; ``claims_refresh_search_vector(*, claim_ids)``
  ``claims_derive_unsaved(*, items=[(claim, appearances)])``      (new claims with all their appearances)
  ``appearances_reverify(*, document_ids)``; ``appearances_flag(*, stale, fresh)``; ``claim_search_text(*, summary, quotes, translations) -> str``

This package imports nothing at load time (``claims.models`` imports ``quotes``).
"""
