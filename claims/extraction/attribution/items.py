"""Everything in a sentence that may be an agent, in order: actors named (names, aliases, descriptors, groups),
pronouns and descriptions, and names no actor has (proposed)."""

import bisect
import re

from sources.models import ActorKind

from ..actors import Mention, folded, is_acronym
from . import english
from .clauses import _EXTRA_TITLES
from .cuefinding import _inside
from .descriptions import _anaphors, _known_instead, _unnamed_persons
from .media import _as_medium
from .names import _names, _titles
from .proposing import _proposed, transparent
from .state import DocumentState, _Item


# An acronym in brackets after a name, in a script with capitals ("(NDRRMC)", "(ΔΟΜ)", "(МОП)"; fourteenth session:
# Greek and Cyrillic too).
_ACRONYM_IN_BRACKETS = r"\s*\(([A-ZΑ-ΩΆΈΉΊΌΎΏА-ЯЁ][A-ZΑ-ΩΆΈΉΊΌΎΏА-ЯЁ0-9&.-]{1,9})\)"


def _items(sentence: str, state: DocumentState, mentions: list[Mention], masked) -> list[_Item]:
    """Everything in the sentence that may be an agent, in order."""
    items = [_Item(m.start, m.end, m.actor, m.via) for m in mentions if not _inside(m.start, masked)]
    for start, end, ref in _unnamed_persons(sentence, state):
        if not _inside(start, masked) and not any(i.start < end and start < i.end for i in items):
            items.append(_Item(start, end, ref, "unnamed"))
    for start, end, wanted in _anaphors(sentence, state.language):
        if _inside(start, masked) or any(i.start < end and start < i.end for i in items):
            continue
        before = re.search(r"([^\W\d_][\w.-]*)\s+$", sentence[:start])
        if before and folded(before.group(1)) in _titles("ru") | _EXTRA_TITLES["ru"] | {"замглавы", "замминистра"}:
            continue  # "глава Минздрава Иван Петров": the title's complement; the person named after it speaks
        items.append(_Item(start, end, None, "anaphor", wanted))
    # fifteenth session: persons held by a name (a surname alone), by where they start (Greek)
    persons_at = {i.start: i for i in items if state.language == "el" and i.how == "name" and i.ref is not None
                  and i.ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR)}
    for start, end, name, title in _names(sentence, state.language, mentions, masked, state.qualifiers):
        if any(i.start < end and start < i.end for i in items):
            continue
        held = persons_at.get(end + 1) if " " not in name and sentence[end:end + 1] == " " else None
        if held is not None and held in items:
            # fifteenth session: "ο Βιάτσεσλαβ Γκλάντκοφ" with the person held by his surname alone: the first name
            # before it is his, not a speaker of its own
            items[items.index(held)] = _Item(start, held.end, held.ref, held.how, held.wanted)
            continue
        # "Ουκρανοί αξιωματούχοι", "Ukrainian officials": a capitalised word before a group qualifies it.
        if any(i.how == "group" and 0 <= i.start - end <= 1 for i in items):
            continue
        if state.language in ("ru", "el") and " " not in name and is_acronym(name) and any(
                m.start > end and re.fullmatch(r"\s", sentence[end:m.start]) and m.via != "group"
                and m.actor.kind not in (ActorKind.PERSON, ActorKind.LEGISLATOR, ActorKind.COUNTRY) for m in mentions):
            continue  # "ГУ МЧС по региону": the directorate's acronym before the organisation it belongs to
        if state.language in ("ru", "el") and " " not in name and not re.search(r"[A-Za-z]", name) and any(
                m.end < start and re.fullmatch(r"\s", sentence[m.end:start]) and m.via != "group"
                and m.actor.kind not in (ActorKind.PERSON, ActorKind.LEGISLATOR, ActorKind.COUNTRY) for m in mentions):
            # "МЧС Татарстана", "МЧС РТ": a place in the genitive after an organisation qualifies it (greek round: a
            # Latin-script word does not decline; "CNN News18" is one outlet's name, not CNN's)
            continue
        if re.fullmatch(r"\s*\(", sentence[max(0, start - 2):start]) and re.match(r"\s*\)", sentence[end:]) and \
                any(0 <= start - i.end <= 2 for i in items if i.how in ("proposed", "name", "descriptor")):
            continue  # "the Office of Civil Defense (OCD)": the acronym glosses the name before it
        known = _known_instead(sentence, start, end, name, state, mentions)
        item = _Item(start, end, known, "descriptor") if known else _Item(start, end, _proposed(state, name, title), "proposed")
        glossed = re.match(_ACRONYM_IN_BRACKETS, sentence[end:])
        if glossed and not known and item.ref is not None and item.ref.proposed and " " in name \
                and item.ref.kind != ActorKind.PERSON:
            # round 12: "the National Disaster Risk Reduction and Management Council (NDRRMC)": the acronym in brackets is
            # the body's other name, so "The NDRRMC" later is the same proposal
            state.proposals.setdefault(folded(glossed.group(1)), item.ref)
        if state.language in ("ru", "en") and not known:
            # russian round: "ливийскому телеканалу Al-Masar", "изданию Meduza": a name a word for a medium goes with is a
            # medium's from the start, so that the one told (in the dative) is a relay, not the verb's subject (round 10:
            # English too, "in comments to the UN's Okapi radio", "told the Dawn newspaper")
            item = _as_medium(item, sentence, state)
        if item.ref is None and not known and transparent(name, state.language):
            continue  # sixteenth session: a date, an initial, an oblique phrase is no subject: the name after it may be
        items.append(item)
    items = _spelled_by_acronym(sentence, state, items, masked)
    if state.language == "el" and "από" in sentence:
        items = _el_run_by(sentence, state, items, masked)
    if state.language == "ru":
        items = _ru_ministries(sentence, state, items, masked)
        items = _ru_bodies(sentence, state, items, masked)
        items = _ru_adjective_bodies(sentence, state, items, masked)
    if state.language == "en":
        items = english.refine_items(sentence, state, items)  # honorifics, titles, events, unnamed authorities
    return sorted(items, key=lambda item: item.start)


