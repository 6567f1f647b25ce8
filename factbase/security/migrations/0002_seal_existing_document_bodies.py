"""Seal the bodies of the documents that exist before seals did (trust on first use).

The stored ``body_sha256`` is sealed, not a hash recomputed now: a body already changed behind the
application's back (with its stored hash left as it was) stays detectable. Re-runnable: documents that
already have a seal are left alone. The signature is the one ``factbase.security.seals`` makes, written out
here because migrations do not import application code.
"""

import datetime as dt

from django.conf import settings
from django.db import migrations
from django.utils import timezone
from django.utils.crypto import salted_hmac

SALT = "factbase.security.seals.document-body"
BATCH = 1000


def signature(document_id, body_sha256, sealed_at):
    when = sealed_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    message = f"v1:{document_id}:{body_sha256}:{when}"
    return salted_hmac(SALT, message, secret=settings.SECRET_KEY, algorithm="sha256").hexdigest()


def seal_existing(apps, schema_editor):
    Document = apps.get_model("sources", "Document")
    DocumentSeal = apps.get_model("security", "DocumentSeal")
    db = schema_editor.connection.alias
    when = timezone.now()
    last = 0
    while True:
        rows = list(
            Document.objects.using(db).filter(pk__gt=last, body_seals__isnull=True)
            .order_by("pk").values_list("pk", "body_sha256")[:BATCH]
        )
        if not rows:
            return
        DocumentSeal.objects.using(db).bulk_create([
            DocumentSeal(document_id=pk, body_sha256=sha, sealed_at=when, signature=signature(pk, sha, when))
            for pk, sha in rows
        ])
        last = rows[-1][0]


class Migration(migrations.Migration):
    dependencies = [("security", "0001_login_lockouts_and_document_seals")]

    operations = [migrations.RunPython(seal_existing, migrations.RunPython.noop)]
