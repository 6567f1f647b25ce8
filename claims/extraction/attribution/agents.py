"""The agent of one cue, by its role and the sentence's language: a reporting verb's subject, an attribution
phrase's object, a relaying medium, a passive count's owner; resolved to an actor."""

import re
from dataclasses import replace

from sources.models import ActorKind

from .. import cues as C
from ..actors import folded, normalised
from ..numbers import read_quantity
from . import english
from .arabic import (
    _ar_agent, agency_for_news, bracketed_medium, correspondent, medium_after_verb, pluperfect_subject, quoted_name,
    saying_of, unnamed_source,
)
from .clauses import (
    _EL_RANKED_APPOSITION, _EXTRA_TITLES, _UNNAMED_REPORTS, _clause_start, _complementizer_follows, _dropped_subject, _left_agent,
    _left_fallback, _report_agent, _report_subject, _right_agent, _sentence_subject, _shared_subject, non_agent_subject,
)
from .described import country_of_figures
from .descriptions import _resolve, described_agent, introduce, unnamed_officials
from .korean import _ko_according, _ko_agent, ko_citing
from .media import _MEDIUM_WORDS, RU_RECEIVED_FROM, RU_SETTING_UNIT, RU_SOURCE_OF_MEDIUM, _as_medium, _relay_objects
from .names import _titles
from .proposing import _proposed, _proposed_medium
from .russian import ru_place_speaking, unnamed_cited
from .state import Agent, Cue, DocumentState, _Item, speaker_without_agent


