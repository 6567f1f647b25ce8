"""English attribution rules (issue 15, seventh session: the English round).

Statements about English grammar, not about one article; each is called from a small hook of the package:

- ``participle`` (from ``cuefinding.find_cues``): a reporting verb's past participle used as an adjective or in a
  passive ("Five workers were confirmed dead", "the confirmed death toll", "the reported toll") reports nothing:
  it is no cue, so it gives the sentence no speaker;
- ``extra_cues`` (from ``cuefinding.find_cues``): "with X saying …" — a participial attribution whose subject is
  X ("It was unclear …, with Rahman saying no more than 10 …");
- ``refine_items`` (from ``items._items``): what may be an agent, corrected for English: honorifics and religious
  titles before a name ("Mr Abiodun", "Reverend Friar Stephen Kabirat") are no part of it, so "Mr Abiodun" is the
  "Wasiu Abiodun" proposed before; capitalised titles alone ("Superintendent", "Chief Public Relations Officer")
  and event nouns ("Building Collapse", "Train Crash") are no names; a known person's one-word name with another
  given name before it is someone else ("Imran Khan" is not the actor "Khan") and alone later it is the person
  proposed under the full name; unnamed authorities ("police", "rescuers", "a county government", "the
  government", "government agencies") are the unnamed group ``officials`` — as "officials" and "authorities" are;
- ``subject`` (from ``agents._agent``): the subject of a reporting verb before it, past what English puts between
  them: a time adverbial ("X, a spokesman, last night said", "X on Monday said") and a chain of appositions and
  relative clauses set off by commas ("Reverend X, spokesman for the Church, where the attack happened, told …").
"""

import functools
import re

from sources.models import ActorKind

from .. import cues as C
from ..actors import ActorRef, folded
from .state import Cue, DocumentState, _Item


# --- participles that report nothing -----------------------------------------------------------------------------

_PARTICIPLES = {"confirmed", "reported", "estimated", "announced", "claimed", "revised", "updated", "stated",
                # round 10: "15 were feared trapped", "the toll is expected to rise"
                "feared", "expected", "declared", "informed", "warned"}
# a form of "be" (or an article / determiner) right before: "were confirmed dead", "the confirmed death toll"
_BEFORE_PARTICIPLE = re.compile(
    r"(?<!\w)(?:was|were|is|are|be|been|being|has been|have been|had been|the|a|an|its|their|his|her|this|that|"
    r"officially|still|newly)\s+$", re.IGNORECASE)
# what an adjectival participle qualifies: "confirmed dead", "confirmed death toll", "reported cases"
_AFTER_PARTICIPLE = re.compile(r"\s+(?:dead|killed|deaths?|death\s+toll|toll|cases|casualties|missing|injured|"
                               r"wounded|victims|fatalities|figures?|number|trapped|to\s+(?:rise|climb|increase))\b",
                               re.IGNORECASE)


# round 7: "claimed the lives of 229 civilians", "has claimed 30 lives": to claim lives is to kill, not to say
_CLAIMED_LIVES = re.compile(r"\s+(?:the\s+)?(?:[\w,-]+\s+){0,2}?lives?\b", re.IGNORECASE)


# round 10: a concessive clause after the figures ("… rose to 88 yesterday though the government a day earlier had
# announced a ceasefire"): its verb reports what that clause says, not the figures before it
_CONCESSIVE = re.compile(r"(?<![\w-])(?:even\s+)?(?:though|although|despite)\s+[^,;:\d]{0,80}$", re.IGNORECASE)


_CONCESSIVE_WORD = re.compile(r"though|although|despite", re.IGNORECASE)


def concessive_words(sentence: str) -> int:
    """Where the first word of a concessive clause starts in ``sentence`` (its length when there is none): a cue before
    it is in no concessive clause, and ``concessive`` need not search the text before the cue (a search per cue
    was quadratic on a sentence of hundreds of verbs)."""
    first = _CONCESSIVE_WORD.search(sentence)
    return first.start() if first else len(sentence)


def concessive(sentence: str, start: int, end: int, first_word: int = 0) -> bool:
    """Whether the cue at ``start:end`` is in a concessive clause that follows the sentence's figures and states none
    (``first_word``: where ``concessive_words`` found the first word of one)."""
    from ..numbers import read_quantity

    if start <= first_word:
        return False
    clause = _CONCESSIVE.search(sentence[:start])
    return bool(clause) and bool(read_quantity(sentence[:clause.start()], language="en")) \
        and not read_quantity(sentence[clause.start():], language="en")


@functools.lru_cache(maxsize=1024)
def folded_phrase(phrase: str) -> str:
    return folded(phrase)  # a cue's phrase, one of a closed list: folded once, not at each of its matches


def participle(sentence: str, start: int, end: int, phrase: str, first_word: int = 0) -> bool:
    """Whether the cue ``phrase`` at ``start:end`` is a participle that reports nothing (round 10: or a verb of a
    concessive clause after the figures, which reports nothing about them; ``first_word`` as ``concessive`` takes it)."""
    if concessive(sentence, start, end, first_word):
        return True
    if folded_phrase(phrase) in ("claimed", "claims", "claim", "claiming") and _CLAIMED_LIVES.match(sentence[end:]):
        return True
    if folded_phrase(phrase) not in _PARTICIPLES:
        return False
    if folded_phrase(phrase) == "estimated" and re.search(C.EN_PASSIVE_BEFORE, sentence[max(0, start - 40):start],
                                                           re.IGNORECASE):
        return False  # fourteenth session: "are estimated at": an agentless passive of estimating (agents.passive_estimate)
    if _BEFORE_PARTICIPLE.search(sentence[max(0, start - 16):start]):
        # "were confirmed by the ministry": a passive with its agent still reports (read by the "… by" cues)
        return not re.match(r"\s+by\s", sentence[end:])
    return bool(_AFTER_PARTICIPLE.match(sentence[end:]))


# --- "with X saying" -----------------------------------------------------------------------------------------------

_MORE_VERBS = re.compile(r"(?<=\w)\s+(?:also\s+)?(asserted|alleged|insisted|maintained|disclosed|revealed|tweeted)(?!\w)"
                         r"(?!\s+(?:by|to\s+be)\b)")
_COMMA_SAYING = re.compile(r",\s+(saying|adding)(?!\w)")
_WITH_SAYING = re.compile(r"(?<!\w)with\s+(?:[^\W\d_][\w.'’-]*\s+){1,4}?(saying|adding|estimating)(?!\w)")


# round 10: a study, survey or figures of a body, introduced by "following" or "based on": that body is the source
_STUDY_OF = re.compile(r"(?<!\w)(following|based\s+on|in\s+line\s+with)\s+(?:an?|the)?\s*(?=(?:[A-Z][\w.&-]*['’]?s?\s+)"
                       r"{1,4}(?:study|survey|report|assessment|count|tally|figures|data|estimates?)\b)")


