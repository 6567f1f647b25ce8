"""Korean agents: the subject- or topic-marked phrase before the verb, the source of "X에 따르면", and the actor of
a relative clause before a figure ("군정이 밝힌 144명")."""

import re

from .. import cues as C
from ..actors import KO_SUBJECT_PARTICLES, ActorRef, folded
from .cuefinding import _inside
from .proposing import _proposed, _proposed_medium
from .descriptions import _resolve, unnamed_officials
from .state import Agent, Cue, DocumentState, _Item


_KO_VERBAL_STEM_END = ("하", "되", "있", "없", "않", "받", "시키", "이", "한", "된", "인", "던", "은")


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
        candidates = []
        for match in re.finditer(r"\S+", sentence[lo:hi]):
            if _inside(lo + match.start(), masked):
                continue
            word_start, word = lo + match.start(), match.group(0)
            clean = re.sub(r"\([^)]*\)", "", word)
            listed = re.search(r"(\S+)\s+$", sentence[lo:word_start]) if re.fullmatch(_KO_ET_AL, clean) else None
            if listed and not _inside(lo + listed.start(1), masked):
                # round 7: "CNN 등이 … 보도했다", "AP통신 등은": the one named before "등" (and others) is the subject
                candidates.append((lo + listed.start(1), word_start + len(word), re.sub(r"\([^)]*\)", "", listed.group(1))))
                continue
            particle = next((p for p in KO_SUBJECT_PARTICLES if clean.endswith(p)), "")
            if not particle or re.search(r"\d", clean):
                continue
            stem = clean[: -len(particle)]
            titled = stem.endswith(tuple(C.PERSON_TITLES["ko"]))  # "대변인은" is a spokesman, not a verb form
            if len(stem) < 2 or (stem.endswith(_KO_VERBAL_STEM_END) and not titled):
                continue
            candidates.append((word_start, word_start + len(word), stem))
        if not candidates:
            continue
        topics = [c for c in candidates if re.search(r"(?:은|는)(?:\([^)]*\))?$", sentence[c[0]:c[1]])]
        if first:
            word_start, word_end, stem = topics[0] if topics else candidates[0]
        else:
            word_start, word_end, stem = candidates[-1]
        covering = [i for i in items if i.start < word_end and word_start < i.end + 2 and i.how != "proposed"]
        previous = re.search(r"(\S+)\s+$", sentence[:word_start])
        qualified = bool(previous) and not re.search(r"(?:는|은|을|를|에|의|고|며|서|한|된|인|있는|에서|으로|로|\d)$",
                                                     previous.group(1)) and not _inside(previous.start(1), masked)
        if covering and not (covering[-1].how == "anaphor" and qualified
                             and not any(i.start <= previous.start(1) < i.end for i in items)):
            return covering[-1]
        # "재난부 대변인은": a title with its own qualifier is someone new, not "the spokesman" met before.
        # An unknown subject: propose it, with the bare noun before it ("군관 합동조사단").
        previous = re.search(r"(\S+)\s+$", sentence[:word_start])
        name = stem
        if previous and not re.search(r"(?:는|은|을|를|에|의|고|며|서|한|된|인|있는|에서|으로|로|\d)$", previous.group(1)):
            name = f"{previous.group(1)} {stem}"
            word_start = previous.start(1)
        elif len(stem) >= 2:
            # "센터는 또 …라고 덧붙였다" after "대만 중앙재해대응센터는 … 밝혔다": the last source named by that
            # noun, going on speaking (through the same relays).
            named = next((ref for ref in reversed(state.paragraph_sources + state.sources)
                          if folded(ref.name).replace(" ", "").endswith(stem)), None)
            if named is not None:
                return _Item(word_start, word_end, named, "anaphor", "organisation")
        return _Item(word_start, word_end, _proposed(state, name, ""), "proposed")
    return None


