"""Reading quantities, with their hedges, in the language a text is written in.

``read_quantity("περίπου 2.000 στρατιώτες", language="el")`` gives one :class:`Quantity`: value 2000,
qualifier ``approximately``, wording ``"περίπου 2.000"`` (Greek groups thousands with '.').

How a number is read:

- digits are parsed with Babel (``babel.numbers.parse_decimal``) in the text's locale, so "2.000" is
  two thousand in Greek and "2,000" in English; Arabic-Indic digits (٢٠٠٠, ۲۰۰۰) are read as digits;
- a multiplier word after the number scales it: "6 тыс." → 6000, "ستة آلاف" → 6000, "2 million";
  Korean numerals combine 억/만/천/백: "1만5000" → 15000, "2천" → 2000;
- common number words are read ("twenty", "είκοσι", "двадцать", "عشرين"); words below ten ("two",
  "δύο") only with a hedge before or a multiplier after them, because "the two leaders" is not a figure;
- a hedge before the number sets the qualifier ("about", "περίπου", "около", "نحو", "약" → approximately;
  "at least", "τουλάχιστον", "최소" → at_least; "more than", "πάνω από", "более" → more_than; "up to" →
  at_most; "fewer than" → fewer_than); Korean suffixes 여/정도/가량 (approximately), 이상 (at_least),
  미만 (fewer_than), 이하 (at_most) and Arabic "على الأقل" after the number do the same;
- "between 300 and 400", "300–400", "от 300 до 400", "από 300 έως 400" are ranges;
- years (a bare 1900–2100), days of the month next to a month name, clock times and numbers glued to
  letters ("F-16", "3rd") are not quantities.

The bounds follow :class:`claims.models.Estimate`'s shapes: exact and approximately set ``value``;
at_least sets ``lower`` and ``value``; more_than sets ``lower``; at_most and fewer_than set ``upper``;
range sets ``lower`` and ``upper``.
"""

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from babel.core import UnknownLocaleError
from babel.dates import get_month_names
from babel.numbers import NumberFormatError, get_decimal_symbol, get_group_symbol, parse_decimal


@dataclass(frozen=True)
class Quantity:
    """A number found in a text: ``text[start:end] == wording`` (hedge words included)."""

    value: Decimal | None
    lower: Decimal | None
    upper: Decimal | None
    qualifier: str
    start: int
    end: int
    wording: str

    @property
    def number(self) -> Decimal | None:
        """The figure as the source gave it: the value, else the bound."""
        for candidate in (self.value, self.lower, self.upper):
            if candidate is not None:
                return candidate
        return None


APPROX, AT_LEAST, MORE_THAN, AT_MOST, FEWER_THAN, EXACT, RANGE = (
    "approximately", "at_least", "more_than", "at_most", "fewer_than", "exact", "range",
)

# Hedges written before the number.
_PREFIX_HEDGES = {
    "en": {
        "about": APPROX, "around": APPROX, "approximately": APPROX, "roughly": APPROX, "some": APPROX,
        "nearly": APPROX, "almost": APPROX, "an estimated": APPROX, "estimated": APPROX, "close to": APPROX,
        "closer to": APPROX, "more or less": APPROX, "a total of": EXACT,
        "at least": AT_LEAST, "no fewer than": AT_LEAST, "no less than": AT_LEAST,
        "more than": MORE_THAN, "over": MORE_THAN, "upwards of": MORE_THAN,
        "up to": AT_MOST, "as many as": AT_MOST, "at most": AT_MOST, "no more than": AT_MOST,
        "fewer than": FEWER_THAN, "less than": FEWER_THAN, "under": FEWER_THAN,
        # verbs of passing a mark: "the toll exceeded 1,000"
        "exceeded": MORE_THAN, "topped": MORE_THAN, "surpassed": MORE_THAN, "exceed": MORE_THAN, "exceeds": MORE_THAN,
        "surpass": MORE_THAN, "top": MORE_THAN,
        # round 12: the verb's other forms, as participles too ("death tolls surpassing 400", "exceeding 2,000")
        "surpassing": MORE_THAN, "exceeding": MORE_THAN, "topping": MORE_THAN, "surpasses": MORE_THAN, "tops": MORE_THAN,
        "just over": MORE_THAN, "well over": MORE_THAN, "in excess of": MORE_THAN, "a minimum of": AT_LEAST,
        "a maximum of": AT_MOST, "just under": FEWER_THAN, "well under": FEWER_THAN,
    },
    "el": {
        "περίπου": APPROX, "σχεδόν": APPROX, "γύρω στους": APPROX, "γύρω στα": APPROX, "γύρω στις": APPROX,
        # round 10: the other approximating words of the class ("κάπου 2.900 τραυματίες", "περί τους 300", "κατά
        # προσέγγιση 40")
        "κάπου": APPROX, "περί τους": APPROX, "περί τις": APPROX, "περί τα": APPROX, "κατά προσέγγιση": APPROX,
        "τουλάχιστον": AT_LEAST,
        "πάνω από": MORE_THAN, "περισσότερους από": MORE_THAN, "περισσότεροι από": MORE_THAN,
        "περισσότερα από": MORE_THAN, "περισσότερες από": MORE_THAN, "άνω των": MORE_THAN,
        "μεγαλύτερος από": MORE_THAN, "μεγαλύτερη από": MORE_THAN, "μεγαλύτερο από": MORE_THAN,
        "έως": AT_MOST, "μέχρι": AT_MOST, "έως και": AT_MOST, "ως και": AT_MOST,
        "λιγότερους από": FEWER_THAN, "λιγότεροι από": FEWER_THAN, "λιγότερα από": FEWER_THAN,
        "κάτω από": FEWER_THAN,
        "κοντά στους": APPROX, "κοντά στις": APPROX, "κοντά στα": APPROX, "πλέον των": MORE_THAN,
        "περισσότεροι των": MORE_THAN, "περισσότερα των": MORE_THAN, "περισσότερες των": MORE_THAN,
        **{f"{verb} {article}".strip(): MORE_THAN for verb in ("ξεπερνούν", "ξεπέρασαν", "ξεπερνά", "ξεπέρασε", "ξεπερνάει")
           for article in ("", "τους", "τις", "τα", "το")},
    },
    "ru": {
        "около": APPROX, "примерно": APPROX, "порядка": APPROX, "почти": APPROX, "приблизительно": APPROX,
        "не менее": AT_LEAST, "по меньшей мере": AT_LEAST, "как минимум": AT_LEAST, "минимум": AT_LEAST,
        "более": MORE_THAN, "больше": MORE_THAN, "свыше": MORE_THAN, "более чем": MORE_THAN,
        "до": AT_MOST, "не более": AT_MOST, "максимум": AT_MOST,
        "менее": FEWER_THAN, "меньше": FEWER_THAN, "почти до": APPROX,
        "не меньше": AT_LEAST, "по крайней мере": AT_LEAST, "не больше": AT_MOST, "чуть более": MORE_THAN,
        "чуть больше": MORE_THAN, "чуть менее": FEWER_THAN, "где-то": APPROX,
        **{verb: MORE_THAN for verb in ("превысило", "превысил", "превысила", "превысили", "превышает", "превышают")},
        "практически достигло": APPROX, "почти достигло": APPROX, "практически достиг": APPROX,
    },
    "ko": {"약": APPROX, "대략": APPROX, "거의": APPROX, "최소": AT_LEAST, "적어도": AT_LEAST, "최대": AT_MOST, "최소한": AT_LEAST},
    "ar": {
        "نحو": APPROX, "حوالي": APPROX, "حوالى": APPROX, "قرابة": APPROX, "زهاء": APPROX, "ما يقارب": APPROX,
        "أكثر من": MORE_THAN, "ما يزيد عن": MORE_THAN, "ما يزيد على": MORE_THAN,
        "ما لا يقل عن": AT_LEAST, "لا يقل عن": AT_LEAST, "على الأقل": AT_LEAST,
        "ما يصل إلى": AT_MOST, "حتى": AT_MOST,
        "أقل من": FEWER_THAN,
        "ما يقرب من": APPROX, "ما يناهز": APPROX, "يناهز": APPROX, "أزيد من": MORE_THAN, "ما يربو على": MORE_THAN,
        "يربو على": MORE_THAN,
        **{verb: MORE_THAN for verb in ("تجاوز", "تجاوزت", "يتجاوز", "تتجاوز", "تخطى", "تخطت")},
        # round 7: "فاق 1300 شخصا" (exceeded), as "تجاوز"
        **{verb: MORE_THAN for verb in ("فاق", "فاقت", "يفوق", "تفوق")},
    },
}

# Hedges written after the number (and its counter word, for Korean).
_SUFFIX_HEDGES = {
    "en": {"or more": AT_LEAST, "or so": APPROX, "plus": MORE_THAN},
    "ko": {"여": APPROX, "정도": APPROX, "가량": APPROX, "쯤": APPROX, "안팎": APPROX, "내외": APPROX, "가까이": APPROX,
           "육박": APPROX, "이상": AT_LEAST,
           "넘": MORE_THAN, "초과": MORE_THAN, "미만": FEWER_THAN, "이하": AT_MOST},
    "ar": {"على الأقل": AT_LEAST, "تقريبا": APPROX, "تقريباً": APPROX, "تقريبًا": APPROX, "فأكثر": AT_LEAST,
           "أو أكثر": AT_LEAST},
    "el": {"και πλέον": AT_LEAST, "περίπου": APPROX},
}

