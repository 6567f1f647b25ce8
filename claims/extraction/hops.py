"""Relay chains: wire credits and datelines, and the order of a candidate's hops.

A document that republishes a wire ("(Reuters) -", "MELITOPOL, April 13. /TASS/.", "(서울=연합뉴스)",
"[서울=뉴시스]", "Πηγή: ΑΠΕ-ΜΠΕ", "*الجزيرة", "NEBI QENA | Associated Press", a last line "/연합뉴스")
passed everything in it through that wire: :func:`wire_credits` returns the chain of steps, nearest the
document first, that every attributed figure's hops start with. "NNN-XINHUA" is two steps (NNN relayed
Xinhua); "AFP – Reuters" after a slash is one step of two parallel relays. The publisher itself is no hop.
A credit line naming someone who is not a medium ("Источник: председатель ОГА Ярослав Янушевич") makes
that speaker the author of the unattributed figures instead.

Photo and graphic credits ("(사진=AP, 연합뉴스)", "Photo: AFP") are not relays.
"""

import re
from dataclasses import dataclass, field

from factbase.text import strip_accents

from .actors import ActorIndex, ActorRef, MEDIA_KINDS, folded
from .cues import COPYRIGHT_MARKS, COPYRIGHT_TAILS, CREDIT_FRAMES, SOURCE_LABELS, UNNAMED_MEDIA
from .linking import linked_mentions
from .sentences import paragraphs, split_sentences

_PHOTO = re.compile(r"사진|그래픽|photo|фото|صورة|φωτο", re.IGNORECASE)
_CREDIT_PATTERNS = [
    re.compile(r"\(([^()\n]{2,60})\)"),                        # (Reuters), (NNN-XINHUA), (AP)
    re.compile(r"(?<![\w/])/\s*([^/\n]{2,25}?)\s*/(?![\w/])"),  # /TASS/
    # (서울=연합뉴스), [서울=뉴시스], [치안주르(인도네시아)=AP/뉴시스]
    # round 12: "【서울=뉴시스】" in lenticular brackets
    re.compile(r"[\(\[【][^=\]\)\(\n【】]{1,12}(?:\([^()\n]{1,12}\))?=\s*([^\)\]\n【】]+)[\)\]】]"),
    re.compile(r"\|\s*([^|\n]{2,60})$", re.MULTILINE),          # NEBI QENA and CARA ANNA | Associated Press
]
# A site's address alone ("ria.ru", "www.tass.ru"): its name is the label before the top-level domain.
_SITE = re.compile(r"\s*(?:www\.)?([a-z][a-z0-9-]{1,30})\.[a-z]{2,6}\s*", re.IGNORECASE)
_SEPARATORS = re.compile(r"^[\s\-–—/*|.,:;()\[\]=«»\"“”]*$")  # "«فرانس برس»": a credit in quotation marks


@dataclass
class WireCredits:
    steps: list[list[ActorRef]] = field(default_factory=list)  # nearest the document first
    spans: list[tuple[int, int]] = field(default_factory=list)  # sentences that are only a credit
    author: ActorRef | None = None  # a non-media "Source:" line: the author of unattributed figures
    author_span: tuple[int, int] | None = None


def _lower_plain(text: str) -> str:
    """Lower case without accents, one character for one ("ΠΗΓΗ:" is "πηγη:"), punctuation kept."""
    folded = (strip_accents(char.casefold()) for char in text)
    return "".join(f if len(f) == 1 else char for f, char in zip(folded, text))


def _media_chain(text: str, language: str, index: ActorIndex) -> list[list[ActorRef]] | None:
    """The steps a credit string names, or None when it is not only media names and separators."""
    if _PHOTO.search(text):
        return None
    site = _SITE.fullmatch(text)
    known = index.names.get(folded(site.group(1))) if site else None
    if known is not None and known.kind in MEDIA_KINDS:
        return [[known]]  # sixteenth session, second round: "ria.ru": the medium whose name or alias is the address
    mentions = [m for m in linked_mentions(text, language, index) if m.actor.kind in MEDIA_KINDS]
    if not mentions:
        return _abbreviated_wire(text, language, index)
    rest = text
    for mention in reversed(mentions):
        rest = rest[:mention.start] + " " + rest[mention.end:]
    if not _SEPARATORS.match(re.sub(r"\(끝\)|وكالات|agencies", " ", rest, flags=re.IGNORECASE)):
        return None
    steps: list[list[ActorRef]] = [[mentions[0].actor]]
    for previous, mention in zip(mentions, mentions[1:]):
        between = text[previous.end:mention.start]
        if re.fullmatch(r"\s*(?:–|—|,|and|και|и|و|및)\s*", between):
            steps[-1].append(mention.actor)  # parallel relays
        else:
            steps.append([mention.actor])
    return steps


