"""Which companies a story is about: registry matches, guarded and ranked by salience.

Each headline and paragraph, tokenised once (``tokenize_article``), is scanned for registry phrases
(names, aliases, former names, products; tickers in ticker contexts only).
A guarded phrase (Apple, Amazon, Windows...) counts only with evidence: a
capitalised use inside a sentence (``guard: case``), a company cue nearby
(Inc, CEO, shares, unveiled...), a place in a list of accepted companies, or
another accepted mention of the same company in the article. Media outlets
never count where they are only the source ("according to Reuters").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress, count
from pathlib import Path
from typing import NamedTuple, Sequence

from digest_ingest.enrich.datafile import DataFileError
from digest_ingest.enrich.registry import Company, CompanyRegistry, build_registry, load_entries
from digest_ingest.enrich.tokens import at_sentence_start, is_sentence_end, is_title_case

__all__ = ["DEFAULT_REGISTRY_PATH", "Company", "CompanyRegistry", "DataFileError", "find_companies",
           "CompanyNames", "company_names", "load_registry"]

DEFAULT_REGISTRY_PATH = Path(__file__).resolve().parent.parent / "data" / "companies.jsonl"

# Words near a name that show it names a business (compared lower-cased).
COMPANY_CUES = frozenset(
    """inc incorporated corp corporation co ltd llc plc ag se sa nv gmbh bv kk group holdings
    ceo cfo cto coo chief executive executives founder founders cofounder co-founder chairman
    president spokesperson spokesman spokeswoman employees staff engineers board investors
    shares share stock stocks shareholders nasdaq nyse valuation revenue revenues earnings profit
    sales quarter quarterly fiscal guidance ipo headquarters subsidiary rival rivals competitor
    competitors company company's firm maker giant startup start-up retailer brand app apps
    platform users subscribers customers announced announces unveiled unveils launched launches
    released releases introduced introduces debuted rolled acquired acquires acquire acquisition
    bought buys sold sells sued sues lawsuit invested invests investment partnered partnership
    deal hired fired hiring layoffs laid laying cuts plans filed posted formerly raised raises raising
    valued testing tests tested expanding expands expanded buying rolling recalled recalls designs
    preparing rejected shipped ships shipping""".split()
)
# Speech verbs: good evidence for a company, but the mark of attribution for a media outlet.
SPEECH_CUES = frozenset("said says told confirmed declined added stated reported reports".split())
_ALL_CUES = COMPANY_CUES | SPEECH_CUES
ATTRIBUTION_BEFORE = frozenset(
    "according via told citing cited per by image images photo photos photograph picture credit "
    "credits source sources courtesy copyright \u00a9".split()
)
ATTRIBUTION_AFTER = frozenset(
    "reported reports report reporting reporter reporters said says wrote writes noted notes "
    "first cited citing learned journalist columnist editor editors / )".split()
)
LIST_JOINERS = frozenset({",", "and", "or", "&", "/", "nor", "vs", "versus", "plus"})
EXCHANGES = frozenset(
    "NASDAQ NYSE NYSEARCA AMEX OTC OTCMKTS LSE LON TSE TYO TSX ASX HKEX SEHK HKG KRX KOSDAQ "
    "TWSE TPE SSE SHA SZSE SHE NSE BSE XETRA ETR FRA EPA AMS SIX BIT BME STO HEL CPH OSL".split()
)
_TICKER_OPENERS = frozenset(
    {"$", "(", *EXCHANGES, *(e.title() for e in EXCHANGES), *(e.lower() for e in EXCHANGES)}
)
CUE_WINDOW = 3  # tokens either side of a name searched for a cue
LEAD_PARAGRAPHS = 2
# Salience: where a mention sits, and what it is (a name beats a product or ticker).
HEADLINE_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT = 4, 3, 1
NAME_WEIGHT, PRODUCT_WEIGHT = 2, 1


@dataclass(slots=True)
class Mention:
    """One phrase in the text that may stand for a company."""

    company: int
    segment: int  # 0 = headline, 1.. = paragraphs
    start: int
    product: bool  # a product or a ticker: counts for less
    guard: str
    media: bool
    accepted: bool
    links: list[int] = field(default_factory=list)  # list neighbours ("Apple, Google and Amazon")


def load_registry(paths: Sequence[Path]) -> CompanyRegistry:
    """Read the shipped registry (``paths[0]``, strict) and editors' files (lenient), then index.

    Raises:
        DataFileError: when the first (shipped) file is missing or has a bad line.
    """
    return build_registry(load_entries(paths))


class CompanyNames(NamedTuple):
    """What the site needs of the registry: each company's one name, and the names it had."""

    canonical: dict[str, str]  # case-folded name, alias, former or earlier name -> canonical name
    renamed: dict[str, tuple[tuple[str, str], ...]]  # case-folded canonical name -> (ISO day, name before)


