"""Capitalised names that no known actor has (the candidates for proposed speakers), the title words before
them, and what is no name: places after a preposition, weekdays, adjectives, portfolios of a minister."""

import re

from .. import cues as C
from ..actors import Mention, folded, normalised
from ..dates import _month_words
from ..numbers import read_quantity
from .cuefinding import _inside


_NAME_WORD = (
    # round 10: a particle begins a word ("central Philippines" holds no "al Philippines")
    r"(?:(?<![^\W\d_])(?:al|el|bin|ibn|abu|de|van|von|der|den|du|da|di|dos|del|la|le|αλ|ελ|μπιν|ιμπν)[-\s]){0,2}[A-ZÀ-ÞΑ-ΩΆΈΉΊΌΎΏА-ЯЁ][\w’']*(?:-[^\W\d_][\w’']*)*"
)
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "de", "van", "von", "der", "den", "du", "da", "di", "dos", "del", "la", "le",
                   # sixteenth session: the Arabic article and "son of" as Greek transliterates them ("Ανίς αλ Ασμπάχι")
                   "αλ", "ελ", "μπιν", "ιμπν"}
# An English organisation's name joins its words with "of" or "for" after the noun that says what it is ("Office of
# Civil Defense", "Ministry of Health"); elsewhere "of" ends a name ("Estimates of North Korean casualties").
_ORGANISATION_NOUNS = (r"(?:Office|Ministry|Department|Bureau|Council|Agency|Commission|Committee|Centre|Center|Institute|"
                       r"Board|Union|Federation|Association|Organi[sz]ation|Authority|Service|Directorate|Administration|"
                       # round 9: "Syrian Observatory for Human Rights", "Office of the High Commissioner for Human Rights",
                       # "Office for the Coordination of Humanitarian Affairs": the same joins after these nouns, twice
                       r"Observatory|Programme|Program|Fund|Foundation|Society|Commissioner|Coordination)")
# Round 12: "and" joins two parts of one organisation's name when its acronym follows in brackets ("National Bureau for
# Risk and Disaster Management (BNGRC)") or when an organisation's noun ends the run ("National Disaster Risk Reduction
# and Management Council"); elsewhere it joins two names ("Malawi and Uruguay").
_NAME_RUN = re.compile(rf"(?:{_NAME_WORD}\s+)*?{_ORGANISATION_NOUNS}\s+(?:of|for)\s+(?:the\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD})*"
                       rf"(?:\s+(?:and|&)\s+{_NAME_WORD}(?:\s+{_NAME_WORD})*(?=\s*\([A-Z]))?"
                       rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD})*)?"
                       rf"|{_NAME_WORD}(?:\s+{_NAME_WORD})*\s+(?:and|&)\s+(?:{_NAME_WORD}\s+){{0,3}}?{_ORGANISATION_NOUNS}(?!\w)"
                       rf"|{_NAME_WORD}(?:\s+{_NAME_WORD})*")
_NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "telegram", "facebook",
    "twitter", "instagram", "earlier", "later", "meanwhile", "meantime", "also", "however", "the", "a", "in", "on",
    "at", "it", "he", "she", "they", "citing", "according", "during", "since", "russian", "ukrainian",
    "israeli", "palestinian", "western", "us", "un", "ранее", "также", "позже", "позднее", "затем", "сейчас", "теперь", "παράλληλα", "νωρίτερα", "όπως",
    # weekdays, which open or follow a verb ("ανακοίνωσε το Σάββατο ότι") without being speakers
    "δευτερα", "τριτη", "τεταρτη", "πεμπτη", "παρασκευη", "σαββατο", "κυριακη", "понедельник", "вторник", "среда",
    "среду", "четверг", "пятница", "пятницу", "суббота", "субботу", "воскресенье",
    # capitalised words of official titles ("заместитель Генерального секретаря", "Высокий представитель")
    "генерального", "генеральный", "высокий", "высокого", "верховный", "верховного", "специальный", "специального",
    "постоянный", "постоянного", "secretary-general", "γενικού", "γενικός", "ύπατος", "ύπατου",
    # sixteenth session: "the Press" of a press release or a press office ("ανακοίνωση Τύπου", "δελτίο Τύπου") alone is
    # no one's name ("Γραφείο Τύπου", a name with its noun, is kept)
    "τύπου",
}
_NOT_NAMES = {folded(word) for word in _NOT_NAMES}  # compared folded: "высокий" is "высокии"
# Sixteenth session: a Greek month in any case ("της 31ης Μαρτίου", "τον Αύγουστο") is a date, never a speaker's name.
_NOT_NAMES |= {folded(word) for word in _month_words("el")}


# round 10: conjunctions and adverbs that open an English clause, capitalised at a sentence's start, before a name
_EN_CLAUSE_OPENERS = {"while", "whereas", "although", "though", "as", "after", "before", "when", "since", "if", "because",
                      "but", "and", "meanwhile", "however", "earlier", "later", "separately", "also", "then", "still",
                      "yet", "so", "once", "until", "unless", "whether"}

