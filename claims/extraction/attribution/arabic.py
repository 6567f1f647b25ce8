"""Arabic agents (verb first): the name or actor after the verb, past titles and portfolios, up to "أن"/"إن", a
comma or a colon; a statement's issuer; plural ministries sharing one head noun."""

import re
from dataclasses import replace

from sources.models import ActorKind

from .. import cues as C
from ..actors import TATWEEL, ActorRef, folded
from ..numbers import read_quantity
from .cuefinding import find_cues
from .countries import _country_of_adjective, _same_name_of
from .descriptions import short_name_of, unnamed_officials
from .proposing import _proposed, _proposed_medium
from .state import Cue, DocumentState, _Item


_AR_STOP = {"أن", "إن", "بأن", "أنه", "إنه", "في", "من", "عن", "على", "إلى", "خلال", "اليوم", "أمس", "مساء", "صباح",
            "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "قد", "بيان", "تصريح",
            "تصريحات", "مؤتمر", "حصيلة", "فى", "التابعة", "التابع", "الخاضعة", "فيه", "فيها", "لوكالة", "لصحيفة", "لقناة", "لموقع", "للصحفيين", "لـ", "تقديرات", "بيانات", "معطيات", "إحصاءات", "أرقام", "تقرير", "لها", "له", "صحفي", "الجمعة،", "مقتل", "وصول", "ارتفاع",
            # round 10: adverbs of time after a verb ("قال سابقا إن"), and the verbal nouns of what a cited source said
            # ("نقل … عن الخلية تأكيدها أن") end a subject; they are no name
            "سابقا", "سابقاً", "لاحقا", "لاحقاً", "مؤخرا", "مؤخراً", "أيضا", "أيضاً", "ايضا", "كذلك", "قبل", "بعد",
            "قوله", "قولها", "قولهم", "تأكيده", "تأكيدها", "تأكيدهم", "تصريحه", "تصريحها", "إعلانه", "إعلانها",
            # fifteenth session: the object pronoun of "أفاد بـ" before its subject ("حصيلة أفادت بها وكالة …")
            "به", "بها", "بهم"}
_AR_BODY_HEADS = {folded(w) for w in C.ORGANISATION_WORDS["ar"]}
# Fifteenth session: the words that open a phrase of time or manner after the verb ("في مطلع مارس", "خلال الأسبوع",
# "منذ أيام", "بشكل نهائي", "بصورة رسمية").
_AR_ADVERBIAL_OPENERS = {folded(w) for w in ("في", "فى", "خلال", "منذ", "بشكل", "بصورة")}
# Round 8: military and civil ranks and honorifics before a name in apposition ("، العقيد تامر الرفاعي،").
_AR_RANKS = "|".join(("الكولونيل", "الجنرال", "العقيد", "المقدم", "الرائد", "النقيب", "العميد", "اللواء", "الفريق أول", "الفريق", "المشير",
                      "الدكتور", "د\\.", "المهندس", "الشيخ", "السيد", "السيدة"))
_AR_OFFICIAL_ADJECTIVES = {folded(w) for w in ("الرسمي", "الرسمية", "الرسمى")}
# Fifteenth session: a rank after a title and the body it heads ("المتحدث الرسمي باسم الدفاع المدني السعودي العقيد
# عبدالله …") is a title of its own: the name follows it.
_AR_RANK_WORDS = {folded(w) for w in _AR_RANKS.replace("\\", "").split("|") if " " not in w}
# Generic nouns an Arabic organisation's name follows ("جماعة أنصار الله", "حركة حماس").
_AR_AFFILIATED = {folded(w) for w in ("التابعة", "التابع", "الخاضعة")}
# Round 8: "رئاسة" (the presidency of) before a body's name ("أعلنت رئاسة إدارة الكوارث والطوارئ").
_AR_GENERIC = {folded(w) for w in ("جماعة", "حركة", "ميليشيا", "مليشيا", "تنظيم", "منظمة", "قوات", "رئاسة")}


def _ar_letters(words: str) -> str:
    """An alternation of Arabic words as a regex that allows tatweels and vowel marks between their letters."""
    return "|".join("\\s+".join(f"{TATWEEL}*[\u064b-\u065f\u0670]*".join(re.escape(c) for c in word)
                                for word in phrase.split()) for phrase in words.split("|"))


# Round 8: local office-holders ("حاكم", "حكام", "محافظ", "والي", "رئيس بلدية") followed by the place they hold, only
# described ("هذه المحافظة", "تلك المحافظات") or a province, district or town by its noun ("ولاية زابل"), then the
# end of the subject: a comma, "أن/إن", a preposition, a noun of what was said, a medium told ("لقناة").
_AR_LOCAL_OFFICE = re.compile(
    r"\s*((?:%s)\s+(?:(?:%s)\s+\S+|(?:%s)\s+\S+))" % (
        _ar_letters("حاكم|حكام|محافظ|المحافظ|والي|ولاة|رئيس بلدية|رؤساء بلديات|عمدة"),
        _ar_letters("هذه|هذا|تلك|ذلك|هؤلاء"),
        _ar_letters("ولاية|محافظة|إقليم|اقليم|مقاطعة|منطقة|مدينة|بلدة|قرية")))
_AR_SPOKESMAN_APPOSED = re.compile(
    r"\s*(?:%s)(?:\s+(?:ال)?\S+)?\s+باسم\s+[^،,:«»\"“”]{2,60}?\s*[،,]\s*(?:(?:%s)\s+)*([^،,:«»\"“”\d]+?)\s*[،,]"
    % (_ar_letters("المتحدث|الناطق|المتحدثة|الناطقة|متحدث|ناطق"), _AR_RANKS))
# Round 12: a person's title in the construct state or definite ("نائب رئيس المركز …", "وزيرة العمل …", "المسؤول
# الطبي"), masculine or feminine, which a name in apposition may follow.
_AR_TITLE_HEADS = _ar_letters("|".join((
    "نائب|نائبة|رئيس|رئيسة|وزير|وزيرة|مدير|مديرة|محافظ|محافظة|قائد|منسق|منسقة|سفير|سفيرة|أمين|مسؤول|مسؤولة|مسئول",
    "النائب|الرئيس|الوزير|الوزيرة|المدير|المديرة|المحافظ|القائد|المنسق|السفير|الأمين|المسؤول|المسؤولة|المسئول",
    "المتحدث|المتحدثة|الناطق|الناطقة")))
# Round 12: the title and what it heads up to a comma, then the name in apposition up to the next comma
# ("أعلن نائب رئيس المركز الروسي للمصالحة … في سوريا، أوليج إجناسيوك، مقتل …").
_AR_TITLE_APPOSED = re.compile(
    r"\s*(?:%s)(?!\w)[^،,:«»\"“”\d.؛]{2,120}?\s*[،,]\s*((?:(?:%s)\s+)*)([^،,:«»\"“”\d.؛]+?)\s*[،,]"
    % (_AR_TITLE_HEADS, _AR_RANKS))
# Round 12: the words that end a name with no comma after it: a medium or the media told, a preposition, "أن/إن".
_AR_NAME_ENDS = re.compile(r"(?:ل(?:وسائل|وكال|قنا|صحيف|موقع|إذاع|اذاع|ل)|(?:ال|لل|بال)|و?(?:في|فى|من|عن|على|أن|إن|بأن|"
                           r"أنه|إنه|خلال|اليوم|أمس|مساء|صباح)$)")


def apposed_to_title(rest: str, offset: int, items: list[_Item], state: DocumentState) -> _Item | None:
    """Round 12: the person a title describes, named in apposition after the title and what it heads ("أعلن نائب رئيس
    المركز الروسي للمصالحة بين الأطراف المتحاربة في سوريا، أوليج إجناسيوك، مقتل"; "قالت وزيرة العمل … ورئيسة اللجنة
    العليا لطوارئ الخريف، لينا الشيخ، إن"): two to four words between commas, past a rank, none a title, a stop word
    or a number, the first without the article (a name, not "اليوم الجمعة" nor "الذي …")."""
    match = _AR_TITLE_APPOSED.match(rest)
    if not match or re.search(r"(?<!\w)(?:أن|إن|بأن|أنه|إنه)(?!\w)", rest[:match.start(2)]):
        return None
    words = match.group(2).split()
    stops = {folded(w) for w in _AR_STOP} | {folded(t) for t in C.PERSON_TITLES["ar"]}
    if not 2 <= len(words) <= 4 or folded(words[0]).startswith("ال") or any(folded(w) in stops for w in words):
        return None
    start, end = offset + match.start(2), offset + match.end(2)
    known = [i for i in items if start <= i.start < end and i.ref is not None
             and i.ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR)]
    return known[0] if known else _Item(start, end, _proposed(state, match.group(2), "المتحدث"), "proposed")


def _name_after_title(text: str) -> str | None:
    """The name right after a definite title and its adjectives (two or three words up to a word that ends it)."""
    words = []
    for word in text.split():
        ends = bool(_AR_NAME_ENDS.match(word) or _AR_NAME_ENDS.match(folded(word)))
        if ends and len(words) >= 2 or len(words) == 3:
            break
        if ends:
            return None
        words.append(word)
    return " ".join(words) if len(words) >= 2 else None