_MULTIPLIERS = {
    "en": {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
           # sixteenth session: the South Asian press's units ("5 lakh", "2 crore")
           "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7},
    "el": {"χιλιάδες": 1000, "χιλιάδων": 1000, "χιλ.": 1000, "εκατομμύρια": 10**6, "εκατομμύριο": 10**6,
           "εκατομμυρίων": 10**6, "εκατ.": 10**6, "δισεκατομμύρια": 10**9, "δισ.": 10**9},
    "ru": {"тысяча": 1000, "тысячи": 1000, "тысяч": 1000, "тыс.": 1000, "тыс": 1000, "миллион": 10**6, "миллиона": 10**6,
           "миллионов": 10**6, "млн": 10**6, "млрд": 10**9, "миллиардов": 10**9},
    "ar": {"آلاف": 1000, "الاف": 1000, "ألاف": 1000, "ألف": 1000, "ألفا": 1000, "ألفًا": 1000, "ألفاً": 1000, "الف": 1000, "مليون": 10**6,
           "ملايين": 10**6, "مليار": 10**9},
}

_WORDS = {
    "en": {
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
        "a thousand": 1000, "a dozen": 12,
    },
    "el": {
        "ένα": 1, "μία": 1, "μια": 1, "ένας": 1, "δύο": 2, "δυο": 2, "τρία": 3, "τρεις": 3, "τριών": 3, "τέσσερα": 4, "τέσσερις": 4,
        "πέντε": 5, "έξι": 6, "επτά": 7, "εφτά": 7, "οκτώ": 8, "οχτώ": 8, "εννέα": 9, "εννιά": 9,
        "δέκα": 10, "έντεκα": 11, "δώδεκα": 12, "δεκατρία": 13, "δεκατρείς": 13, "δεκατριών": 13, "δεκατέσσερα": 14,
        "δεκατέσσερις": 14, "δεκατεσσάρων": 14, "δεκαπέντε": 15, "δεκαέξι": 16, "δεκάξι": 16, "δεκαεπτά": 17,
        "δεκαεφτά": 17, "δεκαοκτώ": 18, "δεκαοχτώ": 18, "δεκαεννέα": 19, "δεκαεννιά": 19, "είκοσι": 20, "τριάντα": 30, "σαράντα": 40,
        "πενήντα": 50, "εξήντα": 60, "εβδομήντα": 70, "ογδόντα": 80, "ενενήντα": 90, "εκατό": 100,
        "τεσσάρων": 4,
        "διακόσιοι": 200, "διακόσια": 200, "διακόσιες": 200, "διακοσίων": 200, "τριακόσιοι": 300, "τριακόσια": 300,
        "τριακόσιες": 300, "τετρακόσιοι": 400, "τετρακόσια": 400, "πεντακόσιοι": 500, "πεντακόσια": 500,
        "χίλια": 1000, "χίλιοι": 1000, "χίλιες": 1000, "χιλίων": 1000,
    },
    "ru": {
        "один": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
        "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
        "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19,
        "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
        "восемьдесят": 80, "девяносто": 90, "сто": 100, "ста": 100, "двести": 200, "триста": 300, "четыреста": 400,
        "пятьсот": 500, "тысяча": 1000,
        "одиннадцати": 11, "двенадцати": 12, "пятнадцати": 15, "двадцати": 20, "тридцати": 30, "сорока": 40,
        "пятидесяти": 50, "двухсот": 200, "трехсот": 300, "трёхсот": 300,
        "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7,
        # oblique cases: "о задержании … всех четырех террористов", "двух человек"
        "двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5, "шести": 6, "семи": 7,
        "восьми": 8, "девяти": 9, "десяти": 10,
        # collective numerals (for people) in the oblique cases: "еще четверых пострадавших госпитализировали"
        "двоих": 2, "троих": 3, "четверых": 4, "пятерых": 5, "шестерых": 6, "семерых": 7,
    },
    "ar": {
        "واحد": 1, "واحدا": 1, "واحدًا": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5,
        "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "تسعة": 9, "تسع": 9,
        "عشرة": 10, "عشر": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "أربعين": 40,
        "خمسين": 50, "خمسون": 50, "أربعون": 40, "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70, "ثمانين": 80,
        "ثمانون": 80, "تسعين": 90, "تسعون": 90, "مئة": 100, "مائة": 100, "ألف": 1000, "ألفين": 2000, "ألفان": 2000, "ألفي": 2000,
        # round 6: the dual of a noun counting people is the number two ("وفقدان شخصين"); only nouns whose plural
        # is another word ("أشخاص", "قتلى", "جرحى"), so that no plural in -ين ("مصابين", "مدنيين") is read as two
        **{f"{noun}{ending}": 2 for noun in ("شخص", "قتيل", "جريح", "طفل", "جندي")
           for ending in ("ين", "ان")},
        # round 12: more nouns of people with a broken plural ("رضع", "ضباط", "عناصر", "رجال", "أسرى", "غرقى"): their
        # dual in both cases; and nouns whose plural is sound ("مهاجمون/مهاجمين"): only the nominative dual in -ان
        # ("قتل مهاجمان"), since their -ين is the plural's spelling too
        **{f"{noun}{ending}": 2 for noun in ("رضيع", "ضابط", "عنصر", "رجل", "أسير", "غريق", "طفلت", "امرأت", "فتات",
                                             "سائح", "رهين", "شرطي")
           for ending in ("ين", "ان")},
        **{f"{noun}ان": 2 for noun in ("مهاجم", "مسلح", "مدني", "مصاب", "عسكري", "مواطن", "صحفي", "مفقود", "معتقل",
                                       "مقاتل", "مسعف", "انتحاري", "حارس", "موظف", "عامل", "لاجئ", "مهاجر")},
        "مئتي": 200, "مائتي": 200, "مئتين": 200, "مائتين": 200, "مئتا": 200, "مائتا": 200, "مئتان": 200, "مائتان": 200,
        "اثنتان": 2, "اثنتين": 2,
        # teens said as one: "أحد عشر", "اثنا عشر" (the other teens are a unit and "عشر" joined: _arabic_compounds)
        "أحد عشر": 11, "إحدى عشرة": 11, "احد عشر": 11, "اثنا عشر": 12, "اثني عشر": 12, "اثنتا عشرة": 12,
        "اثنتي عشرة": 12,
        **{f"{unit}{hundred}": n * 100 for unit, n in (("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7),
                                                     ("ثمان", 8), ("تسع", 9)) for hundred in ("مئة", "مائة")},
    },
}

# Round 10: Arabic is often written without the hamza on alif ("اربعة اشخاص على الاقل", "اكثر من", "الاف"): every
# number word, multiplier and hedge is read in its hamza-free spelling too (a spelling, not another word).
_HAMZA_FREE = str.maketrans("أإآ", "ااا")
for _table in (_WORDS, _MULTIPLIERS, _PREFIX_HEDGES, _SUFFIX_HEDGES):
    _table["ar"] = {**{word.translate(_HAMZA_FREE): value for word, value in _table["ar"].items()}, **_table["ar"]}

# "250 or 260": two figures offered as alternatives are a range.
_RANGE_OR = {"en": "or", "el": "ή", "ru": "или", "ar": "أو", "ko": "또는|내지"}
_RANGE_CONNECTORS = {
    "en": (r"between", r"and|to|-|–|—"),
    # round 12: "2000 με 3000 άτομα": "με" between two numbers is colloquial for "to"
    "el": (r"από|μεταξύ", r"έως|ως|μέχρι|και|με|-|–|—"),
    "ru": (r"от", r"до|-|–|—"),
    "ko": (r"", r"~|-|–|에서"),
    "ar": (r"بين|ما بين|من", r"و|إلى|-|–"),
}

_KO_UNITS = {"억": 10**8, "만": 10**4, "천": 1000, "백": 100}
# Korean counters that mark a date or time rather than a quantity.
_KO_NOT_QUANTITY = ("년", "월", "일", "시", "분", "초", "세", "살", "층", "차", "개", "곳", "건", "회", "번", "번째", "학년", "주", "채", "위",
                    "등", "배", "마리", "호", "도",
                    "동(?!안)")  # round 12: buildings ("건물 2동")
# Round 12: a person's age by decade ("60대 여성", "30대 남성 A씨", "20대 초반"): 대 counts vehicles and launchers ("버스
# 4대", "드론 30대가") except after a multiple of ten and before a word for a person or a part of the decade.
_KO_AGE_DECADE = (r"대\s?(?:남성|여성|남자|여자|남녀|노인|주민|환자|운전자|부부|가장|아들|딸|어머니|아버지|초반|중반|후반"
                  r"|[A-Z]씨|[가-힣]씨|[가-힣]\s?[A-Z]씨)")
# Sixteenth session: 개 counts places and things, but materiel too when the noun follows ("20개가 넘는 드론", "미사일 30여개"
# is written with the noun first and stays out): the pieces of materiel named right after the counter and its hedge
_KO_MATERIEL_PIECES = re.compile(r"(?:여\s?)?\s?개(?:가|의|를|을|이)?\s?(?:넘는|넘은|이상의|가량의|정도의|안팎의|남짓의?)?\s?"
                                 r"(?:드론|무인기|미사일|탄도미사일|순항미사일|로켓|포탄|폭탄|전차|탱크)")
# Korean counters of people and things a figure counts (the year rule does not apply before them).
_KO_COUNTERS = "명|구|발|대|척|기|톤|가구"
# Nouns after a number that make it no figure of the subject: time, places, events, buildings, distances.
_NOT_SUBJECT_NOUNS = {
    "en": ["hours", "hour", "days", "day", "weeks", "week", "months", "month", "years", "year", "minutes", "times",
           "phases", "provinces", "districts", "regions", "villages", "cities", "towns", "locations", "sites",
           "massacres", "attacks", "strikes", "airstrikes", "raids", "incidents", "institutions", "hospitals",
           "facilities", "buildings", "houses", "homes", "km", "kilometres", "kilometers", "miles", "communities",
           "separate", "metres", "meters", "trains", "clinics", "wards",
           # the README's other things that are not people nor materiel: institutions, places, animals, time
           "schools", "mosques", "churches", "bridges", "roads", "neighbourhoods", "neighborhoods", "municipalities",
           "counties", "countries", "islands", "camps", "animals", "livestock", "cattle", "seconds", "nights",
           "decades", "floors", "storeys", "stories",
           # counts of events: blasts, fires, tremors, operations, sorties, clashes, reports
           "explosions", "blasts", "fires", "wildfires", "aftershocks", "tremors", "operations", "sorties", "clashes",
           "battles", "statements", "reports", "accidents", "landslides",
           # round 7: offices, targets and hideouts ("48 government offices", "158 targets")
           "offices", "targets", "hideouts", "tunnels", "temples", "pagodas", "shelters"],
    "el": ["ώρες", "ωρών", "ώρα", "ημέρες", "ημερών", "μέρες", "εβδομάδες", "μήνες", "μηνών", "χρόνια", "ετών", "έτη",
           "λεπτά", "φάσεις", "περιφέρειες", "χωριά", "πόλεις", "κοινότητες", "ουκρανικές κοινότητες",
           "τοποθεσίες", "επιθέσεις", "πλήγματα", "κτίρια", "σπίτια", "κατοικίες", "χιλιόμετρα", "χλμ", "επαρχίες",
           "επαρχιών", "χώρες", "χωρών", "μετασεισμοί", "μετασεισμούς", "εβδομάδα", "ημέρα", "μέρα", "μήνα", "χρόνο",
           "μίλια", "μιλίων", "μέτρα", "μέτρων", "ανακοινώσεις", "ανακοινώσεων", "δηλώσεις",
           "αμαξοστοιχίες", "αμαξοστοιχιών", "τρένα", "τρένων",
           # institutions: "σε δύο κλινικές", "στα δύο νοσοκομεία" (as "hospitals", "مستشفيات")
           "νοσοκομεία", "νοσοκομείων", "κλινικές", "κλινικών", "πτέρυγες",
           "σχολεία", "σχολείων", "δήμους", "δήμοι", "δήμων", "νησιά", "οικισμούς", "οικισμοί", "περιοχές", "περιοχών",
           "γέφυρες", "δρόμους", "εκκλησίες", "ζώα", "ζώων", "δευτερόλεπτα", "νύχτες", "δεκαετίες", "όροφοι", "ορόφους",
           "εκρήξεις", "εκρήξεων", "πυρκαγιές", "πυρκαγιών", "φωτιές", "επιχειρήσεις", "δονήσεις", "δονήσεων"],
    "ru": ["часов", "часа", "час", "суток", "сутки", "дней", "дня", "день", "недель", "недели", "месяцев", "месяца",
           "лет", "года", "год", "минут", "раз", "этапа", "этапов", "областей", "области", "районов", "населенных",
           "пунктов", "городов", "сел", "ударов", "атак", "зданий", "домов", "складов", "склада", "км", "километров",
           "групповых", "миль", "метров", "поездов", "поезда", "провинциях", "провинций", "провинции", "префектурах",
           "регионах", "регионов", "областях", "районах", "городах", "селах", "сёлах", "странах", "стран",
           "квартир", "квартиры", "подъездов", "подъезда", "этажей", "этажа", "этажах",
           "больниц", "больницы", "больницах", "клиник", "клиниках",
           "школ", "школы", "мечетей", "церквей", "мостов", "моста", "дорог", "улиц", "деревень", "поселков", "посёлков",
           "кварталов", "объектов", "голов", "секунд", "ночей", "суток",
           "школах", "мечетях", "деревнях", "поселках", "посёлках", "лагерях",
           "взрывов", "взрыва", "пожаров", "пожара", "толчков", "афтершоков", "операций", "боев", "боёв"],
    "ar": ["ساعة", "ساعات", "يوما", "يومًا", "يوماً", "يوم", "أيام", "أسابيع", "أسبوع", "شهرا", "شهرًا", "شهراً", "شهر",
           "أشهر", "سنوات", "عاما", "عامًا", "عاماً", "سنة", "دقيقة", "محافظات", "محافظة", "مجازر", "مجزرة", "غارات",
           "غارة", "هجمات", "مدن", "قرى", "مواقع", "منازل", "مبان", "مستشفيات", "مستشفى", "مؤسسة", "مؤسسات",
           "مرفقا", "كيلومتر", "كم",
           # round 12: distances with the accusative ending and their plural ("على بعد 60 كيلومتراً")
           "كيلومترا", "كيلومتراً", "كيلومترًا", "كيلومترات", "كلم", "كيلو", "بلاغا", "بلاغات", "مزارع", "مزرعة", "بلدات", "أحياء", "ميلا", "ميل", "أميال",
           "متر", "أمتار", "مترا", "قطارين", "قطارات", "منزلا", "منزلًا", "منزلاً", "منزل", "قرية", "قرى",
           "ولايات", "ولاية", "أقاليم", "إقليم", "مقاطعات", "مقاطعة", "دول", "بلدان",
           # floors are no count of people (families are: "أكثر من 7 آلاف عائلة")
           "طوابق", "طابق", "طابقا",
           # hospitals as Syria names them, schools, places of worship, dwellings, roads, camps, livestock, minutes
           "مشاف", "مشافي", "مستوصفات", "مدارس", "مساجد", "كنائس", "جسور", "طرق", "طريقا", "طريقاً", "مخيمات",
           "مناطق", "مساكن", "مسكنا", "مسكناً", "خيام", "رأس", "دقائق", "دقيقتين", "ليال", "أسبوعا", "أسبوعين",
           # counts of events: strikes, sorties, operations, blasts, tremors, fires, clashes, statements
           "ضربات", "طلعات", "عمليات", "انفجارات", "هزات", "حرائق", "حوادث", "اشتباكات", "معارك", "بيانات", "تقارير",
           # round 7: the singular Arabic counts after 11-99 ("12 مدرسة", "15 مبنى") and more buildings and
           # facilities (vehicles stay figures: the corpus counts them as materiel, "130 سيارة وآلية للانقاذ")
           "مدرسة", "مبنى", "مبنىً", "مباني", "وحدة سكنية", "وحدات سكنية", "شقة", "شقق", "مسجدا", "مسجدًا", "كنيسة",
           "منشأة", "منشآت", "مرافق", "مركزا", "مركزًا", "مراكز", "مخيما", "مخيمًا", "بلدة", "حيا", "حيًا",
           "هجوما", "هجومًا", "غارة جوية",
           "مجزرة", "انفجارا", "انفجارًا", "حادثا", "حادثًا", "حريقا", "حريقًا",
           # targets and hideouts destroyed ("دمرت 158 هدفا", "تدمير 1282 وكرًا ومخزنًا")
           "هدفا", "هدفًا", "هدفاً", "هدف", "أهداف", "وكرا", "وكرًا", "وكراً", "أوكار", "مخزنا", "مخزنًا", "مخازن",
           "نفقا", "نفقًا", "أنفاق",
           # an age in "springs": "تبلغ 35 ربيعا"
           "ربيعا", "ربيعًا", "ربيعاً"],
    "ko": [],
}
# Round 6: units of measure after a number are no count of people ("بلغت 136 ملم لكل متر مربع", "144 миллиметра").
_UNITS_OF_MEASURE = {
    "en": ["mm", "millimetres", "millimeters", "cm", "centimetres", "centimeters", "degrees"],
    "el": ["χιλιοστά", "χιλιοστών", "εκατοστά", "εκατοστών"],
    "ru": ["мм", "миллиметров", "миллиметра", "см", "сантиметров", "градусов", "градуса"],
    "ar": ["ملم", "مم", "ملليمتر", "مليمتر", "سم", "سنتيمتر", "درجة", "درجات"],
}
for _language, _units in _UNITS_OF_MEASURE.items():
    _NOT_SUBJECT_NOUNS[_language] = [*_NOT_SUBJECT_NOUNS[_language], *_units]
# A verb of change before "до" makes it "to" ("возросло до 10"), not "up to".
_RU_CHANGE_BEFORE_DO = re.compile(r"(?:возросл|вырос|вырастет|увеличил|снизил|сократил|достиг|дошл)\w*\s+$", re.IGNORECASE)
# "увеличилось (до) с 820 до 1037": from one figure to the next after a verb of change.
_RU_CHANGE_FROM_TO = re.compile(r"(?:возросл|вырос|увеличил|снизил|сократил|достиг)\w*\s+(?:до\s+)?(?:с|со|от)\s+[\d\s]+\s*$",
                                re.IGNORECASE)
# "from 76 to 172" after a verb of change: the first number is the figure before the change, not a figure
# of its own (the Russian "с 820 до 1037" above, in the other languages). The verb comes first (within the
# clause) in English, Greek and Arabic. (Korean "19명에서 23명으로" was tried and left out: it dropped a figure the
# second held-out set counts.)
_CHANGE_FROM = {
    "en": re.compile(r"(?:rose|risen|rises|rising|jumped|jumps|climbed|climbs|increased|increases|grew|grown|soared|"
                     r"went up|gone up|fell|fallen|dropped|decreased|declined|revised|raised|lowered|surged|spiked|adjusted|updated)"
                     r"(?:\s+[^\d.;:!?]{0,40}?)?\s+from\s+$", re.IGNORECASE),
    "el": re.compile(r"(?:αυξήθηκ|ανέβηκ|ανήλθ|εκτινάχθηκ|μειώθηκ|έπεσ|αναθεωρήθηκ|αυξάνεται|ανεβαίνει)\w*"
                     r"(?:\s+[^\d.;:!?]{0,40}?)?\s+από\s+(?:τους\s+|τις\s+|τα\s+)?$", re.IGNORECASE),
    "ar": re.compile(r"(?:ارتفع|ارتفعت|يرتفع|ترتفع|زاد|زادت|قفز|قفزت|انخفض|انخفضت|تراجع|تراجعت)"
                     r"(?:\s+[^\d.؛:!؟]{0,40}?)?\s+من\s+$"),
}
_CHANGE_TO = {
    "en": re.compile(r"\s*(?:[^\W\d_]+\s+)?to\s+(?:about\s+|around\s+|at least\s+|more than\s+|over\s+|nearly\s+)?\d"),
    "el": re.compile(r"\s*(?:[^\W\d_]+\s+)?(?:σε|στους|στις|στα)\s+(?:περίπου\s+|τουλάχιστον\s+)?\d"),
    "ar": re.compile(r"\s*(?:[^\W\d_]+\s+)?(?:إلى|الى)\s+(?:نحو\s+|حوالي\s+)?\d"),
}


def _change_from(text: str, token: "_Token", language: str) -> bool:
    """Whether ``token`` is the old value of a change ("rose from 76 to 172", "ارتفع من 20 إلى 35")."""
    to = _CHANGE_TO.get(language)
    if to is None or not to.match(text, token.end):
        return False
    before = _CHANGE_FROM[language]
    return bool(before.search(text[max(0, token.start - 90):token.start]))


# Words before a bare four-digit number that make it a year.
_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|from|until|by|of|year|early|late|mid|the|and|στο|στα|το|του|από|έως|έτος|в|с|до|к|по|года|عام|العام|سنة|منذ|حتى|في)\s*$)",
    re.IGNORECASE,
)
_RU_YEAR = re.compile(r"^\s*(?:год|года|году|г\.)")

