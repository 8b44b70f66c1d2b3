"""Topic tags from a controlled vocabulary, scored so that a passing mention does not tag.

One topic a line in ``data/tags.jsonl``, e.g. ``{"name": "Smartphones", "terms":
["smartphone", "handset", "iPhone"], "companies": ["Xiaomi"], "threshold": 3}``.
Terms match whole words, in any case, singular or plural ("Smartphones"
matches "smartphone"), except one-word terms in capitals ("AI", "5G", "IPO"),
which match only as written. Each hit scores by place (headline 3, lead 2, body 1; at
most TERM_CAP hits of one term count); companies named in ``companies`` add a
little. A topic is kept when its score reaches its threshold.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from digest_ingest.enrich import datafile
from digest_ingest.enrich.datafile import DataFileError
from digest_ingest.enrich.tokens import PhraseIndex, fold, tokenize

__all__ = ["DEFAULT_VOCABULARY_PATH", "DataFileError", "Tag", "TagVocabulary", "find_tags", "load_vocabulary"]

logger = logging.getLogger(__name__)

DEFAULT_VOCABULARY_PATH = Path(__file__).resolve().parent.parent / "data" / "tags.jsonl"
DEFAULT_THRESHOLD = 3
HEADLINE_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT = 3, 2, 1
LEAD_PARAGRAPHS = 2
TERM_CAP = 3  # one word repeated all through an article is not a topic by itself
HINT_WEIGHT, HINT_CAP = 1, 2  # companies hint at a topic but cannot make it alone
_LISTS = ("terms", "companies")
_FIELDS = frozenset({"name", "threshold", *_LISTS})

Hit = tuple[int, tuple[str, ...]]  # (tag index, the term's phrase)


@dataclass(frozen=True, slots=True)
class Tag:
    """One topic of the vocabulary."""

    name: str
    terms: tuple[str, ...]
    companies: tuple[str, ...] = ()
    threshold: int = DEFAULT_THRESHOLD


@dataclass(frozen=True, slots=True)
class TagVocabulary:
    """Topics plus the phrase indexes built once from their terms (picklable)."""

    tags: tuple[Tag, ...]
    folded: PhraseIndex[tuple[Hit, ...]]  # lower-cased, singular phrases
    exact: PhraseIndex[tuple[Hit, ...]]  # acronyms, case kept
    hints: dict[str, tuple[int, ...]]  # company name -> tags it hints at


def load_vocabulary(paths: Sequence[Path]) -> TagVocabulary:
    """Read the shipped vocabulary (``paths[0]``, strict) and editors' files (lenient).

    Raises:
        DataFileError: when the first (shipped) file is missing or has a bad line.
    """
    records: list[dict[str, Any]] = []
    for position, path in enumerate(paths):
        records.extend(datafile.read_jsonl(Path(path), _parse_tag, strict=position == 0))
    tags = []
    merged = datafile.merge_records(records, _LISTS)
    for record in sorted(merged, key=lambda r: (r["name"].casefold(), r["name"])):
        if record.get("terms"):
            tags.append(Tag(**record))
        else:  # only an editor's record can get here: the shipped lines all have terms
            logger.warning('topic "%s" has no terms; skipped', record["name"])
    return _index(tuple(tags))


def find_tags(
    vocabulary: TagVocabulary,
    segments: Sequence[Sequence[str]],
    companies: Sequence[str] = (),
    *,
    limit: int = 5,
) -> tuple[str, ...]:
    """Names of the topics a story covers, most relevant first.

    ``segments``: the tokens of the headline and of each paragraph (``tokenize_article``).
    """
    scores, first = _term_scores(vocabulary, segments)
    hinted: dict[int, int] = {}
    for company in dict.fromkeys(companies):
        for tag in vocabulary.hints.get(company, ()):
            hinted[tag] = hinted.get(tag, 0) + 1
    for tag, count in hinted.items():
        scores[tag] = scores.get(tag, 0) + HINT_WEIGHT * min(count, HINT_CAP)
    kept = [t for t, score in scores.items() if score >= vocabulary.tags[t].threshold]
    kept.sort(key=lambda t: (-scores[t], first.get(t, (len(segments), 0)), vocabulary.tags[t].name))
    return tuple(vocabulary.tags[t].name for t in kept[: max(limit, 0)])


def _term_scores(
    vocabulary: TagVocabulary, segments: Sequence[Sequence[str]]
) -> tuple[dict[int, int], dict[int, tuple[int, int]]]:
    """Each tag's score from its terms, and where its first hit is (segment, token)."""
    hits: dict[Hit, list[int]] = {}
    first: dict[int, tuple[int, int]] = {}
    for segment, tokens in enumerate(segments):
        weight = BODY_WEIGHT if segment > LEAD_PARAGRAPHS else LEAD_WEIGHT if segment else HEADLINE_WEIGHT
        for start, found in _segment_hits(vocabulary, tokens):
            for hit in found:
                hits.setdefault(hit, []).append(weight)
                first[hit[0]] = min(first.get(hit[0], (segment, start)), (segment, start))
    scores: dict[int, int] = {}
    for (tag, _), weights in hits.items():
        scores[tag] = scores.get(tag, 0) + sum(sorted(weights, reverse=True)[:TERM_CAP])
    return scores, first