def _agent(cue: Cue, sentence: str, items: list[_Item], state: DocumentState, masked=()) -> Agent | None:
    language = state.language
    item = None
    if cue.role == C.SPEECH and passive_estimate(cue, sentence, language):
        # fourteenth session: "사상자 수는 … 것으로 추산된다", "casualties are estimated at": the estimate of the source
        # whose figures the text gave last, going on (with its relays); figures the author gave last: no agent (the
        # sentence's other cues, "following an IOM study", or else the author)
        source = state.figures_speaker
        return Agent(source, cue.start, cue.start, "dropped") if source else None
    # issue 15, thirteenth session: a count, a toll, a report or data as the verb's subject is no one — its owner named
    # in the phrase if any, else the report just announced, else the text's author
    counted, owner = non_agent_subject(cue, sentence, items, language) if cue.role == C.SPEECH else (False, None)
    if counted and owner is None:  # (with an owner, the agent is found below as for any subject)
        source = speaker_without_agent(state, count=True)
        return Agent(source, cue.start, cue.start, "dropped") if source else Agent(state.narrator, cue.start, cue.start,
                                                                                    "unnamed")
    if counted and owner.how != "proposed":
        # fourteenth session: "وأفادت حصيلة سابقة لوزارة الصحة", "an earlier toll by the ministry showed": the owner of
        # the report speaks (not the words between the noun and it, "سابقة", earlier)
        ref = _resolve(owner, sentence, state)
        if ref is not None:
            return Agent(ref, owner.start, owner.end, owner.how)
    if cue.role == C.ACCORDING and language == "ko":
        item = _ko_according(cue, sentence, items, state)
    elif cue.role == C.RELAY and cue.side == "left":
        # "…, Kyodo reports.": the name right before the verb, a medium.
        before = [i for i in items if i.end <= cue.start and not sentence[i.end:cue.start].strip()]
        item = before[-1] if before else None
        if item is not None and item.how == "proposed":
            item = _Item(item.start, item.end, _proposed_medium(state, item.ref), "proposed")
    elif cue.role == C.RELAY:
        # "приводит заявление министерства здравоохранения хуситов принадлежащий повстанцам телеканал Al Masirah"
        media = [i for i in items if i.start >= cue.end and i.ref is not None and i.ref.is_media
                 and i.start - cue.end < 100]
        item = media[0] if media else None
        if item is None:
            # "пишет портал The Guardian", "передает издание Meduza": a name no actor has, after a relaying verb
            # (and a word for a medium), is a medium to propose.
            named = [i for i in items if i.start >= cue.end and i.how == "proposed"
                     and re.fullmatch(_MEDIUM_WORDS.get(language, r"\s*"), sentence[cue.end:i.start])]
            if named:
                item = _Item(named[0].start, named[0].end, _proposed_medium(state, named[0].ref), "proposed")
        if item is None and language == "ru":
            # round 10: the medium as the verb's subject before it ("ТАСС цитирует главу района …", "РИА Новости передает")
            before = [i for i in items if i.end <= cue.start and not sentence[i.end:cue.start].strip(" »\"”")
                      and i.ref is not None and i.ref.is_media]
            item = before[-1] if before else None
    elif cue.role == C.ACCORDING and language == "ar" and cue.phrase.startswith("جاء في"):
        # "وجاء في بيان صادر عن مكتب محافظ بالي قصر، أن …": the statement's issuer, named or proposed.
        issuer = re.match(r"\s*(?:بيان|تقرير|بلاغ)\s+(?:صادر\s+عن|صادر\s+من|عن|ل|لـ)\s*([^،,:«\"]+?)\s*(?:[،,:]|(?<!\w)أن(?!\w)|$)",
                          sentence[cue.end:])
        if issuer:
            start = cue.end + issuer.start(1)
            known = [i for i in items if start <= i.start < cue.end + issuer.end(1) and i.ref is not None]
            item = known[0] if known else _Item(start, cue.end + issuer.end(1), _proposed(state, issuer.group(1), ""),
                                                "proposed")
    elif cue.role == C.ACCORDING and cue.phrase in _UNSOURCED:
        # "Так, по последним данным, …": data with no source named are those of the source just named.
        named = _right_agent(cue, sentence, items, limit_words=3)
        relative = re.match(_DATA_RELATIVE, sentence[cue.end:])
        if relative:
            # Round 6: "По последним данным, которые приводит агентство, …": the relative clause names whose data.
            after = [i for i in items if i.start >= cue.end + relative.end()]
            if after and after[0].start - (cue.end + relative.end()) <= 2:
                named = after[0]
        if named is None or not re.fullmatch(r"\s*", sentence[cue.end:named.start]) and not relative:
            # "Так, по последним данным, …" after "От МЧС РТ поступили уточненные данные": the data just announced.
            # Data not announced before are the writer's ("По последним данным, число жертв составило …").
            last = speaker_without_agent(state, count=True)
            return Agent(last, cue.start, cue.start, "dropped") if last else None
        item = named
    elif cue.role == C.CITING and language == "ar" and cue.phrase.endswith("عن"):
        # round 7: "نقلا عن المتحدث باسم هيئة الطوارئ، مجتبى خالدي": the source after "عن", parsed as a subject is
        if unnamed_source(sentence[cue.end:]):
            return Agent(unnamed_officials(state), cue.end, cue.end + 5, "group")
        item = _ar_agent(cue, sentence, items, state)
    elif language == "el" and cue.role == C.ACCORDING and cue.phrase in _EL_IMPERSONAL:
        # fifteenth session: "Σε ανακοίνωση του Λιμενικού αναφέρεται ότι …", "Όπως σημειώνεται στην ανακοίνωση του
        # υπουργείου, …": the owner of the document where it is said; a document with no owner ("Όπως αναφέρεται στην
        # ανακοίνωση", "Σε αυτήν τονίζεται") is the last source's, going on; no document named ("Σημειώνεται ότι"):
        # the writer's aside
        owner, document = _el_impersonal_owner(cue, sentence, items)
        if owner is None:
            last = speaker_without_agent(state, going_on=True) if document else None
            return Agent(last, cue.start, cue.start, "dropped") if last else None
        item = owner
    elif language == "el" and cue.role == C.ACCORDING and _el_possessive_report(sentence[cue.end:]):
        # round 7: "σύμφωνα με την ανάρτησή του στο Telegram", "σύμφωνα με τα στοιχεία της": the possessive pronoun after
        # the report is its author — the source just named, going on (as "по его словам")
        last = state.last()
        return Agent(last, cue.start, cue.start, "dropped") if last else None
    elif cue.role == C.ACCORDING and language == "ru" and re.match(r"\s*котор(?:ого|ой|ых)(?!\w)", sentence[cue.end:]):
        # round 10: "ТАСС цитирует главу района Ивана Петрова, по словам которого …": the relative pronoun is the one
        # named right before the comma that opens the clause (the person, not the medium quoting him)
        before = [i for i in items if i.end <= cue.start and i.ref is not None and not i.ref.is_media
                  and re.fullmatch(r"[»\"”]?\s*,\s*", sentence[i.end:cue.start])]
        item = before[-1] if before else None
    elif cue.role == C.ACCORDING and language == "ru" and re.match(RU_RECEIVED_FROM, sentence[cue.end:]):
        # round 10: "по информации ТАСС, полученной от экстренных служб": the data's source is the one they came from;
        # the medium that has them relays them (media.carried_by)
        start = cue.end + re.match(RU_RECEIVED_FROM, sentence[cue.end:]).end()
        after = [i for i in items if start <= i.start <= start + 2 and i.ref is not None]
        item = after[0] if after else None
    elif cue.role in (C.ACCORDING, C.CITING):
        # "According to X, …": the object ends at the comma.
        comma = re.search(r"[,،]", sentence[cue.end:]) if cue.role == C.ACCORDING else None
        window = items if comma is None else [i for i in items if i.start < cue.end + comma.start()]
        # Round 6: after a title ("по словам министра ГО и ЧС края Сергея Капустина") the person named at its end.
        item = _right_agent(cue, sentence, window, limit_words=14,
                            titles=_titles(language) | _EXTRA_TITLES.get(language, set()) if language == "ru" else None)
        if language == "ar":
            quoted = quoted_name(sentence[cue.end:], cue.end, item, state)  # sixteenth session: 'بحسب "روسيا اليوم"'
            item = _Item(quoted.start, quoted.end, _proposed_medium(state, quoted.ref), quoted.how) if quoted else item
        if item is None and language == "ar":
            # round 12: "بحسب وكالة سبوتنيك الروسية للأنباء": an agency no actor holds, by its name's pattern
            item = agency_for_news(sentence[cue.end:], cue.end, items, state) \
                or medium_after_verb(sentence[cue.end:], cue.end, items, state)  # fifteenth session
        agent_of_report = _report_agent(cue, sentence, items, state, comma)
        if agent_of_report is not None:
            item = agent_of_report
        if cue.role == C.ACCORDING and (item is None or item.how in ("proposed", "group")):
            # fourteenth session: "according to Israeli tallies", "حسب الأرقام الرسمية الأوكرانية": a people's
            # adjective with a figures noun is that people's country (not "Israeli" proposed, nor unnamed officials)
            item = country_of_figures(cue.end, sentence, items, language, state.index) or item
        # (round 10: the unnamed sources a medium cites too: "σύμφωνα με το CNN που επικαλείται πηγές")
        unnamed = re.match(_EL_UNNAMED_SOURCES, sentence[cue.end:]) if language == "el" else None
        if unnamed and item is not None and item.how == "anaphor" \
                and not sentence[cue.end + unnamed.end():item.start].strip() and _resolve(item, sentence, state) is None:
            # round 9: "σύμφωνα με πηγές της κυβέρνησης": sources of a body only described, that no actor answers, are
            # unnamed officials (as an official of such a body is)
            item = None
        if item is None and unnamed:
            # greek round: "κατά επίσημες συγκλίνουσες πηγές", "σύμφωνα με αστυνομικές πηγές": sources with no name, whatever
            # their adjectives, are unnamed officials when they are the only source of the sentence
            return Agent(unnamed_officials(state), cue.end + unnamed.start(1), cue.end + unnamed.end(1), "group")
        cited = unnamed_cited(sentence, cue.end) if language == "ru" and cue.role == C.CITING else None
        if cited and item is not None and ((item.start >= cited[1] and item.ref is not None and item.ref.is_media
                          and re.search(r"[а-яё]+(?:ил|ила|ило|или|ает|ают|яет|яют)\s", sentence[cited[1]:item.start])
                          and not re.search(r"[«\"“]", sentence[cited[1]:item.start]))):
            # fifteenth session: "со ссылкой на представителей правительства сообщило агентство AFP": unnamed officials,
            # not the medium citing after them
            return Agent(unnamed_officials(state), cited[0], cited[1], "group")
        if language == "el" and cue.role == C.ACCORDING:
            # round 7: "σύμφωνα με τον εκπρόσωπο του υπουργείου Υγείας Αχμέτ Σαλέμ": the title's person, after its complements
            person = _el_titled_person(cue.end + len(sentence[cue.end:]) - len(sentence[cue.end:].lstrip()), sentence,
                                       window)
            if person is not None:
                item = person
        titled = item is not None and item.ref is not None and item.ref.kind not in (ActorKind.PERSON, ActorKind.LEGISLATOR) \
            and any(folded(w) in _titles(language) for w in re.findall(r"[^\W\d_][\w-]*", sentence[cue.end:item.start]))
        if comma is not None and (item is None or item.how == "anaphor" or titled):
            # "σύμφωνα με … εκπρόσωπο της Πυροσβεστικής, Βασίλη Βαθρακογιάννη": the title's organisation is not the
            # speaker; the person in apposition is.
            # "σύμφωνα με τον υπουργό Εσωτερικών της Ουκρανίας, Ίχορ Κλιμένκο": the name in apposition.
            after = [i for i in items if i.start >= cue.end + comma.end() and i.how in ("proposed", "name")
                     and (not sentence[cue.end + comma.end():i.start].strip() or language == "el"
                          and _EL_RANKED_APPOSITION.fullmatch(sentence[cue.end + comma.end():i.start]))]
            if after and after[0].ref is not None and after[0].ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR):
                item = after[0]
    elif language == "ko" and cue.phrase in C.KO_PASSIVE:
        # "…으로 집계됐다": was counted — by the source the text is reporting, unless the sentence says whose
        # announcement it was ("마우이카운티의 11일 오후 9시 발표에서 확인된 사망자 수는 … 확인됐다").
        item = None
        owner = re.search(r"(\S+?)의\s+(?:\S+\s+){0,4}?(?:발표|집계|성명|브리핑|공식\s+발표)(?:에서|에|를|로|에\s+따르면)",
                          sentence[:cue.start])
        if owner:
            known = [i for i in items if i.start <= owner.start(1) < i.end or i.start == owner.start(1)]
            item = known[0] if known else _Item(owner.start(1), owner.end(1), _proposed(state, owner.group(1), ""),
                                                "proposed")
    elif language == "ko":
        item = _ko_agent(cue, sentence, items, state, masked)
        if item is not None and item.how == "proposed" and item.ref is not None and cue.phrase.startswith("보도") \
                and re.search(r"(?:다|라)고\s+$", sentence[:item.start]):
            # thirteenth session: "…발표했다고 타임스오브이스라엘이 보도했다": what reports a report ("보도", news
            # coverage) is a medium, proposed as one, so it relays the inner speaker's figures
            item = _Item(item.start, item.end, _proposed_medium(state, item.ref), "proposed")
    elif language == "ar":
        # Subject–verb order (headlines, "الجيش السوداني يُعلن …"): a named actor right before the verb.
        adjacent = [i for i in items if i.end <= cue.start and not sentence[i.end:cue.start].strip(" ،,")
                    and i.how in ("name", "descriptor")]
        # round 10: "وكان مصدر في الشرطة، قال سابقا": the subject between "كان" and the verb
        item = adjacent[-1] if adjacent else (pluperfect_subject(cue, sentence, items, state)
                                              or _ar_agent(cue, sentence, items, state))
        if adjacent and item.ref is not None and item.ref.kind == ActorKind.COUNTRY:
            # Round 8: "وكانت سلطات سريلانكا أعلنت": a country right after a group noun qualifies the group.
            group = [i for i in items if i.how == "group" and i.end <= item.start
                     and not sentence[i.end:item.start].strip()]
            item = group[-1] if group else item
        if item is None and not _complementizer_follows(cue, sentence, language):
            left = [i for i in items if i.end <= cue.start]
            item = left[-1] if left else None
    else:
        complementizer = _complementizer_follows(cue, sentence, language)
        # "έκανε γνωστή στο Reuters η Ένωση", "told Xinhua": the medium told is no subject of the verb.
        told = _relay_objects(sentence, language, items)
        items = [i for i in items if i not in told]
        if language == "en":
            items = english.without_addressees(sentence, items)  # fifteenth session: "told Congress" is no subject
        if language == "el":
            # fifteenth session: a name made a medium as it was found told ("Μιλώντας στην ΕΡΤ") is that item too
            items = [i for i in items if not any((i.start, i.end) == (t.start, t.end) for t in told)]
        item = (english.subject(cue, sentence, items, state) if language == "en" else None) \
            or _left_agent(cue, sentence, items, state)
        if language == "el":
            named = _el_name_then_title(cue, sentence, items)
            if named is not None:
                item = named
            after = _el_postverbal_subject(cue, sentence, items, told, state)
            if after is None and _EL_FRONTED_OBJECT.fullmatch(sentence[_clause_start(sentence, cue.start):cue.start]):
                # round 12: the object put first ("Τις πληροφορίες μετέδωσε το CCTV", "Τον απολογισμό έδωσε η αστυνομία"):
                # an article in the accusative opens the clause, so the subject is the nominative after the verb
                after = _el_postverbal_subject(cue, sentence, items, told, state, fronted=True)
            if after is not None:
                item = after
            if item is None and cue.role == C.SPEECH:
                unnamed = _el_unnamed_source_before(cue, sentence)
                if unnamed is not None:
                    return Agent(unnamed_officials(state), unnamed[0], unnamed[1], "group")
        published = _report_subject(cue, sentence, items, language)
        if published is not None:
            item = published
        elif item is None and (re.search(_UNNAMED_REPORTS.get(language, r"$^"), sentence[_clause_start(sentence, cue.start):cue.start],
                                         re.IGNORECASE) or language == "el" and _el_report_subject(cue, sentence, items)):
            # "Νωρίτερα, πληροφορίες έκαναν λόγο για …" (reports spoke of): no one named — the author's
            return Agent(state.narrator, cue.start, cue.start, "unnamed")
        if item is None and not complementizer:
            item = _right_agent(_ru_past_setting(cue, sentence, told) if language == "ru" else cue, sentence, items,
                                titles=_titles(language) | _EXTRA_TITLES.get(language, set()))
        if item is None:
            item = _shared_subject(cue, sentence, items, language)
        if item is None and not _dropped_subject(cue, sentence, language):
            item = _left_fallback(cue, sentence, items)
        if item is None:
            item = _sentence_subject(cue, sentence, items, language)
    if item is None and language == "ru" and cue.role == C.ACCORDING and cue.phrase.startswith("по официальн"):
        # round 12: "по официальным данным, …" with no owner named: unnamed officials; an owner read together with the
        # words of the cue ("официальным данным МЧС": the group and the actor next to it are one mention) is the owner
        owner = next((i for i in items if i.start < cue.end < i.end and i.ref is not None and i.how != "group"), None)
        ref = _resolve(owner, sentence, state) if owner is not None else None
        if ref is not None:
            return Agent(ref, owner.start, owner.end, owner.how)
        return Agent(unnamed_officials(state), cue.start, cue.end, "group")
    if item is None:
        if language == "ko" and cue.phrase in C.KO_PASSIVE:
            # Counted by the source this paragraph reports, if it named one; else by the text's author.
            last = state.paragraph_sources[-1] if state.paragraph_sources else None
            return Agent(last, cue.start, cue.start, "dropped") if last else None
        if cue.role == C.SPEECH and _dropped_subject(cue, sentence, language) \
                and not (language == "ar" and cue.phrase in C.AR_PARTICIPLES):
            last = speaker_without_agent(state, going_on=True)
            return Agent(last, cue.start, cue.start, "dropped") if last else None
        return None
    if language == "el" and item.how in ("group", "unnamed"):
        item = _el_official_of(item, sentence, items) or item
    if language == "ru" and item.ref is not None and item.ref.is_media and re.search(RU_SOURCE_OF_MEDIUM, sentence[:item.start]):
        # round 12: "по сообщению источника РИА Новости", "сообщил источник ТАСС": a source of the medium (the medium in
        # the genitive) is an unnamed official; the medium relays him (media.carried_by)
        return Agent(unnamed_officials(state), item.start, item.end, "group")
    if language == "ru" and ru_place_speaking(cue, item, sentence):
        # sixteenth session: "В Нагорном Карабахе сообщили" (in a place, they said): the place's unnamed officials
        return Agent(unnamed_officials(state), item.start, item.end, "group")
    item = _as_medium(item, sentence, state)
    ref = _resolve(item, sentence, state)
    if ref is None:
        head = _unnamed_head(item, sentence, items)
        if head is not None:
            item, ref = head, head.ref
    pronoun = item.how == "anaphor" and folded(sentence[item.start:item.end]) in _PRONOUNS.get(language, ())
    return Agent(ref, item.start, item.end, item.how, item.wanted, pronoun) if ref else None