_ARTICLE_WORDS = {"the", "a", "an", "ο", "η", "το", "οι", "τα", "ενασ", "μια"}
# A direction before a place ("in northern Yemen", "στη βόρεια Συρία", "в северной Сирии").
_DIRECTION = {
    "en": r"(?:(?:northern|southern|eastern|western|central|north|south|east|west|northwestern|northeastern|"
          r"southwestern|southeastern|occupied|neighbouring|neighboring)\s+)?",
    "el": r"(?:(?:βόρει\w*|νότι\w*|ανατολικ\w*|δυτικ\w*|κεντρικ\w*|βορειοανατολικ\w*|βορειοδυτικ\w*|"
          r"νοτιοανατολικ\w*|νοτιοδυτικ\w*)\s+)?",
    "ru": r"(?:(?:северн\w*|южн\w*|восточн\w*|западн\w*|центральн\w*)\s+)?",
}
_PLACE_PREPOSITIONS = {
    "en": rf"(?<!\w)(?:in|of|from|at|near|to|into|across|outside|inside)\s+(?:the\s+)?{_DIRECTION['en']}$",
    "el": rf"(?<!\w)(?:της|του|των|στην|στον|στο|στη|στα|στις|στους|σε|από|προς|την|τον|τους|τις|τα)\s+{_DIRECTION['el']}$",
    "ru": rf"(?<!\w)(?:в|во|на|из|под|у|к|по|над|около|для|от|до|с)\s+{_DIRECTION['ru']}$",
}


# round 10: a word for a medium after a name: the name is a medium's, not a place's, after "to" or "in"
_EN_MEDIUM_AFTER = re.compile(r"\s+(?:radio|television|tv|newspaper|daily|news\s+agency|broadcaster|news\s+site)\b",
                              re.IGNORECASE)


# The object of an attribution or citing phrase is its source, never a place: "according to Al-Qedra", "со ссылкой на
# Гладкова"; greek round: the Greek accusative article after "σύμφωνα με" or "επικαλούμενο" marks that object ("σύμφωνα με
# τον Μουχάμαντ Άσιμ Χαν"), as it does a verb's object, not a place ("στην Οδησσό" takes σε).
_SOURCE_OBJECT_BEFORE = (r"(?:according\s+to|ссылкой\s+на|ссылаясь\s+на|(?<!\w)σύμφωνα\s+με|(?<!\w)επικαλούμεν\w*|(?<!\w)[Κκ]ατά|(?<!\w)[Μμ]ε\s+βάση|(?<!\w)(?:[Αα]νακοινώ|[Αα]ναφέρ|[Εε]πιβεβαιώ|[Γγ]νωστοποιή|[Μμ]εταδό|[Δδ]ηλώ)θηκ(?:ε|αν)\s+από|"
                         r"(?<!\w)επικαλ(?:είται|ούνται|έστηκ\w*|έσθηκ\w*)|"
                         # fifteenth session: a report's owner in the genitive ("σύμφωνα με πληροφορίες του ΣΚΑΪ",
                         # "ρεπορτάζ της ΕΡΤ"): a source, not a place
                         r"(?<!\w)(?:πληροφορί|ανακοίνωσ|δημοσίευμ|ρεπορτάζ|ανάρτησ|εκτιμήσ|έκθεσ|αποκλειστικ|"
                         # sixteenth session: a press release's owner ("δελτίο τύπου της Διεθνούς Ομοσπονδίας …")
                         r"δελτί\w*\s+[Ττ]ύπου|δελτί)\w*"
                         r"\s+(?:του|της|των))\s+(?:(?:τον|την|τη|το|τους|τις|τα)\s+)?$")


# Greek round: a capitalised name right after a common noun is that noun's name, in its case ("η επαρχία Τσέμπου", "της
# πολιτείας Γκουτζαράτ", "στην πόλη Ντέρνα"); after a noun for a place it is a place, whatever the case, never a speaker.
# Compared on the normalised text (no accents, final sigma folded).
_EL_PLACE_NOUN = (r"(?<!\w)(?:επαρχι|πολιτει|πολη|πολεω|περιοχ|χωρι[οα]|νησι|νησο|χωρα|χωρεσ|κομητει|πρωτευουσ|λιμαν|"
                  r"συνοικι|προαστι|νομο|νομου|κοιλαδ|ποταμ|επικρατει|"
                  # round 7: buildings and institutions by name are no speakers either ("του νοσοκομείου Αλ Σίφα", "στο
                  # στρατόπεδο Ζαμζάμ", "της φυλακής Σεντνάγια")
                  r"νοσοκομει|πανεπιστημι|σχολει|εργοστασι|στρατοπεδ|καταυλισμ|αεροδρομι|ξενοδοχει|τεμεν|εκκλησι|"
                  r"φυλακ|σταδι|πλατει|κλινικ|λεωφορ|γεφυρ|οδου|οδοσ|οδο)\w*\s+$")


# Round 7: Greek genitive endings (normalised, final sigma folded): a name in the genitive after "του/της/των" is a place or
# an organisation; words after it that are not in the genitive begin another noun phrase.
_EL_GENITIVE = r"(?:ου|ων|ησ|ασ|ιασ|εωσ)$"


# Fifteenth session: a verb of speaking (or an interview) and "to" right before a word: the one spoken to.
# Fifteenth session: a title or unnamed source whose body follows in the genitive ("ο εκπρόσωπος του ΥΠΕΞ").
_EL_TITLE_OF_ACRONYM = (r"(?i:εκπρόσωπ\w*|αξιωματούχ\w*|στέλεχ\w*|πηγ(?:ή|ές|ών))"
                        r"\s+(?:του|της|των)\s+$")
_EL_TOLD_ACRONYM = r"(?i:μιλώντας|μίλησ\w*|δήλωσ\w*|είπ\w*|ανέφερ\w*|συνέντευξ\w*(?:\s+(?:του|της))?)\s+στ(?:ο|ον|ην|η)\s+$"