def named_later(sentence: str, offset: int, state: DocumentState) -> _Item | None:
    """Round 12: "قال مسؤول طبي إن …" and, after it, "وقال المسؤول الطبي أرون شامرا …": an official introduced by an
    indefinite title and its adjective, whom the text then names with the same title and adjective made definite, is
    that person (the definite description refers back to him)."""
    match = re.match(r"\s*(مسؤول|مسئول|متحدث|ناطق|مصدر)\s+(\w+ي)(?!\w)", sentence[offset:])
    here = state.body.find(sentence) if state.body else -1
    if not match or here < 0:
        return None
    later = re.compile(r"(?<!\w)ال%s\s+ال%s\s+" % (re.escape(folded(match.group(1))), re.escape(folded(match.group(2))))
                       ).search(state.text, here + offset + match.end())
    if later is None:
        return None
    name = _name_after_title(state.body[later.end():])
    if name is None:
        return None
    return _Item(offset + match.start(), offset + match.end(), _proposed(state, name, "المتحدث"), "proposed")


# Round 8: a definite subject, then a relative pronoun ("البيان الذي", "الشرطة، التي").
_AR_RELATIVE_AFTER_SUBJECT = re.compile(
    r"\s*(ال\w+(?:\s+ال\w+)?)\s*،?\s*(?:الذي|التي|الذين|اللذين|اللتين|اللواتي)(?!\w)")
# Round 8: a ministry's portfolio for the ministry, with a nationality adjective ("الداخلية المغربية").
_AR_PORTFOLIO_ELLIPSIS = re.compile(r"\s*(الداخلية|الخارجية|الدفاع|الصحة)\s+(ال\w+ية)(?!\w)")
# Round 8: the latest data published on, by or from someone ("أحدث المعطيات المنشورة على الموقع الرسمي للجيش").
_AR_PUBLISHED_DATA = re.compile(
    r"\s*(?:(?:أحدث|آخر|اخر)\s+)?(?:المعطيات|البيانات|الإحصاءات|الاحصاءات|الإحصائيات|الأرقام|الارقام)\s+"
    r"(?:المنشورة|الصادرة|الرسمية\s+المنشورة)\s+((?:على|في|عن|من)\s+[^،,:«»\"“”\d]{2,80}?)"
    r"(?=\s*(?:[،,:]|$|(?:أن|إن|ارتفاع|مقتل|إصابة|وصول|عن)(?!\w)))")
_AR_SUBJECT_ENDS = re.compile(r"[\s.]*(?:[،,.:]|$|(?:أن|إن|بأن|أنه|إنه|في|فى|عن|مقتل|إصابة|وفاة|ارتفاع|اليوم|أمس|"
                              r"لقناة|لوكالة|لصحيفة|لموقع|لإذاعة)(?!\w))")


# The prepositions reporting verbs govern: "أشار إلى", "لفت إلى", "كشف عن", "أعلن عن", "تحدث عن". Standing right after
# the verb, such a preposition opens what was reported (its object); the subject was left out, as it never stands
# behind a preposition.
_AR_GOVERNED = re.compile(r"\s*(?:إلى|الى|إلي|عن)(?!\w)")
# The verbs that govern "بـ" ("أفاد بوفاة طفلين", "أقر بمقتل 5"): after one of them, a word that begins with "ب" and
# opens the figure (a number within its next two words) is its object. A subject may begin with that letter too
# ("وأفاد بيان لوزارة الداخلية", "وقال بوتين"), and is followed by no number.
_AR_BI_VERBS = re.compile(r"(?:و|ف)?(?:أفاد|افاد|صرح|صرّح|نوه|نوّه|أقر|اقر|أقرّ|اعترف|أدلى|ادلى|أبلغ|ابلغ|طالب|ندد|رحب|"
                          r"تعهد|أشاد|اشاد|أخبر|اخبر)(?:ت|تا|وا|ا)?$")


def _object_first(cue: Cue, sentence: str) -> bool:
    """The verb's object comes first: its governed preposition stands right after it (the subject was left out)."""
    rest = sentence[cue.end:]
    if _AR_GOVERNED.match(rest):
        return True
    word = re.match(r"\s*(ب\w{3,})((?:\s+\S+){0,2})", rest)
    return bool(word and _AR_BI_VERBS.match(folded(sentence[cue.start:cue.end].strip()).replace(TATWEEL, ""))
                and read_quantity(word.group(2), language="ar"))


# Fifteenth session: circumstantial participles of saying ("معلناً أن", "مؤكدة أن"), which cues.py lists as speech: their
# subject is the subject of the verb that opens the sentence.
_AR_PARTICIPLES = {folded(w) for w in C.AR_PARTICIPLES}


def participle_subject(cue: Cue, sentence: str, items: list[_Item], state: DocumentState) -> _Item | None:
    """Fifteenth session: "وعرض رئيس الوكالة بيل بيرنز تقديرات مماثلة، معلناً أن …": a participle of saying has the
    subject of the sentence's opening verb (Arabic opens with the verb, its subject right after): the verb's subject
    read as a reporting verb's is. A sentence that opens with no verb (a preposition, a definite noun, a number) gives
    the participle no subject of its own."""
    opening = re.match(r"\s*(?:و|ف)?([^\W\d_]{3,6})(?=\s)", sentence)
    if opening is None or opening.end() >= cue.start or folded(opening.group(1)).startswith("ال") \
            or folded(opening.group(1)) in {folded(w) for w in _AR_STOP} | {folded(w) for w in ("كما", "لكن", "وقد")}:
        return None
    verb = replace(cue, start=opening.start(1), end=opening.end(1), phrase=opening.group(1))
    # the subject stands right after the verb: what lies further (hostile text: hundreds of participles) is not read
    limit = min(cue.start, opening.end() + 300)
    last = getattr(state, "participle_last", None)
    if last is not None and last[0] == (sentence, limit):
        return last[1]  # the sentence's other participles have the same opening verb
    subject = _ar_agent(verb, sentence[:limit], [i for i in items if i.end <= limit], state)
    subject = subject if subject is not None and subject.ref is not None else None
    state.participle_last = ((sentence, limit), subject)
    return subject


def national_name_of(name: str, state: DocumentState) -> ActorRef | None:
    """Fifteenth session: "وفي وقت سابق قال الدفاع المدني إن …" in a text about Syria: a body's name without its
    nationality adjective is the one actor of a country the text is about whose name is those words and that country's
    adjective ("الدفاع المدني السوري"); None when none is, or several are."""
    words = folded(name).split()
    if not state.countries or not re.match(r"ال", words[0]):
        return None
    found = {}
    for key, names in state.index.names_of.items():
        for full in names:
            whole = full.split()
            if len(whole) == len(words) + 1 and whole[:-1] == words:
                ref = state.index.actors.get(key)
                if ref is not None and ref.country in state.countries \
                        and any(re.sub(r"^ال", "", whole[-1]).startswith(stem) for stem, country
                                in state.index.country_stems() if country == ref.country):
                    found[key] = ref
    return next(iter(found.values())) if len(found) == 1 else None


# Fifteenth session: the media office or centre of a body ("المركز الإعلامي للمديرية العامة للدفاع المدني", "المكتب
# الإعلامي لوزارة الصحة") speaks for the body.
_AR_MEDIA_OFFICE = re.compile(r"\s*(?:ال)?(?:مركز|مكتب)\s+(?:ال)?(?:إعلامي|إعلامى|اعلامي|اعلامى)\s+(?=لل|ل)")


def _actor_named_at(start: int, items: list[_Item]) -> _Item | None:
    """The actor the text names right where a body's noun phrase starts (within two characters), if any."""
    return next((i for i in items if start <= i.start <= start + 2 and i.ref is not None and i.how != "anaphor"), None)


def media_office(rest: str, offset: int, items: list[_Item], state: DocumentState) -> _Item | None:
    """Fifteenth session: "وقال المركز الإعلامى للمديرية العامة للدفاع المدنى بالسعودية": the body whose media office
    speaks — an actor named right after it, else its name (the run of definite words, "للمديرية" read "المديرية", up to
    a place after "بـ", a preposition or punctuation; two to six words), proposed."""
    match = _AR_MEDIA_OFFICE.match(rest)
    if not match:
        return None
    start = offset + match.end()
    known = _actor_named_at(start, items)
    if known is not None:
        return known
    words = []
    for word in re.finditer(r"\S+", rest[match.end():]):
        text = folded(word.group(0)).replace(TATWEEL, "")
        if not (re.match(r"(?:ال|لل)\w", text) or not words and re.match(r"ل\w{3,}", text)) or len(words) == 6:
            break
        words.append(word)
        if re.search(r"[،,.:]$", word.group(0)):
            break
    if len(words) < 2:
        return None
    name = rest[match.end() + words[0].start():match.end() + words[-1].end()].rstrip("،,.:")
    name = re.sub(r"^لل", "ال", name) if name.startswith("لل") else name[1:]  # "للمديرية" → "المديرية", "لوزارة" → "وزارة"
    return _Item(start, start + len(name), _proposed(state, name, ""), "proposed")


