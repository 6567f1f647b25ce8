"""Descriptions and pronouns as agents: "the ministry", "η κυβέρνηση", "ведомство", "보건부는", "الوزارة", "he" —
the one actor a description names (with the document's countries and words as context), else the last named
source of a fitting kind; a person described before being named is the person named next (``CATAPHOR``)."""

import os
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import islice

from sources.models import ActorKind

from .. import cues as C
from ..actors import KO_SUBJECT_PARTICLES, ActorRef, Mention, arabic_letters, folded, normalised
from ..actors import UNNAMED_GROUPS
from .countries import _country_of_adjective
from .names import _ARTICLE_WORDS
from .state import DocumentState, _Item


_DESCRIBED = {
    "en": r"(?<!\w)(?:the|[a-z]+\s+s)\s+(?:[a-z]+\s+){1,4}(?:ministry|agency|office|military|army|department|service|authorities|government|"
          # fifteenth session: "according to the local emergency rescue command"
          r"command)(?!\w)",
    # round 7: the plural articles too ("οι υπηρεσίες έκτακτης ανάγκης", "τις υπηρεσίες διαχείρισης …")
    # (round 10: no preposition between the article and the noun — "πηγή του στον στρατό" is a source in the army,
    # whose "στον" opens a phrase of its own, not "the army")
    "el": r"(?<!\w)(?:το|η|ο|την|τον|τησ|του|τη|οι|τισ|των|τουσ|τα)\s+(?:(?!(?:στον|στην|στη|στο|στα|στουσ|στισ|σε|απο|με|"
          r"για|προσ)\s)\w+\s+){0,2}(?:υπουργει\w*|υπηρεσι\w*|διοικηση\w*|στρατο\w*|ενωση\w*|οργανωση\w*|οργανισμο\w*|κυβερνηση\w*|τηλεορασ\w*"
          # greek round: civil protection, a police station or department, the fire service, the coast guard
          r"|(?<=\w\s)προστασια\w*|(?<=\w\s)τμημα\w*|πυροσβεστικ\w*|ακτοφυλακ\w*"
          # round 7: the police and rescuers ("η αστυνομία", "οι διασώστες")
          r"|αστυνομια\w*|διασωστ\w*"
          # round 9: an air force or navy ("η ουκρανική πολεμική αεροπορία", "το πολεμικό ναυτικό")
          r"|αεροπορια\w*|(?<=\w\s)ναυτικο\w*|(?<=ενοπλεσ\s)δυναμεισ)(?!\w)",
    # "بيان لوزارة الداخلية": a ministry by its portfolio after a preposition (the country's, from the text); as a
    # verb's subject, the Arabic agent rules read it with what follows ("وزارة الصحة التابعة لحماس")
    "ar": r"(?<!\w)(?:ل|ب)وزار\w?\s+ال\w+(?!\w)",
}


# A person described by a title with a qualifier ("ο ουκρανός υπουργός Εσωτερικών", "the regional governor").
_DESCRIBED_PERSON = {
    # (round 7: the president, the prime minister and the head too: "Ο Ουκρανός πρόεδρος πρόσθεσε", "σύμφωνα με τον
    # επικεφαλής της UNRWA" after the head was named)
    "el": r"(?<!\w)(?:(?:ο|η|τον|την)\s+(?:\w+\s+)?)?(?:(?:υφ)?υπουργοσ|(?:υφ)?υπουργο|κυβερνητησ|κυβερνητη|εκπροσωποσ|εκπροσωπο|περιφερειαρχησ|περιφερειαρχη|δημαρχοσ|δημαρχο"
          r"|(?<=\w\s)προεδροσ|(?<=\w\s)προεδρο|πρωθυπουργοσ|πρωθυπουργο|(?<=\w\s)επικεφαλησ)(?!\w)",
    # (round 12: up to three modifiers, "the national emergency management chief")
    "en": r"(?<!\w)(?:the|[a-z]+\s+s)\s+(?:(?:[a-z]+\s+){1,3}(?:minister|governor|spokesman|spokesperson|spokeswoman|chief|mayor)"
          r"|(?:chief|head|leader|commander|chairman|chairwoman)\s+of\s+the\s+(?:(?!said\b|says\b|told\b|added\b|reported\b)[a-z]+\s+){0,2}"
          r"(?!said\b|says\b|told\b|added\b|reported\b)[a-z]+)(?!\w)",
}
_TITLE_NOUNS = {folded(w) for w in ("minister", "governor", "spokesman", "spokesperson", "spokeswoman", "chief", "head",
                                    "chairman", "chairwoman",  # fifteenth session (en)
                                    "leader", "commander", "υπουργοσ", "υπουργο", "υφυπουργοσ", "υφυπουργο", "κυβερνητησ", "κυβερνητη",
                                    "προεδροσ", "προεδρο", "πρωθυπουργοσ", "πρωθυπουργο", "επικεφαλησ",
                                    "εκπροσωποσ", "εκπροσωπο", "περιφερειαρχησ", "περιφερειαρχη", "mayor", "δημαρχοσ",
                                    "δημαρχο")}
# What a description of a person that has no antecedent stands for until the person is named
# ("…, according to the Ukrainian interior minister. «…», wrote Ihor Klymenko"): the next person named.
CATAPHOR = ActorRef("cataphor:person", "(the person named next)", ActorKind.PERSON)


# Round 7: a possessive pronoun after a noun — no noun follows it (punctuation, the end, a preposition or conjunction).
_EL_POSSESSIVE_AFTER = (r"\s+(?:του|της|τους)(?=\s*(?:[,.;:)»]|$)|\s+(?:σε|στο|στη|στην|στον|στα|στις|από|για|μέσω|και|που|"
                        r"ότι)(?!\w))")


_EL_GENITIVE = r"(?:ς|ου|ών|ων)(?!\w)"
_EL_ARTICLED_COMPLEMENT = re.compile(
    r"\s+(?:της|του|των)\s+(?!(?:χώρας|ίδιας|ίδιου|ίδιων|οποίας|οποίου|οποίων)(?!\w))[α-ωάέήίόύώϊϋΐΰ]{4,}" + _EL_GENITIVE
    + r"(?:\s+(?:της|του|των)\s+(?:[α-ωάέήίόύώϊϋΐΰ]{3,}" + _EL_GENITIVE + r"\s+)?[Α-ΩΆΈΉΊΌΎΏ][^\W\d_]+" + _EL_GENITIVE
    + r")?")


def _anaphors(sentence: str, language: str) -> list[tuple[int, int, str]]:
    text = normalised(sentence)
    found = []
    if language in _DESCRIBED_PERSON:
        for match in re.finditer(_DESCRIBED_PERSON[language], text):
            found.append((match.start(), match.end(), "person"))
    if language in _DESCRIBED:
        for match in re.finditer(_DESCRIBED[language], text):
            stop = list(re.finditer(r"[,;:.!?«»“”\"()]", sentence[match.start():match.end()]))
            if stop:
                # round 10: the normalised text reads punctuation as a space, but a description does not run across it
                # ("Σύμφωνα με το Reuters, η αστυνομία …" is "η αστυνομία", not "το Reuters, η αστυνομία"): what follows
                # the last mark, if it is a description itself
                begin = match.start() + stop[-1].end()
                begin += len(text[begin:]) - len(text[begin:].lstrip())
                match = re.compile(_DESCRIBED[language]).match(text, begin)
                if match is None:
                    continue
            if any(s <= match.start() < e or match.start() <= s < match.end() for s, e, _ in found):
                continue  # "the country's military chief": a person described, not the military
            if re.search(r"[A-Z][\w’'-]*\s+(?:[Nn]ews\s+[Aa]gency|[Nn]ewspaper|[Tt]elevision|TV)\b",
                         sentence[match.start():match.end()]):
                # "the Houthi-run Saba news agency", "the Philippine News Agency" (round 6: its name capitalised
                # throughout): a named medium, not a description
                continue
            end = match.end()
            if language == "en" and sentence[match.start():end].split()[-1][:1].isupper() \
                    and re.match(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z]", sentence[end:]):
                continue  # round 12: "The National Office for Relief …": the start of a name, as in the phrases below
            if language == "el" and re.match(_EL_POSSESSIVE_AFTER, sentence[end:]):
                continue  # round 7: "των υπηρεσιών του": the speaker's own services (a possessive), no other source
            following = re.match(r"\s+([A-ZΑ-ΩΆΈΉΊΌΎΏ][\w’'-]*)", sentence[end:])
            if language == "el" and following:
                # "Η υπηρεσία Πολιτικής Προστασίας": capitalised genitives after the noun belong to the
                # description; "η οργάνωση Emergency Lawyers": a name after it is the name the noun introduces.
                # (round 9: a word in -ος is a nominative, the first name of a person the title names — "της τοπικής
                # διοίκησης Νίκος Παππάς" —, never a genitive of the description)
                extension = re.match(r"(?:\s+(?:[Α-ΩΆΈΉΊΌΎΏ][\w’'-]*(?:(?<![οόΟ])ς|ου|ών|ων)(?!\w)|και))+", sentence[end:])
                if not extension:
                    continue
                end += len(extension.group(0).rstrip()) if not extension.group(0).rstrip().endswith("και") else \
                    len(extension.group(0).rsplit("και", 1)[0].rstrip())
            elif language == "el":
                # Round 6: "της υπηρεσίας αντιμετώπισης καταστροφών": lower-case genitives after the noun are its
                # complement, part of the description (up to three, not an article).
                extension = re.match(r"(?:\s+(?!(?:της|του|των|τις|τους)\b)[α-ωάέήίόύώϊϋΐΰ]{4,}(?:ς|ου|ών|ων))"
                                     r"{1,4}(?!\w)", sentence[end:])
                if not extension:
                    # round 12: a complement with its article ("Η υπηρεσία της περιφέρειας της νότιας Αιθιοπίας",
                    # "η διοίκηση της επαρχίας"): a common noun in the genitive, then the place it may name — not "της
                    # χώρας" or "της ίδιας", which refer back
                    extension = re.match(_EL_ARTICLED_COMPLEMENT, sentence[end:])
                if extension:
                    end += len(extension.group(0))
            found.append((match.start(), end, "organisation"))
    for words, wanted in C.ANAPHORS.get(language, []):
        for word in sorted(words, key=len, reverse=True):
            escape = arabic_letters if language == "ar" else re.escape
            body = r"\s+".join(escape(part) for part in folded(word).split())
            pattern = rf"(?<!\w)(?:و|ف)?({body})(?!\w)" if language == "ar" else (
                rf"(?<!\S)({body})" if language == "ko" else rf"(?<!\w)({body})(?!\w)")
            for match in re.finditer(pattern, text):
                start, end = match.span(1)
                if language == "en" and wanted == "organisation" and re.match(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z]", sentence[end:]):
                    continue  # "the Office of Civil Defense": the start of a name, not "the office" referring back
                if not any(s < end and start < e for s, e, _ in found):
                    found.append((start, end, wanted))
    return found


