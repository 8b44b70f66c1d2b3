"""Regenerate the machine-made rows of tests/fixtures/stories/labelled.jsonl.

The labelled set holds hand-written articles (``copy_of`` empty) and copies
made from them by this script: spun rewordings (synonym substitution, the way
content farms disguise a copied article), syndicated copies (the same text
under another outlet's boilerplate, with house-style edits) and exact
duplicates (same text, other whitespace and quote marks). Hand-written rows
are kept as they are; generated rows are rebuilt from the table below, so
running the script twice gives the same file.

Usage: .venv/bin/python bench/make_stories_fixture.py
"""

from __future__ import annotations

import json
import random
import re
from datetime import datetime, timedelta
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "stories" / "labelled.jsonl"

# (kind, original slug, outlet of the copy, hours after the original)
VARIANTS = (
    ("spun", "msxiaomi-bitwire", "Gadget Mirror", 30),
    ("spun", "github-circuitdaily", "NewsFeedr", 9),
    ("spun", "wholefoods-siliconcourier", "Tech Reprints Hub", 20),
    ("spun", "nvidiaarm-siliconcourier", "Gadget Mirror", 14),
    ("spun", "teslaprivate-packetnews", "NewsFeedr", 6),
    ("spun", "demo2-bitwire", "Tech Reprints Hub", 11),
    ("spun", "muskdeal-circuitdaily", "Gadget Mirror", 16),
    ("spun", "redhat-kernelweekly", "NewsFeedr", 25),
    ("spun", "log4shell-kernelweekly", "Tech Reprints Hub", 8),
    ("spun", "azureopenai-bitwire", "Gadget Mirror", 12),
    ("spun", "sycamore-kernelweekly", "NewsFeedr", 7),
    ("spun", "mslayoffs-circuitdaily", "Tech Reprints Hub", 10),
    ("spun", "qualcomm-siliconcourier", "Gadget Mirror", 18),
    ("spun", "switcholed-packetnews", "NewsFeedr", 22),
    ("syndicated", "spectre-bitwire", "Metro Tech Wire", 5),
    ("syndicated", "wholefoods-packetnews", "Valley Syndicate", 3),
    ("syndicated", "teslaq2-bitwire", "Metro Tech Wire", 12),
    ("syndicated", "meta-kernelweekly", "Valley Syndicate", 4),
    ("syndicated", "slack-bitwire", "Metro Tech Wire", 10),
    ("syndicated", "activision-packetnews", "Valley Syndicate", 2),
    ("syndicated", "raspberrypi4-kernelweekly", "Metro Tech Wire", 20),
    ("syndicated", "intelces-packetnews", "Valley Syndicate", 6),
    ("syndicated", "bert-circuitdaily", "Metro Tech Wire", 15),
    ("exact", "github-kernelweekly", "Kernel Weekly", 0),
    ("exact", "nvidiaarm-northwind", "Valley Syndicate", 3),
    ("exact", "fbpapers-siliconcourier", "Metro Tech Wire", 1),
    ("exact", "kubernetes-kernelweekly", "Kernel Weekly", 0),
    ("exact", "sn4-kernelweekly", "Valley Syndicate", 2),
)