def construct_body(head: int, item: _Item, sentence: str, end: int, state: DocumentState) -> _Item | None:
    """Sixteenth session: "مفوضية الأمم المتحدة لحقوق الإنسان", "مكتب الأمم المتحدة في ميانمار": a body's head noun
    (indefinite, at ``head``) in the construct state with an actor named right after it (its owner), and the genitive
    complements after the owner (definite words, or words with a glued "ل": "لحقوق الإنسان", before ``end``), is one body:
    the actor the registry holds under that name in another order (``linking.arabic_construct_link``), else — with
    complements — the whole name proposed, else (an office of the owner, "مكتب الأمم المتحدة") the owner. None for an
    owner that is a country (its institutions are read elsewhere) or not named right after the head."""
    from ..linking import arabic_construct_link

    if item.ref is None or item.how not in ("name", "descriptor") or item.ref.kind == ActorKind.COUNTRY \
            or not re.fullmatch(r"\s", sentence[head:item.start][-1:]) or re.search(r"\s\S", sentence[head:item.start].strip()):
        return None
    stops = {folded(w) for w in _AR_STOP} | {folded(t) for t in C.PERSON_TITLES["ar"]} | _AR_AFFILIATED
    last = item.end
    complements = 0
    for word in re.finditer(r"\S+", sentence[item.end:end]):
        text = folded(word.group(0)).replace(TATWEEL, "")
        bare = text.rstrip("،,.:")
        # (the article as written, with a bare alif: "إليزابيث" folded begins with "ال" too, and is a name)
        if complements == 4 or bare in stops or re.search(r"\d", bare) \
                or not re.match(r"(?:ال|لل|ل)\w{2,}", re.sub(r"[\u064b-\u065f\u0670\u0640]", "", word.group(0))) \
                or bare in _AR_TITLE_WORDS:
            break
        last = item.end + word.start() + len(word.group(0).rstrip("،,.:"))
        complements += 1
        if bare != text:
            break
    name = sentence[head:last]
    linked = arabic_construct_link(name, state.index)
    if linked is not None:
        return _Item(head, last, linked, "descriptor")
    if complements:
        return _Item(head, last, _proposed(state, name, ""), "proposed")
    return _Item(head, item.end, item.ref, item.how)


_AR_TITLE_WORDS = {folded(w) for w in ("المتحدث", "المتحدثة", "الناطق", "الناطقة", "المسؤول", "المسؤولة", "الرسمي",
                                       "الرسمية")}


# Sixteenth session: a day between commas right after a verb ("أفاد، الثلاثاء، …", "، اليوم الاثنين، ", "، أمس، ").
_AR_DAY_ASIDE = re.compile(r"\s*[،,]\s*(?:(?:اليوم|يوم|مساء|صباح|ليل)\s+)?(?:الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|"
                           r"الخميس|الجمعة|السبت|الأحد|الاحد|أمس|امس|اليوم)(?:\s+(?:الماضي|الفائت))?\s*[،,]\s*(?=\S)")