def study_of(sentence: str) -> bool:
    """Whether ``extra_cues`` may find a study's or figures' body in ``sentence`` (an attribution phrase)."""
    return bool(_STUDY_OF.search(sentence))


def extra_cues(sentence: str, found: list[Cue], masked) -> list[Cue]:
    """The participial attributions "with X saying …": a reporting verb whose subject is X, before it. And "X
    reports that …" (a wire's own report, not a relay of the sentence before) is a reporting verb."""
    for cue in found:
        if cue.role == C.RELAY and cue.side == "left" and re.match(r"\s+that\s", sentence[cue.end:]):
            cue.role = C.SPEECH
    extra = []
    for match in _MORE_VERBS.finditer(sentence):
        start, end = match.span(1)
        if any(s <= start < e for s, e in masked) or any(c.start < end and start < c.end for c in found):
            continue
        # round 7: "…, he asserted.", "Taliban on the contrary alleged 31 civilians were killed", "…, Health
        # Minister Fahrettin Koca tweeted on Monday": verbs of saying whose subject stands before them
        extra.append(Cue(start, end, C.SPEECH, "asserted", "left", match.group(1)))
    for match in _STUDY_OF.finditer(sentence):
        start, end = match.span(1)
        if any(s <= start < e for s, e in masked) or any(c.start < end and start < c.end for c in found):
            continue
        # round 10: "…, following an IOM study", "based on UN figures": the body whose study or figures they are
        extra.append(Cue(start, end, C.ACCORDING, "asserted", "right", match.group(1)))
    for match in _COMMA_SAYING.finditer(sentence):
        start, end = match.span(1)
        if any(s <= start < e for s, e in masked) or any(c.start < end and start < c.end for c in [*found, *extra]):
            continue
        # sixteenth session: "X gave a higher toll, saying bodies of 13 soldiers were brought in": a participle of saying
        # after a comma, whose subject is the clause's before it
        extra.append(Cue(start, end, C.SPEECH, "asserted", "left", match.group(1)))
    for match in _WITH_SAYING.finditer(sentence):
        start, end = match.span(1)
        if any(s <= start < e for s, e in masked) or any(c.start < end and start < c.end for c in found):
            continue
        hedge = "estimated" if match.group(1) == "estimating" else "asserted"
        extra.append(Cue(start, end, C.SPEECH, hedge, "left", match.group(1)))
    return extra


# --- the one told -------------------------------------------------------------------------------------------------

# Fifteenth session: the object of "told" ("told Congress", "told reporters", "told the broadcaster Metro TV") is the
# one the statement was given to — never the subject of the verb, whatever it is (a medium told is a relay as well:
# ``media._relay_objects``)
_TOLD_BEFORE = re.compile(r"(?<![\w-])told\s+(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*\s+){0,2}$")


_TOLD = re.compile(r"(?<![\w-])told\s+")
_TOLD_ARTICLE = re.compile(r"(?:the|a|an)\s+")
_TOLD_WORD = re.compile(r"[a-z][\w-]*\s+")


@functools.lru_cache(maxsize=256)
def _told_object_starts(sentence: str) -> frozenset[int]:
    """Where the object of a "told" may start: the places ``_TOLD_BEFORE`` would match up to, within 60 characters of
    the "told", found once per sentence (asked at every verb for every item, the search was quadratic on hostile
    text: "Reuters said" repeated)."""
    starts = set()
    for told in _TOLD.finditer(sentence):
        heads = [told.end()]
        article = _TOLD_ARTICLE.match(sentence, told.end())
        if article:
            heads.append(article.end())
        for position in heads:
            for _ in range(3):
                if position - told.start() <= 60:
                    starts.add(position)
                word = _TOLD_WORD.match(sentence, position)
                if not word:
                    break
                position = word.end()
    return frozenset(starts)


def without_addressees(sentence: str, items: list[_Item]) -> list[_Item]:
    """``items`` without those right after "told" (its object, the one told)."""
    told = _told_object_starts(sentence)
    return [i for i in items if i.start not in told] if told else items


# --- items -------------------------------------------------------------------------------------------------------

_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "rev", "reverend", "father", "friar", "sister", "brother", "sir",
               "dame", "sheikh", "imam", "bishop", "archbishop", "pastor"}
# capitalised words of a title that are no name on their own ("Superintendent of Police", "Chief Public Relations
# Officer"): a proposed name made only of them, or ending in one of the head nouns, is a title
_TITLE_HEADS = {"officer", "superintendent", "commissioner", "inspector", "spokesman", "spokeswoman", "spokesperson",
                "director", "secretary", "chief", "governor", "minister", "lieutenant", "commander", "sergeant",
                "captain", "colonel", "general", "major", "administrator", "coordinator", "president", "chairman",
                "mayor", "head", "deputy", "police", "constable", "magistrate", "prefect", "official", "representative"}
_TITLE_WORDS = _TITLE_HEADS | {"public", "relations", "senior", "assistant", "district", "regional", "provincial",
                               "state", "national", "executive", "principal", "acting", "vice", "of", "the"}
# military ranks, abbreviated or not ("Brig. Gen.", "Lt. Col."), before a name
_RANKS = {"brig", "brigadier", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "admiral", "cmdr", "supt", "insp", "cpl"}
# the head nouns of bodies: a name that has one after a title is an organisation's, not a person's
_BODY_HEADS = {"ministry", "department", "agency", "office", "forces", "army", "council", "command", "committee",
               "service", "services", "authority", "commission", "mission", "bureau", "organisation", "organization",
               "police", "directorate", "administration", "government", "corps", "unit", "center", "centre"}
# nouns of events: "Bangladesh Building Collapse: Death Toll Nears 600" names no speaker
_EVENT_NOUNS = {"collapse", "crash", "attack", "attacks", "earthquake", "quake", "flood", "floods", "flooding", "fire",
                "blast", "explosion", "storm", "cyclone", "typhoon", "hurricane", "landslide", "landslides",
                "derailment", "shooting", "bombing", "stampede", "disaster", "tragedy", "accident", "sinking",
                "eruption", "tsunami", "violence", "clashes", "massacre", "raid", "update", "updates", "toll"}