def _known_instead(sentence: str, start: int, end: int, name: str, state: DocumentState,
                   mentions: list[Mention]) -> ActorRef | None:
    """A name no actor has that still stands for a known one: followed by that actor's acronym in brackets
    ("Γραφείο Συντονισμού Ανθρωπιστικών Υποθέσεων (OCHA)"), or an inflected name after a nationality adjective
    ("την λιβυκή Ερυθρά Ημισέληνο" → the Libyan Red Crescent)."""
    bracket = re.match(r"\s*\(", sentence[end:])
    if bracket:
        inside = [m for m in mentions if m.start == end + bracket.end() and m.via == "name"
                  and re.match(r"\s*\)", sentence[m.end:])]
        if inside:
            return inside[0].actor
    before = re.findall(r"[^\W\d_]+", sentence[max(0, start - 30):start])
    country = _country_of_adjective(before[-1], state.index) if before else ""
    if country:
        described = state.index.resolve_description(name, {country}, state.text, state.mentioned)
        if described is not None and described.country == country:
            return described
    return None


def _resolve(item: _Item, sentence: str, state: DocumentState) -> ActorRef | None:
    """The actor an agent stands for: itself when named; for a description with a modifier ("the defence
    ministry") the one actor it describes; else the last named source of the fitting kind."""
    if item.ref is not None:
        return item.ref
    if item.how == "anaphor":
        # issue 15, twelfth session: a description (with its complement) the document introduced an actor with is that
        # actor ("the airline spokesman" after "Airline spokesman Tenzing Lama", another person speaking between)
        complement = _COMPLEMENT.get(state.language)
        tail = re.match(complement, sentence[item.end:]) if complement else None
        for end in ([item.end + tail.end()] if tail else []) + [item.end]:
            words = content_words(sentence[item.start:end], state.language)
            if head_kind(words, state.language) not in ("", "group"):
                introduced = introduced_as(words, state)
                if introduced is not None:
                    return introduced
    found = _described(item, sentence, state)
    if found is not None and state.language == "el" and item.how == "anaphor" and not found.proposed \
            and not found.is_media and found.kind not in (ActorKind.COUNTRY, ActorKind.PERSON, ActorKind.LEGISLATOR,
                                                          ActorKind.UNNAMED_GROUP) \
            and re.search(r"υπουργ", folded(sentence[item.start:item.end])):
        # fifteenth session: "ο Τούρκος υπουργός Υγείας" is no defence ministry: a minister whose portfolio follows him
        # in the genitive is of the ministry the registry names with that portfolio, or of none it holds (an unnamed
        # official, until the text names him)
        portfolio = re.match(r"\s+([Α-ΩΆΈΉΊΌΎΏ][^\W\d_]+)", sentence[item.end:])
        if portfolio and not registry_covers(found, [normalised(portfolio.group(1))], state):
            return unnamed_officials(state)
    if found is not None and state.language == "ru" and item.how == "anaphor" and not found.proposed \
            and re.fullmatch(r"министерств\w*", folded(sentence[item.start:item.end])):
        # sixteenth session: "Министерство здравоохранения страны" with no health ministry held: a ministry whose
        # portfolio follows it in the genitive is the registry's ministry with that portfolio, never another one the text
        # named (Russia's defence ministry); else a body named for the first time, proposed as written
        portfolio = _RU_PORTFOLIO.match(sentence[item.end:])
        if portfolio and not registry_covers(found, content_words(portfolio.group(0), "ru"), state):
            return _ru_proposed_ministry(item, portfolio, sentence, state)
    if found is not None and item.how == "anaphor" and not found.proposed and not found.is_media \
            and found.kind not in (ActorKind.COUNTRY, ActorKind.PERSON, ActorKind.LEGISLATOR, ActorKind.UNNAMED_GROUP) \
            and found not in state.mentioned:
        # issue 15, twelfth session (rule 1): a body described for the first time is a registry actor only when the actor
        # covers every word of it — "η υπηρεσία ασφαλείας" is not the emergency service; else a body proposed as written
        words = common_words(sentence[item.start:item.end], state.language)
        if len(words) >= 2 and head_kind(words, state.language) == "body" and not registry_covers(found, words, state):
            return _proposed_body(item, sentence, state)
    if found is not None and found.is_media and found.country and found.country not in state.countries \
            and found not in state.mentioned:
        return None  # "η κρατική τηλεόραση" is the state television of a country the text is about, not any
    return found


# Sixteenth session: a Russian ministry's portfolio after it, in the genitive: one or two lower-case nouns or an adjective
# and a noun ("здравоохранения", "иностранных дел", "по чрезвычайным ситуациям"), no verb ("министерство заявило").
_RU_PORTFOLIO = re.compile(r"\s+(?:по\s+[а-яё]+\s+[а-яё]+|(?:[а-яё]+(?:ых|их)\s+)?[а-яё]{3,}(?:ия|ии|ы|а|ей|ов|ел|ки|ти)"
                           r"(?<!ла)(?<!ли)(?<!ло))(?![\w-])")


def _ru_proposed_ministry(item: _Item, portfolio: re.Match, sentence: str, state: DocumentState) -> ActorRef:
    """Sixteenth session: a Russian ministry with its portfolio, proposed as written in the nominative ("Министерство
    здравоохранения"; "страны" after it, the country the text is about, is no part of the name)."""
    head = sentence[item.start:item.end]
    head = re.sub(r"(?:а|у|ом|е)$", "о", head) if re.search(r"(?:а|у|ом|е)$", head) and not head.endswith("о") else head
    name = f"{head[:1].upper()}{head[1:]} {portfolio.group(0).strip()}"
    key = folded(name)
    if key not in state.proposals:
        state.proposals[key] = ActorRef(key=f"proposed:{key}", name=name, kind=ActorKind.GOVERNMENT_AGENCY, proposed=True)
    return state.proposals[key]


# The complement of a description after its head, in lower case: "της αεροπορικής εταιρείας", "авиакомпании".
_COMPLEMENT = {
    "el": r"(?:\s+(?:της|του|των)\s+(?:[α-ωάέήίόύώϊϋΐΰ]+\s+)?[α-ωάέήίόύώϊϋΐΰ]{3,}(?:ς|ου|ών|ων|ας|ης))(?!\w)",
    "ru": r"(?:\s+[а-яё]{3,}(?:ого|его|ой|ей|ых|их|ии|ы|и|а|я))(?:\s+[а-яё]{3,}(?:ого|его|ой|ей|ых|их|ии|ы|и|а|я))?(?!\w)",
    "en": r"\s+(?:of|for)\s+the\s+[a-z]+(?:\s+[a-z]+)?(?!\w)",
}


