"""Who said it: the speaker of each figure, from the structure of its sentence, in el, en, ko, ar and ru.

For each sentence :func:`attribute` finds the cues (:mod:`claims.extraction.cues`) and the **agent** of
each: for a reporting verb, its subject — on the left in English, Greek and Russian ("Egypt's military
said"; an appositive "X, director of Y, said" is skipped to X), on the right when the verb comes first
("…, ανακοίνωσε το υπουργείο", "сообщили в Минобороны", Arabic "قال X"); in Korean the subject- or
topic-marked phrase before the verb (after the reported clause's "…고", else the sentence's topic); for an
attribution phrase ("according to X", "X에 따르면", "بحسب X") its object. An agent is, in order:

1. an actor named in the text (name, alias or **descriptor**, :mod:`claims.extraction.actors`); names
   inside compounds (북한군) are not agents;
2. a pronoun or definite description ("he", "the ministry", "ο ίδιος", "ведомство", "الوزارة",
   "보건부는") — the last named source of the paragraph (else of the document) of a fitting kind, or the
   one actor the description names ("the defence ministry" when the document mentions Russia);
3. a **proposed actor**: a name with no matching actor ("Governor Yevgeny Balitsky said") — its kind
   guessed from the title words next to it; a later surname alone ("Balitsky said") is the same one;
4. nothing said (pro-drop: "Παράλληλα ανέφερε ότι", "وأضاف أن"): the last named source.

Then the figure's claimant: inside a quotation, the speaker of that quotation; else the object of a
*citing* cue, else the nearest reporting verb's agent, else the *according to* source; a news medium that
only passes it on (it reports someone else speaking, "cited X as saying", "цитирует его РИА Новости",
"told Xinhua", "في تصريح لوكالة") is a **relay**. A figure without any attribution belongs to the text's
author: the wire credited, else the publisher (the ``narrator``).

The package, one job per module: ``state`` (cues, agents, what a document carries), ``cuefinding``, ``names``
(capitalised names no actor has), ``proposing`` (proposed actors), ``countries`` (whose institution),
``descriptions`` (descriptions and pronouns), ``items`` (what may be an agent), ``clauses`` (a verb's subject in
en/el/ru), ``korean``, ``arabic``, ``russian`` (a verb's own clause), ``media`` (relays), ``agents`` (one cue's agent), ``quotes``, ``coordination``
(several claimants), ``chains`` (briefings), ``sentence`` (:func:`attribute`).
"""

from .korean import relative_clause_agent
from .descriptions import CATAPHOR
from .sentence import attribute
from .state import DocumentState, SentenceAttribution

__all__ = ["CATAPHOR", "DocumentState", "SentenceAttribution", "attribute", "relative_clause_agent"]
