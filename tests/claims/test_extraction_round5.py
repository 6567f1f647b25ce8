"""Round 5 of issue 15: rules from the grammar of each language, each with an excerpt-like sentence of the kind
that taught it (tests/claims/realtext/tuning, round 5). Every test fails on the rules before round 5."""

import datetime as dt
from decimal import Decimal

import pytest

from claims.extraction.dates import find_dates
from claims.extraction.numbers import read_quantity
from tests.claims.extraction_probes import actor, extract, hop_keys as hops, numbers


# --- Who speaks ------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_coordinated_clause_without_subject_has_the_subject_that_opens_the_sentence():
    [candidate] = extract("Οι αρχές αποδίδουν την επίθεση στον ISIS, ενώ μιλούν για τουλάχιστον 10 νεκρούς.", language="el")
    assert (candidate.claimant.key, candidate.quantity.qualifier) == ("officials", "at_least")


@pytest.mark.django_db
def test_a_common_noun_before_the_opening_name_leaves_the_name_the_subject_of_a_verb_after_a_participle():
    actor("syria", "Syria", "country", "SY", ["Συρία"], language="el")
    actor("sana", "Syrian Arab News Agency", "state_media", "SY", ["SANA"], language="el")
    actor("sy-health", "Ministry of Health of Syria", "government_agency", "SY", ["υπουργείο Υγείας της Συρίας"],
          language="el")
    actor("gr-health", "Ministry of Health (Greece)", "government_agency", "GR", ["υπουργείο Υγείας"], language="el")
    [candidate] = extract("Το πρακτορείο SANA, επικαλούμενο το υπουργείο Υγείας, ανέφερε ότι τα θύματα της επίθεσης "
                          "είναι τουλάχιστον 15.", language="el")
    # The bare "υπουργείο Υγείας" is Greece's name for its own ministry; in a text about Syria it is Syria's.
    assert (candidate.claimant.key, hops(candidate)) == ("sy-health", [["sana"]])


@pytest.mark.django_db
def test_an_organisation_proposed_keeps_its_whole_name():
    [candidate] = extract("Το Συριακό Παρατηρητήριο Ανθρωπίνων Δικαιωμάτων, με έδρα τη Βρετανία, αναφέρει ότι 30 "
                          "άνθρωποι τραυματίστηκαν.", language="el")
    assert (candidate.claimant.name, candidate.claimant.proposed) == ("Συριακό Παρατηρητήριο Ανθρωπίνων Δικαιωμάτων", True)


@pytest.mark.django_db
def test_a_russian_title_then_an_office_in_the_genitive_then_the_person_who_speaks():
    actor("ria", "RIA Novosti", "state_media", "RU", ["РИА Новости"], language="ru")
    actor("mchs", "EMERCOM", "government_agency", "RU", ["МЧС России", "МЧС"], language="ru")
    found = extract(
        "Количество спасенных составляет 77 человек, сообщила начальник Управления информации МЧС России Ирина "
        "Андрианова.\n\n«В 20.45 мск в Казань прибыл теплоход «Арабелла», и сейчас мы можем подтвердить списки на 77 "
        "человек», — цитирует Андрианову РИА «Новости».", language="ru")
    # The nested guillemets are one quotation; "20.45 мск" is a clock time; "Андрианову" is the same person.
    assert [(c.quantity.number, c.claimant.name, hops(c)) for c in found] == [
        (77, "Ирина Андрианова", []), (77, "Ирина Андрианова", [["ria"]])]


@pytest.mark.django_db
def test_a_place_in_the_genitive_after_an_organisation_is_no_speaker():
    actor("mchs", "EMERCOM", "government_agency", "RU", ["МЧС России", "МЧС"], language="ru")
    [candidate] = extract("Ранее МЧС Татарстана сообщало о 85 спасенных с борта судна.", language="ru")
    assert candidate.claimant.key == "mchs"