def wire_credits(body: str, language: str, index: ActorIndex, publisher: ActorRef | None) -> WireCredits:
    credits = WireCredits()
    chains: list[tuple[int, list[list[ActorRef]]]] = []
    for pattern in _CREDIT_PATTERNS:
        for match in pattern.finditer(body):
            if match.group(0).startswith(("(", "[", "【")) and (
                    re.match(r"\w", body[match.start() - 1:match.start()]) or re.match(r"\w", body[match.end():match.end() + 1])):
                continue  # "사나(SANA)통신": a name glossed in brackets, not a credit
            if "=" in match.group(0) and _PHOTO.search(match.group(0)):
                continue  # round 12: "(사진=연합뉴스)": a photo credit, whatever the medium after "=" is
            if match.group(0).startswith("(") and "=" not in match.group(0) and _glosses(body, match.start(), match.end()):
                continue  # round 7: "وكالة أنباء النظام السوري (سانا)، السبت": the agency's name glossed mid-sentence
            chain = None
            if match.group(0).startswith("(") and "/" in match.group(1) and not body[match.end():].strip(" .\n"):
                chain = _closing_through(match.group(1), language, index)
            chain = chain or _media_chain(match.group(1), language, index) \
                or _media_chain(_undated(match.group(1)), language, index)
            if not chain and "=" in match.group(0):
                chain = _place_credit(match.group(0), match.group(1), language, index)
            if not chain and match.group(0).startswith("(") and "/" in match.group(1) \
                    and not body[body.rfind("\n", 0, match.start()) + 1:match.start()].strip():
                chain = _filed_through(match.group(1), language, index)
            if chain and "=" in match.group(0) and "/" in match.group(1):
                chain = chain[::-1]  # "[치안주르=AP/뉴시스]": Newsis's copy of AP's — Newsis is nearest the document
            elif chain and "=" in match.group(0):
                chain = chain + _wire_after_place(match.group(0), language, index)
            if chain:
                chains.append((match.start(), chain))
    labels = "|".join(re.escape(_lower_plain(label)) for label in SOURCE_LABELS)
    position, previous = 0, ""
    spans = list(paragraphs(body))
    for p_start, p_end in spans:
        for s_start, s_end in split_sentences(body[p_start:p_end], language):
            start, end = p_start + s_start, p_start + s_end
            sentence = body[start:end]
            position += len(sentence.split()) > 4  # a dateline alone ("ISLAMABAD.") is no sentence of the text
            # the lead: the first sentence, or the second after a headline (a first line without a full stop)
            first = position == 1 or (position == 2 and not previous.rstrip().endswith((".", "!", "?", "”", '"')))
            previous = sentence
            lead = _LEAD_REPORTS.get(language) and first and (
                re.search(_LEAD_REPORTS[language], sentence) or re.search(_LEAD_REPORTED_BY[language], sentence))
            if lead:
                # round 10: the lead ends crediting a wire ("…, the health minister said on Monday, Xinhua reports."):
                # the whole text is that wire's copy, as under a credit line
                chain = _media_chain(lead.group(1), language, index)
                cited = _media_chain(lead.group(2), language, index) if chain and lead.lastindex == 2 \
                    and lead.group(2) else None
                chain = chain + cited if chain and cited else chain
                if chain:
                    chains.append((start, chain))
            # "ΠΗΓΗ: Naftemporiki": the label compared without accents or case (offsets stay those of the text)
            # sixteenth session, second round: "Источник и фото - ria.ru": the source and the photo credited together, the
            # label set off by a dash as well as a colon
            label = re.match(rf"\s*(?:{labels})(?:\s+(?:и|and|και)\s+(?:фото|photo|φωτο\w*))?\s*(?::|\s[-–—])\s*(.+)$",
                             _lower_plain(sentence), re.DOTALL)
            text = sentence[label.start(1):] if label else sentence
            # thirteenth session: a credit line in one of its frames ("По материалам X", "(με πληροφορίες από X)", "with
            # material from X", "Подробнее читайте на X", "이 기사는 X를 참조했습니다"), the frames per language as data
            framed = None if label else _framed_credit(sentence, language, last=(p_start, p_end) == spans[-1])
            if framed is None and not label and (p_start, p_end) == spans[-1]:
                framed = _copyright_credit(sentence, language)  # fifteenth session: "ⓒ 뉴스1코리아, 무단전재-재배포 금지"
            materials = framed is not None and framed[1] != "pointer"
            if framed:
                text = framed[0]
            # round 7: also a line that is only a wire and the day it filed ("Xinhua, November 4, 2010")
            if framed:  # a name after "По материалам" is no dateline ("Интерфакс-Запад" is one agency's name)
                chain = _media_chain(text, language, index)
                if not chain and not materials:
                    chain = _unknown_medium(text, index, language)  # "Подробнее читайте на aif.ru": a site's address
            else:
                chain = _media_chain(text.strip().strip("*"), language, index) or _dateline_chain(text, language, index) \
                    or (_media_chain(_undated(text.strip()), language, index) if _FILED.search(text.strip()) else None)
            if not chain and not label and not framed:
                # round 10: a byline crediting a wire, the filing day after a bar ("By AFP | December 03, 2010",
                # "By Reuters Staff"): the wire is the first step
                byline = _BYLINE.match(text)
                chain = _media_chain(byline.group(1), language, index) if byline else None
            if not chain and not label and not framed and language == "ko":
                chain = _ko_glued_dateline(text, language, index)
            if not chain and label:
                chain = _unknown_medium(text, index, language)
            if not chain and materials and (_names_only(text, language) or framed[1] == "copyright"):
                # round 8: "По материалам Интерфакс-Украина": whatever the line names made the copy — a medium, proposed
                # when no actor is that whole name ("Интерфакс" inside "Интерфакс-Украина" is another agency)
                chain = [[ActorRef(key="proposed:" + text.casefold(), name=text, kind="news_outlet", proposed=True)]]
            if chain:
                chains.append((start, chain))
                credits.spans.append((start, end))
            elif label:
                credits.author_span = (start, end)
                credits.spans.append((start, end))
                credits.author = _named_author(text, language, index)
    chains.sort(key=lambda entry: entry[0])
    flat: list[list[ActorRef]] = []
    for _, chain in chains:
        for step in chain:
            if flat and {r.key for r in flat[-1]} == {r.key for r in step}:
                continue
            if any({r.key for r in s} == {r.key for r in step} for s in flat):
                continue
            flat.append(step)
    if publisher is not None:
        flat = [[r for r in step if r.key != publisher.key and not _own_korean_credit(r, publisher)] for step in flat]
        flat = [step for step in flat if step]
    credits.steps = flat
    return credits


