"""Korean agents: the subject- or topic-marked phrase before the verb, the source of "X에 따르면", and the actor of
a relative clause before a figure ("군정이 밝힌 144명")."""

import re
from bisect import bisect_right
from functools import lru_cache

from .. import cues as C
from ..actors import KO_SUBJECT_PARTICLES, ActorRef, folded
from .cuefinding import _inside
from .proposing import _proposed, _proposed_medium
from .descriptions import _resolve, unnamed_officials
from .state import Agent, Cue, DocumentState, _Item


_KO_VERBAL_STEM_END = ("하", "되", "있", "없", "않", "받", "시키", "이", "한", "된", "인", "던", "은")


def _ko_word_candidate(sentence: str, lo: int, word_start: int, word: str, masked) -> tuple[int, int, str] | None:
    """The subject phrase a word of the segment from ``lo`` opens or ends (its span and stem), or None."""
    if _inside(word_start, masked):
        return None
    clean = re.sub(r"\([^)]*\)", "", word)
    listed = re.search(r"(\S+)\s+$", sentence[lo:word_start]) if re.fullmatch(_KO_ET_AL, clean) else None
    if listed and not _inside(lo + listed.start(1), masked):
        # round 7: "CNN 등이 … 보도했다", "AP통신 등은": the one named before "등" (and others) is the subject
        return lo + listed.start(1), word_start + len(word), re.sub(r"\([^)]*\)", "", listed.group(1))
    group = re.fullmatch(r"(\S*?)(?:이|가|은|는)", clean)
    named = re.search(r"(\S+)\s+등\s+(?:\S+\s+)?$", sentence[lo:word_start]) \
        if group and group.group(1).endswith(_KO_MEDIA_GROUPS) else None
    if named and not _inside(lo + named.start(1), masked) and not re.search(r"\d", named.group(1)):
        # fifteenth session: "‘CCTV’ 등 중국 관영매체들이", "AP통신 등 외신이" (X and other media): the one named speaks
        return lo + named.start(1), word_start + len(word), re.sub(r"\([^)]*\)|[‘’'\"“”`]", "", named.group(1))
    side = re.search(r"(\S+)\s+$", sentence[lo:word_start]) if re.fullmatch(r"측(?:은|는|이|가|도)", clean) else None
    if side and not _inside(lo + side.start(1), masked) and not re.search(r"\d", side.group(1)):
        # round 8: "러시아 측은", "병원 측이" (the Russian side, the hospital's side): the one named before "측"
        return lo + side.start(1), word_start + len(word), f"{side.group(1)} 측"
    counted = re.search(r"(\S+)\s+$", sentence[lo:word_start]) \
        if re.fullmatch(r"\d[\d,]*\s?명(?:은|는|이|가)", clean) else None
    if counted and not _inside(lo + counted.start(1), masked) \
            and counted.group(1).endswith(_KO_UNNAMED_SOURCES + ("소식통들",)):
        # thirteenth session: "소식통 2명은", "당국자 3명이" (two sources): the unnamed people the number counts
        # speak; the number is theirs, not a figure of what they report
        return lo + counted.start(1), word_start + len(word), counted.group(1)
    detached = re.search(r"([A-Za-z][A-Za-z0-9&.-]*)\s+$", sentence[lo:word_start]) \
        if clean in ("은", "는", "이", "가") else None
    if detached and not _inside(lo + detached.start(1), masked):
        # sixteenth session: a particle set apart from a Latin name by a space ("OCHA 는 보고 있다", as some pages space
        # Latin words and figures): the name is the subject
        return lo + detached.start(1), word_start + len(word), detached.group(1)
    particle = next((p for p in KO_SUBJECT_PARTICLES if clean.endswith(p)), "")
    if not particle and clean.endswith("도") and _ko_also_subject(clean[:-1], sentence[:word_start]):
        particle = "도"  # round 12: "대중지 빌트도 … 보도했다", "말라위와 우루과이 당국도 … 밝혔다" (X too said)
    if not particle or re.search(r"\d", clean):
        return None
    stem = clean[: -len(particle)]
    if particle in ("는", "은") and stem.endswith(_KO_ADVERBIAL_CASES):
        # fourteenth session: "현장에는", "당시에는" (at the site, at the time): a place or time as topic; sixteenth
        # session: any adverbial case before the topic marker ("아이티에서는", "주민들에게는", "현재까지는")
        return None
    if stem.endswith(_KO_COUNTED):
        return None  # round 8: "사망자가", "부상자 수는": the people counted, never the one who reports them
    if re.search(_KO_QUANTIFIED, sentence[lo:word_start]):
        return None  # round 10: "15명의 경찰이 목숨을 잃었다": a noun a number counts is the counted, not a source
    titled = stem.endswith(tuple(C.PERSON_TITLES["ko"]))  # "대변인은" is a spokesman, not a verb form
    if len(stem) < 2 or (stem.endswith(_KO_VERBAL_STEM_END) and not titled):
        return None
    return word_start, word_start + len(word), stem


