"""One sentence: its cues and their agents, then the claimant of its figures with the relays they came through,
and the speaker of each quotation."""

import re

from sources.models import ActorKind

from .. import cues as C
from ..actors import folded
from ..numbers import read_quantity
from ..sentences import quotation_spans
from . import arabic, english, russian
from .agents import _DATA_NOUNS, _cue_agents
from .chains import _briefed, _claimant_and_relays, apposition_heads, briefed_speakers, frame_subjects
from .coordination import _ellipses, _partners, _unique
from .countries import _country_of_adjective, _of_the_country
from .cuefinding import find_cues
from .clauses import author_clause
from .descriptions import _resolve, foreign_descriptions
from .items import _items
from .media import _quoted_by_relay, _relay_objects, carried_by, carried_report, interlocutor_medium, is_publisher
from .quotes import _quote_speakers
from .state import DocumentState, SentenceAttribution, _continues, _Item, speaker_without_agent


def attribute(sentence: str, state: DocumentState) -> SentenceAttribution:
    language = state.language
    quotes = quotation_spans(sentence)
    verbs = [(c.start, c.end) for c in find_cues(sentence, language, []) if c.role in (C.SPEECH, C.RELAY)]
    mentions = state.index.mentions(sentence, language, verbs)
    # A name in quotation marks ("الحوثيون") is a name, not a quotation: only quotations of three words or
    # more, or without an actor in them, hide the actors inside.
    masked = [(s, e) for s, e in quotes if (len(sentence[s:e].split()) >= 3
                                            # 'منظمة "الدفاع المدني السوري"': a quoted name of any length is a name
                                            and not any(m.start <= s + 1 and m.end >= e - 1 for m in mentions))
              or not any(s <= m.start < e for m in mentions)]
    # 'Об этом сообщают «Известия» со ссылкой на …': a short capitalised quotation right after a verb is a name.
    masked = [(s, e) for s, e in masked if not (len(sentence[s:e].split()) <= 3 and sentence[s + 1:s + 2].isupper()
                                                and any(0 <= s - v_end <= 2 for _, v_end in verbs))]
    quotes = masked
    _of_the_country(sentence, mentions, state)
    foreign_descriptions(sentence, mentions, state)  # round 11: a described body of another country
    items = _items(sentence, state, mentions, quotes)
    ellipses = _ellipses(sentence, state, items)
    for start, end, refs in ellipses:
        items = [i for i in items if i.end <= start or end <= i.start]
        items.append(_Item(start, end, refs[0], "name"))
    items.sort(key=lambda item: item.start)
    for mention in mentions:
        if mention.via != "group":
            state.mention(mention.actor)
        if mention.actor.kind == ActorKind.COUNTRY and mention.actor.country:
            state.countries.add(mention.actor.country)
        elif mention.actor.country and mention.via != "group":
            state.countries.add(mention.actor.country)
    if language == "ar":
        # round 10: a country's other spelling or a nationality adjective no actor holds as a name ("شمال غربي سورية",
        # "قوات عراقية") says which country the text is about, as a country named does
        for match in re.finditer(r"(?<!\w)\w{5,}", sentence):
            if any(m.start <= match.start() < m.end for m in mentions):
                continue
            word = match.group(0)
            for form in (word, word[1:]) if word[0] in "وبلف" and len(word) > 5 else (word,):
                country = _country_of_spelling(form, state)
                if country:
                    state.countries.add(country)
                    break
    cues = find_cues(sentence, language, quotes)
    _cue_agents(cues, sentence, items, state, quotes)
    _bracketed_other_names(sentence, cues, state)
    told = frame_subjects(cues, sentence, items, state, quotes)
    apposition_heads(cues, sentence, state)
    cues, bracketed = _bracketed_sources(sentence, cues, language)
    relay_objects = [i.ref for i in _relay_objects(sentence, language, items)] + carried_by(sentence, items, state)
    relay_objects += [ref for ref in told if ref not in relay_objects]
    announcing = [c for c in cues if c.agent and c.agent.ref and re.search(_DATA_NOUNS, c.phrase)]
    if announcing:
        state.data_source = announcing[0].agent.ref
    elif read_quantity(sentence, language=language):
        state.data_source = None

    clause, both = _el_contrast_clause(sentence, cues) if language == "el" else (0, False)
    contrast_speaker = None
    if clause and not both:
        # round 7: "Το ΓΕΕΘΑ έκανε λόγο για …, όμως το Reuters … μεταδίδει ότι 4 …": the figures stand in the clause after
        # the contrast, which names its own speaker; the speaker of the clause before says something else
        cues = [c for c in cues if c.start >= clause]
    elif clause:
        # "Ο στρατός ανακοίνωσε ότι 200 …, ενώ οι RSF έκαναν λόγο για 50": each clause has its speaker — the one before the
        # contrast speaks for the sentence, the one after for the figures from the contrast on (a span, like a quotation's)
        after = [c for c in cues if c.start >= clause and c.role in (C.SPEECH, C.ACCORDING) and c.agent and c.agent.ref
                 and c.agent.how not in ("anaphor", "dropped")]
        contrast_speaker = next((c.agent.ref for c in after if not c.agent.ref.is_media), after[0].agent.ref if after else None)
        cues = [c for c in cues if c.end <= clause]
    speech = [c for c in cues if c.role == C.SPEECH and c.agent and c.agent.ref]
    according = [c for c in cues if c.role == C.ACCORDING and c.agent and c.agent.ref]
    if any(c.role in (C.SPEECH, C.CITING) and c.agent and c.agent.ref for c in cues):
        # "По последним данным, …, сообщил X": the sentence names its own source; the unsourced phrase is no relay.
        according = [c for c in according if c.agent.how != "dropped"]
    citing = [c for c in cues if c.role == C.CITING and ((c.object_agent and c.object_agent.ref) or (c.agent and c.agent.ref))]
    relay_cues = [c for c in cues if c.role == C.RELAY and c.agent and c.agent.ref]
    hedge = next((c.hedge for c in cues if c.role == C.SPEECH and c.hedge != "asserted"), "asserted")

    claimant, relays = _claimant_and_relays(sentence, state, speech, according, citing, relay_cues, relay_objects)
    quote_speakers = _quote_speakers(sentence, quotes, cues, items, claimant, relays, relay_cues, state)

    if claimant is None:
        # Headlines: "Ζελένσκι: Τουλάχιστον 18 νεκροί", "유엔 “…”", "Минобороны: ВСУ за сутки…".
        lead = items[0] if items else None
        if lead is not None and lead.ref is not None and re.match(r"\s*(?:\([^)]*\))?\s*[:«“\"]", sentence[lead.end:]) \
                and len(re.findall(r"[^\W\d_]+", sentence[:lead.start])) <= 2:
            claimant = _resolve(lead, sentence, state)
            quote_speakers = [(s, e, sp if sp is not None and sp != state.last() else claimant, r)
                              for s, e, sp, r in quote_speakers]
    claimant, relays = _briefed(sentence, items, claimant, relays, language)
    claimant, relays, quote_speakers = carried_report(sentence, items, cues, claimant, relays, quote_speakers, language)
    claimant, relays, quote_speakers = briefed_speakers(sentence, cues, claimant, relays, quote_speakers, state)
    if language == "ru":
        # round 12: a verb whose subject opens a later clause says that clause only
        claimant, relays, quote_speakers = russian.own_clause(sentence, cues, claimant, relays, quote_speakers)
    if language == "el" and not cues and items and not read_quantity(sentence, language=language):
        _el_topic_subject(sentence, items, state)
    if claimant is None and not cues and state.announced is not None:
        claimant, relays = state.announced[0], list(state.announced[1])  # fifteenth session: "… على النحو الآتي:"
    if claimant is None and not cues and _continues(sentence, language):
        claimant = speaker_without_agent(state, going_on=True)
        relays = list(state.last_relays)
    # russian round: a short capitalised name in quotation marks ("в баре «Mis Tesoros»", "шахте «Листвяжная»") is no
    # one's words: the relaying medium still reports the sentence.
    spoken = [(s, e) for s, e in quotes if not re.fullmatch(r"\W?[A-ZА-ЯЁΑ-Ω][^\d.,!?;:]*\W?", sentence[s:e])
              or len(sentence[s:e].split()) > 3]
    if claimant is None and relay_cues and not spoken:
        # "…, — цитирует ТАСС Гладкова": the one quoted; "…, передает ТАСС" after a source: it passes that source's
        # statement on; with no source before it ("Как передает РИА Новости, погибли 7 человек") the medium reports
        # it itself.
        quoted = _quoted_by_relay(relay_cues[0], sentence, items)
        # russian round: a source named in an earlier paragraph is not the one passed on ("Ранее в Мадриде …, пишет
        # Ura.ru" after a paragraph of the governor's): the medium reports it itself
        before = state.paragraph_sources[-1] if state.paragraph_sources else None
        claimant = (quoted.ref if quoted is not None else None) or before or relay_cues[0].agent.ref
        relays += [c.agent.ref for c in relay_cues if c.agent.ref != claimant]
    claimants = _unique([ref for _, ref in sorted(_partners(claimant, cues, sentence, items, ellipses, state),
                                                  key=lambda pair: pair[0])]) if claimant else []
    if claimants:
        claimant = claimants[0]  # in the order the text names them
        relays = [ref for ref in relays if ref not in claimants]
    interlocutor = interlocutor_medium(cues, sentence, state)
    if interlocutor is not None:
        official, medium = interlocutor
        relays = [*relays, medium] if claimant == official and medium not in relays else relays
        quote_speakers = [(s, e, sp, [*r, medium] if sp == official and medium not in r else r)
                          for s, e, sp, r in quote_speakers]
    # fourteenth session: a relay of the last figure speaking again (the person who passed a country's estimate on to a
    # medium, now quoted) goes on through the relays after it in that chain
    if claimant is not None and not relays:
        relays = state.relays_after(claimant)
    quote_speakers = [(s, e, sp, r or state.relays_after(sp)) for s, e, sp, r in quote_speakers]
    # the document's own author is no hop, in whatever script it credits itself
    relays = [ref for ref in relays if ref != state.narrator and not is_publisher(ref, state.narrator)]
    # round 10: in a quotation too ("ونقل مراسلنا عن الخلية تأكيدها أن “…”": our correspondent is the author)
    quote_speakers = [(s, e, sp, [r for r in rl if r != state.narrator and not is_publisher(r, state.narrator)])
                      for s, e, sp, rl in quote_speakers]
    if language == "en":
        clauses = english.clause_speakers(sentence, cues, quote_speakers, claimant, relays)  # "…, while Y said …"
        quote_speakers += clauses
        # sixteenth session: "the government had announced that six … while state TV said seven …": a medium speaking in
        # a clause of its own says its own figures; it relays nothing of the clause before
        relays = [ref for ref in relays if not any(ref == speaker and ref.is_media for _, _, speaker, _ in clauses)]
    if language == "ar":
        quote_speakers += arabic.clause_speakers(sentence, cues, quote_speakers, claimant)  # "…، بينما ذكرت Y أن …"
        quote_speakers += arabic.recorded_by(sentence, items, quote_speakers, claimant, state)  # "مشيرا إلى تسجيل X"
    quote_speakers += bracketed
    # issue 15, thirteenth session: an opening clause with figures that no speaker of the sentence states (the verbs after
    # it report only what follows them) is the author's, as a sentence without a speaker is
    opening = author_clause(sentence, cues, _figure_starts(sentence, language), language)
    if opening and not any(s < opening for s, _, _, _ in quote_speakers):
        quote_speakers.append((0, opening, speaker_without_agent(state) or state.narrator, []))
    if contrast_speaker is not None and contrast_speaker != claimant \
            and not any(s <= clause < e for s, e, _, _ in quote_speakers):
        quote_speakers = [*quote_speakers, (clause, len(sentence), contrast_speaker, [])]
    figures = _figure_starts(sentence, language)
    if figures:
        reported = [f for f in figures if not any(s <= f < e for s, e, _, _ in quote_speakers)]
        state.figures_speaker = claimant if reported and claimant != state.narrator else None
    same_report = any(c.agent and c.agent.ref == claimant and c.agent.how == "anaphor"
                      and re.search(_REPORT_NOUNS.get(language, r"$^"), folded(sentence[c.agent.start:c.agent.end]))
                      for c in speech)
    return SentenceAttribution(claimant, hedge, _unique(relays), quote_speakers, cues, claimants, same_report)