# Round 10: the Korean wires and outlets that credit their own copy in Hangul ("(서울=뉴스1)") and the Latin names a
# registry holds them by: a credit of the publisher itself is no hop.
_KO_OWN_NAMES = {
    "뉴스1": ("news1",), "뉴스1코리아": ("news1",), "뉴시스": ("newsis",), "연합뉴스": ("yonhap", "yna"), "노컷뉴스": ("nocutnews", "cbsnocutnews"),
    "이데일리": ("edaily",), "머니투데이": ("moneytoday", "mt"), "아시아경제": ("asiae", "asiaeconomy"),
    "헤럴드경제": ("heraldcorp", "heraldeconomy"), "파이낸셜뉴스": ("fnnews", "financialnews"), "데일리안": ("dailian",),
    "서울신문": ("seoulshinmun", "seoul"), "동아일보": ("donga", "dongailbo"), "경향신문": ("khan", "kyunghyangshinmun"),
}


def _own_korean_credit(ref: ActorRef, publisher: ActorRef) -> bool:
    """Round 10: "(서울=뉴스1)" on News1's own page: a proposed credit whose Hangul name is the publisher's."""
    if not ref.proposed:
        return False
    latin = _KO_OWN_NAMES.get(re.sub(r"\s+", "", ref.name), ())
    own = {re.sub(r"\W", "", publisher.key.casefold()), re.sub(r"\W", "", publisher.name.casefold())}
    return bool(own & set(latin))