_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٬٫", "0123456789" "0123456789" ",.")


def _base_language(language: str) -> str:
    return (language or "en").split("-")[0].lower()


def _locale(language: str) -> str:
    try:
        get_decimal_symbol(language)
        return language
    except (UnknownLocaleError, ValueError):
        return "en"


def _digit_pattern(language: str) -> re.Pattern:
    if language == "ko":
        return re.compile(
            # round 10: "5천만", "3백만": a 만 or 억 right after 천 or 백 multiplies them (one numeral)
            r"(?<![\w.,])(?:\d[\d,]*(?:\.\d+)?\s?(?:[천백][만억]|[억만천백])\s?)+(?:\d[\d,]*)?|(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?"
            r"|(?<![\w.,])\d+(?:\.\d+)?"
        )
    locale = _locale(language)
    group, decimal = get_group_symbol(locale), get_decimal_symbol(locale)
    # Arabic glues "و" (and) and "ب" (by, in) to a number: "و600".
    # "بـ28": with a tatweel after the clitic.
    # Round 10: any word joined to a number by tatweels ("لـ183 قتيلا", "الــ4 آلاف"): the number stands alone; what
    # the joined word does to it (the article's) is read after.
    head = r"(?:(?<![\w.,])|(?<=(?<!\w)[وب])|(?<=\u0640))" if language == "ar" else r"(?<![\w.,])"
    groups = re.escape(group) + ("  \u202f" if group in ("\xa0", "\u202f") else "")
    return re.compile(
        rf"{head}(?:\d{{1,3}}(?:[{groups}]\d{{3}})+(?:{re.escape(decimal)}\d+)?|\d+(?:{re.escape(decimal)}\d+)?)"
    )