# unnamed authorities: the group "officials" ("police said", "according to the police", "a county government said")
_AUTHORITIES = re.compile(
    r"(?<![\w-])(?:(?:the|local|state|federal|national)\s+)?police(?![\w-])"
    r"|(?<![\w-])(?:(?:the|a)\s+)?rescuers?(?![\w-])"
    r"|(?<![\w-])(?:the|a)\s+(?:(?:county|state|local|regional|provincial|district|city|municipal|national|federal)\s+)?"
    r"government(?:\s+agenc(?:y|ies))?(?![\w-])"
    r"|(?<![\w-])government\s+agencies(?![\w-])"
    # sixteenth session: sources qualified by what they serve, coordinated ("security and medical sources told Reuters")
    r"|(?<![\w-])(?:the\s+)?(?:(?:security|emergency|medical|military|hospital|health|police|government)"
    r"(?:,\s*|\s+and\s+|\s+or\s+))+(?:security|emergency|medical|military|hospital|health|police|government)"
    r"\s+(?:sources|officials)(?![\w-])"
    r"|(?<![\w-])(?:the\s+)?(?:security|emergency)\s+(?:forces|services|officials|sources)(?![\w-])"
    r"|(?<![\w-])(?:medical|military|hospital|health)\s+sources(?![\w-])"
    # fifteenth session: sources unnamed by the words that qualify them ("Quoting unidentified sources, he said")
    r"|(?<![\w-])(?:unidentified|unnamed|anonymous|intelligence|diplomatic|informed)\s+sources(?![\w-])",
    re.IGNORECASE)


def _officials(state: DocumentState) -> ActorRef:
    return state.index.actors.get("officials") or ActorRef("officials", "Officials", ActorKind.UNNAMED_GROUP)


def refine_items(sentence: str, state: DocumentState, items: list[_Item]) -> list[_Item]:
    # (proposing reads names, which reads cuefinding, which reads this module)
    from .descriptions import _resolve
    from .proposing import _proposed

    refined: list[_Item] = []
    for item in sorted(items, key=lambda i: i.start):
        if any(i.start <= item.start < i.end for i in refined if i.how == "proposed"):
            continue  # inside a name this rule rebuilt ("Imran" of "Imran Khan")
        text = sentence[item.start:item.end]
        if item.how == "anaphor" and re.search(r"[,;:]\s+\S", text):
            # round 10: a description ends at a comma ("… of the Congo, the army said"): the part after it describes
            cut = item.start + max(m.end() for m in re.finditer(r"[,;:]\s+", text))
            item = _Item(cut, item.end, item.ref, item.how, item.wanted)
            text = sentence[item.start:item.end]
        words = text.split()
        if item.how == "proposed" and item.ref is not None and re.fullmatch(r"[A-Z]", text) \
                and (sentence[item.end:item.end + 1] == "." or sentence[item.start - 1:item.start] == "."):
            # fifteenth session: a letter of a dotted abbreviation ("U.S. intelligence sources") or an initial is no name
            state.proposals.pop(folded(text), None)
            continue
        if item.how == "proposed" and item.ref is not None:
            lead = 0
            while lead < len(words) - 1 and folded(words[lead]).rstrip(".") in _HONORIFICS:
                lead += 1
            if lead:
                # "Mr Abiodun", "Reverend Friar Stephen Kabirat": the name is what follows the honorifics
                rest = words[lead:]
                start = sentence.index(rest[0], item.start)
                name = " ".join(rest)
                state.proposals.pop(folded(text), None)
                refined.append(_Item(start, start + len(name), _proposed(state, name, item.ref.title), "proposed"))
                continue
            folded_words = [folded(w).strip("().,") for w in words]
            heads = [k for k, w in enumerate(folded_words) if w in _TITLE_HEADS | _RANKS or (
                w in _BODY_HEADS and re.search(r"(?:spokes\w+|minister|official|director|head|chief|commander|officer|"
                                               r"secretary|representative)\s+(?:for|of|at)\s+(?:the\s+)?$",
                                               sentence[max(0, item.start - 40):item.start], re.IGNORECASE))]
            if heads and 0 < len(words) - heads[-1] - 1 <= 3 and len(words) - heads[-1] - 1 >= 2 \
                    and not any(w in _TITLE_WORDS | _RANKS | _BODY_HEADS for w in folded_words[heads[-1] + 1:]) \
                    and all(w[:1].isupper() for w in words[heads[-1] + 1:]):
                # round 7: "Health Minister Oly Ilunga", "Armed Forces spokesman Brig. Gen. Restituto Padilla",
                # "spokesman for Interior Ministry Zamari Bashari": the person is the name after the last title word
                # (or after the body a lower-case title serves)
                rest = words[heads[-1] + 1:]
                start = item.start + len(" ".join(words[:heads[-1] + 1])) + 1
                start = sentence.index(rest[0], start - 1)
                name = " ".join(rest)
                state.proposals.pop(folded(text), None)
                refined.append(_Item(start, start + len(name), _proposed(state, name, " ".join(words[:heads[-1] + 1])),
                                     "proposed"))
                continue
            if all(w in _TITLE_WORDS for w in folded_words) or (
                    folded_words[-1] in _TITLE_HEADS and re.match(r"\s*(?:\(|of\s|for\s|,)", sentence[item.end:])
                    and item.ref.kind != ActorKind.GOVERNMENT_AGENCY):
                state.proposals.pop(folded(text), None)
                person = _person_after_title(sentence, item.end)
                if person is not None:
                    # "Superintendent of Police M Deepika said": the title's complement, then the person's name
                    start, end = person
                    refined.append(_Item(start, end, _proposed(state, sentence[start:end], text), "proposed"))
                continue  # "Superintendent of Police M Deepika", "Chief Public Relations Officer (CPRO) of the ECR"
            if folded_words[-1] in _EVENT_NOUNS:
                state.proposals.pop(folded(text), None)
                continue  # "Bangladesh Building Collapse: …"
        if item.how == "anaphor" and _POSSESSIVE_BODY.fullmatch(text) and _resolve(item, sentence, state) is None:
            # "Indonesia's disaster mitigation agency said": a country's body no actor is, proposed as worded
            refined.append(_Item(item.start, item.end, _proposed(state, text, ""), "proposed"))
            continue
        if item.how == "anaphor" and folded(text) in ("the army", "the military", "the police") \
                and state.last(item.wanted) is None:
            # "the army said" with no organisation named before: the country's army, unnamed — officials
            refined.append(_Item(item.start, item.end, _officials(state), "group"))
            continue
        if item.how == "name" and item.ref is not None and len(words) == 1:
            given = re.search(r"(?<![\w.])([A-Z][a-z][\w'’-]*)\s+$", sentence[:item.start])
            titled = given and folded(sentence[:given.start(1)].split()[-1:][0] if sentence[:given.start(1)].split()
                                      else "") in _TITLE_HEADS | _HONORIFICS
            if given and folded(given.group(1)) not in _HONORIFICS | _TITLE_WORDS \
                    and (item.ref.kind == ActorKind.PERSON or titled) \
                    and given.start(1) > _first_word(sentence) and not _known_word(given.group(1), state):
                # "Lieutenant Imran Khan": another person than the actor "Khan"
                name = f"{given.group(1)} {text}"
                refined = [i for i in refined if not (i.start <= given.start(1) < i.end)]
                refined.append(_Item(given.start(1), item.end, _proposed(state, name, ""), "proposed"))
                continue
            surname = folded(text) if item.ref.kind == ActorKind.PERSON or re.match(
                r"\s+(?:said|says|told|added|estimated)\b", sentence[item.end:]) else ""
            proposal = next((ref for known, ref in state.proposals.items()
                             if known.endswith(" " + surname) and ref.kind == ActorKind.PERSON), None)
            if proposal is not None and surname:
                # "Khan said" after "Imran Khan": the person proposed under the full name
                refined.append(_Item(item.start, item.end, proposal, "proposed"))
                continue
        refined.append(item)
    for match in _POSSESSIVE_BODY.finditer(sentence):
        start, end = match.start(1), match.end()
        if any(i.start < end and start < i.end for i in refined):
            continue  # a description some actor has ("Kyrgyzstan's health ministry") is read as before
        # "Indonesia's disaster mitigation agency said": a body of a country the registry does not hold, as worded
        name = sentence[match.start():end]
        refined = [i for i in refined if not (match.start() <= i.start and i.end <= start)]
        refined.append(_Item(match.start(), end, _proposed(state, name, ""), "proposed"))
    for match in _GROUPS.finditer(sentence):
        start, end = match.span()
        if not any(i.start < end and start < i.end for i in refined) and (
                re.match(_GROUP_VERB, sentence[end:])
                or re.search(r"according\s+to\s+(?:the\s+)?$", sentence[:match.start(1)], re.IGNORECASE)):
            # "at least two residents put the death toll at 37": an unnamed group that is no authority, as worded
            word = match.group(1)
            ref = ActorRef(key=f"proposed:{folded(word)}", name=word, kind=ActorKind.OTHER, proposed=True)
            ref = state.proposals.setdefault(folded(word), ref)
            refined.append(_Item(match.start(1), match.end(1), ref, "proposed"))
    for match in _TOLD_THE_MEDIUM.finditer(sentence):
        start, end = match.span(1)
        medium = next((ref for ref in [*reversed(state.sources), *reversed(state.mentioned)]
                       if ref.is_media and ref != state.narrator), None)
        if medium is not None and not any(i.start < end and start < i.end for i in refined):
            # round 12: "…, Inspector Teddy Augwi told the newspaper": the medium told, described, is the last one named
            refined.append(_Item(start, end, medium, "anaphor", "organisation"))
    for match in _STATE_MEDIUM.finditer(sentence):
        start, end = match.span(1)
        if any(i.start < end and start < i.end for i in refined) \
                or any(i.how in ("name", "proposed") and 0 <= start - i.end <= 1 for i in refined) \
                or not (re.match(_GROUP_VERB, sentence[end:])
                        or re.search(r"according\s+to\s+(?:the\s+)?$", sentence[:match.start()], re.IGNORECASE)):
            continue  # (after a name, "MRTV state television", the name is the medium's)
        # round 12: "State television reported …", "according to state media": a medium described by whose it is, as worded
        word = match.group(1)
        ref = ActorRef(key=f"proposed:{folded(word)}", name=word, kind=ActorKind.NEWS_OUTLET, proposed=True)
        ref = state.proposals.setdefault(folded(word), ref)
        refined.append(_Item(start, end, ref, "proposed"))
    refined = _round7_items(sentence, state, refined)
    refined = _pronoun_of_the_subject(sentence, refined)
    for match in _AUTHORITIES.finditer(sentence):
        start, end = match.span()
        if any(i.start < end and start < i.end for i in refined):
            continue
        if re.match(r"\s+(?:spokes\w+|chief|officer|official|commissioner|director|superintendent|station|"
                    r"headquarters|said\s+it)\b", sentence[end:], re.IGNORECASE) and \
                not re.match(r"\s+said", sentence[end:], re.IGNORECASE):
            continue  # "police spokesman X", "police chief X": the title of the person named next
        refined.append(_Item(start, end, _officials(state), "group"))
    return sorted(refined, key=lambda item: item.start)


