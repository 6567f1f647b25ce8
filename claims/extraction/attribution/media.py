"""Media as relays: a proposed name that a word for a medium goes with, media a statement was told to ("told
Xinhua", "في تصريح لوكالة", "рассказал РИА Новости"), and the one a relaying medium quotes."""

import re
from functools import lru_cache

from sources.models import ActorKind

from .. import cues as C
from ..actors import MEDIA_KINDS, ActorRef
from .arabic import named_medium, talked_to
from .cuefinding import find_cues
from .proposing import _proposed, _proposed_medium
from .state import Cue, DocumentState, _Item


def _as_medium(item: _Item, sentence: str, state: DocumentState) -> _Item:
    """"сообщает местное издание Gazete Duvar", "the Saba news agency": a proposed name that a word for a medium
    goes with is a medium's, proposed as a news outlet."""
    language = state.language
    if item.how == "proposed" and item.ref is not None and (
            re.search(_MEDIUM_NOUN_BEFORE.get(language, _NEVER), sentence[max(0, item.start - 40):item.start], re.IGNORECASE)
            or re.match(_MEDIUM_NOUN_AFTER.get(language, _NEVER), sentence[item.end:item.end + 30], re.IGNORECASE)
            or re.search(_MEDIUM_NAME, sentence[item.start:item.end])):
        return _Item(item.start, item.end, _proposed_medium(state, item.ref), "proposed")
    return item


# Round 7: a pattern that matches nothing — r"$^" matches the empty text before a name that begins the sentence, which
# made every Korean, Arabic and Russian subject opening a sentence a proposed medium.
_NEVER = r"(?!)"


# greek round: a foreign medium's own name says what it is, in any language's text ("σύμφωνα με το Sky News", "το κανάλι
# CNN News18", "Fox News", "The Times", "Kyiv Post", "Al Jazeera TV"): a Latin-script name ending in a word for news, a
# paper or a broadcaster.
_MEDIUM_NAME = (r"(?<![^\W\d_])(?:News\d*|TV|Times|Post|Press|Radio|Channel|Herald|Gazette|Journal|Tribune|Telegraph|"
                r"Daily|Today|Broadcasting)$")

# Words for a medium right after an unknown name ("the Saba news agency", "Milliyet gazetesi" is not read).
_MEDIUM_NOUN_AFTER = {
    "en": r"\s+(?:news\s+agency|newspaper|daily|television|tv|broadcaster|news\s+site|news\s+website|"
          r"radio|(?:radio|television|tv)\s+(?:station|channel)"
          # round 12: "Efe news reported": a name with the common noun "news" after it is a medium's
          r"|news(?=\s+(?:reported|reports|said|says|quoted|cited)))\b",  # round 10: "Okapi radio"
    "el": r"\s+(?:εφημερίδα|πρακτορείο)\b",
}
# Words for a medium right before an unknown name: the name is a medium's ("издание Gazete Duvar").
_MEDIUM_NOUN_BEFORE = {
    "en": r"(?<!\w)(?:newspaper|daily|outlet|broadcaster|website|channel|magazine|news\s+agency|news\s+site)\s+(?:the\s+)?$",
    "el": r"(?<!\w)(?:εφημερίδα|ιστότοπο\w*|ιστοσελίδα|πρακτορείο|κανάλι|τηλεοπτικό\s+σταθμό|περιοδικό|"
          r"(?:τηλεοπτικό\s+|ειδησεογραφικό\s+)?δίκτυο|ραδιοφωνικό\s+σταθμό)\w*\s+"
          # sixteenth session: "το πρακτορείο ειδήσεων SABA", "το μέσο ενημέρωσης Tolo News": the medium's noun with its
          # genitive complement
          r"(?:ειδήσεων\s+)?$|(?<!\w)μέσ(?:ο|ου)\s+ενημέρωσης\s+$",
    "ru": r"(?<!\w)(?:издание|газета|газеты|сайт|портал|агентство|телеканал|журнал|радиостанция)\w*\s+[«\"“]?$",
    "ar": r"(?<!\w)(?:صحيفة|موقع|وكالة|قناة|مجلة)\s+[«\"“]?$",
}


