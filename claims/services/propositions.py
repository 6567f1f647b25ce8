"""Writing propositions (the facts being tracked): one writer, whoever calls.

``proposition_upsert(*, key, values, by, subjects=None, run=None, reason="") -> (Proposition, outcome)``
``propositions_create(*, propositions, by, subjects=None, run=None, reason="", validate=FIELDS) -> list``
``proposition_update(*, proposition, values, by, subjects=None, run=None, reason="") -> list[str]``
``proposition_save(*, proposition, by, reason="") -> None``  (an instance a form already changed)

A proposition is not a part of any claim: changing one raises no claim's version. Stances (a claim's
relation to a proposition) are parts of their claim and are written by ``parts``.
"""

from django.db import transaction

from factbase.cleaning import FIELDS, FULL, instance_clean
from factbase.history import CREATED, history_context, history_rows_record, history_subjects_record

from ..models import Proposition

BATCH = 1000
PROPOSITION_FIELDS = ("title", "description", "kind", "measure", "unit", "status", "status_rationale", "cumulative")


class PropositionWriteError(ValueError):
    pass


def proposition_upsert(*, key: str, values: dict, by, subjects=None, run=None, reason: str = "") -> tuple[Proposition, str]:
    """The proposition ``key`` holding ``values`` (created if absent; only the named fields are set)."""
    proposition = Proposition.objects.filter(key=key).first()
    if proposition is None:
        _fields(values)
        [proposition] = propositions_create(propositions=[Proposition(key=key, **values)], by=by,
                                            subjects=[list(subjects or ())], run=run, reason=reason, validate=FULL)
        return proposition, "created"
    changed = proposition_update(proposition=proposition, values=values, by=by, subjects=subjects, run=run,
                                 reason=reason)
    return proposition, "updated" if changed else "unchanged"


def propositions_create(*, propositions: list[Proposition], by, subjects: list | None = None, run=None,
                        reason: str = "", validate: str = FIELDS) -> list[Proposition]:
    """Insert unsaved propositions (``subjects[i]``: the actors proposition ``i`` is about)."""
    if not propositions:
        return []
    for proposition in propositions:
        if run is not None:
            proposition.first_import_run = proposition.last_import_run = run
        instance_clean(proposition, validate=validate)
    with transaction.atomic():
        for offset in range(0, len(propositions), BATCH):
            Proposition.objects.bulk_create(propositions[offset: offset + BATCH])
        history_rows_record(model=Proposition, pks=[p.pk for p in propositions], by=by, reason=reason,
                            history_type=CREATED)
        if subjects:
            through = Proposition.subjects.through
            rows = [through(proposition_id=p.pk, actor_id=actor.pk)
                    for p, actors in zip(propositions, subjects) for actor in actors or ()]
            through.objects.bulk_create(rows, batch_size=BATCH)
            history_subjects_record(model=Proposition, through_pks=[row.pk for row in rows], reason=reason)
    return propositions


def proposition_update(*, proposition: Proposition, values: dict, by, subjects=None, run=None,
                       reason: str = "") -> list[str]:
    """Set the named fields (and, if given, the subjects); returns what changed."""
    _fields(values)
    changed = [name for name, value in values.items() if getattr(proposition, name) != value]
    with transaction.atomic():
        if changed or run is not None and proposition.last_import_run_id != getattr(run, "pk", None):
            for name in changed:
                setattr(proposition, name, values[name])
            if run is not None:
                proposition.last_import_run = run
            proposition.full_clean()
            history_context(proposition, by=by, reason=reason)
            proposition.save()
        if subjects is not None and {a.pk for a in subjects} != set(proposition.subjects.values_list("pk", flat=True)):
            history_context(proposition, by=by, reason=reason)
            proposition.subjects.set(list(subjects))
            changed.append("subjects")
    return changed


def proposition_save(*, proposition: Proposition, by, reason: str = "") -> None:
    """Write a proposition whose fields were already set (the admin's form); a new one is created.
    (Its subjects are the form's many-to-many, saved by the form afterwards and recorded by simple-history.)"""
    if proposition.pk is None:
        propositions_create(propositions=[proposition], by=by, reason=reason, validate=FULL)
        return
    with transaction.atomic():
        proposition.full_clean()
        history_context(proposition, by=by, reason=reason)
        proposition.save()


def _fields(values):
    unknown = set(values) - set(PROPOSITION_FIELDS)
    if unknown:
        raise PropositionWriteError(f"proposition services do not set {', '.join(sorted(unknown))}")