@pytest.mark.django_db
def test_according_to_an_agency_named_in_quotation_marks_citing_a_ministry():
    actor("interfax", "Interfax", "news_agency", "RU", ["Интерфакс"], language="ru")
    actor("mchs", "EMERCOM", "government_agency", "RU", ["МЧС России", "МЧС"], language="ru")
    [candidate] = extract('По сообщению агентства "Интерфакс" со ссылкой на МЧС России, там работают 223 человека.',
                          language="ru")
    assert (candidate.claimant.key, hops(candidate)) == ("mchs", [["interfax"]])


@pytest.mark.django_db
def test_latest_data_with_no_source_are_those_just_announced_else_the_writers():
    actor("mchs", "EMERCOM", "government_agency", "RU", ["МЧС России", "МЧС"], language="ru")
    publisher = actor("tatar-inform", "Tatar-inform", "news_agency")
    found = extract("От МЧС РТ поступили уточненные данные о спасенных.\n\nТак, по последним данным, пропавшими без вести "
                    "числятся 98 человек.\n\nПо последним данным, число жертв составило 4353 человека.",
                    language="ru", publisher=publisher)
    assert [(c.quantity.number, c.claimant.key) for c in found] == [(98, "mchs"), (4353, "tatar-inform")]


@pytest.mark.django_db
def test_an_arabic_plural_ministry_with_coordinated_portfolios_names_each_ministry_of_the_country():
    actor("iraq", "Iraq", "country", "IQ", ["العراق"], language="ar")
    actor("iq-defence", "Ministry of Defence of Iraq", "government_agency", "IQ", ["وزارة الدفاع العراقية"], language="ar")
    actor("iq-interior", "Ministry of the Interior of Iraq", "government_agency", "IQ", ["وزارة الداخلية العراقية"],
          language="ar")
    actor("iq-health", "Ministry of Health of Iraq", "government_agency", "IQ", ["وزارة الصحة العراقية"], language="ar")
    publisher = actor("elaph", "Elaph", "news_outlet")
    found = extract("بغداد: كشفت حصيلة حكومية رسمية في العراق أن ضحايا أعمال العنف في شهر أبريل/نيسان الماضي هي الأكثر "
                    "دموية.\n\nووفقاً لحصيلة نشرتها وزارات الدفاع والداخلية والصحة اليوم فقد قتل 205 أشخاصًا على مدار "
                    "الشهر الماضي.\n\nوبينت الإحصائية الرسمية إصابة 300 شخص، موزعين بين 167مدنياً و66 عسكرياً.",
                    language="ar", published_on=dt.date(2013, 5, 1), publisher=publisher)
    assert [(c.quantity.number, c.claimant.key) for c in found] == [
        (205, "iq-defence"), (300, "iq-defence"), (167, "iq-defence"), (66, "iq-defence")]
    assert [c.key for c in found[0].claimants] == ["iq-defence", "iq-interior", "iq-health"]
    # The statistic referred back to covers the month its first figure did.
    assert {(c.as_of, c.as_of_precision) for c in found} == {(dt.date(2013, 4, 1), "month")}


# --- Numbers --------------------------------------------------------------------------------------

def test_the_value_before_a_change_is_no_figure():
    assert numbers("Officials said the death toll had jumped from 76 to 172 people in 24 hours.", "en") == [172]
    assert numbers("Ο αριθμός των νεκρών αυξήθηκε από 76 σε 172.", "el") == [172]
    assert numbers("ارتفع عدد القتلى من 20 إلى 35 شخصا.", "ar") == [35]
    assert numbers("Between 20 and 35 people died.", "en") == [20]  # a range stays a range


def test_clock_times_with_a_dot_are_no_figures_where_the_decimal_mark_is_the_comma():
    assert numbers("В 20.45 мск в Казань прибыл теплоход, на борту 77 человек.", "ru") == [77]
    assert numbers("Ο σεισμός σημειώθηκε στις 21.59 τοπική ώρα.", "el") == []


