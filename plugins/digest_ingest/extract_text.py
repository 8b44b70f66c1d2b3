"""Article body and metadata candidates from a plain-text dump of a page.

A dump is a page's whole visible text, one line per block. Each line is
classified from its own features (length, sentence ending, stop-word density,
boilerplate patterns, repetition), the classes are smoothed with their
neighbours (jusText's short/near-good rules), and the article is the densest
run of good lines before the first hard end marker. The headline, standfirst,
bylines and datelines around that run become metadata candidates.
"""

from __future__ import annotations

import re
from collections import Counter

from digest_core.records import Block, Candidate, Decoded, Extracted, Inline
from digest_ingest.dates import find_dates
from digest_ingest.text_lines import Line, byline_names, classify_lines

MIN_ARTICLE_CHARS = 150  # good text needed before an end marker counts as the article's end
HEADLINE_WINDOW = 8  # lines looked at above the article for its headline
NO_ARTICLE_WINDOW = 30  # without an article, the headline is looked for in the page's first lines
BAD_WEIGHT = 1.5  # cost of one boilerplate line inside the article run
INLINE_WEIGHT = 0.5  # cost of furniture that sits inside articles: ads, "Read more:", captions, timestamps
INLINE_TAGS = frozenset({"link", "credit", "date"})
STANDFIRST_OVERLAP = 0.8  # share of a standfirst's words that the body repeats
DECK_MIN_WORDS = 6  # a title-shaped line under the headline with this many words is its deck
PULL_QUOTE_MIN, PULL_QUOTE_MAX = 20, 300  # characters of a line repeated inside another one
PULL_QUOTE_REACH = 12  # body lines either side where a pull quote's source is looked for
# Tags of lines that sit between a headline and its article without being either.
META_TAGS = frozenset({"byline", "date", "credit", "widget", "link", "menu", "repeat", "banner"})
# Tags a headline line may carry: a headline may look like a menu or be repeated in a caption.
HEADLINE_TAGS = frozenset({"", "menu", "repeat"})
# "By the newsroom staff", "Reporting by ...": a credit, never a headline or a subheading.
_BY = re.compile(r"(?i:(?:(?:reporting|written|words|story|interview|text|posted|photos?|photographs?)\s+)?by"
                 r"|von|par|por|door)\s")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def extract_text(decoded: Decoded) -> Extracted:
    """The article of a text dump as Blocks, with title/date/author/standfirst candidates.

    Args:
        decoded: the page's text, one visible block per line.

    Returns:
        Extracted with the body blocks, the candidates (origins ``text:headline``,
        ``text:standfirst``, ``text:dateline``, ``text:byline``) and the number of
        lines dropped as boilerplate.
    """
    # decode() has removed control and invisible characters; splitlines() knows every line break.
    texts = [t for t in (" ".join(raw.split()) for raw in decoded.text.splitlines()) if t]
    if not texts:
        return Extracted(decoded, ())
    lines = classify_lines(texts)
    end = _article_end(lines)
    classes = _smooth(_promote_headings(lines[:end]))
    start, stop = _densest_run(lines, classes)
    # The run's own first line may be the headline: jusText's rules often join it to the text.
    if stop > start:
        head = _headline(lines, start)
    else:
        head = _headline(lines, min(end, NO_ARTICLE_WINDOW) - 1, window=NO_ARTICLE_WINDOW)
    body = _body(lines, classes, start, stop, head)
    stand = _standfirst(lines, head, body) if head is not None else None
    body = [i for i in body if i != stand]
    candidates = _candidates(lines, head, stand, start if stop > start else end, end)
    dropped = len(lines) - len(body) - (head is not None) - (stand is not None)
    return Extracted(decoded, _blocks(lines, body), tuple(candidates), dropped)


# --- Context: smoothing, end of article, densest run ----------------------------------------------


def _promote_headings(lines: list[Line]) -> list[str]:
    """Classes with short heading-like lines right above a good line raised to near-good.

    jusText's heading rule, for dumps that have lost their heading tags.
    """
    classes = [line.cls for line in lines]
    for i in range(len(lines) - 1):
        heading = classes[i] == "short" and not lines[i].tag and _heading_like(lines[i])
        if heading and classes[i + 1] == "good":
            classes[i] = "neargood"
    return classes