_MEDIUM_WORDS = {
    # round 10: "передает корреспондент УНН", "передает корр. ТАСС": the medium the correspondent writes for
    "ru": r"\s*(?:(?:портал|сайт|издание|газета|агентство|телеканал|журнал|радиостанция|корреспондент|корр\.)\w*\s*)?"
          r"(?:(?:информационное\s+)?агентств\w+\s*)?[«\"“]?\s*(?:The\s+)?",
}

# Round 10: data "received from" another source after the one that has them ("по информации ТАСС, полученной от …").
RU_RECEIVED_FROM = r"\s*[^,;:.!?]{0,40},\s*(?:полученн|предоставленн|переданн)\w*\s+(?:[^\s,]+\s+){0,3}?от\s+"

# Round 12: an unnamed source of a medium, the medium in the genitive after it ("источника РИА Новости", "источники
# агентства «Интерфакс»", "источник ТАСС в экстренных службах"): the medium relays an unnamed official.
RU_SOURCE_OF_MEDIUM = (r"(?<![\w-])[Ии]сточник(?:а|у|ом|е|и|ов|ам|ами|ах)?\s+(?:(?:агентства|издания|телеканала|газеты|"
                       r"портала|радиостанции)\s+)?[«\"“]?$")

# Round 10: what may stand between a Russian verb of saying and what follows it (the medium told, its subject): a time
# ("в пятницу", "накануне"), an occasion ("во время брифинга", "на пресс-конференции"), the medium told in quotation
# marks in the dative ("«Интерфаксу»", "\"Известиям\"").
RU_SETTING_UNIT = (r"(?:(?:в|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|вчера|сегодня|накануне|"
                   r"утром|днем|днём|вечером|ночью|также|ранее|позднее|журналистам|"
                   r"(?:во\s+время|в\s+ходе|на)\s+(?:брифинга|брифинге|пресс-конференции|совещания|совещании|заседания|"
                   r"заседании|пресс-подхода|пресс-подходе)|"
                   r"[«\"“][^»\"”]{1,40}?(?:у|ю|ам|ям)[»\"”])")


# Round 7: a statement carried by a medium ("في بيان أوردته قناة "روسيا اليوم"", "نقلته وكالة الأنباء الألمانية").
_AR_CARRIED = re.compile(r"(?<!\w)(?:أورد|أوردت|نقل|نقلت|بث|بثت|نشر|نشرت)(?:ه|ها)\s+")


# Round 8: Korean "X을 통해 발표했다" (announced through X): a medium named before "을/를 통해".
_KO_THROUGH = re.compile(r"(\S+?)(?:을|를)\s+통해\s")


def _word_finditer(pattern: re.Pattern, text: str):
    """Fifteenth session: ``pattern.finditer(text)`` for a pattern that opens with a lazy word (``(\\S+?)…``), each
    word tried from its start alone. Where the pattern fails from a word's first letter it fails from each later one
    (the lazy word reaches from there every place it reaches from a later letter), so the matches are those of
    ``finditer``; trying every letter of a long word, each time to its end, was quadratic (10,000 quotation marks)."""
    anchored = _WORD_STARTS.get(pattern)
    if anchored is None:
        anchored = _WORD_STARTS[pattern] = re.compile(r"(?<!\S)(?:" + pattern.pattern + ")", pattern.flags)
    position = 0
    while True:
        match = pattern.match(text, position) or anchored.search(text, position)
        if match is None:
            return
        yield match
        position = match.end()  # (the pattern's matches are never empty)


_WORD_STARTS: dict[re.Pattern, re.Pattern] = {}


