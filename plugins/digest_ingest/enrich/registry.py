"""The company registry: records read from JSON Lines, merged, and indexed for matching.

One line per company, e.g. ``{"name": "Microsoft", "aliases": ["Microsoft Corp"],
"tickers": ["MSFT"], "former": [], "products": ["Azure", "Windows"],
"guarded": ["Windows"], "kind": "company"}``. Optional fields:

- ``guard``: ``"case"`` when the name is also a lower-case word (Slack, Snap):
  a capitalised use inside a sentence is enough; ``"context"`` when the name is
  also a proper noun (Amazon, Oracle): a company cue or a corroborating mention
  is needed. It applies to the name; list aliases that need it in ``guarded``.
- ``guarded``: aliases or products that need context (Windows, Edge, Office).
- ``veto_next`` / ``veto_prev``: words that, right after or right before a
  name, show another sense ("Amazon rainforest", "Big Apple").
- ``renamed``: the names the company went by before, each with the day the
  next name took over, e.g. ``[{"from": "Facebook", "on": "2021-10-28"}]``.
  Posts keep the canonical name (one company page, one feed); the site shows a
  post's company by the name of its day (``name_on``). Only ``former`` names
  are looked for in texts: list an old name there too for that.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, NamedTuple, Sequence, TypeVar

from slugify import slugify

from digest_core.text import clean_line
from digest_ingest.enrich import datafile
from digest_ingest.enrich.tokens import PhraseIndex, tokenize

KINDS = frozenset({"company", "media"})
GUARDS = frozenset({"", "case", "context"})
_LISTS = ("aliases", "tickers", "former", "products", "guarded", "veto_next", "veto_prev")
_FIELDS = frozenset({"name", "kind", "guard", "renamed", *_LISTS})

V = TypeVar("V")
Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Company:
    """One registry entry; ``name`` is the canonical name shown on the site."""

    name: str
    slug: str
    aliases: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()
    former: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    kind: str = "company"
    guard: str = ""
    guarded: tuple[str, ...] = ()
    veto_next: tuple[str, ...] = ()
    veto_prev: tuple[str, ...] = ()
    renamed: tuple[tuple[str, str], ...] = ()  # (ISO day the next name began, name before), by day


def name_on(name: str, renamed: Sequence[tuple[str, str]], day: date) -> str:
    """The name a company went by on ``day``: ``name`` (its canonical one) unless its
    ``renamed`` pairs say otherwise."""
    when = day.isoformat()
    return next((old for until, old in renamed if when < until), name)


def parse_renamed(value: Any) -> tuple[tuple[str, str], ...]:
    """A ``renamed`` list as (ISO day, name before) pairs, oldest first; ValueError if malformed."""
    problem = '"renamed" must be a list of {"from": name, "on": "YYYY-MM-DD"}'
    if not isinstance(value, list):
        raise ValueError(problem)
    pairs = []
    for rename in value:
        if not isinstance(rename, dict) or set(rename) != {"from", "on"}:
            raise ValueError(problem)
        old, day = rename["from"], rename["on"]
        shown = clean_line(old) if isinstance(old, str) else ""  # shown on pages as it is: one clean line
        if not shown or not isinstance(day, str):
            raise ValueError(problem)
        try:
            pairs.append((date.fromisoformat(day).isoformat(), shown))
        except ValueError:
            raise ValueError(f'"renamed": {day!r} is not a day (YYYY-MM-DD)') from None
    if len({day for day, _ in pairs}) != len(pairs):
        raise ValueError('"renamed": two renames on one day')
    return tuple(sorted(pairs))


class Surface(NamedTuple):
    """What a phrase in the text points to: a company (by index), how, and its guard."""

    company: int
    product: bool
    guard: str


@dataclass(frozen=True, slots=True)
class CompanyRegistry:
    """Companies plus the look-up structures built once from them (picklable)."""

    companies: tuple[Company, ...]
    surfaces: PhraseIndex[Surface]
    upper_surfaces: PhraseIndex[Surface]  # for ALL-CAPS headlines
    tickers: PhraseIndex[int]
    keys: dict[str, int]
    ambiguous: tuple[str, ...]  # phrases claimed by two companies, left out

    def lookup(self, name: str) -> Company | None:
        """The company with this name, slug, alias or former name (case-insensitive)."""
        index = self.keys.get(name.strip().casefold())
        return None if index is None else self.companies[index]


def parse_entry(obj: Any) -> dict[str, Any]:
    """Validate one JSON object; return only the fields it sets (for merging)."""
    name = datafile.required_name(obj)
    datafile.check_keys(obj, _FIELDS)
    entry: dict[str, Any] = {"name": name}
    for key in _LISTS:
        if key in obj:
            entry[key] = datafile.string_list(obj, key)
    for key, allowed in (("kind", KINDS), ("guard", GUARDS)):
        if key in obj:
            if obj[key] not in allowed:
                raise ValueError(f'"{key}" must be one of: {", ".join(sorted(allowed))}')
            entry[key] = obj[key]
    if "renamed" in obj:
        entry["renamed"] = parse_renamed(obj["renamed"])
    return entry


def company_slug(name: str) -> str:
    """ASCII, lower-case, hyphen-separated slug of a name, as post slugs are made
    (python-slugify transliterates: "Ærø Bank" -> "aero-bank", not "r-bank")."""
    return slugify(name) or "company"


def build_registry(entries: Sequence[dict[str, Any]]) -> CompanyRegistry:
    """Turn merged entries into Company records (sorted by name) and index them."""
    companies: list[Company] = []
    slugs: set[str] = set()
    for entry in sorted(entries, key=lambda e: (e["name"].casefold(), e["name"])):
        slug = base = company_slug(entry["name"])
        suffix = 2
        while slug in slugs:  # editors' names may collide after slugging
            slug, suffix = f"{base}-{suffix}", suffix + 1
        slugs.add(slug)
        companies.append(Company(slug=slug, **entry))
    surfaces, ambiguous = _index_surfaces(companies)
    upper, _ = _claim(
        (tuple(t.upper() for t in phrase), v.company, int(v.product), v) for phrase, v in surfaces.items()
    )
    tickers, ambiguous_tickers = _index_tickers(companies)
    return CompanyRegistry(
        companies=tuple(companies),
        surfaces=PhraseIndex.build(surfaces),
        upper_surfaces=PhraseIndex.build(upper),
        tickers=PhraseIndex.build(tickers),
        keys=_lookup_keys(companies),
        ambiguous=tuple(sorted(ambiguous | ambiguous_tickers)),
    )


def load_entries(paths: Sequence[Path]) -> list[dict[str, Any]]:
    """Read the shipped file (strict) then editors' files (lenient), merged."""
    entries: list[dict[str, Any]] = []
    for position, path in enumerate(paths):
        entries.extend(datafile.read_jsonl(Path(path), parse_entry, strict=position == 0))
    return datafile.merge_records(entries, _LISTS)