def _el_titled_name_after_place(sentence: str, start: int, words: list[str]) -> bool:
    """Round 9: after a title and a building or place in the genitive ("Ο διευθυντής του νοσοκομείου Νίκος Παππάς"), a
    name of two words or more whose first word ends in -ος — the nominative, which the genitive place would not take —
    is the title's person in apposition, not the place's name."""
    before = folded(sentence[max(0, start - 60):start])
    if len(words) < 2 or re.search(r"(?:ου|ων|ησ|ασ)\s+$", normalised(sentence[max(0, start - 30):start])) is None:
        return False
    if normalised(words[0]).endswith("οσ"):
        return any(re.search(rf"(?<!\w){re.escape(folded(title))}(?!\w)", before) for title in C.PERSON_TITLES["el"])
    # fifteenth session: a first name in -ας or -ης ("Ο εκπρόσωπος του νοσοκομείου Ανδρέας Λάμπρου") is the nominative
    # of a masculine name too when the title is in the masculine nominative ("ο εκπρόσωπος"): the name agrees with it
    return normalised(words[0]).endswith(("ασ", "ησ")) and any(
        re.search(rf"(?<!\w)ο\s+(?:[^\W\d_]+\s+)?{re.escape(folded(title))}(?!\w)", before)
        for title in C.PERSON_TITLES["el"] if folded(title).endswith(("ς", "σ")))


def _el_case_change(sentence: str, start: int, words: list[str]) -> bool:
    """Round 7: a run of capitalised words after the genitive article whose first word is in the genitive and whose last
    two are not ("ο επικεφαλής της περιφερειακής διοίκησης του Κιέβου Ολέξιι Κουλέμπα"): the case changes, so the run is
    the genitive place and then a name in apposition to the title before it — a person's, in the nominative. A place of
    several words stays in the genitive throughout ("της Κεντρικής Αφρικανικής Δημοκρατίας")."""
    if len(words) < 3 or not re.search(r"(?<!\w)(?:του|της|των)\s+$", sentence[max(0, start - 5):start]):
        return False
    forms = [normalised(word) for word in words]
    return bool(re.search(_EL_GENITIVE, forms[0])) and not any(re.search(r"(?:ου|ων)$", form) for form in forms[-2:]) \
        and words[-1][:1].isupper() and words[-2][:1].isupper()


# Issue 15, thirteenth session: endings only a Greek genitive has (a person's name after a title in the nominative or
# accusative is in that case: "ο υπουργός Νίκος Παππάς", never "-ής", "-ών", "-ου" as its first word). A word in "-λής"
# is a nominative name, not a genitive (the review: "Περικλής", "Θεμιστοκλής", "Καραμανλής").
_EL_GENITIVE_ONLY = r"(?:ών|ων|ού|ου|(?<!λ)ής|είας|ειας|ικής|ικού|ικών|ιας)$"
_EL_GENITIVE_ANY = r"(?:ών|ων|ού|ου|ής|ης|ας|άς|ίας|ιας|είας|ειας)$"
_EL_TITLE_BEFORE = re.compile(r"([^\W\d_]+)\s+$")


def _el_title_complement(sentence: str, start: int, words: list[str], titles: set[str]) -> bool:
    """Issue 15, thirteenth session: a run of capitalised words right after a title in the nominative or accusative
    ("ο υφυπουργός Πολιτικής Άμυνας", "τον υπουργό Δημόσιας Τάξης"), every word in the genitive and the first in a form
    only the genitive has, is the title's complement (whose minister), not a name: the person is described, and named
    elsewhere. After a title in the genitive ("του υπουργού Νίκου Παππά") a name is in the genitive too: not this rule."""
    title = _EL_TITLE_BEFORE.search(sentence[max(0, start - 40):start])
    return el_complement_of_title(title.group(1) if title else "", words, titles)


def el_complement_of_title(title: str, words: list[str], titles: set[str] | None = None) -> bool:
    """``words`` after the Greek title word ``title`` are its complement (see ``_el_title_complement``)."""
    titles = _titles("el") if titles is None else titles
    word = folded(title.split()[-1]) if title.split() else ""
    # (a deputy's title is the title with its prefix: "υφυπουργός", "αντιπρόεδρος")
    if not any(w in titles for w in (word, re.sub(r"^(?:υφ|αντι)", "", word))) or re.search(r"(?:ου|ων)$", word):
        return False
    forms = [word.lower() for word in words]
    # (fifteenth session: four words or more are a portfolio and then a name whose words end like genitives, "ο
    # υπουργός Κλιματικής Κρίσης Γιάννης Κεφαλογιάννης": :func:`_names` keeps the name)
    return bool(forms) and len(forms) <= 3 and re.search(_EL_GENITIVE_ONLY, forms[0]) is not None \
        and all(re.search(_EL_GENITIVE_ANY, form) for form in forms)


def _titles(language: str) -> set[str]:
    return {folded(t) for t in C.PERSON_TITLES.get(language, [])} | {"lawmaker", "mp"}


# Round 10: the endings of Russian surnames (Иванов, Савинова, Сергеев, Никитин, Ильина, Козловский, Шевченко, Ковальчук,
# Петрович) and a verb of saying in the past right after the word: the subject of the verb, a person.
_RU_SURNAME_ENDING = r"(?:ова|ева|ёва|ина|ына|ов|ев|ёв|ин|ын|ский|ская|цкий|цкая|енко|ук|юк|ич)$"
_RU_SAID = (r"\s+(?:сообщил|заявил|сказал|рассказал|уточнил|подтвердил|пояснил|отметил|добавил|написал|подчеркнул|"
            r"проинформировал)а?(?!\w)")


