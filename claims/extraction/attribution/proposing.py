"""Proposed actors: a named speaker that no actor matches, its kind guessed from the title words next to it;
a later surname alone, or the same name in another case, is the same proposal."""

import functools
import re

from sources.models import ActorKind

from .. import cues as C
from .. import dates as D
from ..actors import ActorRef, folded, is_acronym
from ..linking import PERSON_KINDS, acronym_link, document_link, registry_link
from .countries import _same_name_of, country_of_demonym
from .descriptions import unnamed_officials
from .names import _GENERIC, _same_stem, described_actor, el_complement_of_title, shaped_name
from .state import DocumentState


def _guess_kind(name: str, title: str, language: str) -> str:
    words = {folded(w) for w in title.split()}
    if words & C.LEGISLATOR_TITLES:
        return ActorKind.LEGISLATOR
    organisation = [folded(w) for w in C.ORGANISATION_WORDS.get(language, [])]
    lowered = folded(name)
    if language == "ko":
        if any(lowered.endswith(w) for w in organisation):
            return ActorKind.GOVERNMENT_AGENCY
        return ActorKind.PERSON if len(lowered.replace(" ", "")) <= 4 and " " in lowered else ActorKind.OTHER
    if any(w in lowered.split() for w in organisation):
        return ActorKind.GOVERNMENT_AGENCY
    if language == "el" and " " not in name.strip() and len(name.strip()) >= 3 and name.strip().isupper() \
            and not title.strip():
        # round 7: a Greek acronym ("ΓΕΕΘΑ", "ΥΠΕΞ", "ΔΟΜ") is an organisation's name; a person's name is no acronym, so
        # "ο υπουργός" after it refers to no one before (the person named next)
        return ActorKind.GOVERNMENT_AGENCY
    if language in ("el", "ru") and any(_same_stem(word, w) for word in lowered.split() for w in organisation):
        return ActorKind.GOVERNMENT_AGENCY  # "начальник Управления информации": an office in the genitive
    return ActorKind.PERSON