# Round 10: the lead sentence ends with a wire's "reports" (its copy republished)
# (fifteenth session: "…, Trend reports citing TASS.": the text is the cited wire's copy, passed on by the reporter)
_LEAD_REPORTS = {"en": r",\s+([^,]{2,40}?)\s+(?:reports|reported)(?:\s+citing\s+([^,]{2,40}?))?\s*\.?\s*$"}
# Sixteenth session: the same credit with the verb first ("…, the UN agency said, reports Anadolu Agency.")
_LEAD_REPORTED_BY = {"en": r",\s+(?:reports|reported)\s+(?!that\b)([^,]{2,40}?)(?:\s+citing\s+([^,]{2,40}?))?\s*\.?\s*$"}
# Round 10: an English byline: "By", then only wires (and "Staff"), then at most a bar and the filing day
_BYLINE = re.compile(r"\s*By\s+(.+?)(?:\s+Staff)?\s*(?:\|[^|\n]*)?\s*$")


# Issue 15, thirteenth session: credit lines in one structure. A line alone (its own sentence) in one of the frames of
# ``cues.CREDIT_FRAMES`` — round 8's Russian "По материалам X" and round 12's Greek "(με πληροφορίες από X)" and "Από X"
# among them — credits X: "copy" frames anywhere, "closing" and "pointer" frames in the last paragraph only. The frame's
# words are matched without case, each space any run of spaces; the name between them is what is credited.
_FRAME_NAME = r"(?P<name>[^\s.()«»\"“”*][^\n()]{0,79}?)"
_FRAME_OPEN = r"[\s*(\[«\"“]*+"
_FRAME_CLOSE = r"[\s*.)\]»\"”]*+$"
# A credit line is short: longer sentences are not tried (the review found 177 s for "Από Α" and 800 spaces with greedy
# quantifiers; here the runs between words are possessive and the name is bounded).
_FRAME_LONGEST = 150
_FRAMES_COMPILED: dict[str, list[tuple[str, re.Pattern]]] = {}


def _frames(language: str) -> list[tuple[str, re.Pattern]]:
    if language not in _FRAMES_COMPILED:
        compiled = []
        for kind, phrases in CREDIT_FRAMES.get(language, {}).items():
            for phrase in phrases:
                words = [re.escape(word).replace("X", _FRAME_NAME) for word in phrase.split()]
                pattern = re.compile(_FRAME_OPEN + r"\s++".join(words) + _FRAME_CLOSE, re.IGNORECASE)
                compiled.append((len(phrase), kind, pattern))
        # the longest frame first: "по материалам агентства X" before "по материалам X"
        _FRAMES_COMPILED[language] = [(kind, pattern) for _, kind, pattern in sorted(compiled, key=lambda c: -c[0])]
    return _FRAMES_COMPILED[language]


def _framed_credit(sentence: str, language: str, last: bool) -> tuple[str, str] | None:
    """The name a credit line credits and its frame's kind ("copy", "closing", "pointer"), or None."""
    if len(sentence.strip()) > _FRAME_LONGEST or _PHOTO.search(sentence):
        return None
    for kind, pattern in _frames(language):
        if kind != "copy" and not last:
            continue
        match = pattern.match(sentence)
        if match:
            name = match.group("name").strip(" .,:;«»\"“”*")
            if name:
                return name, kind
    return None


_COPYRIGHT: dict[str, re.Pattern] = {}