def _described(item: _Item, sentence: str, state: DocumentState) -> ActorRef | None:
    words = [w for w in normalised(sentence[item.start:item.end]).split() if w not in _ARTICLE_WORDS]
    if state.language == "ar":  # "لوزارة الداخلية": the clitic is no part of the description
        words = [re.sub(r"^(?:ل|ب|و|ف)(?=وزار|مكتب|هيئ)", "", w) for w in words]
    if len(words) >= 3 and words[1] == "s" and state.language == "en":
        words = words[2:]  # "Kyrgyzstan’s health ministry": the country is context, the rest describes
    if len(words) >= 2:
        described = state.index.resolve_description(" ".join(words), state.countries, state.text, state.mentioned)
        # "the Houthi-run Yemeni Health Ministry": without its modifiers, "health ministry" — the one the
        # document's other words point to.
        written = [w for w in sentence[item.start:item.end].split() if folded(w) not in _ARTICLE_WORDS]
        for size in range(len(written) - 1, 1, -1):  # whole words of the text: "Houthi-run" goes at once
            if described is not None:
                break
            if state.language == "el" and re.search(r"(?:ων|ου)$", folded(written[-size])):
                # round 10: a Greek head comes first and its complement after it, in the genitive ("Οργανισμός
                # Ηνωμένων Εθνών"): words from a genitive on are the complement, not a body of their own
                continue
            described = state.index.resolve_description(" ".join(written[-size:]), state.countries, state.text,
                                                        state.mentioned)
        if described is None and state.language in ("el", "ru"):
            described = _by_stems(words, state)
        if described is not None and state.language == "el" and described.country and state.countries \
                and described.country not in state.countries and described not in state.mentioned:
            # Greek round: "η πολιτική προστασία" in a text about the Philippines is not Italy's civil protection: a
            # body described, not named, belongs to a country the text is about.
            described = None
        if described is not None and item.wanted == "organisation" and not described.is_media \
                and of_another_country(described, state, " ".join(words)):
            # round 11, every language: "the disaster agency" in a text about Indonesia is not Turkey's
            return _proposed_body(item, sentence, state)
        if described is not None:
            return described
    if len(words) >= 2:
        # "η πακιστανική κυβέρνηση", "the Lebanese army": the one such body of the country the adjective names.
        for word in words[:-1]:
            country = _country_of_adjective(word, state.index)
            described = state.index.resolve_description(words[-1], {country}, state.text, state.mentioned) \
                if country else None
            if described is not None and described.country == country:
                return described
    if state.language == "el" and item.wanted == "organisation" and words:
        owned = _el_body_of_country(item, words, sentence, state)
        if owned is not None:
            return owned
        if re.match(r"(?:αστυνομια|διασωστ)", ([w for w in words if w not in _EL_ARTICLES] or [""])[0]) \
                or re.match(r"(?:τοπικ|δημοτικ)\w*\s+(?:αστυνομια|διασωστ)", " ".join(w for w in words if w not in _EL_ARTICLES)):
            # round 7: "ανακοίνωσε η αστυνομία", "σύμφωνα με την αστυνομία της Τουρκίας", "οι διασώστες": the police and
            # rescuers no actor holds are unnamed officials, as the English round reads "police" and "rescuers"
            # (round 9: so are the local or municipal police: "σύμφωνα με την τοπική αστυνομία")
            return unnamed_officials(state)
        owner = re.match(_EL_OWNER, sentence[item.end:])
        if owner and not re.match(r"\s+(?:της|του)\s+(?:χώρας|ίδιας|ίδιου)", sentence[item.end:]):
            # round 7: "η κυβέρνηση της Ινδίας" with no Indian government held is a body of India named for the first
            # time, proposed with its country — never the one government the registry holds (Pakistan's)
            return _proposed_body(_Item(item.start, item.end + owner.end(), None, item.how, item.wanted), sentence, state)
    if state.language == "el" and item.wanted == "organisation" and len([w for w in words if w not in _EL_ARTICLES]) >= 2 \
            and not any(re.match(_EL_REFERRING, w) for w in words) and not _armed_group_noun(words) \
            and not _named_before(words[-1], state) and not words[-1].startswith("τηλεορασ") \
            and not re.match(r"\s+(?:της|του)\s+(?:χώρας|ίδιας|ίδιου)", sentence[item.end:]):
        # Greek round: a body described with a modifier or complement that no actor answers ("Η υπηρεσία πολιτικής
        # άμυνας", "η πολιτική προστασία", "το αστυνομικό τμήμα της πολιτείας Γκουτζαράτ") is a body named for the first
        # time, not the last source referred back to ("η υπηρεσία", "το ίδιο υπουργείο" are): proposed as written.
        return _proposed_body(item, sentence, state)
    if item.wanted == "organisation" and words and words[-1] in _GROUP_NOUNS:
        # "according to the group", "the rebels", "группировка", "الحركة": an armed group the text is about.
        group = _armed_group(state)
        if group is not None:
            return group
    if item.wanted == "organisation" and words:
        # "보건부는", "the ministry", "ведомства", "الوزارة": the last source, else the last actor named, that
        # is such a thing ("the ministry" after the army spoke is still the ministry named before).
        head = _head_noun(words[-1], state.language)
        # (the head alone: "Haiti's Civil Protection Agency" is a body named, not "the agency")
        agency = agency_named_last(head, state) if len(words) == 1 else None
        if agency is not None:
            return agency
        described = state.index.described_by(head, state.paragraph_sources) or state.index.described_by(head, state.sources) \
            or state.index.described_by(head, state.mentioned)
        if described is not None:
            return described
    if state.language == "el" and item.wanted == "organisation" \
            and re.fullmatch(r"(?:πυροσβεστικ|ακτοφυλακ)\w*", " ".join(w for w in words if w not in _EL_ARTICLES)) \
            and sentence[item.start:item.end].split()[-1][:1].islower():
        # round 9: "ανέφερε η πυροσβεστική", "η ακτοφυλακή ανακοίνωσε" that no source named before answers: a fire
        # service or coast guard named for the first time, proposed as written — not the last body that spoke
        return _proposed_body(item, sentence, state)
    last = state.last(item.wanted)
    if state.language == "en" and last is not None and last.is_media and item.wanted == "organisation" and words \
            and words[-1] in ("government", "ministry", "army", "military", "department", "directorate", "committee",
                              "commission", "office", "command"):
        last = None  # round 12: "the military government" after state television spoke: a government is no medium
    if (last is None or last.is_media) and words and _INTERLOCUTOR.match(words[0]):
        # Round 6: "— сказал собеседник" with no source named before but a medium: an unnamed official (the
        # medium he spoke to relays him, :func:`claims.extraction.attribution.media.interlocutor_medium`).
        return unnamed_officials(state)
    if last is None and item.wanted == "person" and item.how == "anaphor" and any(w in _TITLE_NOUNS for w in words):
        # "the country's military chief said", "ο ουκρανός υπουργός Εσωτερικών": a person described by a title,
        # no person named before — the person named next, not the organisation that spoke last.
        return CATAPHOR
    if last is None and item.wanted == "person":
        last = state.last("any")
        last = None if last is not None and last.is_media else last  # "he" is no news agency
        if last is None and len(words) >= 2:
            return CATAPHOR  # "ο ουκρανός υπουργός Εσωτερικών", not named yet: the person named next
    if last is None and words:
        found = state.index.resolve_description(" ".join(words), state.countries, state.text, state.mentioned)
        if found is not None and state.language == "el" and item.wanted == "organisation" and found.country \
                and not found.is_media \
                and found.country not in state.countries and found not in state.mentioned \
                and re.match(r"\s+(?:της|του)\s+χώρας(?!\w)", sentence[item.end:]):
            # round 10: "η κυβέρνηση της χώρας" is the government of the country the text is about; when the text names
            # no country that an actor of this kind belongs to, it is a body named for the first time, proposed as
            # written — not the one government the registry holds (Pakistan's, in a text about Sudan)
            return _proposed_body(item, sentence, state)
        if found is not None and state.language == "el" and " ".join(words) in state.index.capitalised \
                and sentence[item.start:item.end].split()[-1][:1].islower():
            # round 7: "ανακοίνωσε η πυροσβεστική" with nothing named before: a fire service, in lower case, not the
            # institution whose proper name is the capitalised word — a body described, proposed as written
            return _proposed_body(item, sentence, state)
        if found is None and state.language == "en":
            from .english import described_body  # round 9: "the health ministry said", named for the first time
            found = described_body(item, sentence, state)
        if found is not None and item.wanted == "organisation" and len(words) >= 2 and not found.is_media \
                and of_another_country(found, state, " ".join(words)):
            return _proposed_body(item, sentence, state)  # round 11, as above
        return found
    return last


# Issue 15, thirteenth session: the words for an agency, by language (compared by their first letters, the Arabic one
# without its article and clitics): "the agency", "το πρακτορείο", "агентство", "통신", "الوكالة".
AGENCY_WORDS = {"en": ("agency",), "el": ("πρακτορει",), "ru": ("агентств",), "ko": ("통신",), "ar": ("وكال",)}
_AGENCY_KINDS = (ActorKind.NEWS_AGENCY, ActorKind.STATE_MEDIA)


def agency_named_last(head: str, state: DocumentState) -> ActorRef | None:
    """Issue 15, thirteenth session: "the agency" ("το πρακτορείο", "агентство", "통신", "الوكالة") as a definite
    description is the agency the document named last — a news agency, or an actor one of whose names has the word
    ("Haiti's Civil Protection Agency") — never the last speaker (the authorities the agency quoted). None when the head
    is no word for an agency or no agency was named."""
    word = folded(head)
    if state.language == "ar":
        word = re.sub(r"^(?:[وفلب]?ال|[وفلب])(?=وكال)", "", word)
    stems = AGENCY_WORDS.get(state.language, ())
    if not any(word.startswith(stem) and len(word) <= len(stem) + 4 for stem in stems):
        return None
    if state.language == "ko" and word.startswith("통신") and len(word) > 4:
        return None  # "통신망" and the like: no agency
    for ref in reversed(state.mentioned):
        if ref.kind in _AGENCY_KINDS:
            return ref
        names = state.index.names_of.get(ref.key, []) if not ref.proposed else [folded(ref.name)]
        if any(re.search(rf"(?<!\w){re.escape(stem)}", name) for stem in stems for name in names):
            return ref
    return None


# Modifiers that refer back ("το ίδιο υπουργείο", "η αρμόδια υπηρεσία", "η εν λόγω οργάνωση", "αυτή η υπηρεσία") or say
# whose the body is ("της χώρας"): such a description is the one named before.
_EL_REFERRING = r"(?:ιδι|αρμοδι|λογω|αυτ|συγκεκριμεν|χωρασ|τοπικ)"


_EL_ARTICLES = {"της", "τησ", "του", "των", "την", "τον", "τη", "τις", "τισ", "τους", "τουσ"}


# The genitive of a place (a country) right after a description: "της Ουκρανίας", "του Σουδάν".
_EL_OWNER = r"\s+(?:της|του|των)\s+([Α-ΩΆΈΉΊΌΎΏ][^\W\d_]+)(?!\s+[Α-ΩΆΈΉΊΌΎΏ])"
_EL_BODY_NOUNS = (r"(?:υπουργει|υπηρεσι|διοικησ|στρατο|ενωσ|οργανωσ|οργανισμ|κυβερνησ|τηλεορασ|προστασι|τμημα|πυροσβεστ|"
                  r"ακτοφυλακ|αστυνομι|διασωστ)")


def _el_body_of_country(item: _Item, words: list[str], sentence: str, state: DocumentState) -> ActorRef | None:
    """Round 7: a body described in lower case and then the genitive of a country ("οι υπηρεσίες έκτακτης ανάγκης της
    Ουκρανίας", "η αστυνομία της Τουρκίας") is that country's body of that kind: the one actor of the country one of
    whose names has the description's head noun (its stem, whatever the case or number: "υπηρεσίες" → "υπηρεσία
    εκτάκτων καταστάσεων"), though the other words differ. Since issue 15's twelfth session ``_resolve`` keeps a body
    not named before only when its names cover every word of the description (rule 1): "έκτακτης ανάγκης" for "εκτάκτων
    καταστάσεων" is then a body proposed as written (tests/claims/test_extraction_greek_round7.py)."""
    owner = re.match(_EL_OWNER, sentence[item.end:])
    if not owner:
        return None
    country = _country_of_adjective(owner.group(1), state.index)
    nouns = [w for w in words if w not in _EL_ARTICLES]
    # the head is the noun the description was found by, after its adjectives ("η κρατική τηλεόραση")
    head = folded(next((w for w in nouns if re.match(_EL_BODY_NOUNS, w)), nouns[0] if nouns else ""))
    stem = head[:max(4, len(head) - 3)]
    if len(stem) < 4:
        return None
    names = [*state.index.names.items(), *state.index.descriptors.items()]
    if country:
        found = {ref.key: ref for name, ref in names
                 if ref.country == country and ref.kind != ActorKind.COUNTRY and re.search(rf"(?<!\w){re.escape(stem)}", name)}
    else:
        # no country actor: a name with the head noun and the country's word ("ο στρατός του Σουδάν" → "σουδανικός
        # στρατός": the adjective begins as the country's name does)
        place = folded(owner.group(1))
        place = place[:min(5, len(place) - 1)]
        found = {ref.key: ref for name, ref in names if ref.kind != ActorKind.COUNTRY and len(place) >= 4
                 and re.search(rf"(?<!\w){re.escape(stem)}", name) and re.search(rf"(?<!\w){re.escape(place)}", name)}
    return next(iter(found.values())) if len(found) == 1 else None


def _named_before(word: str, state: DocumentState) -> bool:
    """An actor named before whose names have this head noun ("την Ιατρική ένωση" after "η Ένωση Ιατρών του Σουδάν")."""
    head = _head_noun(word, state.language)
    return any(state.index.described_by(head, refs) is not None
               for refs in (state.paragraph_sources, state.sources, state.mentioned))


