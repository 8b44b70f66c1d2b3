"""Line features of a plain-text dump: what each line looks like on its own.

Every non-empty line gets its words, stop-word density (in the page's language,
guessed from the stop-word lists), sentence ending and list marker; a tag when
its wording or shape marks it as page furniture (credit, widget, banner, comment
form, footer, byline, dateline, language picker, menu, repeat); and jusText's
context-free class (good, neargood, short, bad). Context comes later, in
``extract_text``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain

from digest_ingest import patterns as pt
from digest_ingest.dates import find_dates
from digest_ingest.wordscan import WordPattern

# Thresholds in the spirit of jusText's defaults, scaled to single lines.
LENGTH_LOW, LENGTH_HIGH = 50, 100  # characters: one line of a dump is a whole paragraph
STOP_LOW, STOP_HIGH = 0.22, 0.30  # stop-word density
MIN_LANGUAGE_SHARE = 0.08  # below this share of stop words the language is "unknown"
MENU_RUN = 3  # this many very short lines in a row are a menu
CAPTION_WORDS = 10  # an unpunctuated line this long is a caption or a teaser, not a paragraph or subheading
FURNITURE_MAX = 300  # characters; longer lines are prose or a banner, never a menu, credit or form

_WORD = WordPattern(
    re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*"), re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
)
_SENTENCE_MARKS = tuple(".!?…。！？।:;")
_CLOSERS = "\"'”’»)]"  # quotes and brackets that may follow a sentence's last mark
_NAV_SEPARATOR = re.compile(r"\s[›»>|·•/]\s")
_MAYBE_DATE = re.compile(r"(?:19|20)\d\d|\bago\b|yesterday|today", re.IGNORECASE)
_DATE_LEAD = re.compile(r"^(?:published|updated|posted|last\s+updated|modified|released|date|on)\b", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*")
_NAME_STOP = pt.NOT_NAMES | {"updated", "published", "posted", "on", "at", "in"}
# Furniture kinds in the order they are tried; the first that fits names the tag.
_FURNITURE = {
    "end": pt.END_MARKER, "comment": pt.COMMENT, "credit": pt.CREDIT, "widget": pt.WIDGET,
    "link": pt.LINK_LINE, "footer": pt.FOOTER, "banner": pt.BANNER, "date": pt.TIMESTAMP,
}
# All whole-line forms as one pattern, one match() per line; the group that matched names the kind.
_WHOLE_LINE = re.compile(
    "|".join(f"(?P<{tag}>{kind.line.pattern})" for tag, kind in _FURNITURE.items() if kind.line), re.VERBOSE
)
_PHRASES = tuple((tag, kind) for tag, kind in _FURNITURE.items() if kind.phrase)
_BYLINES = (
    ("lead", pt.BYLINE_LEAD), ("tail", pt.BYLINE_TAIL), ("place", pt.BYLINE_PLACE), ("role", pt.BYLINE_ROLE),
)
# Each stop word and the languages whose list has it, to guess a page's language in one pass.
_STOP_LANGUAGES: dict[str, tuple[str, ...]] = {}
for _lang, _words in pt.STOPWORDS.items():
    for _w in _words:
        _STOP_LANGUAGES[_w] = (*_STOP_LANGUAGES.get(_w, ()), _lang)
_REST_LEAD = re.compile(r"^(?:updated|published|posted|on|at|in|editing|edited|for|with|additional)\b", re.I)


@dataclass(slots=True)
class Line:
    """One non-empty line of the dump and what was learnt about it."""

    text: str
    key: str  # casefolded text, to find repeats
    item: str  # the text without a list marker
    marker: str  # "", "bullet" or "numbered"
    words: list[str]  # casefolded words
    stop: float  # share of stop words
    sentence: bool  # ends like a sentence
    tag: str = ""  # why the line is page furniture; "" when it may be article text
    cls: str = "short"  # good | neargood | short | bad, before smoothing


def classify_lines(texts: list[str]) -> list[Line]:
    """Lines with their features, tags and context-free classes."""
    keys = [t.casefold() for t in texts]
    split = [_split_marker(t) for t in texts]
    words = [_WORD.findall(key) for key in keys]
    stops = _stoplist(words)
    lines = []
    for text, key, (item, marker), ws in zip(texts, keys, split, words):
        stop = sum(map(stops.__contains__, ws)) / len(ws) if ws and stops else 0.0
        line = Line(text, key, item, marker, ws, stop, _ends_sentence(text))
        line.tag = _tag(line) if len(item) <= FURNITURE_MAX else _long_tag(line)
        line.cls = "bad" if line.tag else _shape_class(line, stops is not None)
        lines.append(line)
    _mark_menu_runs(lines)
    _mark_repeats(lines)
    return lines


def _ends_sentence(text: str) -> bool:
    """Whether the line ends with a sentence mark, perhaps followed by closing quotes or brackets."""
    return text.rstrip(_CLOSERS).endswith(_SENTENCE_MARKS)


def _split_marker(text: str) -> tuple[str, str]:
    """The line without its list marker, and the marker kind."""
    if match := pt.NUMBERED.match(text):
        return match["text"], "numbered"
    if match := pt.BULLET.match(text):
        return match["text"], "bullet"
    return text, ""


def _stoplist(words: list[list[str]]) -> frozenset[str] | None:
    """Stop words of the page's language, or None when no list fits it."""
    counts = Counter(chain.from_iterable(words))
    hits = dict.fromkeys(pt.STOPWORDS, 0)
    for word in counts.keys() & _STOP_LANGUAGES.keys():
        for lang in _STOP_LANGUAGES[word]:
            hits[lang] += counts[word]
    total = sum(counts.values())
    lang = max(hits, key=lambda k: hits[k])  # ties keep the dict's order: deterministic
    return pt.STOPWORDS[lang] if total and hits[lang] >= MIN_LANGUAGE_SHARE * total else None


