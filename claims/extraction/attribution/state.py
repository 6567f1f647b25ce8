"""What attribution works with and carries from sentence to sentence: the cues and their agents, the
document's state (named sources of the paragraph and document, proposed actors, the relays of the last figure),
what one sentence gives, and when a source referred back to goes on with its report."""

from dataclasses import dataclass, field

from sources.models import ActorKind

from .. import cues as C
from ..actors import ActorIndex, ActorRef, folded


@dataclass
class Agent:
    ref: ActorRef | None
    start: int
    end: int
    how: str  # mention, descriptor, group, proposed, anaphor, dropped, unnamed
    wanted: str = "any"  # for an anaphor: person, organisation or any
    pronoun: bool = False  # a personal pronoun ("he", "он", "ο ίδιος"): the same speaker going on


@dataclass
class Cue:
    start: int
    end: int
    role: str
    hedge: str
    side: str
    phrase: str
    agent: Agent | None = None
    object_agent: Agent | None = None  # "X cited Y as saying": Y
    # sixteenth session: the media between the one citing and the one cited ("نقل موقع … عن فرانس برس قول الكولونيل …":
    # AFP), nearest the document first
    through: tuple = ()


@dataclass
class DocumentState:
    """What attribution carries from sentence to sentence within one document."""

    language: str
    index: ActorIndex
    narrator: ActorRef
    countries: set[str] = field(default_factory=set)
    text: str = ""  # the whole body, normalised: the context that tells which "health ministry" is meant
    body: str = ""  # round 12: the whole body as written (offsets those of ``text``), for a name found further on
    mentioned: list[ActorRef] = field(default_factory=list)  # every actor named so far, most recent last
    qualifiers: set[str] = field(default_factory=set)  # words that qualified a title ("губернатор Севастополя")
    sources: list[ActorRef] = field(default_factory=list)  # named sources, most recent last
    paragraph_sources: list[ActorRef] = field(default_factory=list)
    proposals: dict[str, ActorRef] = field(default_factory=dict)  # folded name -> proposed ref
    last_relays: list[ActorRef] = field(default_factory=list)  # the relays of the last attributed figure
    last_relays_for: ActorRef | None = None  # whose relays those are
    # The source whose data the sentence before announced ("От МЧС РТ поступили уточненные данные"): what "по
    # последним данным" in the next sentence refers to. Any other sentence with figures forgets it.
    data_source: ActorRef | None = None
    # Fourteenth session: the speaker of the last sentence with figures outside quotations (None: the author, or a
    # sentence whose figures all stood in quotations): whose estimate an agentless passive of estimating goes on with.
    figures_speaker: ActorRef | None = None
    # Fifteenth session: the speaker (and relays) of a paragraph that ended with a colon ("وذلك على النحو الآتي:"): the
    # next paragraph, and a list of bulleted ones after it, goes on with it where it names no source of its own.
    announced: tuple | None = None
    # Round 10: the relays each source's last statement came through, by key (a source named again later, after
    # others spoke, goes on through them: "로이터에 따르면 … 국영TV는 …" … "국영TV는 …").
    relays_by_source: dict[str, list[ActorRef]] = field(default_factory=dict)
    # Issue 15, twelfth session: the words each actor was introduced with (a title or head noun before its name, an
    # apposition after it: "Airline spokesman Tenzing Lama"), most recent last — what a description later refers to
    # (``descriptions.introduced_as``), and what fills a description that waited for the actor named next.
    introductions: list[tuple[list[str], ActorRef]] = field(default_factory=list)

    def relays_of(self, ref: ActorRef | None) -> list[ActorRef]:
        """The relays the last figure of ``ref`` came through: a source going on speaking keeps them. Fourteenth
        session: the last relay of the last figure going on speaking (a lawmaker who relayed a briefing through CNN, now
        saying something of her own) keeps the relays before it, the ones she spoke through."""
        if ref is None:
            return []
        if ref == self.last_relays_for:
            return list(self.last_relays)
        if self.last_relays and self.last_relays[-1] == ref and not ref.is_media:
            return list(self.last_relays[:-1])
        return []

    def relays_after(self, ref: ActorRef | None) -> list[ActorRef]:
        """Fourteenth session: when ``ref`` was itself a relay of the last figure ("По оценкам США, …, заявил директор
        ЦРУ Бернс, передает VOA"), the relays after it in that chain: the person quoted again goes on through the same
        medium ("«…», – заявил Бернс"). Empty when ``ref`` was no relay of it."""
        if ref is None or ref not in self.last_relays:
            return []
        return list(self.last_relays[self.last_relays.index(ref) + 1:])

    def mention(self, ref: ActorRef) -> None:
        if ref in self.mentioned:
            self.mentioned.remove(ref)
        self.mentioned.append(ref)

    def remember(self, ref: ActorRef | None) -> None:
        if ref is None or ref.key == self.narrator.key:
            return
        for bucket in (self.sources, self.paragraph_sources):
            if ref in bucket:
                bucket.remove(ref)
            bucket.append(ref)

    def last(self, wanted: str = "any") -> ActorRef | None:
        """The most recent named source of the paragraph, else of the document; ``wanted`` person or
        organisation asks for one of that kind only ("he" is no ministry, "the ministry" no governor)."""
        for bucket in (self.paragraph_sources, self.sources):
            for ref in reversed(bucket):
                if wanted == "any" or (wanted == "person") == (ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR)):
                    return ref
        return None


