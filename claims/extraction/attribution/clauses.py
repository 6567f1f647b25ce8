"""Finding a reporting verb's subject in English, Greek and Russian (and the shared clause helpers): the clause
before the verb (past appositions and relative clauses), the phrase after it, a coordinated clause's shared
subject, the sentence's subject, a report's agent ("the toll published by X"), a dropped subject."""

import bisect
import re

from sources.models import ActorKind

from .. import cues as C
from ..actors import folded, is_acronym
from .cuefinding import find_cues, may_hold
from .names import _ARTICLE_WORDS, _titles
from .proposing import _proposed
from .state import Cue, DocumentState, _Item


# Titles that open an apposition before the person's name ("заместитель Генерального секретаря ООН, … Изуми
# Накамицу"), besides the titles of cues.PERSON_TITLES.
_EXTRA_TITLES = {
    "ru": {"заместитель", "замглавы", "глава", "руководитель", "представитель", "официальный представитель"},
    "en": {"deputy", "head", "spokesman", "spokesperson", "spokeswoman"},
    "el": {"αναπληρωτής", "υφυπουργός", "επικεφαλής", "εκπρόσωπος"},
}


# A full stop that ends a clause, not an honorific's ("ο κ. Τουρκ", "η κα Μαλλίρη", "ο δρ. Τεντρός", "Dr. Smith"): greek
# round — the surname after "κ." is the speaker of the verb before it.
# Round 10: nor "и.о." (acting: "и.о. министра здравоохранения Василий Лазоришинец").
_FULL_STOP = r"(?<![\s(][κΚ])(?<![\s(]κα)(?<![\s(][δΔ]ρ)(?<![\s(][MD]r)(?<![\s(]Mrs)(?<!и\.о)(?<!\sи)\.\s"

_BOUNDARY = re.compile(r"[,;:—–«»“”\"()]|\s-\s")


_BOUNDARY_ENDS: dict[str, list[int]] = {}


def _clause_start(sentence: str, position: int) -> int:
    """The end of the last clause boundary before ``position`` (0 when there is none). The boundaries are found once
    per sentence (this is asked for every verb of it): a boundary the sentence's scan finds that ends by ``position``
    is one a scan of the text up to ``position`` finds, and only " - " can cross ``position``, with nothing of the
    pattern before its end."""
    ends = _BOUNDARY_ENDS.get(sentence)
    if ends is None:
        if len(_BOUNDARY_ENDS) > 16:
            _BOUNDARY_ENDS.clear()
        ends = _BOUNDARY_ENDS[sentence] = [m.end() for m in _BOUNDARY.finditer(sentence)]
    index = bisect.bisect_right(ends, position)
    return ends[index - 1] if index else 0


def _first_words(text: str, count: int) -> list[str]:
    """``folded(text).split(" ")[:count]``, folding only as much of ``text`` as those words need (the text before a
    verb may be the whole sentence before it)."""
    length = 64
    while True:
        words = folded(text[:length]).split(" ")
        if len(words) > count or length >= len(text):
            return words[:count]
        length *= 4


# Russian round: where (or through what) the subject spoke, set between it and its verb ("Рустам Минниханов в эфире
# телеканала "Россия-1" подтвердил", "Цивилев в своем Telegram-канале написал", "министр на брифинге сообщил"): the
# medium or place named there ("в интервью телеканалу «Звезда»") is a complement, not the subject, which stands before it.
_RU_SETTING = re.compile(r"(?<!\w)(?:в|во|на)\s+(?:прямом\s+)?(?:эфир[еа]|интервью|беседе|разговоре|сво[её]м|ходе|"
                         r"пресс-конференции|брифинге|обращении|видеообращении|телеграм|telegram)[^,;:.!?]*$",
                         re.IGNORECASE)