# round 10: honorifics and ranks written abbreviated, with or without their full stop ("Dr.", "Gov.", "Lt. Col.")
_ABBREVIATED_HONORIFIC = r"(?:Dr|Prof|Mr|Mrs|Ms|Gov|Sen|Rep|Gen|Brig|Col|Lt|Maj|Capt|Sgt|Adm|Cmdr)\.?"
_TITLE_BEFORE_BODY = r"(?:spokes\w+|minister|official|director|head|chief|commander|officer|secretary|" \
                     r"representative)\s+(?:for|of|at)\s+$"
_VERBS = r"(?:said|says|told|added|adds|stated|reported|announced|confirmed)\b"
_SAYING_AFTER = r"\s+(?:also\s+|further\s+|then\s+|later\s+)?(?:said|says|told|added|adds|stated|asserted|noted|" \
                r"explained|estimated|reported|confirmed|announced)\b"
# "UNAMI said", "OCHA reported": an acronym opening a clause as the subject of a reporting verb
_ACRONYM_SUBJECT = re.compile(r"(?:^|[.;:]\s+|,\s+(?:and\s+|while\s+)?)([A-Z]{2,8})(?=" + _SAYING_AFTER + ")")
# round 9: "Airwars, a London-based monitoring group, said", "UNHCR, the U.N. refugee agency, said": one capitalised word
# opening the sentence with a body's apposition and a reporting verb after it is the body's name
_APPOSED_OPENING = re.compile(r"^\W*([A-Z][\w-]+),\s+(?:the|a|an)\s+(?:[\w.'’-]+\s+){0,4}?(?:agency|organi[sz]ation|"
                              r"body|watchdog|monitor|group|charity)\s*,(?=" + _SAYING_AFTER + ")")
# "Congo's minister of health says": a person described by a country's title, named later
_COUNTRY_TITLE = re.compile(r"['’]s\s+(?:[a-z]+\s+){0,2}(?:minister|spokesman|spokeswoman|spokesperson|president|"
                            r"governor|envoy|ambassador|commander)(?:\s+of\s+(?:the\s+)?(?!" + _VERBS + r")[a-z]+"
                            r"(?:\s+(?!" + _VERBS + r")[a-z]+)?)?(?=\s)")