def _bracketed_other_names(sentence: str, cues, state: DocumentState) -> None:
    """Fourteenth session: a speaker written with another name in brackets right after it ("قالت المنظمة الدولية للهجرة
    (آي أو إم)", "국제이주기구(IOM)는"): the bracketed name alone later is the same speaker. (Scripts with capitals: the
    acronym spelled by the name's initials, ``items._spelled_by_acronym``.)"""
    for cue in cues:
        agent = cue.agent
        if agent is None or agent.ref is None or agent.end <= agent.start:
            continue
        # right after the agent, or inside its span where the bracket stands before a particle ("국제이주기구(IOM)는")
        bracket = re.search(r"\(([^()\d,،]{2,24})\)", sentence[agent.start:agent.end + 30])
        if bracket is None or not 0 < bracket.start() <= agent.end - agent.start + 1 \
                or len(bracket.group(1).split()) > 4:
            continue
        other = folded(bracket.group(1))
        if other and (other not in state.proposals or state.proposals[other].name == bracket.group(1)):
            state.proposals[other] = agent.ref


def _bracketed_sources(sentence: str, cues, language: str):
    """Round 12: a source named inside brackets that hold a figure of their own ("στοίχισε τη ζωή σε τουλάχιστον 52
    ανθρώπους (περισσότερους από 60, σύμφωνα με το BBC), όπως ανακοίνωσαν αξιωματούχοι", "killed 52 (more than 60,
    according to the BBC), officials said") speaks for that figure alone, as a quotation's speaker does: the bracket is
    a side remark, and the sentence's own source is the one outside it. Brackets without a figure (a source added to
    the whole statement) are left as they are. The cues outside, and (start, end, speaker, relays) spans."""
    spans = []
    for bracket in re.finditer(r"\(([^()]*)\)", sentence):
        inside = [c for c in cues if bracket.start() < c.start and c.end < bracket.end()
                  and c.role in (C.SPEECH, C.ACCORDING) and c.agent and c.agent.ref]
        if inside and read_quantity(bracket.group(1), language=language):
            spans.append((bracket.start(), bracket.end(), inside[0].agent.ref, []))
            cues = [c for c in cues if not bracket.start() < c.start < bracket.end()]
    return cues, spans