def _left_agent(cue: Cue, sentence: str, items: list[_Item], state: DocumentState) -> _Item | None:
    if state.language == "ru":
        setting = _RU_SETTING.search(sentence[:cue.start])
        if setting and sentence[:setting.start()].strip() and not re.search(r"[,;:]\s*$", sentence[:setting.start()]):
            cue = Cue(setting.start(), cue.end, cue.role, cue.hedge, cue.side, cue.phrase)
    start = _clause_start(sentence, cue.start)
    clause = sentence[start:cue.start]
    if not clause.strip() and sentence[:start].endswith(")") and "(" in sentence[:start]:
        # "Το Γραφείο … (OHCHR) ανακοίνωσε": the subject is the name the parenthesis follows, or in it.
        opening = sentence.rfind("(", 0, start)
        inside = [i for i in items if opening < i.start and i.end < start and i.how != "proposed"]
        before = [i for i in items if _clause_start(sentence, opening) <= i.start and i.end <= opening]
        found = _not_countries(before) if before else []
        if found:
            return found[-1]
        if inside:
            return inside[-1]
    titles = _titles(state.language)
    stepped = False
    if not re.search(r"[^\W\d_]", clause) and start > 0 and sentence[start - 1] == ",":
        # "X, spokesman of the ministry, accused …": step back over the apposition.
        previous = _clause_start(sentence, start - 1)
        words = folded(sentence[previous:start]).split(" ")
        if previous > 0 and sentence[previous - 1] == "," and (words[:1] and words[0] in titles or words[1:2] and words[1] in titles):
            start, clause, stepped = previous, sentence[previous:cue.start], True
    leading = _first_words(clause, 2)
    first_word = leading[0] if clause.strip() else ""
    second = leading[1] if len(leading) > 1 else ""
    appositive = start > 0 and sentence[start - 1] == "," and (first_word in titles or second in titles) \
        and not (state.language == "en" and first_word in ("a", "an", "one") and clause.strip() and not stepped)
    # (sixteenth session: "…, killing two guards, an official said": an indefinite title right before its verb is a new,
    # unnamed subject — an apposition has a comma before the verb too, "X, a spokesman for the ministry, said")
    if appositive:
        # "Ashraf al-Qedra, the spokesman of the ministry, said": the speaker is before the apposition.
        previous = _clause_start(sentence, start - 1)
        found = [i for i in items if previous <= i.start and i.end <= start]
        return found[-1] if found else None
    if not clause.strip() and start > 0 and sentence[start - 1] == ",":
        # "ο υπουργός Υποδομών Ιρακλί Καρσελάτζε, που μετέβη στο σημείο, έκανε λόγο": a relative clause set off by
        # commas between the subject and its verb is stepped over.
        previous = _clause_start(sentence, start - 1)
        if previous > 0 and sentence[previous - 1] == "," and re.match(_RELATIVE_PRONOUN, sentence[previous:start], re.IGNORECASE):
            before = _clause_start(sentence, previous - 1)
            subject = _not_countries([i for i in items if before <= i.start and i.end <= previous - 1])
            # the subject, not a place the clause is about ("στην πόλη Ντέρνα …, που χτυπήθηκε …, ανέφερε X")
            if subject and not re.search(r"(?<!\w)(?:σε|στην|στη|στο|στον|στις|στους|στα|από|in|at|from|в|во|на|из)\s",
                                         sentence[before:subject[-1].start], re.IGNORECASE):
                return subject[-1]
    found = [i for i in items if start <= i.start and i.end <= cue.start]
    # Round 6: the object of an attribution or citing phrase is never the verb's subject ("Об этом со ссылкой на
    # источник в правоохранительных органах сообщает ТАСС": TASS speaks, citing the source).
    objects = _phrase_objects(sentence[:cue.start], state.language)
    found = [i for i in found if not any(s <= i.start < e for s, e in objects)]
    # A country is the speaker only as the verb's own subject ("Ukraine said"), not from further away.
    found = [i for i in found if i.ref is None or i.ref.kind != ActorKind.COUNTRY
             or len(sentence[i.end:cue.start].split()) <= 2]
    found = _not_countries(found)
    if not found and not clause.strip() and start > 0 and sentence[start - 1] == ",":
        found = _subject_before_comma(sentence, start - 1, items)
    return found[-1] if found else None


def _phrase_objects(text: str, language: str) -> list[tuple[int, int]]:
    """The spans of the objects of the attribution and citing phrases in ``text``: from the phrase to the next comma."""
    spans = []
    if not may_hold(text, language, (C.ACCORDING, C.CITING)):
        return spans  # asked before every verb: a sentence of hundreds of verbs and no such phrase costs no search
    commas = None
    for cue in find_cues(text, language, []):
        if cue.role in (C.ACCORDING, C.CITING) and cue.side == "right":
            if commas is None:
                commas = [m.start() for m in re.finditer(r"[,;:]", text)]  # once, not once for each phrase
            comma = bisect.bisect_left(commas, cue.end)
            spans.append((cue.end, commas[comma] if comma < len(commas) else len(text)))
    return spans