class _KoSegment:
    """Fourteenth session: the subject phrases of the words from ``lo`` on, found once per sentence rather than once per
    verb (a sentence of a thousand verbs read a thousand times). Sixteenth session: read only as far as a verb asks
    (``extend``): a segment opening at each verb's own quotation end was read to the sentence's end for every verb
    ("…숨졌다고 밝혔다" repeated: over 10 s). Holds the candidates, their ends, whether each is a topic ("은/는"), the first
    kept one and the first kept topic (kept: not right before the next one, with only spaces between), and the starts
    and ends of the words read (the word a segment's end cuts is read again, cut, by ``_ko_subject_before``)."""

    def __init__(self, sentence: str, lo: int, masked: tuple):
        self.sentence, self.lo, self.masked = sentence, lo, masked
        self.words = re.finditer(r"\S+", sentence[lo:])
        self.candidates, self.ends, self.topics = [], [], []
        self.first_kept = self.first_kept_topic = None
        self.word_starts, self.word_ends = [], []

    def extend(self, hi: int) -> None:
        """Reads words until one ends after ``hi`` (or the sentence ends)."""
        sentence, lo = self.sentence, self.lo
        while self.words is not None and (not self.word_ends or self.word_ends[-1] <= hi):
            match = next(self.words, None)
            if match is None:
                self.words = None
                break
            self.word_starts.append(lo + match.start())
            self.word_ends.append(lo + match.end())
            candidate = _ko_word_candidate(sentence, lo, lo + match.start(), match.group(0), self.masked)
            if candidate is None:
                continue
            candidates = self.candidates
            if candidates and self.first_kept_topic is None:
                n = len(candidates) - 1  # the previous candidate is kept unless this one follows it with only spaces
                if sentence[candidates[n][1]:candidate[0]].strip():
                    if self.first_kept is None:
                        self.first_kept = n
                    if self.topics[n]:
                        self.first_kept_topic = n
            candidates.append(candidate)
            self.ends.append(candidate[1])
            self.topics.append(bool(re.search(r"(?:은|는)(?:\([^)]*\))?$", sentence[candidate[0]:candidate[1]])))


@lru_cache(maxsize=16)
def _ko_segment(sentence: str, lo: int, masked: tuple) -> _KoSegment:
    return _KoSegment(sentence, lo, masked)


def _ko_subject_before(sentence: str, lo: int, hi: int, masked, first: bool) -> tuple[int, int, str] | None:
    """The subject phrase of the segment ``sentence[lo:hi]``: the first topic (else the first phrase) when the segment
    opens the sentence, else the last phrase; a phrase right before another (only spaces between) qualifies it."""
    segment = _ko_segment(sentence, lo, tuple(masked))
    segment.extend(hi)
    candidates, ends, topics = segment.candidates, segment.ends, segment.topics
    word_starts, word_ends = segment.word_starts, segment.word_ends
    count = bisect_right(ends, hi)
    cut = bisect_right(word_ends, hi)
    if cut < len(word_starts) and word_starts[cut] < hi:
        # a word the segment's end cuts: read as cut, and the list built as before
        chosen = list(candidates[:count])
        last = _ko_word_candidate(sentence, lo, word_starts[cut], sentence[word_starts[cut]:hi], masked)
        chosen += [last] if last is not None else []
        chosen = [c for n, c in enumerate(chosen)
                  if not (n + 1 < len(chosen) and not sentence[c[1]:chosen[n + 1][0]].strip())]
        if not chosen:
            return None
        topical = [c for c in chosen if re.search(r"(?:은|는)(?:\([^)]*\))?$", sentence[c[0]:c[1]])]
        return (topical[0] if topical else chosen[0]) if first else chosen[-1]
    if not count:
        return None
    if not first:
        return candidates[count - 1]
    # the last phrase before the end is kept whatever follows it; the others as in the whole sentence
    last = count - 1
    kept, topic_kept = segment.first_kept, segment.first_kept_topic
    if topic_kept is not None and topic_kept < last:
        return candidates[topic_kept]
    if topics[last]:
        return candidates[last]
    return candidates[kept if kept is not None and kept < last else last]