def _ko_according(cue: Cue, sentence: str, items: list[_Item], state: DocumentState) -> _Item | None:
    """"X에 따르면", "X 집계에 따르면", "X의 보도에 따르면", "X가 집계한 현황에 따르면"."""
    before = sentence[:cue.start]
    start = max(0, before.rfind(",") + 1)
    window = [i for i in items if start <= i.start and i.end <= cue.start + 1 and i.how != "proposed"]
    if window:
        return window[-1]
    phrase = before[start:]
    # "행정안전부의 '국민 안전관리 일일상황' 보고에 따르면": the genitive names whose report it is.
    owner = re.search(r"(\S+?)의\s+(?:\S+\s+){0,5}?\S*(?:보고|발표|집계|자료|통계|보고서|현황)(?:서)?\s*$", phrase)
    if owner and not re.search(r"\d", owner.group(1)):
        return _Item(start + owner.start(1), start + owner.end(1), _proposed(state, owner.group(1), ""), "proposed")
    match = re.search(r"(\S+?)(?:이|가)\s+(?:집계|발표|작성|조사)한", phrase)
    if match:
        stem = match.group(1)
        return _Item(start + match.start(1), start + match.end(1), _proposed(state, stem, ""), "proposed")
    # "대만 중앙통신사에 따르면", "현지 방송에 따르면": an organisation or medium no actor names, by its last word.
    match = re.search(r"(?:(\S+)\s+)?(\S+?(?:" + "|".join(_KO_MEDIA_ENDINGS + _KO_BODY_ENDINGS) + r"))(?:의\s+\S+)?\s*$", phrase)
    if match and not re.search(r"\d", match.group(2)):
        first = match.group(1) if match.group(1) and not re.search(r"(?:는|은|을|를|에|의|고|며|서|한|된|인|\d)$", match.group(1)) else None
        name = f"{first} {match.group(2)}" if first else match.group(2)
        ref = _proposed(state, name, "")
        if match.group(2).endswith(_KO_MEDIA_ENDINGS):
            ref = _proposed_medium(state, ref)
        begin = start + (match.start(1) if first else match.start(2))
        return _Item(begin, start + match.end(2), ref, "proposed")
    return None


# "등이", "등은": "and others" after a name, marked as the subject or topic.
_KO_ET_AL = r"등(?:이|은|는|가)"


def ko_citing(cue: Cue, sentence: str, items: list[_Item], state: DocumentState, masked=()) -> None:
    """Round 7: "X는/이 … Y를 인용해 보도했다/전했다" (X reported, citing Y): Y, right before the particle, is the source
    (the cue's object) and X, the subject before it, relays Y. An unnamed source ("주정부 소식통", "소방 당국자") is
    officials; an unknown name is proposed (a medium by its last word: "안사 통신")."""
    cited = [i for i in items if cue.start - 1 <= i.end <= cue.start and i.ref is not None and i.how != "proposed"]
    obj: _Item | None = cited[-1] if cited else None
    phrase = re.search(r"(?:(\S+)\s+)?(\S+?)\s*$", sentence[:cue.start])
    if obj is None and phrase and not re.search(r"\d", phrase.group(2)):
        last = phrase.group(2)
        start = phrase.start(2)
        if last.endswith(_KO_UNNAMED_SOURCES):
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


# Unnamed sources, by the last word before "을 인용해".
_KO_UNNAMED_SOURCES = ("소식통", "소식통들", "당국자", "당국자들", "관계자", "관계자들", "관리", "관리들", "당국")

_KO_MEDIA_ENDINGS = ("통신사", "통신", "신문", "방송", "방송국", "일보", "매체", "TV", "뉴스")
_KO_BODY_ENDINGS = ("센터", "위원회", "본부", "당국", "정부", "재난청", "청", "부")


def relative_clause_agent(sentence: str, position: int, state: DocumentState) -> ActorRef | None:
    """Korean "전날 군정이 밝힌 144명" (the 144 the junta announced the day before): the actor of a relative
    clause right before the figure at ``position`` is its claimant, whoever the sentence is about."""
    if state.language != "ko":
        return None
    head = sentence[max(0, position - 40):position]
    match = re.search(r"(?:이|가|은|는)\s+(?:밝힌|발표한|집계한|추산한|추정한|공개한)\s+(?:\S+\s+)?$", head)
    if not match:
        return None
    offset = max(0, position - 40)
    mentions = [m for m in state.index.mentions(sentence, "ko") if m.via != "group"
                and m.end == offset + match.start() + 1]
    return mentions[-1].actor if mentions else None