def _armed_group_noun(words: list[str]) -> bool:
    return words[-1] in _GROUP_NOUNS


def _proposed_body(item: _Item, sentence: str, state: DocumentState) -> ActorRef:
    """A Greek body described in lower case, proposed under its words without the article, with the genitive complement
    that follows it ("αστυνομικό τμήμα της πολιτείας Γκουτζαράτ")."""
    end = item.end
    complement = re.match(r"\s+(?:της|του|των)\s+[α-ωάέήίόύώϊϋΐΰ]+(?:\s+[Α-ΩΆΈΉΊΌΎΏ][\w’'-]*)?", sentence[end:])
    if complement:
        end += complement.end()
    text = sentence[item.start:end].split()
    while text and folded(text[0]) in _ARTICLE_WORDS | {folded(w) for w in ("την", "τον", "της", "του", "των", "τις", "τους",
                                                                             "οι", "τα", "τη")}:
        text = text[1:]
    name = " ".join(text)
    key = folded(name)
    if key not in state.proposals:
        state.proposals[key] = ActorRef(key=f"proposed:{key}", name=name, kind=ActorKind.GOVERNMENT_AGENCY, proposed=True)
    return state.proposals[key]


_GROUP_NOUNS = {"group", "rebels", "movement", "militia", "группировка", "группировки", "движение", "حركة", "الحركة",
                "الجماعة", "جماعة", "οργανωση", "ομαδα", "κινημα"}


def _armed_group(state: DocumentState) -> ActorRef | None:
    """The armed group (or party) the document named last, else the one whose names its words use ("Houthi-held"
    names the Houthis) when only one does."""
    kinds = (ActorKind.ARMED_GROUP, ActorKind.POLITICAL_PARTY)
    for ref in reversed(state.mentioned):
        if ref.kind in kinds:
            return ref
    scores = {key: state.index._context_score(key, set(), state.text)
              for key, ref in state.index.actors.items() if ref.kind in kinds}
    best = max(scores.values(), default=0)
    if best > 0 and list(scores.values()).count(best) == 1:
        return state.index.actors[next(key for key, score in scores.items() if score == best)]
    return None


def _head_noun(word: str, language: str) -> str:
    """The noun of a description without its particle or article: "보건부는" → "보건부", "الوزارة" → "وزارة"."""
    if language == "ko":
        for particle in KO_SUBJECT_PARTICLES:
            if word.endswith(particle) and len(word) > len(particle) + 1:
                return word[: -len(particle)]
    if language == "ar":
        word = re.sub(r"^[وف]?ال", "", word)
    return word


def _by_stems(words: list[str], state: DocumentState) -> ActorRef | None:
    """Round 6: a Greek or Russian description in another case than the name it describes ("της υπηρεσίας
    αντιμετώπισης καταστροφών" for the descriptor "υπηρεσία αντιμετώπισης καταστροφών της Τουρκίας",
    "Агентства по чрезвычайным ситуациям"): the one actor (of the document's countries first) one of whose names
    has, in order, a word beginning with each word's stem (the word without its last two letters)."""
    words = [w for w in words if len(w) >= 4]  # articles and prepositions of any case ("του", "της", "по") are no stems
    stems = [folded(w)[:-2] if len(w) >= 5 else folded(w) for w in words]
    if len(stems) < 2:
        return None
    pattern = re.compile(r"(?<!\w)" + r"\w*\s+(?:\w+\s+)*?".join(re.escape(stem) for stem in stems))
    refs = {ref.key: ref for name, ref in [*state.index.names.items(), *state.index.descriptors.items()]
            if pattern.search(name)}
    return state.index._one_of(refs, set(), state.countries, state.text, state.mentioned) if refs else None


# Round 6: an indefinite title is someone new and unnamed ("Εκπρόσωπος της περιφερειακής κυβέρνησης … δήλωσε", "ένας
# εκπρόσωπος", "a spokesman for the regional government said"): Greek and English mark it by the missing (or the
# indefinite) article; a name right after it is the speaker instead, and a known organisation after it ("a spokesman for
# the ministry") is found as its own agent.
_UNNAMED_PERSON = {
    "el": r"(?<!\w)(?:(?:ένας|μια|μία)\s+)?(?:[Εε]κπρόσωπος|[Εε]κπρόσωπο|[Σσ]τέλεχος|[Αα]ξιωματικός)(?!\w)",
    "en": r"(?<!\w)(?:[Aa]n?|[Oo]ne)\s+(?:[a-z]+\s+){0,2}?(?:spokesman|spokeswoman|spokesperson|officer)(?!\w)",
}
_DEFINITE_BEFORE = {"el": r"(?<!\w)(?:ο|η|τον|την|του|της|οι|τους|των|το)\s+$", "en": r"(?<!\w)(?:the|its|his|her)\s+$"}


def _unnamed_persons(sentence: str, state: DocumentState) -> list[tuple[int, int, ActorRef]]:
    """The indefinite titles of a sentence, each standing for the unnamed-officials group."""
    pattern = _UNNAMED_PERSON.get(state.language)
    if pattern is None:
        return []
    found = []
    for match in re.finditer(pattern, sentence):
        if re.search(_DEFINITE_BEFORE[state.language], sentence[max(0, match.start() - 6):match.start()], re.IGNORECASE) \
                and not (state.language == "el" and state.last("person") is None
                         and re.match(r"\s+(?:της|του|των)\s", sentence[match.end():])):
            # "ο εκπρόσωπος": the one named before (an anaphor), not someone new. Greek round: a definite spokesman
            # introduced by the genitive of what he serves, with no person named before ("Ο εκπρόσωπος της επαρχίας
            # Τσέμπου … διευκρίνισε"), is someone new as the indefinite one is: an unnamed official.
            continue
        if re.match(r"\s+[A-ZΑ-ΩΆΈΉΊΌΎΏ][^\W\d_]+(?:\s+[A-ZΑ-ΩΆΈΉΊΌΎΏ][^\W\d_]+)?\s*(?:,|$|[^\W\d_]+\s)", sentence[match.end():]) \
                and not re.match(r"\s+(?:της|του|των|for|of)\b", sentence[match.end():]):
            continue  # "εκπρόσωπος Γιάννης Παπαδόπουλος": the name is the speaker
        if re.match(r"[^,.;:«»“”\"]{0,60},\s*[A-ZΑ-ΩΆΈΉΊΌΎΏ][^\W\d_]+\s+[A-ZΑ-ΩΆΈΉΊΌΎΏ]", sentence[match.end():]):
            continue  # "εκπρόσωπο της Πυροσβεστικής, Βασίλη Βαθρακογιάννη": the name in apposition is the speaker
        found.append((match.start(), match.end(), unnamed_officials(state)))
    return found


_INTERLOCUTOR = re.compile(r"собеседник")  # folded: "собеседник", "собеседник агентства"


def unnamed_officials(state: DocumentState) -> ActorRef:
    """The unnamed-officials group ("officials", "αξιωματούχοι"), as the index holds it."""
    key, name, _ = next(group for group in UNNAMED_GROUPS if group[0] == "officials")
    return state.index.actors.get(key) or ActorRef(key, name, ActorKind.UNNAMED_GROUP)


def short_name_of(name: str, state: DocumentState) -> ActorRef | None:
    """Round 8: an Arabic body's name shortened — its head noun and the last words of its full name, the middle left
    out — refers to the actor named before under the full name ("مكتب الشؤون الإنسانية" after "مكتب الأمم المتحدة
    لتنسيق الشؤون الإنسانية"); None when no actor the text named has such a name, or several do."""
    words = folded(name).split()
    heads = {folded(w) for w in C.ORGANISATION_WORDS["ar"]}
    if len(words) < 2 or words[0] not in heads:
        return None
    found = {}
    for ref in state.mentioned:
        for full in state.index.names_of.get(ref.key, []):
            whole = full.split()
            if len(whole) > len(words) and whole[0] == words[0] and whole[len(whole) - len(words) + 1:] == words[1:]:
                found[ref.key] = ref
    return next(iter(found.values())) if len(found) == 1 else None


# Round 11: the scripts that capitalise proper names. A name of several words written there with none of its letters
# capitalised ("υπηρεσία διαχείρισης καταστροφών") is common nouns — a description, whoever holds it as an alias.
_CASED = ("el", "en", "ru")


def of_another_country(ref: ActorRef | None, state: DocumentState, surface: str, named: frozenset[str] = frozenset()) -> bool:
    """Round 11, every language: a body described, not named, belongs to a country the text is about. ``ref`` (an actor
    a description was resolved to) is of another country when its country is none the text named (``state.countries``),
    it was not named before, and the text uses no word of a name of that country nor of the actor's other names that
    the description leaves out (the place a name has: "Gaza", "Kyrgyzstan"). A text that named no country yet (nor
    ``named``, the countries of the sentence) says nothing against it: a descriptor alone ("정보당국", "군정") still means
    its actor."""
    if ref is None or ref.proposed or not ref.country or ref.kind in (ActorKind.COUNTRY, ActorKind.PERSON) \
            or not (state.countries | named) or ref.country in state.countries or ref in state.mentioned:
        return False
    names = [name for name, r in state.index.names.items() if r.kind == ActorKind.COUNTRY and r.country == ref.country
             and len(name) >= 4]
    text = folded(state.text)
    if any(re.search(rf"(?<!\w){re.escape(name[:min(5, len(name) - 1)])}", text) for name in names):
        return False  # "Yemeni": the text names the country, by a form no mention caught
    # "Kyrgyzstan’s health ministry", "the health ministry" in a text about Gaza: the text uses a word of the actor's
    # other names (its place), which the description leaves out
    described = folded(surface)
    # (Arabic: without the article, which a place's name often lacks — "التركية", "تركيا")
    article = r"(?:[وبلف]?ال)?" if state.language == "ar" else ""
    words = {re.sub(r"^ال(?=\w{3})", "", word) if state.language == "ar" else word
             for name in state.index.names_of.get(ref.key, []) for word in name.split() if len(word) >= 4}
    stems = {word[:max(4, len(word) - 2)] for word in words}
    return not any(re.search(rf"(?<!\w){article}{re.escape(stem)}", text) for stem in stems if stem not in described)


