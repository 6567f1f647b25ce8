"""Filters for actors and documents (django-filter). Every relation filter comes in a key/id pair."""

from django.db.models import Q, TextField, Value
from django.db.models.functions import Concat
from django_filters import rest_framework as filters

from factbase.api.filtering import BooleanChoiceFilter, ChoicesFilter, FreeTextFilter, KeyInFilter, key_and_id_filters
from factbase.text import search_terms
from sources.models import Actor, ActorKind, Document, DocumentKind, Reliability


def words_start_with(queryset, field: str, query: str):
    """Rows whose normalised ``field`` has, for every term of ``query``, a word starting with it."""
    terms = search_terms(query)
    if not terms:
        return queryset
    queryset = queryset.annotate(_words=Concat(Value(" "), field, output_field=TextField()))
    for term in terms:
        queryset = queryset.filter(_words__contains=f" {term}")
    return queryset


class ActorFilterSet(filters.FilterSet):
    key = KeyInFilter(field_name="key", lookup_expr="in", label="Key(s), comma-separated.")
    name = FreeTextFilter(field_name="name", lookup_expr="iexact", label="Exact usual name (case-insensitive); q searches aliases.")
    kind = ChoicesFilter(choices=ActorKind.choices, label="Kind (repeat for any of several).")
    country = filters.CharFilter(field_name="country", method="filter_country", label="ISO 3166-1 alpha-2 country, e.g. KP.")
    parent, parent_id = key_and_id_filters("parent", label="Affiliated to (parent actor)")
    reliability = ChoicesFilter(choices=Reliability.choices, label="Admiralty reliability grade A–F.")
    wikidata_id = filters.CharFilter(field_name="wikidata_id", label="Wikidata Q-number, e.g. Q7747.")
    has_wikidata_id = BooleanChoiceFilter(method="filter_has_wikidata_id", label="Whether a Wikidata id is set.")
    q = FreeTextFilter(
        method="filter_q", label="Name, key or alias in any language (case- and accent-insensitive, word prefixes)."
    )
    updated_after = filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte", label="Changed at or after (ISO 8601).")

    class Meta:
        model = Actor
        fields = ["key", "kind", "country", "parent", "parent_id", "reliability", "wikidata_id", "q"]

    def filter_country(self, queryset, name, value):
        return queryset.filter(country=value.upper())

    def filter_has_wikidata_id(self, queryset, name, value):
        return queryset.exclude(wikidata_id="") if value == "true" else queryset.filter(wikidata_id="")

    def filter_q(self, queryset, name, value):
        return words_start_with(queryset, "search_text", value)


class DocumentFilterSet(filters.FilterSet):
    key = KeyInFilter(field_name="key", lookup_expr="in", label="Key(s), comma-separated.")
    kind = ChoicesFilter(choices=DocumentKind.choices, label="Kind (repeat for any of several).")
    publisher, publisher_id = key_and_id_filters("publisher", label="Published by")
    language = filters.CharFilter(method="filter_language", label="BCP 47 language of the body, e.g. el (el also matches el-GR).")
    published_on = filters.DateFromToRangeFilter(label="Published on or after (_after) / on or before (_before), YYYY-MM-DD.")
    known_on = filters.DateFilter(field_name="published_on", lookup_expr="lte", label="Only documents published by this date.")
    url = filters.CharFilter(field_name="url", label="Exact URL where it was published.")
    archive_url = filters.CharFilter(field_name="archive_url", label="Exact archive URL.")
    body_sha256 = filters.CharFilter(field_name="body_sha256", method="filter_sha256", label="SHA-256 of the body (hex).")
    authors = FreeTextFilter(field_name="authors", lookup_expr="icontains", label="Byline contains.")
    title = FreeTextFilter(method="filter_title", label="Title contains each of these words (case-insensitive).")
    retrieved_at = filters.IsoDateTimeFromToRangeFilter(label="Archived at or after (_after) / before (_before), ISO 8601.")
    published_time = filters.TimeFilter(field_name="published_time", label="Exact time of publication (HH:MM[:SS]).")
    updated_after = filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte", label="Changed at or after (ISO 8601).")

    class Meta:
        model = Document
        fields = ["key", "kind", "publisher", "publisher_id", "language", "published_on", "known_on", "url"]

    def filter_language(self, queryset, name, value):
        return queryset.filter(Q(language__iexact=value) | Q(language__istartswith=f"{value}-"))

    def filter_sha256(self, queryset, name, value):
        return queryset.filter(body_sha256=value.lower())

    def filter_title(self, queryset, name, value):
        # Titles are not stored normalised; a plain case-insensitive containment per term is the honest offer.
        for term in value.split():
            queryset = queryset.filter(title__icontains=term)
        return queryset