def test_an_arabic_number_glued_to_its_noun_is_a_figure():
    assert numbers("موزعين بين 167مدنياً و66 عسكرياً و67 شرطياً", "ar") == [167, 66, 67]


def test_a_korean_hedged_count_of_years_is_no_figure_but_households_are():
    assert numbers("20여 년 만의 폭우로 이재민은 9천 6백여 세대, 1만 3천 2백여 명으로 늘어났다.", "ko") == [9600, 13200]


def test_the_first_day_of_an_arabic_span_of_days_is_no_figure():
    assert numbers("تقرير الفترة من 15 وحتى يوم1 مايو 2023م", "ar") == []


def test_a_russian_noun_between_a_number_and_a_place_noun_is_what_it_counts():
    assert numbers("неизвестной остается судьба четырех пассажиров поезда", "ru") == [4]
    assert numbers("в пяти южных провинциях", "ru") == []
    assert numbers("3471 обрушившихся зданий", "ru") == []


# --- Dates ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value, precision", [
    ("قتل 600 الأسبوع الفائت", dt.date(2025, 9, 1), "week"),
    ("قتل 600 في الشهر المنصرم", dt.date(2025, 8, 1), "month"),
    ("قتل 600 أمس الأول", dt.date(2025, 9, 8), "day"),
    ("قتل 600 في الخامس من سبتمبر", dt.date(2025, 9, 5), "day"),
    ("قتل 600 في الحادي والعشرين من شهر أغسطس", dt.date(2025, 8, 21), "day"),
])
def test_arabic_time_words(text, value, precision):
    [found] = find_dates(text, language="ar", published_on=dt.date(2025, 9, 10))
    assert (found.value, found.precision) == (value, precision)


def test_a_month_given_in_two_names_is_one_date():
    found = find_dates("في 3 آب/أغسطس قتل 600 شخص", language="ar", published_on=dt.date(2025, 9, 10))
    assert [(d.value, d.precision) for d in found] == [(dt.date(2025, 8, 3), "day")]


@pytest.mark.django_db
def test_a_date_does_not_reach_across_a_clause_of_its_own():
    [six, total] = extract("وتم تسجيل 6 إصابات بولاية الخرطوم بتاريخ 1 مايو، فيما سجلت حالة وفاة بولاية وسط دارفور، "
                           "علمًا أن جملة تراكمي الإصابات بلغ 4926 حالة إصابة.", language="ar",
                           published_on=dt.date(2023, 5, 2))
    assert (six.as_of, total.as_of) == (dt.date(2023, 5, 1), dt.date(2023, 5, 2))
    assert total.quantity.number == Decimal(4926)


# --- Batch 2 and Russian relay chains ---------------------------------------------------------------

def media(language="ru"):
    actor("tass", "TASS", "state_media", "RU", ["ТАСС"], language=language)
    actor("ria", "RIA Novosti", "state_media", "RU", ["РИА Новости"], language=language)
    actor("interfax", "Interfax", "news_agency", "RU", ["Интерфакс"], language=language)
    actor("mchs", "EMERCOM", "government_agency", "RU", ["МЧС России", "МЧС"], language=language)
    actor("gladkov", "Vyacheslav Gladkov", "person", "RU", ["Вячеслав Гладков", "Гладков"], language=language)


@pytest.mark.django_db
def test_a_korean_report_in_the_genitive_of_its_owner_names_the_owner():
    found = extract("24일 행정안전부의 '국민 안전관리 일일상황' 보고에 따르면 집중호우 사망자는 23명으로 증가했다.", language="ko")
    assert [(c.quantity.number, c.claimant.name, c.claimant.proposed) for c in found] == [(23, "행정안전부", True)]


