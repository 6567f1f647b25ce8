"""Finding the cues of a sentence (reporting verbs, attribution phrases, citing and relaying words) from the
per-language lists of :mod:`claims.extraction.cues`."""

import re

from .. import cues as C
from ..actors import TATWEEL, arabic_letters, folded, normalised
from . import english
from .state import Cue


_CUE_REGEX: dict[str, list] = {}


def _cue_patterns(language: str):
    if language not in _CUE_REGEX:
        patterns = []
        for phrase, role, hedge, side in sorted(C.CUES.get(language, []), key=lambda cue: -len(cue[0])):
            escape = arabic_letters if language == "ar" else re.escape
            body = r"\s+".join(escape(part) for part in folded(phrase).split())
            if language == "el" and " " in phrase.strip():
                # sixteenth session: an adverb may stand inside a Greek phrase of saying ("έκανε επίσης λόγο", "έκαναν
                # ήδη λόγο", "εξέδωσε χθες ανακοίνωση")
                adverbs = "|".join(r"\s+".join(map(re.escape, folded(a).split())) for a in C.EL_ADVERBS)
                body = rf"\s+(?:(?:{adverbs})\s+)?".join(escape(part) for part in folded(phrase).split())
            if language == "ar":
                # A phrase ending in the preposition ل or ب ("وفقاً ل") takes the next word as a clitic: "وفقاً لحصيلة".
                clitic = re.search(r"(?:^|\s)[لب]\u0640?$", folded(phrase))
                # fifteenth session: a vowel mark ending the word ("معلناً") is no letter after it
                regex = re.compile(rf"(?<!\w)(?:و|ف)?({body})" + ("" if clitic else rf"{TATWEEL}*(?!\w)"))
            elif language == "ko":
                # a connective form ("말해", "밝혀") must end its word: "밝혀졌다" (was found) is no cue
                tail = r"(?![가-힣])" if phrase.endswith(("해", "혀", "며")) else ""
                regex = re.compile(rf"({body}){tail}")
            else:
                regex = re.compile(rf"(?<!\w)({body})(?!\w)")
            patterns.append((regex, role, hedge, side, phrase, _needle(phrase)))
        _CUE_REGEX[language] = patterns
    return _CUE_REGEX[language]


def _needle(phrase: str) -> str:
    """A word every match of the phrase's pattern holds as written (the longest; tatweels taken out, as the Arabic
    pattern allows them between letters): a text without it holds no match, and its pattern need not be run."""
    return max(folded(phrase).replace(TATWEEL, "").split(), key=len, default="")


_NORMALISED: dict[str, tuple[str, str]] = {}


def _normalised(sentence: str) -> str:
    """``normalised(sentence)``, read off the last sentence normalised when this one is part of it (the clause
    rules ask for the cues of a sentence's every prefix before a verb: one character at a time for each was
    quadratic on a sentence of hundreds of verbs). Normalising is one character for one, so any part reads
    the same wherever it is found."""
    last = _NORMALISED.get("last")
    if last is not None and len(sentence) > 64:
        position = last[0].find(sentence)
        if position >= 0:
            return last[1][position:position + len(sentence)]
    text = normalised(sentence)
    if len(sentence) > 64:
        _NORMALISED["last"] = (sentence, text)
    return text


_EL_PERIPHRASTIC: list = []


def _el_periphrastic():
    """Greek round: the perfect and pluperfect of every reporting verb, with an adverb or two allowed between the
    auxiliary and the verb ("είχε προηγουμένως επιβεβαιώσει"): (regex, the hedge of each non-finite form)."""
    if not _EL_PERIPHRASTIC:
        auxiliaries = "|".join(re.escape(folded(a)) for a in C.EL_AUXILIARIES)
        adverbs = "|".join(r"\s+".join(map(re.escape, folded(a).split())) for a in C.EL_ADVERBS)
        hedges = {folded(form): hedge for form, hedge in C.EL_PERFECTS.items()}
        forms = "|".join(r"\s+".join(map(re.escape, form.split())) for form in sorted(hedges, key=len, reverse=True))
        _EL_PERIPHRASTIC.append((re.compile(rf"(?<!\w)((?:{auxiliaries})\s+(?:(?:{adverbs})\s+){{0,2}}({forms}))(?!\w)"), hedges))
    return _EL_PERIPHRASTIC[0]