_RELATIVE_PRONOUN = (r"\s*(?:που|ο\s+οποίος|η\s+οποία|το\s+οποίο|οι\s+οποίοι|οι\s+οποίες|τα\s+οποία|who|which|"
                     r"котор\w+)\s")


# Fifteenth session: a Greek apposition's article and up to three lower-case words (a rank, a title) before its name.
_EL_RANKED_APPOSITION = re.compile(r"\s*(?:ο|η|τον|την|τη)\s+(?:[α-ωάέήίόύώϊϋΐΰ]+\s+){1,3}")


def _subject_before_comma(sentence: str, comma: int, items: list[_Item]) -> list[_Item]:
    """The subject of a verb right after a comma: a name set off between commas ("Ο δήμαρχος του Ακούμολι,
    Στέφανο Πετρούτσι, δήλωσε"), else the head of the noun phrase that opens the sentence ("Υψηλόβαθμος
    αξιωματούχος του τμήματος …, ανέφερε": the officials)."""
    previous = _clause_start(sentence, comma)
    before = [i for i in items if previous <= i.start and i.end <= comma]
    people = [i for i in before if i.ref is not None and i.ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR)
              and i.how in ("name", "proposed")]
    if people and len(sentence[previous:comma].split()) <= len(sentence[people[-1].start:people[-1].end].split()) + 1:
        return people[-1:]
    if people and _EL_RANKED_APPOSITION.fullmatch(sentence[previous:people[-1].start]) \
            and not sentence[people[-1].end:comma].strip():
        # fifteenth session: "Ο εκπρόσωπος του στρατού, ο συνταγματάρχης Νίκος Ιωάννου, δήλωσε": the apposition gives the
        # person a rank or title in lower case after its article; the person named speaks, not the body before the comma
        return people[-1:]
    if sentence[:previous].strip() or not before:
        return []
    head = before[0]
    lead = re.findall(r"[^\W\d_]+", sentence[previous:head.start])
    if len(lead) > 1 or head.ref is not None and head.ref.kind == ActorKind.COUNTRY:
        return []
    return [head]


def _left_fallback(cue: Cue, sentence: str, items: list[_Item]) -> _Item | None:
    """The nearest possible agent anywhere before the cue (a long subject: "The health ministry belonging
    to the Hamas-led, Gaza-based Palestinian government has said")."""
    start = _clause_start(sentence, cue.start)
    if re.search(r"[»”\"]\s*,?\s*$", sentence[:start]) and not sentence[start:cue.start].strip():
        return None  # "«…», δήλωσε": the speaker comes after
    found = _not_countries([i for i in items if i.end <= cue.start])
    return found[-1] if found else None


def _not_countries(found: list[_Item]) -> list[_Item]:
    """A country named next to a speaker ("ο πρόεδρος της Ουκρανίας Ζελένσκι") is not the speaker."""
    others = [i for i in found if i.ref is None or i.ref.kind != ActorKind.COUNTRY]
    return others or found


def _starts_with_title(text: str, titles: set[str]) -> bool:
    """A title opens ``text``, or ends its first words before any name ("σύμφωνα με επίσημη ενημέρωση από
    εκπρόσωπο της Πυροσβεστικής, Βασίλη …": the briefing's spokesman, named after the organisation he serves)."""
    words = [folded(w) for w in re.findall(r"[^\W\d_][\w-]*", text[:80])[:5]]
    words = [w for w in words if w not in _ARTICLE_WORDS]
    if bool(words) and (words[0] in titles or " ".join(words[:2]) in titles):
        return True
    lead = re.findall(r"[^\W\d_][\w-]*", text[:60])[:4]
    for word in lead:
        if folded(word) in titles:
            return True
        if word[:1].isupper() and word is not lead[0]:
            return False
    return False


def _apposed_person(cue: Cue, sentence: str, items: list[_Item], limit_words: int) -> _Item | None:
    """The first person (known or proposed) within ``limit_words`` after the cue, before a clause ends."""
    window_end = len(sentence)
    for number, match in enumerate(re.finditer(r"\S+", sentence[cue.end:]), start=1):
        if number > limit_words:
            window_end = cue.end + match.start()
            break
    boundary = re.search(rf"[;:«“\"]|{_FULL_STOP}|,\s*(?:that|ότι|что|добавив|adding)\b", sentence[cue.end:window_end])
    if boundary:
        window_end = cue.end + boundary.start()
    # (round 6: a name with an acronym in it is no person's: "министра ГО и ЧС Краснодарского края Сергея Капустина")
    people = [i for i in items if cue.end <= i.start < window_end and i.ref is not None
              and not any(is_acronym(word) for word in sentence[i.start:i.end].split())
              and i.ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR) and i.how in ("name", "proposed")]
    return people[0] if people else None