def carried_by(sentence: str, items: list[_Item], state: DocumentState) -> list[ActorRef]:
    """Arabic: the medium that carried the statement ("بيان أوردته قناة X"), named or proposed: a relay. Korean
    (round 8): the medium a statement was made through ("관영 조선중앙통신을 통해 … 발표했다")."""
    if state.language == "ko":
        return _ko_through(sentence, items, state) + _ko_told(sentence, items, state)
    if state.language == "ru":
        # round 10: "по информации ТАСС, полученной от экстренных служб": the medium whose information it is, got from
        # another, relays it
        return [i.ref for i in items if i.ref is not None and i.ref.is_media
                and (re.search(r"(?<!\w)по\s+(?:информации|данным|сведениям)\s+(?:\S+\s+){0,2}$", sentence[max(0, i.start - 40):i.start],
                               re.IGNORECASE)
                     and re.match(RU_RECEIVED_FROM, sentence[i.start:])
                     # round 12: "по сообщению источника РИА Новости": the medium its unnamed source spoke to
                     or re.search(RU_SOURCE_OF_MEDIUM, sentence[max(0, i.start - 40):i.start]))]
    if state.language != "ar":
        return []
    found = talked_to(sentence, items, state)  # fifteenth session: "في حديث لـ”سكاي نيوز عربية”"
    for match in _AR_CARRIED.finditer(sentence):
        medium = named_medium(sentence[match.end() - 1:], match.end() - 1, items, state)
        if medium is None:
            after = [i for i in items if i.start >= match.end() and i.ref is not None and i.ref.is_media
                     and re.fullmatch(r"\s*(?:(?:قناة|وكالة|صحيفة|موقع|شبكة)\s*)?[\"“«]?\s*", sentence[match.end():i.start])]
            medium = after[0] if after else None
        if medium is not None and medium.ref is not None:
            found.append(medium.ref)
    return found


def _relay_objects(sentence: str, language: str, items: list[_Item]) -> list[_Item]:
    """Media a statement was given to: "told Xinhua", "في تصريح لوكالة الأنباء الألمانية".

    Fifteenth session: asked for at every verb of a sentence with the same items (a thousand verbs in a hostile sentence
    read every item's surroundings a thousand times); a pure function of the sentence and its items, remembered for the
    last few."""
    key = (sentence, language, tuple((i.start, i.end, i.ref, i.how, i.wanted) for i in items))
    found = _RELAY_OBJECTS.get(key)
    if found is None:
        if len(_RELAY_OBJECTS) >= 32:
            _RELAY_OBJECTS.clear()
        found = _RELAY_OBJECTS[key] = _relay_objects_read(sentence, language, items)
    return list(found)


_RELAY_OBJECTS: dict[tuple, list[_Item]] = {}