def _long_tag(line: Line) -> str:
    """The furniture a long line can be: a banner, a comment form's help text or a caption."""
    low = line.item.casefold()
    for tag, kind in (("banner", pt.BANNER), ("comment", pt.COMMENT)):
        if kind.phrase_folded(low):
            return tag
    return "credit" if pt.CREDIT.phrase_folded(low[-FURNITURE_MAX:]) else ""


def _tag(line: Line) -> str:
    """The kind of page furniture a short line is, by its wording; "" for none."""
    low = line.item.casefold()
    if whole := _WHOLE_LINE.match(low):
        return whole.lastgroup or ""
    for tag, kind in _PHRASES:
        if kind.phrase_folded(low):
            return tag
    if len(pt.LANGUAGE_NAMES.intersection(line.words)) >= 3:
        return "language"
    if byline_names(line.item):
        return "byline"
    if _is_dateline(line.item):
        return "date"
    if _menu_like(line):
        return "menu"
    return ""


def _shape_class(line: Line, known_language: bool) -> str:
    """jusText's context-free class from length, stop words and punctuation."""
    length, n = len(line.item), len(line.words)
    if n >= CAPTION_WORDS and not line.sentence and not line.marker:
        return "bad"  # paragraphs end with punctuation; long lines that do not are captions and teasers
    if not known_language:  # no stop words to go by: punctuation and length only
        if line.sentence and length >= LENGTH_HIGH:
            return "good"
        return "neargood" if line.sentence and (n >= 4 or length >= 30) else "short"
    if length >= LENGTH_HIGH and line.stop >= STOP_HIGH:
        return "good" if line.sentence else "neargood"
    if line.stop >= STOP_LOW and (length >= LENGTH_LOW or (line.sentence and n >= 4)):
        return "neargood"
    if line.marker and n >= 3:
        return "neargood"
    return "bad" if length >= LENGTH_LOW and line.stop < STOP_LOW / 2 else "short"