# Round 10: a Russian ministry's short name written in lower case ("минздрав", "минобороны", "минтранса") is a body — the
# class of "мин-" compounds of a portfolio — with the country or region in the genitive after it ("минздрав Украины").
_RU_MINISTRY = re.compile(r"(?<![\w-])[Мм]ин(?:здрав|обороны|транс|энерго|природы|фин|юст|строй|труд|соцполитики|образования|"
                          r"просвещения|цифры|спорт|культуры|сельхоз|промторг|экономразвития|регион|внутренних\s+дел|"
                          r"иностранных\s+дел)[а-я]*")


def _ru_ministries(sentence: str, state: DocumentState, items: list[_Item], masked) -> list[_Item]:
    for match in _RU_MINISTRY.finditer(sentence):
        start, end = match.span()
        # the country or place after it, known or not ("минздрав Украины", "минздрав Дагестана"), qualifies it
        qualifier = next((i for i in items if 0 < i.start - end <= 1 and i.ref is not None and (
            i.ref.kind == ActorKind.COUNTRY or i.how == "proposed" and " " not in sentence[i.start:i.end])), None)
        if qualifier is not None:
            # a capitalised one read as a name no actor has ("Минздрав Украины": "Минздрав") is the same body
            items = [i for i in items if not (i.how == "proposed" and (i.start, i.end) == (start, end))]
        if _inside(start, masked) or any(i.start < end and start < i.end for i in items):
            continue
        before = re.search(r"([^\W\d_][\w.-]*)\s+$", sentence[:start])
        if before and folded(before.group(1)) in _titles("ru") | _EXTRA_TITLES["ru"] | {"замглавы", "замминистра"}:
            continue  # "глава Минздрава Иван Петров": the title's complement; the person named after it speaks
        if qualifier is None:
            place = re.match(r"\s[А-ЯЁ][а-яё-]+(?:\s(?:области|края|республики|района))?", sentence[end:])
            end = end + place.end() if place and not any(i.start < end + place.end() and end < i.end for i in items) else end
        else:
            items = [i for i in items if i is not qualifier]
            end = qualifier.end
        items.append(_Item(start, end, _proposed(state, sentence[start:end], ""), "proposed"))
    return sorted(items, key=lambda item: item.start)


# Round 12: a Russian body named by a common noun, its lower-case complements (genitives, "по" with the dative) and the
# country or place in the genitive that ends it ("Управление гражданской авиации Непала", "Государственная служба по
# чрезвычайным ситуациям Украины"): the whole phrase is the body's name, not the place at its end. Up to two adjectives
# may open it ("Государственная", "Федеральное").
_RU_BODY = re.compile(r"(?<![\w-])(?:[А-ЯЁа-яё][а-яё]+(?:ая|ое|ый|ий|ой|ые)\s+){0,2}"
                      r"(?:[Уу]правлени|[Сс]лужб|[Мм]инистерств|[Кк]омитет|[Дд]епартамент|[Аа]гентств|[Вв]едомств|"
                      r"[Аа]дминистраци|[Пп]рокуратур|[Ии]нспекци)[а-яё]*"
                      r"(?:\s+(?:по\s+)?[а-яё][а-яё-]*){1,5}\s+(?=[А-ЯЁ])")


