"""The words that attribute a statement, per language: reporting verbs, attribution phrases, relays,
titles, pronouns and definite descriptions. Data only; :mod:`claims.extraction.attribution` uses them.

Roles of a cue:

- ``speech``: a reporting verb; its agent (subject) is the speaker: "said", "δήλωσε", "밝혔다", "قال",
  "сообщил";
- ``according``: an attribution phrase whose object is the source: "according to X", "σύμφωνα με X",
  "X에 따르면", "بحسب X", "по данным X". When someone else speaks in the sentence, the source is a relay;
- ``citing``: the speaker passes on what the object said: "citing X", "со ссылкой на X", "نقلا عن X",
  "X cited Y as saying": the object is the claimant and the speaker a relay;
- ``relay``: a verb whose agent only passes a statement on: "цитирует его РИА Новости", "передает ТАСС",
  "пишет сайт", "приводит слова".

Each speech cue has a hedge (asserted, estimated, believed, alleged, denied) and the side its agent is
usually on: ``left`` (English, Greek, Russian subject–verb), ``right`` (Arabic verb–subject; Greek and
Russian postposed "…, ανακοίνωσε το υπουργείο"), Korean agents are always on the left (subject–object–verb).
"""

SPEECH, ACCORDING, CITING, RELAY = "speech", "according", "citing", "relay"

_EN_SPEECH = {
    "said": "asserted", "says": "asserted", "say": "asserted", "told": "asserted", "stated": "asserted",
    "announced": "asserted", "added": "asserted", "reported": "asserted", "wrote": "asserted", "noted": "asserted",
    "confirmed": "asserted", "updated": "asserted", "revealed": "asserted", "disclosed": "asserted",
    "estimated": "estimated", "estimates": "estimated", "is estimating": "estimated", "estimate": "estimated",
    "believes": "believed", "believe": "believed", "claimed": "alleged", "claims": "alleged", "denied": "denied",
    "has said": "asserted", "have said": "asserted", "accused": "asserted", "noting": "asserted",
    "revised": "asserted",  # "authorities revised the toll to 253"
    # round 10: the rest of the class of verbs of saying news copy uses, past and present ("He pointed out that",
    # "Khogyani confirms that", "the minister explained", "Anwar feared that … at least 10 …")
    **{verb: "asserted" for verb in (
        "pointed out", "points out", "explained", "explains", "stressed", "stresses", "emphasized", "emphasised",
        "emphasizes", "emphasises", "confirms", "adds", "tells", "announces", "reveals", "declared", "declares",
        "affirmed", "specified", "clarified", "informed", "warned", "warns")},
    **{verb: "believed" for verb in ("feared", "fears", "expects", "expected")},
    # fourteenth session: forecasts are estimates of their subject ("the Pentagon predicted that 10,000 …")
    **{verb: "estimated" for verb in ("predicted", "predicts", "projected", "projects", "forecast", "forecasts")},
    # sixteenth session: "Officials also increased the death toll from Sunday's eruption to 75": a toll changed by its
    # subject, as "authorities revised the toll to 253" (not the participle "raising the toll to", the writer's total)
    **{f"{verb} the {adjective}{noun}": "asserted" for verb in ("raised", "increased", "lowered", "upped")
       for adjective in ("", "official ", "overall ")
       for noun in ("toll", "death toll", "casualty toll", "number of dead", "number of deaths", "tally")},
    # sixteenth session (second round): "X provided this information at a press briefing", "X gave these figures to
    # reporters": handing over information the text has stated is stating it (the sentence refers back to it)
    **{f"{verb} {determiner} {noun}": "asserted"
       for verb in ("provided", "provides", "gave", "gives", "shared", "shares")
       for determiner in ("this", "these", "the", "those")
       for noun in ("information", "figures", "figure", "details", "data", "numbers", "toll")},
    # "The U.N. and Congo's government had earlier put the provisional death toll at 773"
    **{f"{verb} the {adjective}{noun} at": "asserted" for verb in ("put", "puts", "putting", "placed", "places")
       for adjective in ("", "provisional ", "official ", "preliminary ", "latest ", "overall ")
       for noun in ("toll", "death toll", "number of dead", "number of deaths",
                    # round 10: "put the figure at 13", "put the tally at"
                    "figure", "tally", "number")},
}
_EL_SPEECH = {
    "δήλωσε": "asserted", "δήλωσαν": "asserted", "ανέφερε": "asserted", "ανέφεραν": "asserted", "αναφέρει": "asserted",
    "πρόσθεσε": "asserted", "είπε": "asserted", "τόνισε": "asserted", "ανακοίνωσε": "asserted",
    "ανακοίνωσαν": "asserted", "μετέδωσε": "asserted", "επισήμανε": "asserted", "σημείωσε": "asserted",
    "εξήγησε": "asserted", "διευκρίνισε": "asserted", "επεσήμανε": "asserted", "επεσήμαναν": "asserted",
    "επισήμαναν": "asserted", "συμπλήρωσε": "asserted", "έγραψε": "asserted",
    "έκανε λόγο": "asserted", "έκαναν λόγο": "asserted", "κάνει λόγο": "asserted", "έχει αναφέρει": "asserted",
    "εκτίμησε": "estimated", "εκτιμά": "estimated", "εκτιμούν": "estimated", "πιστεύει": "believed",
    # fourteenth session: forecasts ("το υπουργείο προέβλεψε ότι …")
    "προέβλεψε": "estimated", "προέβλεψαν": "estimated", "προβλέπει": "estimated", "προβλέπουν": "estimated",
    "πιστεύουν": "believed", "θεωρεί": "believed", "θεωρούν": "believed", "αρνήθηκε": "denied", "απέρριψε": "denied",
    "χαρακτήρισε": "asserted", "έκανε γνωστό": "asserted", "έκανε γνωστή": "asserted", "έκανε γνωστά": "asserted",
    "έκαναν γνωστό": "asserted", "γνωστοποίησε": "asserted", "κατέγραψε": "asserted", "μετέφερε": "asserted",
    "αναθεώρησε": "asserted", "αναθεώρησαν": "asserted",  # "οι αρχές αναθεώρησαν … τον απολογισμό"
    "μιλούσαν για": "asserted", "μίλησαν για": "asserted", "μίλησε για": "asserted", "μιλούν για": "asserted",
    "μιλά για": "asserted",
    # perfect and pluperfect: "είχε δηλώσει ότι", "έχει ανακοινώσει"
    **{f"{aux} {verb}": "asserted" for aux in ("έχει", "είχε", "έχουν", "είχαν")
       for verb in ("δηλώσει", "αναφέρει", "ανακοινώσει", "πει", "τονίσει", "γνωστοποιήσει", "επιβεβαιώσει",
                    "μεταδώσει", "κάνει λόγο")},
    **{f"{aux} εκτιμήσει": "estimated" for aux in ("έχει", "είχε", "έχουν", "είχαν")},
    # Round 6: confirming and informing, and the present of statements ("επιβεβαίωσε τον θάνατο 4 ατόμων",
    # "δηλώνει ο υπουργός"); "υποστήριξε" / "ισχυρίστηκε" (claimed) is an allegation
    "επιβεβαίωσε": "asserted", "ενημέρωσε": "asserted", "δηλώνει": "asserted", "δηλώνουν": "asserted",
    "ανακοινώνει": "asserted", "ανακοινώνουν": "asserted", "επιβεβαιώνει": "asserted", "επιβεβαιώνουν": "asserted",
    "σημειώνει": "asserted", "τονίζει": "asserted", "γράφει": "asserted",
    "υποστήριξε": "alleged", "ισχυρίστηκε": "alleged",
    # Round 7: the present of the other verbs of saying and relaying, singular and plural, as news copy writes them in
    # the historic present ("…, μεταδίδει το Reuters", "Οι ένοπλες δυνάμεις αναφέρουν ότι", "λέει ο υπουργός")
    **{form: "asserted" for form in (
        "μεταδίδει", "μεταδίδουν", "αναφέρουν", "λέει", "λένε", "προσθέτει", "προσθέτουν", "επισημαίνει",
        "επισημαίνουν", "σημειώνουν", "τονίζουν", "γράφουν", "εξηγεί", "εξηγούν", "διευκρινίζει", "διευκρινίζουν",
        "υπογραμμίζει", "υπογραμμίζουν", "υπογράμμισε", "γνωστοποιεί", "γνωστοποιούν", "ενημερώνει", "συμπληρώνει")},
    # Round 9: reckoning is estimating ("Η Παγκόσμια Τράπεζα υπολογίζει ότι", "οι αρχές υπολόγισαν ότι")
    "υπολογίζει": "estimated", "υπολογίζουν": "estimated", "υπολόγισε": "estimated",
    # round 9: other verbs of saying in news copy — making clear, assuring, revealing, warning, denouncing ("ξεκαθάρισε
    # ότι", "προειδοποιεί ότι", "κατήγγειλε ότι"); claiming, in the present too, is an allegation ("υποστηρίζει ότι",
    # "ισχυρίζεται ότι"); "κάνουν λόγο" is the plural of "κάνει λόγο"
    "ξεκαθάρισε": "asserted", "διαβεβαίωσε": "asserted", "αποκάλυψε": "asserted", "προειδοποίησε": "asserted",
    "προειδοποιεί": "asserted", "προειδοποιούν": "asserted", "κατήγγειλε": "asserted", "κατήγγειλαν": "asserted",
    "καταγγέλλει": "asserted", "καταγγέλλουν": "asserted", "κάνουν λόγο": "asserted",
    "υποστηρίζει": "alleged", "υποστηρίζουν": "alleged", "ισχυρίζεται": "alleged", "ισχυρίζονται": "alleged",
    # ("καταγράφει" is left out: folded it is also "καταγραφεί", the passive of "έχει καταγραφεί", has been recorded)
    # Round 10: going on ("συνέχισε ο Γιμίρε") is a verb of saying; and the verbs of counting and recording, whose
    # subject is the source of the count ("το Νέο Δελχί καταγράφει 15 αμάχους νεκρούς", "οι αρχές μετρούσαν 2.900
    # τραυματίες") — their forms that fold like a passive ("να καταγραφεί", "έχουν καταγραφεί") are told apart by the
    # word before them (:data:`EL_PASSIVE_BEFORE`)
    "συνέχισε": "asserted", "συνεχίζει": "asserted",
    **{form: "asserted" for form in ("καταγράφει", "καταγράφουν", "κατέγραψαν", "μετρά", "μετρούν", "μετρούσε",
                                     "μετρούσαν", "μέτρησε")},
    # fifteenth session: posting ("ανάρτησε στο X ότι", both spellings of the augment), repeating and admitting are
    # saying ("επανέλαβε ότι", "παραδέχθηκε ότι"); denying a figure is a denial ("διέψευσε ότι")
    **{form: "asserted" for form in ("ανάρτησε", "ανήρτησε", "αναρτά", "επανέλαβε", "επαναλαμβάνει", "παραδέχθηκε",
                                     "παραδέχτηκε", "παραδέχεται", "παραδέχθηκαν", "παραδέχτηκαν", "παραδέχονται")},
    "διέψευσε": "denied", "διαψεύδει": "denied", "διαψεύδουν": "denied",
    # sixteenth session: the imperfect of referring to a figure ("Νωρίτερα, αναφερόταν σε 4 νεκρούς"): the speaker's
    # earlier count, the subject dropped as after any verb of saying
    "αναφερόταν": "asserted", "αναφέρονταν": "asserted",
    # issuing a statement is announcing ("Το Λιμενικό εξέδωσε ανακοίνωση. Σε αυτήν αναφέρεται ότι …")
    **{f"{verb} {noun}": "asserted" for verb in ("εξέδωσε", "εκδίδει", "έβγαλε")
       for noun in ("ανακοίνωση", "δελτίο τύπου", "νέα ανακοίνωση")},
}
# Round 6: a plural subject takes the plural of every aorist ("οι αρχές επιβεβαίωσαν", "αξιωματούχοι εξήγησαν"):
# the third person plural of each single-word aorist in -ε is the same stem in -αν.
_EL_SPEECH.update({f"{verb[:-1]}αν": hedge for verb, hedge in list(_EL_SPEECH.items())
                   if " " not in verb and verb.endswith("ε") and f"{verb[:-1]}αν" not in _EL_SPEECH})