def _right_agent(cue: Cue, sentence: str, items: list[_Item], limit_words: int = 9,
                 titles: set[str] | None = None) -> _Item | None:
    window_end = len(sentence)
    words = 0
    for match in re.finditer(r"\S+", sentence[cue.end:]):
        words += 1
        if words > limit_words:
            window_end = cue.end + match.start()
            break
    # An opening quotation mark right after the cue ("وبحسب “سانا”") encloses the source; it ends nothing.
    lead = re.match(r"[\s«“\"]*", sentence[cue.end:window_end]).end()
    # "по сообщению агентства "Интерфакс"", "σύμφωνα με το πρακτορείο «…»": a common noun, then the quoted name.
    noun = re.match(r"\s*(?:(?:το|την|τον|the)\s+)?[^\W\d_A-ZА-ЯΑ-Ω][^\W\d_]*\s+[«“\"]", sentence[cue.end:window_end])
    if noun and noun.end() > lead:
        lead = noun.end()
    boundary = re.search(rf"[;:«“\"]|{_FULL_STOP}|,\s*(?:that|ότι|что)\b", sentence[cue.end + lead:window_end])
    if boundary:
        window_end = cue.end + lead + boundary.start()
    found = _not_countries([i for i in items if cue.end <= i.start < window_end])
    if not found and titles is not None and _starts_with_title(sentence[cue.end:], titles):
        # "сообщил исполнительный директор Национального совета по … страны Рикардо Салад": a long title, the
        # person named at its end.
        return _apposed_person(cue, sentence, items, limit_words=24)
    if not found:
        return None
    # "назвала заместитель Генерального секретаря ООН, Высокий представитель … Изуми Накамицу", "said the deputy
    # head of the UN, John Smith": after a title, the organisation is the one the person serves; the speaker is
    # the person named in the apposition that follows.
    if titles is not None and _starts_with_title(sentence[cue.end:], titles) \
            and not any(i.ref is not None and i.ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR)
                        and not is_acronym(sentence[i.start:i.end]) for i in found[:1]):
        person = _apposed_person(cue, sentence, items, limit_words=18)
        if person is not None:
            return person
    # "σύμφωνα με τα επίσημα στοιχεία από το υπουργείο …", "official figures from the ministry", "официальные
    # данные от МЧС": the data's source, not the unnamed group the words "official figures" stand for.
    if found[0].how == "group":
        source = next((i for i in found[1:] if i.how in ("name", "descriptor", "proposed") and re.fullmatch(
            r"\s*(?:από|απ'|of|from|by|от|من|لدى)\s+(?:(?:το|την|τον|τους|τα|the)\s+)?",
            sentence[found[0].end:i.start], re.IGNORECASE)), None)
        if source is not None:
            return source
    # "σύμφωνα με ... ο τοπικός κυβερνήτης Πάβλο Κιριλένκο": a person after a title wins over an organisation.
    named = [i for i in found if i.how in ("name", "proposed", "descriptor", "group")]
    if len(named) > 1 and named[1].how == "proposed" and named[0].how != "proposed" \
            and not sentence[named[0].end:named[1].start].strip() and named[1].ref.kind == ActorKind.PERSON:
        return named[1]  # "замгенсека ООН Розмари Дикарло": the person, not the organisation she serves
    return named[0] if named else found[0]


def _complementizer_follows(cue: Cue, sentence: str, language: str) -> bool:
    following = folded(sentence[cue.end:cue.end + 30]).split(" ")
    words = [w for w in following if w][:3]
    comps = {folded(c) for c in C.COMPLEMENTIZERS.get(language, ())}
    if language == "ar":
        return bool(words) and (words[0] in comps or sentence[cue.end:cue.end + 3].strip()[:1] in (":", "«", '"'))
    return bool(words) and words[0] in comps