def _names(sentence: str, language: str, mentions: list[Mention], masked,
           qualifiers: set[str] | None = None) -> list[tuple[int, int, str, str]]:
    """Capitalised names that are no known actor: (start, end, name, title words before it). Words that
    qualified a title before a longer name ("Губернатор Севастополя Михаил Развожаев") are added to
    ``qualifiers``: alone later ("губернатор Севастополя заявил") they are no name."""
    if language not in ("en", "el", "ru"):
        return []
    titles = _titles(language)
    found = []
    for match in _name_runs(sentence, mentions):
        start, end = match.span()
        if _inside(start, masked) or any(m.start < end and start < m.end for m in mentions):
            continue
        words = match.group(0).split()
        if language in ("el", "ru") and re.search(r"[A-Za-z]$", match.group(0)):
            # sixteenth session: Latin words in lower case after a Latin name in Greek or Russian text are the rest of that
            # foreign name ("το μέσο ενημέρωσης Tolo news"), not words of the sentence
            tail = re.match(r"(?:\s+[a-z][a-z’'-]*){1,2}(?![^\W\d_])", sentence[end:])
            if tail:
                words += tail.group(0).split()
                end += tail.end()
        if all(w.isupper() and len(w) > 1 for w in words) and re.match(r"\s*(?:—|–|-|,)", sentence[end:end + 3]) \
                and not sentence[:start].strip():
            continue  # "NAY PYI TAW —", "GAZA,": a dateline, not a speaker
        # A possessive ("Egypt’s military") is a description, not a speaker's name.
        if words[-1].endswith(("’s", "'s")):
            continue
        owners = [k for k, word in enumerate(words[:-1]) if word.endswith(("’s", "'s"))]
        if language == "en" and owners:
            words = words[owners[-1] + 1:]  # round 10: "the UN's Okapi radio": the owner's possessive is no part of it
        title = []
        if language == "en" and _en_modifier(sentence, start, end, words):
            continue  # sixteenth session: "by a Houthi missile", "an Israeli strike": a modifier of a common noun
        while words and folded(words[0]) in _ARTICLE_WORDS:
            words.pop(0)
        while words and folded(words[0]) in titles | {"lieutenant", "general"}:
            title.append(words.pop(0))
        if not words:
            continue
        lead_title = _title_before(sentence, start, titles)
        if not title and lead_title:
            title = [lead_title]
        if len(words) == 1 and re.search(r"(?<!\w)(?:υπουργ|υφυπουργ)\w*\s+$", sentence[max(0, start - 14):start],
                                                        re.IGNORECASE):
            continue  # "υπουργός Εσωτερικών": the minister's portfolio, not a name
        if language == "el" and _el_title_complement(sentence, start, words, titles):
            continue  # "ανακοίνωσε ο υφυπουργός Πολιτικής Άμυνας.": the title's complement, no name (the person follows)
        # (round 7: the title, not the ministry: "του υπουργείου Υγείας Αχμέτ Σαλέμ" names no portfolio)
        if re.search(r"(?<!\w)(?:[Υυ]πουργ(?![εέ][ιί])|[Υυ]φυπουργ)\w*\s+(?:[^\W\d_]+\s+)*?(?:(?:και|&)\s+)?$",
                     sentence[max(0, start - 60):start], re.IGNORECASE) \
                and re.match(r"\s*(?:,|και\s|&)", sentence[end:]) \
                and not re.search(r"[,.;:]", sentence[max(0, start - 60):start].casefold().split("υπουργ")[-1]):
            # "ο υπουργός Κλιματικής Κρίσης και Πολιτικής Προστασίας, Βασίλης Κικίλιας": the portfolio (the
            # capitalised words between the title and the comma or "και") is no name; the person follows.
            # "ο υπουργός Υποδομών Ιρακλί Καρσελάτζε, …": the portfolio is in the genitive; the words after it that
            # are not are the minister's name.
            genitive = 0
            while genitive < len(words) and re.search(r"(?:ών|ων|ου|ής|ης|ας|ίας|ιας|ού|ός)$", folded(words[genitive]).replace("σ", "ς")):
                genitive += 1
            if genitive == 0 or len(words) - genitive < 2:
                continue
            words = words[genitive:]
        if language == "el" and len(words) >= 3 and re.search(_EL_GENITIVE_ONLY, words[0].lower()) \
                and _EL_TITLE_BEFORE.search(sentence[max(0, start - 40):start]) \
                and el_complement_of_title(_EL_TITLE_BEFORE.search(sentence[max(0, start - 40):start]).group(1), words[:1],
                                           titles):
            # fifteenth session: "ο υπουργός Κλιματικής Κρίσης Γιάννης Κεφαλογιάννης" with no comma: the portfolio in
            # the genitive opens the run, the minister's name (its last two words at most) ends it
            while len(words) > 2 and re.search(_EL_GENITIVE_ANY, words[0].lower()):
                words = words[1:]
        # "Έξι", "Five"; but a name with digits glued to its letters is a name ("CNN News18")
        words = [w for w in words if not read_quantity(w, language=language) or re.search(r"[^\W\d_]\d", w)]
        compounds = [i for i, word in enumerate(words) if re.search(r"-(?:based|led|run|backed|controlled|born)$", word)]
        if compounds:
            words = words[compounds[-1] + 1:]  # "Gaza-based", "Hamas-led": a description; "Houthi-run Saba": Saba
        if not words or all(folded(word) in _NOT_NAMES for word in words):
            continue
        if any(re.match(r"(?:telegram|телеграм|youtube|instagram|facebook|vk|tiktok)-", word.casefold()) for word in words):
            continue  # russian round: "в своем Telegram-канале": a channel, where it was said, not who said it
        while language == "ru" and len(words) > 1 and folded(words[0]) in _NOT_NAMES:
            words.pop(0)  # russian round: "Позже Кобзев уточнил": an adverb opening the sentence is no part of the name
        while language == "en" and len(words) > 1 and folded(words[0]) in _EN_CLAUSE_OPENERS:
            words.pop(0)  # round 10: "While Mualushayi said 14 …": a subordinator opening the clause is no part of the name
        if re.search(_PLACE_PREPOSITIONS.get(language, r"$^"), sentence[max(0, start - 28):start], re.IGNORECASE) \
                and not re.search(_SOURCE_OBJECT_BEFORE, sentence[max(0, start - 30):start], re.IGNORECASE) \
                and not (language == "en" and _EN_MEDIUM_AFTER.match(sentence[end:])) \
                and not (language == "el" and re.fullmatch(r"[Α-ΩΆΈΉΊΌΎΏΪΫA-Z]{2,6}", match.group(0))
                         and (re.search(_EL_TOLD_ACRONYM, sentence[max(0, start - 40):start])
                              or re.search(_EL_TITLE_OF_ACRONYM, sentence[max(0, start - 40):start]))):
            # (fifteenth session: "Μιλώντας στην ΕΡΤ", "δήλωσε στον ΣΚΑΪ": an acronym told is a medium, not a place;
            # "ο εκπρόσωπος του ΥΠΕΞ": the body the title serves, below)
            # (round 10: "in comments to the UN's Okapi radio", "told to the Dawn newspaper": a medium, not a place)
            if not _el_case_change(sentence, start, words):
                continue  # "στην Οδησσό", "в Белгороде", "in Kherson": a place ("according to Al-Qedra" is no place)
            words = words[-2:]  # round 7: "της … διοίκησης του Κιέβου Ολέξιι Κουλέμπα": the place, then the person
        if language == "el" and re.fullmatch(r"[Α-ΩΆΈΉΊΌΎΏΪΫA-Z]{2,6}", match.group(0)) \
                and re.search(_EL_TITLE_OF_ACRONYM, sentence[max(0, start - 40):start]):
            title = []  # fifteenth session: the body a spokesman serves is no person with his title
        if language == "el" and re.search(_EL_PLACE_NOUN, normalised(sentence[max(0, start - 30):start])) \
                and not (sentence[max(0, start - 1):start] == "("  # sixteenth session: "στη χώρα (MINUZA)": a gloss
                         and re.fullmatch(r"[A-ZΑ-ΩΆΈΉΊΌΎΏ][A-ZΑ-ΩΆΈΉΊΌΎΏ0-9&.-]{1,9}", match.group(0))) \
                and not re.search(r"[,;:]\s*$", sentence[:start]) and not _el_titled_name_after_place(sentence, start, words):
            # (round 7: normalised, a comma is a space — a name set off by a comma after the noun, "Ο δήμαρχος της
            # πόλης, Γιόζεφ Κλάους, δήλωσε", is in apposition to the title, not the place's name)
            continue  # greek round: "της επαρχίας Τσέμπου", "της πολιτείας Γκουτζαράτ": the name of the place the noun is
        if qualifiers is not None and len(words) == 1 and folded(words[0]) in qualifiers and title:
            continue  # "губернатор Севастополя": the governor named before, not a new speaker
        if language == "ru" and len(words) == 1 and re.search(r"(?:ого|его|ому|ему|ыми|ими)$", words[0]) \
                and re.match(r"\s+[а-яё]", sentence[end:]):
            continue  # "директор Национального совета …": an adjective of an organisation's name, not a person
        if language == "ru" and len(words) == 1 and re.search(_RU_ADJECTIVE_ENDING, words[0]) \
                and re.match(_RU_UNIT_NOUN, sentence[end:]):
            continue  # russian round: "властей Кемеровской области", "ГУ МЧС Краснодарского края": a region's adjective
        # A single capitalised word opening the sentence is usually not a name ("Παράλληλα", "Earlier").
        offset = sentence.find(words[0], start)
        if offset == _first_word_start(sentence) and len(words) == 1 and not (
                language == "ru" and re.search(_RU_SURNAME_ENDING, words[0]) and re.match(_RU_SAID, sentence[end:])):
            continue  # (round 10: but a Russian surname before a verb of saying it agrees with is: "Савинова сообщила")
        # "Vivian van de Perre": particles belong to the word they precede.
        tokens: list[str] = []
        for word in words:
            if tokens and tokens[-1].split()[-1] in _NAME_PARTICLES:
                tokens[-1] += " " + word
            else:
                tokens.append(word)
        words = tokens
        organisation = [folded(w) for w in C.ORGANISATION_WORDS.get(language, [])]
        names_an_organisation = any(_same_stem(folded(word), w) for word in words for w in organisation) \
            or (len(words) > 2 and all(word.isupper() for word in words))  # russian round: "ГУ МВД РФ", abbreviations
        if language == "el" and len(words) > 2 and not names_an_organisation:
            # round 7: a Greek person's name is the words after the genitives that qualify the title before it ("Υγείας",
            # "Κιέβου"), all of them ("Μοχάμεντ Αμπού Σάλμια", "Μοχαμάντ Ρεζά Ζαφαργκαντί")
            while len(words) > 2 and re.search(_EL_GENITIVE, normalised(words[0])):
                words = words[1:]
            words = words[-3:]
        if len(words) > 2 and not names_an_organisation and language != "el":
            # A person's name is its last words ("Губернатор Севастополя Михаил Развожаев"); an organisation's
            # is all of them ("Το Συριακό Παρατηρητήριο Ανθρωπίνων Δικαιωμάτων").
            if qualifiers is not None and title:
                qualifiers.update(folded(word) for word in words[:-2])
            words = words[-2:]
        surface = " ".join(words)
        name_start = sentence.find(words[0], start)
        name = surface
        if language == "ru" and len(words) == 2 and not names_an_organisation \
                and _RU_GENITIVE_BEFORE.search(sentence[max(0, name_start - 80):name_start]):
            name = " ".join(_ru_nominative(word) for word in words)
        elif language == "ru" and len(words) == 1 and not words[0].isupper() and not names_an_organisation \
                and re.search(_RU_GENITIVE_RIGHT_BEFORE, sentence[max(0, name_start - 40):name_start], re.IGNORECASE):
            name = _ru_nominative(words[0])  # russian round: "по словам Петрова", "губернатора Петрова": Петров
        found.append((name_start, name_start + len(surface), name, " ".join(title)))
    return found