def _ko_agent(cue: Cue, sentence: str, items: list[_Item], state: DocumentState, masked=()) -> _Item | None:
    """Korean: the subject/topic-marked phrase after the reported clause ("…다고 보건부는 밝혔다"), else the
    sentence's topic ("OHCHR는 … 밝혔다"); for a verb inside another report ("…말했다고 전했다") the subject
    right before its own clause; a phrase that is no actor is proposed."""
    before = sentence[:cue.start]
    nested = sentence[cue.end:cue.end + 2].startswith("고")
    quote_end = 0
    for match in re.finditer(r"(?:다|라|냐|자)고\s", before):
        quote_end = match.end()
    first_quote = min((s for s, _ in masked if s < cue.start), default=None)
    segments = ((quote_end, cue.start, False), (0, quote_end, True)) if quote_end else ((0, cue.start, True),)
    for lo, hi, first in segments:
        if nested and first and first_quote is not None:
            hi, first = first_quote, False
        chosen = _ko_subject_before(sentence, lo, hi, masked, first)
        if chosen is None:
            continue
        word_start, word_end, stem = chosen
        covering = [i for i in items if i.start < word_end and word_start < i.end + 2 and i.how != "proposed"]
        previous = re.search(r"(\S+)\s+$", sentence[:word_start])
        if stem in _KO_BARE_MEDIA and (previous is None or re.search(_KO_CLAUSE_END, previous.group(1))
                                       or re.fullmatch(_KO_TIME_WORDS, previous.group(1))):
            # round 10: "통신은 또 …라고 보도했다", "방송은 …고 전했다": a bare word for a medium, no name before it, is the
            # medium last named going on (the class of "이 통신은" below, without the demonstrative)
            medium = next((ref for ref in reversed(state.paragraph_sources + state.sources + state.mentioned)
                           if ref.is_media and ref != state.narrator), None)
            if medium is not None:
                return _Item(word_start, word_end, medium, "anaphor", "organisation")
        if previous and previous.group(1) in ("이", "同", "해당") and stem.endswith(_KO_MEDIA_ENDINGS):
            # round 8: "이 통신은 … 덧붙였다" (this agency): the medium last named, going on
            medium = next((ref for ref in reversed(state.paragraph_sources + state.sources + state.mentioned)
                           if ref.is_media and ref != state.narrator), None)
            if medium is not None:
                return _Item(previous.start(1), word_end, medium, "anaphor", "organisation")
        qualified = bool(previous) and not re.search(r"(?:는|은|을|를|에|의|고|며|서|한|된|인|있는|에서|으로|로|\d)$",
                                                     previous.group(1)) and not _inside(previous.start(1), masked)
        if covering and covering[-1].how == "descriptor" and qualified and _ko_other_owner(previous, covering[-1], items):
            covering = []  # round 10: "기니 군정은" is Guinea's junta, not the actor "군정" describes (Myanmar's)
        if covering and covering[-1].how == "anaphor" and covering[-1].ref is None \
                and _resolve(covering[-1], sentence, state) is None and not state.last():
            covering = []  # round 10: "보건부는 AP통신에 …" with no source before it to refer to: proposed as written
        if covering and not (covering[-1].how == "anaphor" and qualified
                             and not any(i.start <= previous.start(1) < i.end for i in items)):
            return covering[-1]
        # "재난부 대변인은": a title with its own qualifier is someone new, not "the spokesman" met before.
        # An unknown subject: propose it, with the bare noun before it ("군관 합동조사단").
        previous = re.search(r"(\S+)\s+$", sentence[:word_start])
        name, subject_start = stem, word_start
        person = _ko_titled_name(sentence, word_start, stem, items, masked)
        if person is not None:
            # round 10: "살리프 트라오레 보안장관은", "무함마드 이브라힘 압델 카림 주지사의": a person's name before the title
            # that follows it in Korean; the name is proposed without the title
            begin, written, title = person
            known = ko_known(state, written)
            ref = known or _proposed(state, written, title)
            return _Item(begin, word_end, ref, "name" if known else "proposed")
        if previous and not re.search(r"(?:는|은|을|를|에|의|고|며|서|한|된|인|있는|에서|으로|로|면|\d)$", previous.group(1)) \
                and not re.fullmatch(_KO_TIME_WORDS, previous.group(1)) and not re.search(r"[=:|]", previous.group(1)) \
                and previous.group(1) not in _KO_MEDIA_GENRES:
            # (round 12: "(서울=연합뉴스) 김 기자 = 경찰은": the byline's "=" is no part of the subject's name)
            name = f"{previous.group(1)} {stem}"
            word_start = previous.start(1)
        elif len(stem) >= 2:
            # "센터는 또 …라고 덧붙였다" after "대만 중앙재해대응센터는 … 밝혔다": the last source named by that
            # noun, going on speaking (through the same relays).
            named = next((ref for ref in reversed(state.paragraph_sources + state.sources)
                          if folded(ref.name).replace(" ", "").endswith(stem)), None)
            if named is not None:
                return _Item(word_start, word_end, named, "anaphor", "organisation")
        known = ko_known(state, name)
        if known is not None:
            return _Item(word_start, word_end, known, "name")
        body = _ko_spokesman_body(sentence, subject_start, stem, masked)
        if body is not None:
            # round 12: "남키부주 정부 대변인은": the spokesman of a body the sentence names, with the body's whole name
            begin, written = body
            ref = ko_known(state, written) or _proposed(state, written, "")
            return _Item(begin, word_end, ref, "proposed" if ref.proposed else "name")
        if stem.endswith(_KO_UNNAMED_SOURCES) or ko_unnamed_police(name):
            # round 8: "인도네시아 재난당국은", "이시카와현 당국은", "소방 관계자는": authorities and officials no name
            # is given for, whatever qualifies them
            return _Item(word_start, word_end, unnamed_officials(state), "group")
        ref = _proposed(state, name, "")
        genre = previous is not None and previous.group(1) in _KO_MEDIA_GENRES  # sixteenth session: "현지 매체 미지마가"
        if genre or name.endswith(_KO_MEDIA_ENDINGS) and name not in _KO_BARE_MEDIA and not any(
                w in _KO_UNNAMED_MEDIA_QUALIFIERS for w in name.split()[:-1]):
            # round 12: "…밝혔다고 이란 타스님 통신이 전했다": a name no actor holds ending in a word for a medium is a
            # medium, which passes on the statement it reports (a relay when a speaker inside its clause speaks)
            ref = _proposed_medium(state, ref)
        return _Item(word_start, word_end, ref, "proposed")
    return None


# Sixteenth session: the case endings of an adverbial (a place, a time, a recipient, a means) that "은/는" may make a topic
# of: the phrase is no subject.
_KO_ADVERBIAL_CASES = ("에", "에서", "에게", "한테", "까지", "부터", "으로", "로서", "로써", "에서의")