# Round 10: what may stand between a verb that opens its clause and its subject after it: a day ("την Τρίτη", "χθες
# Δευτέρα", "σήμερα, Πέμπτη"), and the medium told in the accusative or after "σε" (found by ``_relay_objects``).
_EL_WEEKDAY = r"(?:Δευτέρα|Τρίτη|Τετάρτη|Πέμπτη|Παρασκευή|Σάββατο|Κυριακή)"
_EL_DAY_WORDS = re.compile(rf"\s*(?:(?:την|τη|το|χθες|σήμερα|προχθές),?\s*{_EL_WEEKDAY}|σήμερα|χθες|προχθές|επίσης|νωρίτερα)"
                           r",?\s+(?=\S)")
# Round 10: an unnamed source in the nominative after its verb ("ενημέρωσαν … πηγή του στον στρατό", "ανέφερε μια
# στρατιωτική πηγή", "είπαν πηγές ασφαλείας"): unnamed officials, as "σύμφωνα με πηγές" is.
_EL_UNNAMED_SOURCE_SUBJECT = re.compile(r"(?:(?:μια|μία|μιας)\s+)?(?:[α-ωάέήίόύώϊϋΐΰ]+\s+){0,2}?πηγ(?:ή|ές)(?!\w)")


# A passive's agent named with it ("estimated by the ministry", "εκτιμάται από το υπουργείο", "국방부에 의해 추산된다"):
# then it is no agentless passive.
# Sixteenth session: an unnamed source as the subject before its verb ("Τοπική πηγή είπε", "Αστυνομικές πηγές ανέφεραν"),
# possibly with a relative clause set off by commas ("Τοπική πηγή, η οποία ζήτησε να μην κατονομαστεί, είπε"): unnamed
# officials, as the same source after the verb is.
_EL_RELATIVE_BEFORE_VERB = re.compile(r",\s*(?:που|ο\s+οποίος|η\s+οποία|το\s+οποίο|οι\s+οποίοι|οι\s+οποίες|τα\s+οποία)"
                                      r"\s[^,;:«»\"]{1,120},\s*$")