# Sixteenth session: after an indefinite article, one or two capitalised words before a lower-case common noun modify
# that noun ("wounded by a Houthi missile", "an Israeli strike", "a French soldier"): a demonym or a group's name used
# as an adjective, not a speaker. Not before a noun that makes the words a body's or a speaker's name or owner (a title,
# a body's or a medium's noun, a group, a study: "a CAR spokesman", "an IOM study", "a Darfur rebel group").
_EN_OWNED_NOUNS = {folded(word).rstrip("s") for word, _ in C.DESCRIPTION_HEADS["en"]} | {
    "study", "survey", "report", "assessment", "count", "tally", "figure", "data", "estimate", "statement", "source",
    "witness", "reporter", "correspondent", "journalist", "analyst", "expert", "rebel", "group", "leader", "member",
    "worker", "staff", "doctor", "nurse", "medic", "lawmaker", "activist", "resident", "villager", "survivor", "said",
    "say", "told", "added", "reported", "wrote", "news", "agency", "press", "tv", "media"}


def _en_modifier(sentence: str, start: int, end: int, words: list[str]) -> bool:
    """Whether the run of capitalised ``words`` at ``start`` modifies the common noun after it (see above)."""
    own = words[1:] if words and folded(words[0]) in ("a", "an") else words
    if own is words and not re.search(r"(?<![\w-])[Aa]n?\s+$", sentence[max(0, start - 4):start]):
        return False
    if not 1 <= len(own) <= 2 or any(word.isupper() and len(word) > 1 for word in own):
        return False  # (an acronym is an organisation's name: "an IOM team", whatever its noun)
    noun = re.match(r"\s+([a-z][a-z-]*)", sentence[end:])
    return noun is not None and folded(noun.group(1)).rstrip("s") not in _EN_OWNED_NOUNS