# Round 12: words for a kind of medium written before its name ("미국 일간 뉴욕타임스는", "영국 유력지 가디언은"): no part of it.
_KO_MEDIA_GENRES = {"일간", "일간지", "주간지", "경제지", "유력지", "대중지", "타블로이드", "방송사", "통신사",
                    # sixteenth session: "현지 매체 이라와디가", "독립 언론 X는"
                    "매체", "언론", "언론사", "온라인매체", "인터넷매체"}


def _ko_also_subject(stem: str, before: str) -> bool:
    """Round 12: "X도" (X too) marks the subject as "X는" does when X opens the sentence (after a word for a kind of
    medium or a coordinated name at most: "대중지 빌트도", "말라위와 우루과이 당국도") or when X is a word for authorities,
    officials or a medium; elsewhere "도" adds an object or a place ("아쿠몰리에서도")."""
    if len(stem) < 2 or re.search(r"(?:에서|에게|에|으로|로|부터|까지|와|과|의|서)$", stem) or re.fullmatch(_KO_TIME_WORDS, stem):
        return False
    if stem.endswith(_KO_UNNAMED_SOURCES + _KO_BODY_ENDINGS + _KO_MEDIA_ENDINGS) and stem not in _KO_BARE_MEDIA:
        return True
    words = before.split(maxsplit=2)  # three or more words are too many: the rest of a long sentence is not split
    return len(words) <= 2 and all(w in _KO_MEDIA_GENRES or re.search(r"(?:와|과)$", w) or w in _KO_NO_NAME for w in words)


def _ko_spokesman_body(sentence: str, word_start: int, stem: str, masked=()) -> tuple[int, str] | None:
    """Round 12: a spokesman ("대변인") after the body he speaks for — one or two words, the last ending in a word for a
    body ("남키부주 정부", "아프가니스탄 재난부"): (start, the body's name with the title: the spokesman as written, whose
    name holds the body's). A person's name before the title is read first."""
    if stem != "대변인":
        return None
    words: list[tuple[int, str]] = []
    end = word_start
    while len(words) < 2:
        match = re.search(r"(\S+)\s+$", sentence[:end])
        body_word = match is not None and match.group(1).endswith(_KO_BODY_ENDINGS)
        if not match or _inside(match.start(1), masked) or not re.fullmatch(r"[가-힣A-Za-z·-]{2,}", match.group(1)) \
                or re.search(_KO_CLAUSE_END, match.group(1)) and not body_word \
                or (match.group(1) in _KO_NO_NAME and not (body_word and not words)) \
                or re.fullmatch(_KO_TIME_WORDS, match.group(1)):
            break
        words.insert(0, (match.start(1), match.group(1)))
        end = match.start(1)
    if not words or not words[-1][1].endswith(_KO_BODY_ENDINGS) or len(words) == 1 and words[0][1] in _KO_NO_NAME:
        return None
    return words[0][0], " ".join(w for _, w in words) + " " + stem


# Round 12: police no name is given for — the bare word, or with a word that only places it ("현지 경찰", "인근 경찰",
# "한 경찰관") — are unnamed officials, as "당국" and "관계자" are; police of a named country or province ("일본 경찰",
# "미야기현 경찰") are that body, proposed as written.
_KO_POLICE = ("경찰", "경찰관", "경찰관들", "경찰들", "경찰당국", "경찰 당국")
_KO_PLACING_WORDS = {"현지", "인근", "지역", "관할", "한", "해당", "당시", "사고", "현장"}


def ko_unnamed_police(name: str) -> bool:
    words = name.split()
    if not words:
        return False
    if " ".join(words[-2:]) in _KO_POLICE and len(words) >= 2 and words[-2] == "경찰":
        words = words[:-2] + ["경찰 당국"]
    return words[-1] in _KO_POLICE and (len(words) == 1 or (len(words) == 2 and words[0] in _KO_PLACING_WORDS))


# Round 10: the end of a clause or phrase before a word (a particle, a verbal ending): what follows starts a new phrase.
_KO_CLAUSE_END = r"(?:는|은|을|를|에|의|고|며|서|한|된|인|있는|에서|으로|로|면|다|\.|,|\))$"

# Round 10: words before a bare word for a medium that name no medium ("현지 방송", "국영 매체"): unnamed media relay nothing.
_KO_UNNAMED_MEDIA_QUALIFIERS = {"국영", "관영", "일부", "주요", "해외", "국내", "외국", "현지", "지역", "민영", "공영", "독립",
                                "여러", "각", "다른", "언론", "한국", "북한"}

# Round 10: bare words for a medium, which refer back when no name goes with them ("통신은", "방송은").
_KO_BARE_MEDIA = ("통신", "통신사", "방송", "방송사", "신문", "신문사", "매체", "일간지", "방송국")

# Round 10: a number of people (or bodies, households) with the genitive right before a noun: "15명의 경찰이".
_KO_QUANTIFIED = r"\d[\d,.]*\s*(?:천|만)?\s*(?:여\s*)?(?:명|구|가구|세대|여명)의\s+$"

# Round 10: titles written after a person's name, alone or ending a compound ("보안장관", "외무장관", "국방장관").
_KO_NAME_TITLES = tuple(C.PERSON_TITLES["ko"]) + ("총리", "외무장관", "대사", "위원장", "사무총장", "청장", "부통령", "지사")