def _parse_digits(token: str, language: str) -> Decimal | None:
    token = token.strip()
    if language == "ko":
        if any(unit in token for unit in _KO_UNITS):
            # Round 10: 천 and 백 count inside a group of four digits that 만 or 억 then multiplies ("1천200만" is
            # 1,200 × 10,000, "5천만" 5,000 × 10,000), as Korean numerals are built; "1만5000" is 10,000 + 5,000.
            total, group = Decimal(0), Decimal(0)
            for match in re.finditer(r"(\d[\d,]*(?:\.\d+)?)?\s?([억만천백])?", token):
                number, unit = match.group(1), match.group(2)
                if number is None and unit is None:
                    continue
                value = Decimal(number.replace(",", "")) if number else None
                if unit in ("천", "백"):
                    group += (value if value is not None else 1) * _KO_UNITS[unit]
                elif unit in ("만", "억"):
                    group += value or 0
                    total += (group or 1) * _KO_UNITS[unit]
                    group = Decimal(0)
                else:
                    group += value
            return total + group
        return Decimal(token.replace(",", ""))
    locale = _locale(language)
    for strict in (True, False):
        try:
            return parse_decimal(token, locale=locale, strict=strict)
        except NumberFormatError:
            continue
    return None


def _phrase_regex(phrases, *, before: bool) -> re.Pattern | None:
    if not phrases:
        return None
    alternatives = "|".join(
        r"\s+".join(re.escape(part) for part in phrase.split()) for phrase in sorted(phrases, key=len, reverse=True)
    )
    if before:
        # Arabic glues "و" (and) and "ف" to the next word: "وأكثر من".
        # "بنحو 300 ألف", "لأكثر من 1730"
        clitic = "[وفبل]?" if any("\u0600" <= ch <= "\u06ff" for ch in alternatives) else ""
        # Russian puts a preposition between an estimate's hedge and its number: "примерно в 2 тыс."; Greek an
        # article: "τουλάχιστον τους 126", "περίπου τις 300".
        preposition = r"(?:\s+в)?" if any("\u0400" <= ch <= "\u04ff" for ch in alternatives) else (
            r"(?:\s+(?:τους|τις|τα|των|στους|στις|στα|σε))?" if any("\u0370" <= ch <= "\u03ff" for ch in alternatives) else
            # round 10: English puts "another", "a further", "an additional" there: "at least another five soldiers"
            r"(?:\s+(?:another|a\s+further|an\s+additional|further|additional))?" if "least" in alternatives else "")
        if clitic:
            # Round 10: "ما يقارب الــ4 آلاف مدني": Arabic may give a hedged count the article (with tatweels)
            preposition = r"(?:\s+ال\u0640*)?"
        if clitic:
            alternatives = _alef_insensitive(alternatives)
        # "اكثر من (3) الاف": Arabic press sets figures in brackets; the hedge is before the bracket.
        return re.compile(rf"(?<!\w){clitic}({alternatives}){preposition}\s*[(\[]?\s*$", re.IGNORECASE)
    return re.compile(rf"^\s*({alternatives})(?!\w)", re.IGNORECASE)


def _alef_insensitive(pattern: str) -> str:
    """Arabic writes alef with or without its hamza or madda ("أكثر" / "اكثر", "إلى" / "الى"): any of them matches."""
    return re.sub(r"[أإآا]", "[أإآا]", pattern)


def _fold_alef(phrase: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[أإآ]", "ا", phrase.lower())).strip()


def hedge_qualifier(table: dict, phrase: str) -> str | None:
    """The qualifier of a hedge as written (case, spacing and Arabic hamza aside)."""
    if phrase.lower() in table:
        return table[phrase.lower()]
    folded = _fold_alef(phrase)
    return next((q for p, q in table.items() if _fold_alef(p) == folded), None)


_CACHE: dict[str, dict] = {}

# Month names Babel does not list: Arabic spellings without hamza, Levantine and Maghrebi names.
_EXTRA_MONTHS = {
    "ar": ("ابريل", "إبريل", "أفريل", "افريل", "اغسطس", "اكتوبر", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران",
           "تموز", "آب", "أيلول", "تشرين", "جانفي", "فيفري", "ماي", "جوان", "جويلية", "أوت"),
    "en": ("sept",),
    "ru": ("янв", "фев", "мар", "апр", "июн", "июл", "авг", "сен", "сент", "окт", "ноя", "нояб", "дек"),
}


def _not_subject_regex(language: str) -> re.Pattern | None:
    nouns = _NOT_SUBJECT_NOUNS.get(language) or []
    if not nouns:
        return None
    alternatives = "|".join(re.escape(noun) for noun in sorted(nouns, key=len, reverse=True))
    # The noun right after the number, or after one adjective ("18 ετών", "24 ساعة", "two separate airstrikes").
    # "(826) منزلًا": a closing bracket may stand between.
    # Russian: the word between must be an adjective (its endings say so): "четырех пассажиров поезда" counts
    # passengers, not trains.
    # A preposition or article is no modifier: "76 στις περιοχές …", "24 في مدينة كلميم", "5 in the towns" say where
    # the figure's people are, not what it counts.
    not_modifier = {
        "en": r"(?!(?:in|at|on|of|from|across|near|after|before|for|with|by|to|as|amid|during|over|since|the|and|or)\s)",
        "el": r"(?!(?:σε|στις|στους|στα|στην|στη|στο|στον|από|των|του|της|μετά|πριν|για|με|κατά|ως|και|ή)\s)",
        "ar": r"(?![وفب]?(?:في|من|على|إلى|الى|عن|داخل|بعد|قبل|مع|خلال|حسب|وفق)\s)",
    }.get(language, "")
    between = (r"(?:[^\W\d_]+(?:ых|их|ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|юю)(?:ся)?\s+)?" if language == "ru"
               else rf"(?:{not_modifier}[^\W\d_]+\s+)?")
    return re.compile(rf"[)\]]?\s*{between}(?:{alternatives})(?!\w)", re.IGNORECASE)


def _tables(language: str) -> dict:
    if language in _CACHE:
        return _CACHE[language]
    months = set()
    try:
        for context in ("format", "stand-alone"):
            months |= {name.lower() for name in get_month_names("wide", context=context, locale=_locale(language)).values()}
            months |= {name.lower() for name in get_month_names("abbreviated", context=context, locale=_locale(language)).values()}
    except (UnknownLocaleError, ValueError):
        pass
    words = _WORDS.get(language, {})
    word_regex = None
    if words:
        alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
        # Arabic glues "و" (and) to the next word: "تسعة وستين".
        clitic = "(?:[وبل](?=\\w))?" if language == "ar" else ""  # "لعشرين رجلا": to twenty men
        word_regex = re.compile(rf"(?<!\w){clitic}({alternatives})(?!\w)", re.IGNORECASE)
    multipliers = _MULTIPLIERS.get(language, {})
    multiplier_regex = None
    if multipliers:
        alternatives = "|".join(re.escape(word) for word in sorted(multipliers, key=len, reverse=True))
        multiplier_regex = re.compile(rf"\s*({alternatives})(?!\w)", re.IGNORECASE)
    tables = {
        "digits": _digit_pattern(language),
        "words": words,
        "word_regex": word_regex,
        "multipliers": multipliers,
        "multiplier_regex": multiplier_regex,
        "prefix": _PREFIX_HEDGES.get(language, {}),
        "prefix_regex": _phrase_regex(_PREFIX_HEDGES.get(language, {}), before=True),
        "suffix": _SUFFIX_HEDGES.get(language, {}),
        "months": {m.rstrip(".") for m in months if m} | set(_EXTRA_MONTHS.get(language, ())),
        "not_subject": _not_subject_regex(language),
    }
    _CACHE[language] = tables
    return tables


@dataclass
class _Token:
    number: Decimal
    start: int
    end: int
    is_word: bool
    grouped: bool
    scaled: bool = False


_KO_NATIVE_NUMBERS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10,
                      "열한": 11, "열두": 12, "열세": 13, "열네": 14, "스무": 20}
_KO_NATIVE = re.compile(rf"(?<![가-힣])({'|'.join(sorted(_KO_NATIVE_NUMBERS, key=len, reverse=True))})\s?(?=명|가구|구(?:[이가의를을는]|\s|$)|척(?:[이가의을]|\s|$))")


_EN_FRACTIONS = {"half": Decimal("0.5"), "a half": Decimal("0.5"), "one half": Decimal("0.5"), "a quarter": Decimal("0.25"),
                 "one quarter": Decimal("0.25"), "quarter": Decimal("0.25"), "three quarters": Decimal("0.75"),
                 "three-quarters": Decimal("0.75"), "a third": Decimal(1) / 3, "one third": Decimal(1) / 3,
                 "two thirds": Decimal(2) / 3, "two-thirds": Decimal(2) / 3}
_EN_FRACTION_OF = re.compile(
    r"(?<![\w-])(half|a\s+half|one\s+half|a\s+quarter|one\s+quarter|quarter|three[\s-]quarters|a\s+third|one\s+third|"
    r"two[\s-]thirds)\s+(?:of\s+)?an?\s+(million|lakh|thousand|billion|crore)(?!\w)", re.IGNORECASE)
_RU_NOUN_NUMBERS = {"тысячи": 1000, "тысячу": 1000, "тысячей": 1000, "сотни": 100, "сотню": 100, "десятка": 10, "десяток": 10,
                    "полусотни": 50, "полутысячи": 500}
_RU_HEDGED_NOUN_NUMBER = re.compile(
    r"(?<!\w)(?:более|свыше|больше|около|почти|порядка|менее|меньше|примерно|приблизительно|не\s+менее|не\s+более|"
    r"не\s+меньше|как\s+минимум|по\s+меньшей\s+мере|по\s+крайней\s+мере|более\s+чем|чуть\s+более|чуть\s+больше)\s+"
    r"(тысячи|тысячу|тысячей|сотни|сотню|десятка|десяток|полусотни|полутысячи)(?!\w)(?!\s+(?:лет|раз|километров|км|метров|"
    r"тонн|рублей|долларов|гривен|евро)(?!\w))", re.IGNORECASE)
_AR_DECIMAL_COMMA = re.compile(r",(\d{1,2})(\s*(?:مليون|ملايين|مليار|ألف|آلاف|الف|الاف)(?!\w))")