def _round7_items(sentence: str, state: DocumentState, items: list[_Item]) -> list[_Item]:
    """Round 7: a surname alone before a reporting verb is the person proposed under the full name ("Bashari also
    added that …" after "Zamarai Bashari"); an acronym no actor has, opening a clause before a reporting verb, is a
    body to propose ("UNAMI said in a statement"); a country's title ("Congo's minister of health says") describes
    a person, named next, not the country (also when the country is no actor and was proposed)."""
    from .proposing import _proposed

    refined = list(items)
    for key, ref in list(state.proposals.items()):
        parts = ref.name.split()
        if not 2 <= len(parts) <= 3 or any(folded(p) in _BODY_HEADS | _TITLE_WORDS for p in parts):
            continue
        surname = re.escape(parts[-1])
        for match in re.finditer(rf"(?<![\w.’'-]){surname}(?![\w’'-])", sentence):
            start, end = match.span()
            if any(i.start < end and start < i.end for i in refined):
                continue
            if re.match(r"(?:\s+(?:on|last|late|early)\s+\w+|\s+(?:yesterday|today|earlier))*" + _SAYING_AFTER,
                        sentence[end:]) or re.search(r"(?:according\s+to|by)\s+$", sentence[:start],
                                                                    re.IGNORECASE):
                refined.append(_Item(start, end, ref, "proposed"))
    for item in list(refined):
        # "spokesman for the Interior Ministry Zamarai Bashari told …": the body a lower-case title serves, then the
        # person's name
        person = re.match(r"\s+((?:[A-Z][a-z][\w'’-]+\s+){1,2}[A-Z][a-z][\w'’-]+)(?=\s*,|" + _SAYING_AFTER + ")",
                          sentence[item.end:])
        if person is None or item.how == "proposed" or not re.search(
                _TITLE_BEFORE_BODY, sentence[max(0, item.start - 40):item.start], re.IGNORECASE):
            continue
        start, end = item.end + person.start(1), item.end + person.end(1)
        if any(i.start < end and start < i.end for i in refined) or any(
                folded(w) in _TITLE_WORDS | _BODY_HEADS for w in person.group(1).split()):
            continue
        refined.append(_Item(start, end, _proposed(state, person.group(1), sentence[item.start:item.end]), "proposed"))
    for match in _ACRONYM_SUBJECT.finditer(sentence):
        start, end = match.span(1)
        if any(i.start < end and start < i.end for i in refined):
            continue
        refined.append(_Item(start, end, _proposed(state, match.group(1), ""), "proposed"))
    for match in _APPOSED_OPENING.finditer(sentence):
        start, end = match.span(1)
        if not any(i.start < end and start < i.end for i in refined):
            refined.append(_Item(start, end, _proposed(state, match.group(1), ""), "proposed"))
    for match in _MODIFIER_TITLE.finditer(sentence):
        # round 10: "a CAR spokesman said", "the Bohol provincial governor said": a name no actor has, used as the
        # modifier of a person's title, describes the person (named next), not a speaker of its own
        start, end = match.start(1), match.end()
        inside = [i for i in refined if i.start < end and start < i.end]
        if not inside or any(i.how != "proposed" or i.end > match.end(1) for i in inside):
            continue
        for item in inside:
            state.proposals.pop(folded(sentence[item.start:item.end]), None)
        refined = [i for i in refined if i not in inside]
        refined.append(_Item(match.start(), end, None, "anaphor", "person"))
    for match in re.finditer(r"(?<![\w-])[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?" + _COUNTRY_TITLE.pattern, sentence):
        start, end = match.span()
        inside = [i for i in refined if i.start < end and start < i.end]
        if any(i.ref is None or i.ref.kind == ActorKind.PERSON or i.how not in ("name", "proposed") for i in inside):
            continue
        refined = [i for i in refined if i not in inside]
        refined.append(_Item(start, end, None, "anaphor", "person"))
    return sorted(refined, key=lambda i: i.start)


# round 10: an article, a capitalised modifier, then a person's title in lower case ("a CAR spokesman", "the Bohol
# governor")
_MODIFIER_TITLE = re.compile(r"(?<![\w-])(?:[Aa]n?|[Tt]he)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+"
                             r"(?:(?:government|army|military|provincial|regional|state|district|health|interior|"
                             r"defen[cs]e|foreign)\s+)?(?:spokes(?:man|woman|person)|minister|governor|commander)(?![\w-])")
# a country's body described in lower case after a possessive: "Indonesia's disaster mitigation agency"
_POSSESSIVE_BODY = re.compile(
    r"(?<![\w-])[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?['’]s\s+((?:[a-z][\w-]*\s+){1,4}?)"
    r"(?:agency|ministry|office|service|department|council|committee|authority|institute|centre|center|commission|"
    r"bureau|directorate|administration)(?![\w-])")
# unnamed groups that are no authority, as subjects of a reporting verb: proposed as worded
_GROUPS = re.compile(r"(?<![\w-])(?:(?:at\s+least|more\s+than|some|several|two|three|many|other|local)\s+)*"
                     r"(residents|witnesses|villagers|survivors|relatives|activists|eyewitnesses|medics|doctors|"
                     # round 7: "according to aid agencies": groups that are no authority, as worded
                     r"(?:aid|relief|humanitarian)\s+(?:agencies|groups|organi[sz]ations|workers)|rights\s+groups)(?![\w-])",
                     re.IGNORECASE)


def lay_group(ref: ActorRef | None) -> bool:
    """Sixteenth session: a proposed group that is no authority ("survivors", "residents", "witnesses", as
    :data:`_GROUPS` proposes them)."""
    return ref is not None and ref.proposed and _GROUPS.fullmatch(ref.name) is not None


# round 12: a medium told, described by what it is ("told the newspaper", "said in an interview with the broadcaster")
_TOLD_THE_MEDIUM = re.compile(r"(?:(?<!\w)told|interview\s+with|speaking\s+(?:to|with)|talking\s+to)\s+"
                              r"(the\s+(?:newspaper|paper|daily|broadcaster|channel|station|news\s+agency|agency|outlet|"
                              r"website))(?![\w-])")
# round 12: a medium described by whose it is ("state television", "the state-run news agency", "official media")
_STATE_MEDIUM = re.compile(r"(?<![\w-])(?:(?:the|a)\s+)?((?:state|state-run|state-owned|official|government)(?:\s+|-)"
                           r"(?:television|TV|broadcaster|radio|news\s+agency|media))(?![\w-])", re.IGNORECASE)
_GROUP_VERB = r"\s+(?:\w+\s+)?(?:said|say|told|put|estimated|reported|described)\b"


def _person_after_title(sentence: str, end: int) -> tuple[int, int] | None:
    """"Superintendent of Police M Deepika", "Commissioner of the Department of Disaster Management Charles
    Kalemba": after a title's "of"-complement written in capitals, the person is the run's last two words."""
    run = re.match(r"\s+(?:of|for)\s+(?:the\s+)?((?:(?:[A-Z][\w'’.-]*|of|for|and|the)\s+)*[A-Z][\w'’.-]*)"
                   r"(?=\s*(?:,|\s[a-z]))", sentence[end:])
    if run is None:
        return None
    words = run.group(1).split()
    if len(words) < 3 or any(w[:1].islower() for w in words[-2:]):
        return None
    start = end + run.start(1) + run.group(1).rindex(" " + words[-2]) + 1
    return start, end + run.end(1)


def _first_word(sentence: str) -> int:
    match = re.search(r"[^\W\d_]", sentence)
    return match.start() if match else 0


def _known_word(word: str, state: DocumentState) -> bool:
    return bool(state.index.mentions(word, "en"))