# Greek round: the perfect and pluperfect of every reporting verb, from its aorist — the auxiliary (έχει, είχε, έχουν,
# είχαν) and the non-finite form, which is the aorist stem in -ει ("δήλωσε" → "έχει δηλώσει", "επιβεβαίωσε" → "είχε
# επιβεβαιώσει"; accents are compared folded) without the augment of the past ("ανέφερε" → "αναφέρει", "μετέδωσε" →
# "μεταδώσει", "έκανε λόγο" → "κάνει λόγο"); an adverb may stand between the auxiliary and the verb ("είχε προηγουμένως
# επιβεβαιώσει", "έχει ήδη ανακοινώσει"). Matched by :func:`claims.extraction.attribution.cuefinding.find_cues`.
EL_AUXILIARIES = ("έχει", "είχε", "έχουν", "είχαν")
EL_ADVERBS = ("ήδη", "νωρίτερα", "προηγουμένως", "επίσημα", "επίσης", "ακόμη", "ακόμα", "μόλις", "χθες", "σήμερα",
              "αρχικά", "πρόσφατα", "νωρίς", "εν τω μεταξύ")
_EL_AUGMENTS = (("επανέ", "επανα"), ("ανήρ", "αναρ"), ("ανέ", "ανα"), ("μετέ", "μετα"), ("κατέ", "κατα"), ("απέρ", "απορ"), ("επεσ", "επισ"), ("έγ", "γ"),
                ("έκ", "κ"), ("είπ", "π"))


def _el_nonfinite(aorist: str) -> str:
    first, rest = (aorist.split(" ", 1) + [""])[:2]
    for augmented, plain in _EL_AUGMENTS:
        if first.startswith(augmented):
            first = plain + first[len(augmented):]
            break
    # the passive aorist in -ηκε has its non-finite form in -εί ("αρνήθηκε" → "έχει αρνηθεί")
    first = first[:-3] + "εί" if first.endswith("ηκε") else first + "ι"
    return (first + (" " + rest if rest else "")).strip()

EL_PERFECTS = {_el_nonfinite(verb): hedge for verb, hedge in _EL_SPEECH.items()
               if verb.split(" ")[0].endswith("ε") and not verb.startswith(("έχει", "είχε", "έχουν", "είχαν"))}


