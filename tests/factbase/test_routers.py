"""API reads may go to replicas; writes and everything outside reads_from_replicas go to the primary."""

from factbase import routers
from factbase.routers import ReplicaRouter, reads_from_replicas
from sources.models import Actor


def test_without_replicas_everything_uses_the_primary():
    router = ReplicaRouter()
    with reads_from_replicas():
        assert router.db_for_read(Actor) == "default"
    assert router.db_for_write(Actor) == "default"


def test_reads_go_to_a_replica_only_when_asked(monkeypatch):
    monkeypatch.setattr(routers, "replica_aliases", lambda: ["replica1"])
    router = ReplicaRouter()
    assert router.db_for_read(Actor) == "default"
    with reads_from_replicas():
        assert router.db_for_read(Actor) == "replica1"
        assert router.db_for_write(Actor) == "default"
    assert router.allow_migrate("replica1", "sources") is False
    assert router.allow_migrate("default", "sources") is True