@pytest.mark.django_db
def test_the_correspondent_told_is_no_subject_and_his_abbreviation_no_sentence_end():
    media()
    publisher = actor("tass-pub", "TASS (publisher)", "state_media")
    found = extract("Личности 62 спасенных и 4 погибших членов экипажа установлены. Об этом корр. ТАСС сообщил в пятницу "
                    "представитель главного управления МЧС России по Камчатскому краю.\n\n\"Опознаны 66 человек\", - уточнил "
                    "собеседник агентства.", language="ru", publisher=publisher)
    assert [(c.quantity.number, c.claimant.key) for c in found] == [(62, "mchs"), (4, "mchs"), (66, "mchs")]


@pytest.mark.django_db
def test_an_attribution_phrase_opening_a_quotation_names_its_source_and_the_speaker_relays():
    media()
    found = extract("По последним данным, погибли 13 человек, сообщил журналистам помощник министра здравоохранения "
                    "Алексей Кузнецов.\n\n«По данным МЧС, на месте крушения 13 человек погибли», — сказал Кузнецов.\n\n"
                    "В МЧС подтвердили информацию о количестве жертв. Там также уточнили, что удалось спасти 68 человек.",
                    language="ru")
    assert [(c.quantity.number, c.claimant.key, hops(c)) for c in found] == [
        (13, "proposed:алексеи кузнецов", []), (13, "mchs", [["proposed:алексеи кузнецов"]]), (68, "mchs", [])]


@pytest.mark.django_db
def test_an_arabic_governmental_statement_is_the_government_of_the_country_and_one_is_a_figure():
    actor("mx-gov", "Government of Mexico", "government", "MX", ["الحكومة المكسيكية"], language="ar")
    found = extract("أعلنت الحكومة المكسيكية أمس الأحد أن ما لا يقل عن 44 شخصا لاقوا حتفهم في خمس ولايات.\n\n"
                    "وذكر بيان حكومي أن 18 شخصا لاقوا حتفهم في ولاية فيراكروث وواحدا في كيريتارو", language="ar",
                    published_on=dt.date(2025, 10, 13))
    assert [(c.quantity.number, c.claimant.key) for c in found] == [(44, "mx-gov"), (18, "mx-gov"), (1, "mx-gov")]


def test_a_greek_date_with_an_ordinal_day():
    [found] = find_dates("έπειτα από αυτόν της 17ης Αυγούστου 1999", language="el", published_on=dt.date(2023, 2, 6))
    assert (found.value, found.precision) == (dt.date(1999, 8, 17), "day")


@pytest.mark.parametrize("body, claimant, chain", [
    # a medium before a plural impersonal verb, or between "Об этом" and a verb whose subject follows: told
    ("В пресс-службе МЧС ТАСС сообщили, что погибли 7 человек.", "mchs", [["tass"]]),
    ("Погибли 7 человек, об этом РИА Новости сообщили в МЧС России.", "mchs", [["ria"]]),
    ("Погибли 7 человек. Об этом ТАСС сообщил Гладков.", "gladkov", [["tass"]]),
    ("Вячеслав Гладков в интервью ТАСС заявил, что погибли 7 человек.", "gladkov", [["tass"]]),
    ("Погибли 7 человек, сказал Гладков агентству «Интерфакс».", "gladkov", [["interfax"]]),
    # the one quoted, next to the medium that quotes
    ("Погибли 7 человек, — цитирует ТАСС Гладкова.", "gladkov", [["tass"]]),
    ("«Погибли 7 человек», — приводит ТАСС слова Гладкова.", "gladkov", [["tass"]]),
    ("Погибли 7 человек, говорится в сообщении МЧС России, которое приводит ТАСС.", "mchs", [["tass"]]),
    # a medium's own report; a dateline with its day
    ("Как передает РИА Новости, в результате обстрела погибли 7 человек.", "ria", []),
    ("МОСКВА, 12 мая — РИА Новости. Погибли 7 человек, заявил Гладков.", "gladkov", [["ria"]]),
    ("Погибли 7 человек, пишет ТАСС со ссылкой на оперативные службы.", "officials", [["tass"]]),
])
@pytest.mark.django_db
def test_russian_relay_chains(body, claimant, chain):
    media()
    [candidate] = extract(body, language="ru")
    assert (candidate.claimant.key, hops(candidate)) == (claimant, chain)