def _nearest(classes: list[str], accept: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """For each line, the class of the nearest line above and below whose class is in ``accept``.

    The page's edges count as bad. Two passes, so smoothing stays linear on any page.
    """
    above, below = [], []
    last = "bad"
    for cls in classes:
        above.append(last)
        last = cls if cls in accept else last
    last = "bad"
    for cls in reversed(classes):
        below.append(last)
        last = cls if cls in accept else last
    return above, below[::-1]


def _smooth(classes: list[str]) -> list[str]:
    """jusText's context rules: short and near-good lines take their neighbours' class."""
    out = list(classes)
    above, below = _nearest(classes, ("good", "bad"))
    near_above, near_below = _nearest(classes, ("good", "bad", "neargood"))
    for i, cls in enumerate(classes):
        if cls != "short":
            continue
        if above[i] == below[i]:
            out[i] = above[i]
        else:
            near = (above[i] == "bad" and near_above[i] == "neargood") or (
                below[i] == "bad" and near_below[i] == "neargood"
            )
            out[i] = "good" if near else "bad"
    above, below = _nearest(out, ("good", "bad"))
    for i, cls in enumerate(out):
        if cls == "neargood":
            out[i] = "bad" if above[i] == below[i] == "bad" else "good"
    return out


def _article_end(lines: list[Line]) -> int:
    """Index of the first hard end marker once some article text has been seen."""
    good = 0
    for i, line in enumerate(lines):
        if line.tag == "end" and good >= MIN_ARTICLE_CHARS:
            return i
        good += len(line.text) if line.cls == "good" else 0
    return len(lines)


def _densest_run(lines: list[Line], classes: list[str]) -> tuple[int, int]:
    """[start, stop) of the run of lines with the most good text net of boilerplate (Kadane)."""
    best, span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, cls in enumerate(classes):
        if cls == "good":
            score = 0.5 + min(len(lines[i].text), 600) / 150
        else:  # an ad, caption or timestamp interrupts an article; a menu or footer leaves it
            score = -INLINE_WEIGHT if lines[i].tag in INLINE_TAGS else -BAD_WEIGHT
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, span = total, (start, i + 1)
    return span


# --- Headline, standfirst, body ---------------------------------------------------------------------


def _headline(lines: list[Line], first: int, window: int = HEADLINE_WINDOW) -> int | None:
    """Index of the most headline-like line among ``lines[first]`` and the ``window`` lines above it."""
    best, best_score, distance = None, float("-inf"), 0
    for i in range(first, max(0, first - window) - 1, -1):
        line = lines[i]
        if _title_like(line):
            score = (
                3.0 * _repeated(lines, i)
                + min(len(line.words), 10) / 5  # headlines say something; labels and names are terse
                - 2.0 * (line.tag == "menu")
                - 2.0 * _is_deck(lines, i)
                - 0.5 * distance
            )
            if score > best_score:  # strict: on a tie the line nearer the article wins
                best, best_score = i, score
        if line.tag not in META_TAGS - {"menu", "repeat"}:
            distance += 1
    return best


def _is_deck(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` follows a shorter title-like line: a deck under its headline."""
    j = i - 1
    while j >= 0 and lines[j].tag in META_TAGS - {"menu", "repeat"}:
        j -= 1
    return j >= 0 and not lines[j].tag and _title_like(lines[j]) and len(lines[j].text) < len(lines[i].text)


def _title_like(line: Line) -> bool:
    """Shaped like a headline: a dozen-odd words, no closing full stop, not furniture."""
    text = line.text
    if line.tag not in HEADLINE_TAGS or line.marker or not 12 <= len(text) <= 220:
        return False
    if text.endswith((".", ":", ";", ",")) and not text.endswith("...") or _BY.match(text):
        return False
    n = len(line.words)
    wordy = 3 <= n <= 30 or (n < 3 and not text.isascii() and len(text) >= 8)  # scripts without spaces
    return wordy and (text[0].isalnum() or text[0] in "\"“‘'¿¡(")


def _repeated(lines: list[Line], i: int) -> bool:
    """Whether another line repeats line ``i``, starts with it (a caption under the headline)
    or ends with it (a breadcrumb trail, which ends at the page's own title)."""
    key = lines[i].key
    others = (line.key for j, line in enumerate(lines) if j != i)
    long_enough = len(key) >= 20
    return any(other == key or long_enough and (other.startswith(key) or other.endswith(key)) for other in others)


def _body(lines: list[Line], classes: list[str], start: int, stop: int, head: int | None) -> list[int]:
    """Indexes of the good lines of the article run, less headline echoes, repeats and pull quotes."""
    headline = lines[head].key if head is not None else None
    seen: set[str] = set()
    body = []
    for i in range(start, stop):
        key = lines[i].key
        if classes[i] != "good" or i == head or key in seen or (headline and key.startswith(headline)):
            continue
        seen.add(key)
        body.append(i)
    keys = [lines[i].key for i in body]
    return [i for k, i in enumerate(body) if not _pull_quote(keys, k)]


def _pull_quote(keys: list[str], k: int) -> bool:
    """Whether body line ``k`` repeats words of a nearby body line (a pull quote)."""
    core = keys[k].strip(" \"'“”‘’«».,;:!?…")
    if not PULL_QUOTE_MIN <= len(core) <= PULL_QUOTE_MAX:
        return False
    near = keys[max(0, k - PULL_QUOTE_REACH) : k] + keys[k + 1 : k + 1 + PULL_QUOTE_REACH]
    return any(len(other) > len(core) and core in other for other in near)


def _standfirst(lines: list[Line], head: int, body: list[int]) -> int | None:
    """Index of the summary line right under the headline, when it clearly is one.

    Clearly one: it is shaped like a title (no full stop) yet says more than a
    label does (a deck), the body repeats its words, or furniture (byline,
    dateline, share bar) separates it from the body.
    """
    j = head + 1
    while j < len(lines) and lines[j].tag in META_TAGS:
        j += 1
    if j >= len(lines):
        return None
    line = lines[j]
    if _title_like(line) and len(line.words) >= DECK_MIN_WORDS and not line.tag:
        return j  # a second title-shaped line under the headline is its deck
    if line.tag or line.marker or not line.sentence or not 40 <= len(line.text) <= 400:
        return None
    later = [i for i in body if i > j][:3]
    if not later:
        return None
    if any(_overlap(line, lines[i]) >= STANDFIRST_OVERLAP for i in later):
        return j
    between = {lines[k].tag for k in range(j + 1, later[0])}
    return j if between & {"byline", "date", "widget", "menu"} else None


def _overlap(part: Line, whole: Line) -> float:
    """Share of ``part``'s words (with multiplicity) that ``whole`` also has."""
    if not part.words:
        return 0.0
    have = Counter(whole.words)
    return sum(min(n, have[w]) for w, n in Counter(part.words).items()) / len(part.words)


# --- Output: candidates and blocks --------------------------------------------------------------------


def _candidates(
    lines: list[Line], head: int | None, stand: int | None, anchor: int, end: int
) -> list[Candidate]:
    """Title, standfirst, dates and authors, most reliable first within each field."""
    found = []
    if head is not None:
        found.append(Candidate("title", lines[head].text, "text:headline"))
    if stand is not None:
        found.append(Candidate("standfirst", lines[stand].text, "text:standfirst"))
    datelines = [i for i in range(end) if lines[i].tag in ("date", "byline")]
    header = [i for i in range(min(anchor, end)) if lines[i].tag not in ("date", "byline")]
    dates = [d for i in datelines for d in find_dates(lines[i].text)[:1]]
    # On other lines above the article only an absolute date counts ("Today's paper" is a menu).
    dates += [d for i in header for d in find_dates(lines[i].text) if _YEAR.search(d)][:1]
    found += [Candidate("date", d, "text:dateline") for d in dict.fromkeys(dates)]
    # Bylines without a lead word ("Jane Doe in London") only count above the article.
    signed = [i for i in datelines if lines[i].tag == "byline" and (i < anchor or _BY.match(lines[i].item))]
    names = [n for i in signed for n in byline_names(lines[i].item)]
    found += [Candidate("author", n, "text:byline") for n in dict.fromkeys(names)]
    return found


def _blocks(lines: list[Line], body: list[int]) -> tuple[Block, ...]:
    """Body lines as paragraphs, headings and lists (adjacent marked lines)."""
    blocks: list[Block] = []
    k = 0
    while k < len(body):
        line = lines[body[k]]
        run = [body[k]]
        while line.marker and k + len(run) < len(body):
            nxt = body[k + len(run)]
            if nxt != run[-1] + 1 or lines[nxt].marker != line.marker:
                break
            run.append(nxt)
        if line.marker and (len(run) > 1 or line.marker == "bullet"):
            kind = "ordered_list" if line.marker == "numbered" else "list"
            blocks.append(Block(kind, items=tuple((Inline(lines[i].item),) for i in run)))
        elif 0 < k < len(body) - 1 and _heading_like(line):
            blocks.append(Block.heading(line.text))
        else:
            blocks.append(Block.paragraph(line.text))
        k += len(run)
    return tuple(blocks)


def _heading_like(line: Line) -> bool:
    """A short, unpunctuated (or question) line that was not prose on its own: a subheading."""
    if line.cls == "good" or _BY.match(line.text) or len(line.text) > 100 or len(line.words) > 12:
        return False
    return not line.sentence or (line.text.endswith("?") and len(line.words) <= 10)