def _relay_objects_read(sentence: str, language: str, items: list[_Item]) -> list[_Item]:
    found = []
    patterns = {
        # "told Xinhua", "in an interview with Reuters", "speaking to AFP", "in a phone call with the Reuters news agency"
        # round 10: "in comments to the UN's Okapi radio", "in remarks to", "talking to", "speaking with"
        "en": r"(?:(?<!\w)told|interview\s+with|speaking\s+(?:to|with)|spoke\s+(?:to|with)|talking\s+to|call\s+with|"
              r"(?:comments?|remarks|statements?)\s+to)\s+(?:the\s+)?(?:[A-Z][\w.]*['’]s\s+)?"
              # fifteenth session: the medium's common noun before its name ("told the broadcaster Metro TV")
              r"(?:(?:broadcaster|newspaper|daily|channel|station|network|outlet|website|news\s+agency|news\s+site)\s+)?$",
        # "δήλωσε στο X", "σε τηλεφωνική επικοινωνία που είχε με το πρακτορείο ειδήσεων Reuters", "μιλώντας στην ΕΡΤ"
        # Round 6: every person and number of the verb ("δήλωσαν στο Γαλλικό Πρακτορείο αξιωματούχοι"): the medium
        # after "σε" is the one told, whoever speaks.
        # (fifteenth session: case-insensitive, for the participle that opens a sentence: "Μιλώντας στο Reuters, ο …")
        "el": r"(?i:(?:δήλωσ\w*|είπ\w*|έκαν\w*\s+γνωστ\w+|ανέφερ\w*|μετέδωσ\w*|ανακοίνωσ\w*|εξήγησ\w*|επιβεβαίωσ\w*|"
              r"τόνισ\w*|πρόσθεσ\w*|μιλώντας|μίλησ\w*|συνέντευξη)\s+(?:\w+\s+)?στ(?:ο|ην|η)"
              r"|(?:επικοινωνία|συνομιλία|συνέντευξη)\s+(?:[^\s.,]+\s+){0,3}με\s+(?:το|την)"
              r"|συνέντευξ\w*\s+(?:του|της)\s+στ(?:ο|ην|η)"
              # round 10: informing takes the one informed in the accusative, after a time word or two ("ενημέρωσαν την
              # Τρίτη το Γαλλικό Πρακτορείο πηγή του στον στρατό", "πληροφόρησε το Reuters αξιωματούχος")
              r"|(?:ενημέρωσ(?:ε|αν)|ενημερών(?:ει|ουν)|πληροφόρησ(?:ε|αν))\s+(?:[^\s.,;]+\s+){0,2}?(?:το|τον|την))"
              # (fifteenth session: "στη γαλλική εφημερίδα Le Monde", "στο ραδιόφωνο του ΣΚΑΪ": an adjective before the
              # medium's word, and the medium in the genitive after it)
              r"\s+(?:(?:[^\W\d_]+\s+)?(?:πρακτορείο(?:\s+ειδήσεων)?|εφημερίδα|τηλεοπτικό\s+σταθμό|σταθμό|ραδιόφωνο|"
              r"τηλεόραση|κανάλι|ιστοσελίδα|ιστότοπο|δίκτυο)\s+(?:(?:του|της)\s+)?)?$",
        # (fifteenth session: "مراسل لرويترز" is the medium's reporter, not a medium told)
        "ar": r"(?:(?:تصريح|تصريحات)\s+(?:خاصة\s+)?(?:ل|لـ)?|(?<!\w)(?<!مراسل\s)(?<!مراسلة\s)(?:ل|لـ)"
              r"(?:(?:وكالة|صحيفة|قناة|موقع)\s*[“\"«]?\s*)?)$",
        # "рассказал РИА Новости", "Об этом корр. ТАСС сообщил": the medium told (in the dative) is no subject
        # round 10: a time or a setting may stand between the verb and the medium ("сообщил в пятницу "Интерфаксу"",
        # "заявил на брифинге ТАСС")
        "ru": r"(?:(?<!\w)(?:рассказал\w*|заявил\w*|сказал[аи]?|сообщил[аи]?|пояснил[аи]?|уточнил[аи]?|подтвердил[аи]?)\s+"
              rf"(?:{RU_SETTING_UNIT}\s+){{0,2}}"
              r"|(?<!\w)(?:корр\.|корреспонденту|корреспондентам|агентству|изданию|телеканалу|газете|радиостанции|интервью"
              r"|беседе\s+с)\s+)[«\"“]?$",
        "ko": _NEVER,
    }
    for item in items:
        item = _marked_medium(item, sentence, language)
        if language == "el" and item.how == "proposed" and item.ref is not None and item.ref.kind not in MEDIA_KINDS \
                and re.fullmatch(r"[Α-ΩΆΈΉΊΌΎΏΪΫA-Z]{2,6}", sentence[item.start:item.end]) \
                and re.search(patterns["el"], sentence[max(0, item.start - 70):item.start]):
            # fifteenth session: an acronym no actor has, told ("Μιλώντας στην ΕΡΤ", "δήλωσε στον ΣΚΑΪ"): a medium
            item = _Item(item.start, item.end, ActorRef(key=item.ref.key, name=item.ref.name, kind=ActorKind.NEWS_OUTLET,
                                                        proposed=True, title=item.ref.title), item.how)
        if item.ref is None or item.ref.kind not in MEDIA_KINDS:
            continue
        if language == "ko":
            # "로이터 통신에 "…"고 밝혔습니다": told Reuters (not "로이터 통신에 따르면", according to Reuters).
            if sentence[item.end - 1:item.end] == "에" and not re.match(r"\s*(?:따르면|의하면)", sentence[item.end:]):
                found.append(item)
            continue
        head = sentence[max(0, item.start - 70):item.start]
        if re.search(patterns.get(language, _NEVER), head):
            found.append(item)
        elif language == "el" and re.search(_EL_TOLD, head) and any(
                cue.role == C.SPEECH and cue.end <= item.start for cue in find_cues(sentence[:item.start], language, [])):
            # greek round: the medium in the accusative after "σε" (στο, στην) is the indirect object of whatever verb of
            # saying comes before it in the sentence, however far ("έκανε λόγο στο Γαλλικό Πρακτορείο", "διευκρίνισε στο
            # …", "δήλωσε ο Αγιάζ Χαν, εκπρόσωπος της αστυνομίας …, στο Γερμανικό Πρακτορείο"): the one told, no subject.
            found.append(item)
        elif language == "ru" and re.match(r"[»\"”]?\s*(?:сообщили|рассказали|заявили|уточнили|подтвердили|пояснили)(?!\w)",
                                           sentence[item.end:]):
            # "РИА Новости сообщили в Минобороны", "В пресс-службе МЧС ТАСС сообщили": a medium agrees with a verb in
            # the neuter singular ("сообщило"); before a plural one it is the dative, the one told.
            found.append(item)
        elif language == "ru" and _ru_dative(sentence, item):
            found.append(item)  # round 7: "Об этом Интерфаксу заявил …", "«Известиям» сообщили": the medium told
        elif language == "ru" and re.search(rf"(?<!\w)[Оо]б\s+этом\s+(?:{RU_SETTING_UNIT}\s+){{0,2}}$", head) and any(
                other.start > item.end and other.ref is not None and not other.ref.is_media
                and re.fullmatch(r"\s*(?:сообщил|сообщила|сказал|сказала|рассказал|рассказала|заявил|заявила|уточнил|уточнила|"
                                 r"подтвердил|подтвердила|пояснил|пояснила)\s+"
                                 # round 10: the subject after the verb is a title with its genitive complements, up to
                                 # the name ("ТАСС сообщил заместитель главы администрации региона Кирилл Стремоусов")
                                 r"(?:[^\s,;:.!?«»\"“”]+\s+|и\.\s?о\.\s+){0,8}",
                                 sentence[item.end:other.start]) for other in items):
            found.append(item)  # "Об этом ТАСС сообщил Гладков": told TASS, Gladkov said it
    return found