def _copyright_credit(sentence: str, language: str) -> tuple[str, str] | None:
    """Fifteenth session: a copyright line (``cues.COPYRIGHT_MARKS``, ``cues.COPYRIGHT_TAILS``) as a closing credit of
    the name after its mark: ("뉴스1코리아", "copyright"), or None. Short lines only; the name is one to three words,
    a digit allowed ("뉴스1"): the mark says it is a name."""
    if len(sentence.strip()) > _FRAME_LONGEST or _PHOTO.search(sentence):
        return None
    if language not in _COPYRIGHT:
        marks = "|".join(re.escape(mark) for mark in sorted(COPYRIGHT_MARKS, key=len, reverse=True))
        tails = "|".join(r"\s+".join(map(re.escape, tail.split())) for tail in COPYRIGHT_TAILS.get(language, ()))
        _COPYRIGHT[language] = re.compile(
            rf"[\s※<\[(*]*+(?:(?:{marks})\s*+){{1,3}}(?:\d{{4}}\s+)?(?P<name>[^\s,.<>()\[\]]+(?:\s[^\s,.<>()\[\]]+){{0,2}}?)"
            rf"(?:\s+\d{{4}})?[\s,.]*(?:(?:{tails or '(?!)'})[^\n]{{0,60}})?$", re.IGNORECASE)
    match = _COPYRIGHT[language].match(sentence)
    return (match.group("name"), "copyright") if match else None


def _names_only(text: str, language: str) -> bool:
    """A copy frame's name no actor holds is proposed as a medium when it is only a name: one to four words, no digit
    and, in a cased script, every word capitalised ("Από την πλευρά του" names no medium)."""
    words = text.replace(",", " ").split()
    if not 1 <= len(words) <= 4 or re.search(r"\d", text):
        return False
    return language in ("ko", "ar") or all(not word[0].isalpha() or word[0].isupper() for word in words)


# Round 7: the wires' own abbreviations in Arabic credits, letter by letter ("(أ ف ب)", "ا ش ا", "د.ب.أ"), and the
# names a registry holds the wire by.
_WIRE_ABBREVIATIONS = {
    "افب": ("فرانس برس", "وكالة فرانس برس", "Agence France-Presse", "AFP"),
    "اشا": ("أ ش أ", "وكالة أنباء الشرق الأوسط", "Middle East News Agency", "MENA"),
    "دبا": ("د ب أ", "وكالة الأنباء الألمانية", "Deutsche Presse-Agentur", "dpa"),
    "اب": ("أسوشيتد برس", "Associated Press", "AP"),
    "يبا": ("يونايتد برس إنترناشونال", "United Press International", "UPI"),
}


def _abbreviated_wire(text: str, language: str, index: ActorIndex) -> list[list[ActorRef]] | None:
    """A credit that is only a wire's Arabic abbreviation: the actor the registry holds under one of its names."""
    letters = re.sub(r"[\s.()\-–—/*|]", "", text).translate(str.maketrans("أإآ", "ااا"))
    for name in _WIRE_ABBREVIATIONS.get(letters, ()):
        for lang in (language, "en"):
            found = [m for m in index.mentions(name, lang) if m.actor.kind in MEDIA_KINDS and m.end - m.start >= len(name) - 1]
            if found:
                return [[found[0].actor]]
    return None


def _filed_through(credit: str, language: str, index: ActorIndex) -> list[list[ActorRef]] | None:
    """Round 7: an opening credit "(Publisher / Wire - 19 September 2019)" ("( أردو بوینت نتورك ۔ / سبوتنيك - 19 سبتمبر
    2019ء)"): what follows the slash, without its date, is the wire the copy came through — an actor if one is, else a
    medium proposed by its name (at most three words, no digit). The part before the slash is the publisher's own."""
    if not re.search(r"\d{4}", credit):
        return None
    wire = re.sub(r"\s*[-–—,]?\s*\d{1,2}\s+\S+\s+\d{4}\S*\s*$", "", credit.split("/")[-1]).strip(" -–—،,.")
    if not wire or re.search(r"\d", wire) or len(wire.split()) > 3:
        return None
    chain = _media_chain(wire, language, index)
    if chain:
        return chain
    if index.mentions(wire, language):
        return None
    return [[ActorRef(key="proposed:" + wire.casefold(), name=wire, kind="news_outlet", proposed=True)]]


