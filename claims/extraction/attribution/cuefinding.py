"""Finding the cues of a sentence (reporting verbs, attribution phrases, citing and relaying words) from the
per-language lists of :mod:`claims.extraction.cues`."""

import re

from .. import cues as C
from ..actors import arabic_letters, folded, normalised
from . import english
from .state import Cue


_CUE_REGEX: dict[str, list] = {}


def _cue_patterns(language: str):
    if language not in _CUE_REGEX:
        patterns = []
        for phrase, role, hedge, side in sorted(C.CUES.get(language, []), key=lambda cue: -len(cue[0])):
            escape = arabic_letters if language == "ar" else re.escape
            body = r"\s+".join(escape(part) for part in folded(phrase).split())
            if language == "ar":
                # A phrase ending in the preposition ل or ب ("وفقاً ل") takes the next word as a clitic: "وفقاً لحصيلة".
                clitic = re.search(r"(?:^|\s)[لب]\u0640?$", folded(phrase))
                regex = re.compile(rf"(?<!\w)(?:و|ف)?({body})" + ("" if clitic else r"(?!\w)"))
            elif language == "ko":
                # a connective form ("말해", "밝혀") must end its word: "밝혀졌다" (was found) is no cue
                tail = r"(?![가-힣])" if phrase.endswith(("해", "혀", "며")) else ""
                regex = re.compile(rf"({body}){tail}")
            else:
                regex = re.compile(rf"(?<!\w)({body})(?!\w)")
            patterns.append((regex, role, hedge, side, phrase))
        _CUE_REGEX[language] = patterns
    return _CUE_REGEX[language]


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


_RU_POSSESSIVE_ACCORDING = re.compile(r"(?<!\w)по\s+(его|ее|её|их)\s+(словам|данным|информации|оценке|оценкам|сведениям)(?!\w)",
                                      re.IGNORECASE)


def find_cues(sentence: str, language: str, masked: list[tuple[int, int]]) -> list[Cue]:
    text = normalised(sentence)
    found: list[Cue] = []
    patterns = list(_cue_patterns(language))
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
        for match in _el_gave_figures().finditer(text):
            if not _inside(match.start(), masked):
                found.append(Cue(match.start(1), match.end(1), C.SPEECH, "asserted", "left", match.group(1)))
    if language == "ru":
        # russian round: "По его словам", "по её данным": the attribution phrase with a possessive pronoun between its
        # words; the cue is the preposition, so that its object is the pronoun, the speaker named before.
        for match in _RU_POSSESSIVE_ACCORDING.finditer(text):
            if not _inside(match.start(), masked):
                noun = match.group(2)
                found.append(Cue(match.start(), match.start(1), C.ACCORDING,
                                 "estimated" if noun.startswith("оценк") else "asserted", "right", f"по {noun}"))
    for regex, role, hedge, side, phrase in patterns:
        for match in regex.finditer(text):
            start, end = match.span(1)
            if _inside(start, masked) or any(c.start < end and start < c.end for c in found):
                continue
            if re.search(r"\(\s*$", sentence[max(0, start - 3):start]) and re.match(r"\s*\)", sentence[end:]):
                continue  # round 6: "(أفاد)": a word alone in brackets glosses the name before it; no verb stands so
            if language == "en" and english.participle(sentence, start, end, phrase):
                continue  # "were confirmed dead", "the confirmed death toll": no verb of saying
            if language == "el" and phrase == "κατά" and not re.match(C.EL_KATA_SOURCE, sentence[end:]):
                continue  # greek round: "κατά τη διάρκεια", "κατά 27%": not "according to"
            if language == "el" and re.match(r"(?:καταγραφ|μετρ)", folded(phrase)) \
                    and re.search(C.EL_PASSIVE_BEFORE, text[:start]):
                continue  # round 10: "έχουν καταγραφεί", "να καταγραφούν": a passive or a subjunctive, no one's count
            if language == "el" and phrase == "με βάση" and not re.match(C.EL_BASIS_SOURCE, sentence[end:]):
                continue  # round 9: "με βάση το σχέδιο": not "according to"
            found.append(Cue(start, end, role, hedge, side, phrase))
    if language == "en":
        found += english.extra_cues(sentence, found, masked)  # "with X saying"
    return sorted(found, key=lambda cue: cue.start)


def _inside(position: int, spans) -> bool:
    return any(start <= position < end for start, end in spans)