def _marked_medium(item: _Item, sentence: str, language: str) -> _Item:
    """Thirteenth session: a proposed name the text marks as a medium's — a word for a medium right before it ("μιλώντας
    στον ραδιοφωνικό σταθμό Radio Panamericana", "told the newspaper El Pais") or after it, or a broadcaster's word in its
    own name ("Radio Free Asia", "Sky News") — is a medium wherever it was proposed as something else, so that the one a
    speaker spoke to is a relay (after the credit's steps) and never the verb's subject."""
    if item.how != "proposed" or item.ref is None or item.ref.kind in MEDIA_KINDS:
        return item
    name = sentence[item.start:item.end]
    if re.search(_MEDIUM_NOUN_BEFORE.get(language, _NEVER), sentence[max(0, item.start - 40):item.start], re.IGNORECASE) \
            or re.match(_MEDIUM_NOUN_AFTER.get(language, _NEVER), sentence[item.end:item.end + 30], re.IGNORECASE) \
            or re.search(_MEDIUM_NAME, name) or re.match(_MEDIUM_NAME_FIRST, name):
        medium = ActorRef(key=item.ref.key, name=item.ref.name, kind=ActorKind.NEWS_OUTLET, proposed=True, title=item.ref.title)
        return _Item(item.start, item.end, medium, item.how)
    return item


# A broadcaster's or paper's word opening a Latin-script name ("Radio Panamericana", "Radio Free Asia", "Channel 4").
_MEDIUM_NAME_FIRST = r"(?:Radio|Radyo|Rádio|Telev[ií]si[oóò]n\w*|TV|Canal|Channel|Kanal|Diario|Daily)\s"


def _ru_dative(sentence: str, item: _Item) -> bool:
    """Round 7: a declinable medium's name in the dative ("Интерфаксу", "«Известиям»", "Коммерсанту") before a verb of
    saying: its case ending, beyond the name as held, says it is the one told, not the subject."""
    tail = re.match(r"(у|ю|ам|ям)[»\"”]?\s+(?:\S+\s+)?(?:заявил|сообщил|сказал|рассказал|подтвердил|пояснил|уточнил)\w*",
                    sentence[item.end:])
    inside = re.search(r"(?:у|ю|ам|ям)[»\"”]?$", sentence[item.start:item.end])
    if tail:
        return True
    return bool(inside) and bool(re.match(r"\s+(?:\S+\s+)?(?:заявил|сообщил|сказал|рассказал|подтвердил|пояснил|уточнил)\w*",
                                          sentence[item.end:])) and not re.search(r"(?:у|ю)$", item.ref.name if item.ref else "")