_EL_SOURCE_CLAUSE = re.compile(r"\s*(?:(?:[Μμ]ια|[Μμ]ία|[Οο]ι|[Ηη])\s+)?(?:[^\W\d_]+\s+){0,2}?[Ππ]ηγ(?:ή|ές)\s*")


def _el_unnamed_source_before(cue: Cue, sentence: str) -> tuple[int, int] | None:
    offset = max(0, cue.start - 160)  # the relative clause is at most 120 characters: its tail alone is read
    relative = _EL_RELATIVE_BEFORE_VERB.search(sentence[offset:cue.start])
    end = offset + relative.start() if relative else cue.start
    start = _clause_start(sentence, end)
    if _EL_SOURCE_CLAUSE.fullmatch(sentence[start:end]):
        return start, end
    return None


_PASSIVE_AGENT_AFTER = {"en": r"\s+(?:\S+\s+){0,4}?by\s", "el": r"\s+(?:\S+\s+){0,4}?από\s+(?:τον|την|το|τους|τις|τα)\s"}
_PASSIVE_AGENT_BEFORE = {"ko": r"에\s*의해\s+(?:\S+\s+){0,3}$", "ru": r"(?!)"}


def passive_estimate(cue: Cue, sentence: str, language: str) -> bool:
    """Fourteenth session: whether the cue is an agentless passive of estimating ("…으로 추산된다", "εκτιμάται ότι",
    "оцениваются в", "are estimated at" — ``cues.ESTIMATE_PASSIVES``, English by its auxiliary): an estimate whose maker
    the text does not name again because it was just named. Not when the passive names its agent ("by", "από")."""
    if language == "en":
        before_cue = sentence[max(0, cue.start - 40):cue.start]
        passive = cue.phrase.startswith("estimated") and re.search(C.EN_PASSIVE_BEFORE, before_cue)
    else:
        passive = cue.phrase in C.ESTIMATE_PASSIVES.get(language, ())
    if not passive:
        return False
    after = _PASSIVE_AGENT_AFTER.get(language)
    before = _PASSIVE_AGENT_BEFORE.get(language)
    return not (after and re.match(after, sentence[cue.end:cue.end + 80])) \
        and not (before and re.search(before, sentence[max(0, cue.start - 60):cue.start]))


# Fifteenth session: Greek impersonal passives that name where it is said (``cues.py``), and that document: an
# announcement, a post, a statement, a report, a briefing, a letter, a message — or "αυτήν/αυτό" pointing back to one.
_EL_IMPERSONAL = ("γνωστοποιείται", "αναφέρεται", "σημειώνεται", "επισημαίνεται", "τονίζεται")
_EL_DOCUMENT = (r"(?:ανακοίνωσ|ανάρτησ|δήλωσ|έκθεσ|ενημέρωσ|έγγραφ|μήνυμ|επιστολ|αναφορ|δελτί|έκδοσ|απόφασ)[^\W\d_]*"
                r"(?:\s+(?:τύπου|του|της|τους))?")
_EL_IN_DOCUMENT = re.compile(r"(?:σε|στην|στη|στο|στον|στα|στις)\s+(?:(?:νέα|νέο|νεότερη|νεότερο|χθεσινή|σημερινή|"
                             r"επίσημη|επίσημο|γραπτή|γραπτό|τελευταία|τελευταίο|ίδια|ίδιο|κοινή|κοινό)\s+)?"
                             + _EL_DOCUMENT, re.IGNORECASE)
_EL_IN_IT = re.compile(r"(?:σε|σ')\s*(?:αυτήν|αυτή|αυτό|αυτά|αυτές)(?!\w)", re.IGNORECASE)