# --- Batch 3 ----------------------------------------------------------------------------------------

def test_tens_and_units_number_words_are_one_number():
    assert numbers("Τουλάχιστον είκοσι εννέα άνθρωποι βρήκαν τον θάνατο", "el") == [29]
    assert numbers("погибли двадцать девять человек", "ru") == [29]
    assert numbers("twenty-nine people died", "en") == [29]


def test_an_english_to_range_and_a_change_with_adjusted():
    [found] = read_quantity("probably end up closer to 70 to 100 lost lives", language="en")
    assert (found.lower, found.upper, found.qualifier) == (70, 100, "range")
    assert numbers("We have adjusted the number from 81 to 85.", "en") == [85]


def test_a_greek_article_between_a_hedge_and_its_number():
    [found] = read_quantity("οι νεκροί έχουν φτάσει τουλάχιστον τους 126", language="el")
    assert (found.number, found.qualifier) == (126, "at_least")
    [compared] = [q for q in read_quantity("κατά περίπου 100 λιγότερους από τους 359", language="el") if q.number == 359]
    assert compared.qualifier == "exact"  # a comparison with the figure known, not a hedge of it


def test_an_arabic_number_word_after_the_preposition_li():
    assert numbers("وهي لعشرين رجلا وعشر نساء", "ar") == [20, 10]


@pytest.mark.django_db
def test_according_to_a_toll_published_by_someone_names_the_publisher_of_the_toll():
    [million, wounded] = extract(
        "Οι βροχές που έπληξαν την προηγούμενη εβδομάδα την πολιτεία προκάλεσαν υπερχειλίσεις από τις οποίες "
        "επηρεάστηκαν σχεδόν δύο εκατομμύρια άνθρωποι, ενώ τραυματίστηκαν 756, σύμφωνα με τον πιο πρόσφατο απολογισμό "
        "που δημοσιεύθηκε χθες Παρασκευή το βράδυ από την Πολιτική Προστασία.", language="el",
        published_on=dt.date(2024, 5, 11))
    assert {c.claimant.name for c in (million, wounded)} == {"Πολιτική Προστασία"}
    # the closing attribution's date covers both clauses; "last week" is the rains', not the toll's
    assert {c.as_of for c in (million, wounded)} == {dt.date(2024, 5, 10)}


@pytest.mark.django_db
def test_an_arabic_statement_issued_by_an_office_and_what_it_went_on_to_say():
    found = extract("وجاء في بيان صادر عن مكتب محافظ بالي قصر، أن الحادث وقع خلال عملية لخفر السواحل.وأوضح البيان، أن "
                    "القارب كان يقل مهربا و34 مهاجرا.وأشار إلى أن خمسة من المهاجرين لقوا حتفهم.", language="ar")
    assert [(c.quantity.number, c.claimant.name) for c in found] == [
        (34, "مكتب محافظ بالي قصر"), (5, "مكتب محافظ بالي قصر")]


@pytest.mark.django_db
def test_unnamed_arabic_security_sources_a_long_quotation_and_a_credit_in_guillemets():
    actor("afp", "Agence France-Presse", "news_agency", "FR", ["فرانس برس"], language="ar")
    found = extract("انتشلت السلطات المصرية 12 جثة إثر غرق مركب، حسبما قالت مصادر أمنية. وتابع «جرى إنقاذ 116 شخصاً "
                    "بينهم 72 فلسطينياً».\n\n«فرانس برس»", language="ar")
    assert [(c.quantity.number, c.claimant.key, hops(c)) for c in found] == [
        (12, "officials", [["afp"]]), (116, "officials", [["afp"]]), (72, "officials", [["afp"]])]


@pytest.mark.django_db
def test_an_arabic_quoted_name_after_the_verb_is_still_its_subject():
    [candidate] = extract('وقال «بسام أبو علي»، مسؤول مركز الدفاع المدني في البلدة، إن «الغارات أودت بحياة 14 مدني».',
                          language="ar")
    assert candidate.claimant.name == "بسام أبو علي"


