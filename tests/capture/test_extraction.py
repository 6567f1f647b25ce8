"""The text kept from a captured page: the article, without what surrounds it; its metadata."""

import datetime as dt

import pytest

NAVIGATION_ADS_COMMENTS = [
    "Subscribe now", "ADVERTISEMENT", "SuperPhone", "Sponsored", "Cheap flights", "User123", "Great reporting",
    "Comments (3)", "kimchi", "Markets fall", "All rights reserved", "Cookie settings",
]


def test_the_article_is_kept_and_navigation_ads_comments_and_footer_are_not(site, capture):
    body = capture(site.url("/news/seoul-2000.html")).document.body
    assert "South Korea's National Intelligence Service (NIS) estimates that about 2,000 North Korean soldiers" in body
    assert "\"The North is seeking to deepen its military cooperation with Moscow,\" lawmaker Lee Seong-kweun" in body
    assert "North Korea itself has acknowledged about 350 dead." in body
    assert [text for text in NAVIGATION_ADS_COMMENTS if text in body] == []


def test_the_page_metadata_becomes_the_documents(site, capture):
    document = capture(site.url("/news/seoul-2000.html")).document
    assert document.title == "Seoul says 2,000 North Korean soldiers killed fighting for Russia"
    assert document.authors == "Jane Doe"
    assert document.published_on == dt.date(2025, 9, 4)
    assert document.language == "en"
    assert document.key == "2025-09-04-seoul-says-2000-north-korean-soldiers-killed-fighting-for-ru"


def test_a_korean_page_in_euc_kr_is_read_in_its_charset(site, capture):
    document = capture(site.url("/ko/article.html")).document
    assert document.language == "ko"
    assert document.title == '국정원 "러시아 파병 북한군 약 2천명 사망"'
    assert document.body.startswith("국가정보원은 4일 국회 정보위원회 비공개 회의에서 러시아에 파병된 북한군 가운데 약 2천명이")
    assert "북한은 앞서 자국군 약 350명이 전사했다고 인정한 바 있다." in document.body
    assert [text for text in ["광고", "로그인", "댓글", "독자1", "무단 전재"] if text in document.body] == []
    assert document.published_on == dt.date(2025, 9, 4)
    assert document.key == "2025-09-04-article"


def test_a_pdf_is_read_through_its_text_layer(site, capture):
    document = capture(site.url("/statement.pdf")).document
    assert document.body == (
        "Ministry of Defence - press statement\nThe ministry estimates that about 2,000 soldiers were killed.\n"
        "It will not comment further."
    )
    assert (document.title, document.authors, document.published_on) == (
        "Press statement on losses", "Press office", dt.date(2025, 9, 4))


def test_a_pdf_without_a_text_layer_is_refused_saying_so(site, capture):
    job = capture(site.url("/scan.pdf"), published_on=dt.date(2025, 9, 4))
    assert job.state == "failed"
    assert job.error == f"{site.url('/scan.pdf')}: the PDF has no text layer (a scan?); nothing to quote from"


def test_plain_text_is_kept_as_it_is(site, capture):
    document = capture(site.url("/statement.txt"), published_on=dt.date(2025, 9, 4)).document
    assert document.body == (
        "Statement of the spokesperson, 4 September 2025\n\n"
        "The ministry has taken note of reports that about 2,000 soldiers have been killed.\n"
        "The ministry does not comment on intelligence estimates."
    )
    assert document.title == "Statement of the spokesperson, 4 September 2025"


def test_a_compressed_page_is_decompressed_for_extraction(site, capture):
    assert "about 2,000 North Korean soldiers" in capture(site.url("/gzipped.html")).document.body


def test_a_decompression_bomb_is_refused(site, capture):
    job = capture(site.url("/bomb.html"))
    assert job.state == "failed"
    assert job.error.endswith("/bomb.html: the decompressed response is larger than the limit (CAPTURE_MAX_BYTES)")


def test_a_page_without_a_date_needs_one_given(site, capture):
    job = capture(site.url("/analysis.html"))
    assert (job.state, job.document) == ("failed", None)
    assert "the page gives no publication date; give one (capture_url --date YYYY-MM-DD" in job.error
    job = capture(site.url("/analysis.html"), published_on=dt.date(2025, 9, 6))
    assert job.state == "done"
    assert job.document.published_on == dt.date(2025, 9, 6)


@pytest.mark.parametrize("path", ["/news/seoul-2000.html", "/ko/article.html", "/statement.pdf"])
def test_extraction_is_repeatable_from_the_archive(site, capture, path):
    from django.conf import settings

    from sources.capture.documents import archived_extraction

    document = capture(site.url(path)).document
    _, again = archived_extraction(name=document.warc_archive, record_id=document.warc_record_id,
                                   limit=settings.CAPTURE_MAX_BYTES)
    assert again.body == document.body