def _el_impersonal_owner(cue: Cue, sentence: str, items: list[_Item]) -> tuple[_Item | None, bool]:
    """The owner named with the document of an impersonal passive (the item right after the document phrase, in the
    genitive), before the verb ("Σε ανακοίνωση του Λιμενικού αναφέρεται") or after it ("αναφέρεται σε ανακοίνωση της
    Πυροσβεστικής"); and whether a document is named at all."""
    start = _clause_start(sentence, cue.start)
    before = sentence[start:cue.start]
    spans = []
    for match in _EL_IN_DOCUMENT.finditer(before):
        spans.append((start + match.end(), cue.start))
    after = _EL_IN_DOCUMENT.match(sentence[cue.end:].lstrip())
    if after:
        offset = cue.end + len(sentence[cue.end:]) - len(sentence[cue.end:].lstrip())
        stop = re.search(r"[,.;:]", sentence[offset + after.end():])
        spans.append((offset + after.end(), offset + after.end() + (stop.start() if stop else 80)))
    for begin, end in spans:
        owner = next((i for i in items if begin <= i.start < end and i.ref is not None
                      and re.fullmatch(r"\s*(?:(?:του|της|των)\s+)?(?:[^\W\d_]+\s+){0,2}?", sentence[begin:i.start])),
                     None)
        if owner is not None:
            return owner, True
    named = bool(spans) or bool(_EL_IN_IT.search(before)) or bool(_EL_IN_IT.match(sentence[cue.end:].lstrip()))
    return None, named


def _el_after_day_and_told(start: int, sentence: str, told) -> int:
    """Round 10: past the days and the medium told that stand between a verb and its subject after it."""
    while True:
        day = _EL_DAY_WORDS.match(sentence[start:])
        if day:
            start += day.end()
            continue
        medium = next((i for i in told if start <= i.start <= start + 40
                       and re.fullmatch(r"(?:(?:το|τον|την|στο|στον|στην)\s+)?(?:(?:πρακτορείο(?:\s+ειδήσεων)?|εφημερίδα|"
                                        r"τηλεοπτικό\s+σταθμό|σταθμό)\s+)?", sentence[start:i.start])), None)
        if medium is None:
            return start
        start = medium.end + len(sentence[medium.end:]) - len(sentence[medium.end:].lstrip(" ,"))


_RU_DATE_APPOSITION = re.compile(r",\s*\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|"
                                 r"ноября|декабря)(?:\s+\d{4}(?:\s*года|\s*г\.)?)?\s*,(?=\s)")


def _ru_past_setting(cue: Cue, sentence: str, told=()) -> Cue:
    """Round 10: a Russian verb of saying before its subject ("…, сообщил в пятницу «Интерфаксу» директор центра Руслан
    Долгов", "Об этом во время брифинга сообщил …"): a time, an occasion and the medium told may stand between the verb and
    its subject; the subject is looked for after them (the cue as if it ended there).
    Round 12: so may the medium told without quotation marks ("сообщил РИА Новости представитель пресс-службы ГУ МЧС по
    региону Павел Винаков"), one of ``told`` (the dative objects :func:`media._relay_objects` found): the subject's title
    then opens the phrase after it, and the person it names speaks, not the body in its complements."""
    end = cue.end
    while True:
        setting = re.match(rf"(?:\s+{RU_SETTING_UNIT}){{1,3}}(?=\s|,)", sentence[end:])
        if setting is not None:
            end += setting.end()
            # sixteenth session: the day's date in apposition after it ("сообщила в понедельник, 28 сентября, пресс-служба")
            dated = _RU_DATE_APPOSITION.match(sentence, end)
            end = dated.end() if dated else end
            continue
        medium = next((i for i in told if i.start > end and re.fullmatch(r"\s+[«\"“]?", sentence[end:i.start])), None)
        if medium is None:
            break
        end = medium.end + len(re.match(r"[»\"”]?", sentence[medium.end:]).group(0))
    if end == cue.end:
        return cue
    return Cue(cue.start, end, cue.role, cue.hedge, cue.side, cue.phrase)


# Round 12: a clause that opens with a noun phrase in the accusative (masculine and feminine articles, whose accusative
# differs from the nominative) before its verb: the verb's object, put first for emphasis.
_EL_FRONTED_OBJECT = re.compile(r"\s*(?:Τον|Την|Τη|Τις|Τους)\s+(?:[^\W\d_]+\s+){0,3}")


# Sixteenth session: a title abbreviated with a full stop ("ο Δρ. Ανίς αλ Ασμπάχι", "ο κ. Παππάς") ends no phrase.
_EL_TITLE_ABBREVIATION = re.compile(r"(?<!\w)(?:[Δδ]ρα?|[Κκ]α?)\.")


def _el_postverbal_subject(cue: Cue, sentence: str, items: list[_Item], told=(), state: DocumentState | None = None,
                           fronted: bool = False) -> _Item | None:
    """Greek round: a Greek verb of saying that closes a sentence comes before its subject ("…, ανακοίνωσε αξιωματούχος
    της υπηρεσίας", "…, το Μαϊντουγκούρι, ανακοίνωσαν οι αρχές"): when a comma (or a quotation) ends what comes before the
    verb and a noun phrase in the nominative follows it — an actor, a group or a title, possibly after an adverb or the
    medium told — that phrase is the subject, not a phrase set off before the comma."""
    opening = sentence[_clause_start(sentence, cue.start):cue.start]
    # (fifteenth session: and a verb after "όπως" — "…, όπως ανέφεραν υγειονομικές πηγές στο Reuters" — whose subject
    # always follows it)
    as_clause = re.fullmatch(r"\s*[Όό]πως\s+", opening)
    if not fronted and not as_clause and (opening.strip() or not re.search(r"[,»”\"]\s*$", sentence[:cue.start])):
        return None
    following = re.match(r"\s*(?:(?:σήμερα|χθες|επίσης|νωρίτερα|αργότερα|τηλεφωνικά|επίσημα)\s+)?"
                         r"(?:στ(?:ο|ην|ον)\s+[^,.;]{1,40}?\s+)?"
                         # round 7: where it was said, with a possessive ("σε αναρτήσεις του", "σε ανακοίνωσή της", "μέσω
                         # Telegram"), stands between the verb and its subject
                         r"(?:(?:σε|σ'|μέσω)\s+(?:[^\W\d_]+\s+){0,2}?(?:του|της|τους|Telegram|X|Facebook)\s+)?(?=\S)",
                         sentence[cue.end:])
    if following is None:
        return None  # sixteenth session: the verb ends the text ("…, όπως μετέδωσε"): no subject follows it
    start = cue.end + following.end()
    start = _el_after_day_and_told(start, sentence, told)
    if re.match(r"(?:ότι|πως|για|σε|στ|από|με)(?!\w)", sentence[start:]):
        return None
    titled = _el_titled_person(start, sentence, items)
    if titled is not None:
        return titled
    subject = [i for i in items if start <= i.start <= start + 3
               and i.how in ("name", "descriptor", "group", "proposed", "unnamed")]
    if not subject and re.match(r"(?:ο|η|οι|το|τα)\s", sentence[start:]):
        subject = [i for i in items if start < i.start <= start + 40 and i.how in ("name", "descriptor", "group", "proposed",
                                                                                    "unnamed", "anaphor")
                   and not re.search(r"[,.;]", _EL_TITLE_ABBREVIATION.sub(" ", sentence[start:i.start]))]
    if not subject and state is not None:
        unnamed = _EL_UNNAMED_SOURCE_SUBJECT.match(sentence[start:])
        if unnamed:
            return _Item(start, start + unnamed.end(), unnamed_officials(state), "group")
    return subject[0] if subject else None