def _ar_agent(cue: Cue, sentence: str, items: list[_Item], state: DocumentState) -> _Item | None:
    """Arabic (verb first): after the cue, past titles and the organisation a title belongs to, the name or
    actor up to "أن"/"إن", a comma or a colon; nothing there means the subject was left out."""
    if folded(cue.phrase) in _AR_PARTICIPLES:
        return participle_subject(cue, sentence, items, state)
    if _object_first(cue, sentence):
        return None  # thirteenth session: "وأفاد بوفاة طفلين", "وأشار إلى وفاة متطوعة": the speaker goes on
    rest = sentence[cue.end:]
    aside = _AR_DAY_ASIDE.match(rest)
    if aside:
        # sixteenth session: "على ما أفاد، الثلاثاء، مصدران أمنيان": a day between commas after the verb is an aside;
        # the subject follows it
        return _ar_agent(replace(cue, end=cue.end + aside.end()), sentence, items, state)
    office = media_office(rest, cue.end, items, state)
    if office is not None:
        return office  # fifteenth session: "وقال المركز الإعلامى للمديرية العامة للدفاع المدنى"
    dual = dual_subject(rest, cue.end, items, state)
    if dual is not None:
        return dual  # fifteenth session: "قدرت وكالتا الاستخبارات البريطانية والأمريكية": the first of the two
    reporter = correspondent(rest, cue.end, items, state)
    if reporter is not None:
        return reporter  # round 10: "أفاد مراسل RT", "ونقل مراسلنا": the correspondent's medium
    unnamed_spokesman = spokesman_of_body(rest, cue.end, items, state)
    if unnamed_spokesman is not None:
        return unnamed_spokesman  # round 10: 'قال متحدث باسم مستشفى "ليدي ريدينغ"': the body he speaks for
    issued = re.match(r"\s*(?:بيان|تقرير|بلاغ)\s+(?:صادر|الصادر)\s+(?:عن|من)\s*([^،,:«\"]+?)\s*(?:[،,:]|(?<!\w)(?:أن|إن)(?!\w)|$)", rest)
    if issued:
        # "وأوضح بيان صادر عن مكتب الطبيب الشرعي أن": the statement's issuer speaks
        start = cue.end + issued.start(1)
        known = [i for i in items if start <= i.start < cue.end + issued.end(1) and i.ref is not None]
        return known[0] if known else _Item(start, cue.end + issued.end(1), _proposed(state, issued.group(1), ""), "proposed")
    governmental = re.match(r"\s*(?:بيان|تقرير|حصيلة|إحصائية|احصائية|مصدر)\s+(?:حكومي|حكومية)(?!\w)", rest)
    if governmental:
        # "وذكر بيان حكومي أن": a governmental statement is the government's — the one of the country the text is
        # about (the one it named last).
        government = next((ref for ref in reversed(state.mentioned) if ref.kind == ActorKind.GOVERNMENT), None)
        if government is None:
            found = {ref.key: ref for ref in state.index.actors.values()
                     if ref.kind == ActorKind.GOVERNMENT and ref.country in state.countries}
            government = next(iter(found.values())) if len(found) == 1 else None
        if government is not None:
            return _Item(cue.end, cue.end + governmental.end(), government, "descriptor")
    apposed = _AR_SPOKESMAN_APPOSED.match(rest)
    if apposed and 2 <= len(apposed.group(1).split()) <= 4 and not any(
            folded(w) in {folded(t) for t in C.PERSON_TITLES["ar"]} | {folded(w) for w in _AR_STOP}
            for w in apposed.group(1).split()):
        # Round 8: "وقال المتحدث العسكري باسم الجيش، العقيد تامر الرفاعي،": the spokesman for a body, named in
        # apposition after it (past his rank), is the speaker — not the body, nor "the spokesman" referring back.
        start, end = cue.end + apposed.start(1), cue.end + apposed.end(1)
        known = [i for i in items if start <= i.start < end and i.ref is not None
                 and i.ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR)]
        return known[0] if known else _Item(start, end, _proposed(state, apposed.group(1), "المتحدث"), "proposed")
    apposed_name = apposed_to_title(rest, cue.end, items, state)
    if apposed_name is not None:
        return apposed_name
    named = named_later(sentence, cue.end, state)
    if named is not None:
        return named
    local = _AR_LOCAL_OFFICE.match(rest)
    if local and _AR_SUBJECT_ENDS.match(rest[local.end():]):
        # Round 8: "حسبما قال حكّام تلك المحافظات", "نقلا عن حاكم ولاية زابل": the holder of a local office who is not
        # named is an unnamed official (a governor with his name is that person).
        return _Item(cue.end + local.start(1), cue.end + local.end(), unnamed_officials(state), "group")
    relative = _AR_RELATIVE_AFTER_SUBJECT.match(rest)
    if relative:
        # Round 8: "وأضاف البيان الذي تلقت فرانس برس نسخة منه أن": the subject is the noun the relative clause
        # follows; what the clause names (the medium that received the statement) does not speak.
        subject = [i for i in items if i.start == cue.end + relative.start(1) and i.end == cue.end + relative.end(1)]
        if subject:
            return subject[0]
    portfolio = _AR_PORTFOLIO_ELLIPSIS.match(rest)
    if portfolio:
        # Round 8: "حسبما أفادت الداخلية المغربية": a portfolio with the nationality adjective is that country's
        # ministry ("الداخلية" for "وزارة الداخلية"), as the registry names it.
        country = _country_of_adjective(portfolio.group(2), state.index)
        described = _same_name_of(f"وزارة {portfolio.group(1)}", country, state) if country else None
        if described is not None:
            return _Item(cue.end + portfolio.start(1), cue.end + portfolio.end(2), described, "descriptor")
    published = _AR_PUBLISHED_DATA.match(rest)
    if published:
        # Round 8: "كشفت أحدث المعطيات المنشورة على الموقع الإلكتروني الرسمي للجيش": data published on a body's site
        # or by it are that body's — the owner named last in the subject, an actor or a description ("الجيش").
        window = (cue.end + published.start(1), cue.end + published.end(1))
        owners = [i for i in items if window[0] <= i.start < window[1] and (i.ref is not None or i.how == "anaphor")]
        if owners:
            return owners[-1]
        last = re.search(r"(\S+)$", published.group(1))
        described = re.sub(r"^(?:لل|بال|وال)", "ال", last.group(1))
        if any(folded(described) == folded(w) for words, wanted in C.ANAPHORS["ar"] if wanted == "organisation"
               for w in words):
            # "للجيش": the description with its preposition refers back like the bare one ("الجيش")
            return _Item(cue.end + published.start(1) + last.start(1), cue.end + published.end(1), None, "anaphor",
                         "organisation")
    medium = named_medium(rest, cue.end, items, state) or agency_for_news(rest, cue.end, items, state)
    if medium is not None:
        return medium  # round 7: 'وذكر موقع "إيران انترناشيونال"': a medium's noun, then its name in quotation marks
    generic = re.match(r"\s*(\S+)\s*[\"“«]", rest)
    if generic and folded(generic.group(1)) in _AR_GENERIC:
        # 'أعلنت منظمة "الخوذ البيضاء"': the organisation's generic noun, then its name in quotation marks
        quoted = [i for i in items if i.start == cue.end + generic.end() and i.ref is not None]
        if quoted:
            return quoted[0]
    lead = re.match(r"[\s«“\"]*", rest).end()  # "أعلن "الحوثيون"": a quoted subject
    opened = re.match(r"\s*[«“\"]([^»”\"]*)[»”\"]?", rest)
    # (sixteenth session: a quotation of more than four words, or with a figure, is what was said even with a comma after
    # it — 'وأضاف “قتل نحو 50 شخصًا، بينهم …”، وأصيب' — a quoted name has neither)
    if opened and len(opened.group(1).split()) >= 3 \
            and (not re.match(r"\s*(?:[،,:]|(?:إن|أن|بأن)(?!\w))", rest[opened.end():])
                 or len(opened.group(1).split()) > 4 or re.search(r"\d", opened.group(1))):
        return None  # "وتابع «جرى إنقاذ 116 شخصاً …»": what was said, not who said it (the subject was left out)
    # (fifteenth session: "بأنه", "بأنها" too — "تُفيد وزارة الصحة بأنه منذ …")
    stop = re.search(r"[،,:«»\"”]|(?<!\w)(?:أن|إن|بأن|أنه|إنه|بأنه|بأنها|بأنهم|بانه|بانها|انه|انها|أنها|إنها|أنهم|إنهم)(?!\w)", rest[lead:])
    window_end = cue.end + (lead + stop.start() if stop else min(len(rest), 80))
    inside = [i for i in items if cue.end <= i.start < window_end]
    quoted = sentence[cue.end + lead:window_end].strip()
    if re.search(r"[«“\"]\s*$", rest[:lead]) and stop and stop.group(0) in "»”\"" and 1 <= len(quoted.split()) <= 4 \
            and not inside and not re.search(r"\d", quoted):
        # 'وقال «بسام أبو علي»، …': a quoted name is a name, all of it ("علي" is no preposition here)
        start = sentence.index(quoted, cue.end + lead)
        return _Item(start, start + len(quoted), _proposed(state, quoted, ""), "proposed")
    people = [i for i in inside if i.ref is not None and i.ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR)]
    if people:
        return people[-1]
    titles = {folded(t) for t in C.PERSON_TITLES["ar"]}
    stops = {folded(w) for w in _AR_STOP}
    name_words: list[re.Match] = []
    seen_title = seen_item = in_portfolio = on_behalf = after_adverbial = False
    body, skip_to = None, 0  # sixteenth session: the body a title speaks for, named in the construct state
    # fifteenth session: another name in brackets inside the subject ("رئيس جهاز الاستخبارات الخارجية البريطاني (إم آي 6)
    # ريتشارد مور") is no word of it: the words after it go on as if it were not there
    scan = re.sub(r"\((?=[^()]*[^\W\d_])[^()،,]{1,30}\)", lambda m: " " * len(m.group(0)), sentence[cue.end:window_end])
    for match in re.finditer(r"\S+", scan):
        absolute = cue.end + match.start()
        word = folded(match.group(0)).replace(TATWEEL, "")
        if not name_words and word in _AR_OFFICIAL_ADJECTIVES and (seen_title or seen_item):
            continue  # fifteenth session: "المتحدث الرسمي باسم …": "official" after the title is no name
        if absolute < skip_to:
            continue
        holder = next((i for i in inside if i.start <= absolute < i.end), None)
        if holder is not None and len(name_words) == 1 and holder.start == absolute \
                and not _definite(name_words[0].group(0)) and (on_behalf or not seen_title):
            construct = construct_body(cue.end + name_words[0].start(), holder, sentence, window_end, state)
            if construct is not None and not seen_title:
                return construct  # "وقالت مفوضية الأمم المتحدة لحقوق الإنسان": the body, not its head noun alone
            if construct is not None:
                # "المتحدثة باسم مفوضية الأمم المتحدة السامية لحقوق الإنسان إليزابيث ثروسيل": the body he speaks for;
                # the name after it is the speaker's
                body, skip_to, name_words, seen_item, on_behalf = construct, construct.end, [], True, False
                continue
        if holder is not None:
            if not name_words and not seen_title \
                    and _names_an_organisation(match, sentence, absolute, window_end, inside):
                # Round 8: "أعلنت المنظمة الدولية للهجرة": a noun that alone refers back ("المنظمة"), followed by two
                # definite words or more, is an organisation's full name, not the one named before.
                name_words.append(match)
                continue
            if name_words:
                break
            seen_item = True
            continue
        if word in titles or word.startswith("باسم") or word in _AR_RANK_WORDS and seen_title:
            portfolio = in_portfolio or (seen_title and 1 <= len(name_words) <= 2
                                         and folded(name_words[0].group(0)).startswith("ال"))
            if name_words and not portfolio and word not in _AR_RANK_WORDS:
                break
            name_words = []  # "وزير الصحة الدكتور حسن الغباش": a portfolio between two titles
            seen_title, in_portfolio = True, False
            # Round 6: a title in the construct state ("وزير", "رئيس", "المتحدث باسم") takes the portfolio or
            # organisation it heads; a definite title ("الرئيس", "الدكتور") takes the name itself.
            on_behalf = word.startswith("باسم") or not _definite(match.group(0))
            continue
        following = re.match(r"[\s\"“«]*", sentence[absolute + len(match.group(0)):])  # 'منظمة "الخوذ البيضاء"' 
        next_start = absolute + len(match.group(0)) + following.end()
        if not name_words and word in _AR_GENERIC and any(i.start == next_start for i in inside):
            continue  # "أعلنت جماعة أنصار الله": the group's generic noun before its name
        opens_figure = any(q.start == 0 for q in read_quantity(sentence[absolute:absolute + 40], language="ar"))
        if not name_words and (read_quantity(match.group(0), language="ar") or opens_figure or re.match(r"ب(?:ال|ا|إ)", word)
                               and len(word) > 5):
            break  # "كما أفادت بإرسال أربعة مصابين": the verb's object comes first, its subject was left out
        if name_words and word in _AR_AFFILIATED:
            # "وزارة الصحة التابعة للحوثيين": the ministry of the actor named next (its country), whatever other
            # countries the text mentions.
            owner = next((i for i in inside if i.start > absolute and i.ref is not None and i.ref.country), None)
            if owner is not None:
                described = state.index.resolve_description(
                    " ".join(m.group(0) for m in name_words), {owner.ref.country}, state.text, state.mentioned)
                if described is not None:
                    start, end = cue.end + name_words[0].start(), cue.end + name_words[-1].end()
                    return _Item(start, end, described, "descriptor")
        after = re.match(r"\s*(\S+)", sentence[absolute + len(match.group(0)):window_end])
        if on_behalf and name_words and word in _PORTFOLIO_LINKS and after and not re.search(r"\d", after.group(1)) \
                and folded(after.group(1)) not in stops \
                and not any(folded(w) in titles for w in sentence[absolute:window_end].split()[1:6]):
            # "وزير الصحة بالحكومة الليبية المكلفة من مجلس النواب عثمان عبدالجليل": the portfolio goes on through its
            # prepositional complement; the word after the preposition belongs to it.
            name_words.append(match)
            continue
        if word in stops or re.search(r"\d", word) or word in _AR_ADVERBIAL_OPENERS:
            if not name_words and not seen_item and not seen_title and word in _AR_ADVERBIAL_OPENERS:
                after_adverbial = True
            later = [folded(w) for w in sentence[absolute:window_end].split()[1:6]]
            if seen_title and word == folded("في") and any(w in titles for w in later):
                name_words = []  # "وزير الصحة في حكومة تصريف الاعمال الدكتور فراس الابيض": the title goes on
                in_portfolio = True
                continue
            if name_words or seen_item:
                break
            continue
        if after_adverbial and not name_words and not seen_title \
                and {word, word[1:] if word.startswith("و") else word} & (_AR_BODY_HEADS | {folded(n) for n in _AR_INSTITUTION_NOUNS}):
            after_adverbial = False  # "أعلنت في وقت سابق وزارة الصحة …": a body's noun ends the phrase, its name begins
        if after_adverbial and not name_words and not seen_title:
            # fifteenth session: "فقد اعترفت في مطلع مارس الجاري فقط بخسارة …", "لم يعلن بشكل نهائي": the words of a
            # phrase of time or manner between the verb and its subject are no name; the subject after it is an actor
            # or a title
            continue
        if on_behalf and name_words and _definite(name_words[-1].group(0)) and not _definite(match.group(0)) \
                and folded(name_words[-1].group(0)) not in _PORTFOLIO_LINKS \
                and len([w for w in sentence[absolute:window_end].split() if folded(w) not in stops]) >= 2:
            # Round 6: "المتحدث باسم مركز طب الطوارئ والدعم مالك مرسيط": the organisation a spokesman speaks for is
            # a construct chain of definite genitives; the first indefinite word after them begins his name.
            name_words, on_behalf = [], False
        elif name_words and not on_behalf and seen_title and re.match(r"ب(?:ال|ا|إ)\w{3,}", word):
            break  # "مالك مرسيط بارتفاع حصيلة …": a prepositional phrase after the name ends the subject
        name_words.append(match)
        if len(name_words) == 3 and not in_portfolio and not on_behalf:
            break
    if seen_title and (not name_words or folded(name_words[0].group(0)).startswith("ال") or on_behalf) \
            and re.match(r"\s*[،,]", sentence[window_end:window_end + 2]):
        # "قال وزير الصحة الليبي في الحكومة المكلفة …، عثمان عبد الجليل، …": the name in apposition after the title.
        apposed = re.match(r"\s*[،,]\s*((?:(?:%s)\s+)*)([^،,:«\"“”]+?)\s*[،,]" % _AR_RANKS, sentence[window_end:])
        words = apposed.group(2).split() if apposed else []
        if 2 <= len(words) <= 4 and not any(folded(w) in stops | titles or re.search(r"\d", w) for w in words):
            # Round 8: "وقال المتحدث العسكري باسم الجيش، العقيد تامر الرفاعي،": a rank before the apposed name is
            # no part of it.
            start = window_end + apposed.start(2)
            return _Item(start, window_end + apposed.end(2), _proposed(state, apposed.group(2), "المتحدث"), "proposed")
    if len(name_words) >= 2 and all(re.search(r"(?:ية|يه)$", folded(m.group(0)).replace(TATWEEL, "")) and
                                    not folded(m.group(0)).startswith("ال") for m in name_words):
        # "كشفت حصيلة حكومية رسمية": indefinite adjectives agreeing with a noun describe it; a name is definite.
        name_words = []
    if seen_title and name_words and not known_inside(name_words, cue.end, inside) \
            and all(re.match(r"(?:و)?(?:ال|لل|بال|ل)\w", folded(m.group(0))) for m in name_words):
        # Round 8: "صرحت وزير الدولة لشؤون الإعلام الناطق الرسمي باسم الحكومة عن ارتفاع …": titles and the portfolio
        # they hold, definite words all, and no name — the holder of an office only described is an unnamed official.
        return _Item(cue.end + name_words[0].start(), cue.end + name_words[-1].end(), unnamed_officials(state), "group")
    if name_words and (seen_title or not seen_item):
        start = cue.end + name_words[0].start()
        end = cue.end + name_words[-1].end()
        name = sentence[start:end]
        known = folded(name) in state.proposals or any(k.endswith(" " + folded(name)) for k in state.proposals)
        # One word with the article ("الوزارة", even misspelt) describes; it does not name.
        if len(name_words) == 1 and folded(name).startswith("ال") and not known:
            return _Item(start, end, None, "anaphor", "organisation")
        shortened = short_name_of(name, state) if len(name_words) >= 2 and not seen_title else None
        if shortened is not None:
            return _Item(start, end, shortened, "descriptor")
        national = national_name_of(name, state) if len(name_words) >= 2 and not seen_title else None
        if national is not None:
            return _Item(start, end, national, "descriptor")
        return _Item(start, end, _proposed(state, name, "المتحدث" if seen_title else ""), "proposed")
    if body is not None:
        return body  # "قال المتحدث باسم مفوضية الأمم المتحدة لحقوق الإنسان إن": no name after the body
    # "كشفت حصيلة … في العراق": a country after a preposition is a place, not the verb's subject.
    organisations = [i for i in inside if i.how != "anaphor" and not (
        i.ref is not None and i.ref.kind == ActorKind.COUNTRY
        and re.search(r"(?<!\w)(?:في|فى|من|إلى|الى|على|عن)\s+$", sentence[max(0, i.start - 8):i.start]))
        # round 12: "وقالت المصادر … لوكالة الأنباء الألمانية": the medium told (the dative "ل") is no subject
        and not re.search(r"(?<!\w)لـ?\s?$", sentence[max(0, i.start - 3):i.start])]
    if organisations:
        first = organisations[0]
        if first.ref is not None and first.ref.proposed and len(sentence[first.start:first.end].split()) >= 2:
            national = national_name_of(sentence[first.start:first.end], state)  # "قال الدفاع المدني" about Syria
            if national is not None:
                return _Item(first.start, first.end, national, "descriptor")
        return first
    anaphors = [i for i in inside if i.how == "anaphor"]
    return anaphors[0] if anaphors else None