# Russian round: a capitalised adjective before a lower-case noun of an administrative unit or a body ("властей
# Кемеровской области", "губернатор Кемеровской области Сергей Цивилев", "ГУ МЧС по Краснодарскому краю") qualifies the
# noun: a region or a body, not a speaker.
_RU_ADJECTIVE_ENDING = r"(?:ой|ей|ого|его|ому|ему|ая|яя|ую|юю|ий|ый|ые|ых|их|ом|ем)$"
_RU_UNIT_NOUN = (r"\s+(?:област|кра[яюеий]|республик|район|округ|город|губерни|министерств|управлени|служб|ведомств|"
                 r"администрац|правительств|прокуратур|полици|комитет|департамент)\w*")


# Round 6: a Russian person named in the genitive — after "по словам" or a title in the genitive ("по словам министра …
# Сергея Капустина", "заявление губернатора Ивана Петрова") — is proposed under the name in the nominative, as a
# curator writes it and as the same person is named elsewhere ("Сергей Капустин").
_RU_GENITIVE_BEFORE = re.compile(r"(?:(?<!\w)по\s+словам|(?<!\w)(?:губернатора|министра|главы|директора|руководителя|"
                                 r"представителя|президента|мэра|начальника|заместителя|помощника|председателя|"
                                 r"пресс-секретаря))(?:\s+[^\s,.;:]+){0,6}\s+$", re.IGNORECASE)
# Russian round: a surname alone right after "по словам" or a title in the genitive is in the genitive too.
_RU_GENITIVE_RIGHT_BEFORE = (r"(?:(?<!\w)по\s+словам|(?<!\w)(?:губернатора|министра|главы|директора|руководителя|"
                             r"представителя|президента|мэра|начальника|заместителя|помощника|председателя|"
                             r"пресс-секретаря))\s+$")
_RU_GENITIVE_ENDINGS = (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская"), ("ея", "ей"), ("ия", "ий"),
                        ("ии", "ия"), ("ы", "а"))


def _ru_nominative(word: str) -> str:
    for genitive, nominative in _RU_GENITIVE_ENDINGS:
        if word.endswith(genitive) and len(word) > len(genitive) + 2:
            return word[:-len(genitive)] + nominative
    if re.search(r"[бвгджзклмнпрстфхцчшщ]а$", word) and len(word) > 3:
        return word[:-1]  # "Ивана" → "Иван", "Капустина" → "Капустин"
    if re.search(r"[гкх]и$", word) and len(word) > 3:
        return word[:-1] + "а"  # "Ольги" → "Ольга"
    return word