# Round 10: words that qualify a title and are no name ("현지 주지사", "한 관리", "해당 장관").
_KO_NO_NAME = {"현지", "한", "이", "그", "해당", "당시", "전", "현", "前", "現", "또", "같은", "다른", "신임", "전임", "임시",
               "지역", "주", "당국", "정부", "관계자", "측", "및", "등", "국방", "외교", "외무", "내무", "보건", "법무", "통일",
               "재무", "국무", "공보", "부", "수석", "대리", "직무대행", "경찰", "소방", "검찰", "군", "군경", "해경", "보안군",
               "정부군", "반군", "병원", "유엔", "대통령실", "백악관", "행정부", "군정", "군부", "과도정부"}


def _ko_titled_name(sentence: str, word_start: int, stem: str, items: list[_Item], masked=()) -> tuple[int, str, str] | None:
    """Round 10: Korean writes a title after the name ("살리프 트라오레 보안장관", "압델 카림 주지사"): the words right before
    a title ending the subject's stem, when each looks like part of a name — no particle or verbal ending, no number, no
    known actor (a country: "미국 대통령"), no word for a body or a place ("보건부 대변인", "남코르도판주 주지사"), no
    qualifier ("현지 주지사") — are the person's name. Returns (start, name, title)."""
    if not stem.endswith(_KO_NAME_TITLES):
        return None
    title = stem
    words: list[tuple[int, str]] = []
    end = word_start
    while len(words) < 4:
        match = re.search(r"(\S+)\s+$", sentence[:end])
        if not match:
            break
        word, begin = match.group(1), match.start(1)
        if re.search(_KO_CLAUSE_END, word) or re.search(r"[\d\"“”'‘’(]", word) \
                or word in _KO_NO_NAME or re.fullmatch(_KO_TIME_WORDS, word) or _inside(begin, masked) \
                or word.endswith(_KO_BODY_ENDINGS + _KO_MEDIA_ENDINGS + _KO_PLACE_ENDINGS + tuple(C.ORGANISATION_WORDS["ko"])) \
                or any(i.start < begin + len(word) and begin < i.end for i in items) \
                or not re.fullmatch(r"[가-힣A-Za-z·-]+", word):
            break
        words.insert(0, (begin, word))
        end = begin
    if not words or (len(words) == 1 and len(words[0][1]) < 3):
        return None  # one short word ("푸틴 대통령", "경찰 대변인") is as likely a noun as a name: left as it was
    name = " ".join(w for _, w in words)
    return words[0][0], name, title


# Round 10: endings of place names before a title ("남코르도판주", "이시카와현", "쓰촨성", "몹티시").
_KO_PLACE_ENDINGS = ("주", "현", "성", "시", "군", "구", "도", "섬", "마을", "지방", "지역")


def _ko_other_owner(previous: re.Match, described: _Item, items: list[_Item]) -> bool:
    """Round 10: a descriptor ("군정", the junta) right after a name of its own ("기니 군정") belongs to that name — another
    country's or body's — unless the name is the described actor's country ("미얀마 군정") or a mere qualifier ("현지",
    "당시")."""
    word, begin = previous.group(1), previous.start(1)
    if word in _KO_NO_NAME or re.fullmatch(_KO_TIME_WORDS, word) or not re.fullmatch(r"[가-힣A-Za-z·-]{2,}", word):
        return False
    owner = [i for i in items if i.start <= begin < i.end and i.ref is not None]
    if owner:
        return described.ref is not None and owner[0].ref.country != described.ref.country
    return True


def ko_known(state: DocumentState, name: str) -> ActorRef | None:
    """Round 8: a name written with a space the registry writes without ("신화 통신" for "신화통신", "AP 통신" for
    "AP통신"): Korean spaces a medium's or a body's last word either way, so the name without spaces is looked up
    before an actor is proposed."""
    joined = re.sub(r"\s+", "", name)
    if joined == name:
        return None
    found = [m for m in state.index.mentions(joined, "ko") if m.start == 0 and m.end == len(joined) and m.via != "group"]
    return found[0].actor if found else None