def foreign_descriptions(sentence: str, mentions: list[Mention], state: DocumentState) -> None:
    """Round 11, every language: an actor found by one of its descriptors ("الدفاع المدني", "군정") — or, in a cased script,
    by a name of several words written all in lower case — that belongs to another country than the text's (the
    countries it named before and those this sentence names) is a body named for the first time, proposed as written:
    Saudi Arabia's civil defence is not Gaza's."""
    def is_described(mention: Mention) -> bool:
        surface = sentence[mention.start:mention.end]
        if state.language in _CASED and any(word[:1].isupper() for word in surface.split()
                                            if folded(word) not in _ARTICLE_WORDS):
            return False  # "South Korea's spy agency": a proper name in it says whose it is
        return mention.via == "descriptor" or (mention.via == "name" and state.language in _CASED
                                               and len(surface.split()) >= 2)

    named = {m.actor.country for m in mentions if m.via == "name" and m.actor.country and not is_described(m)}
    for mention in mentions:
        surface = sentence[mention.start:mention.end - len(mention.particle)]
        if state.language == "ar" and mention.via == "descriptor" and not mention.actor.is_media:
            adjective = _ar_other_nationality(sentence[mention.end:], mention.actor, state)
            if adjective:
                # Round 12: "أعلن الدفاع المدني السوداني": a nationality adjective right after the description says
                # whose body it is; when it is not the actor's country, it is another body, proposed with it
                surface = sentence[mention.start:mention.end + adjective]
                mention.end += adjective
                key = folded(surface)
                if key not in state.proposals:
                    state.proposals[key] = ActorRef(key=f"proposed:{key}", name=surface, kind=mention.actor.kind,
                                                    proposed=True)
                mention.actor = state.proposals[key]
                continue
        if not is_described(mention) or mention.actor.is_media or mention.actor.country in named:
            continue
        if not of_another_country(mention.actor, state, surface, frozenset(named)):
            continue
        words = surface.split()
        while words and folded(words[0]) in _ARTICLE_WORDS:
            words = words[1:]
        if not words:
            continue
        name = " ".join(words)
        key = folded(name)
        if key not in state.proposals:
            state.proposals[key] = ActorRef(key=f"proposed:{key}", name=name, kind=mention.actor.kind, proposed=True)
        mention.actor = state.proposals[key]  # still found by a descriptor: "기니 군정" (round 10) reads it so


# Round 12: Arabic relative adjectives that say no nationality ("المحلي", "الوطني", "العسكري", …).
_AR_NOT_NATIONALITIES = {folded(w) for w in (
    "المحلي", "المحلية", "الوطني", "الوطنية", "الرسمي", "الرسمية", "الشعبي", "الشعبية", "الإقليمي", "الإقليمية",
    "الدولي", "الدولية", "العسكري", "العسكرية", "المدني", "المدنية", "الطبي", "الطبية", "الأمني", "الأمنية", "الحكومي",
    "الحكومية", "الاتحادي", "الاتحادية", "المركزي", "المركزية", "الميداني", "الميدانية", "الصحي", "الصحية", "الإعلامي",
    "الإعلامية", "العربي", "العربية", "الإسلامي", "الإسلامية", "الأممي", "الأممية", "الإنساني", "الإنسانية")}


def _ar_other_nationality(after: str, actor: ActorRef, state: DocumentState) -> int:
    """Round 12: the length of a nationality adjective right after an Arabic description ("الدفاع المدني| السوداني"),
    with its space, when it names no country of the actor — neither its registry country (by the adjective's stem,
    as ``_country_of_adjective`` reads it) nor a word of the actor's own names; 0 otherwise."""
    match = re.match(r"\s+(ال\w{3,}(?:ي|ية|يه))(?!\w)", after)
    if not match or folded(match.group(1)) in _AR_NOT_NATIONALITIES or not actor.country:
        return 0
    adjective = folded(match.group(1))
    stem = re.sub(r"^ال", "", adjective)
    stem = re.sub(r"(?:ية|يه|ي)$", "", stem)
    if len(stem) < 3:
        return 0
    own = [name for name in state.index.names_of.get(actor.key, [])]
    own += [name for name, ref in state.index.names.items() if ref.kind == ActorKind.COUNTRY and ref.country == actor.country]
    if any(stem[:4] in folded(name) for name in own):
        return 0
    country = _country_of_adjective(match.group(1), state.index)
    if country == actor.country:
        return 0
    return match.end()


# --- Issue 15, twelfth session: one resolver for a speaker described rather than named, the same in every language ------
#
# A description is a phrase whose head is a noun of ``cues.DESCRIPTION_HEADS`` (a person's title, a body, a group of
# officials, a medium). Its content words (``cues.DESCRIPTION_STOPWORDS`` left out) are compared by stem (``same_word``):
# 1. a registry actor counts only when its names and descriptors cover every content word (the words naming its country
#    aside) — "the security service of Ukraine" is not Ukraine's emergency service;
# 2. else the actor the document introduced with words covering the description (``DocumentState.introductions``: the
#    title or head noun before a name, or the apposition after it) — "the airline spokesman" after "Airline spokesman
#    Tenzing Lama";
# 3. else, for an indefinite description of a person ("an aid worker said"), the actor named next with those words
#    (a placeholder, ``cataphor_for``, that ``candidates`` fills when that actor is introduced);
# 4. else a group (officials, sources, the military, representatives) is ``officials``, a medium a medium proposed as
#    written, a body a body proposed as written — never the author, once a reporting cue had an agent phrase.

# (the plural "들" stays: "대표들" is a group, "대표" a person)
_KO_ENDINGS = tuple(sorted({*KO_SUBJECT_PARTICLES, "을", "를", "의", "에", "에서", "로", "으로", "와", "과", "도",
                            "인", "이자"}, key=len, reverse=True))


@lru_cache(maxsize=8192)  # fourteenth session: asked for each head noun at every verb; a pure function of the word
def description_stem(word: str, language: str) -> str:
    """A word of a description as descriptions are compared: folded, without Korean particles and plural, without Arabic
    clitics, article and endings ("وعاملة" → "عامل", "대표들은" → "대표")."""
    word = folded(word)
    if language == "ko":
        changed = True
        while changed:
            changed = False
            for ending in _KO_ENDINGS:
                if word.endswith(ending) and len(word) > len(ending) + 1:
                    word, changed = word[: -len(ending)], True
                    break
    elif language == "ar":
        word = re.sub(r"^[وف](?=\w{3})", "", word)
        word = re.sub(r"^(?:بال|لل|ال)(?=\w{2})", "", word)
        word = re.sub(r"(?:ون|ين|ات|ة|ه|و)$", "", word) if len(word) > 4 else word
    return word


def same_word(a: str, b: str, language: str) -> bool:
    """Whether two words of descriptions are one word in another form (case, number, particle)."""
    a, b = description_stem(a, language), description_stem(b, language)
    if not a or not b:
        return False
    if language == "ko":
        # a Korean compound ends with its head ("경찰청장" is a chief, not the police); "들" makes a plural
        shorter, longer = sorted((a, b), key=len)
        return a == b or longer == shorter + "들" or len(shorter) >= 2 and longer.endswith(shorter)
    if language == "ar":
        shorter, longer = sorted((a, b), key=len)
        # (sixteenth session: the letters an ending adds are those endings are written with — "ناي" is no "نائب" (deputy):
        # a name's first word is no title)
        return longer.startswith(shorter) and len(shorter) >= 3 and len(longer) - len(shorter) <= 2 \
            and all(letter in "اتنهويةى" for letter in longer[len(shorter):])
    if language == "en":
        return re.sub(r"(?:es|s)$", "", a) == re.sub(r"(?:es|s)$", "", b)  # "official", "officials"; not "command"
    stem_a = a[:max(5, len(a) - 3)] if len(a) > 5 else a
    stem_b = b[:max(5, len(b) - 3)] if len(b) > 5 else b
    return b.startswith(stem_a) or a.startswith(stem_b)


# Sixteenth session: a place described in lower case as the owner of a body ("the coastal enclave's health ministry",
# "the territory's interior ministry") is the place the text is about, as "the country's" is.
_EN_PLACE_OWNER = re.compile(r"(?<![\w-])(?:[a-z]+\s+)?(?:enclave|territory|strip|island|kingdom|region|province|"
                             r"republic|emirate|archipelago)['’]s(?!\w)")


def content_words(text: str, language: str) -> list[str]:
    """The words of a phrase that say what it describes: no articles, prepositions or numerals."""
    stop = {folded(w) for w in C.DESCRIPTION_STOPWORDS.get(language, ())}
    if language == "en" and ("'s" in text or "’s" in text):
        text = _EN_PLACE_OWNER.sub("country's", text)
    if language == "ar":
        stop |= {folded(w) for w in ("وهي", "وهو", "هي", "هو")}
    return [w for w in folded(text).split() if w not in stop and not w.isdigit()
            and description_stem(w, language) not in stop]


@lru_cache(maxsize=8192)  # fourteenth session: compared with every head noun at every verb; a pure function of the word
def word_kind(word: str, language: str) -> str:
    """The kind of a head noun (person, body, group or medium), "" for any other word: the head written the same first
    ("εκπρόσωποι" a group, "εκπρόσωπος" a person), else one in another form; a Korean compound by its last syllables."""
    stem = description_stem(word, language)
    heads = [(head, k) for head, k in C.DESCRIPTION_HEADS.get(language, ()) if " " not in head]
    exact = next((k for head, k in heads if description_stem(head, language) == stem
                  or language == "en" and same_word(word, head, language)), "")
    if exact:
        return exact
    # (of heads in another form, the one sharing the longest start with the word: "υπουργείου" is the ministry, not the
    # minister "υπουργός", "министерства" the ministry, not "министр" — issue 15, thirteenth session)
    loose = max(((len(os.path.commonprefix([stem, description_stem(head, language)])), -n, k)
                 for n, (head, k) in enumerate(heads) if same_word(word, head, language)
                 and len(description_stem(head, language)) >= (2 if language == "ko" else 3)), default=(0, 0, ""))[2]
    if loose or language != "ko":
        return loose
    return next((k for head, k in heads if k == "body" and len(stem) > len(head) and stem.endswith(head)), "")


def common_words(surface: str, language: str) -> list[str]:
    """The content words of a description that rule 1 asks an actor to cover: its common nouns and adjectives — in a cased
    script not the capitalised ones, which name whose it is ("the Houthi-run health ministry", "Ministry of Health of
    Ukraine" is checked as a name) — from its head on where the head comes first ("ανακοίνωση το υπουργείο" is the
    ministry)."""
    if language in ("el", "en", "ru"):
        surface = " ".join(token for token in surface.split() if not token[:1].isupper())
    words = content_words(surface, language)
    if language in ("el", "ru", "ar"):
        head = next((n for n, word in enumerate(words[:3]) if word_kind(word, language)), 0)
        words = words[head:]
    return words