def _ru_bodies(sentence: str, state: DocumentState, items: list[_Item], masked) -> list[_Item]:
    for match in _RU_BODY.finditer(sentence):
        start = match.start()
        place = next((i for i in items if i.start == match.end() and i.how == "proposed" and i.ref is not None
                      and " " not in sentence[i.start:i.end]), None)
        if place is None:
            continue
        inside = [i for i in items if i is not place and i.start < place.start and start < i.end]
        if _inside(start, masked) or any(i.how != "anaphor" for i in inside):
            continue  # (a description inside it, "управление", is the body's own head noun)
        if re.match(r"\s+[А-ЯЁ]", sentence[place.end:]):
            continue  # "Управления … Непала Иван Петров": a title's complement before the person who speaks
        before = re.search(r"([^\W\d_][\w.-]*)\s+$", sentence[:start])
        if before and folded(before.group(1)) in _titles("ru") | _EXTRA_TITLES["ru"] | {"замглавы", "замминистра"}:
            continue  # "глава Управления гражданской авиации Непала": the person with that title speaks
        if place.ref not in state.sources:
            # the place was proposed on its own a moment ago; the body's name ends with it, and "a surname alone is the
            # proposal before it" must not give the body the place's proposal back
            state.proposals.pop(folded(place.ref.name), None)
        ref = _proposed(state, sentence[start:place.end], "")
        if ref is None:
            continue
        items = [i for i in items if i is not place and i not in inside] + [_Item(start, place.end, ref, "proposed")]
    return sorted(items, key=lambda item: item.start)


# Sixteenth session: a Russian body named by capitalised adjectives, a lower-case head noun and its complement in the
# genitive or after "по" ("Международная организация по миграции", "Федеральная служба безопасности"): the whole phrase
# is the name (the capitalised adjective alone is no one's).
_RU_ADJECTIVE_BODY = re.compile(
    r"(?<![\w-])[А-ЯЁ][а-яё]+(?:ая|ое|ый|ий|ой)\s+(?:[а-яё]+(?:ая|ое|ый|ий|ой)\s+)?"
    r"(?:организаци|служб|агентств|комитет|комисси|управлени|министерств|федераци|ассоциаци|фонд|центр|совет)[а-яё]{0,3}"
    r"(?:\s+по\s+[а-яё]+(?:\s+[а-яё]+(?:ам|ям|ей|ов|ии|ия|ого|ых|их))?|(?:\s+[а-яё]{3,}(?:ии|ия|ого|его|ой|ей|ых|их|ости|ы)(?![\w-])){1,2})?"
    r"(?![\w-])")


def _ru_adjective_bodies(sentence: str, state: DocumentState, items: list[_Item], masked) -> list[_Item]:
    for match in _RU_ADJECTIVE_BODY.finditer(sentence):
        start, end = match.span()
        if _inside(start, masked):
            continue
        inside = [i for i in items if i.start < end and start < i.end]
        lead = next((i for i in inside if i.start == start and i.how == "proposed"), None)
        if lead is None or lead.end >= end or any(i.end > end or i is not lead and i.how not in ("anaphor",)
                                                  for i in inside):
            continue  # an actor named in it, or a name running past it: left as read
        if lead.ref is not None and lead.ref not in state.sources:
            state.proposals.pop(folded(lead.ref.name), None)  # the adjective proposed alone a moment ago
        ref = _proposed(state, sentence[start:end], "")
        if ref is None:
            continue
        items = [i for i in items if i not in inside] + [_Item(start, end, ref, "proposed")]
    return sorted(items, key=lambda item: item.start)


def _initials_span(sentence: str, end: int, acronym: str) -> int | None:
    """Fourteenth session: where the words before ``end`` begin whose initials spell ``acronym`` ("Διεθνής Οργανισμός
    Μετανάστευσης" before "(ΔΟΜ)", "Международная организация помощи" before "(МОП)"), short lower-case words between
    them ("of", "и", "по", "της") skipped; None when they do not spell it."""
    letters = folded(acronym).replace(".", "")
    words = list(re.finditer(r"[^\W\d_]+", sentence[max(0, end - 200):end]))
    offset = max(0, end - 200)
    position = len(letters)
    for match in reversed(words):
        word = folded(match.group(0))
        if position and word[0] == letters[position - 1]:
            position -= 1
            if not position:
                return offset + match.start()
        elif len(word) > 3 or match.group(0)[0].isupper():
            return None
    return None