# Fifteenth session: a dual head noun in the construct state ("وكالتا", "وزارتا", "حكومتا", "منظمتا"), its genitive, and
# two nationality adjectives coordinated ("وكالتا الاستخبارات البريطانية والأمريكية"): two bodies, each "<noun> <genitive>
# <adjective>".
_AR_DUAL_SUBJECT = re.compile(r"\s*(?P<head>\w{2,})تا\s+(?P<genitive>(?:ال|لل)\w+)\s+(?P<first>ال\w+(?:ية|ي))\s*[،,]?\s*"
                              r"و\s?(?P<second>ال\w+(?:ية|ي))(?!\w)")


def dual_subject(rest: str, offset: int, items: list[_Item], state: DocumentState) -> _Item | None:
    """Fifteenth session: "قدرت وكالتا الاستخبارات البريطانية والأمريكية": a dual subject, two bodies of two countries that
    share a noun and a genitive, is annotated with the first (as a coordination is): the actor named by the genitive and
    the first adjective ("الاستخبارات البريطانية"), else the singular ("وكالة الاستخبارات البريطانية") as a description
    of that country's body, else proposed by that singular name."""
    match = _AR_DUAL_SUBJECT.match(rest)
    if not match:
        return None
    start, end = offset + match.start("head"), offset + match.end("first")
    known = [i for i in items if offset + match.start("genitive") <= i.start < end and i.ref is not None
             and i.ref.kind != ActorKind.COUNTRY]
    if known:
        return _Item(start, end, known[0].ref, known[0].how)
    singular = f"{match.group('head')}ة {match.group('genitive')} {match.group('first')}"
    country = _country_of_adjective(match.group("first"), state.index)
    described = state.index.resolve_description(singular, {country} if country else state.countries, state.text,
                                                state.mentioned)
    if described is not None:
        return _Item(start, end, described, "descriptor")
    return _Item(start, end, _proposed(state, singular, ""), "proposed")


# Arabic: a plural head noun shared by coordinated genitives, "وزارات الدفاع والداخلية والصحة" (the ministries of
# defence, interior and health): each is "وزارة <portfolio>", the ministry of the country the text is about.
_AR_PLURAL_MINISTRIES = re.compile(r"(?<!\w)[وبل]?(?:ال)?وزارات\s+(ال\w+)((?:\s+و\s?ال\w+)+)")


def _ar_ministries(sentence: str, state: DocumentState) -> list[tuple[int, int, list[ActorRef]]]:
    found = []
    for match in _AR_PLURAL_MINISTRIES.finditer(sentence):
        portfolios = [match.group(1)] + re.findall(r"و\s?(ال\w+)", match.group(2))
        refs = [state.index.resolve_description(f"وزارة {portfolio}", state.countries, state.text, state.mentioned)
                for portfolio in portfolios]
        refs = [ref for ref in refs if ref is not None]
        if refs:
            found.append((match.start(), match.end(), refs))
    return found


_PORTFOLIO_LINKS = {folded(w) for w in ("من", "في")}  # "المكلفة من مجلس النواب", "وزير الصحة في حكومة …"


def _definite(word: str) -> bool:
    """An Arabic word with the article (after "و", "ب" or "ل" too): "الطوارئ", "والدعم", "بالحكومة", "للدفاع"."""
    return bool(re.match(r"(?:و|ف)?(?:ال|لل|بال)", folded(word)))


# Round 7: the nouns of a medium ("موقع", "قناة", …) before its name in quotation marks.
_AR_MEDIUM_NOUNS = r"(?:موقع|قناة|وكالة|صحيفة|جريدة|شبكة|مجلة|تلفزيون|إذاعة|اذاعة|راديو)"


def named_medium(rest: str, offset: int, items: list[_Item], state: DocumentState) -> _Item | None:
    """'موقع "إيران انترناشيونال"', 'قناة "روسيا اليوم" الإخبارية' at the start of ``rest`` (which begins at ``offset``
    of the sentence): the medium named in quotation marks, an actor if one is, else proposed as a news outlet."""
    match = re.match(rf"\s*{_AR_MEDIUM_NOUNS}\s*[\"“«]([^\"”»]{{2,40}})[\"”»]", rest)
    if not match:
        return unquoted_medium(rest, offset, items, state)
    if len(match.group(1).split()) > 4 or not re.search(r"[^\W\d_]", match.group(1)):
        return None  # (fifteenth session: a name with a number in it, 'جريدة "رصيف 24"', is a name)
    start, end = offset + match.start(1), offset + match.end(1)
    known = [i for i in items if start <= i.start < end and i.ref is not None and i.ref.is_media]
    if known:
        return known[0]
    return _Item(start, end, _proposed_medium(state, _proposed(state, match.group(1).strip(), "")), "proposed")