_RU_SPEECH = {
    **{f"{stem}{ending}": "asserted" for stem in ("сообщил", "заявил", "отметил", "уточнил", "рассказал", "сказал",
                                                   "добавил", "написал", "подчеркнул", "отчитал", "назвал", "признал",
                                                   "зафиксировал", "зарегистрировал", "насчитал", "подтвердил",
                                                   "объявил", "констатировал", "указал", "доложил", "озвучил",
                                                   "опубликовал", "сообщал", "заявлял",
                                                   # fifteenth session: a medium's own report in the past ("газета
                                                   # Daily Mail писала, что …"); the present "пишет" stays a relay
                                                   "писал")
       for ending in ("", "а", "и", "о")},
    "говорится": "asserted", "указывает": "asserted", "указывают": "asserted", "сказано": "asserted", "отмечается": "asserted", "сообщается": "asserted", "сообщает": "asserted", "сообщают": "asserted", "заявляет": "asserted", "подтверждает": "asserted",
    "подтверждают": "asserted", "отмечает": "asserted", "уточняет": "asserted", "информирует": "asserted",
    "оценил": "estimated", "оценила": "estimated", "оценили": "estimated", "оценивает": "estimated",
    "считает": "believed", "считают": "believed", "опроверг": "denied", "опровергли": "denied",
    # fourteenth session: forecasts ("Минобороны прогнозирует, что …")
    "прогнозирует": "estimated", "прогнозируют": "estimated", "спрогнозировал": "estimated",
    "спрогнозировала": "estimated", "спрогнозировали": "estimated", "предсказал": "estimated",
    # Round 6: what a document's data say ("…, гласят данные Агентства по чрезвычайным ситуациям"): the data's owner
    "гласят": "asserted", "гласит": "asserted",
    "лишилась": None, "потеряли": None,  # not cues: kept out explicitly so that no stem rule adds them
}
_KO_SPEECH = {
    "밝혔다": "asserted", "밝혔습니다": "asserted", "밝혔으며": "asserted", "밝힌 바 있다": "asserted",
    "밝힌 바 있습니다": "asserted",
    "말했다": "asserted", "말했습니다": "asserted", "전했다": "asserted", "전했습니다": "asserted",
    "보도했다": "asserted", "보도했습니다": "asserted", "발표했다": "asserted", "발표했습니다": "asserted",
    "알렸다": "asserted", "설명했다": "asserted", "덧붙였다": "asserted", "집계했다": "asserted",
    "확인했다": "asserted", "파악했다": "asserted", "공개했다": "asserted", "주장했다": "alleged",
    "추정했다": "estimated", "추산했다": "estimated", "추정된다고": "estimated", "보고 있다": "believed",
    "부인했다": "denied", "분석했다": "estimated", "전망했다": "believed",
    # fourteenth session: forecasts ("…것으로 예측했다") and the progressive of estimating ("…것으로 추정하고 있다")
    "예측했다": "estimated", "예상했다": "believed", "추정하고 있다": "estimated", "추산하고 있다": "estimated",
    "예측하고 있다": "estimated",
    # round 8: "…실종됐다고 희생자 현황을 정정했다" (corrected its count)
    "정정했다": "asserted", "정정했습니다": "asserted", "수정했다": "asserted",
    # connective forms that go on with a clause ("…에 달한다고 말해 사상자수가 더 늘어날 것으로 보인다")
    "말해": "asserted", "밝혀": "asserted", "전해": "asserted", "말하며": "asserted", "밝히며": "asserted",
    # passives: "was counted", "was found" — said by the source being reported, never by their topic
    "집계됐다": "asserted", "파악됐다": "asserted", "집계됐습니다": "asserted", "파악됐습니다": "asserted",
    "확인됐다": "asserted", "확인됐습니다": "asserted",
}
# round 8: every verb in the polite style of broadcast copy as well ("덧붙였습니다", "설명했습니다", "알렸습니다")
_KO_SPEECH.update({verb[:-1] + "습니다": hedge for verb, hedge in list(_KO_SPEECH.items())
                   if verb.endswith("다") and not verb.endswith("습니다") and verb[:-1] + "습니다" not in _KO_SPEECH})
KO_PASSIVE = ("집계됐다", "파악됐다", "집계됐습니다", "파악됐습니다", "확인됐다", "확인됐습니다")
# Fourteenth session: agentless passives of estimating ("…으로 추산된다", "εκτιμάται ότι", "оцениваются в", "are
# estimated at"): the estimate of the source last named (``attribution.agents.passive_estimate``). English writes the
# passive with an auxiliary before "estimated" (``EN_PASSIVE_BEFORE``); Arabic's "يقدر" is the active verb as well when
# written without vowels, so it has none.
ESTIMATE_PASSIVES = {
    "ko": ("추산된다", "추정된다", "추산됐다", "추정됐다", "추산된다고", "추산됩니다", "추정됩니다"),
    "el": ("εκτιμάται", "εκτιμώνται", "υπολογίζεται", "υπολογίζονται"),
    "ru": ("оценивается", "оцениваются", "оценивалось", "оценивались"),
}
EN_PASSIVE_BEFORE = r"(?<!\w)(?:is|are|was|were|been|be)\s+(?:now\s+|currently\s+|also\s+)?$"
for _speech, _language in ((_KO_SPEECH, "ko"), (_EL_SPEECH, "el"), (_RU_SPEECH, "ru")):
    _speech.update({verb: "estimated" for verb in ESTIMATE_PASSIVES[_language] if verb not in _speech})
_AR_SPEECH = {
    "قال": "asserted", "قالت": "asserted", "أعلن": "asserted", "أعلنت": "asserted", "أفاد": "asserted",
    "أفادت": "asserted", "ذكر": "asserted", "ذكرت": "asserted", "أضاف": "asserted", "أضافت": "asserted",
    "تابع": "asserted", "تابعت": "asserted",
    # round 12: "وأردف:" (he went on), "واستطرد" (he continued): verbs of saying that go on with the speaker
    "أردف": "asserted", "أردفت": "asserted", "استطرد": "asserted", "استطردت": "asserted", "أكد": "asserted", "أكدت": "asserted", "أوضح": "asserted",
    "أوضحت": "asserted", "أشار": "asserted", "أشارت": "asserted", "كشف": "asserted", "كشفت": "asserted",
    "أبلغ": "asserted", "أبلغت": "asserted", "صرح": "asserted", "صرحت": "asserted", "نشر": "asserted",
    "نشرت": "asserted", "قدر": "estimated", "قدرت": "estimated",
    "يعتقد": "believed", "تعتقد": "believed", "نفى": "denied", "نفت": "denied",
    # fourteenth session: forecasts ("وتوقعت الوزارة مقتل 600")
    "توقع": "estimated", "توقعت": "estimated", "يتوقع": "estimated", "تتوقع": "estimated",
    # Round 8: admitting ("أقر جيش الاحتلال بمقتل 11"): the admitted figure is the one who admits it
    "أقر": "asserted", "أقرت": "asserted", "يقر": "asserted", "تقر": "asserted",
    # the present tense of headlines: "الجيش السوداني يُعلن وفاة 8 مواطنين"
    "يعلن": "asserted", "تعلن": "asserted", "يقول": "asserted", "تقول": "asserted", "يؤكد": "asserted",
    "تؤكد": "asserted", "يكشف": "asserted", "تكشف": "asserted", "يفيد": "asserted", "تفيد": "asserted",
    # "showed", "counted": what a report's figures do ("وبينت الإحصائية الرسمية إصابة 300 شخص", "أظهرت البيانات")
    "بينت": "asserted", "أظهر": "asserted", "أظهرت": "asserted", "يظهر": "asserted", "تظهر": "asserted",
    "أحصى": "asserted", "أحصت": "asserted",
    # Round 10: the rest of the class — the present tense of pointing out, mentioning, explaining and adding ("وتشير
    # الأمم المتحدة إلى مقتل …", "يذكر المرصد أن"), and the past of reporting, documenting and admitting ("أوردت الوكالة",
    # "وثق المرصد مقتل", "اعترف الجيش بمقتل")
    "يشير": "asserted", "تشير": "asserted", "يذكر": "asserted", "تذكر": "asserted", "يوضح": "asserted",
    "توضح": "asserted", "يضيف": "asserted", "تضيف": "asserted", "يحصي": "asserted", "تحصي": "asserted",
    "أورد": "asserted", "أوردت": "asserted", "وثق": "asserted", "وثقت": "asserted", "يوثق": "asserted",
    "توثق": "asserted", "اعترف": "asserted", "اعترفت": "asserted",
}

# Fifteenth session: circumstantial participles of saying ("معلناً أن", "مؤكدة أن"), masculine and feminine; their subject
# is the one of the verb that opens the sentence (attribution.arabic.participle_subject).
AR_PARTICIPLES = ("معلنا", "معلنة", "مؤكدا", "مؤكدة", "مضيفا", "مضيفة", "موضحا", "موضحة", "مشيرا", "مشيرة", "لافتا",
                  "لافتة")

# Sixteenth session (second Arabic round): raising, distributing or updating a toll is stating it ("ووزّع المرصد الحصيلة
# على الشكل التالي: 226 …", "ورفعت الوزارة الحصيلة إلى 40"): the verb, its subject in up to four words, then the toll
# (attribution.cuefinding). Only before the toll: "رفعت السلطات حالة الطوارئ" is no verb of saying.
AR_TOLL_VERBS = ("وزع", "وزعت", "يوزع", "توزع", "رفع", "رفعت", "يرفع", "ترفع")
AR_TOLL_NOUNS = ("حصيلة", "الحصيلة", "حصيلتها", "حصيلته")