def _tokens(text: str, language: str, tables: dict) -> list[_Token]:
    ascii_text = text.translate(_ARABIC_DIGITS)
    tokens = []
    for match in tables["digits"].finditer(ascii_text):
        number = _parse_digits(match.group(0), language)
        if number is None:
            continue
        if language == "ar" and re.fullmatch(r"\d+", match.group(0)):
            comma = _AR_DECIMAL_COMMA.match(ascii_text, match.end())
            if comma:
                # sixteenth session: "1,5 مليون" (a decimal comma before a multiplier): one and a half million
                number = Decimal(f"{match.group(0)}.{comma.group(1)}")
                tokens.append(_Token(number, match.start(), match.end() + len(comma.group(0)) - len(comma.group(2)),
                                     False, True))
                continue
        if _thousands_in_decimal_comma(match.group(0), text, match.end(), language, tables):
            number = Decimal(match.group(0).strip().replace(",", ""))
        grouped = bool(re.search(r"\D", match.group(0).strip())) and language != "ko" or (
            language == "ko" and bool(re.search(r"[,억만천백]", match.group(0)))
        )
        end = match.start() + len(match.group(0).rstrip())
        tokens.append(_Token(number, match.start(), end, False, grouped))
    if language == "ko":
        # native numerals before a counter of people: "세 명이 숨졌다", "일가족 네 명", "스무 명"
        for match in _KO_NATIVE.finditer(text):
            tokens.append(_Token(Decimal(_KO_NATIVE_NUMBERS[match.group(1)]), match.start(1), match.end(1), True, False))
    if language == "en":
        # sixteenth session: a fraction of a multiplier ("half a lakh", "three quarters of a million", "half a million")
        for match in _EN_FRACTION_OF.finditer(text):
            fraction = _EN_FRACTIONS[re.sub(r"\s+", " ", match.group(1).lower())]
            number = fraction * tables["multipliers"][match.group(2).lower()]
            number = number.to_integral_value() if number == number.to_integral_value() else number
            tokens.append(_Token(number, match.start(), match.end(), True, False, True))
    if language == "ru":
        # sixteenth session: a hedged count named by its noun of number ("более тысячи человек", "более десятка
        # беспилотников", "около сотни"): the noun is the number; bare ("тысячи людей") it is no figure
        for match in _RU_HEDGED_NOUN_NUMBER.finditer(text):
            tokens.append(_Token(Decimal(_RU_NOUN_NUMBERS[match.group(1).lower()]), match.start(1), match.end(1), True, False,
                                 True))
    if tables["word_regex"] is not None:
        for match in tables["word_regex"].finditer(text):
            if any(t.start <= match.start() < t.end for t in tokens):
                continue
            tokens.append(_Token(Decimal(tables["words"][match.group(1).lower()]), match.start(1), match.end(), True, False))
    tokens.sort(key=lambda token: token.start)
    if language == "ar":
        tokens = _arabic_compounds(text, tokens)
    else:
        tokens = _tens_and_units(text, tokens)
    # Multipliers: "6 тыс.", "ستة آلاف", "two thousand".
    if tables["multiplier_regex"] is not None:
        for token in tokens:
            match = tables["multiplier_regex"].match(text, token.end)
            end = match.end() if match else None
            if match is None:
                # An editor's insertion in a transcript: "between two (thousand) and 4,000".
                bracket = re.match(r"\s*[(\[]", text[token.end:])
                inner = tables["multiplier_regex"].match(text, token.end + bracket.end()) if bracket else None
                closing = re.match(r"\s*[)\]]", text[inner.end():]) if inner else None
                if closing:
                    match, end = inner, inner.end() + closing.end()
            if match is None and text[token.start - 1:token.start] in ("(", "[") and re.match(r"[)\]]", text[token.end:token.end + 1]):
                # "(3) الاف": a figure set in brackets, its multiplier after the bracket
                match = tables["multiplier_regex"].match(text, token.end + 1)
                end = match.end() if match else None
            if match and not (token.is_word and token.number >= 1000):
                token.number *= tables["multipliers"][match.group(1).lower()]
                token.end = end
                token.scaled = True
    # A multiplier that is also a number word ("15 ألف") is part of the scaled token, not a second number.
    tokens = _uncontained(tokens)
    if language == "en":
        # "Two hundred twenty nine", "three hundred and five": the hundreds and the number after them are one number
        def hundreds_and_rest(previous: _Token, token: _Token) -> _Token | None:
            if previous.is_word and previous.scaled and token.is_word and not token.scaled \
                    and previous.number % 100 == 0 and 100 <= previous.number < 1000 and token.number < 100 \
                    and re.search(r"hundred$", text[previous.start:previous.end], re.IGNORECASE) \
                    and re.fullmatch(r"\s+(?:and\s+)?", text[previous.end:token.start], re.IGNORECASE):
                return _Token(previous.number + token.number, previous.start, token.end, True, False, True)
            return None
        tokens = _joined(tokens, hundreds_and_rest)
    if language == "ru":
        # sixteenth session: "123 тысяч 600 беженцев", "3 тыс. 56 человек": thousands and the rest written after them, one
        # number (as "18 ألفا و500")
        def thousands_and_rest(previous: _Token, token: _Token) -> _Token | None:
            if previous.scaled and not previous.is_word and previous.number % 1000 == 0 \
                    and _multiplier_of(text, previous, tables) == 1000 and not token.scaled and not token.is_word \
                    and not token.grouped and token.number < 1000 and re.fullmatch(r"\s+", text[previous.end:token.start]) \
                    and not re.match(r"\s*[-–.,:/]?\d", text[token.end:token.end + 3]):
                previous.number += token.number
                previous.end = token.end
                return previous
            return None
        tokens = _joined(tokens, thousands_and_rest)
    if language == "ar":
        # sixteenth session: "22 و800 شخص" (the word for thousand left out, as in "26 ألف و600" beside it): a count under a
        # hundred and three digits after "و" are thousands and the rest; not after "بين"/"من" (a range, "بين 50 و100")
        def count_and_three_digits(previous: _Token, token: _Token) -> _Token | None:
            if not previous.scaled and not previous.is_word and not previous.grouped \
                    and previous.number < 100 and not token.scaled and not token.is_word \
                    and re.fullmatch(r"\d{3}", text[token.start:token.end].translate(_ARABIC_DIGITS)) \
                    and re.fullmatch(r"\s*و\s*", text[previous.end:token.start]) \
                    and not re.search(r"(?<!\w)(?:بين|من|ما بين)\s*$", text[max(0, previous.start - 10):previous.start]):
                return _Token(previous.number * 1000 + token.number, previous.start, token.end, False, True, True)
            return None

        # "18 ألفا و500", "3 آلاف و394": thousands and the rest, one number.
        def thousands_and_waw_rest(previous: _Token, token: _Token) -> _Token | None:
            if previous.scaled and previous.number % 1000 == 0 and token.number < 1000 and not token.scaled \
                    and re.fullmatch(r"\s*و\s*", text[previous.end:token.start]):
                previous.number += token.number
                previous.end = token.end
                return previous
            return None
        tokens = _joined(_joined(tokens, count_and_three_digits), thousands_and_waw_rest)
    return tokens


def _joined(tokens: list[_Token], join) -> list[_Token]:
    """Adjacent tokens that ``join(previous, token)`` makes one number (it returns the joined token, or None): the
    joined token takes the previous one's place, and may join the next in turn."""
    kept: list[_Token] = []
    for token in tokens:
        joined = join(kept[-1], token) if kept else None
        if joined is not None:
            kept[-1] = joined
            continue
        kept.append(token)
    return kept


def _thousands_in_decimal_comma(token: str, text: str, end: int, language: str, tables: dict) -> bool:
    """"10,000" in a language whose decimal mark is the comma (Russian, Greek) but written the English way:
    a whole count of three digits after each comma and no multiplier after it ("1,5 тыс." stays 1.5)."""
    if language == "ko" or get_decimal_symbol(_locale(language)) != "," or not re.fullmatch(r"\d{1,3}(?:,\d{3})+", token.strip()):
        return False
    return not (tables["multiplier_regex"] is not None and tables["multiplier_regex"].match(text, end))


def _neighbour_words(text: str, start: int, end: int) -> tuple[str, str]:
    """The words right before and after a number, when only white space (or a dot) separates them."""
    before = re.findall(r"[^\W\d_]+\.?", text[max(0, start - 20):start])
    after = re.findall(r"[^\W\d_]+\.?", text[end:end + 20])
    if before and not re.search(re.escape(before[-1]) + r"\s*$", text[max(0, start - 22):start]):
        before = []
    if after and not re.match(r"\s*" + re.escape(after[0]), text[end:end + 22]):
        after = []
    return (before[-1].lower().rstrip(".") if before else ""), (after[0].lower().rstrip(".") if after else "")


# Words that introduce an age: "ηλικίας 22 έως 28 ετών", "aged 22", "в возрасте 22 лет", "البالغ من العمر 40".
_AGE_BEFORE = {
    "en": r"(?<!\w)(?:aged|ages|age|ages of)\s+(?:of\s+)?(?:between\s+|from\s+)?$",
    "el": r"(?<!\w)(?:ηλικίας|ηλικία)\s+(?:από\s+|μεταξύ\s+)?$",
    "ru": r"(?<!\w)(?:в\s+возрасте|возрастом|возраста)\s+(?:от\s+)?$",
    "ar": r"(?<!\w)(?:[وب]?عمره|[وب]?عمرها|بعمر|العمر|عمر|بسن|سن)\s+(?:بين\s+|من\s+)?$",
}
# The value a figure replaced, named as such: "the previous death toll of 20", "기존 21명에서 24명으로".
_PREVIOUS_VALUE = {
    "en": (r"(?<!\w)(?:previous|earlier|initial|prior|old)\s+(?:death\s+|casualty\s+)?(?:toll|tally|figure|count)\s+(?:of\s+)?$", r""),
    "ko": (r"(?:기존|종전|당초|애초)\s*$", r"\s?(?:여\s?)?명\s?에서"),
}
# A unit of measure glued to a number ("20m 깊이", "3000㎡ 구역"): a measurement, not a count.
_MEASURE_AFTER = re.compile(r"\s?(?:㎡|㎢|㎞|㎝|㎜|㎏|m²|km²|m2|km|cm|mm|kg|m)(?![^\W\d_])")


# Sixteenth session: an English share as "N out of M" with a small whole ("three out of four Yemenis", "7 out of 10
# households"); "five out of the 12 crew members" counts people of a group named (a figure), and so does a larger whole.
_SMALL = r"(?:[2-9]|10|two|three|four|five|six|seven|eight|nine|ten)"
_EN_SHARE = re.compile(rf"\s+out\s+of\s+(?:every\s+)?{_SMALL}(?![\w,.]\d)(?!\w)", re.IGNORECASE)
_EN_SHARE_SECOND = re.compile(r"(?<![\w,.])(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine)\s+out\s+of\s+"
                              r"(?:every\s+)?$", re.IGNORECASE)