@pytest.mark.django_db
def test_a_korean_summary_of_reports_names_the_medium():
    actor("nhk", "NHK", "news_outlet", "JP", ["NHK"], language="ko")
    found = extract("NHK 보도를 종합하면 이번 강진으로 와지마시에서 8명을 포함해 최소 13명의 사망자가 나왔다.", language="ko")
    assert [(c.quantity.number, c.claimant.key) for c in found] == [(8, "nhk"), (13, "nhk")]


@pytest.mark.django_db
def test_an_english_office_of_something_with_its_acronym_is_one_name():
    [candidate] = extract("Deaths from the storm climbed to 85, said the Office of Civil Defense (OCD) Sunday.")
    assert candidate.claimant.name == "Office of Civil Defense"
    found = extract("Estimates of North Korean casualties range between 4,000 and 5,000, according to officials.")
    assert {c.claimant.key for c in found} == {"officials"}


# --- Batch 4 ----------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_minister_named_after_his_portfolio_and_a_relative_clause_before_the_verb():
    [candidate] = extract("Από την πλευρά του, ο υπουργός Υποδομών Ιρακλί Καρσελάτζε, που μετέβη στο σημείο, έκανε λόγο για "
                          "περίπου 30 αγνοούμενους.", language="el")
    assert (candidate.claimant.name, candidate.quantity.qualifier) == ("Ιρακλί Καρσελάτζε", "approximately")


@pytest.mark.django_db
def test_a_relative_clause_about_a_place_does_not_make_the_place_the_speaker():
    actor("un", "United Nations", "international_organization", aliases=["Ηνωμένων Εθνών"], language="el")
    [candidate, _] = extract("Τουλάχιστον 11.300 άνθρωποι είναι νεκροί και άλλοι 10.100 αγνοούνται μόνο στην πόλη Ντέρνα, που "
                             "χτυπήθηκε πριν από περίπου μια εβδομάδα από πλημμύρες, ανέφερε υπηρεσία των Ηνωμένων Εθνών.",
                             language="el")
    assert candidate.claimant.key == "un"


@pytest.mark.django_db
def test_a_report_subject_names_its_publisher_and_unnamed_reports_are_the_writers():
    publisher = actor("lifo", "LiFO", "news_outlet")
    found = extract("Ένας προηγούμενος απολογισμός, τον οποίο δημοσίευσαν νωρίτερα οι αρχές, έκανε λόγο για 4 νεκρούς.\n\n"
                    "«Υπάρχουν οκτώ επιβεβαιωμένοι θάνατοι», δήλωσε ο Ματέο Σαλβίνι. Νωρίτερα, πληροφορίες έκαναν λόγο για "
                    "τουλάχιστον 13 αγνοούμενους.", language="el", publisher=publisher)
    assert [(c.quantity.number, c.claimant.key) for c in found] == [
        (4, "officials"), (8, "proposed:ματεο σαλβινι"), (13, "lifo")]


@pytest.mark.django_db
def test_a_long_russian_title_ends_with_the_persons_name():
    [candidate] = extract("Число погибших возросло до 16 человек. Об этом во вторник сообщил исполнительный директор "
                          "Национального совета по уменьшению опасности и ликвидации последствий стихийных бедствий страны "
                          "Рикардо Салад.", language="ru")
    assert candidate.claimant.name == "Рикардо Салад"


def test_a_fronted_russian_do_before_a_verb_of_change_is_the_figure_itself():
    [found] = read_quantity("До 126 возросло число погибших", language="ru")
    assert (found.number, found.qualifier) == (126, "exact")