def _closing_through(credit: str, language: str, index: ActorIndex) -> list[list[ActorRef]] | None:
    """Sixteenth session: a credit closing the text with a slash, "(dpa/NAN)", "(AFP/NAN)": the first wire's copy as the
    one after the slash passed it on — the last is the step nearest the document. Each part is a known medium or a name
    in Latin capitals no actor holds ("NAN"), proposed as an agency; anything else is no such credit."""
    parts = [part.strip() for part in credit.split("/")]
    if not 2 <= len(parts) <= 3:
        return None
    steps: list[list[ActorRef]] = []
    for part in parts:
        chain = _media_chain(part, language, index)
        if chain is None and re.fullmatch(r"[A-Z]{2,6}", part) and not index.mentions(part, language):
            chain = [[ActorRef(key="proposed:" + part.casefold(), name=part, kind="news_agency", proposed=True)]]
        if chain is None:
            return None
        steps += chain
    return steps[::-1]


def _wire_after_place(whole: str, language: str, index: ActorIndex) -> list[list[ActorRef]]:
    """Round 12: "(히데라바드 AP=연합뉴스)", "(워싱턴 AFP=연합뉴스)": a wire named after the place, before "=", is the wire
    whose copy the medium after "=" translated — the step after it. A wire is a known medium or a name in Latin capitals
    ("EFE", "ANSA"), proposed; the place alone ("(서울=연합뉴스)") adds nothing."""
    place = whole[1:whole.index("=")].strip()
    words = place.split()
    if len(words) < 2:
        return []
    wire = words[-1]
    chain = _media_chain(wire, language, index)
    if chain:
        return chain
    if re.fullmatch(r"[A-Z]{2,6}", wire) and not index.mentions(wire, language):
        return [[ActorRef(key="proposed:" + wire.casefold(), name=wire, kind="news_agency", proposed=True)]]
    return []


def _ko_glued_dateline(text: str, language: str, index: ActorIndex) -> list[list[ActorRef]] | None:
    """Round 12: a closing line that is a place glued to a medium's name ("베이징연합뉴스", "도쿄연합뉴스"): that medium's
    copy, as "(베이징=연합뉴스)" is. The place is two to six Hangul letters that name no actor."""
    line = text.strip()
    if " " in line or len(line) > 20:
        return None
    for cut in range(2, min(7, len(line) - 1)):
        place, name = line[:cut], line[cut:]
        if not re.fullmatch(r"[가-힣]+", place):
            break
        mentions = [m for m in index.mentions(name, language) if m.actor.kind in MEDIA_KINDS]
        if mentions and mentions[0].start == 0 and mentions[0].end == len(name) and not index.mentions(place, language):
            return [[mentions[0].actor]]
    return None


def _place_credit(whole: str, name: str, language: str, index: ActorIndex) -> list[list[ActorRef]] | None:
    """Round 7: "(서울=뉴스1)", "[세종=OO뉴스]": the Korean wire form "(place=medium)" names a medium even when no actor
    holds it — proposed as a news outlet. A place with a digit ("(1달러=1천300원)") is an equation, not a credit."""
    place = whole[1:whole.index("=")]
    if "=" in name or "(" in name:
        return None  # round 12: "(베를린= 김계연 특파원 = 콩고민주공화국(민주콩고)": a byline left open, no credit
    name = name.strip()
    if re.search(r"\d", place) or re.match(r"\d", name) or _PHOTO.search(whole) or not name or len(name) > 15 \
            or len(name.split()) > 2 \
            or re.search(r"[,，·/]", name) or index.mentions(name, language):
        return None
    return [[ActorRef(key="proposed:" + name.casefold(), name=name, kind="news_outlet", proposed=True)]]