_EL_PASSIVE_AGENT: list = []


def _el_passive_agent():
    """Round 10: "ανακοινώθηκε από", "έγινε σήμερα γνωστό από", "επιβεβαιώθηκε νωρίτερα από": a passive aorist of a
    reporting verb (its words may take an adverb between them), up to two adverbs, then the agent's preposition."""
    if not _EL_PASSIVE_AGENT:
        adverbs = "|".join(r"\s+".join(map(re.escape, folded(a).split())) for a in C.EL_ADVERBS)
        adverb = rf"(?:{adverbs})"
        forms = "|".join(rf"\s+(?:{adverb}\s+)?".join(map(re.escape, folded(form).split()))
                         for form in sorted(C.EL_PASSIVE_REPORTS, key=len, reverse=True))
        _EL_PASSIVE_AGENT.append(re.compile(rf"(?<!\w)(?:{forms})\s+(?:{adverb}\s+){{0,2}}απο(?!\w)"))
    return _EL_PASSIVE_AGENT[0]


_EL_GAVE_FIGURES: list = []


def _el_gave_figures():
    """Round 12: giving a toll or figures is stating them ("Η υπηρεσία … έδωσε επίσης απολογισμό 52 νεκρούς", "οι αρχές
    δίνουν νέο απολογισμό", "έδωσε στοιχεία για 30 τραυματίες"): the verb, up to two adverbs, up to two determiners or
    adjectives of a report, then the toll, number or figures. The cue is the verb, whose subject is the source."""
    if not _EL_GAVE_FIGURES:
        adverbs = "|".join(r"\s+".join(map(re.escape, folded(a).split())) for a in C.EL_ADVERBS)
        _EL_GAVE_FIGURES.append(re.compile(
            rf"(?<!\w)(εδωσε|εδωσαν|δινει|δινουν)\s+(?:(?:{adverbs})\s+){{0,2}}"
            r"(?:(?:τον|το|τα|ενα|νεο|νεα|νεωτερο|νεοτερο|τελευταιο|τελευταια|αναθεωρημενο|επισημο|επισημα|πρωτο|πρωτα|"
            r"αρχικο|αρχικα|νεκρων|θυματων)\s+){0,2}(?:απολογισμο|αριθμο|στοιχεια)(?!\w)"))
    return _EL_GAVE_FIGURES[0]


# Sixteenth session (second Greek round): a count whose owner is named in the genitive, as the subject of a verb of
# amounting ("ο συνολικός απολογισμός της οργάνωσης ανέρχεται σε 452", "ο αριθμός των νεκρών του υπουργείου φτάνει
# τους 30"): the count states its figure, and its owner states it (``clauses.non_agent_subject`` finds the owner
# between the count and the verb). The cue is the verb; a nominative article opens the count, the owner's genitive
# article follows it (singular: "ο αριθμός των αγνοουμένων" counts the missing, it is no one's; a sentence with
# "σύμφωνα με" after the verb is left to that phrase), and the verb comes within 60 characters with no punctuation
# between. Normalised text.
_EL_COUNT_AMOUNTS = re.compile(
    r"(?<!\w)(?:ο|η|τα|οι)\s+(?:[^\W\d_]+\s+){0,2}(?:απολογισμοσ|αριθμοσ|στοιχεια|καταμετρηση|καταγραφη)\s+"
    r"(?:του|τησ)\s+[^,.;:«»\"()]{1,60}?\s(ανερχεται|ανερχονται|ανερχοταν|ανηλθε|ανηλθαν|φτανει|φτανουν|φθανει|"
    r"φθανουν|εφτασε|εφτασαν|εφθασε|εφθασαν)\s+(?:σε|στουσ|στισ|στα|τουσ|τισ|τα)(?!\w)")
# Sixteenth session (second Greek round): a statement's noun with its owner in the genitive and then what it says ("μια
# μέρα μετά την ανακοίνωση του στρατού ότι σκότωσε 41 μαχητές", "η εκτίμηση της υπηρεσίας πως 12 αγνοούνται"): the
# owner states the clause after "ότι"/"πως", as after "σύμφωνα με την ανακοίνωση του στρατού". The cue is the noun,
# its agent the genitive after it; the clause runs to "ότι"/"πως" within 60 characters with no punctuation between.
_EL_STATEMENT_THAT = re.compile(
    r"(?<!\w)(ανακοινωση|ανακοινωσησ|δηλωση|δηλωσησ|δηλωσεισ|δηλωσεων|εκτιμηση|εκτιμησησ|ισχυρισμο|ισχυρισμου|"
    r"ενημερωση|ενημερωσησ)(?=\s+(?:του|τησ|των)\s+[^,.;:«»\"()]{1,60}?\s(?:οτι|πωσ)(?!\w))")