@pytest.mark.django_db
def test_arabic_ministry_without_its_noun_and_television_relaying_it():
    actor("morocco", "Morocco", "country", "MA", ["المغرب"], language="ar")
    actor("ma-interior", "Ministry of the Interior of Morocco", "government_agency", "MA", ["وزارة الداخلية المغربية"],
          language="ar")
    found = extract("وقالت “الداخلية المغربية”، في بيان صحفي، إن عدد الوفيات بلغ 1591 بإقليم الحوز.\n\nونقل التلفزيون المغربي "
                    "عن الوزارة قولها إن من بين المصابين 1220 في حالة حرجة.", language="ar")
    assert [(c.quantity.number, c.claimant.key, hops(c)) for c in found] == [
        (1591, "ma-interior", []), (1220, "ma-interior", [["proposed:التلفزيون المغربي"]])]
    assert found[1].hops[0][0].kind == "news_outlet"


# --- Batch 5 ----------------------------------------------------------------------------------------

def test_numbers_in_a_media_name_flats_floors_and_an_article_before_a_number_word():
    assert numbers('وبحسب ما أوردته جريدة "رصيف 24" الإلكترونية، انهار المبنىان المكونان من 4 طوابق', "ar") == []
    assert numbers("В пятиэтажном доме 90 квартир и шесть подъездов.", "ru") == []
    assert numbers("Τα δέκα από τα θύματα δεν έχουν αναγνωριστεί.", "el") == []


@pytest.mark.django_db
def test_a_greek_impersonal_passive_names_where_it_is_said():
    [eight, sixteen] = extract("Οκτώ από τους νεκρούς βρέθηκαν στη ζώνη της πυρκαγιάς Palisades και άλλοι 16 στη ζώνη της "
                               "πυρκαγιάς Eaton, γνωστοποιείται στο επίσημο έγγραφο των αρχών.", language="el")
    assert (eight.claimant.key, sixteen.claimant.key) == ("officials", "officials")


@pytest.mark.django_db
def test_a_toll_a_medium_broadcast_is_the_state_television_of_the_country_named():
    actor("iran", "Iran", "country", "IR", ["Ιράν"], language="el")
    actor("irib", "IRIB", "state_media", "IR", descriptors=["ιρανική κρατική τηλεόραση"], language="el")
    actor("morocco", "Morocco", "country", "MA", ["Μαρόκο"], language="el")
    [iran] = extract("Τουλάχιστον τέσσερις άνθρωποι σκοτώθηκαν σήμερα στο νότιο Ιράν, σύμφωνα με νεότερο απολογισμό που "
                     "μετέδωσε η κρατική τηλεόραση.", language="el")
    assert iran.claimant.key == "irib"
    [morocco] = extract("Τουλάχιστον 632 άνθρωποι έχασαν τη ζωή τους στο Μαρόκο, μετέδωσε η κρατική τηλεόραση της χώρας.",
                        language="el")
    assert morocco.claimant.key != "irib"


@pytest.mark.django_db
def test_an_arabic_statement_issued_by_someone_as_the_subject_of_a_verb():
    found = extract("وأوضح بيان صادر عن مكتب الطبيب الشرعي أن القسم تلقى تقارير عن عشر وفيات مرتبطة بهذه الحرائق.",
                    language="ar")
    assert [(c.quantity.number, c.claimant.name) for c in found] == [(10, "مكتب الطبيب الشرعي")]


@pytest.mark.django_db
def test_a_directorates_acronym_before_its_ministry_and_a_quoted_medium_after_its_verb():
    media()
    found = extract("Один человек погиб, двое пострадали и трое остаются под завалами, сообщает ГУ МЧС по региону.",
                    language="ru")
    assert [(c.quantity.number, c.claimant.key) for c in found] == [(2, "mchs"), (3, "mchs")]
    [relayed] = extract("Из-под завалов извлекли тела пяти погибших жителей. Об этом сообщают «Известия» со ссылкой на "
                        "единую дежурно-диспетчерскую службу (ЕДДС).", language="ru")
    assert (relayed.claimant.name, hops(relayed)) == ("ЕДДС", [["proposed:известия"]])