# Round 7: a report with the possessive pronoun of the third person after it ("την ανάρτησή του", "τα στοιχεία της", "τις
# δηλώσεις τους"): the pronoun is possessive, not the article of a genitive, when no noun follows it — punctuation, the
# end, or a preposition or conjunction ("στο Telegram", "από", "και") comes next. Normalised text (no accents, σ).
_EL_POSSESSIVE_REPORT = re.compile(
    r"\s+(?:την|τη|τισ|το|τα|τον|τουσ)\s+(?:[^\W\d_]+\s+)?(?:αναρτησ|ανακοινωσ|δηλωσ|ενημερωσ|εκτιμησ|στοιχει|"
    r"απολογισμ|πληροφορι|λογια|μηνυμα|εκθεσ|αναφορ|καταμετρησ)[^\W\d_]*\s+(?:του|τησ|τουσ)(?!\w)")


def _el_possessive_report(after: str) -> bool:
    """Whether the words after "σύμφωνα με" are a report and a possessive pronoun: no noun follows the pronoun — a
    punctuation mark or the end (read in the text itself: normalised, punctuation is a space), or a preposition or
    conjunction."""
    match = _EL_POSSESSIVE_REPORT.match(normalised(after))
    if not match:
        return False
    rest = after[match.end():]
    return bool(re.match(r"\s*(?:[,.;:)»]|$)", rest)
                or re.match(r"\s+(?:σε|στο|στη|στην|στον|στα|στισ|στουσ|απο|για|μεσω|και|που|οτι)(?!\w)", normalised(rest)))
_EL_TITLE_HEAD = re.compile(r"(?:ο|η|οι|τον|την|τη|του|της)\s+(?:[^\W\d_]+\s+)?(" + "|".join(sorted(
    {re.escape(t) for t in C.PERSON_TITLES["el"] + ["επικεφαλής", "υφυπουργός", "υφυπουργό", "υφυπουργού", "εκπρόσωπος",
                                                    "αναπληρωτής", "αναπληρωτή", "διοικητής", "διοικητή", "αρχηγός",
                                                    "αρχηγό", "αρχηγού", "γενικός γραμματέας", "γενικό γραμματέα",
                                                    "συντονιστής", "συντονιστή", "διευθυντή", "κυβερνήτη"]},
    key=len, reverse=True))
                            + r")(?!\w)", re.IGNORECASE)


_EL_BARE_TITLE = re.compile(r"\s+(?:(?:ο|η)\s+)?" + _EL_TITLE_HEAD.pattern.split(r"\s+(?:[^\W\d_]+\s+)?", 1)[1],
                            re.IGNORECASE)


def _el_name_then_title(cue: Cue, sentence: str, items: list[_Item]) -> _Item | None:
    """Round 12: a subject that is a person's name and then, with no comma, the title with its genitive complements ("Ο
    Σωτήρης Τσιόδρας συντονιστής του υπουργείου για την επιδημία είπε", "ο Νίκος Παππάς, εκπρόσωπος της αστυνομίας,
    δήλωσε" is the comma's case): the name heads the phrase, the body in the complement is not the speaker. Only when the
    name opens the verb's clause (after an article at most) and nothing but the title's phrase stands between."""
    start = _clause_start(sentence, cue.start)
    opening = re.match(r"\s*(?:(?:Ο|Η|ο|η)\s+)?", sentence[start:cue.start])
    person = next((i for i in items if i.start == start + opening.end() and i.ref is not None
                   and i.how in ("proposed", "name") and i.ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR)), None)
    if person is None or not _EL_BARE_TITLE.match(sentence[person.end:cue.start]):
        return None
    if re.search(r"[.;:«»“”\"]", sentence[person.end:cue.start]):
        return None
    return person


def _el_titled_person(start: int, sentence: str, items: list[_Item]) -> _Item | None:
    """Round 7: a subject that is a title with its genitive complement and then the person's name ("ο επικεφαλής της
    περιφερειακής διοίκησης του Κιέβου Ολέξιι Κουλέμπα", "η εκπρόσωπος της Πυροσβεστικής Υπηρεσίας της περιφέρειας …, η
    Βλαντιμίρα Κερέκοβα"): the head of the phrase is the title, whose complements (the organisation, the place) are
    genitives; the person it names is the name that ends it — right after the complements, or in apposition after one
    comma (with its own article) — not the first actor inside the complements."""
    title = _EL_TITLE_HEAD.match(sentence[start:])
    if not title:
        return None
    for item in items:
        if item.start < start + title.end() or item.ref is None or item.how not in ("proposed", "name") \
                or item.ref.kind not in (ActorKind.PERSON, ActorKind.LEGISLATOR):
            continue
        between = sentence[start + title.end():item.start]
        if re.search(r"[.;:«»“”\"()]", between) or between.count(",") > 1:
            return None
        # (fifteenth session: a rank or title in lower case after the apposition's article, "…, ο συνταγματάρχης Νίκος …")
        if "," in between and not re.fullmatch(r"[^,]*,\s*(?:(?:ο|η|τον|την|τη)\s+(?:[α-ωάέήίόύώϊϋΐΰ]+\s+){0,3})?", between):
            return None
        return item
    return None


# Sixteenth session: the nouns of a medium, a word that says a name after it is a medium's.
_EL_MEDIUM_NOUN = r"(?:πρακτορείο|εφημερίδα|κανάλι|δίκτυο|σταθμός|ιστότοπος|ιστοσελίδα|μέσο|περιοδικό)"