def _name_forms(company: Company) -> tuple[str, ...]:
    return (company.name, *company.aliases, *company.former)


def _index_surfaces(companies: Sequence[Company]) -> tuple[dict[Phrase, Surface], set[str]]:
    """Every name, alias, former name and product as a token tuple."""
    claims: list[tuple[Phrase, int, int, Surface]] = []
    for index, company in enumerate(companies):
        for form in _name_forms(company):
            guard = "context" if company.kind == "media" or form in company.guarded else ""
            if form == company.name and not guard:
                guard = company.guard
            claims.append((tuple(tokenize(form)), index, 0, Surface(index, False, guard)))
        for product in company.products:
            guard = "context" if product in company.guarded else ""
            claims.append((tuple(tokenize(product)), index, 1, Surface(index, True, guard)))
    return _claim(claims)


def _claim(claims: Iterable[tuple[Phrase, int, int, V]]) -> tuple[dict[Phrase, V], set[str]]:
    """Give each phrase to one owner: a lower rank wins; a tie between owners drops it.

    ``claims`` are (phrase, owner company, rank, value); names rank 0, products 1.
    """
    held: dict[Phrase, tuple[int, int, V]] = {}
    ambiguous: set[Phrase] = set()
    for phrase, owner, rank, value in claims:
        if not phrase:
            continue
        old = held.get(phrase)
        if old is None or rank < old[0]:
            held[phrase] = (rank, owner, value)
            ambiguous.discard(phrase)
        elif rank == old[0] and owner != old[1]:
            ambiguous.add(phrase)
    for phrase in ambiguous:
        del held[phrase]
    return {k: v for k, (_, _, v) in held.items()}, {" ".join(k) for k in ambiguous}


def _index_tickers(companies: Sequence[Company]) -> tuple[dict[Phrase, int], set[str]]:
    """Tickers as token tuples; "1810.HK" is also reachable as "1810" after an exchange."""
    claims: list[tuple[Phrase, int, int, int]] = []
    for index, company in enumerate(companies):
        for ticker in company.tickers:
            words = tuple(tokenize(ticker))
            claims.append((words, index, 0, index))
            if len(words) > 1:
                claims.append((words[:1], index, 1, index))
    return _claim(claims)


def _lookup_keys(companies: Sequence[Company]) -> dict[str, int]:
    """Case-folded name, slug, alias and former name -> company; canonical names win."""
    keys: dict[str, int] = {}
    for index, company in enumerate(companies):
        keys[company.name.casefold()] = index
    for index, company in enumerate(companies):
        for key in (company.slug, *company.aliases, *company.former):
            keys.setdefault(key.casefold(), index)
    return keys
