"""Dates as pages write them: ISO 8601, RFC 2822, month names, numeric and relative forms.

Own compiled regexes rather than dateparser, so that scanning every line of a
page stays cheap. ``find_dates`` spots date-like substrings; ``parse_date``
turns the first valid one into a ``datetime``.
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

MIN_YEAR, MAX_YEAR = 1990, 2100

# English first; then the languages of outlets we see most (de, fr, es, it, pt, nl).
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro",
        "januari"),
    2: ("february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio",
        "fevereiro", "fev", "februari"),
    3: ("march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "mrt"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile"),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "mei"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "augustus"),
    9: ("september", "sept", "sep", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out"),
    11: ("november", "nov", "novembre", "noviembre", "novembro"),
    12: ("december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic",
         "dicembre", "dezembro", "december"),
}
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+"

# Fixed offsets in hours; US generic zones (ET, PT, ...) follow daylight saving via zoneinfo.
# Ambiguous abbreviations take the reading common in English-language news: IST is India,
# CST is US Central (as in RFC 2822).
_FIXED_ZONES = {
    "UTC": 0, "GMT": 0, "UT": 0, "Z": 0, "WET": 0, "BST": 1, "CET": 1, "WEST": 1, "CEST": 2, "EET": 2,
    "EEST": 3, "MSK": 3, "IST": 5.5, "PKT": 5, "WIB": 7, "ICT": 7, "SGT": 8, "HKT": 8, "PHT": 8,
    "AWST": 8, "JST": 9, "KST": 9, "ACST": 9.5, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3, "NST": -3.5, "BRT": -3, "ART": -3,
}
_GENERIC_ZONES = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
}

_DATE = re.compile(
    rf"""(?<![\w/.:-])(?:
      (?P<iso_y>\d{{4}})-(?P<iso_m>\d{{1,2}})-(?P<iso_d>\d{{1,2}})(?=t\d|[^\w/]|$)
    | (?P<ymd_y>\d{{4}})[/.](?P<ymd_m>\d{{1,2}})[/.](?P<ymd_d>\d{{1,2}})(?![\w/]|\.\d)
    | (?P<num_a>\d{{1,2}})(?P<sep>[/.-])(?P<num_b>\d{{1,2}})(?P=sep)(?P<num_y>\d{{4}})(?![\w/-]|\.\d)
    | (?P<cjk_y>\d{{4}})\s*年\s*(?P<cjk_m>\d{{1,2}})\s*月\s*(?P<cjk_d>\d{{1,2}})\s*日
    | (?:{_WEEKDAY})?(?P<md_m>{_MONTH})\.?\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<md_y>\d{{4}})(?!\w)
    | (?:{_WEEKDAY})?(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s*(?:of\s+|de\s+)?(?P<dm_m>{_MONTH})\.?,?
        \s+(?:de\s+|del\s+)?(?P<dm_y>\d{{4}})(?!\w)
    | (?P<rel_n>\d{{1,3}}|an?|one)\s*(?P<rel_u>seconds?|secs?|minutes?|mins?|m|hours?|hrs?|h|days?|d
        |weeks?|wks?|w|months?|years?|yrs?)\s+ago(?!\w)
    | (?P<rel_word>yesterday|today|just\s+now)(?!\w)
    )""",
    re.VERBOSE,
)
_TIME = re.compile(
    r"""(?:\s*(?:,|at|@|-|–|—|\||·|•|à|um|a\s+las)?\s*|t)
    (?:(?P<h>\d{1,2})(?::|h)(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?(?:\s*(?P<ap>[ap]\.?\s?m\.?))?
      | (?P<h3>\d{1,2})\.(?P<mi3>\d{2})\s*(?P<ap3>[ap]\.?\s?m\.?)
      | (?P<h2>\d{1,2})\s*(?P<ap2>[ap]\.?\s?m\.?)
    )(?=z\b|[^\w:]|$)""",
    re.VERBOSE,
)
# Case-sensitive: "et" in running text is not Eastern Time.
_ZONE = re.compile(
    r"""(?:(?P<z>Z)
      | \s*\(?(?:UTC|GMT)\s*(?P<goff>[+−-]\d{1,2}(?::?\d{2})?)
      | \s*(?P<off>[+−-]\d{2}:?\d{2})
      | \s*\(?(?P<abbr>[A-Z]{1,5})\)?
    )(?![\w:])""",
    re.VERBOSE,
)
# Cheap test that a text may hold a date at all.
_HINT = re.compile(r"\d|ago|yesterday|today|now")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def find_dates(line: str) -> list[str]:
    """Date-like substrings of ``line`` (calendar-valid or relative), in order."""
    found: list[str] = []
    low = _lower(line)
    if not _HINT.search(low):
        return found
    for match in _DATE.finditer(low):
        end = _extend(line, low, match)
        if match["rel_n"] or match["rel_word"] or _absolute(match, True) is not None:
            found.append(line[match.start():end].strip())
    return found


def parse_date(
    text: str, *, reference: datetime | None = None, dayfirst: bool = True
) -> datetime | None:
    """The first valid date written in ``text``, or None.

    Absolute forms need no ``reference``; relative ones ("3 days ago",
    "yesterday") are resolved against it and give None without it.
    Aware when the text names a zone (or the reference is aware, for
    relative forms); midnight when no time is given.
    """
    low = _lower(text)
    if not _HINT.search(low):
        return None
    for match in _DATE.finditer(low):
        if match["rel_n"] or match["rel_word"]:
            value = _relative(match, text, low, reference)
        else:
            day = _absolute(match, dayfirst)
            value = _with_time(day, text, low, match.end()) if day else None
        if value is not None:
            return value
    return None


def _lower(text: str) -> str:
    """``text`` in lower case character for character, so that match positions carry over.

    The patterns are lower case rather than compiled with re.IGNORECASE, which is
    several times slower; the few characters whose lower case is longer stay as they are.
    """
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _extend(text: str, low: str, match: re.Match[str]) -> int:
    """End of the date match including a following time and zone."""
    time = _TIME.match(low, match.end())
    if not time or not _valid_time(time):
        return match.end()
    zone = _ZONE.match(text, time.end())
    return zone.end() if zone and _zone_of(zone) is not None else time.end()


def _absolute(match: re.Match[str], dayfirst: bool) -> datetime | None:
    """The calendar day of an absolute match, or None when impossible."""
    if match["num_a"]:
        a, b, year = int(match["num_a"]), int(match["num_b"]), int(match["num_y"])
        if a > 12 or (b <= 12 and dayfirst):
            day, month = a, b
        else:
            day, month = b, a
    else:
        for prefix in ("iso", "ymd", "cjk"):
            if match[f"{prefix}_y"]:
                year, month, day = (int(match[f"{prefix}_{k}"]) for k in "ymd")
                break
        else:
            key = "md" if match["md_m"] else "dm"
            year, day = int(match[f"{key}_y"]), int(match[f"{key}_d"])
            month = MONTHS[match[f"{key}_m"]]
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def _with_time(day: datetime, text: str, low: str, pos: int) -> datetime | None:
    """``day`` with the time and zone written right after it, when present and valid."""
    time = _TIME.match(low, pos)
    if not time or not _valid_time(time):
        return day
    hour, minute, second = _clock(time)
    value = day.replace(hour=hour, minute=minute, second=second)
    zone = _ZONE.match(text, time.end())
    tz = _zone_of(zone) if zone else None
    return value.replace(tzinfo=tz) if tz else value


def _clock(time: re.Match[str]) -> tuple[int, int, int]:
    """Hour, minute, second of a time match, 12-hour clock resolved."""
    if time["h"]:
        hour, minute, ampm = int(time["h"]), int(time["mi"]), time["ap"]
    elif time["h3"]:
        hour, minute, ampm = int(time["h3"]), int(time["mi3"]), time["ap3"]
    else:
        hour, minute, ampm = int(time["h2"]), 0, time["ap2"]
    if ampm:
        hour = hour % 12 + (12 if ampm.lower().startswith("p") else 0)
    return hour, minute, int(time["s"] or 0)


def _valid_time(time: re.Match[str]) -> bool:
    hour, minute, second = _clock(time)
    ampm = time["ap"] or time["ap2"] or time["ap3"]
    raw_hour = int(time["h"] or time["h3"] or time["h2"])
    if ampm and not 1 <= raw_hour <= 12:
        return False
    return hour < 24 and minute < 60 and second < 60


def _zone_of(zone: re.Match[str]) -> tzinfo | None:
    """The tzinfo a zone match names, or None when unknown."""
    if zone["z"]:
        return timezone.utc
    offset = zone["goff"] or zone["off"]
    if offset:
        sign = -1 if offset[0] in "-−" else 1
        digits = offset[1:].replace(":", "")
        hours, minutes = (int(digits), 0) if len(digits) <= 2 else (int(digits[:-2]), int(digits[-2:]))
        if hours > 14 or minutes >= 60:
            return None
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    abbr = zone["abbr"]
    if abbr in _GENERIC_ZONES:
        return ZoneInfo(_GENERIC_ZONES[abbr])
    if abbr in _FIXED_ZONES:
        return timezone(timedelta(hours=_FIXED_ZONES[abbr])) if _FIXED_ZONES[abbr] else timezone.utc
    return None


def _relative(match: re.Match[str], text: str, low: str, reference: datetime | None) -> datetime | None:
    """A relative date against ``reference``; None without one."""
    if reference is None:
        return None
    word = match["rel_word"] or ""
    if word.startswith("just"):
        return reference
    if word:
        day = reference.replace(hour=0, minute=0, second=0, microsecond=0)
        day -= timedelta(days=1 if word == "yesterday" else 0)
        return _with_time(day, text, low, match.end())
    count = match["rel_n"]
    amount = 1 if count in ("a", "an", "one") else int(count)
    unit = match["rel_u"]
    if unit.startswith("mo"):
        return _months_back(reference, amount)
    if unit.startswith("y"):
        return _months_back(reference, 12 * amount)
    return reference - timedelta(seconds=amount * _UNIT_SECONDS[unit[0]])


def _months_back(when: datetime, months: int) -> datetime:
    """``when`` moved back by calendar months, the day clamped to the month's length."""
    index = when.year * 12 + when.month - 1 - months
    year, month = divmod(index, 12)
    day = min(when.day, calendar.monthrange(year, month + 1)[1])
    return when.replace(year=year, month=month + 1, day=day)