def _el_cited_head(cue: Cue, sentence: str, items: list[_Item], state: DocumentState) -> Agent | None:
    """Round 7: the noun a relative clause of a citing verb hangs on ("πηγή που επικαλείται το Reuters", "ο αξιωματούχος,
    τον οποίο επικαλείται το AFP"): unnamed sources are unnamed officials, else the actor right before the relative
    pronoun."""
    before = sentence[:cue.start]
    relative = re.search(r"[,]?\s+(?:που|την\s+οποία|τον\s+οποίο|τις\s+οποίες|τους\s+οποίους|το\s+οποίο)\s+$", before)
    # the subject after the verb is in the nominative ("ο", "η", "οι"; the neuter "το"/"τα" only for a medium, which cites):
    # an accusative after it ("Anadolu που επικαλείται την AFAD") is the verb's object, and the head is the one citing
    after = re.match(r"\s+(?:(ο|η|οι|το|τα)\s+)?[^\W\d_]", sentence[cue.end:])
    if not relative or not after or re.match(r"\s+(?:τον|την|τη|τους|τις)\s", sentence[cue.end:]):
        return None
    if after.group(1) in (None, "το", "τα"):
        following = [i for i in items if i.start >= cue.end and i.ref is not None]
        # (sixteenth session: a medium's noun and its adjectives may stand between the article and the name, "που
        # επικαλέστηκε το επίσημο πρακτορείο ειδήσεων SABA")
        described = following and after.group(1) and re.fullmatch(
            rf"\s+{after.group(1)}\s+(?:[α-ωάέήίόύώϊϋΐΰ]+\s+){{0,3}}?{_EL_MEDIUM_NOUN}(?:\s+[α-ωάέήίόύώϊϋΐΰ]+){{0,2}}\s+",
            sentence[cue.end:following[0].start])
        if not following or not (described or following[0].start - cue.end <= 5 + len(after.group(0))) \
                or not (described or following[0].ref.is_media):
            return None
    head = before[:relative.start()]
    unnamed = re.search(r"(?:^|[,.;:]\s*|\s)((?:[^\W\d_]+\s+){0,3}?πηγ(?:ή|ές|ών|ής))$", head, re.IGNORECASE)
    if unnamed:
        return Agent(unnamed_officials(state), unnamed.start(1), unnamed.end(1), "group")
    named = [i for i in items if i.end == len(head.rstrip()) and i.ref is not None]
    if named:
        ref = _resolve(named[-1], sentence, state)
        return Agent(ref, named[-1].start, named[-1].end, named[-1].how) if ref else None
    return None


_EL_UNNAMED_SOURCES = r"\s+((?:[α-ωάέήίόύώϊϋΐΰ]+\s+){0,3}πηγ(?:ές|ών|ή))(?!\w)"


def _el_official_of(item: _Item, sentence: str, items: list[_Item]) -> _Item | None:
    """Greek round: an unnamed official of an organisation the text names — an actor, or a proper name or acronym no actor
    has ("αξιωματούχος της κρατικής υπηρεσίας αντιμετώπισης εκτάκτων αναγκών (SEMA)", "στέλεχος του Πενταγώνου") —
    speaks for it, as a spokesman of a known ministry does; of a body only described in lower case ("αξιωματούχος της
    πολιτικής προστασίας") he stays an unnamed official."""
    gap = r"\s+(?:της|του|των)\s+(?:[α-ωάέήίόύώϊϋΐΰ]+\s+){0,6}\(?"
    named = [i for i in items if i.start > item.end and i.ref is not None and re.fullmatch(gap, sentence[item.end:i.start])
             and (i.how == "name" and i.ref.kind not in (ActorKind.PERSON, ActorKind.LEGISLATOR, ActorKind.COUNTRY)
                  or i.how == "proposed" and re.fullmatch(r"[Α-ΩA-Z]{2,6}", sentence[i.start:i.end]))]
    return named[0] if named else None


# Greek round: a report as the sentence's subject, set off by a comma from its verb ("Ο προηγούμενος επίσημος απολογισμός
# μια μέρα νωρίτερα, έκανε λόγο για 16 νεκρούς"), names no one: the figures are the author's.
_EL_REPORT_HEAD = (r"\s*(?:Ο|Η|Τα|Οι|Ένας|Μια|Μία)\s+(?:[^\W\d_]+\s+){0,2}?(?:απολογισμός|ενημέρωση|στοιχεία|πληροφορίες|"
                   r"αναφορές|δημοσιεύματα|εκτιμήσεις)(?!\w)[^,;:«»]*,\s*$")


def _el_report_subject(cue: Cue, sentence: str, items: list[_Item]) -> bool:
    match = re.match(_EL_REPORT_HEAD, sentence[:cue.start])
    return bool(match) and not any(i.end <= cue.start and i.how in ("name", "descriptor", "proposed") for i in items)


# Personal pronouns of the third person: the speaker just named, going on.
_PRONOUNS = {language: {folded(w) for w in words} for language, words in {
    "en": ("he", "she"), "el": ("ο ίδιος", "η ίδια", "αυτός", "αυτή"), "ru": ("он", "она"), "ko": ("그는", "그녀는", "그가"),
}.items()}


def _unnamed_head(item: _Item, sentence: str, items: list[_Item]) -> _Item | None:
    """Round 6: "a spokesman for the regional government", "εκπρόσωπος της περιφερειακής κυβέρνησης": when the
    organisation an unnamed title serves is no actor the text names, the unnamed title heading it speaks."""
    return next((i for i in items if i.how == "unnamed" and i.end <= item.start
                 and re.fullmatch(r"\s+(?:for|of|at|της|του|των)\s+", sentence[i.end:item.start])), None)


_DATA_NOUNS = r"(?:данные|сведения|информация)$"
# "…, которые приводит X", "…, опубликованным X": a relative clause or participle after data naming who gives them.
_DATA_RELATIVE = (r"\s*,\s*(?:(?:которые|которую|которыми|что)\s+(?:\w+\s+)?(?:привод|опубликова|сообщ|предостав|"
                  r"распростран|обнародова|озвучи|привёл|привел|дал|дает|даёт)\w*"
                  r"|(?:опубликованн|предоставленн|обнародованн|озвученн|приведенн|приведённ)\w*)\s+")
# Attribution phrases that may have no source of their own ("по последним данным, …").
_UNSOURCED = {phrase for phrase, role, _, _ in C.CUES.get("ru", []) if role == C.ACCORDING
              and phrase.split()[1:2] and phrase.split()[1] in ("последним", "предварительным", "уточненным",
                                                               "уточнённым", "имеющимся", "последней",
                                                               "предварительной", "имеющейся", "предыдущим",
                                                               "предыдущей", "прежним")}