# (phrase, role, hedge, side): side is where the agent is (left/right) in the usual order.
CUES = {
    "en": [
        *[(phrase, SPEECH, hedge, "left") for phrase, hedge in _EN_SPEECH.items()],
        ("according to", ACCORDING, "asserted", "right"), ("citing", CITING, "asserted", "right"),
        ("reports", RELAY, "asserted", "left"),  # "…, Kyodo reports.": a wire passing the sentence on
        ("cited", CITING, "asserted", "right"), ("quoted", CITING, "asserted", "right"),
        # fifteenth session: "the daily reported quoting the ministry as saying", "Quoting unidentified sources, he said"
        ("quoting", CITING, "asserted", "right"),
        # passives with their agent: "described by the ministry as civilians", "figures released by the UN"
        *[(f"{verb} by", ACCORDING, "asserted", "right") for verb in (
            "described", "reported", "announced", "confirmed", "given", "released", "provided", "compiled", "cited")],
    ],
    "el": [
        *[(phrase, SPEECH, hedge, "left") for phrase, hedge in _EL_SPEECH.items()],
        ("σύμφωνα με", ACCORDING, "asserted", "right"),
        # greek round: "κατά" with the accusative of a source is "according to" ("κατά επίσημες συγκλίνουσες πηγές", "κατά
        # το ΑΜΠΕ", "κατά τον υπουργό"); before anything else it is "during" or "by" ("κατά τη διάρκεια", "κατά 27%") —
        # :data:`EL_KATA_SOURCE` tells them apart
        ("κατά", ACCORDING, "asserted", "right"),
        # round 9: "με βάση" (on the basis of) before figures or a report is "according to" their source ("με βάση
        # στοιχεία του ΟΗΕ"); before anything else it is no attribution ("με βάση το σχέδιο") — :data:`EL_BASIS_SOURCE`
        ("με βάση", ACCORDING, "asserted", "right"),
        # round 9: the passive of a reporting verb with its agent ("όπως ανακοινώθηκε από το υπουργείο Υγείας",
        # "επιβεβαιώθηκε από την αστυνομία"): the agent after "από" is the source, as after "reported by"
        *[(f"{verb} από", ACCORDING, "asserted", "right") for verb in (
            "ανακοινώθηκε", "ανακοινώθηκαν", "αναφέρθηκε", "αναφέρθηκαν", "επιβεβαιώθηκε", "επιβεβαιώθηκαν",
            "γνωστοποιήθηκε", "μεταδόθηκε", "δηλώθηκε")],
        # impersonal passives naming where it is said: "γνωστοποιείται στο επίσημο έγγραφο των αρχών", "αναφέρεται
        # στην ανακοίνωση" (as "говорится в сообщении")
        *[(form, ACCORDING, "asserted", "right") for form in ("γνωστοποιείται", "αναφέρεται", "σημειώνεται",
                                                               "επισημαίνεται", "τονίζεται")],
        *[(form, CITING, "asserted", "right") for form in ("επικαλούμενο", "επικαλούμενος", "επικαλούμενη",
                                                            "επικαλούμενοι", "επικαλείται", "επικαλούνται",
                                                            # sixteenth session: the aorist ("ανακοίνωση … που
                                                            # επικαλέστηκε το πρακτορείο SABA"), both spellings
                                                            "επικαλέστηκε", "επικαλέστηκαν", "επικαλέσθηκε",
                                                            "επικαλέσθηκαν")],
    ],
    "ru": [
        *[(phrase, SPEECH, hedge, "left") for phrase, hedge in _RU_SPEECH.items() if hedge],
        ("по данным", ACCORDING, "asserted", "right"), ("по словам", ACCORDING, "asserted", "right"),
        ("по информации", ACCORDING, "asserted", "right"), ("по оценке", ACCORDING, "estimated", "right"),
        ("по оценкам", ACCORDING, "estimated", "right"), ("по сведениям", ACCORDING, "asserted", "right"),
        ("как сообщает", ACCORDING, "asserted", "right"), ("согласно", ACCORDING, "asserted", "right"),
        ("по сообщению", ACCORDING, "asserted", "right"), ("по сообщениям", ACCORDING, "asserted", "right"),
        # without a source of their own ("Так, по последним данным, …"): the data of the source just named
        *[(f"по {adjective} {noun}", ACCORDING, "asserted", "right") for adjective, noun in (
            ("последним", "данным"), ("предварительным", "данным"), ("уточненным", "данным"), ("уточнённым", "данным"),
            ("имеющимся", "данным"), ("последней", "информации"), ("предварительной", "информации"),
            ("имеющейся", "информации"), ("последним", "сведениям"),
            # fourteenth session: an earlier report ("по предыдущим данным Минздрава"): its owner after it
            ("предыдущим", "данным"), ("предыдущей", "информации"), ("предыдущим", "оценкам"),
            ("прежним", "данным"))],
        # "От МЧС РТ поступили уточненные данные": the data came from X
        *[(f"{verb} {adjective}{noun}", SPEECH, "asserted", "left") for verb in ("поступили", "поступила", "поступило")
          for adjective in ("", "уточненные ", "уточнённые ", "новые ", "последние ", "предварительные ")
          for noun in ("данные", "сведения", "информация")],
        # round 12: official data ("по официальным данным властей двух стран"): their owner after them, else unnamed
        # officials (as "официальные данные" alone are)
        *[(f"по {adjective} {noun}", ACCORDING, "asserted", "right") for adjective, noun in (
            ("официальным", "данным"), ("официальным", "сведениям"), ("официальной", "информации"))],
        ("со ссылкой на", CITING, "asserted", "right"), ("ссылаясь на", CITING, "asserted", "right"), ("цитирует", RELAY, "asserted", "right"),
        # fifteenth session: the plural "со ссылками на" and "ссылаясь" with its preposition left out ("сообщает ТАСС,
        # ссылаясь источники в спасательных службах")
        ("со ссылками на", CITING, "asserted", "right"), ("ссылаясь", CITING, "asserted", "right"),
        ("передает", RELAY, "asserted", "right"), ("передаёт", RELAY, "asserted", "right"),
        ("пишет", RELAY, "asserted", "right"), ("приводит слова", RELAY, "asserted", "right"),
        ("приводит заявление", RELAY, "asserted", "right"), ("приводит данные", RELAY, "asserted", "right"),
        # "— приводит ТАСС слова Гладкова", "в сообщении Минобороны, которое приводит ТАСС"
        ("приводит", RELAY, "asserted", "right"), ("приводят", RELAY, "asserted", "right"),
        # passives with their agent in the instrumental: "Эти данные были озвучены Министерством здравоохранения"
        ("были озвучены", ACCORDING, "asserted", "right"), ("были опубликованы", ACCORDING, "asserted", "right"),
        ("были названы", ACCORDING, "asserted", "right"), ("были приведены", ACCORDING, "asserted", "right"),
        # round 12: the past of "приводить данные" with its subject before it ("МВД Франции привело обновленные данные,
        # согласно которым …"): the subject gives its own figures (the present "приводит данные" is a medium relaying)
        *[(f"{verb} {adjective}{noun}", SPEECH, "asserted", "left") for verb in ("привел", "привёл", "привела", "привело",
                                                                                 "привели")
          for adjective in ("", "обновленные ", "обновлённые ", "новые ", "последние ", "уточненные ", "уточнённые ",
                            "предварительные ", "официальные ")
          for noun in ("данные", "сведения", "цифры")],
    ],
    "ko": [
        *[(phrase, SPEECH, hedge, "left") for phrase, hedge in _KO_SPEECH.items()],
        ("에 따르면", ACCORDING, "asserted", "left"), ("따르면", ACCORDING, "asserted", "left"),
        ("에 의하면", ACCORDING, "asserted", "left"), ("의 공식 집계", ACCORDING, "asserted", "left"),
        # "NHK 보도를 종합하면" (putting NHK's reports together)
        ("를 종합하면", ACCORDING, "asserted", "left"), ("을 종합하면", ACCORDING, "asserted", "left"),
        ("의 집계", ACCORDING, "asserted", "left"), ("의 추정", ACCORDING, "estimated", "left"),
        ("의 추산", ACCORDING, "estimated", "left"), ("을 인용해", CITING, "asserted", "left"),
        ("를 인용해", CITING, "asserted", "left"),
    ],
    "ar": [
        *[(phrase, SPEECH, hedge, "right") for phrase, hedge in _AR_SPEECH.items()],
        *[(phrase, SPEECH, "asserted", "right") for phrase in AR_PARTICIPLES],
        ("وفقا لـ", ACCORDING, "asserted", "right"), ("وفقاً لـ", ACCORDING, "asserted", "right"),
        ("وفقا ل", ACCORDING, "asserted", "right"), ("وفقاً ل", ACCORDING, "asserted", "right"),
        ("بحسب", ACCORDING, "asserted", "right"), ("حسب", ACCORDING, "asserted", "right"),
        # "وجاء في بيان صادر عن X" (it came in a statement issued by X)
        ("جاء في", ACCORDING, "asserted", "right"),
        ("وفق", ACCORDING, "asserted", "right"), ("نقلا عن", CITING, "asserted", "right"),
        # "وفقًا لما أعلنته الحكومة", "بحسب ما ذكرت الوزارة": according to what X announced
        ("وفقا لما", ACCORDING, "asserted", "right"), ("وفقاً لما", ACCORDING, "asserted", "right"),
        ("بحسب ما", ACCORDING, "asserted", "right"), ("حسب ما", ACCORDING, "asserted", "right"),
        ("نقلاً عن", CITING, "asserted", "right"), ("نقلت", CITING, "asserted", "right"),
        ("نقل", CITING, "asserted", "right"),
    ],
}