def _ko_according(cue: Cue, sentence: str, items: list[_Item], state: DocumentState) -> _Item | None:
    """"X에 따르면", "X 집계에 따르면", "X의 보도에 따르면", "X가 집계한 현황에 따르면"."""
    before = sentence[:cue.start]
    start = max(0, before.rfind(",") + 1)
    window = [i for i in items if start <= i.start and i.end <= cue.start + 1 and i.how != "proposed"]
    if window:
        return window[-1]
    phrase = before[start:]
    start, phrase = _ko_last_words(start, phrase)
    # Round 8: "요미우리신문 등 현지 언론에 따르면": the medium named before "등" (and others like it) is the source.
    listed = re.search(r"(\S+?)\s+등\s+(?:\S+\s+)?(?:" + "|".join(_KO_MEDIA_GROUPS) + r")\s*$", phrase)
    if listed and not re.search(r"\d", listed.group(1)):
        name = listed.group(1)
        ref = ko_known(state, name) or _proposed_medium(state, _proposed(state, name, ""))
        return _Item(start + listed.start(1), start + listed.end(1), ref, "proposed" if ref.proposed else "name")
    # Sixteenth session: "NUG 집계에 따르면", "보건부 발표에 따르면": a name right before a report noun, without the
    # genitive, is whose report it is
    bare_owner = re.search(r"(?<!\S)([^\s\d]{2,}?)\s+" + _KO_REPORT_NOUNS + r"\s*$", phrase)
    if bare_owner and not re.search(r"(?:는|은|을|를|에|의|고|며|서|한|된|인|이|가|로|\))$", bare_owner.group(1)) \
            and not re.search(r"[\d()\"“”'‘’]", bare_owner.group(1)):
        name = bare_owner.group(1)
        begin, end = start + bare_owner.start(1), start + bare_owner.end(1)
        if name.endswith(_KO_UNNAMED_SOURCES) or ko_unnamed_police(name):
            return _Item(begin, end, unnamed_officials(state), "group")
        ref = ko_known(state, name) or _proposed(state, name, "")
        if ref is not None:
            return _Item(begin, end, ref, "proposed" if ref.proposed else "name")
    # "행정안전부의 '국민 안전관리 일일상황' 보고에 따르면": the genitive names whose report it is.
    owner = re.search(r"(\S+?)의\s+(?:\S+\s+){0,5}?\S*(?:보고|발표|집계|자료|통계|보고서|현황)(?:서)?\s*$", phrase)
    if owner and not re.search(r"\d", owner.group(1)):
        return _Item(start + owner.start(1), start + owner.end(1), _proposed(state, owner.group(1), ""), "proposed")
    match = re.search(r"(\S+?)(?:이|가)\s+(?:집계|발표|작성|조사)한", phrase)
    if match:
        stem = match.group(1)
        return _Item(start + match.start(1), start + match.end(1), _proposed(state, stem, ""), "proposed")
    # Fifteenth session: "외신에 따르면" (according to foreign media): the unnamed foreign press, proposed as written
    foreign = re.fullmatch(r"\s*(외신)들?\s*", phrase)
    if foreign:
        ref = _proposed_medium(state, _proposed(state, foreign.group(1), ""))
        return _Item(start + foreign.start(1), start + foreign.end(0), ref, "proposed")
    # Round 12: "뉴욕타임스(NYT)에 따르면", "힌두스탄타임스 등에 따르면": a gloss in brackets after the name, and "등" (and
    # others) after the first one named, are no part of the source's name (the first named is the source).
    phrase = re.sub(r"(?:\([^()]*\)|\s+등)\s*$", "", phrase)
    # "대만 중앙통신사에 따르면", "현지 방송에 따르면": an organisation or medium no actor names, by its last word.
    match = re.search(r"(?:(\S+)\s+)?(\S+?(?:" + "|".join(_KO_MEDIA_ENDINGS + _KO_BODY_ENDINGS) + r"))(?:의\s+\S+)?\s*$", phrase)
    bare = re.search(r"(\S+)\s+(" + "|".join(_KO_BARE_MEDIA) + r")\s*$", phrase)
    if bare and not match and re.fullmatch(r"[가-힣A-Za-z·-]{2,}", bare.group(1)) and bare.group(1) not in _KO_NO_NAME \
            and bare.group(1) not in _KO_UNNAMED_MEDIA_QUALIFIERS:
        # round 10: "알자지라 방송에 따르면" — a name, then a bare word for a medium: that medium (proposed)
        ref = _proposed_medium(state, _proposed(state, f"{bare.group(1)} {bare.group(2)}", ""))
        return _Item(start + bare.start(1), start + bare.end(2), ref, "proposed")
    if match and not re.search(r"\d", match.group(2)):
        first = match.group(1) if match.group(1) and not re.search(r"(?:는|은|을|를|에|의|고|며|서|한|된|인|\d)$", match.group(1)) \
            and not re.search(r"[\d()]", match.group(1)) else None  # round 10: "7일(현지시간) UPI통신에 따르면": no date
        name = f"{first} {match.group(2)}" if first else match.group(2)
        ref = _proposed(state, name, "")
        if match.group(2).endswith(_KO_MEDIA_ENDINGS):
            ref = _proposed_medium(state, ref)
        begin = start + (match.start(1) if first else match.start(2))
        return _Item(begin, start + match.end(2), ref, "proposed")
    return None


def _ko_last_words(start: int, phrase: str) -> tuple[int, str]:
    """Fifteenth session: the end of the phrase before "에 따르면" that its patterns read — its last twelve words, with
    the spaces before them — and where it starts. Each pattern of ``_ko_according`` ending at the verb spans at most
    seven words, so it finds there what it found in the whole phrase; the phrase is kept whole when it has a word its
    unanchored pattern reads ("집계한", …) or ends with a bracket, or when the last 400 characters hold fewer words.
    (Searched from every letter of the phrase at each verb, a hostile sentence of them was quadratic.)"""
    if phrase.rstrip().endswith(")") or any(word in phrase for word in _KO_REPORTED):
        return start, phrase
    tail = _KO_LAST_WORDS.match(phrase[-400:][::-1])
    if tail is None:
        return start, phrase
    cut = len(phrase) - tail.end()
    return start + cut, phrase[cut:]


# Sixteenth session: the nouns of a report whose owner may stand right before them without the genitive ("NUG 집계").
_KO_REPORT_NOUNS = r"(?:집계|발표|자료|통계|보고서|추산|추정치|조사)"


# (read on the phrase reversed: its trailing spaces, then twelve words each with the spaces before it)
_KO_LAST_WORDS = re.compile(r"\s*(?:\S+\s+){12}")
_KO_REPORTED = ("집계한", "발표한", "작성한", "조사한")


# "등이", "등은": "and others" after a name, marked as the subject or topic.
_KO_ET_AL = r"등(?:이|은|는|가)"


