"""Deterministic benchmark corpora: raw pages (HTML and text dumps) and Markdown posts.

Article text is recombined from the sentences of the sample raw pages in
content/raw (read with simple parsing when the corpus is generated), with the
company names in them swapped for companies of the registry, so the corpus
covers many companies, two years of dates and a few thousand titles. Articles
come in events: the posts of one event share companies, dates, a title and a
few sentences, as several outlets covering one story would. Same seed, same bytes.

    .venv/bin/python bench/corpus.py raw OUT [--html 2000] [--text 2000] [--seed S]
    .venv/bin/python bench/corpus.py posts OUT [--posts 10000] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_pages import html_page, text_dump  # noqa: E402
from digest_core.post_format import render_post  # noqa: E402
from digest_core.records import Block  # noqa: E402
from digest_core.text import escape_markdown  # noqa: E402

SAMPLES = ROOT / "content" / "raw"
DATA = ROOT / "plugins" / "digest_ingest" / "data"
SEED = 20261121
START = datetime(2024, 1, 1, tzinfo=timezone.utc)
SPAN_DAYS = 731  # two years of dates
EVENT_SIZES = (1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 7)  # posts per event: most alone, a few big stories

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d]?\s+(?=[A-Z\"\u201c])")
_NOT_ARTICLE = re.compile(
    r"cookie|privacy|newsletter|subscribe|rights reserved|commission|sign up|comment|thoughts on", re.I)
_GERMAN = re.compile(r"\b(und|der|die|das|nicht|mit)\b")

FIRST_NAMES = ("Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kwame",
               "Lena", "Marco", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tomas", "Uma", "Viktor",
               "Wen", "Yusuf")
LAST_NAMES = ("Alvarez", "Brandt", "Chen", "Doyle", "Eriksen", "Fischer", "Gupta", "Haddad", "Ivanova",
              "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quintero",
              "Rossi", "Sato", "Tan")
OUTLETS = (("Circuit Daily", "circuitdaily.example"), ("Packet Wire", "packetwire.example"),
           ("Byte Journal", "bytejournal.example"), ("Market Ticker", "marketticker.example"),
           ("Silicon Courier", "siliconcourier.example"), ("Gizmo Harbour", "gizmoharbour.example"),
           ("Kernel Times", "kerneltimes.example"), ("Datastream News", "datastream.example"),
           ("The Chip Letter", "chipletter.example"), ("Cloud Ledger", "cloudledger.example"),
           ("Orbit Tech", "orbittech.example"), ("Patchnote Post", "patchnote.example"))
THINGS = ("AI chips", "smart speakers", "cloud storage", "self-driving cars", "smartphones", "a payments app",
          "its streaming service", "data centres", "satellite internet", "VR headsets", "electric vans",
          "a chatbot", "its ad business", "a game console", "laptops", "a chip plant", "smart glasses")
TITLES = ("{a} agrees to buy {b} for ${n} billion", "{a} unveils {thing} as rivalry with {b} heats up",
          "{a} shares fall {p}% after delay to {thing}", "Regulators open inquiry into {a} over {thing}",
          "{a} and {b} sign deal on {thing}", "{a} cuts {k} jobs in its {thing} unit",
          "{a} raises ${m} million to expand {thing}", "{a} recalls {k} devices over fault in {thing}",
          "{a} posts record quarter on demand for {thing}", "{a} delays launch of {thing} until next year",
          "{a} sues {b} over patents on {thing}", "{a} hires former {b} executive to lead {thing}")
TITLE_VARIANTS = ("{t}", "{t}", "{t}, report says", "Report: {t}", "{t}: what we know", "{t}, sources say")


@dataclass(frozen=True, slots=True)
class Article:
    """One generated article, before it is laid out as a page or a post."""

    number: int
    title: str
    standfirst: str
    paragraphs: tuple[str, ...]
    headings: dict[int, str]  # paragraph index -> subheading shown before it
    date: datetime
    outlet: int  # index into OUTLETS
    author: str
    companies: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def source(self) -> str:
        return OUTLETS[self.outlet][0]

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")[:70].rstrip("-")

    @property
    def url(self) -> str:
        return f"https://www.{OUTLETS[self.outlet][1]}/{self.date:%Y/%m/%d}/{self.slug}-{self.number}/"


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def _sample_paragraphs(path: Path) -> list[str]:
    """Paragraph-like pieces of one sample page: <p> elements, or long lines of a text dump."""
    from lxml import html as lxml_html

    data = path.read_bytes()
    if path.suffix == ".jsonl":
        records = [json.loads(line) for line in data.splitlines() if line.strip()]
        texts = [r.get("html") or r.get("text") or "" for r in records]
    else:
        texts = [data.decode("utf-8", errors="replace")]
    found = []
    for text in texts:
        if path.suffix in (".html", ".htm") or text.lstrip().startswith("<"):
            found += [p.text_content() for p in lxml_html.fromstring(text).iter("p")]
        else:
            found += text.splitlines()
    return found


@cache
def sentence_pool() -> tuple[str, ...]:
    """English article sentences of the sample pages, boilerplate screened out, sorted and unique."""
    pool = set()
    for path in sorted(SAMPLES.rglob("*")):
        if path.suffix not in (".html", ".htm", ".txt", ".jsonl"):
            continue
        for paragraph in _sample_paragraphs(path):
            if len(paragraph.split()) < 15 or _NOT_ARTICLE.search(paragraph) or _GERMAN.search(paragraph):
                continue
            sentences = split_sentences(paragraph)
            pool.update(s for s in sentences if 8 <= len(s.split()) <= 60 and s[-1] in ".!?\"")
    return tuple(sorted(pool))


@cache
def registry_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(companies to write about, every name and alias of the registry) from the shipped registry."""
    companies, every = [], set()
    for line in (DATA / "companies.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry.get("kind", "company") == "company" and entry["name"] not in entry.get("guarded", ()):
            companies.append(entry["name"])
        every.update(n for n in [entry["name"], *entry.get("aliases", ())] if len(n) >= 3 and n[0].isupper())
    return tuple(sorted(companies)), tuple(sorted(every))


@cache
def tag_names() -> tuple[str, ...]:
    lines = (DATA / "tags.jsonl").read_text(encoding="utf-8").splitlines()
    return tuple(sorted(json.loads(line)["name"] for line in lines if line.strip()))


@cache
def _name_pattern() -> re.Pattern[str]:
    """Registry names that occur in the sentence pool, longest first."""
    text = " ".join(sentence_pool())
    names = sorted((n for n in registry_names()[1] if n in text), key=lambda n: (-len(n), n))
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")


class _Event:
    """Companies, date, title and core sentences shared by the articles of one story."""

    def __init__(self, rng: random.Random, popular: list[str]) -> None:
        self.companies = tuple(dict.fromkeys(rng.choices(popular, k=rng.choice((1, 2, 2, 3)))))
        self.extras = rng.sample(popular, 6)
        self.date = START + timedelta(days=rng.randrange(SPAN_DAYS), hours=rng.randrange(6, 20))
        others = self.companies[1:] or tuple(self.extras[:1])
        self.title = rng.choice(TITLES).format(
            a=self.companies[0], b=others[0], thing=rng.choice(THINGS), n=rng.randint(2, 60),
            p=rng.randint(3, 19), k=f"{rng.randint(2, 90) * 100:,}", m=rng.randint(2, 99) * 10)
        self.tags = tuple(sorted(rng.sample(tag_names(), rng.randint(1, 3))))
        self.names: dict[str, str] = {}
        self.core = [self.swap(s) for s in rng.sample(sentence_pool(), 4)]

    def swap(self, sentence: str) -> str:
        """The sentence with every registry name replaced by one of this event's companies."""
        def replace(match: re.Match[str]) -> str:
            if match.group(0) not in self.names:
                n = len(self.names)  # first our companies, then others in turn
                chosen = self.companies[n] if n < len(self.companies) else self.extras[n % len(self.extras)]
                self.names[match.group(0)] = chosen
            return self.names[match.group(0)]
        return _name_pattern().sub(replace, sentence)


def _article(rng: random.Random, event: _Event, number: int) -> Article:
    paragraphs = []
    core = list(event.core)
    for _ in range(rng.randint(4, 9)):
        sentences = [event.swap(s) for s in rng.sample(sentence_pool(), rng.randint(2, 4))]
        if core and rng.random() < 0.6:
            sentences.insert(rng.randint(0, len(sentences)), core.pop())
        paragraphs.append(" ".join(sentences))
    headings = {i: f"What {event.companies[0]} said" if i % 2 else "What comes next"
                for i in range(2, len(paragraphs)) if rng.random() < 0.12}
    return Article(
        number=number,
        title=rng.choice(TITLE_VARIANTS).format(t=event.title),
        standfirst=event.swap(rng.choice(sentence_pool())),
        paragraphs=tuple(paragraphs),
        headings=headings,
        date=event.date + timedelta(minutes=rng.randrange(0, 36 * 60)),
        outlet=rng.randrange(len(OUTLETS)),
        author=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        companies=event.companies,
        tags=event.tags,
    )


def articles(count: int, seed: int = SEED) -> list[Article]:
    """``count`` articles in events; popular companies get more of them, as in real news."""
    rng = random.Random(seed)
    companies = list(registry_names()[0])
    rng.shuffle(companies)
    popular = [c for i, c in enumerate(companies) for _ in range(max(1, 12 - i // 20))]
    made: list[Article] = []
    while len(made) < count:
        event = _Event(rng, popular)
        for _ in range(min(rng.choice(EVENT_SIZES), count - len(made))):
            made.append(_article(rng, event, len(made)))
    return made


def write_raw(folder: Path, html: int, text: int, seed: int = SEED, newest: bool = False) -> int:
    """Write ``html`` saved pages and ``text`` dumps (some with sidecars) below ``folder``; returns bytes.
    With ``newest``, they are dated the day after the corpus's two years, as today's news would be;
    otherwise any day within them."""
    rng = random.Random(seed + 1)
    kinds = ["html"] * html + ["text"] * text
    rng.shuffle(kinds)
    total = 0
    made = articles(html + text, seed)
    if newest:
        today = START + timedelta(days=SPAN_DAYS)
        made = [replace(a, date=today.replace(hour=a.date.hour, minute=a.date.minute)) for a in made]
    for article, kind in zip(made, kinds):
        outlet = re.sub(r"[^a-z]+", "-", article.source.lower()).strip("-")
        stem = folder / outlet / f"{article.number:05d}-{article.slug[:40].rstrip('-')}"
        stem.parent.mkdir(parents=True, exist_ok=True)
        if kind == "html":
            data = html_page(article, rng)
            path = stem.with_suffix(".html")
        else:
            data = text_dump(article, rng).encode("utf-8")
            path = stem.with_suffix(".txt")
            if rng.random() < 0.4:
                sidecar = {"url": article.url, "source": article.source,
                           "fetched_at": (article.date + timedelta(hours=3)).isoformat()}
                if rng.random() < 0.5:
                    sidecar["title"] = article.title
                stem.with_suffix(".json").write_text(json.dumps(sidecar, indent=2) + "\n", encoding="utf-8")
        path.write_bytes(data)
        total += len(data)
    return total


def post_text(article: Article) -> str:
    """The article as a Markdown post, in the header format the ingest writes."""
    blocks = []
    for i, paragraph in enumerate(article.paragraphs):
        if i in article.headings:
            blocks.append(Block.heading(article.headings[i]))
        blocks.append(Block.paragraph(paragraph))
    fields = {
        "Title": article.title, "Date": article.date.isoformat(timespec="minutes"),
        "Slug": f"{article.slug}-{article.number}", "Source": article.source, "Source_url": article.url,
        "Authors": [article.author], "Companies": article.companies, "Tags": article.tags,
        "Summary": escape_markdown(split_sentences(article.paragraphs[0])[0]), "Lang": "en",
        "Status": "published",
    }
    return render_post(fields, blocks)


def write_posts(folder: Path, count: int, seed: int = SEED) -> int:
    """Write ``count`` posts as posts/YYYY/YYYY-MM-DD-slug.md below ``folder``; returns bytes."""
    total = 0
    for article in articles(count, seed):
        path = folder / f"{article.date:%Y}" / f"{article.date:%Y-%m-%d}-{article.slug}-{article.number}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = post_text(article)
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=("raw", "posts"))
    parser.add_argument("out", type=Path)
    parser.add_argument("--html", type=int, default=2000)
    parser.add_argument("--text", type=int, default=2000)
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    if args.kind == "raw":
        size = write_raw(args.out, args.html, args.text, args.seed)
        print(f"{args.html} HTML pages + {args.text} text dumps, {size / 2**20:.1f} MiB, in {args.out}")
    else:
        size = write_posts(args.out, args.posts, args.seed)
        print(f"{args.posts} posts, {size / 2**20:.1f} MiB, in {args.out}")


if __name__ == "__main__":
    main()