# --- the subject before the verb ---------------------------------------------------------------------------------

# time adverbials English puts between a subject and its verb ("X, a spokesman, last night said", "X on Monday said")
_ADVERBIAL = re.compile(
    r"(?:\s*(?:last\s+night|late\s+\w+|early\s+\w+|on\s+\w+(?:\s+(?:morning|afternoon|evening|night))?|"
    r"yesterday|today|earlier|later|also|previously|separately|meanwhile|however|then|in\s+a\s+statement|"
    r"on\s+the\s+contrary|in\s+turn|for\s+(?:its|their|his|her)\s+part|"
    r"in\s+an?\s+\w+(?:\s+\w+)?\s+(?:interview|statement|briefing)|this\s+week|this\s+morning|on\s+Twitter|on\s+X|"
    # round 10: the acronym glossing the name ("The International Organization for Migration (IOM) also said")
    r"\([A-Z][\w.&-]{1,10}\)))+\s*$",
    re.IGNORECASE)
# The search of an adverbial before a verb, linear on a long sentence (it is asked for every verb of it):
# - ``_ADVERBIAL_FROM`` starts no match after a space: a match starting inside a run of spaces starts at its first
#   space too, so the first match is never after a space, and the pattern's ``\s*`` no longer rescans the run from
#   each of its positions;
# - ``_adverbial_bound`` is a position no match starts before: after the last character no match holds, or after the
#   start of the last run of letters that is neither made of the pattern's words nor may fill one of its free word
#   slots (which follow "late", "early", "on", "a", "an" and spaces, or a bracket).
_ADVERBIAL_FROM = re.compile(r"(?<!\s)" + _ADVERBIAL.pattern, re.IGNORECASE)
_ADVERBIAL_WORDS = re.compile(
    r"(?:last|night|late|early|on|morning|afternoon|evening|yesterday|today|earlier|later|also|previously|separately|"
    r"meanwhile|however|then|in|a|statement|the|contrary|turn|for|its|their|his|her|part|an|interview|briefing|this|"
    r"week|twitter|x)+", re.IGNORECASE)
_ADVERBIAL_SLOT = re.compile(r"(?:late|early|on|an?)\s+(?:\w+\s+)?$", re.IGNORECASE)
_ADVERBIAL_SLOT_UNSEEN = re.compile(r"\w*\s+(?:\w+\s+)?")  # the view may have cut what a slot follows
_ADVERBIAL_TOKENS = re.compile(r"\w+|[^\w\s().&-]")


def _may_fill_slot(sentence: str, start: int) -> bool:
    before = sentence[max(0, start - 64):start]
    if before.endswith(("(", ".", "&", "-")):
        return True
    return bool(_ADVERBIAL_SLOT.search(before)) or (start > 64 and bool(_ADVERBIAL_SLOT_UNSEEN.fullmatch(before)))


def adverbial_before(sentence: str, position: int) -> re.Match | None:
    """``_ADVERBIAL.search(sentence[:position])``, found in linear time."""
    return _ADVERBIAL_FROM.search(sentence, _adverbial_bound(sentence, position), position)


def _adverbial_bound(sentence: str, position: int) -> int:
    length = 256
    while True:
        window = max(0, position - length)
        tokens = list(_ADVERBIAL_TOKENS.finditer(sentence, window, position))
        for token in reversed(tokens):
            if token.start() == window and window > 0:
                break  # a run the window may have cut: look further back
            if not re.match(r"\w", token.group(0)):
                return token.end()  # a character no match holds
            if not (_ADVERBIAL_WORDS.fullmatch(token.group(0)) or _may_fill_slot(sentence, token.start())):
                return token.start() + 1
        else:
            if window == 0:
                return 0
        length *= 4


_APPOSITION = re.compile(
    r"\s*(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,4}?(?:spokes\w+|director|officer|head|chief|commissioner|secretary|"
    r"minister|governor|mayor|official|superintendent|inspector|commander|coordinator|representative|president|"
    r"administrator|chairman|member)\b[^,]*$"
    # round 9: a body's apposition ("UNHCR, the U.N. refugee agency, said"): its description, a common noun at the end
    r"|\s*(?:the|a|an)\s+(?:[\w.'’-]+\s+){0,4}?(?:agency|organi[sz]ation|body|watchdog|monitor|group|charity)\s*$",
    re.IGNORECASE)
_RELATIVE = re.compile(r"\s*(?:where|who|which|whose|when)\s", re.IGNORECASE)
# Sixteenth session: a counted subject's breakdown set off by commas ("three security sources, two in France and one in
# West Africa, told AFP", "five officials, two of them police officers, said"): numbers of the same people, no subject
_BREAKDOWN = re.compile(r"\s*(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|some|most|all|both)\s+"
                        r"(?:of\s+them\b|in\s|from\s|at\s)[^,]*$", re.IGNORECASE)


