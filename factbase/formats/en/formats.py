"""One date format everywhere in the admin: ISO dates (2025-09-04) and times to the minute (2025-09-04 14:05).

Curators compare dates across languages and with the API, which writes ISO dates; Django's English
default ("Sept. 4, 2025") mixed with the ISO dates of our own columns read as two formats on one page.
"""

DATE_FORMAT = "Y-m-d"
SHORT_DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y-m-d H:i"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "m-d"
YEAR_MONTH_FORMAT = "Y-m"
