"""The review of issue 15's twelfth session (linking, frames, descriptions): a crash on figures before a citing frame,
and the patterns and loops that cost a quadratic number of steps on long runs of capitals, letters or spaces. Each
rewrite is checked to find what the pattern it replaces found, on random text; each hostile input is timed."""

import random
import re
import time

import pytest

from claims.extraction import linking
from claims.extraction.attribution import chains
from tests.claims.extraction_probes import actor, extract, hop_keys, who


def _random_texts(alphabet, count=3000, longest=14, seed=15):
    generator = random.Random(seed)
    return ["".join(generator.choice(alphabet) for _ in range(generator.randint(0, longest))) for _ in range(count)]


# --- a crash, and a relay that is none ------------------------------------------------------------------------------

# The figures before a medium citing another, a speaker after the frame: the frame encloses no figure, and its inner
# speaker was looked for among no figures at all (``min()`` of nothing: the whole document failed).
FIGURES_BEFORE_THE_FRAME = {
    "ko": ("23명이 체포됐다고 타스통신이 BFMTV를 인용해 보도했으며 올리비에 가르니에 경찰청장은 이를 확인했다고 말했다.",
           ["타스통신", "타스"]),
    "ar": ("اعتقل 23 شخصا، حسبما نقلت وكالة تاس عن قناة BFMTV، وقال قائد الشرطة أوليفييه غارنييه إن الاحتجاجات مستمرة.",
           ["وكالة تاس", "تاس"]),
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(FIGURES_BEFORE_THE_FRAME))
def test_figures_before_a_citing_frame_are_the_cited_medium_s_through_the_citer(language):
    text, tass = FIGURES_BEFORE_THE_FRAME[language]
    actor("tass", "TASS", "state_media", "RU", tass, language=language)
    actor("bfmtv", "BFMTV", "news_outlet", "FR", ["BFMTV"], language=language)
    [candidate] = extract(text, language=language)
    assert (int(candidate.quantity.number), candidate.claimant.name, hop_keys(candidate)) == (23, "BFMTV", [["tass"]])


@pytest.mark.django_db
def test_a_person_a_statement_was_given_to_is_no_relay():
    # "in a phone call with X": X is not the subject of the verb after the frame, nor a medium passing the figure on
    actor("zelensky", "Volodymyr Zelensky", "person", "UA", ["Volodymyr Zelensky"])
    actor("erdogan", "Recep Tayyip Erdogan", "person", "TR", ["Recep Tayyip Erdogan"])
    [candidate] = extract("In a phone call with Volodymyr Zelensky, Recep Tayyip Erdogan said 40 people were killed.")
    assert (who(candidate), hop_keys(candidate)) == ("erdogan", [])


# --- the rewritten patterns find what they replace ----------------------------------------------------------------------