def subject(cue: Cue, sentence: str, items: list[_Item], state: DocumentState) -> _Item | None:
    """The subject of a reporting verb whose agent stands before it, when English puts an adverbial, or
    appositions and relative clauses between commas, between them; None leaves it to the general rules."""
    if cue.role != C.SPEECH or cue.side != "left":
        return None
    # (fifteenth session: the last such item alone is asked for, so the items are read from the verb back to it)
    adjacent = next(([i] for i in reversed(items) if i.end <= cue.start and i.ref is not None and i.how in ("name", "proposed")
                     and (_ADVERBIAL.fullmatch(sentence[i.end:cue.start]) or not sentence[i.end:cue.start].strip())), [])
    if adjacent and adjacent[-1].ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR) \
            and re.search(r"(?:^|[,;:”\"]\s*|(?:spokes\w+|minister|official|commander|chief|director|head|"
                          # round 9: "…, Ukrainian President Volodymyr Zelenskiy said in his nightly video address"
                          r"(?i:president|governor|mayor|premier|chancellor|ambassador|leader))\s+"
                          r"(?:(?:for|of)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,4})?)"
                          # round 10: an abbreviated honorific or rank between ("…of Health, Dr. Suleiman Abdul-Jabar said")
                          r"(?:" + _ABBREVIATED_HONORIFIC + r"\s+)*$", sentence[:adjacent[-1].start]):
        # round 7: ", spokesman for Interior Ministry Zamari Bashari said", "…,” Brig. Gen. Restituto Padilla said":
        # the person named right before the verb, after a title or opening the clause, is its subject
        return adjacent[-1]
    position = cue.start
    apposed = re.search(r",\s*([^,]{2,60}),\s*$", sentence[:cue.start])
    if apposed:
        named = [i for i in items if apposed.start(1) <= i.start and i.end <= apposed.end(1) and i.ref is not None
                 and i.how in ("name", "proposed") and i.ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR)]
        head = sentence[:apposed.start()]
        if named and re.search(r"(?<!\w)(?:chief|head|commander|minister|spokes\w+|director|governor|mayor|leader|"
                               r"president|secretary|official)(?:\s+of\s+(?:the\s+)?[\w\s'’-]{1,30})?$", head, re.IGNORECASE) \
                and not re.search(r"[,;:]", head):
            # round 7: "The army's chief of staff, General Li Wei, said": the person in apposition to the subject's title
            return named[-1]
        if named and _OF_HEAD.fullmatch(head) and _TITLED_HEAD.fullmatch(sentence[apposed.start(1):named[-1].start]) \
                and not sentence[named[-1].end:apposed.end(1)].strip():
            # sixteenth session (second round): "The Medical Superintendent of Loralai Hospital, Dr X Y, said", "The
            # director-general of the agency's press wing (ISPR), Lieutenant General X Y, told": any head noun "of" a
            # body opening the sentence, then a name between commas (after capitalised ranks) — the name is the head's
            # holder and the verb's subject, whatever the title is; the body is only what the title serves
            return named[-1]
    adverbial = adverbial_before(sentence, position)
    if adverbial and adverbial.start() < position:
        position = adverbial.start()
    before = sentence[:position]
    head_person = _apposed_person(before, items)
    if head_person is not None:
        return head_person
    if before.rstrip().endswith(","):
        # step back over ", apposition," and ", relative clause," segments to the subject before them
        end = len(before.rstrip()) - 1
        stepped, breakdown = False, None
        while True:
            comma = before.rfind(",", 0, end)
            if comma < 0:
                break
            segment = before[comma + 1:end]
            if _APPOSITION.match(segment) or _RELATIVE.match(segment):
                end, stepped = comma, True
                continue
            if _BREAKDOWN.match(segment):
                end, stepped, breakdown = comma, True, len(before.rstrip()) - 1
                continue
            break
        if stepped:
            head = before.rfind(",", 0, end) + 1
            found = [i for i in items if head <= i.start and i.end <= end and i.ref is not None
                     and i.how in ("name", "proposed", "descriptor")]
            if found and not re.search(r"(?<!\w)(?:in|at|from|near|of)\s+$", sentence[head:found[-1].start]):
                return found[-1]
            groups = [i for i in items if head <= i.start and i.end <= end and i.how == "group" and i.ref is not None]
            if breakdown is not None and groups and groups[-1].end == len(before[:end].rstrip()):
                # the counted group ends the segment before the breakdown: the subject, its span over the breakdown (so
                # that the numbers counting its people are no figures)
                group = groups[-1]
                return _Item(group.start, breakdown, group.ref, group.how, group.wanted)
        return None
    clause_start = max(before.rfind(","), before.rfind(";"), before.rfind("(")) + 1
    clause = [i for i in items if clause_start <= i.start and i.end <= position]
    people = [i for i in clause if i.ref is not None and i.how in ("name", "proposed")
              and i.ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR)]
    if people and clause[-1] is not people[-1] and re.fullmatch(
            r"\s+(?:of|at|for|with|from|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}", sentence[people[-1].end:clause[-1].start]):
        # "Lieutenant Imran Khan of the army control room said": the person heads the subject; the rest complements it
        return people[-1]
    if position != cue.start:
        clause_start = max(before.rfind(","), before.rfind(";"), before.rfind("(")) + 1
        found = [i for i in items if clause_start <= i.start and i.end <= position and i.ref is not None]
        if found:
            return found[-1]
    return None


# sixteenth session (second round): a sentence opening "The <one to four words> of/for/at <a body>" (no comma, brackets
# allowed): the subject's head is a title, whose holder an apposition may name
_OF_HEAD = re.compile(r"\s*[Tt]he\s+(?:[A-Za-z][\w'’-]*\s+){0,3}[A-Za-z][\w'’-]*\s+(?:of|for|at)\s+[^,;:\"“”]{1,90}")


# round 12: what may stand before a person's name at the head of a subject: capitalised title words and abbreviated ranks
_TITLED_HEAD = re.compile(r"\s*(?:(?:[A-Z][\w.'’-]*|of|for|the)\s+){0,6}$")


def _apposed_person(before: str, items: list[_Item]) -> _Item | None:
    """Round 12: "X, governor of the department of San Marcos, bordering Mexico, told …", "…, X, a senior police official
    in the district of Darjeeling, the site of the accident, told …", "Secretary X, presidential adviser for political
    affairs, told …": a reporting verb right after a comma has its subject further back, past the modifiers English sets
    off by commas — appositions, participial phrases, descriptions of a place — each of which opens with a lower-case
    word. The subject is the person whose name heads the first segment that does not (after capitalised title words);
    the names inside the modifiers (places, the body a title serves) are not."""
    if not before.rstrip().endswith(","):
        return None
    end = len(before.rstrip()) - 1
    for _ in range(4):
        comma = max(before.rfind(",", 0, end), before.rfind(";", 0, end), before.rfind("(", 0, end))
        segment = before[comma + 1:end]
        if re.match(r"\s*[a-z]", segment):
            if comma < 0 or before[comma] != ",":
                return None
            end = comma
            continue
        people = [i for i in items if comma + 1 <= i.start and i.end <= end and i.ref is not None
                  and i.how in ("name", "proposed") and i.ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR)]
        if end == len(before.rstrip()) - 1 or not people:
            return None  # no modifier stepped over, or the head names no person: the general rules read it
        for person in people:
            # fifteenth session: a rank and an initial may split the name ("Army Gen. Henry H. Shelton"): the person is
            # the part that ends the segment, after capitalised title words and names
            if _TITLED_HEAD.fullmatch(before[comma + 1:person.start]) and not before[person.end:end].strip():
                return person
        return None
    return None


# --- two speakers in one sentence ----------------------------------------------------------------------------------

_CONNECTOR = re.compile(r"(?:,|;)?\s+(?:while|whereas|but|and)\s+|;\s+", re.IGNORECASE)


_FRONTED = re.compile(r"\W*(?:While|Whereas|Although|Though)\s")