@dataclass
class SentenceAttribution:
    claimant: ActorRef | None  # for figures outside quotations; None: the narrator
    hedge: str
    relays: list[ActorRef]
    quote_speakers: list[tuple[int, int, ActorRef | None, list[ActorRef]]]  # (start, end, speaker, relays)
    cues: list[Cue]
    # Every claimant of the figures outside quotations when several assert them together ("according to
    # South Korean and Western intelligence", "Ukraine and Russia said"): ``claimant`` first.
    claimants: list[ActorRef] = field(default_factory=list)
    # The speaker is the report just cited, referred back to ("وبينت الإحصائية الرسمية", "the report also
    # showed"): its figures cover the period of the report's figures before them.
    same_report: bool = False


@dataclass
class _Item:
    start: int
    end: int
    ref: ActorRef | None
    how: str
    wanted: str = "any"


def _carries(agent: Agent) -> bool:
    """A verb without subject, or "the statement" / "в сообщении" / "the ministry", goes on with the same
    report, through the same relays; "the governor said earlier" is a statement of its own. Round 6: so does a
    personal pronoun ("…», — сказал он" after "Об этом со ссылкой на представителя … сообщает ТАСС"): the pronoun is
    the speaker just named, going on through the same medium."""
    return agent.how == "dropped" or (agent.how == "anaphor" and (agent.wanted != "person" or agent.pronoun))


def _continues(sentence: str, language: str) -> bool:
    opening = folded(sentence[:40])
    return any(opening.startswith(folded(phrase)) for phrase in C.CONTINUATIONS.get(language, ()))


def speaker_without_agent(state: DocumentState, *, count: bool = False, going_on: bool = False) -> ActorRef | None:
    """Issue 15, thirteenth session: who states what a verb or phrase with no agent of its own says — one decision for
    every language, taken after the sentence's own speaker was looked for (a name, a description, "the ministry", a
    pronoun; ``agents._agent``) and not found:

    1. ``count``: its subject is a count, a toll, a report, figures or data with no owner named ("the toll stood at",
       "Ο πρώτος απολογισμός έκανε λόγο για", "по последним данным", "الحصيلة"): the report the sentence before
       announced (``data_source``: "От МЧС поступили уточненные данные. По последним данным, …") if there is one, else
       no one — the text's author (None);
    2. ``going_on``: a verb of saying without a subject, a continuation ("in particular", "среди них"): the source last
       named goes on;
    3. otherwise the author (None).
    The author is the credited wire when the text carries one, else the publisher (``DocumentState.narrator``)."""
    if count:
        return state.data_source
    if going_on:
        return state.last()
    return None