# "στο Γαλλικό Πρακτορείο", "στην εφημερίδα X", "στο τηλεοπτικό δίκτυο X": σε + article (+ a word for a medium).
_EL_TOLD = (r"(?<!\w)στ(?:ο|ην|ον)\s+(?:(?:πρακτορείο(?:\s+ειδήσεων)?|εφημερίδα|τηλεοπτικό\s+(?:σταθμό|δίκτυο|κανάλι)|"
            r"σταθμό|κανάλι|δίκτυο|ραδιοφωνικό\s+σταθμό|ιστότοπο|ιστοσελίδα)\s+)?$")


def _quoted_by_relay(cue: Cue, sentence: str, items: list[_Item]) -> _Item | None:
    """Russian "цитирует X Y" / "цитирует Y X" / "приводит X слова Y": the one quoted (accusative or genitive) stands
    next to the medium that quotes (nominative); it is no medium."""
    if cue.agent is None or cue.agent.ref is None or not re.match(r"(?:цитиру|привод)", cue.phrase):
        return None
    near = [i for i in items if i.ref is not None and not i.ref.is_media and i.start >= cue.end
            and (i.end <= cue.agent.start or 0 <= i.start - cue.agent.end <= 8
                 # russian round: "цитирует ТАСС губернатора Ивана Петрова": the object's title between them
                 or i.start > cue.agent.end and re.fullmatch(r"(?:\s+[а-яё-]+){1,4}\s+", sentence[cue.agent.end:i.start]))
            and not re.search(r"[.,;:]", sentence[min(i.end, cue.agent.end):max(i.start, cue.agent.start)])]
    return near[0] if near else None


def interlocutor_medium(cues: list[Cue], sentence: str, state: DocumentState) -> tuple[ActorRef, ActorRef] | None:
    """Round 6: "— сказал собеседник (агентства)" when no source was named: the unnamed official and the medium he
    spoke to — the one named last before (it relays him)."""
    for cue in cues:
        agent = cue.agent
        if agent is None or agent.ref is None or agent.how != "anaphor" or agent.ref.key != "officials" \
                or not sentence[agent.start:agent.end].casefold().startswith("собеседник"):
            continue
        medium = next((ref for ref in reversed(state.mentioned) if ref.is_media), None)
        if medium is not None:
            return agent.ref, medium
    return None


# Round 6: Cyrillic and Greek letters in Latin, to know the publisher credited in another script ("передает УНН" on
# UNN).
_LATIN = str.maketrans({**dict(zip("абвгдезийклмнопрстуфхцыэ", "abvgdeziiklmnoprstufhcye")),
                        **dict(zip("αβγδεζηικλμνξοπρστυφχω", "avgdeziiklmnxoprstifho"))})


def is_publisher(ref: ActorRef, narrator: ActorRef) -> bool:
    """A proposed medium whose name is the publisher's, written in another script (an agency crediting itself)."""
    if not ref.proposed or (not ref.is_media and not re.fullmatch(r"[^\W\d_]{2,6}", ref.name)):
        return False
    spelled = re.sub(r"\W", "", ref.name.casefold().translate(_LATIN))
    own = {re.sub(r"\W", "", narrator.name.casefold()), re.sub(r"\W", "", narrator.key.casefold())}
    return bool(spelled) and spelled in own


def _ko_through(sentence: str, items: list[_Item], state: DocumentState) -> list[ActorRef]:
    """Round 8: "X는 … 조선중앙통신을 통해 25일 공식 발표했다": the medium before "을 통해" passed the statement on — a
    known medium, or a name ending in a word for one (proposed as a medium); "성명을 통해" (through a statement), a
    place or a person is no relay."""
    from .korean import _KO_MEDIA_ENDINGS  # korean imports this module's neighbours; the lexicon is its own

    found = []
    for match in _word_finditer(_KO_THROUGH, sentence):
        known = [i for i in items if i.ref is not None and i.ref.is_media and i.start >= match.start(1) - 1
                 and i.end <= match.end(1) + 1]
        if known:
            found.append(known[-1].ref)
        elif match.group(1).endswith(_KO_MEDIA_ENDINGS) and not re.search(r"\d", match.group(1)) \
                and match.group(1) not in _KO_MEDIA_ENDINGS:
            found.append(_proposed_medium(state, _proposed(state, match.group(1), "")))
    return found