# Round 10: the words after which a form of "καταγράφω" or "μετρώ" is a passive or a subjunctive, not the source's verb
# ("έχουν καταγραφεί", "θα καταγραφούν", "να μετρούν"); normalised text (no accents).
EL_PASSIVE_BEFORE = r"(?<!\w)(?:εχει|εχουν|ειχε|ειχαν|να|θα|δεν|εχουμε)\s+$"
# Round 10: the passive aorists of reporting verbs ("ανακοινώθηκε", "έγινε γνωστό"): with their agent after "από",
# whatever adverbs stand between them ("έγινε σήμερα γνωστό από αστυνομική πηγή", "ανακοινώθηκε χθες από το υπουργείο"),
# the agent is the source, as after "reported by".
EL_PASSIVE_REPORTS = ("ανακοινώθηκε", "ανακοινώθηκαν", "αναφέρθηκε", "αναφέρθηκαν", "επιβεβαιώθηκε", "επιβεβαιώθηκαν",
                      "γνωστοποιήθηκε", "γνωστοποιήθηκαν", "μεταδόθηκε", "μεταδόθηκαν", "δηλώθηκε", "διευκρινίστηκε",
                      "επισημάνθηκε", "τονίστηκε", "υπογραμμίστηκε", "έγινε γνωστό", "έγινε γνωστή", "έγιναν γνωστά",
                      "έγινε γνωστός")

# What "κατά" must be followed by to mean "according to": (an article and up to two adjectives, then) sources or
# information, officials, estimates, a title, or a capitalised name — and then the clause ends.
EL_KATA_SOURCE = (r"\s+(?:(?:τον|την|τη|το|τους|τις|τα)\s+)?(?:[α-ωάέήίόύώϊϋΐΰ]+\s+){0,2}?"
                  r"(?:πηγ\w+|πληροφορ\w+|εκτιμήσ\w+|αξιωματούχ\w+|αρχές|εκπρόσωπο\w*|υπουργ\w+|"
                  # round 9: the police, the government, rescuers ("κατά την αστυνομία", "κατά την κυβέρνηση")
                  r"αστυνομ\w+|κυβέρνησ\w+|διασώστ\w+|"
                  r"[Α-ΩΆΈΉΊΌΎΏA-Z][^\s,.;]*(?:\s+[Α-ΩΆΈΉΊΌΎΏA-Z][^\s,.;]*){0,3})"
                  # round 10: with a genitive complement ("κατά πηγές του στρατού", "κατά αξιωματούχους της κυβέρνησης")
                  r"(?:\s+(?:του|της|των)\s+[^\s,.;]+(?:\s+[Α-ΩΆΈΉΊΌΎΏA-Z][^\s,.;]*)?)?\s*(?:[,.;)]|$)")

# Round 9: what "με βάση" must be followed by to mean "according to": (an article and up to two adjectives, then) figures,
# estimates, information, a report or a statement — "με βάση στοιχεία του ΟΗΕ", "με βάση τις εκτιμήσεις της αστυνομίας".
EL_BASIS_SOURCE = (r"\s+(?:(?:τα|τις|την|τη|το|τους)\s+)?(?:[α-ωάέήίόύώϊϋΐΰ]+\s+){0,2}?"
                   r"(?:στοιχεί\w*|εκτιμήσ\w*|πληροφορ\w*|δεδομέν\w*|ανακοίνωσ\w*|αναφορ\w*|απολογισμ\w*|μετρήσ\w*)(?!\w)")

# Words that open a reported clause: a cue followed by one has its agent before it (or left out).
COMPLEMENTIZERS = {
    "en": ("that",), "el": ("ότι", "πως"), "ru": ("что",), "ar": ("أن", "إن", "بأن", "أنه", "إنه"), "ko": (),
}

# Titles: before a name they give the proposed actor's kind; alone ("the governor") they refer back.
PERSON_TITLES = {
    "en": ["governor", "spokesman", "spokesperson", "spokeswoman", "minister", "president", "mayor", "director",
           "commander", "general", "lieutenant", "colonel", "chief", "head", "secretary", "ambassador", "envoy",
           "prime minister", "deputy", "coordinator", "dr", "official", "senator", "sen", "rep", "reps"],
    "el": ["κυβερνήτης", "κυβερνήτη", "περιφερειάρχης", "περιφερειάρχη", "εκπρόσωπος", "πρόεδρος", "προέδρου",
           "υπουργός", "υπουργό", "υπουργού", "δήμαρχος", "δήμαρχου", "διευθυντής", "επικεφαλής", "στρατηγός", "πρέσβης",
           "εκπρόσωπο", "εκπροσώπου", "διευθυντή", "δήμαρχο", "αναπληρωτής", "γενικός διευθυντής",
           # sixteenth session: the doctor's title, abbreviated ("ο Δρ. Ανίς αλ Ασμπάχι"), is a title, never a name
           "δρ", "δρα"],
    "ru": ["губернатор", "губернатора", "глава", "главы", "представитель", "председатель", "министр", "директор",
           "руководитель", "президент", "мэр", "замгенсека", "генсек", "командующий", "пресс-секретарь",
           "пресс-секретаря", "представителя", "министра", "директора", "руководителя", "президента", "мэра", "начальник", "начальника",
           "помощник", "помощника", "заместитель", "заместителя"],
    "ko": ["대변인", "장관", "대통령", "주지사", "시장", "국장", "사령관", "대표", "총장", "차관"],
    "ar": ["المتحدث", "الناطق", "رئيس", "مدير", "المدير", "وزير", "الوزير", "الدكتور", "د.", "منسق", "العميد",
           "اللواء", "الأمين", "محافظ", "المحافظ", "السفير", "نائب", "النائب", "الرئيس",
           # sixteenth session: ranks written as in English or French ("الكولونيل ناو برو")
           "الكولونيل", "الجنرال"],
}
LEGISLATOR_TITLES = {"lawmaker", "mp", "rep", "reps", "sen", "senator", "βουλευτής", "депутат", "의원", "النائب"}
ORGANISATION_WORDS = {
    "en": ["ministry", "office", "agency", "council", "committee", "union", "service", "department", "team", "commission",
           "observatory", "organisation", "organization", "institute", "centre", "center", "authority",
           # round 9: "World Food Programme", "UN Population Fund", "Red Crescent Society": an organisation's whole name
           "programme", "program", "fund", "foundation", "society",
           # round 12: the other nouns an English organisation's name is built on ("National Bureau for Risk …")
           "bureau", "directorate", "board", "federation", "association"],
    "el": ["υπουργείο", "υπηρεσία", "γραφείο", "επιτροπή", "διοίκηση", "παρατηρητήριο", "οργάνωση", "οργανισμός",
           "ινστιτούτο", "κέντρο", "ένωση", "αρχή",
           # sixteenth session: the other nouns a Greek organisation's name is built on, as in English ("Διεθνής
           # Ομοσπονδία Συλλόγων Ερυθρού Σταυρού", "Συμβούλιο Ασφαλείας", "Ταμείο …"): the name whole, not its last words
           "ομοσπονδία", "συμβούλιο", "ταμείο"],
    "ru": ["министерство", "ведомство", "служба", "управление", "комитет", "штаб", "центр", "департамент",
           "организация", "агентство"],
    "ko": ["청", "부", "처", "본부", "위원회", "사무소", "조사단", "단", "원", "군"],
    # round 8: organisations of every kind ("المنظمة الدولية للهجرة", "مفوضية اللاجئين"), so that "المنظمة" after them
    # refers back to them
    "ar": ["وزارة", "مكتب", "هيئة", "نقابة", "لجنة", "مديرية", "دائرة", "منظمة", "المنظمة", "مفوضية", "المفوضية",
           "مؤسسة", "جمعية", "مركز", "مرصد"],
}