def company_names(registry: CompanyRegistry) -> CompanyNames:
    """The registry's names. A form two companies claim is left out of ``canonical``; a
    company's own name always maps to it."""
    claims: dict[str, set[str]] = {}
    for company in registry.companies:
        earlier = (old for _, old in company.renamed)
        for form in (*company.aliases, *company.former, *earlier):
            claims.setdefault(form.casefold(), set()).add(company.name)
    canonical = {form: min(names) for form, names in claims.items() if len(names) == 1}
    canonical.update({company.name.casefold(): company.name for company in registry.companies})
    renamed = {company.name.casefold(): company.renamed for company in registry.companies if company.renamed}
    return CompanyNames(dict(sorted(canonical.items())), dict(sorted(renamed.items())))


def find_companies(
    registry: CompanyRegistry, segments: Sequence[Sequence[str]], *, limit: int = 12
) -> tuple[str, ...]:
    """Canonical names of the companies a story is about, most salient first.

    ``segments``: the tokens of the headline and of each paragraph (``tokenize_article``).
    """
    mentions: list[Mention] = []
    for segment, tokens in enumerate(segments):
        mentions.extend(_segment_mentions(registry, tokens, segment, offset=len(mentions)))
    _resolve(mentions)
    return _rank(registry, mentions, limit)


def _segment_mentions(registry: CompanyRegistry, tokens: Sequence[str], segment: int,
                      offset: int) -> list[Mention]:
    """Candidate mentions in one headline or paragraph, with local evidence and list links."""
    all_caps = not any(map(str.islower, "".join(tokens)))  # tokens keep every letter of the text
    index = registry.upper_surfaces if all_caps else registry.surfaces
    headline_style = all_caps or (segment == 0 and is_title_case(tokens))
    found: list[tuple[int, int, Mention]] = []
    for start, end, surface in index.scan(tokens):
        company = registry.companies[surface.company]
        media = company.kind == "media"
        if _vetoed(company, tokens, start, end) or (media and _attribution(tokens, start, end)):
            continue
        accepted = not surface.guard or (
            not surface.product and _local_evidence(surface.guard, media, tokens, start, end, headline_style)
        )
        found.append((start, end, Mention(surface.company, segment, start, surface.product,
                                          surface.guard, media, accepted)))
    for start, end, company_index in _ticker_mentions(registry, tokens, found):
        found.append((start, end, Mention(company_index, segment, start, True, "", False, True)))
    found.sort(key=lambda item: item[0])
    for n, ((_, end, left), (start, _, right)) in enumerate(zip(found, found[1:])):
        if start > end and all(t.lower() in LIST_JOINERS for t in tokens[end:start]):
            left.links.append(offset + n + 1)
            right.links.append(offset + n)
    return [mention for _, _, mention in found]


def _vetoed(company: Company, tokens: Sequence[str], start: int, end: int) -> bool:
    """True when a neighbouring word shows another sense ("Amazon rainforest")."""
    after = tokens[end].lower() if end < len(tokens) else ""
    before = tokens[start - 1].lower() if start > 0 else ""
    return after in company.veto_next or before in company.veto_prev


def _window(tokens: Sequence[str], start: int, end: int) -> list[str]:
    """Lower-cased tokens within CUE_WINDOW of a phrase, not crossing a sentence end."""
    words: list[str] = []
    for i in range(start - 1, max(start - CUE_WINDOW, 0) - 1, -1):
        if is_sentence_end(tokens[i]):
            break
        words.append(tokens[i].lower())
    for i in range(end, min(end + CUE_WINDOW, len(tokens))):
        if is_sentence_end(tokens[i]):
            break
        words.append(tokens[i].lower())
    return words


