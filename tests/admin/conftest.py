"""Admin test data: a Greek document, its claimant and a quantity proposition; logged-in clients by role."""

import datetime as dt

import pytest
from django.test import Client

from sources.models import ActorKind
from tests.claims.factories import PropositionFactory
from tests.sources.factories import ActorAliasFactory, ActorFactory, DocumentFactory

GREEK_BODY = (
    "Η υπηρεσία πληροφοριών της Νότιας Κορέας (NIS) εκτιμά ότι περίπου 2.000 Βορειοκορεάτες στρατιώτες "
    "έχουν σκοτωθεί. Ο Βλαντιμίρ Πούτιν χαρακτήρισε τις σχέσεις «ιδιαίτερες». "
    "Οι σχέσεις είναι «ιδιαίτερες», επανέλαβε."
)
GREEK_QUOTE = "περίπου 2.000 Βορειοκορεάτες στρατιώτες έχουν σκοτωθεί"


@pytest.fixture
def nis(db):
    actor = ActorFactory(key="nis", name="National Intelligence Service", kind=ActorKind.INTELLIGENCE_AGENCY, country="KR")
    ActorAliasFactory(actor=actor, name="Υπηρεσία Πληροφοριών", language="el")
    return actor


@pytest.fixture
def greek_document(db):
    return DocumentFactory(key="kathimerini-2025-09-04", title="Κιμ και Πούτιν", language="el",
                           published_on=dt.date(2025, 9, 4), body=GREEK_BODY)


@pytest.fixture
def deaths(db):
    return PropositionFactory(key="nk-troops-deaths-russia", title="Deaths among North Korean troops deployed to Russia")


def _client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def curator_client(curator):
    return _client_for(curator)


@pytest.fixture
def reviewer_client(reviewer):
    return _client_for(reviewer)