def _glosses(body: str, start: int, end: int) -> bool:
    """Round 7: a medium in brackets is a credit where credits stand — a line's start (after a place at most: "CAIRO
    (Reuters) -"), before a dash or colon ("(رويترز) -"), or closing its paragraph or a sentence ("…المدينة.-(الأناضول)",
    "…assessment.(AP) RUP"); inside a sentence, after a word and before more words, it glosses the name before it
    ("وكالة أنباء النظام السوري (سانا)، السبت")."""
    line_start = body.rfind("\n", 0, start) + 1
    before = body[line_start:start]
    line_end = body.find("\n", end)
    after = body[end:len(body) if line_end < 0 else line_end]
    if re.fullmatch(r"[\s\-–—*|.,:;]*", after) or re.match(r"\s*[-–—:|]", after):
        return False
    if re.fullmatch(r"[\s\-–—*|]*", before) or (len(before.split()) <= 3 and not re.search(r"[.!?؟،,;:]", before)):
        return False
    if re.search(r"[.!?؟\-–—]\s*$", before):
        return False  # "…the intelligence assessment.(AP) RUP": after a sentence's end
    if len(before) <= 60 and len(after) <= 40 and _DATE_ONLY.fullmatch(after):
        place = _DATE_TAIL.sub("", before)
        if len(place.split()) <= 3 and not re.search(r"[.!?؟،,;:]", place):
            return False  # thirteenth session: a head dateline with its days, "Paris, March 2 (AFP) Mar 02, 2018"
    return True


# Thirteenth session: the days of a head dateline, before its credit ("Paris, March 2 (AFP)", "باريس، 2 مارس (أ ف ب)") and
# after it, alone to the line's end ("(AFP) Mar 02, 2018", "(Reuters) 12 May 2020"). Tried on short lines only.
_DAY = r"(?:\d{1,2}\s++[^\W\d_]++\.?|[^\W\d_]++\.?\s++\d{1,2})(?:,?\s++\d{4})?"
_DATE_ONLY = re.compile(rf"[\s,]*+{_DAY}[\s.]*+")
_DATE_TAIL = re.compile(rf"(?<![,،\s])[,،\s]++{_DAY}\s*+$")


# Round 6: the day a wire filed its copy, after its name in a closing credit ("(Xinhua News Agency December 21,
# 2003)", "(AP, 12 May 2020)"). Fourteenth session: a match starts only where a run of commas and spaces starts (the
# leftmost match did anyway), so a run of 10,000 spaces is not read again from each of its positions.
_FILED = re.compile(r"(?<![,\s])[,\s]+(?:\d{1,2}\s+[^\W\d_]+\.?|[^\W\d_]+\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*$")


def _undated(credit: str) -> str:
    return _FILED.sub("", credit)


_DATELINE_LONGEST = 300
_DATELINE = re.compile(r"^\s*(.+?)\s*[-–—]\s*(.+?)\s*$", re.DOTALL)


def _dateline_chain(text: str, language: str, index: ActorIndex) -> list[list[ActorRef]] | None:
    """A line that is only a wire and a place, in either order: "د ب أ- بغداد", "بغداد - واع", "KYIV — AFP".
    The place is at most three words with no digit; the wire part must be media names only."""
    if len(text) > _DATELINE_LONGEST:
        return None  # fourteenth session: no dateline is this long; the match below is quadratic on runs of spaces
    match = _DATELINE.match(text)
    if not match or "\n" in text.strip():
        return None
    for wire, place in ((match.group(1), match.group(2)), (match.group(2), match.group(1))):
        # "МОСКВА, 12 мая — РИА Новости", "KYIV, May 12 — AFP": the place may carry the day.
        place = re.sub(r",\s*(?:\d{1,2}\s+[^\W\d_]+|[^\W\d_]+\s+\d{1,2})(?:,?\s+\d{4})?\.?\s*$", "", place.strip())
        if len(place.split()) <= 3 and not re.search(r"\d", place) and not index.mentions(place, language):
            chain = _media_chain(wire.strip(), language, index)
            if chain:
                return chain
    return None


# Russian round: a credit line naming no known actor, whose name is a medium's by its shape — acronyms only, or a
# broadcaster's or site's word ("Источник: РЕН ТВ", "Source: Sky TV", "Источник: Lenta.ru") — credits that medium (proposed),
# a wire step, not an author; a person ("председатель ОГА Ярослав Янушевич") has names in mixed case.
_MEDIUM_SHAPE = re.compile(r"^(?:[A-ZА-ЯЁ0-9][A-ZА-ЯЁ0-9&.-]*(?:\s+[A-ZА-ЯЁ0-9][A-ZА-ЯЁ0-9&.-]*){0,3}"
                           r"|(?:\S+\s+){0,3}(?:ТВ|TV|FM|News|Радио|Radio|Media|Медиа)|[\w-]+\.(?:ru|ua|by|kz|com|net|org))$")


