"""Choices shared by several apps."""

from django.db import models


class DatePrecision(models.TextChoices):
    DAY = "day", "day"
    WEEK = "week", "week"
    MONTH = "month", "month"
    YEAR = "year", "year"


def choices_check(field, choices_class, *, allow_blank=False, allow_null=False):
    """A CheckConstraint condition that keeps ``field`` within ``choices_class`` at the database."""
    condition = models.Q(**{f"{field}__in": choices_class.values})
    if allow_blank:
        condition |= models.Q(**{field: ""})
    if allow_null:
        condition |= models.Q(**{f"{field}__isnull": True})
    return condition