def _cue_agents(cues: list[Cue], sentence: str, items: list[_Item], state: DocumentState, quotes) -> None:
    """The agent (and for "X cited Y as saying" the object) of every cue of the sentence, in order; a speaker
    named is remembered for the pronouns after it."""
    language = state.language
    for cue in cues:
        if cue.role == C.RELAY and cue.side == "right" and _complementizer_follows(cue, sentence, language):
            # "Телеканал Al-Arabiya передает, что …": the medium says it itself — a reporting verb, subject first.
            cue.role, cue.side = C.SPEECH, "left"
    # "X cited Y as saying": X relays Y.
    for cue in cues:
        if cue.role == C.CITING and cue.phrase in ("cited", "quoted") and language == "en" \
                and re.search(r"(?<!\w)(?:was|were|is|are|been|being)\s+$", sentence[:cue.start]) \
                and re.match(r"\s+by\s", sentence[cue.end:]):
            # Round 6: the passive "X was quoted by Y as saying": X speaks (the object cited), Y relays it.
            left = _left_agent(cue, sentence, items, state) or _left_fallback(cue, sentence, items)
            right = _right_agent(cue, sentence, items, limit_words=6)
            if left is not None and (ref := _resolve(left, sentence, state)) is not None:
                cue.object_agent = Agent(ref, left.start, left.end, left.how)
            if right is not None:
                right = _as_medium(right, sentence, state)
                medium = _resolve(right, sentence, state)
                if medium is not None and medium.proposed:
                    medium = _proposed_medium(state, medium)  # "quoted by the Philippine News Agency": a medium
                cue.agent = Agent(medium, right.start, right.end, right.how) if medium else None
            continue
        if cue.role == C.CITING and cue.phrase in ("cited", "quoted") and language == "en":
            left = _left_agent(cue, sentence, items, state) or _left_fallback(cue, sentence, items)
            cited_actor = any(i.ref is not None and 0 <= i.start - cue.end < 6 for i in items)  # "cited the ministry"
            if left is not None and not cited_actor and not re.search(r"\bas saying\b", sentence[cue.end:]):
                # "The WHO cited nearly 2,900 injuries": no one quoted — the subject's own statement.
                cue.role = C.SPEECH
                ref = _resolve(left, sentence, state)
                cue.agent = Agent(ref, left.start, left.end, left.how) if ref else None
                continue
            if left is not None and re.search(r"\bas saying\b", sentence[cue.end:]):
                left = _as_medium(left, sentence, state)
                ref = _resolve(left, sentence, state)
                cue.agent = Agent(ref, left.start, left.end, left.how) if ref else None
                right = _right_agent(cue, sentence, items, limit_words=6)
                if right is not None:
                    obj = _resolve(right, sentence, state)
                    cue.object_agent = Agent(obj, right.start, right.end, right.how) if obj else None
            continue
        if cue.role == C.CITING and cue.phrase in ("نقلت", "نقل"):
            # "نقلت وكالة يونهاب عن مسؤولين أن": the agency relays the officials.
            media = _right_agent(cue, sentence, items, limit_words=5)
            # round 10: "ونقل مراسلنا عن …", "نقل مراسل RT عن …": the correspondent's medium (ours: the author)
            media = correspondent(sentence[cue.end:], cue.end, items, state) or media
            source = re.search(r"(?<!\w)عن\s", sentence[cue.end:])
            bracketed = bracketed_medium(sentence[cue.end:cue.end + source.start()], cue.end, state) if source else None
            if source and bracketed is None and (len(sentence[cue.end:cue.end + source.start()].split()) > 6
                                                 or read_quantity(sentence[cue.end:cue.end + source.start()], language="ar")):
                # "مروحياته نقلت ثلاثين مريضا … الناجمة عن": "transported", not "quoted from"
                source = None
            obj = None
            if source:
                after = [i for i in items if i.start >= cue.end + source.end()]
                obj = after[0] if after else None
                if media is not None and media.start >= cue.end + source.start():
                    media = None  # "نقل … عن الوزارة": what follows "عن" is the source, not the medium
            media = bracketed or media  # sixteenth session: 'ونقل موقع (24) عن': the medium's name in brackets
            if media is None and source:
                # "ونقل التلفزيون المغربي عن الوزارة": the one passing it on, a medium no actor names
                between = sentence[cue.end:cue.end + source.start()].strip()
                if 1 <= len(between.split()) <= 4 and not read_quantity(between, language="ar"):
                    begin = sentence.index(between, cue.end)
                    media = _Item(begin, begin + len(between), _proposed_medium(state, _proposed(state, between, "")), "proposed")
            if media is not None:
                ref = _resolve(media, sentence, state)
                cue.agent = Agent(ref, media.start, media.end, media.how) if ref else None
            if source and unnamed_source(sentence[cue.end + source.end():]):
                # round 7: "نقلت سانا عن مصدر في قيادة الشرطة": an unnamed source is officials
                start = cue.end + source.end()
                cue.object_agent = Agent(unnamed_officials(state), start, start + 5, "group")
                continue
            if obj is None and source:
                # round 10: "ونقل مراسلنا عن خلية الإعلام الأمني تأكيدها": a source no actor names, read as a subject
                # is after "عن" ("نقلا عن")
                obj = _ar_agent(replace(cue, end=cue.end + source.end()), sentence, items, state)
            if obj is not None:
                ref = _resolve(obj, sentence, state)
                cue.object_agent = Agent(ref, obj.start, obj.end, obj.how) if ref else None
                words_of = saying_of(cue, obj, sentence, items, state) if ref is not None and ref.is_media else None
                if words_of is not None:
                    # sixteenth session: "نقل … عن “فرانس برس” قول الكولونيل ناو برو": the one whose saying the medium
                    # cited speaks; that medium passes him on, after the one citing it
                    cue.through = (ref,)
                    cue.object_agent = words_of
                    state.remember(words_of.ref)
            continue
        if cue.role == C.CITING and language == "ko":
            ko_citing(cue, sentence, items, state, quotes)  # round 7: "X는 Y를 인용해 보도했다"
            continue

        if language == "el" and cue.role == C.CITING:
            cited = _el_cited_head(cue, sentence, items, state)
            if cited is not None:
                # round 7: "Διπλωματική πηγή που επικαλείται το Reuters αναφέρει …": the head of the relative clause is
                # the one cited (the object of the verb, "που" standing for it), the verb's subject after it cites it
                cue.agent = _agent(cue, sentence, items, state, quotes)
                cue.object_agent = cited
                continue
        # fourteenth session: the earlier verbs are listed only after the words that ask for them (not at every verb)
        previous = language == "ar" and re.match(r"\s*(?:فيه|فيها|خلاله|خلالها)(?!\w)", sentence[cue.end:]) \
            and [c for c in cues if c.end <= cue.start and c.role == C.SPEECH and c.agent and c.agent.ref]
        if previous:
            # "نشر المتحدث … بيانًا ذكر فيه أن …": the verb of a relative clause about the statement has the
            # subject of the verb before it.
            cue.agent = previous[-1].agent
            continue
        cue.agent = _agent(cue, sentence, items, state, quotes)
        # issue 15, twelfth session: an agent phrase that is a description, resolved the same way in every language
        cue.agent = described_agent(cue, sentence, items, state) or cue.agent
        if cue.agent and cue.agent.ref and cue.role == C.SPEECH and not cue.agent.ref.is_media:
            state.remember(cue.agent.ref)  # "The Department told lawmakers it estimates …": "it" is the Department
    # fifteenth session: an Arabic participle of saying ("معلناً") whose sentence opens with no subject of its own is
    # no cue (arabic.participle_subject)
    cues[:] = [c for c in cues if c.agent is not None or not (language == "ar" and c.phrase in C.AR_PARTICIPLES)]
    # issue 15, twelfth session: the words each actor of the sentence is introduced with, for descriptions in the
    # sentences after it
    introduce(sentence, items, [c.end for c in cues], state)