def clause_speakers(sentence: str, cues: list[Cue], quote_speakers, claimant, relays=()) -> list:
    """"… with Rahman saying no more than 10 …, while fire service director Sheikh Mizanur Rahman said up to 40 …",
    "Mr Abiodun said … while at least two residents put the death toll at 37": a second clause joined by "while",
    "whereas", "but", "and" or a semicolon, with a reporting verb whose subject it names, is that subject's — from
    the connector to the end of the sentence (or the next such clause). Returned as spans like a quotation's."""
    speech = [c for c in cues if c.role == C.SPEECH and c.agent and c.agent.ref is not None]
    spans = []
    for index, cue in enumerate(speech[1:], start=1):
        agent = cue.agent
        if agent.ref == claimant or agent.how in ("anaphor", "dropped") or agent.start >= cue.start:
            continue
        previous_end = speech[index - 1].end
        if agent.start <= previous_end:
            continue
        connectors = list(_CONNECTOR.finditer(sentence, previous_end, agent.start))
        fronted = _FRONTED.match(sentence) and index == 1 and re.search(r",\s", sentence[previous_end:agent.start])
        if fronted and not connectors:
            # round 10: "While Mualushayi said 14 …, another army spokesman, Sylvain Ekenge, put the figure at 13 in
            # comments to Radio Okapi": a fronted subordinate clause is its own speaker's, up to its comma; the main
            # clause after it is the second speaker's, through the relays named there
            comma = previous_end + re.search(r",\s", sentence[previous_end:agent.start]).start()
            first = speech[0].agent.ref
            before = [r for r in relays if r.name in sentence[:comma]]
            spans.append([0, comma, first, before])
            spans.append([comma, len(sentence), agent.ref, [r for r in relays if r not in before]])
            continue
        if not connectors:
            continue
        start = connectors[-1].start()
        if any(s <= start < e for s, e, _, _ in quote_speakers):
            continue
        spans.append([start, len(sentence), agent.ref, []])
    for first, second in zip(spans, spans[1:]):
        first[1] = second[0]
    return [tuple(span) for span in spans]


# --- a body described for the first time ----------------------------------------------------------------------------

# Round 9: the heads of bodies a wire describes in lower case ("the health ministry", "the emergency service")
_DESCRIBED_HEADS = {"ministry", "agency", "office", "department", "service", "directorate", "committee", "commission",
                    "military", "army",
                    # fifteenth session: "the local emergency rescue command" (a headquarters described)
                    "command",
                    # round 12: "the military government has said": a government described by what it is
                    "government"}
# the levels of government English names unnamed authorities by ("the regional government", "the county government")
_GOVERNMENT_LEVELS = {"county", "state", "local", "regional", "provincial", "district", "city", "municipal", "national",
                      "federal", "central"}
# modifiers that refer back or say only whose the body is: "the same ministry", "the country's ministry"
_REFERRING = {"same", "said", "latter", "former", "country", "s", "its", "their", "this", "that", "relevant"}


def described_body(item: _Item, sentence: str, state: DocumentState) -> ActorRef | None:
    """Round 9: "…, the health ministry said" with no such actor held and no ministry named before: a body described
    with a modifier (its portfolio, its country's adjective) is named for the first time and speaks for itself —
    proposed as written, without the article — not the writer's own figure. A description without a modifier ("the
    ministry") or with one that refers back ("the same ministry") stays unresolved."""
    written = re.split(r"[,;:()\"“”]", sentence[item.start:item.end])[-1].split()
    articles = [i for i, w in enumerate(written) if folded(w) in ("the", "a", "an")]
    written = written[articles[-1] + 1:] if articles else written  # "over the weekend, the health ministry"
    words = [folded(w) for w in written]
    if item.wanted != "organisation" or len(words) < 2 or words[-1] not in _DESCRIBED_HEADS \
            or any(w in _REFERRING or w.endswith(("'s", "’s")) for w in words[:-1]):
        return None
    if words[-1] == "government" and any(w in _GOVERNMENT_LEVELS for w in words[:-1]):
        return None  # "the regional government": an unnamed authority (officials), not a body named for the first time
    name = " ".join(written)
    key = folded(name)
    if key not in state.proposals:
        state.proposals[key] = ActorRef(key=f"proposed:{key}", name=name, kind=ActorKind.GOVERNMENT_AGENCY, proposed=True)
    return state.proposals[key]


# --- the writer's running total ---------------------------------------------------------------------------------------

# Round 10: "…, bringing the death toll in the strongest typhoon this year to at least 146": a participle that adds the
# figure just reported to the earlier ones gives the writer's own sum, not the speaker's figure
_RUNNING_TOTAL = re.compile(r"(?<!\w)(?:bringing|taking|raising|pushing)\s+(?:the|its|their)\s+(?:overall\s+|total\s+)?"
                            r"(?:death\s+toll|toll|total|tally|number\s+of\s+\w+)\b[^,;:\d]{0,80}?\s+to\s+"
                            r"(?:at\s+least\s+|more\s+than\s+|over\s+|about\s+|around\s+|nearly\s+|some\s+)?$",
                            re.IGNORECASE)


def running_total(sentence: str, position: int, cues=()) -> bool:
    """Whether the figure at ``position`` is the writer's running total ("bringing the death toll … to N"). Fifteenth
    session: not when a reporting verb with its subject before it follows the figure ("…, raising the death toll to at
    least 16, officials said"): the speaker gives the total."""
    if any(cue.role == C.SPEECH and cue.side == "left" and cue.start > position and cue.agent is not None
           and cue.agent.ref is not None and cue.agent.end <= cue.start for cue in cues):
        return False
    return bool(_RUNNING_TOTAL.search(sentence[max(0, position - 140):position]))


# --- an unnamed speaker named next ------------------------------------------------------------------------------------

def unnamed_titled_speaker(found) -> bool:
    """Fifteenth session: whether the sentence's claimant is one unnamed person described by a title ("a provincial
    government spokesman said", "A spokesman for X, …, said"), read as the unnamed-officials group."""
    return found.claimant is not None and any(
        cue.role == C.SPEECH and cue.agent is not None and cue.agent.how == "unnamed" and cue.agent.ref == found.claimant
        for cue in found.cues)


def newly_named_speaker(found, proposed_before: set[str]) -> ActorRef | None:
    """Fifteenth session: the person the sentence names for the first time as its speaker (its claimant, or the person
    relaying unnamed sources), None otherwise; the unnamed titled speaker of the sentence before is that person."""
    speakers = {found.claimant.key} if found.claimant is not None else set()
    if found.relays:
        speakers.add(found.relays[-1].key)
    for cue in found.cues:
        agent = cue.agent
        if cue.role == C.SPEECH and agent is not None and agent.how == "proposed" and agent.ref is not None \
                and agent.ref.kind == ActorKind.PERSON and agent.ref.key not in proposed_before \
                and agent.ref.key in speakers:
            return agent.ref
    return None


# --- "he" in the sentence of a named subject ----------------------------------------------------------------------------

def _pronoun_of_the_subject(sentence: str, items: list[_Item]) -> list[_Item]:
    """Fifteenth session: "Sutopo Nugroho, spokesman for the agency, declined to confirm the report because he had put
    the toll at 91": "he" or "she" after a person named at the sentence's opening (its subject, after capitalised title
    words at most) is that person, not the speaker of the sentence before."""
    people = [i for i in items if i.how in ("name", "proposed") and i.ref is not None
              and i.ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR)]
    if not people or not _TITLED_HEAD.fullmatch(" " + sentence[:people[0].start]):
        return items
    subject = people[0]
    return [_Item(i.start, i.end, subject.ref, subject.how) if i.how == "anaphor" and i.start > subject.end
            and folded(sentence[i.start:i.end]) in ("he", "she") else i for i in items]