def _is_not_quantity(text: str, token: _Token, language: str, tables: dict, hedged: bool, in_range: bool = False) -> bool:
    following = text[token.end:token.end + 3]
    preceding = text[max(0, token.start - 1):token.start]
    # "aged 40 and 52", "ηλικίας 19, 22 και 26": the ages listed after the age word
    listed = r"(?:\d+\s*(?:,|and|or|to|και|ή|έως|и|или|до|و|أو)\s*)*$"
    if language in _AGE_BEFORE and re.search(_AGE_BEFORE[language].rstrip("$") + listed, text[max(0, token.start - 40):token.start], re.IGNORECASE):
        return True  # "ηλικίας 22 έως 28 ετών", "aged 40": an age
    if language in _PREVIOUS_VALUE:
        before, after = _PREVIOUS_VALUE[language]
        if re.search(before, text[max(0, token.start - 40):token.start], re.IGNORECASE) and re.match(after, text[token.end:]):
            return True  # "the previous death toll of 20", "기존 21명에서": the value the figure replaced
    if re.search(r"(?:(?<!\w)(?:No|Nos|Nr|Αρ|№)\.?|#|(?<!\w)رقم)\s*$", text[max(0, token.start - 6):token.start]):
        return True  # "No. 45", "№45", "#3", "رقم 7": an identifier
    if language == "ko" and not token.is_word and re.search(r"[가-힣]\($", text[max(0, token.start - 2):token.start]) \
            and re.match(r"\)", text[token.end:token.end + 1]):
        return True  # "나모(38)씨", "이모(5)군": the Korean press gives a person's age in brackets after the name
    if _elided_thing(text, token, language, tables):
        return True  # "шесть квартир разрушены, еще две повреждены": two more flats
    if language == "ar" and token.is_word and re.search(r"(?<!\w)[وف]?(?:نقلت|نقل|نقلا|نقلاً)\s+(?:\S+\s+){0,3}?عن\s+$",
                                                        text[max(0, token.start - 60):token.start]):
        return True  # round 12: "ونقلت عن ضابطين في الشرطة أن …": the sources cited, counted, are no figure
    if re.match(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock)", text[token.end:token.end + 8], re.IGNORECASE):
        return True  # "at 5 p.m.", "5:50 a.m.": a clock time
    if not token.is_word and _MEASURE_AFTER.match(text, token.end):
        return True  # "20m", "3000㎡": a measurement
    if _not_subject_noun_follows(text, token, language, tables):
        return True  # "24 hours", "4 محافظات", "6 мая" is caught below
    if not token.is_word and token.number < 100 and re.search(r"(?:^|\n)[ \t]*$", text[:token.start]) \
            and re.match(r"\s*[-–)．.]\s", text[token.end:]):
        return True  # "1- مقتل 20 شخصا", "2) …": a list marker opening a line
    if language == "en" and _EN_EVENTS_AFTER_MODIFIERS.match(text, token.end):
        return True  # "527 terrorist and violent attacks", "2,100 air, artillery and mortar attacks": events
    if language == "en" and _EN_PERCENT_CHANGE.match(text, token.end):
        return True  # "a 15 percent increase": a change, not a share of people
    if language == "en" and not token.is_word and re.search(r"(?<!\w)(?:told|to|on|by|from|with)\s+[A-Z][\w-]+\s+$",
                                                            text[max(0, token.start - 30):token.start]) \
            and re.match(r"\s*(?:on\b|in\b|that\b|,|\.|$)", text[token.end:token.end + 6]):
        return True  # "told Kurdistan 24 on Sunday", "to France 24": a medium's name
    if language == "en" and _EN_REPLACED.search(text[max(0, token.start - 30):token.start]):
        return True  # "bringing the number to 82 from 75", "82, up from 75": the value the figure replaced
    if language == "ar" and token.is_word and (_AR_ORDINAL_BEFORE.search(text[max(0, token.start - 12):token.start])
                                               or re.match(r"\s+من\s+العمر", text[token.end:token.end + 12])):
        return True  # "في السادسة عشرة من العمر": an ordinal teen (the age), not the count ten
    if re.search(r"(?<!\w)(?:one|ένας|μία|ένα|один|одна|واحد)\s+(?:in|out\s+of|στους|στις|στα|из|من\s+كل)\s+$",
                 text[max(0, token.start - 24):token.start], re.IGNORECASE):
        return True  # "ένας στους επτά κατοίκους", "one in seven": a ratio, not a count
    if language == "en" and _EN_SHARE.match(text, token.end) or language == "en" and token.number <= 10 \
            and _EN_SHARE_SECOND.search(text[max(0, token.start - 30):token.start]):
        return True  # sixteenth session: "three out of four Yemenis": a share, neither term a count
    if re.search(_MAGNITUDE_BEFORE.get(language, r"$^"), text[max(0, token.start - 16):token.start], re.IGNORECASE) \
            or re.match(_MAGNITUDE_AFTER.get(language, r"$^"), text[token.end:token.end + 20], re.IGNORECASE):
        return True  # "규모 5.6", "a 7.8-magnitude earthquake", "7,8 Ρίχτερ", "магнитудой 7,5": a quake's size
    if language == "ar" and _AR_TIME_BEFORE.search(text[max(0, token.start - 20):token.start]):
        return True  # "خلال الساعات الـ 24 الماضية": the time unit comes first
    if language == "ar" and not token.is_word and _AR_NAMED_BY_NUMBER.search(text[max(0, token.start - 16):token.start]):
        return True  # "الطابق 12", "الفرقة 4", "اللواء 55": a thing numbered (floor, division, brigade), no count
    if language == "ar" and not token.is_word and re.search(r"(?<!\w)ال\u0640*\s*$", text[max(0, token.start - 6):token.start]) \
            and not _AR_HEDGED_DEFINITE.search(text[max(0, token.start - 30):token.start]):
        return True  # "اليوم الـ100 للحرب", "القتلى الـ50": a number with the definite article is an ordinal or a count given
    if language == "ar" and re.search(r"(?<!\w)(?:تي|إف|اف|أف|سو|ميغ|ميج|بي)\s*-?\s*$", text[max(0, token.start - 6):token.start]):
        return True  # "دبابة تي 55", "إف 16": a model's number
    if language == "ar" and token.is_word and token.number == 1 and re.search(
            r"(?<!\w)(?<!أكثر )(?<!اكثر )(?<!أقل )(?<!اقل )(?:من|في|فى|على|عن|ضمن)\s+\S+\s+$", text[max(0, token.start - 30):token.start]):
        return True  # round 10: "ستة قتلى من عائلة واحدة", "في يوم واحد": a noun's "one" after a preposition, no count
    if token.is_word and not token.scaled and re.match(r"[-‑][^\W\d_]", following):
        return True  # "two-week-old", "three-day": a compound word, not a figure
    if re.search(r"(?:جريدة|صحيفة|قناة|موقع|newspaper|channel|телеканал\w*|газет\w*|εφημερίδα)\s+[\"«“][^\"»”]{1,20}$",
                 text[max(0, token.start - 40):token.start], re.IGNORECASE) and re.match(r"\s*[\"»”]", text[token.end:]):
        return True  # 'جريدة "رصيف 24"': a number inside a medium's quoted name
    if token.is_word:
        if not hedged and not token.scaled and token.number >= 10:
            # "Τα δέκα από τα θύματα": after the article, a count given before (as for "the two leaders")
            before = re.findall(r"[^\W\d_]+", text[max(0, token.start - 12):token.start])
            if before and before[-1].casefold() in _DEFINITE_ARTICLES.get(language, ()) and language == "el":
                return True
        if hedged or token.scaled or token.number >= 10:
            return False
        if token.number == 1 and language == "en" and re.match(r"\s+(?:in|at|from|on)\s", text[token.end:]) \
                and re.search(r"(?:\d|(?<![\w-])(?:two|three|four|five|six|seven|eight|nine|ten))\s+(?:in|at|from|on)\s+"
                              r"[^,;.\d]{1,40}(?:,\s+and|,|\s+and)\s+$", text[max(0, token.start - 70):token.start]):
            return False  # round 12: "…, six in Guerrero and one in Oaxaca": a count in a list of counts, not the article
        if token.number == 1 and not re.match(r"(?:واحدة|واحد|واحدا|واحدًا)", text[token.start:token.end]):
            return True  # "ένας", "one": the indefinite article unless hedged ("τουλάχιστον ένας")
        # "the two leaders", "οι δύο": a number word after a definite article is no figure.
        before = re.findall(r"[^\W\d_]+", text[max(0, token.start - 12):token.start])
        rest = re.search(r"(?<!\w)(\w+)\s+(?:υπόλοιπ|υπολοίπ|άλλ)\w*\s+$", text[max(0, token.start - 30):token.start],
                         re.IGNORECASE) if language == "el" else None
        if rest and rest.group(1).casefold() in _DEFINITE_ARTICLES["el"]:
            return True  # round 12: "των υπολοίπων πέντε", "οι άλλοι δύο": the rest of a count given, no figure
        return bool(before) and before[-1].casefold() in _DEFINITE_ARTICLES.get(language, ())
    if (not in_range and re.match(r"[:\-/]\d", following)) or re.match(r"[:/]", preceding) or re.search(r"\w-$", text[max(0, token.start - 2):token.start]):
        return True  # clock times, dates written with slashes, model names such as F-16
    if re.match(r"[-‑][^\W\d_]", following) and not (language == "en" and re.match(r"[-‑](?:plus|strong)(?!\w)", text[token.end:token.end + 8], re.IGNORECASE)):
        return True  # "10-day-old", "6-летний", "10-ти": a compound word, not a figure ("100-plus" is a hedge)
    if language == "ko":
        if (re.match(r"(?:여\s?)?\s?(?:" + "|".join(_KO_NOT_QUANTITY) + ")", text[token.end:])
                and not re.match(r"(?:여\s?)?\s?세대", text[token.end:]) and not _KO_MATERIEL_PIECES.match(text, token.end)) or re.match(r",\s?\d+\s?차", text[token.end:]) \
                or (token.number % 10 == 0 and 10 <= token.number <= 90 and re.match(_KO_AGE_DECADE, text[token.end:])):
            # 2023년, 24시간, 14개 산업, "1,2차" (first and second), "20여 년" (twenty-odd years); not "세대"
            # (households, a count of people like 가구)
            return True
    elif re.match(r"[^\W\d_]", following[:1] or " ") and not token.scaled \
            and not (language == "ar" and "\u0600" <= following[:1] <= "\u06ff"):
        return True  # "3rd", "2η"; Arabic has no such suffixes: "167مدنياً" is a number glued to its noun
    if language in ("ru", "el") and not token.grouped and token.number <= 24 \
            and re.match(r"\.[0-5]\d(?!\d)", following) and not re.match(r"\.\d\d\s*(?:тыс|млн|млрд|χιλ|εκατ)", following):
        return True  # "В 20.45 мск", "στις 21.59": the decimal mark is the comma, so "HH.MM" is a clock time
    word_before, word_after = _neighbour_words(text, token.start, token.end)
    if word_before in tables["months"] or word_after in tables["months"]:
        return True  # day of the month, or "September 2025"
    if re.match(rf"\s*(?:по|-|–|до|έως|ως|to|through|and|и)\s*\d{{1,2}}\s+(?:{'|'.join(map(re.escape, tables['months']))})(?!\w)",
                text[token.end:token.end + 30], re.IGNORECASE) and token.number <= 31 and not token.grouped:
        return True  # "с 1 по 7 апреля", "1–7 April": the first day of a span of days
    if language == "ar" and token.number <= 31 and not token.grouped and re.match(
            rf"\s*(?:و\s*)?(?:حتى|إلى|الى|لغاية)\s*(?:يوم\s*)?\d{{1,2}}\s*(?:{'|'.join(map(re.escape, tables['months']))})(?!\w)",
            text[token.end:token.end + 30]) and re.search(r"(?<!\w)(?:من|بين)\s*(?:يوم\s*)?$", text[max(0, token.start - 12):token.start]):
        return True  # "في الفترة من 15 وحتى يوم1 مايو": the first day of a span
    if _change_from(text, token, language):
        return True  # "jumped from 76 to 172", "αυξήθηκε από 76 σε 172": the value before the change
    if not hedged and _looks_like_year(text, token, language):
        return True
    if language == "ru" and _RU_YEAR.match(text[token.end:]):
        return True
    return False