# Issue 15, sixteenth session: the word classes a speaker's span may hold but a name is never made of alone — the
# prepositions and case particles of an oblique phrase ("باسم مفوضية", "Στη Σάμο", "На Сахалине"), demonstratives ("이
# 단체의", "this"), time words (months and weekdays come from ``dates``), a title's abbreviation ("Δρ", "Dr", "Gen"), and
# the words of a count or a hedge a headline capitalises ("Τουλάχιστον", "Более", "Dozens"). Compared folded.
_PARTICLES = {
    "en": ("of", "in", "at", "by", "for", "from", "to", "with", "into", "over", "under", "after", "before", "since",
           "during", "about", "against", "as", "than", "per", "via", "near", "amid", "among", "across", "up"),
    "el": ("σε", "στο", "στη", "στην", "στον", "στα", "στους", "στις", "στων", "από", "με", "για", "κατά", "μετά",
           "προς", "χωρίς", "ως", "έως", "μέχρι", "παρά", "υπό", "μέσω", "εντός", "εκτός", "to"),
    "ru": ("в", "во", "на", "по", "с", "со", "к", "ко", "у", "о", "об", "обо", "от", "до", "из", "за", "для", "при",
           "про", "без", "над", "под", "перед", "через", "между", "после", "среди"),
    "ar": ("في", "من", "على", "عن", "إلى", "الى", "باسم", "لدى", "عند", "حول", "خلال", "مع", "ضد", "بعد", "قبل", "منذ",
           "حتى", "عبر", "بين", "بحسب", "حسب", "وفق", "وفقا", "بشأن", "بسبب", "لصالح", "نحو", "قرابة"),
    "ko": (),
}
_DEMONSTRATIVES = {
    "en": ("this", "that", "these", "those", "its", "their", "his", "her"),
    "el": ("αυτός", "αυτή", "αυτό", "αυτοί", "αυτές", "αυτά", "αυτού", "αυτής", "αυτών", "εκείνος", "εκείνη", "εκείνο"),
    "ru": ("этот", "эта", "это", "эти", "этого", "этой", "этих", "тот", "та", "то", "те", "того", "той", "тех"),
    "ar": ("هذا", "هذه", "ذلك", "تلك", "هؤلاء", "أولئك"),
    "ko": ("이", "그", "저", "해당", "同", "이같", "이미", "또", "또한", "특히", "가운데", "대부분", "모두"),
}
_TIME_WORDS = {
    "en": ("today", "yesterday", "tonight", "morning", "evening", "night", "week", "weekend", "month", "year", "jan",
           # sixteenth session (second round): "Overnight Thursday to Friday gunmen raided …" is a time, no speaker
           "overnight", "midnight", "afternoon",
           "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    "el": ("σήμερα", "χθες", "αύριο", "σαββατοκύριακο", "πρωτοχρονιάς", "πρωτοχρονιά", "μαρ", "νωρίτερα", "αργότερα"),
    "ru": ("сегодня", "вчера", "накануне", "утром", "вечером", "ночью", "днем", "днём", "ранее", "позднее"),
    "ar": ("اليوم", "أمس", "امس", "مطلع", "أواخر", "اواخر", "أوائل", "اوائل", "منتصف", "نهاية", "بداية", "الجاري",
           "الماضي", "الحالي", "المقبل", "المنصرم", "الفائت", "يوم", "شهر", "عام", "العام", "وقت", "سابق", "لاحق"),
    "ko": ("지난", "오늘", "어제", "이날", "전날", "올해", "지난해", "현재", "당시"),
}
_ABBREVIATED_TITLES = {
    "en": (),  # (English refines a proposed title into the name after it: ``english.refine_items``)
    "el": ("δρ", "κ", "κα", "καθ"),
    "ru": ("г-н", "г-жа", "д-р", "проф", "корр", "ген"),
    "ar": ("د",),
    "ko": ("씨", "측"),
}
_COUNT_WORDS = {
    "en": ("more", "some", "several", "multiple", "dozens", "hundreds", "thousands", "least", "almost", "nearly"),
    "el": ("τουλάχιστον", "σχεδόν", "περίπου", "πάνω", "δεκάδες", "εκατοντάδες", "χιλιάδες", "περισσότεροι"),
    "ru": ("более", "менее", "около", "почти", "число", "десятки", "сотни", "тысячи", "не"),
    "ar": ("أحد", "إحدى", "أكثر", "اكثر", "عدد"),
    "ko": (),
}
# An Arabic title without the article, alone ("أفاد متحدث باسم …"): someone unnamed, an official.
_AR_INDEFINITE_TITLES = ("متحدث", "متحدثة", "ناطق", "ناطقة", "مسؤول", "مسؤولة", "مسؤولون", "مصدر")
# Head nouns the description tables do not hold: the press ("ανακοίνωση Τύπου": a press release, no one's name).
_EXTRA_HEADS = {"en": ("press",), "el": ("τύπος", "τύπου"), "ru": ("пресса",), "ar": ("الصحافة",), "ko": ()}
# A Korean word ending in the genitive or a locative particle ("이 단체의", "이미 아이티에서") is no name's head: the
# name ends before its particle (a meeting, "회의", ends so by itself).
_KO_OBLIQUE = re.compile(r"(?:의|에서|에게|에서는|에게서)$")


@functools.lru_cache(maxsize=8)
def _no_name_words(language: str) -> tuple[frozenset, frozenset, frozenset, frozenset]:
    """(particles, the words a subject never is, the words that stand where a subject does but name no one, the head
    nouns of descriptions), folded."""
    particles = frozenset(folded(w) for w in _PARTICLES.get(language, ()))
    passing = set(particles)
    for table in (_TIME_WORDS, _ABBREVIATED_TITLES, _COUNT_WORDS, C.DESCRIPTION_STOPWORDS):
        passing |= {folded(w) for w in table.get(language, ())}
    passing |= {folded(w) for forms in D._WEEKDAYS.get(language, []) for w in forms}
    months = {folded(w) for w in D._month_words(language)} if language in D._WEEKDAYS else set()
    passing |= {m for m in months if " " not in m and m != "may"}  # ("May" alone may be a surname)
    standing = set()
    for table in (_DEMONSTRATIVES, _GENERIC):
        standing |= {folded(w) for w in table.get(language, ())}
    # (a title, "Υπατος Αρμοστής", is left as it is: the name in apposition after it replaces it,
    # ``chains.apposition_heads``, ``english.refine_items``; so is a medium's word, "قناة BFMTV", "밸리 헤럴드 일간지",
    # which the relay rules read; a Russian body's head carries lowercase complements the span leaves out, "Управлением
    # гражданской администрации": alone it still stands for the body)
    heads = frozenset() if language == "ru" else frozenset(
        {folded(w) for w, kind in C.DESCRIPTION_HEADS.get(language, ()) if " " not in w and kind in ("body", "group")}
        | {folded(w) for w in _EXTRA_HEADS.get(language, ())})
    return particles, frozenset(passing), frozenset(standing - passing), heads


def _is_head(word: str, heads: frozenset, language: str) -> bool:
    if word in heads:
        return True
    if language == "ar":
        return ("ال" + word) in heads or (word.startswith("ال") and word[2:] in heads)
    if language == "en":
        return re.sub(r"(?:es|s)$", "", word) in heads
    if language in ("el", "ru") and len(word) >= 5:
        return any(_same_stem(word, head) for head in heads if len(head) >= 5)  # "Τύπου"
    return False


def _no_name(name: str, language: str) -> str | None:
    """Issue 15, sixteenth session: what a speaker's span (already shaped) is when it is no one's name — "passing" when
    it is no subject at all, so that a name after it may be the speaker: a date ("Μαρτίου", "مطلع مارس الجاري"), an
    initial or a title's abbreviation cut off by its full stop ("М" of "М.Ефимов", "Δρ"), an oblique phrase (a preposition
    first, "باسم مفوضية", "Στη Σάμο", "На Сахалине"; a Korean genitive or locative last, "이 단체의", "이미 아이티에서"),
    the words of a count ("Τουλάχιστον"); "standing" when it holds the subject's place but names no one: a title or a
    head noun alone ("Υπατος Αρμοστής", "مفوضية", "Τύπου"), a demonstrative. None for a name."""
    words = folded(name).split()
    if not words:
        return "passing"
    if len(words) == 1 and len(words[0]) == 1:
        return "passing"  # an initial, its surname cut off by the full stop
    if language == "ko" and _KO_OBLIQUE.search(words[-1]) and not words[-1].endswith("회의"):
        return "passing"
    particles, passing, standing, heads = _no_name_words(language)
    first = words[0]
    if language == "ar" and first[:1] in ("و", "ف") and first[1:] in particles:
        first = first[1:]  # "وفي مداخلة مع": the conjunction on the preposition
    if first in particles:
        return "passing"
    if all(w in passing for w in words):
        return "passing"
    if all(w in passing or w in standing or _is_head(w, heads, language) for w in words) and (
            len(words) == 1 or any(w in passing or w in standing for w in words)):
        return "standing"  # (two head nouns, "Press Office", may be a body's name)
    return None


def names_no_one(name: str, language: str) -> bool:
    """Whether a speaker's span (already shaped) is no one's name (``_no_name``): the sentence falls back to its next
    reading (a named actor nearby, the source carried on, officials)."""
    return _no_name(name, language) is not None


# The Russian body heads in the nominative, whose prepositional ("в Министерстве … сообщили") is put back.
# (a feminine head in "-ия" is left out: its prepositional is its genitive too, "администрации")
_RU_HEADS = ("министерство", "ведомство", "служба", "управление", "комитет", "штаб", "центр", "департамент",
             "агентство", "правительство", "прокуратура", "совет")
_RU_CONSONANT = "бвгджзклмнпрстфхцчшщ"


def ru_nominative(name: str) -> str:
    """Issue 15, sixteenth session: a Russian body named where it speaks from, in the prepositional ("в Минздраве Армении
    сообщили", "в Министерстве обороны заявили"), with its first word put back in the nominative ("Минздрав Армении",
    "Министерство обороны") — a "Мин-" compound or a body's head noun; any other name as it is."""
    words = name.split()
    if not words:
        return name
    first = words[0]
    lowered = first.lower()
    nominative = next((head for head in _RU_HEADS if head[-1] in _RU_CONSONANT and lowered == head + "е"
                       or head[-1] in "оа" and lowered == head[:-1] + "е" or head.endswith("ие") and lowered == head[:-1] + "и"),
                      None)
    if nominative is None and re.fullmatch(rf"мин[а-яё]+[{_RU_CONSONANT}]е", lowered):
        nominative = lowered[:-1]  # "Минздраве", "Минюсте"
    if nominative is None:
        return name
    if first[:1].isupper():
        nominative = first[0] + nominative[1:]
    return " ".join([nominative, *words[1:]])


def transparent(name: str, language: str) -> bool:
    """Whether a capitalised span read as a name is no subject at all ("Δρ", "Μαρτίου", "В", "На Сахалине"), so that the
    name after it may be the speaker — unlike a span that names no one but stands where the subject does ("СМИ")."""
    name = shaped_name(name, language)
    return bool(name) and _no_name(name, language) == "passing"


def _proposed(state: DocumentState, name: str, title: str) -> ActorRef | None:
    """The proposed actor for the speaker ``name`` (its span trimmed, see ``shaped_name``), or None when what is left
    names no one ("СМИ", "본 사람", "وقت سابق"; sixteenth session: ``names_no_one``)."""
    name = shaped_name(name, state.language)
    if not name:
        return None
    if state.language == "ru":
        name = ru_nominative(name)
    if state.language == "ar" and folded(name) in {folded(w) for w in _AR_INDEFINITE_TITLES}:
        return unnamed_officials(state)  # sixteenth session: "أفاد متحدث": a spokesman, unnamed
    if names_no_one(name, state.language):
        return None
    if state.language == "en" and " " not in name and folded(name) + "s" in state.index.names:
        return None  # sixteenth session: "a Houthi missile": the adjective of a group the registry holds ("Houthis")
    if state.language == "el" and title and el_complement_of_title(title, name.split()):
        return None  # issue 15, thirteenth session: "ο υφυπουργός Πολιτικής Άμυνας": whose minister, no one's name
    key = folded(name)
    if key in state.proposals:
        return state.proposals[key]
    country = country_of_demonym(name, state.language, state.index)
    if country is not None:
        return country  # issue 15, thirteenth session: "οι Ιταλοί ανακοίνωσαν", "the Italians said": Italy
    # A surname alone ("Balitsky", "القدرة") is the speaker proposed earlier under the full name.
    for known, ref in state.proposals.items():
        if known.endswith(" " + key) or key.endswith(" " + known):
            return ref
    if state.language in ("el", "ru") and " " not in key and len(key) >= 5:
        # "цитирует Андрианову" after "Ирина Андрианова": the surname in another case is the same person.
        for known, ref in state.proposals.items():
            if " " in known and ref.kind == ActorKind.PERSON and _same_stem(key, known.split()[-1]):
                return ref
    for ref in state.sources:
        if not ref.proposed and ref.kind == ActorKind.PERSON and folded(ref.name).split()[-1:] == key.split()[-1:]:
            return ref
    if state.language == "ar" and key.startswith("ال"):
        # "“الداخلية المغربية”": the press drops "وزارة" before a ministry's portfolio.
        full = f"وزارة {name}"
        named = [m for m in state.index.mentions(full, "ar") if m.start == 0 and m.end >= len(full) - 1 and m.via != "group"]
        if named:
            return named[0].actor
    if is_acronym(name):
        # "в коммюнике МВД королевства": an acronym some actor of a country the text names carries ("МВД Марокко").
        for country in [ref.country for ref in reversed(state.mentioned) if ref.kind == ActorKind.COUNTRY and ref.country]:
            known = _same_name_of(name, country, state)
            if known is not None:
                return known
    described = described_actor(name, state.language, state.index)
    if described is not None:
        return described
    kind = _guess_kind(name, title, state.language)
    linked = _linked(state, name, kind)
    if linked is not None:
        if linked.proposed:
            state.proposals[key] = linked
        return linked
    if kind == ActorKind.GOVERNMENT_AGENCY:
        # "وزارة الصحة التابعة لحماس": an organisation described, not named — the one known actor it describes.
        words = key.split()
        # Round 6: a name capitalised throughout ("the National Disaster Coordinating Council") is a proper name: it
        # describes an actor only whole, never by its first words ("National Disaster" is not Pakistan's NDMA).
        proper = state.language in ("en", "el", "ru") and all(w[:1].isupper() for w in name.split() if len(w) > 3)
        for size in range(len(words), len(words) - 1 if proper else 1, -1):
            described = state.index.resolve_description(" ".join(words[:size]), state.countries, state.text,
                                                        state.mentioned)
            if described is not None:
                return described
    ref = ActorRef(key=f"proposed:{key}", name=name, kind=kind, proposed=True, title=title)
    state.proposals[key] = ref
    return ref


def _linked(state: DocumentState, name: str, kind: str) -> ActorRef | None:
    """Issue 15, twelfth session: the actor the document already named or proposed, or the registry holds, that
    ``name`` names under another form (see ``claims.extraction.linking``); None when none does or the two answer
    differently."""
    candidates = [(ref.name, ref) for ref in {id(ref): ref for ref in state.proposals.values()}.values()]
    # issue 15, thirteenth session: an acronym spelling a body the document named or proposed is that body
    bodies = candidates + [(known, ref) for ref in state.mentioned if not ref.proposed and ref.kind not in PERSON_KINDS
                           and ref.kind != ActorKind.COUNTRY for known in state.index.names_of.get(ref.key, [])]
    spelt = acronym_link(name, bodies)
    if spelt is not None:
        return spelt
    candidates += [(known, ref) for ref in state.mentioned if not ref.proposed and ref.kind in PERSON_KINDS
                   for known in state.index.names_of.get(ref.key, [])]
    in_document = document_link(name, candidates, kind in PERSON_KINDS, state.index)
    held = registry_link(name, state.index, {ref.key for ref in state.mentioned})
    if in_document is not None and held is not None and in_document.key != held.key:
        return None
    return in_document or held


def _proposed_medium(state: DocumentState, ref: ActorRef | None) -> ActorRef | None:
    """The proposed actor ``ref`` as a news outlet (a relaying verb's agent passes statements on); an actor the registry
    holds (a name linked to it) stays as it is."""
    if ref is None:
        return None
    if not ref.proposed:
        return ref
    medium = ActorRef(key=ref.key, name=ref.name, kind=ActorKind.NEWS_OUTLET, proposed=True, title=ref.title)
    state.proposals[folded(ref.name)] = medium
    return medium