# "according to the latest toll, published yesterday by X": a report, then a relative clause in the passive whose
# agent (by / από / от / من قبل) is the report's source.
_REPORT_AGENT = {
    "el": r"(?:απολογισμ|στοιχεί|ανακοίνωσ|έκθεσ|ενημέρωσ)\w*\s+(?:[^\s,]+\s+){0,2}?(?:που|η\s+οποία|ο\s+οποίος|τα\s+οποία)\s+"
          r"(?:(?:[^\s,]+\s+){0,6}?από\s+(?:την|τον|το|τις|τους|τα)?\s*"
          # "απολογισμό που μετέδωσε η κρατική τηλεόραση": an active verb, its subject after it
          r"|(?:μετέδωσ|ανακοίνωσ|έδωσ|δημοσίευσ|γνωστοποίησ)\w*\s+(?:\w+\s+)?(?=(?:ο|η|το|οι|τα)\s))",
    "en": r"(?:toll|tally|figures|report|count|data)\s+(?:\w+\s+){0,2}?(?:released|published|issued|given|compiled|announced)\s+"
          r"(?:[^\s,]+\s+){0,4}?by\s+(?:the\s+)?",
    "ru": r"(?:данны\w+|сводк\w+|сведени\w+|информаци\w+)\s*,?\s*(?:опубликованн|представленн|предоставленн|обнародованн)\w*\s+"
          r"(?:[^\s,]+\s+){0,4}?",
}


def _report_agent(cue: Cue, sentence: str, items: list[_Item], state: DocumentState, comma) -> _Item | None:
    pattern = _REPORT_AGENT.get(state.language)
    if pattern is None:
        return None
    end = cue.end + comma.start() if comma else len(sentence)
    match = re.search(pattern, sentence[cue.end:end], re.IGNORECASE)
    if not match:
        return None
    start = cue.end + match.end()
    after = [i for i in items if start <= i.start < end and i.how in ("name", "descriptor", "group", "proposed")]
    if after and after[0].start - start <= 2:
        return after[0]
    name = re.match(r"((?:[A-ZΑ-ΩΆΈΉΊΌΎΏА-ЯЁ][\w’'-]*\s*){1,5})", sentence[start:end])
    if name:  # a capitalised name no actor has, after the agent preposition (never read as a place here)
        text = name.group(1).strip()
        return _Item(start, start + len(text), _proposed(state, text, ""), "proposed")
    return None

# Conjunctions that coordinate a second clause with the first one's subject left out ("Οι αρχές αποδίδουν …, ενώ
# μιλούν για …", "Officials blamed …, and said …", "Власти … и сообщили …").
_COORDINATING = {
    "en": r"(?:and|while|but)", "el": r"(?:ενώ|και|κι|αλλά|όμως)", "ru": r"(?:и|а|но|однако)",
}


def _shared_subject(cue: Cue, sentence: str, items: list[_Item], language: str) -> _Item | None:
    """The subject of a coordinated clause that leaves it out: the subject that opens the sentence, when the
    verb's own clause starts with "and" / "while" / "ενώ" / "и" and names no one (a pro-drop verb coordinated
    with a first clause has that clause's subject, as grammar says)."""
    conjunction = _COORDINATING.get(language)
    if conjunction is None:
        return None
    start = _clause_start(sentence, cue.start)
    clause = sentence[start:cue.start]
    if not re.fullmatch(rf"\s*{conjunction}\s+(?:\w+\s+)?", clause, re.IGNORECASE):
        return None
    opening = [i for i in items if i.end <= start and i.how in ("name", "descriptor", "group", "proposed")]
    if not opening:
        return None
    head = opening[0]
    lead = [w for w in re.findall(r"[^\W\d_]+", sentence[:head.start]) if folded(w) not in _ARTICLE_WORDS]
    if lead or (head.ref is not None and head.ref.kind == ActorKind.COUNTRY):
        return None  # the sentence does not open with it: no subject of the first clause
    return head


# A verb whose subject is "reports" or "information" with no one named.
_UNNAMED_REPORTS = {
    "el": r"(?:^|\s)(?:πληροφορίες|αναφορές|δημοσιεύματα)\s+$",
    "en": r"(?:^|\s)(?:reports|media reports|unconfirmed reports)\s+$",
    "ru": r"(?:^|\s)(?:сообщения|СМИ)\s+$",
}
# A report as the subject, with a relative clause naming who published it ("Ένας προηγούμενος απολογισμός, τον οποίο
# δημοσίευσαν νωρίτερα οι αρχές, έκανε λόγο για …", "An earlier toll, which the ministry released, put …").
_REPORT_SUBJECT = {
    "el": r"(?:απολογισμός|ενημέρωση|ανακοίνωση|έκθεση)\s*,\s*(?:τον\s+οποίο|την\s+οποία|το\s+οποίο|που)\s+([^,]+),\s*$",
    "en": r"(?:toll|tally|report|statement|count)\s*,\s*(?:which|that)\s+([^,]+),\s*$",
}