# Round 7. Events counted after adjectives or coordinated modifiers ("527 terrorist and violent attacks", "26
# government air and ground attacks"): no preposition and no noun of people between the number and the event noun.
_EN_EVENTS_AFTER_MODIFIERS = re.compile(
    r"(?:\s+(?!(?:in|on|at|of|by|from|during|after|with|for|to|who|were|was|had|have|people|civilians|soldiers|"
    r"troops|militants|fighters|children|women|men|members|persons|police|policemen|officers|personnel|residents|"
    r"workers|villagers|refugees)\b)[A-Za-z][\w-]*,?|\s+and|\s+or){1,4}\s+"
    r"(?:attacks|airstrikes|air\s+strikes|strikes|raids|incidents|bombings|blasts|explosions|operations|sorties|"
    r"clashes|battles|assaults|ambushes)(?![\w-])", re.IGNORECASE)
# "a 15 percent increase", "15% rise": the size of a change
_EN_PERCENT_CHANGE = re.compile(r"\s*(?:percent|per\s+cent|%)\s+(?:increase|rise|jump|drop|decrease|decline|fall|"
                                r"reduction|surge|growth|higher|lower|up|down)(?![\w-])", re.IGNORECASE)
# "bringing the number to 82 from 75", "82, up from 75": the old value named after the new one
_EN_REPLACED = re.compile(r"(?:(?<!\w)to\s+(?:about\s+|around\s+|nearly\s+|at\s+least\s+)?\d[\d,]*\s+|"
                          r"(?<!\w)(?:up|down)\s+)from\s+$", re.IGNORECASE)
# Arabic nouns of things known by a number, with the article, right before it ("الطابق 12", "الفرقة 4", "اللواء 55")
# Round 10: a hedge before the article of a number ("ما يقارب الــ4 آلاف", "نحو الـ300"): a count, hedged — not an
# ordinal nor a count given before.
_AR_HEDGED_DEFINITE = re.compile(r"(?<!\w)[وفبل]?(?:%s)\s+ال\u0640*\s*$" % "|".join(
    r"\s+".join(re.escape(part) for part in phrase.split()) for phrase in sorted(_PREFIX_HEDGES["ar"], key=len, reverse=True)
    if not phrase.startswith(("تجاوز", "تخطى", "فاق", "يفوق", "تفوق", "يتجاوز", "تتجاوز", "تخطت", "حتى"))))
_AR_NAMED_BY_NUMBER = re.compile(r"(?<!\w)(?:[وفب]?ال|لل)(?:طابق|لواء|فرقة|كتيبة|طريق|مادة|فصل|بند|قرار|دورة|جولة|"
                                 r"مرحلة|حافلة|رحلة|غرفة|جناح|عنبر|بوابة|مخرج|شارع|مربع|مجمع|بلوك|قطاع)\s*$")
# Arabic ordinals before "عشر/عشرة" ("السادسة عشرة", "الحادي عشر"): the number word is part of an ordinal
_AR_ORDINAL_BEFORE = re.compile(r"(?<!\w)(?:[وفبل]?ال|لل)(?:حادي|حادية|ثاني|ثانية|ثالث|ثالثة|رابع|رابعة|خامس|خامسة|"
                                r"سادس|سادسة|سابع|سابعة|ثامن|ثامنة|تاسع|تاسعة)\s+$")

_MAGNITUDE_BEFORE = {
    "en": r"magnitude(?:\s+of)?\s*$", "ko": r"규모\s*$", "ru": r"магнитуд\w*\s*$", "el": r"(?:μεγέθους|έντασης)\s*$",
    "ar": r"(?:بقوة|قوته|قوتها|بشدة)\s*$",
}
_MAGNITUDE_AFTER = {
    "en": r"\s*-?\s*(?:magnitude|on the richter)", "el": r"\s*(?:ρίχτερ|βαθμ)", "ru": r"\s*(?:балл|по шкале рихтера)",
    "ko": r"\s*(?:의\s*)?(?:강진|지진)", "ar": r"\s*(?:درجات|درجة)\s*(?:على مقياس|بمقياس)",
}
_AR_EXCEEDS = re.compile(r"(?<!\w)(?:تجاوز|تجاوزت|يتجاوز|تتجاوز|تخطى|تخطت)\s+(?:عدد|حصيلة)\s+\S+\s*$"
                         # "زاد عدد الجرحى عن 800": rose above
                         r"|(?<!\w)(?:زاد|زادت|يزيد|تزيد)\s+(?:عدد|حصيلة)\s+\S+\s+(?:عن|على)\s*$")
_AR_TIME_BEFORE = re.compile(r"(?:الساعات|الساعة|الأيام|الايام|الأسابيع|الأشهر|الشهور|السنوات|الأعوام)\s+(?:الـ\s*|ال)?$")

_DEFINITE_ARTICLES = {
    "en": ("the", "these", "those", "both"), "el": ("ο", "η", "το", "οι", "τα", "τους", "τις", "των", "στους", "στις"),
    "ru": ("эти", "те", "оба", "обе"), "ar": (), "ko": (),
}


def _not_subject_noun_follows(text: str, token: _Token, language: str, tables: dict) -> bool:
    regex = tables.get("not_subject")
    return bool(regex and regex.match(text, token.end))


def _el_range_of_counts(text: str, token: _Token, following: _Token, gap: str, language: str) -> bool:
    """Round 12: two numbers joined by "με" ("200 με 300 άτομα", "2000 με 3000") are a range of counts unless either end
    is a year ("από 2020 με 2022") or a time, or the lower end is a count of something else."""
    def year(t: _Token) -> bool:
        return not t.grouped and not t.scaled and not t.is_word and 1900 <= t.number <= 2100
    if year(following) or year(token) and following.number <= 2100:
        return False
    tables = _tables(language)
    return not _is_not_quantity(text, token, language, tables, hedged=False, in_range=True) or year(token)


def _looks_like_year(text: str, token: _Token, language: str = "") -> bool:
    """A bare four-digit whole number from 1900 to 2100 that reads as a year: not followed by a counter
    ("2000명", "2000 soldiers" are figures) unless a year word or preposition comes right before it."""
    if not (
        not token.grouped and not token.scaled and not token.is_word and token.number == token.number.to_integral()
        and 1900 <= token.number <= 2100 and len(text[token.start:token.end].strip()) == 4
    ):
        return False
    after = text[token.end:token.end + 12]
    if language == "ko":
        return not re.match(rf"\s?(?:여\s?)?(?:{_KO_COUNTERS})", after)
    if _YEAR_CONTEXT.search(text[max(0, token.start - 12):token.start]):
        return True
    # "7 October/تشرين الأول 2023", "السابع من أكتوبر 2023": a month among the three words before it.
    months = _tables(language)["months"]
    if any(word.lower() in months for word in re.findall(r"[^\W\d_]+", text[max(0, token.start - 30):token.start])[-3:]):
        return True
    if re.search(r"(?:19|20)\d\d\s*[-–—/]\s*$", text[max(0, token.start - 8):token.start]) or re.match(r"\s*[-–—/]\s*(?:19|20)\d\d", after):
        return True  # "2024–2025"
    # "2024–2025", "(2023)", a year at the end of a clause; a figure is followed by what it counts.
    return not re.match(r"\s*[^\W\d_]{3,}", after) or bool(re.match(r"\s*(?:год|г\.|έτ|年|년)", after))


_KO_SUFFIX = re.compile(
    # a particle is one only where the word ends: in "2000명가량" and "2000명이상" the syllable after the counter
    # begins the hedge (thirteenth session)
    rf"(여)?(\s?(?:{_KO_COUNTERS}|개)(?:(?:을|를|이|가|은|는|의|에|으로|로)(?!\w))?)?"
    r"(\s?(정도|가량|쯤|안팎|내외|가까이|이상|넘(?:는|게|었다|어섰다|어선|어|은|긴|겼다)|웃(?:도는|돈|돌아|돌았다|돌고|돌)|초과|미만|이하|"
    r"에?\s?육박))?"
)


def _suffix_hedge(text: str, end: int, language: str, tables: dict) -> tuple[str | None, int]:
    suffixes = tables["suffix"]
    if not suffixes:
        return None, end
    if language == "ko":
        # 2000여 명, 1만5000여명, 600명 이상, 350명 안팎, 7만 명을 넘었다, 2만명에 육박
        match = _KO_SUFFIX.match(text[end:])
        qualifier = None
        if match.group(1):
            qualifier = suffixes["여"]
        if match.group(4):
            word = match.group(4)
            key = "넘" if word.startswith(("넘", "웃")) else ("육박" if word.endswith("육박") else word)
            return suffixes[key], end + match.end()
        if match.group(1):
            return qualifier, end + match.end(1)
        return None, end
    for phrase, qualifier in suffixes.items():
        match = re.match(rf"\s*(?:[^\W\d_]+\s+)?{re.escape(phrase)}(?!\w)", text[end:], re.IGNORECASE)
        if language == "el" and phrase == "περίπου":
            # "2.000 περίπου στρατιώτες", "2.000 στρατιώτες περίπου"; not the hedge of the next number ("20 και περίπου 30")
            match = re.match(r"\s*(?:[^\W\d_]+\s+)?περίπου(?!\w)(?!\s*(?:[^\W\d_]+\s+)?\d)", text[end:], re.IGNORECASE)
        if language == "en" and phrase == "plus":
            match = re.match(r"\s*[-‑]?plus(?!\w)(?!\s*\d)", text[end:], re.IGNORECASE)  # "100-plus", not "5 plus 3"
        if match and (language != "en" or text[end:].lower().lstrip().lstrip("-‑").startswith(phrase)):
            return qualifier, end + match.end()
    return None, end


def _uncontained(tokens: list) -> list:
    """The tokens no other token contains (two with the same span contain each other), in their order: one sweep by
    start, as a token is contained exactly when one starting at or before it ends at or after it (thirteenth session:
    the pairwise test was quadratic, 20 s on 10,000 characters of "1 1 1 …")."""
    order = sorted(range(len(tokens)), key=lambda i: (tokens[i].start, -tokens[i].end))
    spans = Counter((t.start, t.end) for t in tokens)
    contained, furthest = set(), -1
    for i in order:
        token = tokens[i]
        if furthest >= token.end or spans[(token.start, token.end)] > 1:
            contained.add(i)
        furthest = max(furthest, token.end)
    return [t for i, t in enumerate(tokens) if i not in contained]