def ko_citing(cue: Cue, sentence: str, items: list[_Item], state: DocumentState, masked=()) -> None:
    """Round 7: "X는/이 … Y를 인용해 보도했다/전했다" (X reported, citing Y): Y, right before the particle, is the source
    (the cue's object) and X, the subject before it, relays Y. An unnamed source ("주정부 소식통", "소방 당국자") is
    officials; an unknown name is proposed (a medium by its last word: "안사 통신")."""
    # fifteenth session: a one-word name glued to the particle the cue opens with ("유엔을 인용해") ends inside the cue
    cited = [i for i in items if cue.start - 1 <= i.end <= cue.start + 1 and i.ref is not None and i.how != "proposed"]
    obj: _Item | None = cited[-1] if cited else None
    owner = _words_owner(sentence[:cue.start], items, state) if obj is None else None
    obj = owner or obj
    phrase = re.search(r"(?:(\S+)\s+)?(\S+?)\s*$", sentence[:cue.start])
    if obj is None and phrase and not re.search(r"\d", phrase.group(2)):
        last = phrase.group(2)
        start = phrase.start(2)
        if last.endswith(_KO_UNNAMED_SOURCES) or ko_unnamed_police(
                f"{phrase.group(1)} {last}" if phrase.group(1) in _KO_PLACING_WORDS else last):
            obj = _Item(start, phrase.end(2), unnamed_officials(state), "group")
        else:
            first = phrase.group(1) if phrase.group(1) and not re.search(
                r"(?:는|은|을|를|에|의|고|며|서|한|된|인|이|가|\d)$", phrase.group(1)) else None
            name = f"{first} {last}" if first else last
            ref = _proposed(state, name, "")
            if last.endswith(_KO_MEDIA_ENDINGS):
                ref = _proposed_medium(state, ref)
            obj = _Item(phrase.start(1) if first else start, phrase.end(2), ref, "proposed")
    if obj is not None and obj.ref is not None:
        cue.object_agent = Agent(obj.ref, obj.start, obj.end, obj.how)
    subject = _ko_agent(cue, sentence, [i for i in items if i.end <= (obj.start if obj else cue.start)], state, masked)
    if subject is not None and obj is not None and subject.start >= obj.start:
        subject = None
    opening = re.match(r"\s*(?:또\s+|한편\s+)?(\S{2,}?)(?:은|는)\s", sentence)
    if subject is None and opening and not re.search(r"\d", opening.group(1)) \
            and opening.end(1) < (obj.start if obj else cue.start):
        # "포쿠스온라인은 이날 안사 통신을 인용해": the sentence's opening topic cites, whatever its name ends with
        subject = _Item(opening.start(1), opening.end(1), _proposed(state, opening.group(1), ""), "proposed")
    if subject is not None:
        ref = _resolve(subject, sentence, state) if subject.how != "proposed" else _proposed_medium(state, subject.ref)
        cue.agent = Agent(ref, subject.start, subject.end, subject.how) if ref is not None else None


# Round 8: what someone said, cited ("X의 말을 인용해", "X의 발언을 인용해"): the genitive owner is the source.
_KO_WORDS_OF = r"(?:말|발언|주장|설명|브리핑|성명|발표|보고|글|성명서|보고서|기자회견|인터뷰|트윗|게시물|서한|집계|자료|통계)"


def _words_owner(before: str, items: list[_Item], state: DocumentState) -> _Item | None:
    """Round 8: "NHK방송이 미야기현 경찰 책임자의 말을 인용해 보도했습니다": the owner of the words cited — a known actor
    ending the genitive phrase, an unnamed source (officials), else the phrase of up to three words, proposed (words
    ending in a particle, the sentence's subject or an adverbial, are not part of it)."""
    match = re.search(r"((?:\S+\s+){0,2}\S+?)의\s+" + _KO_WORDS_OF + r"\s*$", before)
    if not match or re.search(r"\d", match.group(1)):
        return None
    words = match.group(1).split()
    while len(words) > 1 and re.search(r"(?:이|가|은|는|을|를|에|에서|으로|로|고|며|서|한|된|인)$", words[0]):
        words = words[1:]
    start = match.end(1) - len(" ".join(words))
    known = [i for i in items if start <= i.start and i.end <= match.end(1) + 1 and i.ref is not None and i.how != "proposed"]
    if known and known[-1].end >= match.end(1) - 1:
        return known[-1]
    name = " ".join(words)
    if name.endswith(_KO_UNNAMED_SOURCES):
        return _Item(start, match.end(1), unnamed_officials(state), "group")
    last = match.end(1) - len(words[-1])
    person = _ko_titled_name(before, last, words[-1], items) if len(words) > 1 or words[-1].endswith(_KO_NAME_TITLES) else None
    if person is not None:
        # round 10: "무함마드 이브라힘 압델 카림 주지사의 성명을 인용해": the person named before the title owns the words
        begin, written, title = person
        ref = ko_known(state, written) or _proposed(state, written, title)
        return _Item(begin, match.end(1), ref, "proposed" if ref.proposed else "name")
    ref = ko_known(state, name) or _proposed(state, name, "")
    return _Item(start, match.end(1), ref, "proposed" if ref.proposed else "name")


# Round 8: words of time before a subject ("전쟁 이후 병원 측은", "전날 군정이"): no part of its name.
_KO_TIME_WORDS = r"\S*(?:이후|이전|후|뒤|전|때|당시|현재|이날|전날|오늘|어제|앞서|또|한편)"


