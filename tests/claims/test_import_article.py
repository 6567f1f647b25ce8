"""The import_article command: raw articles become documents; --extract proposes draft claims."""

import hashlib
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.models import Claim, Estimate
from factbase.models import ImportRun
from sources.models import Actor, ActorAlias, Document

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_96f8c3dbb12c4205.txt"

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("import_article", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


def nothing_written():
    return Document.objects.count() == 0 and ImportRun.objects.count() == 0 and Claim.objects.count() == 0


def test_seed_file_becomes_a_greek_document_dated_by_its_header():
    output = run(SEED)
    document = Document.objects.get()
    assert (document.key, document.language, document.published_on.isoformat()) == (
        "2025-09-04-000_96f8c3dbb12c4205", "el", "2025-09-04",
    )
    assert document.body.startswith("Ο ηγέτης της Βόρειας Κορέας")
    assert "created" in output


def test_import_is_recorded_as_a_run_with_file_hashes_and_counts():
    run(SEED)
    import_run = ImportRun.objects.get()
    assert import_run.command == "import_article"
    assert import_run.files == [{"name": SEED.name, "sha256": hashlib.sha256(SEED.read_bytes()).hexdigest()}]
    assert import_run.counts["documents"] == {"created": 1, "unchanged": 0}
    assert import_run.finished_at is not None
    document = Document.objects.get()
    assert document.first_import_run == import_run == document.last_import_run


def test_reimporting_the_same_text_finds_the_existing_document(tmp_path):
    run(SEED)
    copy = tmp_path / "another-name.txt"
    copy.write_bytes(SEED.read_bytes())
    output = run(copy)
    document = Document.objects.get()
    first, second = ImportRun.objects.order_by("id")
    assert document.first_import_run == first and document.last_import_run == second
    assert second.counts["documents"] == {"created": 0, "unchanged": 1}
    assert "unchanged" in output


def test_plain_text_takes_the_date_option_and_detects_the_language(tmp_path):
    path = tmp_path / "Yonhap report.txt"
    path.write_text("국가정보원은 약 2000명이 전사한 것으로 추정했다.", encoding="utf-8")
    run(path, "--date", "2025-09-04", "--title", "NIS briefing", "--url", "https://example.org/a")
    document = Document.objects.get()
    assert (document.key, document.language, document.title, document.url) == (
        "2025-09-04-yonhap-report", "ko", "NIS briefing", "https://example.org/a",
    )


def test_language_and_publisher_options_are_used(tmp_path):
    Actor.objects.create(key="daily", name="The Daily", kind="news_outlet")
    path = tmp_path / "a.txt"
    path.write_text(" date 2025-09-04 Bonjour tout le monde.", encoding="utf-8")
    run(path, "--language", "fr", "--publisher", "daily")
    document = Document.objects.get()
    assert (document.language, document.publisher.key) == ("fr", "daily")


def test_same_file_name_on_another_text_gets_a_distinct_key(tmp_path):
    first, second = tmp_path / "one" / "a.txt", tmp_path / "two" / "a.txt"
    for path, body in ((first, "First text."), (second, "Second text.")):
        path.parent.mkdir()
        path.write_text(f" date 2025-09-04 {body}", encoding="utf-8")
    run(first, second)
    assert sorted(Document.objects.values_list("key", flat=True)) == ["2025-09-04-a", "2025-09-04-a-2"]


def test_extract_writes_draft_candidates_once(tmp_path):
    for key, alias in (("nis", "υπηρεσία πληροφοριών της Νότιας Κορέας"), ("kcna", "KCNA")):
        actor = Actor.objects.create(key=key, name=key.upper(), kind="intelligence_agency")
        ActorAlias.objects.create(actor=actor, name=alias, language="el")
    output = run(SEED, "--extract")
    import_run = ImportRun.objects.get()
    assert Claim.objects.exists()
    assert set(Claim.objects.values_list("status", flat=True)) == {"draft"}
    assert import_run.counts["candidates"]["created"] == Claim.objects.count()
    assert Claim.objects.filter(first_import_run=import_run).count() == Claim.objects.count()
    assert Estimate.objects.filter(claim__claimant__key="nis", wording="περίπου 2.000").exists()
    assert "draft claims" in output
    claims_before = Claim.objects.count()
    output = run(SEED, "--extract")
    assert Claim.objects.count() == claims_before
    assert "extraction skipped" in output


def test_dry_run_writes_nothing(tmp_path):
    output = run(SEED, "--extract", "--dry-run")
    assert nothing_written()
    assert "dry run: nothing was written" in output


def write(tmp_path, name, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("make_args", "message"),
    [
        (lambda tmp: [tmp / "missing.txt"], "no such file"),
        (lambda tmp: [tmp], "not a file"),
        (lambda tmp: [write(tmp, "latin1.txt", " date 2025-09-04 Caf\xe9".encode("latin-1"))], "not UTF-8"),
        (lambda tmp: [write(tmp, "binary.txt", b" date 2025-09-04 ab\x00cd")], "binary"),
        (lambda tmp: [write(tmp, "empty.txt", b"")], "empty"),
        (lambda tmp: [write(tmp, "blank.txt", b"  \n \n")], "empty"),
        (lambda tmp: [write(tmp, "header-only.txt", b" date 2025-09-04   ")], "no text"),
        (lambda tmp: [write(tmp, "undated.txt", b"Some text without a date.")], "no publication date"),
        (lambda tmp: [write(tmp, "bad-header.txt", b" date 2025-02-30 Text.")], "not a real date"),
        (lambda tmp: [SEED, "--language", "xx"], "not a known BCP 47 language code"),
        (lambda tmp: [SEED, "--date", "04/09/2025"], "--date '04/09/2025' is not a date"),
        (lambda tmp: [SEED, "--date", "2025-09-05"], "the header says 2025-09-04 but --date says 2025-09-05"),
        (lambda tmp: [SEED, "--publisher", "nobody"], "no actor has this key"),
        (lambda tmp: [SEED, "--url", "not a url"], "not a valid URL"),
        (lambda tmp: [SEED, SEED, "--title", "T"], "single FILE"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_written(tmp_path, make_args, message):
    with pytest.raises(CommandError, match=message):
        run(*make_args(tmp_path))
    assert nothing_written()


def test_one_bad_file_among_good_ones_writes_nothing(tmp_path):
    bad = write(tmp_path, "empty.txt", b"")
    with pytest.raises(CommandError, match="empty.txt: the file is empty"):
        run(SEED, bad)
    assert nothing_written()


def test_url_of_another_document_is_refused_and_nothing_written(tmp_path):
    first = write(tmp_path, "a.txt", b" date 2025-09-04 One.")
    second = write(tmp_path, "b.txt", b" date 2025-09-04 Two.")
    run(first, "--url", "https://example.org/a")
    with pytest.raises(CommandError, match="already has the URL"):
        run(second, "--url", "https://example.org/a")
    assert Document.objects.count() == 1 and ImportRun.objects.count() == 1


def test_bad_input_exits_non_zero_from_the_command_line(tmp_path):
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "manage.py", "import_article", str(tmp_path / "missing.txt")],
        cwd=repo, capture_output=True, text=True,
    )
    assert result.returncode != 0
    assert "missing.txt: no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_explains_the_command():
    from claims.management.commands.import_article import Command

    parser = Command().create_parser("manage.py", "import_article")
    text = parser.format_help()
    for phrase in ("date YYYY-MM-DD", "--extract", "DRAFT", "--dry-run", "--language", "detected", "--publisher"):
        assert phrase in text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Η υπηρεσία πληροφοριών εκτίμησε ότι περίπου 2.000 στρατιώτες σκοτώθηκαν.", "el"),
        ("국가정보원은 약 2000명이 전사한 것으로 추정했다.", "ko"),
        ("Песков заявил журналистам, что Кремль не комментирует оценки.", "ru"),
        ("وقال بوتين إن العلاقات في أفضل حالاتها.", "ar"),
        ("The NIS said about 2,000 soldiers were killed.", "en"),
        ("Η KCNA (Korean Central News Agency) μετέδωσε την Πέμπτη ότι ο Κιμ συναντήθηκε με τον Πούτιν.", "el"),
        ("12345 — 678", "en"),
    ],
)
def test_language_is_detected_from_the_script(text, language):
    from sources.articles import detect_language

    assert detect_language(text) == language


def test_byte_order_mark_is_accepted_and_dropped(tmp_path):
    path = write(tmp_path, "bom.txt", "\ufeff date 2025-09-04 Some text.".encode("utf-8"))
    run(path)
    assert Document.objects.get().body == "Some text."