def read_quantity(text: str, *, language: str) -> list[Quantity]:
    """Every quantity stated in ``text``, read in ``language`` (a BCP 47 tag; its base language is used)."""
    language = _base_language(language)
    tables = _tables(language)
    tokens = _tokens(text, language, tables)
    quantities: list[Quantity] = []
    range_intro, range_join = _RANGE_CONNECTORS.get(language, ("", r"-|–"))
    skip_next = False
    for index, token in enumerate(tokens):
        if skip_next:
            skip_next = False
            continue
        # a hedge ends right before the number: it is looked for in the 200 characters before the space there (thirteenth
        # session: searching from the text's start for every number was quadratic on text of thousands of numbers)
        window = max(0, len(text[:token.start].rstrip(" \t\n([")) - 200)
        prefix = tables["prefix_regex"].search(text, window, token.start) if tables["prefix_regex"] else None
        # The hedge must end right before the number (only white space between).
        between = text[prefix.end(1):token.start].strip().rstrip("([").strip() if prefix else ""
        if language == "ar" and prefix and re.fullmatch(r"ال\u0640*", between):
            between = ""  # round 10: "ما يقارب الــ4 آلاف": the article of a hedged count
        # round 10: "at least another five", "more than an additional 200": the hedge bounds the number after the word
        further = language == "en" and re.fullmatch(r"another|a\s+further|an\s+additional|further|additional", between)
        if prefix and between not in ("", "в", "τους", "τις", "τα", "των", "στους", "στις", "στα", "σε") and not further:
            prefix = None
        if prefix and between not in ("", "в") and not further \
                and folded_hedge(prefix.group(1)) not in ("τουλαχιστον", "περιπου", "σχεδον"):
            prefix = None  # "λιγότερους από τους 359": a comparison with the figure known, not a hedge of it
        qualifier = hedge_qualifier(tables["prefix"], prefix.group(1)) if prefix else None
        if prefix is None and language == "ar" and _AR_EXCEEDS.search(text, window, token.start):
            qualifier = MORE_THAN  # "يتجاوز عدد الضحايا 10 آلاف": a verb of passing a mark, its subject between
        if qualifier is None and prefix:
            qualifier = next(q for p, q in tables["prefix"].items() if re.fullmatch(r"\s+".join(map(re.escape, p.split())), prefix.group(1), re.IGNORECASE))
        start = prefix.start(1) if prefix else token.start
        if index + 1 < len(tokens) :
            following = tokens[index + 1]
            gap = text[token.end:following.start]
            if re.fullmatch(rf"\s*(?:{range_join}|to|through|έως|ως|μέχρι|до|по|إلى|الى|حتى)\s*", gap, re.IGNORECASE) \
                    and following.number > token.number and _not_subject_noun_follows(text, following, language, tables):
                skip_next = True  # "22 έως 28 ετών", "between 18 and 25 years": the unit after the span covers both ends
                continue
        # Ranges: "between 300 and 400", "300–400", "от 300 до 400".
        if index + 1 < len(tokens):
            following = tokens[index + 1]
            gap = text[token.end:following.start]
            if (
                re.fullmatch(rf"\s*(?:{range_join}|{_RANGE_OR.get(language, range_join)})\s*", gap, re.IGNORECASE)
                and following.number > token.number
                and (
                    # round 12: "2000 με 3000 άτομα": a four-digit lower end is no year when the upper end is none
                    _el_range_of_counts(text, token, following, gap, language)
                    if language == "el" and re.fullmatch(r"\s*με\s*", gap) else
                    not _looks_like_year(text, token, language)
                    and not _is_not_quantity(text, token, language, tables, hedged=False, in_range=True))
            ):
                intro = re.search(rf"(?<!\w)({range_intro})\s*$", text[:token.start], re.IGNORECASE) if range_intro else None
                bare_to = re.fullmatch(r"\s*(?:to|έως|до|إلى)\s*", gap, re.IGNORECASE) and (token.grouped or following.grouped)
                if language == "en" and re.fullmatch(r"\s*to\s*", gap) and not _change_from(text, token, language) \
                        and not re.search(r"(?<!\w)from\s+$", text[max(0, token.start - 6):token.start], re.IGNORECASE):
                    bare_to = True  # "closer to 70 to 100 lost lives": a range (not "from 70 to 100")
                alternatives = language in _RANGE_OR and re.fullmatch(rf"\s*(?:{_RANGE_OR[language]})\s*", gap, re.IGNORECASE)
                if language == "el" and re.fullmatch(r"\s*με\s*", gap):
                    bare_to = True  # round 12: "200 με 300 άτομα", a range without "από"
                if intro or bare_to or alternatives or not re.search(r"[^\W\d_]", gap):
                    lower_bound = token.number
                    if following.scaled and not token.scaled:
                        # "between 3 and 5 million": the multiplier applies to both ends.
                        scaled = token.number * _multiplier_of(text, following, tables)
                        lower_bound = scaled if scaled < following.number else token.number
                    if intro and qualifier is None:
                        start = intro.start(1)
                    _, end = _suffix_hedge(text, following.end, language, tables)
                    quantities.append(Quantity(None, lower_bound, following.number, RANGE, start, end, text[start:end]))
                    skip_next = True
                    continue
        if language == "ru" and qualifier == AT_MOST and prefix and prefix.group(1).lower() == "до":
            # "возросло до 10": "до" after a verb of change is "to" — the figure itself.
            if _RU_CHANGE_BEFORE_DO.search(text[:prefix.start(1)]) or _RU_CHANGE_FROM_TO.search(text[:prefix.start(1)]) \
                    or re.match(r"\s*(?:человек\s+)?(?:возросл|вырос|увеличил|снизил|сократил|достиг|дошл)", text[token.end:], re.IGNORECASE):
                # "До 126 возросло число погибших": the verb of change after the figure (Russian fronts it)
                qualifier, start = None, token.start
        if qualifier in (MORE_THAN, AT_LEAST) and prefix and _group_age(text, prefix.start(1), token, language, tables):
            continue
        if _is_not_quantity(text, token, language, tables, hedged=qualifier is not None):
            continue
        suffix_qualifier, end = _suffix_hedge(text, token.end, language, tables)
        if suffix_qualifier and (qualifier is None or suffix_qualifier != APPROX):
            qualifier = suffix_qualifier if qualifier is None else qualifier
        quantities.append(_quantity(token.number, qualifier or EXACT, start, end, text))
    return quantities


# A number with its noun left out, right before a verb or participle: "еще две повреждены", "two more damaged".
# "ещё"/"more" says the same noun as the count before it.
_ELIDED_NOUN_VERB = {
    "ru": r"\s+(?:[^\W\d_]+(?:ны|на|но|ен|ли|ла|ло|ют|ят|ется|ются))(?!\w)",
    "en": r"\s+more\s+(?:were\s+|was\s+)?[^\W\d_]+ed(?!\w)",
}
_ELIDED_BEFORE = {"ru": r"(?<!\w)(?:еще|ещё)\s+$", "en": r""}
_RU_COLLECTIVE = ("двое", "трое", "четверо", "пятеро", "шестеро", "семеро", "двоих", "троих", "четверых", "пятерых",
                  "шестерых", "семерых")


def _elided_thing(text: str, token: _Token, language: str, tables: dict) -> bool:
    """A number whose noun is left out stands for the noun counted just before it in its sentence: when that noun is
    not what a figure counts ("шесть квартир разрушены, еще две повреждены"), neither is the number. Russian collective
    numerals ("еще трое ранены") count people and are never elided things."""
    pattern = _ELIDED_NOUN_VERB.get(language)
    if pattern is None or not re.match(pattern, text[token.end:token.end + 30], re.IGNORECASE):
        return False
    if not re.search(_ELIDED_BEFORE[language] or r"$", text[max(0, token.start - 8):token.start], re.IGNORECASE):
        return False
    if text[token.start:token.end].lower() in _RU_COLLECTIVE:
        return False
    clause = re.split(r"[.!?;]\s", text[max(0, token.start - 100):token.start])[-1]
    regex = tables.get("not_subject")
    if regex is None:
        return False
    numbers = [m for m in re.finditer(rf"(?<!\w)(?:\d[\d.,]*|{tables['word_regex'].pattern if tables['word_regex'] else '$^'})", clause, re.IGNORECASE)]
    if not numbers:
        return False
    last = numbers[-1]
    return bool(regex.match(clause, last.end()))


def _group_age(text: str, hedge_start: int, token: _Token, language: str, tables: dict) -> bool:
    """"τρία άτομα άνω των 60", "three people over 60": a hedged number right after a counted group, with no noun of
    its own, is the group's age, not a second figure."""
    before = text[max(0, hedge_start - 40):hedge_start]
    word = tables["word_regex"].pattern if tables["word_regex"] is not None else r"$^"
    counted = re.search(rf"(?:(?<![\w.,])\d[\d.,]*|{word})\s+[^\W\d_]+\s+$", before, re.IGNORECASE)
    if not counted:
        return False
    return bool(re.match(r"\s*(?:[,;.)]|$|(?:και|and|и|و)\s)", text[token.end:token.end + 6]))


def _tens_and_units(text: str, tokens: list) -> list:
    """"είκοσι εννέα", "двадцать девять", "twenty-nine": a tens word and a units word after it are one number."""
    merged = []
    for token in tokens:
        previous = merged[-1] if merged else None
        if previous is not None and previous.is_word and token.is_word and token.number < 10 \
                and previous.number % 100 in (20, 30, 40, 50, 60, 70, 80, 90) and previous.number < 1000 \
                and re.fullmatch(r"[\s-]", text[previous.end:token.start]):
            merged[-1] = _Token(previous.number + token.number, previous.start, token.end, True, False)
            continue
        merged.append(token)
    return merged


def folded_hedge(phrase: str) -> str:
    """A hedge without accents or case ("Τουλάχιστον" → "τουλαχιστον")."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", phrase.casefold()) if not unicodedata.combining(c))


def _arabic_compounds(text: str, tokens: list) -> list:
    """"تسعة وستين" (nine and sixty) is 69: a unit word joined by "و" to a tens word is one number."""
    merged = []
    for token in tokens:
        previous = merged[-1] if merged else None
        if previous is not None and previous.is_word and token.is_word and previous.number < 10 \
                and token.number in (20, 30, 40, 50, 60, 70, 80, 90) and text[previous.end:token.start] == " و":
            merged[-1] = _Token(previous.number + token.number, previous.start, token.end, True, False)
            continue
        if previous is not None and previous.is_word and token.is_word and 3 <= previous.number < 10 \
                and token.number == 10 and text[previous.end:token.start] == " ":
            merged[-1] = _Token(previous.number + 10, previous.start, token.end, True, False)  # "ثلاثة عشر" is 13
            continue
        merged.append(token)
    return merged


def _multiplier_of(text: str, token: _Token, tables: dict) -> Decimal:
    """The multiplier word that scaled ``token`` ("million" in "5 million")."""
    match = tables["multiplier_regex"].search(text, token.start, token.end) if tables["multiplier_regex"] else None
    return Decimal(tables["multipliers"][match.group(1).lower()]) if match else Decimal(1)


def _quantity(number: Decimal, qualifier: str, start: int, end: int, text: str) -> Quantity:
    wording = text[start:end]
    if qualifier in (EXACT, APPROX):
        return Quantity(number, None, None, qualifier, start, end, wording)
    if qualifier == AT_LEAST:
        return Quantity(number, number, None, qualifier, start, end, wording)
    if qualifier == MORE_THAN:
        return Quantity(None, number, None, qualifier, start, end, wording)
    return Quantity(None, None, number, qualifier, start, end, wording)