def _segment_hits(vocabulary: TagVocabulary, tokens: Sequence[str]) -> list[tuple[int, tuple[Hit, ...]]]:
    """Term hits in one headline or paragraph; an acronym inside a longer phrase is not counted twice."""
    found: list[tuple[int, tuple[Hit, ...]]] = []
    covered: set[int] = set()
    for start, end, hits in vocabulary.folded.scan(list(map(fold, tokens))):
        found.append((start, hits))
        covered.update(range(start, end))
    found.extend((start, hits) for start, _, hits in vocabulary.exact.scan(tokens) if start not in covered)
    return found


def _parse_tag(obj: Any) -> dict[str, Any]:
    """Validate one JSON object; return only the fields it sets (for merging)."""
    name = datafile.required_name(obj)
    datafile.check_keys(obj, _FIELDS)
    record: dict[str, Any] = {"name": name}
    if "terms" not in obj and "companies" not in obj and "threshold" not in obj:
        raise ValueError('a topic needs "terms" (or, to extend one, "companies" or "threshold")')
    for key in _LISTS:
        if key in obj:
            record[key] = datafile.string_list(obj, key)
    if "threshold" in obj:
        threshold = obj["threshold"]
        if not isinstance(threshold, int) or isinstance(threshold, bool) or threshold < 1:
            raise ValueError('"threshold" must be a positive integer')
        record["threshold"] = threshold
    return record


def _is_acronym(words: Sequence[str]) -> bool:
    """A one-word term in capitals ("AI", "5G", "IPO") is matched with its case."""
    return len(words) == 1 and any(c.isalpha() for c in words[0]) and words[0] == words[0].upper()


def _index(tags: tuple[Tag, ...]) -> TagVocabulary:
    """Build the phrase indexes and the company hints of a vocabulary."""
    folded: dict[tuple[str, ...], list[Hit]] = {}
    exact: dict[tuple[str, ...], list[Hit]] = {}
    hints: dict[str, list[int]] = {}
    for number, tag in enumerate(tags):
        for term in tag.terms:
            words = tokenize(term)
            phrase = tuple(words) if _is_acronym(words) else tuple(fold(w) for w in words)
            target = exact if _is_acronym(words) else folded
            if phrase:
                target.setdefault(phrase, []).append((number, phrase))
        for company in tag.companies:
            hints.setdefault(company, []).append(number)
    return TagVocabulary(
        tags=tags,
        folded=PhraseIndex.build({k: tuple(dict.fromkeys(v)) for k, v in folded.items()}),
        exact=PhraseIndex.build({k: tuple(dict.fromkeys(v)) for k, v in exact.items()}),
        hints={k: tuple(v) for k, v in hints.items()},
    )