# Round 12: a news agency by its pattern, "وكالة <name> [<nationality>] للأنباء" ("وكالة سبوتنيك الروسية للأنباء") or
# "وكالة أنباء <name>" ("وكالة أنباء الإمارات"), its name in one to three words.
_AR_AGENCY_FOR_NEWS = re.compile(
    r"\s*(?:ل|لـ)?وكالة\s+(?:(?P<name>(?!أنباء|الأنباء|انباء)[^\s،,.:«»\"“”\d]+(?:\s+(?!ال\w+ي(?:ة)?\s)(?!للأنباء|للانباء)"
    r"[^\s،,.:«»\"“”\d]+){0,2}?)(?:\s+ال\w+(?:ي|ية))?\s+(?:للأنباء|للانباء)(?!\w)"
    r"|(?:أنباء|انباء)\s+(?P<name2>[^\s،,.:«»\"“”\d]+(?:\s+[^\s،,.:«»\"“”\d]+)?)(?=\s*(?:[،,.:]|$|\s(?:عن|أن|إن|في|فى|من)(?!\w))))")


# Fifteenth session: "بحسب ما أوردته جريدة …", "وفق ما ذكرته قناة …": the verb after "ما" with its object pronoun, then
# the medium.
_AR_AS_CARRIED_BY = re.compile(r"\s*(?:أوردته|أوردتها|اوردته|ذكرته|ذكرتها|نشرته|نشرتها|نقلته|نقلتها|بثته|بثتها|أفادت\s+به)"
                               r"(?=\s)")


def medium_after_verb(rest: str, offset: int, items: list[_Item], state: DocumentState) -> _Item | None:
    """Fifteenth session: 'وبحسب ما أوردته جريدة "رصيف 24" الإلكترونية': the medium that carried it, after the verb of
    "ما" — named in quotation marks or not, an actor or proposed as a news outlet."""
    verb = _AR_AS_CARRIED_BY.match(rest)
    if not verb:
        return None
    return named_medium(rest[verb.end():], offset + verb.end(), items, state)


def bracketed_medium(between: str, offset: int, state: DocumentState) -> _Item | None:
    """Sixteenth session: 'ونقل موقع (24) عن …': a medium's noun and its name in brackets (a number may be a name:
    the site "24") before "عن" — the medium citing, proposed as a news outlet under that name."""
    match = re.fullmatch(rf"\s*{_AR_MEDIUM_NOUNS}\s*\(([^()،,]{{1,30}})\)\s*", between)
    if match is None or len(match.group(1).split()) > 4:
        return None
    name = match.group(1).strip()
    start = offset + match.start(1) + (len(match.group(1)) - len(match.group(1).lstrip()))
    return _Item(start, start + len(name), _proposed_medium(state, _proposed(state, name, "")), "proposed")


# Sixteenth session: the verbal noun "قول" (the saying of) right after the source a medium cites, then the one who said
# it ("عن “فرانس برس” قول الكولونيل ناو برو:").
_AR_SAYING_OF = re.compile(r"[\s”“\"»«]*قول\s+(?:(?:%s)\s+)*(?=\S)" % _AR_RANKS)  # (his rank is no part of his name)


def saying_of(cue: Cue, cited: _Item, sentence: str, items: list[_Item], state: DocumentState):
    """Sixteenth session: the person whose saying (``قول``) the medium ``cited`` is cited for, read as a subject after
    "قول" (his title, his name) — an ``Agent`` — or None when no "قول" follows the medium or no one is named there."""
    from .state import Agent

    match = _AR_SAYING_OF.match(sentence, cited.end)
    if match is None:
        return None
    person = _ar_agent(replace(cue, end=match.end()), sentence, [i for i in items if i.start >= match.end()], state)
    if person is None or person.ref is None or person.ref.is_media:
        return None
    return Agent(person.ref, person.start, person.end, person.how)


def quoted_name(rest: str, offset: int, item: _Item | None, state: DocumentState) -> _Item | None:
    """Sixteenth session: 'بحسب "روسيا اليوم"': a name in quotation marks right after the phrase, two to four words, of
    which a country's name is only a part, names no country (a medium, a group): it is proposed as written. None when
    the quotation holds the country alone, or another actor."""
    quoted = re.match(r"\s*[\"“«]([^\"”»\d،,.:]{2,40})[\"”»]", rest)
    if item is None or item.ref is None or item.ref.kind != ActorKind.COUNTRY or quoted is None \
            or not 2 <= len(quoted.group(1).split()) <= 4:
        return None
    start, end = offset + quoted.start(1), offset + quoted.end(1)
    if not (start <= item.start and item.end <= end) or (item.start, item.end) == (start, end):
        return None
    ref = _proposed(state, quoted.group(1).strip(), "")
    return _Item(start, end, ref, "proposed") if ref is not None else None


def agency_for_news(rest: str, offset: int, items: list[_Item], state: DocumentState) -> _Item | None:
    """Round 12: "بحسب وكالة سبوتنيك الروسية للأنباء", "نقلت وكالة أنباء الإمارات": a news agency named by the pattern of
    an agency's name — an actor named there if one is, else its name proposed as a news outlet."""
    match = _AR_AGENCY_FOR_NEWS.match(rest)
    if not match:
        return None
    start, end = offset + match.start(), offset + match.end()
    known = [i for i in items if start <= i.start < end and i.ref is not None and i.ref.is_media]
    if known:
        return known[0]
    group = "name" if match.group("name") else "name2"
    name = match.group(group)
    return _Item(offset + match.start(group), offset + match.end(group),
                 _proposed_medium(state, _proposed(state, name, "")), "proposed")


def unquoted_medium(rest: str, offset: int, items: list[_Item], state: DocumentState) -> _Item | None:
    """Round 12: "بحسب ما أفادت شبكة سكاي نيوز عربية اليوم السبت": a medium's noun, then its name without quotation marks,
    up to the end of the subject (a day, a preposition, "أن", punctuation) — one to four words, proposed as a news outlet
    unless an actor is named there; an adjective alone ("قناة محلية") names no medium."""
    noun = re.match(rf"\s*{_AR_MEDIUM_NOUNS}\s+", rest)
    if not noun:
        return None
    words = []
    for word in re.finditer(r"\S+", rest[noun.end():]):
        if _AR_MEDIUM_NAME_ENDS.match(rest[noun.end() + word.start():]) or len(words) == 4:
            break
        words.append(word)
    if not words or len(words) == 4 or any(re.search(r"[\d،,.:«»\"“”]", w.group(0)) for w in words) \
            or folded(words[0].group(0)) in ("الانباء", "انباء"):
        return None  # "وكالة الأنباء السورية الرسمية (سانا)": a description of the agency, which the rules before read
    start, end = offset + noun.end() + words[0].start(), offset + noun.end() + words[-1].end()
    known = [i for i in items if i.ref is not None and i.start < end and i.end > offset + noun.start()]
    if known:
        return known[0] if known[0].ref.is_media else None
    name = rest[noun.end() + words[0].start():noun.end() + words[-1].end()]
    if len(words) == 1 and re.search(r"(?:ية|ي|يه)$", folded(name)) or folded(words[0].group(0)).startswith("ال") \
            and len(words) == 1:
        return None  # "قناة محلية", "صحيفة الوطن" alone is left to the rules before
    return _Item(start, end, _proposed_medium(state, _proposed(state, name, "")), "proposed")


# Fifteenth session: the medium a speaker talked to — "في حديث لـ”سكاي نيوز عربية”", "في مداخلة مع الأحرار", "في اتصال
# هاتفي مع وكالة فرانس برس", "في مقابلة مع قناة …" — or told, with the dative on a medium's noun ("لقناة تي آر تي").
_AR_TALKED_TO = re.compile(
    r"(?<!\w)(?:و?(?:في|فى|خلال)\s+(?:حديث|حوار|مقابلة|لقاء|مداخلة|اتصال(?:\s+هاتفي)?|تصريح|تصريحات)"
    r"(?:\s+(?:خاص|خاصة|صحفي|صحفية|هاتفي|هاتفية))?\s+(?:مع\s+|لـ?\s*|إلى\s+)"
    rf"|(?<!مراسل\s)(?<!مراسلة\s)(?<!\w)لـ?\s?(?={_AR_MEDIUM_NOUNS[3:-1]}|جريدة))")


# Those told who are no medium: "في حديث مع الصحفيين", "في تصريحات لوسائل الإعلام".
_AR_AUDIENCES = {folded(w) for w in ("الصحفيين", "الصحافيين", "الصحفيون", "الصحافة", "وسائل", "الإعلام", "المراسلين",
                                     "الحضور", "صحفيين", "صحافيين")}