def _name_runs(sentence: str, mentions: list[Mention]):
    """Runs of capitalised words, cut where a known actor is named: "замгенсека ООН Розмари Дикарло" gives
    the mention ООН and the run "Розмари Дикарло"."""
    for match in _NAME_RUN.finditer(sentence):
        start, end = match.span()
        inside = sorted((m for m in mentions if m.start < end and start < m.end), key=lambda m: m.start)
        if not inside:
            yield match
            continue
        position = start
        for mention in inside:
            yield from _NAME_RUN.finditer(sentence[:max(position, mention.start)], position)
            position = max(position, mention.end)
        yield from _NAME_RUN.finditer(sentence[:end], position)


def _first_word_start(sentence: str) -> int:
    match = re.search(r"[^\W\d_]", sentence)
    return match.start() if match else 0


def _title_before(sentence: str, start: int, titles: set[str]) -> str:
    before = re.findall(r"[^\W\d_][\w-]*", sentence[max(0, start - 40):start])
    for word in reversed(before[-3:]):
        if folded(word) in titles:
            return word
    return ""


def _same_stem(word: str, other: str) -> bool:
    """Two Greek or Russian words that differ only in their case ending ("управления" and "управление",
    "Παρατηρητηρίου" and "παρατηρητήριο"): the same letters but the last one or two."""
    if min(len(word), len(other)) < 5:
        return word == other
    stem = other[:-2] if len(other) >= 7 else other[:-1]
    return word.startswith(stem) and len(word) - len(stem) <= 3


# Tenth session: what a proposed speaker's span may not begin with, in every language — a day or a time word that
# stands between a verb and its subject ("κατέγραψε την Παρασκευή ο στρατός", "أعلنت في وقت سابق"), an article, a
# preposition with its clitic pronoun ("أفادت بها وكالة …") — compared folded.
_LEADING_NOISE = {
    "el": {"δευτερα", "τριτη", "τεταρτη", "πεμπτη", "παρασκευη", "σαββατο", "κυριακη", "σημερα", "χθες", "αυριο",
           "ο", "η", "το", "οι", "τα", "την", "τον", "τη", "της", "του", "των", "τις", "τους", "και"},
    "en": {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
           "tonight", "the", "and", "on"},
    "ru": {"понедельник", "вторник", "среду", "среда", "четверг", "пятницу", "пятница", "субботу", "суббота",
           "воскресенье", "сегодня", "вчера", "накануне", "и", "в", "во"},
    "ar": {"بها", "به", "لها", "له", "عنها", "عنه", "فيها", "فيه", "منها", "منه", "اليوم", "امس", "أمس", "في", "و"},
    "ko": {"지난", "오늘", "어제", "이날", "전날"},
}
# Words that name no one when they are all a proposal holds: unnamed media, a person by a relative clause ("피해를 본
# 사람", "the one who…"), a time ("وقت سابق", earlier), an indefinite "someone".
_GENERIC = {
    "el": {"μμε", "μεσα", "ενημερωσησ", "ανθρωποι", "κατοικοι"},
    "en": {"media", "reports", "sources", "people", "residents", "someone"},
    "ru": {"источник", "источники", "люди", "жители", "очевидцы"},
    "ar": {"وقت", "سابق", "لاحق", "وسائل", "الاعلام", "الإعلام", "مصادر"},
    "ko": {"사람", "사람들", "이들", "주민", "주민들", "언론"},
}
# Sixteenth session, second round: Korean role nouns written before a person's name ("현지 경찰 오스만 누르의 말을
# 인용해"), and the endings that make what follows a body, a title or a place rather than a name.
_KO_ROLE_NOUNS = {"경찰", "경찰관", "관리", "당국자", "관계자", "의사", "군인", "병사", "목격자", "기자", "주민", "소방관", "구조대원"}
_KO_NOT_A_NAME_END = ("부", "청", "처", "국", "원", "청장", "대변인", "장관", "대", "단", "군", "서", "소", "회", "위원회", "본부",
                      "당국", "시", "주", "도", "현", "성", "마을", "지역")
# A Korean adnominal verb form before a generic noun ("피해를 본 사람", "숨진 사람"): a relative clause, not a name.
_KO_ADNOMINAL = re.compile(r"(?:[은는던]|[본한된간온진던운]|[ㄴ])$")