# Words that refer back to the last named source: (words, what they refer to: person, organisation, any).
ANAPHORS = {
    "en": [
        (("he", "she", "him", "his"), "person"), (("it", "they"), "any"),
        (("the ministry", "the agency", "the office", "the military", "the army", "the organisation", "the group",
          "the rebels", "the movement", "the militia", "the centre", "the center", "the authority", "the council",
          "the organization", "the union", "the department", "the statement", "the service", "the source"), "organisation"),
        (("the governor", "the spokesman", "the spokesperson", "the official", "the minister", "the president",
          "the mayor", "the lawmaker"), "person"),
    ],
    "el": [
        (("ο ίδιος", "η ίδια", "αυτός", "αυτή"), "person"), (("η ίδια πηγή", "η ανακοίνωση", "οι ίδιοι"), "any"),
        # round 9: the feminine and neuter plural ("Οι αρχές ανέφεραν … Οι ίδιες πρόσθεσαν", "τα ίδια στοιχεία")
        (("οι ίδιες", "τις ίδιες", "τα ίδια"), "any"),
        # round 7: the same in the other cases ("σύμφωνα με την ίδια", "κατά τον ίδιο", "του ίδιου"): whoever was named
        (("τον ίδιο", "την ίδια", "του ίδιου", "της ίδιας", "τους ίδιους", "των ίδιων"), "any"),
        (("το υπουργείο", "η υπηρεσία", "η διοίκηση", "το γραφείο", "η ένωση", "την ένωση", "της ένωσης",
          "η οργάνωση", "την οργάνωση", "της οργάνωσης", "ο οργανισμός", "τον οργανισμό", "του οργανισμού",
          # round 12: a non-governmental organisation by its common abbreviation ("ανέφερε η ΜΚΟ"): the body named before
          "η ΜΚΟ", "την ΜΚΟ", "τη ΜΚΟ", "της ΜΚΟ", "η μη κυβερνητική οργάνωση", "της μη κυβερνητικής οργάνωσης"),
         "organisation"),
        (("ο κυβερνήτης", "ο περιφερειάρχης", "ο εκπρόσωπος", "ο υπουργός", "ο πρόεδρος", "ο δήμαρχος",
          "ο ουκρανός περιφερειάρχης", "τον υπουργό", "του υπουργού", "τον κυβερνήτη", "του κυβερνήτη",
          "τον εκπρόσωπο", "του εκπροσώπου", "τον περιφερειάρχη", "του περιφερειάρχη"), "person"),
    ],
    "ru": [
        (("он", "она", "его", "ее", "её"), "person"), (("они",), "any"),
        (("ведомство", "ведомства", "ведомстве", "военное ведомство", "военного ведомства", "военном ведомстве",
          "министерство", "министерстве",
          # round 6: "по данным, которые приводит агентство": the agency named before
          "агентство", "агентства", "агентстве",
          # sixteenth session: "Согласно данным организации" after "сообщила Международная организация по миграции"
          "организация", "организации", "организацию"), "organisation"), (("сообщении",), "any"),
        # "Там также уточнили" after "В МЧС подтвердили": there, where the source is; "собеседник агентства": the
        # one the agency spoke to, named before
        (("там", "собеседник агентства", "собеседник"), "any"),
        (("губернатор", "глава региона", "глава области", "представитель", "пресс-секретарь", "пресс-секретаря",
          "представителя", "губернатора",
          # round 10: a title alone refers back to the person last named ("— уточнила министр" after "Савинова сообщила")
          "министр", "министра", "мэр", "мэра", "директор", "директора", "руководитель", "руководителя", "начальник",
          "начальника", "председатель", "председателя", "замминистра"), "person"),
    ],
    "ko": [
        (("그는", "그녀는", "그가", "이 관계자는", "장관은", "대변인은"), "person"), (("이들은", "그들은"), "any"),
        (("보건부는", "보건부가", "보건부", "당국은", "정부는", "군은", "부처는", "사무소는"), "organisation"),
        # round 8: "이 통신은 … 덧붙였다" (this agency): the medium just named going on
        (("이 통신은", "이 통신사는", "이 방송은", "이 신문은", "이 매체는", "同 통신은"), "organisation"),
    ],
    "ar": [
        (("الوزارة", "المنظمة", "المكتب", "النقابة", "الوكالة", "الهيئة", "البيان", "الجيش", "المصدر",
          # round 12: the sources just named, in the plural ("وقالت المصادر" after "أفادت مصادر طبية")
          "المصادر",
          # a report as the subject ("وبينت الإحصائية الرسمية", "وأظهرت البيانات"): the source that issued it
          "الإحصائية", "الاحصائية", "الحصيلة", "التقرير", "البيانات", "الإحصاءات", "الإحصائيات"), "organisation"),
        (("المتحدث", "الوزير", "المسؤول",
          # sixteenth session: the feminine titles ("وقالت المتحدثة:" after "المتحدثة باسم … إليزابيث ثروسيل"), and the
          # other word for a spokesman, refer back to the person as the masculine ones do
          "المتحدثة", "الناطق", "الناطقة", "الوزيرة", "المسؤولة"), "person"),
    ],
}
# "The same period": a figure that holds when the previous one did.
SAME_PERIOD = {
    "en": ("in the same period", "over the same period", "during the same period"),
    "el": ("την ίδια περίοδο", "στο ίδιο διάστημα"),
    "ru": ("за тот же период", "за этот же период"),
    "ko": ("같은 기간",),
    "ar": ("خلال الفترة نفسها", "في الفترة ذاتها", "خلال الفترة ذاتها"),
}
# Before a date: the figure counts from then ("since 7 October"), so the date is not when it holds.
SINCE_BEFORE = {
    "en": r"(?:since|from)(?:\s+the\s+(?:start|outbreak|beginning)\s+of\b[^,.;]*?)?[^,.;]{0,40}$",
    "el": r"(?:(?:από\s+την\s+(?:έναρξη|αρχή)|αφότου)\b[^.;]{0,70}$|(?:από|αφότου)\b[^,.;]{0,50}$)",
    "ru": r"(?:\bс|с начала|после)\b[^,.;]{0,40}$",
    "ar": r"(?:(?:منذ|من)\b[^،,.;]{0,50}|منذ\s+(?:بدء|بداية|انطلاق)\b[^.;]{0,60}?،?\s*(?:في\s+)?)$",
    "ko": r"(?!)",  # round 12: never ("$^" matched the empty text before a date opening a sentence)
}
# (round 12: "오후" (afternoon) ends in 후 and is no "after": "지난 23일 성명을 통해 현지 시간 오후 1시38분께")
# (round 12: "올해 들어서만", "4월 들어" (since the year, the month began) count from then as well)
SINCE_AFTER = {"ko": r"^\S{0,12}?\s?(?:\S+\s){0,8}?\S*(?:이후|이래|부터|(?<!오)후|뒤)(?:\s|,|$)"
                     r"|^\s?들어(?:서)?(?:만|도)?(?:\s|,|$)", "ar": r"$^"}