# Round 8: nouns of the people a figure counts, subjects of the reported clause and never a source.
_KO_COUNTED = ("사망자", "부상자", "실종자", "사상자", "이재민", "피해자", "희생자", "사망자 수", "수", "숫자")


# Round 8: words for media in general after "X 등" ("현지 언론", "외신", "일본 매체들").
_KO_MEDIA_GROUPS = ("언론", "언론들", "매체", "매체들", "외신", "외신들", "언론사", "언론사들", "방송", "방송사들", "신문", "신문들")


# Unnamed sources, by the last word before "을 인용해".
_KO_UNNAMED_SOURCES = ("소식통", "소식통들", "당국자", "당국자들", "관계자", "관계자들", "관리", "관리들", "당국")

_KO_MEDIA_ENDINGS = ("통신사", "통신", "신문", "방송", "방송국", "일보", "매체", "TV", "뉴스",
                     # round 12: the last words of newspapers' names, transliterated ("뉴욕타임스", "워싱턴포스트",
                     # "월스트리트저널", "코리아헤럴드", "시카고트리뷴")
                     "타임스", "타임즈", "포스트", "저널", "헤럴드", "텔레그래프", "트리뷴", "가디언", "크로니클", "가제트")
_KO_BODY_ENDINGS = ("센터", "위원회", "본부", "당국", "정부", "재난청", "청", "부")


def relative_clause_agent(sentence: str, position: int, state: DocumentState) -> ActorRef | None:
    """Korean "전날 군정이 밝힌 144명" (the 144 the junta announced the day before): the actor of a relative
    clause right before the figure at ``position`` is its claimant, whoever the sentence is about."""
    if state.language != "ko":
        return None
    head = sentence[max(0, position - 50):position]
    # round 8: an adverb between the subject and the verb ("일본 경찰이 공식적으로 발표한"), and a noun phrase of two
    # words between the verb and the figure ("발표한 전체 사망자는 800여 명")
    # fourteenth session: up to two adverbs, time words among them ("보건부가 앞서 보고한 100명", "군이 23일 파악한"), and
    # the other verbs of reporting in their adnominal form
    match = re.search(r"(?:(\S+)\s+)?(\S+?)(?:이|가|은|는)\s+(?:(?:\S+(?:으로|로|히|게)|" + _KO_WHEN + r")\s+){0,2}"
                      r"(?:밝힌|발표한|집계한|추산한|추정한|공개한|보고한|파악한|확인한|예측한|전한)\s+(?:\S+\s+){0,2}$", head)
    if not match:
        return None
    offset = max(0, position - 50)
    mentions = [m for m in state.index.mentions(sentence, "ko") if m.via != "group"
                and m.end in (offset + match.end(2), offset + match.end(2) + 1)]
    if mentions:
        return mentions[-1].actor
    stem, first = match.group(2), match.group(1)
    if len(stem) < 2 or re.search(r"\d", stem) or not stem.endswith(_KO_BODY_ENDINGS + _KO_PROPOSABLE_BODIES):
        return None
    named = _ko_named_before(stem, state)
    if named is not None:
        return named
    # round 8: a body no actor names ("일본 경찰이 … 발표한 800여 명"), with the word that qualifies it: proposed
    qualified = first and not re.search(r"(?:는|은|을|를|에|의|고|며|서|한|된|인|이|가|\d)$", first)
    return _proposed(state, f"{first} {stem}" if qualified else stem, "")


def _ko_named_before(stem: str, state: DocumentState) -> ActorRef | None:
    """Fourteenth session: "보건부" after "레바논 보건부" — a body's name without the country before it is the actor the
    text named under the whole name; None when no actor named so far, or more than one, has a name ending in it."""
    word = folded(stem).replace(" ", "")
    found = {ref.key: ref for ref in state.mentioned
             if any(len(name.replace(" ", "")) > len(word) and name.replace(" ", "").endswith(word)
                    for name in state.index.names_of.get(ref.key, []))}
    return next(iter(found.values())) if len(found) == 1 else None


# The time words that may stand between a relative clause's subject and its verb.
_KO_WHEN = r"(?:앞서|이날|전날|당초|최근|그동안|지난\S*|\d{1,2}일(?:\([^)]*\))?)"
# Bodies a relative clause's subject may name, besides _KO_BODY_ENDINGS.
_KO_PROPOSABLE_BODIES = ("경찰", "소방", "군", "군정", "통계국", "통신", "방송")


def ko_parallel_media(sentence: str, agent: Agent, state: DocumentState) -> list[ActorRef]:
    """Round 8: the media named together before an according-to's medium ("로이터, AP 통신에 따르면", "로이터와 AP통신에
    따르면", "NHK·교도통신에 따르면"), in the order written: known media, or names ending in a word for a medium."""
    found: list[ActorRef] = []
    end = agent.start
    while True:
        joined = re.search(r"(\S+?)(?:,\s*|\s*·\s*|(?:와|과)\s+|\s+및\s+)$", sentence[:end])
        if not joined:
            break
        word = joined.group(1)
        named = [m for m in state.index.mentions(word, "ko") if m.actor.is_media and m.via != "group"
                 and m.end >= len(word) - 1]
        if named:
            found.insert(0, named[-1].actor)
        elif word.endswith(_KO_MEDIA_ENDINGS) and word not in _KO_MEDIA_ENDINGS and not re.search(r"\d", word):
            found.insert(0, _proposed_medium(state, _proposed(state, word, "")))
        else:
            break
        end = joined.start(1)
    return found