def shaped_name(name: str, language: str) -> str:
    """A proposed speaker's name with its span made right: cut before a bracket ("콩고민주공화국(민주콩고"), the first of
    coordinated names ("말라위와 우루과이": 말라위; "X and Y"), leading days, times, articles and clitics dropped
    ("Παρασκευή ο στρατός του Μάλι": "στρατός του Μάλι"); "" when what is left is no name (only generic words: "СМИ",
    "본 사람", "وقت سابق")."""
    name = re.split(r"[()\[\]«»“”\"]", name.strip())[0].strip(" ,.;:-–—'’")
    words = name.split()
    if language == "ko" and len(words) >= 3 and words[0] in _KO_ROLE_NOUNS \
            and all(re.fullmatch(r"[가-힣]{1,6}", w) and w not in _KO_ROLE_NOUNS for w in words[1:]) \
            and not words[-1].endswith(_KO_NOT_A_NAME_END):
        words = words[1:]  # "경찰 오스만 누르": a role noun before a person's name is no part of it
    if language == "ko":
        for k, word in enumerate(words[:-1]):
            if re.search(r"[가-힣](?:와|과)$", word) and len(word) >= 3:
                words = words[:k] + [word[:-1]]  # coordinated: the first conjunct, as curators annotate
                break
    elif language in ("en", "el", "ru", "ar"):
        conjunction = {"en": "and", "el": "και", "ru": "и", "ar": None}[language]
        organisation = {folded(w) for w in C.ORGANISATION_WORDS.get(language, ())}
        if conjunction and conjunction in words[1:-1] and all(w[:1].isupper() for w in words if w != conjunction) \
                and folded(words[-1]) not in organisation:  # round 12: "… Reduction and Management Council" is one name
            words = words[:words.index(conjunction)]  # "Malawi and Uruguay": the first of two names
    noise = {folded(w) for w in _LEADING_NOISE.get(language, ())}
    while len(words) > 1 and folded(words[0]) in noise:
        words.pop(0)
    if not words:
        return ""
    if language == "ru":
        words[0] = ru_body_nominative(words[0])
        words[:2] = ru_feminine_body_nominative(words[:2])
    generic = {folded(w) for w in _GENERIC.get(language, ())}
    if all(folded(w) in generic for w in words):
        return ""
    if language == "ko" and len(words) >= 2 and folded(words[-1]) in generic and _KO_ADNOMINAL.search(words[-2]):
        return ""  # "피해를 본 사람": a relative clause on a common noun
    return " ".join(words)


# Sixteenth session: a Russian body's head noun in the prepositional or dative case, and its nominative ending: "в
# Минздраве Армении сообщили" proposes "Минздрав Армении", "в Министерстве обороны" "Министерство обороны". Only forms no
# other case shares (the genitive and the instrumental, which annotations keep as written, are left as they are).
_RU_BODY_CASES = (
    (re.compile(r"((?:[Мм]ин(?:здрав|транс|фин|юст|труд|спорт|сельхоз|промторг|регион))|[Кк]омитет|[Дд]епартамент|[Шш]таб)"
                r"(?:е|у)"), ""),
    (re.compile(r"([Мм]ин(?:стро))(?:е|ю)"), "й"),
    (re.compile(r"((?:[Мм]инистерств|[Аа]гентств|[Вв]едомств|[Пп]равительств))(?:е|у)"), "о"),
    (re.compile(r"([Уу]правлени)(?:и|ю)"), "е"),
)


def ru_body_nominative(word: str) -> str:
    """Sixteenth session: a Russian body's head noun ("Минздраве", "Министерстве", "Управлении") in the nominative; any
    other word as it is."""
    for form, ending in _RU_BODY_CASES:
        found = form.fullmatch(word)
        if found:
            return found.group(1) + ending
    return word


# Sixteenth session, second round: a capitalised feminine adjective in an oblique case ("-ой") and the feminine head
# noun after it ("организации", "организация"), the first two words of a body's name after "по данным" or "со ссылкой
# на": put back in the nominative ("Международной организации по миграции" -> "Международная организация по миграции").
# Only a noun in "-ия"/"-ии" directly after the adjective: a run of adjectives ("Донецкой областной … администрации")
# and masculine or neuter names ("-ого") are left as written.
_RU_FEMININE_ADJECTIVE = re.compile(r"([А-ЯЁ][а-яё]+)ой")
_RU_FEMININE_NOUN = re.compile(r"([а-яё]{3,}и)(?:и|я)")


def ru_feminine_body_nominative(words: list[str]) -> list[str]:
    """The first two words of a Russian body's name, a feminine adjective and its "-ия" noun, in the nominative
    ("Международной организации" -> "Международная организация"); any other pair as it is."""
    if len(words) < 2:
        return words
    adjective, noun = _RU_FEMININE_ADJECTIVE.fullmatch(words[0]), _RU_FEMININE_NOUN.fullmatch(words[1])
    if not adjective or not noun:
        return words
    return [adjective.group(1) + "ая", noun.group(1) + "я"]


# An organisation's or an agency's word: a description made of it may be a registry actor's name in other words.
_BODY_WORDS = {"agency", "ministry", "service", "council", "υπηρεσια", "υπουργειο", "πρακτορειο", "агентство",
               "министерство", "служба", "وكالة", "وزارة", "هيئة", "مديرية", "통신", "부", "청"}


def _content_words(text: str, language: str) -> set[str]:
    words = set()
    for word in folded(text).split():
        if language == "ar" and word.startswith("ال") and len(word) > 4:
            word = word[2:]  # the article joined to the word: "الأنباء" is "أنباء" in "للأنباء"
        if language == "ar" and word.startswith("لل") and len(word) > 4:
            word = word[2:]
        if language in ("el", "ru") and len(word) >= 6:
            word = word[:-2]  # a case ending
        words.add(word)
    return words


def described_actor(name: str, language: str, index) -> "object | None":
    """Tenth session: the one registry actor whose name or alias holds every word of the description ``name`` in
    another order or form ("وكالة الأنباء السورية" for "الوكالة العربية السورية للأنباء"): a body the registry holds is
    resolved, not proposed again. None unless exactly one actor does, and only for a description of two words or more
    naming a kind of body."""
    wanted = _content_words(name, language)
    if len(wanted) < 2 or not wanted & _content_words(" ".join(_BODY_WORDS), language):
        return None
    found = {}
    for known, ref in [*index.names.items(), *index.descriptors.items()]:
        if len(known.split()) >= len(wanted) and wanted <= _content_words(known, language):
            found[ref.key] = ref
    return next(iter(found.values())) if len(found) == 1 else None