# Spinner vocabulary: the odd choices ("orators", "skeleton") are what spinners produce.
SPIN = {
    "the": "a", "company": "association", "companies": "firms", "deal": "understanding",
    "agreement": "arrangement", "signed": "sealed", "devices": "inclination", "device": "gadget",
    "help": "assistance", "more": "some-more", "two": "dual", "tested": "examined", "buy": "purchase",
    "bought": "purchased", "acquire": "gain", "acquisition": "merger", "price": "cost", "shares": "stocks",
    "stock": "batch", "investors": "financiers", "market": "marketplace", "users": "customers",
    "people": "individuals", "new": "fresh", "biggest": "largest", "largest": "biggest", "first": "initial",
    "fell": "dropped", "rose": "climbed", "said": "pronounced", "says": "pronounces", "announced": "declared",
    "launched": "started", "released": "expelled", "chief": "arch", "executive": "senior",
    "plans": "skeleton",
    "plan": "devise", "year": "twelve months", "data": "information", "technology": "record",
    "develop": "rise", "using": "regulating", "improve": "urge", "strategic": "vital", "bring": "move",
    "reach": "strech", "multiple": "mixed", "based": "formed", "broad": "extended", "range": "operation",
    "interesting": "engaging", "quite": "utterly", "failure": "disaster", "growing": "flourishing",
    "also": "additionally", "about": "around", "because": "since", "customers": "clients",
    "security": "confidence", "researchers": "scientists", "flaw": "smirch", "vulnerability": "exposure",
    "attackers": "assailants", "phone": "handset", "speakers": "orators", "speaker": "orator",
    "power": "energy", "powered": "driven", "work": "labour", "build": "erect", "built": "assembled",
    "show": "uncover", "expected": "approaching", "expects": "anticipates", "analysts": "researchers",
    "chip": "splinter", "games": "diversions", "game": "diversion", "station": "hire", "fund": "account",
    "private": "secret", "public": "open", "board": "house", "questions": "doubts", "free": "giveaway",
    "speech": "debate", "platform": "height", "employees": "workers", "model": "indication",
    "language": "denunciation", "large": "vast", "access": "entrance", "available": "accessible",
    "review": "examination", "software": "program", "leading": "heading", "premium": "reward",
    "close": "tighten", "fix": "repair", "upgrade": "ascent", "settlement": "allotment",
    "patent": "obvious", "litigation": "lawsuit", "payment": "remuneration", "licence": "permit",
    "screen": "shade", "console": "comfort", "internal": "inner", "original": "strange",
    "together": "jointly", "major": "vital", "world": "universe", "including": "together with",
    "between": "in between", "control": "carry out", "results": "formula", "space": "area",
    "value": "worth", "million": "million", "across": "opposite", "engine": "motor", "test": "exam",
    "statement": "matter", "several": "a few", "found": "detected", "business": "commerce",
    "services": "services", "service": "use", "cloud": "cloud", "announcement": "proclamation",
}

HOUSE_STYLE = {
    "percent": "per cent", "programme": "program", "organisation": "organization", "licence": "license",
    "centre": "center", "apologised": "apologized", "monetisable": "monetizable",
    "neighbourhoods": "neighborhoods",
}

_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def _replace_words(text: str, table: dict[str, str], rng: random.Random, rate: float) -> str:
    """Swap words found in ``table`` (keeping a leading capital) with probability ``rate``."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        new = table.get(word.lower())
        if new is None or rng.random() >= rate:
            return word
        return new[:1].upper() + new[1:] if word[:1].isupper() else new

    return _WORD.sub(swap, text)


def spun(row: dict, rng: random.Random) -> dict:
    """A spun rewording: most table words substituted in title and body."""
    return {
        **row,
        "title": _replace_words(row["title"], SPIN, rng, 0.85),
        "body": _replace_words(row["body"], SPIN, rng, 0.85),
        "flags": ["spun"],
    }


def syndicated(row: dict, rng: random.Random, outlet: str) -> dict:
    """The same article under another outlet's boilerplate, house style applied, last sentence cut."""
    body = _replace_words(row["body"], HOUSE_STYLE, rng, 1.0)
    paragraphs = body.split("\n\n")
    sentences = re.split(r"(?<=[.!?])\s+", paragraphs[-1])
    if len(sentences) > 1:
        paragraphs[-1] = " ".join(sentences[:-1])
    head = f"This story was first published by {row['source']} and is republished with permission."
    tail = (f"Want more news like this? Subscribe to the {outlet} morning briefing.\n\n"
            "Share this article: Facebook Twitter LinkedIn Email")
    return {**row, "body": "\n\n".join([head, *paragraphs, tail]), "flags": []}


def exact(row: dict) -> dict:
    """The same text with typographic quotes and paragraphs run together."""
    body = row["body"].replace("'", "\u2019").replace("\n\n", "\n")
    return {**row, "body": body, "flags": []}


def make_variant(kind: str, row: dict, outlet: str, hours: int) -> dict:
    rng = random.Random(f"{kind}:{row['slug']}")
    if kind == "spun":
        copy = spun(row, rng)
    elif kind == "syndicated":
        copy = syndicated(row, rng, outlet)
    else:
        copy = exact(row)
    date = datetime.fromisoformat(row["date"]) + timedelta(hours=hours)
    prefix = outlet.lower().replace(" ", "")
    return {**copy, "slug": f"{row['slug']}-{kind}-{prefix}", "source": outlet,
            "date": date.isoformat(timespec="minutes"), "copy_of": row["slug"]}


def main() -> None:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    originals = [r for r in rows if not r.get("copy_of")]
    by_slug = {r["slug"]: r for r in originals}
    variants = [make_variant(kind, by_slug[slug], outlet, hours) for kind, slug, outlet, hours in VARIANTS]
    lines = [json.dumps(r, ensure_ascii=False) for r in originals + variants]
    FIXTURE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(originals)} hand-written rows, {len(variants)} generated rows -> {FIXTURE}")


if __name__ == "__main__":
    main()