# Openings that go on with the last source's report: "В частности", "Among them", "Συγκεκριμένα".
CONTINUATIONS = {
    "en": ("in particular", "among them", "among the dead", "of these", "of them"),
    "el": ("ειδικότερα", "συγκεκριμένα", "μεταξύ αυτών", "ανάμεσά τους"),
    "ru": ("в частности", "среди погибших", "среди них", "из них", "в том числе"),
    "ko": ("특히", "이 가운데", "이 중"),
    "ar": ("ومن بين", "من بينهم", "وبينهم", "منهم"),
}
UNTIL_BEFORE = {
    "en": r"(?:until|up to|through|till|as of)\s+(?:the\s+|last\s+)?$",
    "el": r"(?:έως|μέχρι|ως)\s+(?:τις|την|το|τον)?\s*$",
    "ru": r"(?:\bдо|\bпо|на)\s+$",
    "ar": r"(?:حتى|وحتى|لغاية)\s+$",
    "ko": r"(?!)",  # round 12: never ("$^" made a date opening a sentence an until date: "올해 들어서만 …")
}
# After a date: the date is an event's ("Friday’s attack", "지난 7일 발생한 강진"), not when a figure holds.
# Before a date: the date is an event's ("the earthquake that struck on Friday", "произошедшего в пятницу
# землетрясения", "الزلزال الذي ضرب مساء يوم امس الجمعة"), not when a figure holds.
EVENT_BEFORE = {
    "en": r"(?:struck|hit|occurred|happened|erupted|carried\s+out|launched|took\s+place)\s+(?:late\s+|early\s+)?(?:on\s+)?$"
          # "Fighting last week … left at least 900 dead": the date of the event the figure counts
          r"|(?:^|\W)(?:[Ff]ighting|[Cc]lashes|[Aa]ttacks?|[Ss]trikes?|[Bb]ombings?|[Ss]helling|[Rr]aids?|[Vv]iolence|"
          r"[Ee]arthquake|[Qq]uake|[Ff]ires?|[Ff]loods?|[Ss]torms?)\s+(?:on\s+|in\s+)?$"
          # round 10: a superlative that the time words rank the event within ("the strongest typhoon to batter the
          # country this year", "the deadliest attack this month")
          r"|(?<!\w)(?:strongest|deadliest|worst|biggest|largest|heaviest|most\s+\w+)\s+[^\d,.;:]{0,50}?\s$",
    "el": r"(?:σημειώθηκ[εα]ν?|έπληξ[εα]ν?|εκδηλώθηκ[εα]ν?|συνέβη(?:σαν)?|χτύπησ[εα]ν?)\s+(?:\w+,?\s+){0,3}$",
    "ru": r"(?:произошедш|случивш|произошл|случил|нанесенн|нанесённ)\w*\s+(?:в\s+|во\s+)?$",
    "ar": r"(?<!\w)(?:ضرب|وقع|حدث|هز|نفذته|نفذها|نفذت|شنته|شنها|شنت|استهدفت|استهدف|شهدتها|شهدها)\s+(?:\S+\s+){0,5}$",
}
# Words right before a date that make it the statement's date: "في بيان لها مساء أمس الخميس", "in a statement on".
STATEMENT_BEFORE = {
    "en": r"\b(?:statement|briefing|press conference)\s+(?:\w+\s+)?(?:on\s+)?$"
          # round 10: the occasion named with its host between ("At the regular news forum of Sudan News Agency (SUNA)
          # Thursday, … said", "at a news conference in Geneva on Friday")
          r"|\b(?:briefing|(?:press|news)\s+(?:conference|forum)|forum|interview|address)\s+(?:of|at|in|with|by)\s+"
          r"[^\d,.;:]{1,50}?\s+(?:on\s+)?$",
    "ar": r"(?:بيان|تصريح|مؤتمر\s+صحفي)\s+(?:لها\s+|له\s+|صحفي\s+)?(?:صدر\s+)?(?:\S+\s+)?$",
    "ru": r"(?:заявлении|сообщении|брифинге)\s+(?:\w+\s+)?$",
    # "σε ενημέρωσή του για την κατάσταση το βράδυ του Σαββάτου"
    "el": r"(?:ενημέρωσ|ανακοίνωσ|δήλωσ|συνέντευξ)\w*\s+(?:[^\s.,;]+\s+){0,8}$",
    # round 12: a day opening a Korean sentence, before its subject ("18일(현지시간) … 보건부 집계에 따르면"), times the
    # report the sentence gives (an event or since word after it still decides first)
    "ko": r"^\s*$",
}
EVENT_AFTER = {
    "en": r"^[’']s\b",
    # round 12: a day set off by a comma ("주지사는 현지시간 30일, 기자회견을 열고 … 발생한 홍수로") dates what its subject
    # did, not the event of the clause after the comma
    "ko": r"^(?!(?:\([^)]*\))?\s?,)(?:\([^)]*\))?\s?(?:\S+\s){0,4}?\S*(?:발생한|일어난|벌어진)",
}
UNTIL_AFTER = {"ko": r"^(?:\([^)]*\))?\s?(?:\S+\s)?\S*(?:까지|기준|현재)"}
SO_FAR = {
    "en": ("so far", "to date", "until now"), "el": ("μέχρι στιγμής", "έως τώρα", "μέχρι τώρα"),
    "ru": ("на данный момент", "до сих пор", "на сегодняшний день"), "ko": ("지금까지", "현재까지"),
    "ar": ("حتى الآن", "حتى اليوم"),
}
# Labels that credit a whole article: "Πηγή: ΑΠΕ-ΜΠΕ", "Источник: ...", "Source: AFP".
SOURCE_LABELS = ("source", "sources", "πηγή", "πηγές", "источник", "источники", "المصدر", "출처")

# Issue 15, thirteenth session: the frames of a credit line — a line alone that only says whose copy the text is, the
# credited name standing for X. "copy" frames say the text was made from X's material ("По материалам X", "with material
# from X", "με πληροφορίες από X", "بتصرف عن X"): a name no actor holds is proposed as a medium. "pointer" frames send the
# reader to X or say the text draws on it ("Подробнее читайте на X", "read more at X", "이 기사는 X를 참조했습니다"), and
# stand only in the text's last paragraph: X must be a known medium or have a medium's shape (a site's address, an
# acronym, a broadcaster's word). A link to a related story ("Read more: <a headline>", "Читайте также: …") names no
# medium and is no credit; photo credits never are. "closing" frames are copy frames that credit as the last paragraph
# only (a bare preposition: "Από X").
CREDIT_FRAMES = {
    "en": {
        "copy": ("with material from X", "with materials from X", "with information from X", "with files from X",
                 "based on material from X", "based on reports from X", "based on reporting from X",
                 "based on reporting by X", "from wire reports by X", "from X wire reports"),
        "pointer": ("read more at X", "read more on X", "read the full story at X", "read the full article at X",
                    "originally published by X", "originally published on X", "originally published at X",
                    "first published by X", "first published on X", "this article draws on X",
                    "this article is based on X", "this story draws on X", "this report draws on X",
                    "X contributed to this report", "X contributed to this article", "X contributed to this story"),
    },
    "el": {
        "copy": ("με πληροφορίες από X", "με πληροφορίες του X", "με πληροφορίες της X", "με πληροφορίες των X",
                 "με στοιχεία από X", "με στοιχεία του X", "με στοιχεία της X", "με στοιχεία των X"),
        # "Από X" (from X) credits as the last line only: a byline "Από Γιώργο …" opens a text
        "closing": ("από X",),
        "pointer": ("διαβάστε περισσότερα στο X", "διαβάστε περισσότερα στην X",
                    "διαβάστε ολόκληρο το άρθρο στο X", "διαβάστε ολόκληρο το άρθρο στην X",
                    "δημοσιεύθηκε αρχικά στο X", "δημοσιεύθηκε αρχικά στην X", "το άρθρο βασίζεται σε πληροφορίες του X",
                    "το άρθρο βασίζεται σε πληροφορίες της X"),
    },
    "ru": {
        "copy": ("по материалам X", "по материалам агентства X", "по материалам агентств X", "по материалам издания X",
                 "по материалам газеты X", "по материалам портала X", "по материалам сайта X",
                 "по материалам телеканала X", "по материалам СМИ X", "с использованием материалов X",
                 "при подготовке материала использованы материалы X", "на основе материалов X"),
        "pointer": ("подробнее читайте на X", "подробнее на X", "подробнее читайте на сайте X", "читайте подробнее на X",
                    "полностью читайте на X", "оригинал статьи на X", "первоначально опубликовано на X"),
    },
    "ko": {
        "copy": (),
        "pointer": ("이 기사는 X를 참조했습니다", "이 기사는 X을 참조했습니다", "이 기사는 X를 참고했습니다",
                    "이 기사는 X을 참고했습니다", "이 기사는 X 보도를 참조했습니다", "이 기사는 X 보도를 참고했습니다",
                    "X를 참조했습니다", "X을 참조했습니다", "X를 참고했습니다", "X을 참고했습니다",
                    "자세한 내용은 X에서 확인하세요", "원문은 X에서 볼 수 있습니다"),
    },
    "ar": {
        "copy": ("بتصرف عن X", "نقلا عن X", "نقلاً عن X", "بالاستناد إلى X"),
        "pointer": ("بحسب ما أوردته X", "وفق ما أوردته X", "وفقا لما أوردته X", "اقرأ المزيد على X",
                    "نشر هذا المقال أولا على X", "نشر هذا المقال في X"),
    },
}