def _report_subject(cue: Cue, sentence: str, items: list[_Item], language: str) -> _Item | None:
    pattern = _REPORT_SUBJECT.get(language)
    before = sentence[:cue.start]
    # the pattern ends in a comma and spaces: a text ending otherwise is not searched (for every verb of a sentence)
    match = re.search(pattern, before, re.IGNORECASE) if pattern and before.rstrip().endswith(",") else None
    if not match:
        return None
    inside = [i for i in items if match.start(1) <= i.start < match.end(1) and i.how in ("name", "descriptor", "group", "proposed")]
    return inside[0] if inside else None


def _sentence_subject(cue: Cue, sentence: str, items: list[_Item], language: str) -> _Item | None:
    """The subject that opens the sentence, set off by a comma from what comes between it and its verb ("Ο
    Βαλεντίν Ρεζνιτσένκο, κυβερνήτης …, σε μήνυμά του στο Telegram (…) ανέφερε ότι"): the verb's clause looks
    empty, but its subject is the sentence's."""
    first = [i for i in items if i.end <= cue.start and i.how in ("name", "proposed", "descriptor", "unnamed")]
    if not first:
        return None
    item = first[0]
    lead = [w for w in re.findall(r"[^\W\d_]+", sentence[:item.start]) if folded(w) not in _ARTICLE_WORDS]
    # "Το πρακτορείο SANA, επικαλούμενο …, ανέφερε", "The agency Anadolu, …, said": a common noun before the name
    # (an apposition: what the named one is) leaves it the noun phrase's head.
    common = len(lead) <= 2 and all(w[:1].islower() for w in lead)
    # Round 6: an unnamed title opening the sentence keeps its complement up to the comma ("Εκπρόσωπος της
    # περιφερειακής κυβέρνησης στη Βαλένθια, στην Ισπανία, δήλωσε"): the head noun is the subject.
    opens = item.how == "unnamed" and re.match(r"[^,;:«»“”\"]*,", sentence[item.end:cue.start])
    if (lead and not common) or not (re.match(r"\s*,", sentence[item.end:]) or opens):
        return None
    if any(c for c in find_cues(sentence[item.end:cue.start], language, []) if c.role == C.SPEECH):
        return None  # another verb of its own comes first
    return item


def _dropped_subject(cue: Cue, sentence: str, language: str) -> bool:
    """A reporting verb without a subject of its own: "Παράλληλα ανέφερε ότι", "وأضاف أن", "добавил"."""
    clause = sentence[_clause_start(sentence, cue.start):cue.start]
    if language == "ko":
        return True
    if language == "ar":
        return True
    words = re.finditer(r"[^\W\d_]+", clause)
    return next(words, None) is None or next(words, None) is None  # a word at most


# Issue 15, thirteenth session: who states a figure that has no speaker of its own. A count, a toll, a report, figures or
# data are no one: as the subject of a verb of saying ("the toll stood at", "Ο πρώτος απολογισμός έκανε λόγο για",
# "الحصيلة", "집계는", "данные показывают") they state the figures for the text's author, unless the phrase names whose
# they are ("the ministry's toll", "ο απολογισμός του υπουργείου", "данные МЧС") or they are the report the sentence
# before announced (``DocumentState.data_source``). The words of that closed class, by language (folded stems: a word
# of the class begins with one, after Arabic "و"/"ف" and the article).
NON_AGENT_NOUNS = {
    # English words are whole (a noun and its plural: "count" is no stem of "country")
    "en": ("toll", "tolls", "tally", "tallies", "count", "counts", "figure", "figures", "data", "statistics", "report",
           "reports", "estimate", "estimates", "number", "numbers", "record", "records", "census"),
    "el": ("απολογισμ", "στοιχει", "αριθμ", "ενημερωσ", "πληροφοριε", "αναφορε", "δημοσιευμα", "εκτιμησ", "εκθεσ",
           "καταμετρησ", "δεδομεν", "καταγραφ"),
    "ru": ("данн", "сводк", "сведени", "подсчет", "статистик", "доклад", "отчет", "информаци", "сообщени", "оценк",
           "число", "количеств", "итог"),
    "ar": ("حصيل", "احصايي", "احصاء", "ارقام", "بيانات", "تقرير", "معطيات", "تقديرات", "عدد", "اجمالي"),
    # Korean: the noun with a subject particle ("집계는", "통계가")
    "ko": ("집계", "통계", "보고서", "자료", "수치", "잠정치"),
}
# Words that may stand before the head noun of such a subject: articles, determiners and the adjectives of a count
# ("the latest official toll", "ο πρώτος επίσημος απολογισμός", "последние официальные данные", "الحصيلة الأولية").
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "ο", "η", "το", "οι",
                "τα", "ενασ", "μια", "μια", "αυτοσ", "αυτη", "αυτα", "эти", "этот", "эта", "такие"}