# Round 8: a broadcast of the statement ("на пресс-конференции, которую транслировал в прямом эфире телеканал Globo").
_RU_BROADCAST = re.compile(r"(?<!\w)(?:котор(?:ую|ый|ое|ые)|что)\s+(?:(?:в\s+)?(?:прямом\s+эфире|живом\s+эфире|онлайн)\s+)?"
                           r"(?:транслировал[аио]?|показывал[аио]?|показал[аио]?)\s+(?:в\s+(?:прямом|живом)\s+эфире\s+)?"
                           r"(?:(?:телеканал|радиостанция|канал|портал|сайт|издание|агентство)\w*\s+)?[«\"“]?$", re.IGNORECASE)


def broadcast_by(sentence: str, items: list[_Item], state: DocumentState) -> list[ActorRef]:
    """Russian (round 8): the medium that broadcast the statement — the subject of "которую транслировал(а)" after the
    event it was made at — a relay after the source's own."""
    if state.language != "ru":
        return []
    found = []
    for item in items:
        if item.ref is None:
            continue
        if re.search(_RU_BROADCAST, sentence[max(0, item.start - 80):item.start]):
            ref = item.ref if item.ref.is_media else (_proposed_medium(state, item.ref) if item.how == "proposed" else None)
            if ref is not None:
                found.append(ref)
    return found


# Round 10: Korean media a statement was given to or that cited the source, by the clause around them: "X와의 (단독)
# 인터뷰에서", "X과의 전화 통화에서", "X와 가진 인터뷰에서" (told medium X), "X가 인용한 Y는" (Y, as cited by X).
_KO_TOLD = re.compile(r"(\S+?)(?:와|과)(?:의|\s+(?:가진|한|진행한))\s+(?:단독\s+|전화\s+|서면\s+|화상\s+|독점\s+)?"
                      r"(?:인터뷰|통화|회견|대담|면담)")
_KO_CITED_BY = re.compile(r"(\S+?)(?:이|가|은|는)\s+인용한\s")
# "KBS 방송에 출연해", "CNN에 보낸 성명에서" (on a broadcaster's programme, in a statement sent to a medium).
_KO_APPEARED = re.compile(r"(\S+?)에\s+(?:출연(?:해|하여|한|했을)|보낸\s+(?:성명|이메일|서면\s*답변|답변|입장문))")


def _ko_told(sentence: str, items: list[_Item], state: DocumentState) -> list[ActorRef]:
    """Round 10: the medium a Korean speaker gave an interview or a call to ("경찰 관계자는 AFP통신과의 인터뷰에서 …
    말했다"), and the medium a source was cited by in a relative clause ("AP통신이 인용한 현지 당국은"): a known medium,
    or a name ending in a word for one (proposed as a medium) — a relay of what the sentence reports; a person or a body
    interviewed with ("대통령과의 면담") is no relay."""
    from .korean import _KO_MEDIA_ENDINGS

    from .korean import _KO_BARE_MEDIA, _KO_NO_NAME, _KO_UNNAMED_MEDIA_QUALIFIERS

    found = []
    for match in _ko_told_matches(sentence):
        known = [i for i in items if i.ref is not None and i.ref.is_media and i.start >= match.start(1) - 1
                 and i.end <= match.end(1) + 1]
        name = match.group(1)
        before = re.search(r"(\S+)\s+$", sentence[:match.start(1)])
        if name in _KO_BARE_MEDIA and before and re.fullmatch(r"[가-힣A-Za-z·-]{2,}", before.group(1)) \
                and before.group(1) not in _KO_NO_NAME | _KO_UNNAMED_MEDIA_QUALIFIERS:
            name = f"{before.group(1)} {name}"  # "알자지라 방송에 출연해": the name before the bare word
        if known:
            found.append(known[-1].ref)
        elif name.endswith(_KO_MEDIA_ENDINGS) and not re.search(r"\d", name) and name not in _KO_MEDIA_ENDINGS:
            found.append(_proposed_medium(state, _proposed(state, name, "")))
    return found