def _spelled_by_acronym(sentence: str, state: DocumentState, items: list[_Item], masked) -> list[_Item]:
    """Fourteenth session: a name followed by its acronym in brackets ("ανακοίνωσε ο Διεθνής Οργανισμός Μετανάστευσης
    (ΔΟΜ)", "сообщила Международная организация помощи (МОП)") is one speaker, proposed under the name, and the acronym
    alone later is the same one. The name is the run of words before the bracket whose initials spell the acronym,
    capitalised (Greek and Russian; English has the round-12 rule above); a name an actor has keeps its actor. The acronym's item goes, and the items inside the name give way to it."""
    spans, named = [], []  # (start, end) of each name with its bracket, and the name's item
    holders = [i for i in items if i.how in ("name", "descriptor")]  # names an actor has
    if state.language not in ("el", "ru"):
        return items  # English has its own rule (above); Korean and Arabic write no capitals (sentence.py reads them)
    for bracket in re.finditer(r"\(([A-ZΑ-ΩΆΈΉΊΌΎΏА-ЯЁ]{2,9})\)", sentence):
        if _inside(bracket.start(), masked):
            continue
        start = _initials_span(sentence, bracket.start(), bracket.group(1))
        if start is None or not sentence[start].isupper():
            continue  # (a name in an oblique case, "единую дежурно-диспетчерскую службу (ЕДДС)", is no name to propose)
        end = len(sentence[:bracket.start()].rstrip())
        known = [i for i in holders if i.start <= start and end <= i.end]
        ref = known[0].ref if known else _proposed(state, sentence[start:end], "")
        if ref is None:
            continue
        acronym = folded(bracket.group(1))
        if acronym not in state.proposals or state.proposals[acronym].name == bracket.group(1):
            state.proposals[acronym] = ref  # (the acronym read first as a name of its own gives way)
        spans.append((start - 4, bracket.end()))
        named.append(_Item(start, end, ref, "name" if known else "proposed"))
    if not named:
        return items
    starts = [span_start for span_start, _ in spans]
    kept = [i for i in items if not (starts and (at := bisect.bisect_right(starts, i.start) - 1) >= 0
                                     and i.start < spans[at][1])]
    return kept + named


# Sixteenth session: a body described in lower case with its portfolio ("το υπουργείο Υγείας") and a relative clause
# saying who runs it ("που διοικείται από τη Χαμάς", "που ελέγχεται από τους Χούθι"): the owner is inside the relative
# clause, never the verb's subject; the body is the owner's ("το υπουργείο Υγείας της Χαμάς"), whichever actor the
# registry holds under that description. The owner is read in the same form in the genitive (a foreign name does not
# decline: "τη Χαμάς" → "της Χαμάς").
_EL_RUN_BY = re.compile(r"(?<!\w)((?:υπουργείο|υπηρεσία|υπηρεσίες|αρχές|αρχή|διοίκηση|κυβέρνηση|στρατός|αστυνομία|"
                        r"γραφείο|επιτροπή|οργάνωση)(?:\s+[Α-ΩΆΈΉΊΌΎΏ][^\W\d_]+){0,3})"
                        r",?\s+(?:που|το\s+οποίο|η\s+οποία|ο\s+οποίος|οι\s+οποίες|οι\s+οποίοι)\s+"
                        r"(?:διοικ|ελέγχ|ελεγχ|κυβερν|υπάγ|λειτουργ)[^\W\d_]*\s+(?:από|στ)\s*(τη|την|το|τον|τους|τις|τα|ο|η|οι)?\s+")
_EL_GENITIVE_ARTICLE = {"τη": "της", "την": "της", "η": "της", "το": "του", "τον": "του", "ο": "του", "τους": "των",
                        "τις": "των", "τα": "των", "οι": "των"}


def _el_run_by(sentence: str, state: DocumentState, items: list[_Item], masked) -> list[_Item]:
    for match in _EL_RUN_BY.finditer(sentence):
        start = match.start()
        owner = next((i for i in items if i.start == match.end() and i.ref is not None), None)
        if owner is None or _inside(start, masked):
            continue
        surface = sentence[owner.start:owner.end]
        body = None
        for article in dict.fromkeys([_EL_GENITIVE_ARTICLE.get(match.group(2) or "", "της"), "της", "του", "των"]):
            phrase = f"{match.group(1)} {article} {surface}"
            whole = [m for m in state.index.mentions(phrase, "el") if m.start == 0 and m.end >= len(phrase) - 1
                     and m.via != "group"]
            if whole:
                body = whole[0]
                break
        if body is None:
            continue
        inside = [i for i in items if start <= i.start and i.end <= owner.end]
        items = [i for i in items if i not in inside] + [_Item(start, owner.end, body.actor, body.via)]
    return sorted(items, key=lambda item: item.start)