_SUBJECT_LEAD_WORDS = 2  # adjectives before the head noun of the count (none in Arabic, whose adjectives follow it)


def non_agent(word: str, language: str) -> bool:
    """Whether one word (as written) is a noun of the non-agent class: a toll, a count, a report, figures, data."""
    word = folded(word)
    if language == "en":
        return word in NON_AGENT_NOUNS["en"]
    if language == "ar":
        word = re.sub(r"^[وف]?(?:ال|لل|ب|ل)?", "", word)
    elif language == "ko":
        # a Korean noun with its particle ("집계는", "잠정 집계에서"), not a compound that ends otherwise ("중앙통계국은")
        return any(re.fullmatch(rf"(?:\w*\s)?{stem}(?:은|는|이|가)", word) for stem in NON_AGENT_NOUNS["ko"])
    return any(word.startswith(stem) for stem in NON_AGENT_NOUNS.get(language, ()))


def _head_is_non_agent(text: str, language: str, *, first: bool) -> tuple[int, int] | None:
    """The span of the non-agent head noun opening ``text`` (``first``: the phrase before its verb, read from its
    beginning; else the phrase after the verb), past conjunctions, determiners and up to three adjectives; None when the
    phrase opens with something else."""
    words = list(re.finditer(r"[^\W\d_][\w'’-]*", text[:160]))
    lead = 0
    for position, match in enumerate(words):
        word = folded(match.group(0))
        if position == 0 and word in _FOLDED_COORDINATORS.get(language, ()):
            continue
        if non_agent(match.group(0), language):
            if language == "ru" and re.search(r"[юу]$", word):
                return None  # a feminine noun in the accusative ("информацию", "сводку"): the verb's object
            return match.start(), match.end()
        if word in _DETERMINERS:
            continue
        lead += 1
        if lead > _SUBJECT_LEAD_WORDS or language == "ar" or language == "ko" and not first:
            return None
    return None


# Conjunctions that open a coordinated clause ("…, and the toll …", "…, καθώς και οι Ιταλοί …", "…، فيما …"); Arabic
# "و" is written onto the next word.
_COORDINATORS = {
    "en": ("and", "while", "but", "whereas"),
    "el": ("και", "κι", "ενώ", "αλλά", "όμως", "καθώς και", "καθώς"),
    "ru": ("и", "а", "но", "однако", "при этом"),
    "ar": ("فيما", "بينما", "في حين"),
    "ko": (),
}
_FOLDED_COORDINATORS = {language: {folded(w) for w in words} for language, words in _COORDINATORS.items()}