_EL_THAT = re.compile(r"(?<!\w)(?:οτι|πωσ)(?!\w)")

_AR_TOLL_VERB: list = []


def _ar_toll_verb():
    """Sixteenth session: an Arabic verb of raising or distributing a toll (``cues.AR_TOLL_VERBS``), its subject in one
    to four words, then the toll (``cues.AR_TOLL_NOUNS``): the verb is a cue of saying, its subject the source
    ("ووزّع المرصد الحصيلة على الشكل التالي: 226 …"). Vowel marks are tatweels in the normalised text."""
    if not _AR_TOLL_VERB:
        verbs = "|".join(arabic_letters(folded(verb)) for verb in sorted(C.AR_TOLL_VERBS, key=len, reverse=True))
        nouns = "|".join(arabic_letters(folded(noun)) for noun in sorted(C.AR_TOLL_NOUNS, key=len, reverse=True))
        _AR_TOLL_VERB.append(re.compile(
            rf"(?<!\w)(?:و|ف)?{TATWEEL}*({verbs}){TATWEEL}*\s+(?:[^\s.،:؛]+\s+){{1,4}}?(?:{nouns}){TATWEEL}*(?!\w)"))
    return _AR_TOLL_VERB[0]


_RU_PEOPLES_ACCORDING = re.compile(r"(?<!\w)по\s+([а-яё]+[сц]ким\s+(?:(?:официальным|последним|предварительным)\s+)?)"
                                   r"(данным|оценкам|подсчетам|подсчётам|сведениям)(?!\w)", re.IGNORECASE)
_RU_POSSESSIVE_ACCORDING = re.compile(r"(?<!\w)по\s+(его|ее|её|их)\s+(словам|данным|информации|оценке|оценкам|сведениям)(?!\w)",
                                      re.IGNORECASE)