def _attribution(tokens: Sequence[str], start: int, end: int) -> bool:
    """True when a media name only credits a report or a photo ("the Verge reported")."""
    before = tokens[max(start - 2, 0) : start]
    after = tokens[end : end + 2]
    if any(t.lower() in ATTRIBUTION_BEFORE for t in before) or (before and before[-1] == "("):
        return True
    return any(t.lower() in ATTRIBUTION_AFTER for t in after)


def _local_evidence(guard: str, media: bool, tokens: Sequence[str], start: int, end: int,
                    headline_style: bool) -> bool:
    """Evidence next to a guarded name that it names the company."""
    if guard == "case" and not headline_style and not at_sentence_start(tokens, start):
        return True
    cues = COMPANY_CUES if media else _ALL_CUES
    return any(word in cues for word in _window(tokens, start, end))


def _ticker_mentions(registry: CompanyRegistry, tokens: Sequence[str],
                     names: Sequence[tuple[int, int, Mention]]) -> list[tuple[int, int, int]]:
    """Tickers in ticker contexts: "NASDAQ: QCOM", "$AAPL", "(MSFT.O)", "Microsoft (MSFT)"."""
    name_ends = {end: mention.company for _, end, mention in names}
    found = []
    for i in compress(count(), map(_TICKER_OPENERS.__contains__, tokens[:-1])):
        token = tokens[i]
        if token == "$" and tokens[i + 1].isalpha() and tokens[i + 1].isupper():
            at = i + 1
        elif token.upper() in EXCHANGES and tokens[i + 1] == ":" and i + 2 < len(tokens):
            at = i + 2
        elif token == "(":
            at = i + 1
        else:
            continue
        end = registry.tickers.match_at(tokens, at)
        if not end:
            continue
        company = registry.tickers.phrases[tuple(tokens[at:end])]
        if token == "(" and not _bracketed_ticker(tokens, at, end, name_ends.get(i) == company):
            continue
        found.append((at, end, company))
    return found


def _bracketed_ticker(tokens: Sequence[str], at: int, end: int, after_own_name: bool) -> bool:
    """"(MSFT.O)" and "(0700.HK)" are tickers; "(MSFT)" only right after its company's name.

    A bare bracketed code is too often an acronym ("(AI)") to count on its own.
    """
    rest = tokens[end : end + 3]
    if rest[:1] == [")"]:
        return after_own_name or end - at > 1
    return len(rest) == 3 and rest[0] == "." and rest[1].isupper() and len(rest[1]) <= 2 and rest[2] == ")"


def _resolve(mentions: list[Mention]) -> None:
    """Accept guarded mentions corroborated elsewhere in the article, until nothing changes."""
    confirmed = {m.company for m in mentions if m.accepted and not (m.product and m.guard)}
    changed = True
    while changed:
        changed = False
        for mention in mentions:
            if mention.accepted:
                continue
            listed = not (mention.product or mention.media) and any(
                mentions[n].accepted and not mentions[n].media for n in mention.links
            )
            if mention.company in confirmed or listed:
                mention.accepted = changed = True
                if not mention.product:
                    confirmed.add(mention.company)


def _rank(registry: CompanyRegistry, mentions: Sequence[Mention], limit: int) -> tuple[str, ...]:
    """Order companies by headline presence, weighted frequency, then first position."""
    headline: dict[int, int] = {}
    total: dict[int, int] = {}
    first: dict[int, tuple[int, int]] = {}
    for m in mentions:
        if not m.accepted:
            continue
        role = PRODUCT_WEIGHT if m.product else NAME_WEIGHT
        if m.segment == 0:
            place = HEADLINE_WEIGHT
            headline[m.company] = max(headline.get(m.company, 0), role)
        else:
            place = LEAD_WEIGHT if m.segment <= LEAD_PARAGRAPHS else BODY_WEIGHT
        total[m.company] = total.get(m.company, 0) + place * role
        first[m.company] = min(first.get(m.company, (m.segment, m.start)), (m.segment, m.start))
    ranked = sorted(total, key=lambda c: (-headline.get(c, 0), -total[c], first[c],
                                          registry.companies[c].name))
    return tuple(registry.companies[c].name for c in ranked[: max(limit, 0)])