def _menu_like(line: Line) -> bool:
    """A run of capitalised words with no function words and no sentence: a menu or tag row."""
    if line.sentence:
        return False
    if len(_NAV_SEPARATOR.findall(line.item)) >= 2:  # "Forums › Hardware › Laptops", "Home | World | Sign in"
        return True
    if line.stop > 0.1 or len(line.words) < 4:
        return False
    tokens = [t for t in line.item.split() if t[:1].isalpha()]
    return sum(t[:1].isupper() for t in tokens) >= 0.8 * len(tokens)


def _is_dateline(text: str) -> bool:
    """A short line that is mostly a date ("Published On: Fri, Feb 23rd, 2018")."""
    if len(text) > 100 or not _MAYBE_DATE.search(text):
        return False
    dates = find_dates(text)
    if not dates:
        return False
    return bool(_DATE_LEAD.match(text)) or sum(map(len, dates)) >= 0.4 * len(text)


def byline_names(text: str) -> tuple[str, ...]:
    """Author names of a byline ("By Jane Doe and John Roe", "Jane Doe | Staff Writer"), else ()."""
    if len(text) > 120:
        return ()
    for kind, pattern in _BYLINES:  # noqa: B007 - the matching kind is used below
        if match := pattern.match(text):
            break
    else:
        return ()
    tokens = match["names"].split()
    cut = next((k for k, t in enumerate(tokens) if t.strip(".,").casefold() in _NAME_STOP), len(tokens))
    rest = (" ".join(tokens[cut:]) + " " + match["rest"]).strip(" |,;:/–—·•-")
    names = tuple(n for n in _NAME_SPLIT.split(" ".join(tokens[:cut])) if n)
    if not names or not _byline_rest_ok(kind, rest):
        return ()
    if kind in ("place", "role") and any(len(n.split()) < 2 for n in names):
        return ()  # without a lead word only full names make a byline
    # "By Jane Doe, Reuters", "By Jane Doe, Technology Reporter": an outlet or a role, not a co-author.
    return names[:1] + tuple(n for n in names[1:] if len(n.split()) >= 2 and not _has_role(n))


def _has_role(text: str) -> bool:
    """Whether ``text`` names a job ("Senior Reporter", "Staff Writer")."""
    return any(w.strip(".,").casefold() in pt.ROLE_WORDS for w in text.split())


def _byline_rest_ok(kind: str, rest: str) -> bool:
    """Whether what follows the names fits the byline's kind, rather than running on as a sentence."""
    words = rest.split()
    has_role = _has_role(rest)
    if kind == "role":
        return has_role and len(words) <= 6
    if kind == "place":
        return len(words) <= 3 and not has_role
    if not rest or has_role or _REST_LEAD.match(rest) or find_dates(rest):
        return True
    return len(words) <= 4 and all(t[:1].isupper() or t[:1].isdigit() for t in rest.split())


def _mark_menu_runs(lines: list[Line]) -> None:
    """Runs of very short, unpunctuated lines are menus, whatever their words."""
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and not line.marker and not line.sentence and len(line.item.split()) <= 3:
            run.append(line)
            continue
        if len(run) >= MENU_RUN:
            for short in run:
                short.tag, short.cls = short.tag or "menu", "bad"
        run = []


def _mark_repeats(lines: list[Line]) -> None:
    """Repeated short lines are navigation; repeated prose is kept once (pull quotes).

    A short line right above a prose line is spared: a subheading that a table of
    contents higher up repeats.
    """
    counts = Counter(line.key for line in lines)
    seen: set[str] = set()
    for i, line in enumerate(lines):
        key = line.key
        if counts[key] < 2:
            continue
        if len(line.words) <= 8:
            repeat = bool(line.tag) or i + 1 == len(lines) or lines[i + 1].cls != "good"
        else:
            repeat = key in seen
            seen.add(key)
        if repeat:
            line.tag, line.cls = line.tag or "repeat", "bad"