def head_kind(words: list[str], language: str) -> str:
    """The kind of a description's head (person, body, group or medium), "" when its head is no head noun. English and
    Korean put the head last ("the airline spokesman", "구호 요원"); Greek, Russian and Arabic put it first, after an
    adjective at most ("ο ουκρανός υπουργός", "представитель авиакомпании", "عامل إغاثة")."""
    if not words:
        return ""
    if language in ("en", "ko"):
        return word_kind(words[-1], language)
    return word_kind(words[0], language) or (word_kind(words[1], language) if len(words) > 1 else "")


def covers(words: list[str], by: list[str], language: str) -> bool:
    """Whether every word of ``words`` is, in some form, among ``by``."""
    return bool(words) and all(any(same_word(word, other, language) for other in by) for word in words)


def _country_words(ref: ActorRef, state: DocumentState) -> list[str]:
    names = [name for name, r in state.index.names.items() if r.kind == ActorKind.COUNTRY and r.country == ref.country]
    return [word for name in names for word in name.split()] if ref.country else []


def _names_country(word: str, state: DocumentState) -> bool:
    return any(same_word(word, name, state.language) for name, r in state.index.names.items()
               if r.kind == ActorKind.COUNTRY and " " not in name)


def registry_covers(ref: ActorRef, words: list[str], state: DocumentState) -> bool:
    """Rule 1: the actor's names and descriptors cover every content word of the description; a word naming a country
    (its own, or any by a nationality adjective) says whose, not what."""
    own = [word for name in state.index.names_of.get(ref.key, []) for word in name.split()] + _country_words(ref, state)
    rest = [w for w in words if not _country_of_adjective(w, state.index)
            and not any(same_word(w, name, state.language) for name, r in state.index.names.items()
                        if r.kind == ActorKind.COUNTRY and " " not in name)]
    return covers(rest, own, state.language) if rest else True


def _registry_described(words: list[str], state: DocumentState) -> ActorRef | None:
    """Rule 1 on its own: the one actor (of the document's countries first) with a descriptor sharing the description's
    first word that covers the description, where the description has a word beside its head ("security service", not
    "service")."""
    language = state.language
    rest = [w for w in words if not _country_of_adjective(w, state.index)
            and not any(same_word(w, name, language) for name, r in state.index.names.items()
                        if r.kind == ActorKind.COUNTRY and " " not in name)]
    if len(rest) < 2 and not (rest and language == "ko" and len(description_stem(rest[0], language)) >= 3):
        return None  # (a Korean compound is a head with its modifier: "보안국")
    first = description_stem(rest[0], language)
    first = first[:max(3, len(first) - 3)] if language not in ("ko", "ar") and len(first) > 5 else first
    refs = {}
    # (an actor with a descriptor like it: a description is matched against descriptions; a name shortened, "مكتب الشؤون
    # الإنسانية", is the actor only when named before, which ``short_name_of`` reads)
    for name, ref in state.index.descriptors.items():
        if ref.kind in (ActorKind.COUNTRY, ActorKind.PERSON, ActorKind.UNNAMED_GROUP) or ref.key in refs:
            continue
        if first in name and registry_covers(ref, rest, state):
            refs[ref.key] = ref
    found = state.index._one_of(refs, set(), state.countries, state.text, state.mentioned) if refs else None
    if found is not None and found.country and found.country not in state.countries and found not in state.mentioned:
        return None  # a body described is of a country the text names (round 11): "وزارة الصحة" is not Gaza's unless so
    return found


def _body_of_adjective(words: list[str], state: DocumentState) -> ActorRef | None:
    """Sixteenth session: a body described with a place's adjective ("пресс-служба азербайджанского министерства
    обороны"): the one registry actor (no country, person or medium) one of whose names holds a word that begins as the
    adjective does (six letters) and whose names cover the other words ("Министерство обороны Азербайджана"); None when
    there is no such adjective or not exactly one actor answers. Russian only (adjectives by their endings)."""
    if state.language != "ru":
        return None
    adjectives = [w for w in words if re.search(r"(?:ого|его|ому|ой|ый|ий|ая|ое|ые|их|ых|ым|им)$", w) and len(w) >= 7]
    rest = [w for w in words if w not in adjectives]
    if not adjectives or len(rest) < 2:
        return None
    found = {}
    for ref in state.index.actors.values():
        if ref.kind in (ActorKind.COUNTRY, ActorKind.PERSON, ActorKind.LEGISLATOR, ActorKind.UNNAMED_GROUP) or ref.is_media:
            continue
        own = [folded(w) for name in state.index.names_of.get(ref.key, []) for w in name.split()]
        if all(any(o[:6] == a[:6] for o in own) for a in adjectives) and registry_covers(ref, rest, state):
            found[ref.key] = ref
    return next(iter(found.values())) if len(found) == 1 else None


def introduced_as(words: list[str], state: DocumentState) -> ActorRef | None:
    """Rule 2: the actor the document introduced last with words covering the description."""
    for introduced, ref in reversed(state.introductions):
        if covers(words, introduced, state.language):
            return ref
    return None


_INTRO_COMPLEMENT = {
    "en": r"(?<!\w)(?:for|of|to|at|with|by)\s*$", "el": r"(?<!\w)(?:του|της|των|για|από|σε|στο|στη|στην|στον)\s*$",
    "ru": r"(?<!\w)(?:для|от|у|при)\s*$", "ar": r"(?<!\w)(?:باسم|لـ?|في|عن|من)\s*$", "ko": r"의\s*$",
}
_INTRO_BOUNDARY = re.compile(r"[,،.;:«»\"“”()—–!?]")


def introduce(sentence: str, items: list[_Item], cue_ends: list[int], state: DocumentState) -> list[tuple[list[str], ActorRef]]:
    """Remember the words each named actor of the sentence is introduced with: a title or head noun right before the name
    ("Airline spokesman Tenzing Lama", "Газета Valley Herald", "항공사 대변인 텐징 라마는"), or an apposition after it set
    off by a comma (", a nurse and relief worker"). Only phrases with a head noun count. Returns what it remembered."""
    language = state.language
    found = []
    for item in items:
        ref = item.ref
        if ref is None or item.how not in ("name", "proposed", "descriptor") or ref.key.startswith("cataphor") \
                or ref.kind in (ActorKind.COUNTRY, ActorKind.UNNAMED_GROUP):
            continue
        bounds = [m.end() for m in _INTRO_BOUNDARY.finditer(sentence, 0, item.start)]
        bounds += [end for end in cue_ends if end <= item.start]
        # (a name before it ends the phrase; a proposed one too, unless a person is introduced: "المتحدث باسم شركة
        # الطيران تنزينغ لاما" is the person's title with its body, "المنظمة الدولية للهجرة التابعة للأمم المتحدة" no title
        # of the UN)
        bounds += [i.end for i in items if i.end <= item.start and i is not item and i.ref is not None
                   and (i.how == "name" or i.how == "proposed" and ref.kind not in (ActorKind.PERSON, ActorKind.LEGISLATOR))]
        begin = max(bounds, default=0)
        before = content_words(sentence[begin:item.start], language)[-6:]
        # a title right before a person's or a medium's name ("Airline spokesman Tenzing Lama", "Газета Valley Herald"),
        # not a complement ("a spokesman for Abdelwahid Nur", "المتحدث باسم …": the name is whom he speaks for)
        titled = ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR) or ref.is_media
        complement = re.search(_INTRO_COMPLEMENT.get(language, r"(?!)"), sentence[begin:item.start])
        phrases = [before] if before and titled and not complement and head_kind(before, language) else []
        following = re.match(r"\s+(\S+)", sentence[item.end:]) if language == "ko" and titled else None
        if following and word_kind(following.group(1), language) in ("person", "medium"):
            phrases.append([folded(following.group(1))])  # Korean puts a title after the name too: "밸리 헤럴드 일간지는"
        apposition = re.match(r"\s*[,،]\s*([^,،.;:«»\"“”()!?]{2,90}?)\s*(?=[,،.;:«»\"“”()!?]|$)", sentence[item.end:])
        if apposition:
            after = content_words(apposition.group(1), language)
            if 1 <= len(after) <= 8 and head_kind(after[:4], language) \
                    and not re.search(r"\d", apposition.group(1)):
                phrases.append(after)
        for words in phrases:
            state.introductions.append((words, ref))
            found.append((words, ref))
    return found


def cataphor_for(words: list[str], kind: str) -> ActorRef:
    """Rule 3: what an indefinite description stands for until the actor it describes is introduced."""
    return ActorRef("cataphor:" + " ".join(words), "(the actor named next)", ActorKind.PERSON if kind == "person"
                    else ActorKind.GOVERNMENT_AGENCY)


def resolve_described(surface: str, state: DocumentState, indefinite: bool | None = None) -> ActorRef | None:
    """The actor a description stands for, by rules 1–4 (see above); None when the phrase has no head noun."""
    language = state.language
    words = content_words(surface, language)
    if language in ("el", "ru", "ar"):
        # the head comes first: an adverb before it is no part of the description ("Ранее один сотрудник …")
        words = words[next((n for n, word in enumerate(words[:3]) if word_kind(word, language)), 0):]
    kind = head_kind(words, language)
    if not kind:
        return None
    registered = _registry_described(words, state)
    if registered is not None:
        return registered
    if kind == "group":
        return unnamed_officials(state)  # a group is never one actor introduced before ("the police" after a police chief)
    introduced = introduced_as(words, state)
    if introduced is not None:
        return introduced
    if indefinite is None and language == "ar":
        indefinite = not re.match(r"(?:[وف])?ال", folded(words[0]))  # "عامل إغاثة", not "العامل"
    elif indefinite is None:
        indefinite = bool(re.search(r"(?:^|\s)" + C.DESCRIPTION_INDEFINITE.get(language, r"(?!)"), surface.strip().lower()))
    if kind == "person" and indefinite:
        return cataphor_for(words, kind)
    if kind == "person":
        return CATAPHOR if language in ("el", "en") else cataphor_for(words, kind)
    return None