def non_agent_subject(cue: Cue, sentence: str, items: list[_Item], language: str) -> tuple[bool, _Item | None]:
    """(True, owner) when the subject of the verb ``cue`` is a count, a toll, a report, figures or data — before the
    verb in its clause (past an aside between commas: "Ο πρώτος απολογισμός, το Σάββατο, έκανε λόγο για"), or right
    after it in a language that puts the subject there ("وبينت الإحصائية", "έκανε λόγο ο απολογισμός"); ``owner`` is
    the actor the phrase names as whose it is ("the ministry's toll said", "ο απολογισμός του υπουργείου"), else None.
    (False, None) otherwise: the verb has an agent of its own, or none written (then it continues a speaker)."""
    start = max(_clause_start(sentence, cue.start), sentence.rfind("،", 0, cue.start) + 1)
    before = sentence[start:cue.start]
    if not re.search(r"[^\W\d_]", before) and start > 0 and sentence[start - 1] == ",":
        # an aside between commas (a day, a place: ", το Σάββατο,") stands between the subject and its verb
        aside_start = _clause_start(sentence, start - 1)
        aside = sentence[aside_start:start - 1]
        if aside_start > 0 and sentence[aside_start - 1] == "," and len(aside.split()) <= 4 \
                and not re.search(r"\d", aside) and not any(aside_start <= i.start < start for i in items):
            start = _clause_start(sentence, aside_start - 1)
            before = sentence[start:aside_start - 1]
    conjunction = language == "ar" and before.strip() in ("و", "ف")
    if conjunction:
        before = ""  # fourteenth session: "وأفادت حصيلة …": the conjunction written onto the verb is no subject
    if re.search(r"[^\W\d_]", before):
        head = _head_is_non_agent(before, language, first=True)
        if head is None or language == "el" and re.match(r"\s*(?:Τον|Την|Τη|Τις|Τους)\s", before):
            return False, None  # (a Greek object in the accusative put first is no subject)
        clause_end = re.search(r"[,;:«»“”\"()]|$", sentence[cue.end:]).start()
        if any(cue.end <= i.start < cue.end + clause_end
               and len(sentence[cue.end:i.start].split()) <= 3 for i in items):
            return False, None  # the subject after the verb ("Данные подтвердили в МЧС"): the count is its object
        noun_end = start + head[1]
        owners = [i for i in items if start <= i.start and i.end <= cue.start and not i.start < noun_end <= i.end]
        return True, (owners[0] if owners else None)
    if language not in ("el", "ar", "ru"):
        return False, None
    after = re.match(r"[^,،;:«»“”\"()]*", sentence[cue.end:cue.end + 120]).group(0)
    # the subject right after its verb: in Greek after an article in the nominative, in Arabic and Russian the noun itself
    # (not "τον απολογισμό", an object; not "ότι ο απολογισμός", what is said; not "в сообщении", where it is said)
    opening = re.match(r"\s*(?:(?:Ο|Η|Οι|Το|Τα|ο|η|οι|το|τα)\s+)?" if language == "el" else r"\s*", after)
    if language == "el" and not opening.group(0).strip():
        return False, None
    words = re.findall(r"[^\W\d_]+", after[opening.end():])
    if not words or (language != "el" and not non_agent(words[0], language)):
        return False, None
    head = _head_is_non_agent(after, language, first=False)
    if head is None or any(cue.end <= i.start < cue.end + head[0] for i in items):
        return False, None
    owners = [i for i in items if cue.end + head[1] <= i.start < cue.end + len(after)
              and len(sentence[cue.end + head[1]:i.start].split()) <= 3]
    if conjunction and not owners:
        # "وبينت الإحصائية الرسمية …" after "ووفقاً لحصيلة نشرتها وزارات …": a report with no owner, continuing the
        # sentence before with "و", is the report just given — its source goes on
        return False, None
    return True, (owners[0] if owners else None)


def author_clause(sentence: str, cues: list[Cue], figures: list[int], language: str) -> int:
    """Issue 15, thirteenth session: where the opening clause of a sentence ends when its figures are stated by no speaker
    of the sentence, else 0. The opening clause (up to a comma and a coordinating conjunction: ", and", ", καθώς και",
    ", а", "، فيما") has figures and no reporting cue, and every cue after it is a verb of saying that reports only what
    follows it ("23 people are missing, as the Italians have announced that they are looking for 15": "announced that"
    says the clause after it, not the one before). A cue that may cover what precedes it ("…, officials said",
    "according to X") leaves the clause to it."""
    words = "|".join(re.escape(w) for w in sorted(_COORDINATORS.get(language, ()), key=len, reverse=True))
    if not words or not cues:
        return 0
    # (Arabic "و" opens the word after it)
    boundary = re.search(rf"[,،;]\s*(?:(?:{words})(?!\w)|و(?=\w))" if language == "ar" else rf"[,;]\s*(?:{words})(?!\w)",
                         sentence, re.IGNORECASE)
    if boundary is None or not any(f < boundary.start() for f in figures) \
            or any(c.start < boundary.start() for c in cues):
        return 0
    if all(c.role == C.SPEECH and _reports_what_follows(c, sentence, language) for c in cues):
        return boundary.start()
    return 0


def _reports_what_follows(cue: Cue, sentence: str, language: str) -> bool:
    """A verb of saying with "that" after it, or after its subject put after it ("قالت الشرطة إن", "ανακοίνωσε η
    αστυνομία ότι"): it reports what follows."""
    if _complementizer_follows(cue, sentence, language):
        return True
    clause = re.match(r"[^,،;:.!?«»“”\"]{0,80}", sentence[cue.end:]).group(0)
    comps = {folded(c) for c in C.COMPLEMENTIZERS.get(language, ())}
    return any(word in comps for word in folded(clause).split(" ")[:6])