def talked_to(sentence: str, items: list[_Item], state: DocumentState) -> list[ActorRef]:
    """Fifteenth session: the media a speaker of the sentence talked to or told (an interview, a call, a dative): each
    an actor named there if one is, else its name — in quotation marks, or one to three words up to the end of the name
    (a definite adjective after it, "العامّة", is no part of it) — proposed as a news outlet. They relay the speaker."""
    found = []
    speaking = None
    for match in _AR_TALKED_TO.finditer(sentence):
        if speaking is None:
            speaking = any(c.role == C.SPEECH for c in find_cues(sentence, "ar", []))
        if not speaking:
            break  # a medium told only in a sentence with a verb of saying
        rest = sentence[match.end():]
        lead = re.match(r"\s*(?:(?:ل|لـ)?\s*(?:%s|جريدة)\s*)?[”“\"«»]?\s*" % _AR_MEDIUM_NOUNS, rest).end()
        known = [i for i in items if i.ref is not None and match.end() <= i.start <= match.end() + lead + 1]
        if known:
            if known[0].ref.is_media:
                found.append(known[0].ref)
            continue
        quoted = re.match(r"\s*[”“\"«]([^”“\"«»\d]{2,40})[”“\"»]", rest[lead - 1:] if lead and rest[lead - 1] in "”“\"«" else "")
        if quoted and len(quoted.group(1).split()) <= 4:
            name = quoted.group(1).strip()
        else:
            words = []
            for word in re.finditer(r"\S+", rest[lead:]):
                if _AR_MEDIUM_NAME_ENDS.match(rest[lead + word.start():]) or len(words) == 3 \
                        or words and folded(word.group(0)).startswith("ال") or find_cues(word.group(0), "ar", []):
                    break
                bare = word.group(0).rstrip("،,.:")
                words.append(bare or word.group(0))
                if bare and bare != word.group(0):
                    break  # sixteenth session: "لوكالة أسوشييتد برس، أنه": the comma ends the name after its word
            if not words or any(re.search(r"[\d،,.:«»\"“”]", w) for w in words) \
                    or {folded(words[0]), folded(words[0])[1:]} & _AR_AUDIENCES:
                continue
            name = " ".join(words)
        if folded(name) in {folded(w) for w in _AR_STOP}:
            continue
        found.append(_proposed_medium(state, _proposed(state, name, "")))
    return found


# Round 7: an unnamed source after "عن" ("نقلت سانا عن مصدر في قيادة الشرطة", "نقلا عن مصادر طبية"): officials.
_AR_UNNAMED_SOURCE = re.compile(r"\s*(?:مصدر|مصادر|المصدر|المصادر|مسؤول|مسؤولين|مسؤولون|مسئول|مسئولين|مسئولون)(?!\w)")


def unnamed_source(text: str) -> bool:
    return bool(_AR_UNNAMED_SOURCE.match(text))


# Round 8: a conjunction of contrast or simultaneity opening a second clause right before its verb ("، بينما ذكرت",
# "فيما قالت", "في حين أكدت", "، وقالت").
_AR_CLAUSE_OPENER = re.compile(r"(?:[،,]\s*)?(?:بينما|فيما|في\s+حين|وفي\s+حين|و)\s*$")


def clause_speakers(sentence: str, cues: list[Cue], quote_speakers, claimant) -> list:
    """Round 8: "وقالت قناة "إن تي في" إن الحصيلة 41، بينما ذكرت صحيفة "نيو فيجن" أن العدد 42": a second clause opened by
    "بينما", "فيما", "في حين" (or "و" after a comma) before a reporting verb whose subject it names after the verb is
    that subject's, from the conjunction to the end of the sentence (or the next such clause). Spans like a
    quotation's, as English "…, while Y said …"."""
    speech = [c for c in cues if c.role == C.SPEECH and c.agent and c.agent.ref is not None]
    spans = []
    for index, cue in enumerate(speech[1:], start=1):
        agent = cue.agent
        if agent.ref == claimant or agent.how in ("anaphor", "dropped") or agent.start < cue.end:
            continue
        opener = _AR_CLAUSE_OPENER.search(sentence, speech[index - 1].end, cue.start)
        if opener is None or opener.group(0).strip() == "و":
            continue  # a bare "و" opens no clause of its own; after a comma it does
        if any(s <= opener.start() < e for s, e, _, _ in quote_speakers):
            continue
        spans.append([opener.start(), len(sentence), agent.ref, []])
    for first, second in zip(spans, spans[1:]):
        first[1] = second[0]
    return [tuple(span) for span in spans]


# Round 8: a participle of saying, then the record, count or estimate of another body ("مشيرا إلى تسجيل المنظمة الدولية
# للهجرة نزوح …", "لافتا إلى تقديرات الصليب الأحمر").
_AR_RECORD_OF = re.compile(
    r"(?<!\w)(?:و)?(?:مشيرا|مشيراً|مشيرة|لافتا|لافتاً|لافتة|موضحا|موضحاً|موضحة|مستندا|مستندة)\s+(?:إلى|الى)\s+"
    r"(?:تسجيل|تقديرات|تقدير|إحصاءات|احصاءات|إحصاء|احصاء|أرقام|بيانات|توثيق|رصد|تقرير|إحصائية|احصائية)\s+")


def recorded_by(sentence: str, items: list[_Item], quote_speakers, claimant, state: DocumentState) -> list:
    """Round 8: "وأوضح المكتب الأممي … أن … 400 ألف شخص … مشيرا إلى تسجيل المنظمة الدولية للهجرة نزوح نحو 332 ألف
    شخص": the figures after a record of another body that the speaker points to are that body's, relayed by the
    speaker — from the participle to the end of the sentence. The body is an actor named right after the record's noun,
    else the run of definite words there (two or more: "المنظمة الدولية للهجرة"), proposed. A span like a quotation's."""
    spans = []
    for match in _AR_RECORD_OF.finditer(sentence):
        if any(s <= match.start() < e for s, e, _, _ in quote_speakers):
            continue
        named = [i for i in items if i.start == match.end() and i.ref is not None and i.how != "anaphor"]
        if named:
            body = named[0].ref
        else:
            run = re.match(r"(?:(?:ال|لل|بال)\w+\s*)+", sentence[match.end():])
            words = run.group(0).split() if run else []
            if len(words) < 2:
                continue
            body = _proposed(state, " ".join(words), "")
        if body == claimant:
            continue
        spans.append((match.start(), len(sentence), body, [claimant] if claimant is not None else []))
    return spans


def known_inside(name_words: list[re.Match], offset: int, inside: list[_Item]) -> bool:
    """Whether an actor the text names stands among the words (a body the office belongs to, named)."""
    start, end = offset + name_words[0].start(), offset + name_words[-1].end()
    return any(start <= i.start < end and i.ref is not None for i in inside)


def _names_an_organisation(match: re.Match, sentence: str, absolute: int, window_end: int, inside: list[_Item]) -> bool:
    """Round 8: whether the description at ``absolute`` ("المنظمة") opens a name: an anaphor of an organisation followed,
    before the end of the subject, by at least two definite words that are no stop words ("الدولية للهجرة")."""
    item = next((i for i in inside if i.start == absolute), None)
    if item is None or item.how != "anaphor" or item.wanted != "organisation":
        return False
    stops = {folded(w) for w in _AR_STOP} | _AR_AFFILIATED
    following = []
    for word in sentence[absolute + len(match.group(0)):window_end].split():
        if folded(word) in stops or not re.match(r"(?:ال|لل)\w{2,}", folded(word)):
            break
        following.append(word)
    return len(following) >= 2


# Round 8: "قوله", "قولها", "قولهم" (his, her, their saying), the cited source's words announced before a quotation.
# (sixteenth session: "قول" with the one who said it after it, "قول الكولونيل ناو برو: “…”", too)
_AR_WORDS_OF = re.compile(r"(?<!\w)(?:قوله|قولها|قولهم|قولهما|قول(?=\s))(?!\w)[^“”«»\"]{0,60}$")


def words_of_the_cited(sentence: str, q_start: int, cues: list[Cue]) -> bool:
    """Round 8: "ونقل موقع أخبار الأمم المتحدة عن المنظمة قولها في بيان …: “…”": a quotation announced as the words of
    the source a citing cue ("نقل … عن", "نقلا عن") names is that source's, relayed by the one citing it — not the
    relay's, named last before it."""
    return bool(_AR_WORDS_OF.search(sentence[:q_start])) and any(
        c.role == C.CITING and c.end <= q_start for c in cues)


# Round 10: a correspondent ("مراسل", "مراسلة", "مراسلو") — the paper's own ("مراسلنا", "مراسلتنا") or a medium's ("مراسل
# RT", "مراسل لوكالة فرانس برس", 'مراسلة "تلفزيون قاسيون"', "مراسل قناة الغد"). A reporter speaks for the medium he files
# for: the medium is the agent of the reporting verb (a relay when he cites a source, "نقلا عن مصدر أمني"; the
# claimant when he reports what he saw); the paper's own correspondent is the text's author.
_AR_CORRESPONDENT = re.compile(r"\s*(?:ال)?(?:مراسل|مراسلة|مراسلو|مراسلي)(?P<own>نا|تنا|ينا)?(?!\w)")
# (sixteenth session: "برس", Press, in an agency's name — "أسوشييتد برس" — is no word opened by the preposition "بـ")
_AR_MEDIUM_NAME_ENDS = re.compile(r"\s*(?:[،,.:«»\"“”(]|$|(?:في|فى|من|عن|نقلا|نقلاً|أن|إن|بأن|أنه|إنه|ب(?!رس(?!\w))\S+|اليوم|أمس|"
                                  r"مساء|صباح|قوله|قولها|تأكيده|تأكيدها)(?!\w))")