def test_name_runs_are_the_runs_the_plain_pattern_finds():
    plain = re.compile(r"[A-ZΑ-ΩΆΈΉΊΌΎΏА-ЯЁ][\w'’-]+(?:\s+[A-ZΑ-ΩΆΈΉΊΌΎΏА-ЯЁ][\w'’-]+)+")
    for text in _random_texts("AaBbΩωЖж -'’,.\n1", longest=18):
        for start, end in ((0, len(text)), (len(text) // 3, len(text)), (1, max(1, len(text) - 2))):
            expected = [(m.start(), m.end(), m.group(0)) for m in plain.finditer(text, start, end)]
            assert chains._name_runs(text, start, end) == expected, (text, start, end)


def test_credit_parts_split_as_the_plain_pattern_does():
    plain = re.compile(r"\s*(?:[,;/|–—]|\s-\s|(?<!\w)(?:and|και|и|و|및)(?!\w))\s*")
    for text in _random_texts(["a", "b", " ", "  ", "-", ",", "and", "и", "/", "\n"], longest=12):
        assert linking._CREDIT_PARTS.split(text) == plain.split(text), text


def test_boundaries_are_found_where_the_plain_patterns_find_them():
    plain = {"en": r"\s*(?:,|\bthat\b|\bsaid\b|\btold\b|$)", "el": r"\s*(?:,|ότι|πως|$)", "ru": r"\s*(?:,|что|$)"}
    for text in _random_texts(["a", " ", "  ", ",", "that", "said", "ότι", "что", "x"], longest=10):
        for language, pattern in plain.items():
            assert re.search(chains._BOUNDARY[language], text).span() == re.search(pattern, text).span(), (language, text)


def test_a_korean_phrase_ends_with_a_title_as_the_plain_pattern_reads_it():
    plain = rf"{chains._TITLE_STEMS['ko']}(?:은|는|이|가)?$"
    ending = r"(?:장|관|대변인|대통령|주지사|대표|대사|총리|특사)(?:은|는|이|가)?$"
    for text in _random_texts(["장", "관", "대변인", "은", "가", "서", " ", "x", "대", "사"], longest=8):
        assert bool(re.search(ending, text)) == bool(re.search(plain, text)), text


def test_the_banded_edit_distance_is_the_full_one_up_to_its_limit():
    def full(a, b):
        previous = list(range(len(b) + 1))
        for i, char in enumerate(a, start=1):
            current = [i]
            for j, other in enumerate(b, start=1):
                current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
            previous = current
        return previous[-1]

    texts = _random_texts("abc", count=400, longest=9)
    for a, b in zip(texts, texts[1:]):
        for limit in (0, 1, 2):
            assert min(linking._edit_distance(a, b, limit), limit + 1) == min(full(a, b), limit + 1), (a, b, limit)


def test_an_arabic_spokesman_s_title_is_found_as_the_plain_search_finds_it():
    from claims.extraction.attribution.descriptions import _SPOKESMAN_OF, _spokesman_of

    for text in _random_texts(["ال", "و", "x", " ", "  ", "\n", "\u00a0", "باسم", "المتحدث"], longest=9):
        plain = _SPOKESMAN_OF.search(text)
        assert _spokesman_of(text) == (plain.group(1) if plain else None), repr(text)


def test_a_korean_subject_phrase_is_found_where_the_plain_pattern_finds_it_first():
    plain = re.compile(r"(?:\S+\s){0,3}\S+(?:은|는|이|가)(?=\s)")
    ours = re.compile(r"(?<!\S)(?:\S+\s){0,3}\S+(?:은|는|이|가)(?=\s)")
    for text in _random_texts(["나", "은", "가", " ", "  ", "경찰", "x"], longest=12):
        first, found = plain.search(text), ours.search(text)
        assert (first and first.span()) == (found and found.span()), repr(text)


# --- hostile inputs, timed ---------------------------------------------------------------------------------------------
# (each took from 8 s to minutes before; a few hundredths of a second now)

def test_two_long_words_a_letter_apart_are_compared_in_linear_time():
    started = time.perf_counter()
    assert linking.same_person_spelled("Q" + "a" * 6000, "Anna Q" + "a" * 5999 + "b")  # one letter apart
    assert time.perf_counter() - started < 5


@pytest.mark.django_db
def test_a_long_run_of_capitals_before_a_verb_costs_no_quadratic_search():
    started = time.perf_counter()
    extract("Ο εκπρόσωπος " + "Α" * 25000 + " είπε ότι 12 άνθρωποι σκοτώθηκαν.", language="el")
    assert time.perf_counter() - started < 5


@pytest.mark.django_db
def test_a_credit_line_with_a_long_run_of_spaces_is_split_in_linear_time():
    from claims.extraction.actors import ActorIndex

    actor("afp", "Agence France-Presse", "news_agency", "FR", ["AFP"])
    index = ActorIndex.from_database()
    started = time.perf_counter()
    linking.linked_mentions("AFP" + " " * 20000 + "Reuters", "en", index)
    assert time.perf_counter() - started < 5