# Fifteenth session: a copyright line closing the text credits whose copy it is ("※ 저작권자 ⓒ 뉴스1코리아, 무단전재-재배포
# 금지", "ⓒ 연합뉴스", "© AFP 2025. All rights reserved."): the mark, the name (a year around it is dropped), then at most
# one of the language's tails. Read in the last paragraph only, like the closing frames (``hops._copyright_credit``).
COPYRIGHT_MARKS = ("ⓒ", "©", "(c)", "(C)", "copyright", "Copyright", "저작권자")
COPYRIGHT_TAILS = {
    "ko": ("무단전재", "무단 전재", "무단복제", "무단 복제", "재배포 금지", "all rights reserved"),
    "en": ("all rights reserved",), "el": ("all rights reserved",), "ru": ("all rights reserved",),
    "ar": ("all rights reserved",),
}

# Fifteenth session: media no one names ("сообщают СМИ со ссылками на местные власти", "중국 일부 매체들이 현지 당국자를
# 인용해"): no relay of a chain (the annotation gives them no hop), whoever they cite still being the claimant.
UNNAMED_MEDIA = {
    "en": ("media", "local media", "the media"), "el": ("μμε", "τα μμε"),
    "ru": ("сми", "местные сми", "российские сми", "зарубежные сми", "иностранные сми"),
    "ko": ("외신", "외신들", "매체들", "일부 매체들", "언론", "언론들", "현지 언론", "현지 매체들", "일부 언론"),
    "ar": ("وسائل الإعلام", "وسائل إعلام"),
}


# Issue 15, twelfth session: the head nouns of a speaker described rather than named, by kind, one table for the five
# languages (``attribution.descriptions.resolve_described`` reads it). A person's title and a body's noun come from
# PERSON_TITLES and ORGANISATION_WORDS; a group of officials (``officials`` when nobody is named) and a medium (which
# stays a medium) have their own words. Words are matched by stem (``descriptions.same_word``): one form of each
# suffices for the inflected languages.
_GROUP_HEADS = {
    "en": ["officials", "authorities", "representatives", "military", "troops", "soldiers", "police", "policemen",
           "sources", "rescuers", "medics", "officers"],
    "el": ["αξιωματούχοι", "αρχές", "εκπρόσωποι", "στρατιωτικοί", "αστυνομικοί", "πηγές", "διασώστες", "γιατροί"],
    "ru": ["чиновники", "власти", "представители", "военные", "силовики", "источники", "спасатели", "медики",
           "полицейские"],
    "ko": ["당국자들", "관계자들", "관리들", "대표들", "당국", "경찰", "소식통", "구조대원들", "군인들"],
    "ar": ["مسؤولون", "ممثلو", "ممثلي", "مصادر", "العسكريون", "الشرطة", "مسعفون", "السلطات", "عسكريون"],
}
_MEDIUM_HEADS = {
    "en": ["newspaper", "broadcaster", "television", "radio", "channel", "daily", "outlet", "tabloid", "website"],
    "el": ["εφημερίδα", "τηλεόραση", "ραδιόφωνο", "κανάλι", "πρακτορείο", "ιστότοπος", "σταθμός"],
    "ru": ["газета", "телеканал", "телевидение", "радиостанция", "издание", "портал"],
    "ko": ["신문", "방송", "통신", "통신사", "매체", "일간지"],
    "ar": ["صحيفة", "التلفزيون", "قناة", "إذاعة", "وكالة"],
}
_PERSON_HEADS = {
    "en": ["worker", "volunteer", "representative", "officer", "medic", "rescuer"],
    "el": ["εθελοντής", "εργαζόμενος", "διασώστης", "αξιωματικός", "στέλεχος"],
    "ru": ["волонтер", "волонтёр", "сотрудник", "спасатель", "медик"],
    "ko": ["요원", "직원", "봉사자", "구조대원"],
    "ar": ["عامل", "متطوع", "موظف", "ممثل", "مسعف"],
}
# (Korean names a body by a compound whose last syllable is its head: "보안국", "비상사태청", "보건부")
_BODY_HEADS = {"en": ["command", "headquarters", "government"], "el": ["διεύθυνση", "αρχηγείο", "κυβέρνηση"],
               "ru": ["ведомство", "служба", "правительство"], "ko": ["국", "청", "부", "처", "정부"],
               "ar": ["جهاز", "قيادة", "إدارة", "خدمة", "حكومة"]}
DESCRIPTION_HEADS = {
    language: [*((word, "person") for word in [*PERSON_TITLES[language], *_PERSON_HEADS[language]]),
               *((word, "body") for word in [*ORGANISATION_WORDS[language], *_BODY_HEADS[language]]),
               *((word, "group") for word in _GROUP_HEADS[language]),
               *((word, "medium") for word in _MEDIUM_HEADS[language])]
    for language in ("en", "el", "ru", "ko", "ar")
}
# Words of a description that say nothing of what is described: articles, prepositions, the indefinite "one".
# ("the country's", "της χώρας", "страны", "البلاد", "이 나라": the country the text is about, whose body it is)
DESCRIPTION_STOPWORDS = {
    "en": {"the", "a", "an", "one", "of", "for", "at", "in", "on", "and", "its", "his", "her", "their", "s", "local",
           "country"},
    "el": {"ο", "η", "το", "οι", "τα", "τον", "την", "τη", "του", "της", "των", "τους", "τις", "ένας", "μια", "μία",
           "ενός", "μιας", "και", "σε", "στο", "στη", "στην", "στον", "από", "για", "με", "χώρας"},
    "ru": {"и", "в", "во", "на", "по", "из", "от", "для", "один", "одна", "одного", "одной", "о", "об", "с", "со",
           "страны"},
    "ko": {"한", "이", "그", "등", "및", "나라"},
    "ar": {"في", "من", "عن", "على", "إلى", "و", "أحد", "إحدى", "البلاد"},
}
# What makes a description indefinite — someone new, whom the text may name right after ("an aid worker said …"). Arabic
# marks it by the head without the article ("عامل إغاثة"), which ``descriptions.resolve_described`` reads.
DESCRIPTION_INDEFINITE = {
    "en": r"(?:an?|one)\s", "el": r"(?:ένας|μια|μία|ενός|μιας)\s", "ru": r"(?:один|одна|одного|одной|некий|некая)\s",
    "ko": r"한\s",
}