def correspondent(rest: str, offset: int, items: list[_Item], state: DocumentState) -> _Item | None:
    """Round 10: the agent of a reporting verb whose subject is a correspondent (``rest`` begins at ``offset`` of the
    sentence): the medium he files for, an actor if one is, else proposed as a news outlet by its name (one to three
    words after "مراسل" and a medium's noun); "مراسلنا" (our correspondent) is the text's author."""
    match = _AR_CORRESPONDENT.match(rest)
    if not match:
        return None
    start, end = offset + match.start(), offset + match.end()
    if match.group("own"):
        return _Item(start, end, state.narrator, "descriptor")
    after = rest[match.end():]
    quoted = re.match(rf"\s*(?:ل|لـ)?\s*(?:{_AR_MEDIUM_NOUNS}\s*)?[\"“«]([^\"”»\d]{{2,40}})[\"”»]", after)
    if quoted and len(quoted.group(1).split()) <= 4:
        # 'مراسلة "تلفزيون قاسيون"': the medium's name in quotation marks, an actor if one is
        q_start, q_end = end + quoted.start(1), end + quoted.end(1)
        known = [i for i in items if q_start <= i.start < q_end and i.ref is not None and i.ref.is_media]
        return known[0] if known else _Item(q_start, q_end, _proposed_medium(
            state, _proposed(state, quoted.group(1).strip(), "")), "proposed")
    lead = re.match(r"\s*(?:ل|لـ)?", after).end()
    named = named_medium(after[lead:], end + lead, items, state)
    if named is not None:
        return named
    media = [i for i in items if i.ref is not None and i.ref.is_media and end <= i.start <= end + lead + 12
             and not sentence_gap(rest, i.start - offset, match.end())]
    if media:
        return media[0]
    noun = re.match(rf"\s*(?:ل|لـ)?\s*(?:{_AR_MEDIUM_NOUNS}\s+)?", after)
    words = []
    for word in re.finditer(r"\S+", after[noun.end():]):
        if _AR_MEDIUM_NAME_ENDS.match(after[noun.end() + word.start():]) or len(words) == 3:
            break
        words.append(word)
    if not words or any(re.search(r"\d", w.group(0)) for w in words):
        return None  # "قال مراسل إن": no medium named
    name_start, name_end = end + noun.end() + words[0].start(), end + noun.end() + words[-1].end()
    name = after[noun.end() + words[0].start():noun.end() + words[-1].end()]
    return _Item(name_start, name_end, _proposed_medium(state, _proposed(state, name.strip(" \"“”«»"), "")), "proposed")


def sentence_gap(rest: str, position: int, after: int) -> bool:
    """Whether punctuation stands in ``rest`` between ``after`` and ``position``."""
    return bool(re.search(r"[،,.:]", rest[after:max(after, position)]))


# Round 10: a spokesman not named — the indefinite "متحدث" (a spokesman), "ناطق", "متحدثة" — for a body ("باسم X"): the
# body speaks. The definite "المتحدث باسم الوزارة" is followed by his name when he has one, and is left to the title rules.
_AR_INDEFINITE_SPOKESMAN = re.compile(
    r"\s*(?:%s)(?:\s+(?!باسم)\S+)?\s+باسم\s+" % _ar_letters("متحدث|ناطق|متحدثة|ناطقة|مسؤول|مسؤولة|مسئول"))
_AR_INSTITUTION_NOUNS = ("مستشفى", "مستشفيات", "مشفى", "وزارة", "شرطة", "الشرطة", "جيش", "الجيش", "منظمة", "هيئة", "مكتب",
                         "مديرية", "بلدية", "جامعة", "حركة", "جماعة", "قوات", "حكومة", "الحكومة", "الصليب", "الهلال",
                         "لجنة", "مجلس", "مركز", "الدفاع", "جهاز", "شركة")


def spokesman_of_body(rest: str, offset: int, items: list[_Item], state: DocumentState) -> _Item | None:
    """Round 10: 'متحدث باسم مستشفى "ليدي ريدينغ"', "ناطق باسم الشرطة المحلية": the body an unnamed spokesman speaks for —
    an actor the text names there, else the body's generic noun and its name (in quotation marks, or the words up to
    the end of the subject), proposed."""
    match = _AR_INDEFINITE_SPOKESMAN.match(rest)
    if not match:
        return None
    start = offset + match.end()
    known = _actor_named_at(start, items)
    if known is not None:
        return known
    body = re.match(r"(\S+)\s*[\"“«]([^\"”»]{2,40})[\"”»]", rest[match.end():])
    if body and folded(body.group(1)).lstrip("و") in {folded(n) for n in _AR_INSTITUTION_NOUNS}:
        name = f"{body.group(1)} {body.group(2).strip()}"
        return _Item(start, start + body.end(), _proposed(state, name, ""), "proposed")
    words = []
    for word in re.finditer(r"\S+", rest[match.end():]):
        if _AR_SUBJECT_ENDS.match(rest[match.end() + word.start():]) or folded(word.group(0)) in {folded(w) for w in _AR_STOP} \
                or len(words) == 4 or re.search(r"[\d،,]", word.group(0)):
            if word.group(0).endswith(("،", ",")) and len(words) < 4:
                words.append(word)
            break
        words.append(word)
    if not words or folded(words[0].group(0)).lstrip("و") not in {folded(n) for n in _AR_INSTITUTION_NOUNS}:
        return None
    name = rest[match.end() + words[0].start():match.end() + words[-1].end()].rstrip("،,")
    if len(name.split()) == 1:
        return _Item(start, start + len(name), unnamed_officials(state), "group")  # "متحدث باسم الشرطة": officials
    return _Item(start, start + len(name), _proposed(state, name, ""), "proposed")


# Round 10: the pluperfect "وكان X قد قال" / "وكانت X، أعلنت": the subject stands between "كان" and the verb.
_AR_PLUPERFECT = re.compile(r"(?:^|[.؟!]\s*)\s*(?:و|ف)?(?:كان|كانت|كانوا)\s+(?P<subject>[^،,.:«»\"“”]{2,80}?)\s*[،,]?\s*"
                            r"(?:قد\s+)?$")


def pluperfect_subject(cue: Cue, sentence: str, items: list[_Item], state: DocumentState) -> _Item | None:
    """Round 10: "وكان مصدر في الشرطة العراقية، قال سابقا إن …": the subject between "كان" and the reporting verb — an
    unnamed source is officials, else the first actor named there (not a place after a preposition)."""
    match = _AR_PLUPERFECT.search(sentence[:cue.start])
    if not match:
        return None
    start, end = match.start("subject"), match.end("subject")
    if unnamed_source(match.group("subject")):
        return _Item(start, end, unnamed_officials(state), "group")
    inside = [i for i in items if start <= i.start < end and i.ref is not None and not (
        i.ref.kind == ActorKind.COUNTRY and re.search(r"(?<!\w)(?:في|فى|من)\s+$", sentence[max(0, i.start - 6):i.start]))]
    if not inside and _AR_OWNERLESS_TOLL.fullmatch(match.group("subject")):
        # Round 12: "وكانت حصيلة سابقة أشارت إلى مقتل 35": an earlier toll that no one is said to have given points to
        # its figures — no source speaks; the figures are the writer's
        return _Item(start, end, state.narrator, "descriptor")
    if not inside and 2 <= len(match.group("subject").split()) <= 4 \
            and folded(match.group("subject").split()[0]) in _AR_BODY_HEADS | {folded(n) for n in _AR_INSTITUTION_NOUNS}:
        # fifteenth session: "وكانت وزارة الداخلية السورية أعلنت": a body no actor holds, proposed by its name
        name = match.group("subject").strip()
        national = national_name_of(name, state)
        if national is not None:
            return _Item(start, start + len(name), national, "descriptor")
        return _Item(start, start + len(name), _proposed(state, name, ""), "proposed")
    head = re.match(r"\s*(\S+)\s+", sentence[start:inside[0].start]) if inside else None
    if head and head.end() == inside[0].start - start and not _definite(head.group(1)):
        # sixteenth session: "وكانت مفوضية الأمم المتحدة لشؤون اللاجئين أعلنت": a body in the construct state
        construct = construct_body(start + head.start(1), inside[0], sentence, end, state)
        if construct is not None:
            return construct
    return inside[0] if inside else None


# Round 12: a toll, count or report with no owner, indefinite, and its adjectives ("حصيلة سابقة", "تقارير أولية").
_AR_OWNERLESS_TOLL = re.compile(r"\s*(?:حصيلة|حصيلة\s+ضحايا|إحصائية|احصائية|تقارير|تقرير|أرقام|ارقام|معلومات|أنباء|انباء)"
                                r"(?:\s+\w+(?:ة|ية|ي|ى))?\s*")