def _propose_described(surface: str, kind: str, state: DocumentState) -> ActorRef:
    """A body or medium described and not resolved, proposed under its words as written (no article, no clitic)."""
    words = surface.split()
    stop = {folded(w) for w in C.DESCRIPTION_STOPWORDS.get(state.language, ())} | _ARTICLE_WORDS
    while words and folded(words[0]) in stop:
        words = words[1:]
    name = " ".join(words).strip(" ,،")
    if state.language == "ko" and name:
        last = name.split()[-1]
        name = name[: len(name) - len(last)] + description_stem(last, "ko") if len(description_stem(last, "ko")) >= 2 \
            else name
    key = folded(name)
    if key not in state.proposals:
        state.proposals[key] = ActorRef(key=f"proposed:{key}", name=name, proposed=True,
                                        kind=ActorKind.NEWS_OUTLET if kind == "medium" else ActorKind.GOVERNMENT_AGENCY)
    return state.proposals[key]


_SPOKESMAN_OF = re.compile(r"(?:^|\s)((?:ال|و|ف)?\S*\s+باسم)\s+$")


def _spokesman_of(before: str) -> str | None:
    """The title and "باسم" ("in the name of") that ``before`` ends with ("المتحدث باسم"): ``_SPOKESMAN_OF``'s group 1,
    searched in the last words only. (The match can only start before the word before "باسم"; searched in the whole
    text, each space of a long run of spaces was tried in turn, each time to the run's end.)"""
    stripped = before.rstrip()
    head = stripped[:-len("باسم")].rstrip() if stripped.endswith("باسم") and len(stripped) < len(before) else None
    if head is None or len(head) == len(stripped) - len("باسم"):
        return None  # no "باسم" with a space before it and after it, last
    start = len(head)
    while start > 0 and not head[start - 1].isspace():
        start -= 1
    found = _SPOKESMAN_OF.search(before, max(0, start - 1))
    return found.group(1) if found else None


_PHRASE_END = re.compile(r"[,،.;:«»\"“”()!?—–]")


_KO_SUBJECT_PHRASE = re.compile(r"(?<!\S)(?:\S+\s){0,3}\S+(?:은|는|이|가)(?=\s)")


@lru_cache(maxsize=16)
def _ko_first_subject(sentence: str) -> tuple[int, int] | None:
    """Fourteenth session: the span of the sentence's first Korean subject or topic phrase, found once per sentence."""
    found = _KO_SUBJECT_PHRASE.search(sentence)
    return found.span() if found else None


@lru_cache(maxsize=16)
def _phrase_ends(sentence: str) -> list[int]:
    """Fourteenth session: the ends of the sentence's phrase marks, found once per sentence and bisected per verb."""
    return [m.end() for m in _PHRASE_END.finditer(sentence)]


def _agent_phrase(cue, sentence: str, state: DocumentState) -> tuple[int, int] | None:
    """The span where a cue's agent phrase stands when no actor was found there: after an attribution phrase ("according
    to …", "σύμφωνα με …", "по данным …", "بحسب …"); before a verb of saying, in its clause, else after it up to the next
    mark ("…, ανέφερε η εφημερίδα"); in Korean the phrase with the subject or topic particle before the verb."""
    language = state.language
    if cue.role in (C.ACCORDING, C.CITING):
        end = _mark_after(sentence, cue.end)
        # (fifteenth session: the first eight words alone are listed, not every word to the mark, at each cue)
        words = list(islice(_WORD.finditer(sentence, cue.end, end), 8))
        return (words[0].start(), words[-1].end()) if words else None
    if language == "ko":
        # (from a word's start only: the first such phrase starts there anyway, and trying each letter of a long word,
        # each time to its end, was quadratic)
        first = _ko_first_subject(sentence)
        if first is None or first[1] < cue.start:
            # fourteenth session: the whole sentence's first phrase, when it ends (and its look-ahead reads) before the
            # verb, is the first before the verb too; none in the sentence is none before it
            return first
        subject = _KO_SUBJECT_PHRASE.search(sentence[:cue.start])
        return subject.span() if subject else None
    ends = _phrase_ends(sentence)
    bound = bisect_right(ends, cue.start)
    begin = ends[bound - 1] if bound else 0
    # (seven words at most: more is a clause of its own, and listing every word of the clause was quadratic)
    before = list(islice(re.finditer(r"\S+", sentence[begin:cue.start]), 7))
    if before and len(before) <= 6:
        return begin + before[0].start(), begin + before[-1].end()
    if before:
        return None  # a clause of its own before the verb: no subject phrase right before it
    start = cue.end
    if language == "ru":
        from .agents import _ru_past_setting  # (agents imports this module)
        start = _ru_past_setting(cue, sentence).end  # sixteenth session: "сообщила в понедельник, 28 сентября, пресс-служба"
    end = _mark_after(sentence, start)
    after = list(islice(_WORD.finditer(sentence, start, end), 6))
    return (after[0].start(), after[-1].end()) if after else None


_WORD = re.compile(r"\S+")


def _mark_after(sentence: str, position: int) -> int:
    """Fifteenth session: where the first phrase mark at or after ``position`` stands (the sentence's end if none),
    bisected in the sentence's marks found once, not searched again from each verb to the end."""
    ends = _phrase_ends(sentence)
    found = bisect_left(ends, position + 1)  # (a mark is one character: it stands at its end less one)
    return ends[found] - 1 if found < len(ends) else len(sentence)


def described_agent(cue, sentence: str, items: list[_Item], state: DocumentState):
    """Rule 4's guard, for a cue of saying or attribution: an agent phrase that is a description is resolved
    (``resolve_described``) rather than dropped to the author, left a bare country ("службы безопасности Украины" is no
    country speaking), or proposed under its common nouns in the scripts without capitals ("정부 대표들", "عامل إغاثة").
    Returns the agent to use instead, or None to keep the cue's own."""
    from .state import Agent
    language = state.language
    if cue.role not in (C.SPEECH, C.ACCORDING, C.CITING) or cue.phrase in C.KO_PASSIVE:
        return None
    spoken = spokesman_body(cue, sentence, items, state) or body_of_place(cue, sentence, state)
    if spoken is not None:
        return spoken  # issue 15, thirteenth session: "εκπρόσωπος του γαλλικού υπουργείου Εξωτερικών" is the ministry
    agent = cue.agent
    if agent is not None and agent.ref is not None and agent.ref.key != state.narrator.key and agent.how != "dropped":
        ref = agent.ref
        if ref.kind == ActorKind.COUNTRY and agent.how in ("name", "descriptor"):
            # a head noun next to the country: before it in the genitive languages, after it in Korean
            if language == "ko":
                following = re.match(r"\s+(\S+)", sentence[agent.end:])
                if not following:
                    return None
                span = (agent.start, agent.end + following.end())
                described = content_words(sentence[agent.end:span[1]], language)
            else:
                bounds = [m.end() for m in _PHRASE_END.finditer(sentence, 0, agent.start)] + \
                    [cue.end if cue.end <= agent.start else 0]
                bounds += [i.end for i in items if i.end <= agent.start and i.ref is not None and i.how != "anaphor"]
                begin = max(bounds)
                words = list(re.finditer(r"\S+", sentence[begin:agent.start]))[-4:]
                if not words:
                    return None
                span = (begin + words[0].start(), agent.end)
                described = content_words(sentence[span[0]:agent.start], language)
            kind = head_kind(described, language)
            # (a group after its country is a force named, "필리핀 경찰", which the rules before propose)
            if kind != "body" or any(i.start < agent.start and span[0] < i.end and i.ref is not None
                                                      and i.how != "anaphor" for i in items if i.start != agent.start):
                return None
            surface = sentence[span[0]:span[1]]
            found = resolve_described(surface, state) or (
                _propose_described(surface, kind, state) if kind == "body" else None)
            return Agent(found, span[0], span[1], "descriptor") if found is not None else None
        if ref.proposed and language in _CASED and agent.how == "proposed":
            # "Ukraine's security service" proposed for its capital: a country and common nouns, the registry actor
            # that covers them (rule 1), else the proposal stands
            surface = sentence[agent.start:agent.end]
            capitalised = [w for token in surface.split() if token[:1].isupper() for w in content_words(token, language)]
            common = common_words(surface, language)
            if capitalised and len(common) >= 2 and head_kind(common, language) == "body" \
                    and all(_country_of_adjective(w, state.index) or _names_country(w, state) for w in capitalised):
                found = _registry_described(content_words(surface, language), state)
                return Agent(found, agent.start, agent.end, "descriptor") if found is not None else None
            return None
        if ref.proposed and language in ("ko", "ar") and agent.how == "proposed" \
                and folded(ref.name) in folded(sentence[agent.start:agent.end]):
            surface = sentence[agent.start:agent.end]
            if language == "ko":
                title = re.match(r"\s+(\S+)", sentence[agent.end:])  # "항공사 대변인은": the title after the proposal
                titled = surface + title.group(0) if title and head_kind([title.group(1)], language) == "person" else ""
            else:
                title = _spokesman_of(sentence[:agent.start])  # "المتحدث باسم شركة …"
                titled = title + " " + surface \
                    if title and head_kind(content_words(title, language), language) == "person" else ""
            if titled:
                # the spokesman of a body is the body speaking, unless the document introduced someone with that title
                introduced = introduced_as(content_words(titled, language), state)
                return Agent(introduced, agent.start, agent.end, "descriptor") if introduced is not None else None
            words = content_words(surface, language)
            kind = head_kind(words, language)
            if not words:
                return None
            head = words[-1] if language == "ko" else words[0]
            if kind not in ("person", "group", "body", "medium") or head_kind([head], language) != kind:
                return None  # a name: the proposal stands
            if kind == "medium":
                # "이 일간지는", "الصحيفة": the medium introduced with that noun, else the proposal stands
                found = introduced_as(words, state)
                return Agent(found, agent.start, agent.end, "descriptor") if found is not None else None
            before = sentence[max(0, agent.start - 3):agent.start]
            indefinite = bool(re.search(r"(?:^|\s)한\s$", before)) if language == "ko" else not folded(head).startswith("ال")
            if kind == "body":
                # "جهاز الأمن" proposed: the registry actor that covers it, else the proposal stands
                found = _registry_described(words, state)
                return Agent(found, agent.start, agent.end, "descriptor") if found is not None else None
            if kind == "group" and not all(word_kind(w, language) for w in words):
                return None  # "필리핀 경찰", "مصادر محلية صومالية": a group qualified by a place is a force named, proposed
            if kind == "person" and not indefinite:
                # "재난부 대변인": a definite title of a body proposed as written stands, unless introduced before
                found = introduced_as(words, state)
            else:
                found = resolve_described(surface, state, indefinite)
            return Agent(found, agent.start, agent.end, "descriptor") if found is not None else None
        return None
    if cue.role == C.CITING:
        return None  # "со ссылкой на источники": the one cited is the citing cue's object, which the rules before read
    span = _agent_phrase(cue, sentence, state)
    if span is None:
        return None
    if any(i.start < span[1] and span[0] < i.end and i.ref is not None and i.how in ("name", "proposed", "descriptor")
           for i in items):
        return None  # an actor named in the phrase: not a description (the rules before did not take it)
    surface = sentence[span[0]:span[1]]
    words = content_words(surface, language)
    kind = head_kind(words, language)
    if not kind or language == "ko" and len(words) > 2:
        return None
    found = resolve_described(surface, state)
    if found == CATAPHOR:
        found = None  # a definite title no one was introduced with: the rules before decide
    # (a medium no one was introduced with is left to the rules before: "η κρατική τηλεόραση" they read as a relay)
    return Agent(found, span[0], span[1], "descriptor") if found is not None else None