@lru_cache(maxsize=16)
def _ko_told_matches(sentence: str) -> tuple[re.Match, ...]:
    """Fifteenth session: the matches of ``_ko_told``'s patterns in the sentence, in its order, found once per sentence
    (it is asked for at every quotation of a sentence: searching the sentence each time was quadratic)."""
    return tuple(match for pattern in (_KO_TOLD, _KO_CITED_BY, _KO_APPEARED) for match in _word_finditer(pattern, sentence))


# Fourteenth session: a report's noun with the medium whose report it is ("a Reuters report", "сообщение Reuters",
# "ρεπορτάζ του Reuters", "تقريرا لرويترز"): (the pattern before the medium's name, the pattern after it).
_REPORT_OF = {
    "en": (r"(?<!\w)(?:report|dispatch|story)\s+(?:by|from|of)\s+(?:the\s+)?$",
           r"(?:['’]s)?\s+(?:report|dispatch|story)(?!\w)"),
    "el": (r"(?<!\w)(?:ρεπορτάζ|δημοσίευμα|ανταπόκριση|μετάδοση|αναφορά)\s+(?:του|της)\s+(?:πρακτορείου\s+)?$", _NEVER),
    "ru": (r"(?<!\w)(?:сообщени[еяю]|материал[аы]?|публикаци[июя]|заметк[уи])\s+(?:агентства\s+|издания\s+)?[«\"“]?$",
           _NEVER),
    "ar": (r"(?<!\w)(?:تقرير|تقريرا|تقريراً)\s+(?:ل|لـ)?(?:وكالة\s+)?$", _NEVER),
}


def _report_owner(sentence: str, items: list[_Item], language: str) -> _Item | None:
    """The first medium named as the owner of a report the sentence carries, or None."""
    before, after = _REPORT_OF.get(language, (_NEVER, _NEVER))
    for item in items:
        if item.ref is None or not item.ref.is_media:
            continue
        if re.search(before, sentence[max(0, item.start - 40):item.start], re.IGNORECASE) \
                or re.match(after, sentence[item.end:item.end + 20], re.IGNORECASE):
            return item
    return None


def carried_report(sentence: str, items: list[_Item], cues: list[Cue], claimant, relays: list[ActorRef],
                   quote_speakers: list, language: str):
    """Fourteenth session: a medium carrying another medium's report that cites a source ("RIA carried a Reuters report
    citing the ministry", "Το RIA μεταδίδει ρεπορτάζ του Reuters, επικαλούμενο …", "— приводит сообщение Reuters со
    ссылкой на Минобороны РИА Новости", the carrier after the verb): the source cited is the claimant, the carrier the
    relay nearest the document, the report's owner the next. The carrier is the reporting verb's subject when that is
    another medium, else the other medium the sentence names (the Russian subject after its verb and its objects).
    (claimant, relays, quote_speakers), unchanged when the sentence is of another shape."""
    owner = _report_owner(sentence, items, language)
    citing = [c for c in cues if c.role == C.CITING and c.start > (owner.start if owner else len(sentence))]
    if owner is None or not citing:
        return claimant, relays, quote_speakers
    cue = citing[0]
    cited = cue.object_agent if cue.object_agent is not None and cue.object_agent.ref is not None else cue.agent
    if cited is None or cited.ref is None or cited.ref == owner.ref:
        return claimant, relays, quote_speakers
    subjects = [c.agent.ref for c in cues if c.role in (C.SPEECH, C.RELAY) and c.agent and c.agent.ref
                and c.agent.ref.is_media and c.agent.ref not in (owner.ref, cited.ref)]
    others = [i.ref for i in items if i.ref is not None and i.ref.is_media and i.ref not in (owner.ref, cited.ref)]
    carrier = subjects[0] if subjects else (others[-1] if others else None)
    if carrier is None:
        return claimant, relays, quote_speakers
    chain = [carrier, owner.ref]

    def rechained(old: list[ActorRef]) -> list[ActorRef]:
        return chain + [r for r in old if r not in chain and r != cited.ref]

    if claimant is not None and claimant in (cited.ref, owner.ref, carrier):
        claimant, relays = cited.ref, rechained(relays)
    quote_speakers = [(s, e, cited.ref, rechained(r)) if sp in (cited.ref, owner.ref, carrier) else (s, e, sp, r)
                      for s, e, sp, r in quote_speakers]
    return claimant, relays, quote_speakers
