"""A batch's validation (``instance_clean(validate=FIELDS)``) leaves out only what cannot be wrong: foreign
keys (the database checks them) and fields still holding a model default that passes its own checks."""

import pytest
from django.core.exceptions import ValidationError

from claims.models import Claim, Estimate
from factbase.cleaning import FIELDS, _valid_defaults, instance_clean
from tests.sources.factories import ActorFactory

pytestmark = pytest.mark.django_db


def claim(**values):
    return Claim(**{"key": "c-1", "claimant": ActorFactory(), "summary": "About 2,000 were killed.", **values})


def test_defaults_left_as_they_are_pass():
    instance_clean(claim(), validate=FIELDS)


@pytest.mark.parametrize("field, value", [("kind", "rumour"), ("hedge", "perhaps"), ("status", "gone"),
                                          ("verdict", "maybe"), ("credibility", 9), ("stated_on_precision", "hour")])
def test_a_value_that_is_not_the_default_is_checked(field, value):
    with pytest.raises(ValidationError) as error:
        instance_clean(claim(**{field: value}), validate=FIELDS)
    assert field in error.value.message_dict


def test_a_field_without_a_valid_default_is_always_checked():
    with pytest.raises(ValidationError) as error:
        instance_clean(claim(summary=""), validate=FIELDS)
    assert "summary" in error.value.message_dict
    assert "summary" not in [name for _, name, _ in _valid_defaults(Claim)]


def test_only_defaults_that_pass_their_field_are_trusted():
    for model in (Claim, Estimate):
        for attname, name, default in _valid_defaults(model):
            model._meta.get_field(name).clean(default, None)  # raises if a trusted default were invalid
    assert {"kind", "status", "verdict", "hedge"} <= {name for _, name, _ in _valid_defaults(Claim)}