# Round 9: a sentence that opens with a person in the nominative — the article, a title of lower-case words and their
# capitalised complements ("Ο υπουργός Υγείας Νίκος Παππάς επισκέφθηκε …") — makes that person the subject the next
# sentence's dropped subject or "ο ίδιος" goes on with.
_EL_NOMINATIVE_OPENING = r"\s*(?:[ΟΗ]|Οι)\s+(?:[^\W\d_]+\s+){0,5}$"


def _el_topic_subject(sentence: str, items, state: DocumentState) -> None:
    """Round 9: a sentence with no reporting verb and no figure whose subject is a person named ("Ο υπουργός Υγείας
    Νίκος Παππάς μίλησε στη Βουλή. Ο ίδιος ανέφερε ότι 40 …", "… Δήλωσε ότι 40 …"): that person is the source a
    dropped subject or "ο ίδιος" in the sentences after it refers to, as a source named with a verb of saying is."""
    lead = next((item for item in items if item.how != "anaphor"), None)  # after its title ("Ο υπουργός")
    if lead is None or not re.fullmatch(_EL_NOMINATIVE_OPENING, sentence[:lead.start]) \
            or not re.match(r"\s*(?:,[^,]*,\s*)?[α-ωάέήίόύώϊϋΐΰ]", sentence[lead.end:]):
        return  # not the sentence's subject, or no verb after it
    ref = _resolve(lead, sentence, state)
    if ref is not None and ref.kind == ActorKind.PERSON and not ref.is_media:
        state.remember(ref)