# Round 10: an Arabic credit line "المصدر: روسيا اليوم", "المصدر: سكاي نيوز عربية" at an article's foot names the
# medium the copy came from — in Arabic script no shape tells a medium, but a credit line of a few words, with no digit,
# no verb of saying and no generic plural ("وكالات", "مواقع"), names one.
_AR_CREDIT_NAME = re.compile(r"^(?!(?:وكالات|مواقع|مصادر|متابعات|وسائل)(?!\w))[\u0621-\u064a\u0640\s]{2,40}$")


def _unknown_medium(text: str, index: ActorIndex, language: str) -> list[list[ActorRef]] | None:
    name = text.strip().strip("*").strip(" .«»\"“”")
    # round 10: a two-letter acronym is a medium's shape too ("المصدر: RT")
    short = len(name) == 2 and name.isupper() and name.isalpha()
    arabic = language == "ar" and bool(_AR_CREDIT_NAME.match(name)) and len(name.split()) <= 4 \
        and not re.search(r"(?<!\w)(?:قال|أن|إن|في|عن)(?!\w)", name)
    if not name or index.mentions(name, language) or not (_MEDIUM_SHAPE.match(name) or arabic) \
            or (len(name) < 3 and not short):
        return None
    return [[ActorRef(key="proposed:" + name.casefold(), name=name, kind="news_outlet", proposed=True)]]


def _named_author(text: str, language: str, index: ActorIndex) -> ActorRef | None:
    mentions = [m for m in index.mentions(text, language) if m.via != "group"]
    if mentions:
        return mentions[0].actor
    runs = re.findall(r"[A-ZА-ЯЁΑ-Ω][\w’'-]+(?:\s+[A-ZА-ЯЁΑ-Ω][\w’'-]+)+", text)
    if not runs:
        return None
    name = " ".join(runs[-1].split()[-2:])
    return ActorRef(key="proposed:" + name.casefold(), name=name, kind="person", proposed=True)


@dataclass(frozen=True)
class Beside(ActorRef):
    """Round 8: a relay that stands in one step with the relay before it — parallel relays named together ("로이터, AP
    통신에 따르면": Reuters and AP both relayed it)."""

    def plain(self) -> ActorRef:
        return ActorRef(self.key, self.name, self.kind, self.pk, self.country, self.proposed, self.title)


_UNNAMED_MEDIA = {name.casefold() for names in UNNAMED_MEDIA.values() for name in names}


def hop_steps(credits: WireCredits, claimant: ActorRef, narrator: ActorRef, relays: list[ActorRef]) -> list[list[ActorRef]]:
    """The candidate's chain: the wire credit's steps (unless the claimant is the wire itself), then the
    relays the sentence names, each a step (one marked :class:`Beside` joins the step of the relay before it);
    never the claimant itself."""
    steps = [list(step) for step in credits.steps]
    keys = {claimant.key}
    if claimant.key == narrator.key or any(claimant.key == r.key for step in steps for r in step):
        # The wire's own words: the steps after it do not apply.
        cut = next((i for i, step in enumerate(steps) if any(r.key == claimant.key for r in step)), len(steps))
        steps = steps[:cut]
    added = False
    for relay in relays:
        beside = isinstance(relay, Beside)
        relay = relay.plain() if beside else relay
        if relay.proposed and " ".join(relay.name.casefold().split()) in _UNNAMED_MEDIA:
            continue  # fifteenth session: "сообщают СМИ со ссылками на …": media no one names relay nothing
        if relay.key in keys or any(relay.key == r.key for step in steps for r in step):
            added = False
            continue
        if beside and added:
            steps[-1].append(relay)
        else:
            steps.append([relay])
        keys.add(relay.key)
        added = True
    return [[r for r in step if r.key != claimant.key] for step in steps if any(r.key != claimant.key for r in step)]