# Issue 15, thirteenth session (mechanism E, part two): an unnamed spokesman, representative or press office of a body
# named in the same phrase is that body speaking. The title comes first, then the body in the genitive, in Greek ("ένας
# εκπρόσωπος του γαλλικού υπουργείου Εξωτερικών"), Russian ("представитель министерства иностранных дел Франции") and
# Arabic ("متحدث باسم وزارة الخارجية الفرنسية"). English reads "a spokesman for the French foreign ministry" so already
# (``english.py``). Korean ("재난부 대변인은") is left proposed with its title, as the corpus annotates it (ko-14).
_SPOKESMAN_TITLE = {
    "el": r"(?<!\w)(?:εκπρόσωπ(?:ος|ο|ου)|γραφείο\s+Τύπου|γραφείου\s+Τύπου)(?:\s+Τύπου)?\s+(?:του|της|των)\s+",
    "ru": r"(?<![\w-])(?:представител[ьяюе]м?|пресс-секретар[ьяюе]м?|пресс-служб[аыеуо]й?|официальн\w{2,3}\s+"
          r"представител[ьяюе]м?)\s+",
    "ar": r"(?<!\S)(?:[وف]?(?:ال)?(?:متحدث|ناطق)(?:ة)?(?:\s+(?:ال)?(?:رسمي|رسمية))?)\s+باسم\s+",
}
# Greek lower-case words of a body in the genitive, in the nominative the annotation names a body by: -ού/-ου of a
# neuter ("υπουργείου" -> "υπουργείο"), -ής/-ης, -ας of a feminine ("κυβέρνησης" -> "κυβέρνηση")
_EL_NOMINATIVE = (("ού", "ό"), ("ου", "ο"), ("ής", "ή"), ("ης", "η"), ("ας", "α"), ("ών", "ά"), ("ων", "α"))
_BODY_END = re.compile(r"[,،.;:«»\"“”()!?—–]")
# Words that end the body's name after the title: a conjunction, a preposition or an article of another phrase.
_BODY_STOP = {
    "el": r"(?:ότι|πως|που|σε|στ\w*|από|για|με|και|το|τα|τον|την|ο|η|οι|σήμερα|χθες|είπε|δήλωσε|ανέφερε)",
    "ru": r"(?:что|в|во|на|о|об|по|с|со|и|заявил\w*|сообщил\w*|сказал\w*|отметил\w*|уточнил\w*)",
    "ar": r"(?:إن|أن|ان|في|على|إلى|عن|من|لـ?\S*)",
}


def _el_nominative(words: list[str]) -> list[str]:
    """The body's words in the nominative: its lower-case words (the head and its adjectives) only; a capitalised
    complement ("Εξωτερικών", whose ministry) stays in the genitive."""
    shaped = []
    for n, word in enumerate(words):
        if not word[:1].islower() or folded(word) in _EL_ARTICLES:
            return shaped + words[n:]  # the complement from here on ("Άμυνας της Ιταλίας") stays as written
        shaped.append(next((word[:-len(a)] + b for a, b in _EL_NOMINATIVE if word.endswith(a)), word))
    return shaped


@lru_cache(maxsize=16)  # fifteenth session: asked for at every verb of a sentence; a pure function of the sentence
def _spokesman_spans(sentence: str, language: str) -> tuple[tuple[int, int, int], ...]:
    """(start of the title, start of the body, end of the body) for each spokesman of a body the sentence names."""
    found = []
    pattern = _SPOKESMAN_TITLE.get(language)
    if pattern is None:
        return ()
    for match in re.finditer(pattern, sentence, re.IGNORECASE):
        # (six words at most, read within the next 200 characters: bounded on a sentence of repeated titles)
        stop = _BODY_END.search(sentence, match.end(), match.end() + 200)
        end = stop.start() if stop else min(len(sentence), match.end() + 200)
        words = []
        for word in list(re.finditer(r"\S+", sentence[match.end():end]))[:6]:
            if re.search(r"\d", word.group(0)) or re.fullmatch(_BODY_STOP.get(language, r"(?!)"), word.group(0)):
                break
            if language == "ar" and any(re.match(r"[وف]?ال", w.group(0)) for w in words) \
                    and not re.match(r"[وف]?ال", word.group(0)):
                break  # a construct chain ends with its first definite word and the definite words after it
            words.append(word)
        if words:
            found.append((match.start(), match.end(), match.end() + words[-1].end()))
    return tuple(found)


def spokesman_body(cue, sentence: str, items: list[_Item], state: DocumentState):
    """The body an unnamed spokesman at the cue's agent speaks for (an ``Agent``), or None: the registry actor named
    there or covering its words, else the body proposed as written (Greek in the nominative). A spokesman the document
    introduced by name, or a person named right after the title, is left to the rules before."""
    from .state import Agent
    language = state.language
    if cue.role not in (C.SPEECH, C.ACCORDING):
        return None
    agent = cue.agent
    ref = agent.ref if agent is not None else None
    unnamed = ref is not None and (ref.kind in (ActorKind.UNNAMED_GROUP, ActorKind.COUNTRY)
                                   or ref.key.startswith("cataphor") or ref.key == state.narrator.key)
    if ref is not None and not unnamed and not ref.proposed:
        return None
    near = (agent.start, agent.end) if agent is not None and ref is not None and ref.key != state.narrator.key \
        else _agent_phrase(cue, sentence, state)
    if near is None:
        return None
    for title_start, start, end in _spokesman_spans(sentence, language):
        if not (title_start <= near[1] and near[0] <= end):
            continue
        if ref is not None and not unnamed and not (title_start <= near[0] and near[1] <= end):
            continue  # a name proposed beyond the phrase ("εκπρόσωπος του υπουργείου Γιάννης Ρήγας"): his own
        body = sentence[start:end]
        # the body ends before the verb: its words up to the cue
        body = body[:cue.start - start].rstrip() if start < cue.start < end else body
        named = [i for i in items if start <= i.start and i.end <= start + len(body) + 1 and i.ref is not None
                 and i.how in ("name", "proposed")]
        if any(i.ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR) and i.how == "name" for i in named):
            return None
        words = content_words(body, language)
        if not words or head_kind(words, language) != "body":
            continue
        held = [i.ref for i in named if not i.ref.proposed and i.ref.kind != ActorKind.COUNTRY]
        found = held[0] if len(held) == 1 else (_registry_described(words, state) or _body_of_adjective(words, state))
        if found is None:
            surface = body.split()
            if language == "el":
                surface = _el_nominative(surface)
            found = _propose_described(" ".join(surface), "body", state)
        return Agent(found, start, start + len(body), "descriptor")
    return None


# Issue 15, thirteenth session (mechanism E, part two): a body described by its kind and a place's name that no actor
# holds ("Davao de Oro's provincial government") is a body named, proposed as written; the same words used alone
# before ("the provincial government said") wait for it (rule 3 for bodies: ``cataphor:<words>``, `officials` if it is
# never named), and after it they are it (rule 2). English writes the place as a possessive before the description; the
# genitive languages write it after, where ``proposing`` already proposes "η περιφερειακή κυβέρνηση της Θεσσαλίας".
_EN_PLACE_POSSESSIVE = re.compile(r"((?:[A-Z][\w-]*\s+(?:(?:de|del|da|do|la|el|of)\s+)?){0,4}[A-Z][\w-]*)['’]s\s+$")


def body_of_place(cue, sentence: str, state: DocumentState):
    """The body an unnamed group's description stands for, when that description is a body's words of two or more
    (``head_kind`` body): after a place's possessive, the body proposed as written and introduced with its words;
    alone, the body introduced with those words, else one named next. None for anything else."""
    from .state import Agent
    agent = cue.agent
    if state.language != "en" or cue.role != C.SPEECH:
        return None
    if agent is None or agent.ref is None or agent.ref.key == state.narrator.key:
        # no agent read: a definite phrase of a body's words before the verb ("the regional government said")
        span = _agent_phrase(cue, sentence, state)
        if span is None or not re.match(r"(?:[A-Z][\w-]*['’]s|the)\s", sentence[span[0]:span[1]], re.IGNORECASE):
            return None
        agent = Agent(unnamed_officials(state), span[0], span[1], "group")
    # (a group's words, or a body proposed from the last word of the place on: "Oro's provincial government")
    cut = agent.ref.proposed and agent.ref.kind == ActorKind.GOVERNMENT_AGENCY \
        and re.match(r"[A-Z][\w-]*['’]s\s", sentence[agent.start:agent.end])
    if not cut and (agent.ref.kind != ActorKind.UNNAMED_GROUP or agent.how not in ("group", "anaphor")):
        return None
    surface = sentence[agent.start:agent.end]
    possessive = surface.rfind("'s ") if "'s " in surface else surface.rfind("’s ")
    start = agent.start + possessive + 3 if possessive >= 0 else agent.start
    words = [w for w in content_words(sentence[start:agent.end], "en") if w[:1].islower()]
    if len(words) < 2 or head_kind(words, "en") != "body" or not all(w.isalpha() for w in words):
        return None
    place = _EN_PLACE_POSSESSIVE.search(sentence[max(0, start - 80):start])
    if cut and place is None:
        return None
    if place is not None:
        owner = place.group(1)
        if state.index.mentions(owner, "en"):
            return None  # a country or an actor held: whose body it is is the rules before's ("Ukraine's …")
        begin = start - len(sentence[max(0, start - 80):start]) + place.start(1)
        found = _propose_described(sentence[begin:agent.end].strip(), "body", state)
        state.introductions.append((words, found))
        return Agent(found, begin, agent.end, "descriptor")
    introduced = introduced_as(words, state)
    return Agent(introduced or cataphor_for(words, "body"), agent.start, agent.end, "descriptor")