# Round 7: a comma and a conjunction of contrast open a clause of their own ("…, όμως …", "…, αλλά …", "…, ωστόσο …").
_EL_CONTRAST = re.compile(r",\s*(?:όμως|αλλά|ωστόσο|ενώ|εντούτοις)\s+")


def _el_contrast_clause(sentence: str, cues) -> tuple[int, bool]:
    """Round 7: where a clause after a contrast begins that has a speaker of its own (a reporting verb or an attribution
    phrase whose agent is known) when the clause before has one too; and whether figures stand on both sides (else all
    of them stand after it). (0, False) when there is none or no figure follows it."""
    quantities = _figures(sentence)
    if not quantities:
        return 0, False
    for match in reversed(list(_EL_CONTRAST.finditer(sentence))):
        if match.end() <= max(quantities) and any(c.start >= match.end() and c.agent and c.agent.ref for c in cues) \
                and any(c.end <= match.start() and c.agent and c.agent.ref for c in cues):
            return match.end(), min(quantities) < match.start()
    return 0, False


def _figure_starts(sentence: str, language: str) -> list[int]:
    """Where the sentence's quantities begin, in its language."""
    return [quantity.start for quantity in read_quantity(sentence, language=language)]


def _figures(sentence: str) -> list[int]:
    """Where the sentence's quantities begin."""
    return [quantity.start for quantity in read_quantity(sentence, language="el")]


# A report as a subject, referred back to ("الإحصائية", "the report", "η έκθεση", "в докладе").
_REPORT_NOUNS = {
    "ar": "(?:" + "|".join(folded(w) for w in ("الإحصائي", "الاحصائي", "الحصيل", "التقرير", "البيانات", "الإحصاءات")) + ")",
    "en": r"(?:report|figures|data|statistics)$",
    "el": r"(?:εκθεση|στοιχεια)$",
    "ru": r"(?:доклад|отчет|сводк)\w*$",
}


def _country_of_spelling(word: str, state: DocumentState) -> str:
    """Round 10: the country an Arabic word names by another spelling or an adjective ("سورية" for "سوريا"), cached per
    document (the registry's names are read once a word)."""
    cache = state.__dict__.setdefault("_country_spellings", {})
    if word not in cache:
        cache[word] = _country_of_adjective(word, state.index)
    return cache[word]