def find_cues(sentence: str, language: str, masked: list[tuple[int, int]]) -> list[Cue]:
    text = _normalised(sentence)
    found: list[Cue] = []
    patterns = list(_cue_patterns(language))
    bare = text.replace(TATWEEL, "") if language == "ar" else text
    if language == "el":
        regex, hedges = _el_periphrastic()
        for match in regex.finditer(text):
            start, end = match.span(1)
            if not _inside(start, masked):
                form = re.sub(r"\s+", " ", match.group(2))
                found.append(Cue(start, end, C.SPEECH, hedges.get(form, "asserted"), "left", sentence[start:end]))
    if language == "el":
        # round 10: a passive of a reporting verb, up to two adverbs, then "από": the agent after it is the source
        for match in _el_passive_agent().finditer(text):
            if not _inside(match.start(), masked):
                found.append(Cue(match.start(), match.end(), C.ACCORDING, "asserted", "right", match.group(0)))
    if language == "el":
        according = text.rfind("συμφωνα με")
        for match in _EL_COUNT_AMOUNTS.finditer(text):
            # (normalised text has no punctuation: the clause is read in the sentence itself)
            if not _inside(match.start(1), masked) and not re.search(r"[,.;:«»\"()]", sentence[match.start():match.start(1)]) \
                    and according < match.end():
                found.append(Cue(match.start(1), match.end(1), C.SPEECH, "asserted", "left", match.group(1)))
        for match in _EL_STATEMENT_THAT.finditer(text):
            that = _EL_THAT.search(text, match.end(1), match.end(1) + 90)
            if not _inside(match.start(1), masked) and that \
                    and not re.search(r"[,.;:«»\"()]", sentence[match.end(1):that.start()]):
                found.append(Cue(match.start(1), match.end(1), C.ACCORDING, "asserted", "right", match.group(1)))
    if language == "el":
        for match in _el_gave_figures().finditer(text):
            if not _inside(match.start(), masked):
                found.append(Cue(match.start(1), match.end(1), C.SPEECH, "asserted", "left", match.group(1)))
    if language == "ar" and "حصيل" in bare:
        for match in _ar_toll_verb().finditer(text):
            if not _inside(match.start(1), masked):
                found.append(Cue(match.start(1), match.end(1), C.SPEECH, "asserted", "right", match.group(1)))
    if language == "ru":
        # russian round: "По его словам", "по её данным": the attribution phrase with a possessive pronoun between its
        # words; the cue is the preposition, so that its object is the pronoun, the speaker named before.
        for match in _RU_POSSESSIVE_ACCORDING.finditer(text):
            if not _inside(match.start(), masked):
                noun = match.group(2)
                found.append(Cue(match.start(), match.start(1), C.ACCORDING,
                                 "estimated" if noun.startswith("оценк") else "asserted", "right", f"по {noun}"))
        # fourteenth session: "по украинским данным", "по российским официальным оценкам": a people's adjective
        # between the preposition and the figures; the cue is the preposition, its object the adjective and the noun
        # (``described.country_of_figures`` reads the country)
        for match in _RU_PEOPLES_ACCORDING.finditer(text):
            if not _inside(match.start(), masked):
                noun = match.group(2)
                found.append(Cue(match.start(), match.start(1), C.ACCORDING,
                                 "estimated" if noun.startswith("оценк") else "asserted", "right", f"по {noun}"))
    # the positions the cues found so far take: a match overlapping one is no cue (a longer phrase was tried first)
    taken = bytearray(len(text) + 1)
    for cue in found:
        taken[cue.start:cue.end] = b"\1" * (cue.end - cue.start)
    concessive = None
    for regex, role, hedge, side, phrase, needle in patterns:
        if needle not in bare:
            continue
        for match in regex.finditer(text):
            start, end = match.span(1)
            if _inside(start, masked):
                continue
            if (any(taken[start:end]) if start < end else any(c.start < end and start < c.end for c in found)):
                continue
            if "(" in sentence[max(0, start - 3):start] and re.search(r"\(\s*$", sentence[max(0, start - 3):start]) \
                    and re.match(r"\s*\)", sentence[end:]):
                continue  # round 6: "(أفاد)": a word alone in brackets glosses the name before it; no verb stands so
            if language == "en":
                if concessive is None:
                    concessive = english.concessive_words(sentence)
                if english.participle(sentence, start, end, phrase, concessive):
                    continue  # "were confirmed dead", "the confirmed death toll": no verb of saying
            if language == "el" and phrase == "κατά" and not re.match(C.EL_KATA_SOURCE, sentence[end:]):
                continue  # greek round: "κατά τη διάρκεια", "κατά 27%": not "according to"
            if language == "el" and re.match(r"(?:καταγραφ|μετρ)", english.folded_phrase(phrase)) \
                    and re.search(C.EL_PASSIVE_BEFORE, text[:start]):
                continue  # round 10: "έχουν καταγραφεί", "να καταγραφούν": a passive or a subjunctive, no one's count
            if language == "el" and phrase == "με βάση" and not re.match(C.EL_BASIS_SOURCE, sentence[end:]):
                continue  # round 9: "με βάση το σχέδιο": not "according to"
            found.append(Cue(start, end, role, hedge, side, phrase))
            taken[start:end] = b"\1" * (end - start)
    if language == "en":
        found += english.extra_cues(sentence, found, masked)  # "with X saying"
    return sorted(found, key=lambda cue: cue.start)


def may_hold(sentence: str, language: str, roles) -> bool:
    """Whether ``find_cues(sentence, language, …)`` may find a cue of one of ``roles``: False only when no pattern of
    those roles has its word in the sentence (``_needle``), nor the word of a rule below that gives cues of them.
    A quick test for the rules that ask, before every verb of a sentence, for the attribution phrases before it."""
    text = _normalised(sentence)
    bare = text.replace(TATWEEL, "") if language == "ar" else text
    if any(role in roles and needle in bare for _, role, _, _, _, needle in _cue_patterns(language)):
        return True
    if C.ACCORDING in roles and language == "el" and "απο" in text:
        return True  # the passive agent
    if C.ACCORDING in roles and language == "ru" and "по" in text:
        return True  # "по его словам"
    if C.ACCORDING in roles and language == "en" and english.study_of(sentence):
        return True
    return False


def _inside(position: int, spans) -> bool:
    return any(start <= position < end for start, end in spans)
