"""Page layouts for the benchmark corpus: an Article as a saved HTML page or a text dump.

Five HTML layouts (magazine, wire, blog, markets, portal) with the clutter of real
news sites: cookie banner, navigation, ad slots, share bars, related lists,
comments, newsletter boxes, inline scripts and styles, and metadata as
OpenGraph, JSON-LD or microdata. Four text-dump layouts with menus, language
pickers, captions, share lines and comment forms. Every choice comes from the
caller's seeded RNG. The words are our own.
"""

from __future__ import annotations

import json
import random
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corpus import Article

SECTIONS = ("Latest", "Phones", "Computing", "Business", "Science", "Security", "Gaming", "Deals", "Reviews",
            "Video")
LANGUAGES = "English Español Deutsch Français Italiano Português Nederlands Polski Türkçe 日本語 한국어"
RELATED = ("Five things we learned this week", "The best budget laptops right now",
           "Our guide to home routers", "Why chip prices keep rising",
           "Hands-on with the newest folding phones", "Inside the race for batteries")
COMMENTS = ("Great write-up, thanks.", "I doubt this changes much for ordinary users.",
            "Does anyone know when this reaches Europe?", "Same story every year, different logo.")


def _e(text: str) -> str:
    return escape(text, quote=True)


def _head_clutter(rng: random.Random, number: int) -> str:
    """Preloads, a big inline style, analytics and a page-state script, as news sites have (~30-60 KB)."""
    links = "".join(f'<link rel="preload" href="/static/js/chunk-{i}.{number % 97:02x}.js" as="script">\n'
                    for i in range(rng.randint(4, 12)))
    rules = range(rng.randint(300, 700))
    style = " ".join(f".c{i}{{margin:{i % 9}px;color:#{(i * 37) % 4096:03x}}}" for i in rules)
    state = {"page": number, "ab": rng.randint(0, 9),
             "trending": [{"id": rng.randrange(10**6), "headline": RELATED[i % len(RELATED)], "score": i}
                          for i in range(rng.randint(60, 160))]}
    return (f"{links}<style>{style}</style>\n<script>window.dataLayer=window.dataLayer||[];"
            f"function gtag(){{dataLayer.push(arguments)}}gtag('js',new Date());</script>\n"
            f"<script>window.__STATE__={json.dumps(state)};</script>\n")


def _nav() -> str:
    """A mega-menu: every section with a dozen sub-sections."""
    def section(name: str) -> str:
        subs = "".join(f"<li><a href='/{name.lower()}/{n}'>{name} {n}</a></li>" for n in range(12))
        return f"<li><a href='/{name.lower()}'>{name}</a><ul>{subs}</ul></li>"

    items = "".join(section(s) for s in SECTIONS)
    return f"<nav class='menu'><ul>{items}</ul></nav>"


def _cookie() -> str:
    return ("<div class='cookie-banner' role='dialog'><p>We use cookies to measure traffic and show ads. "
            "You can change your choice at any time.</p><button>Accept all</button> "
            "<a href='/privacy'>Options</a></div>")


def _share(url: str) -> str:
    return ("<div class='share'>" + "".join(f"<a href='/share/{n}?u={_e(url)}'>{n.title()}</a> "
                                            for n in ("twitter", "facebook", "linkedin", "email")) + "</div>")


def _related(rng: random.Random) -> str:
    chosen = rng.sample(RELATED, 4)
    items = "".join(f"<li><a href='/story/{rng.randrange(10**6)}'>{t}</a></li>" for t in chosen)
    return f"<aside class='related'><h3>Related stories</h3><ul>{items}</ul></aside>"


def _comments(rng: random.Random) -> str:
    shown = rng.sample(COMMENTS, rng.randint(0, 3))
    items = "".join(f"<li class='comment'><b>reader{rng.randrange(999)}</b><p>{c}</p></li>" for c in shown)
    return (f"<section id='comments'><h3>{len(shown)} comments</h3><ol>{items}</ol><form>"
            "<label>Name *</label><input name='n'><label>Comment</label><textarea></textarea>"
            "<button>Post comment</button></form></section>")


def _ad(slot: str) -> str:
    return f"<div class='ad ad-{slot}'><span>Advertisement</span><!-- ad slot {slot} --></div>"


def _body(article: Article, rng: random.Random, ads: bool) -> str:
    parts = []
    for i, paragraph in enumerate(article.paragraphs):
        if i in article.headings:
            parts.append(f"<h2>{_e(article.headings[i])}</h2>")
        parts.append(f"<p>{_e(paragraph)}</p>")
        if ads and i == 2:
            parts.append(_ad("inline"))
    if rng.random() < 0.15:
        facts = "<ul><li>Shipping starts next month</li><li>Prices vary by region</li></ul>"
        parts.insert(rng.randint(1, len(parts)), facts)
    return "\n".join(parts)


def _json_ld(article: Article) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
            "datePublished": article.date.isoformat(), "author": {"@type": "Person", "name": article.author},
            "publisher": {"@type": "Organization", "name": article.source}, "mainEntityOfPage": article.url}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _open_graph(article: Article) -> str:
    return (f'<meta property="og:title" content="{_e(article.title)}">'
            f'<meta property="og:site_name" content="{_e(article.source)}">'
            f'<meta property="og:url" content="{_e(article.url)}">'
            f'<meta property="article:published_time" content="{article.date.isoformat()}">'
            f'<meta name="author" content="{_e(article.author)}">')


def _layout(article: Article, rng: random.Random) -> tuple[str, str]:
    """(metadata for <head>, <body> content) in the article outlet's layout."""
    title, when = _e(article.title), article.date
    byline = f"<span class='byline'>By {_e(article.author)}</span>"
    stand = f"<p class='standfirst'>{_e(article.standfirst)}</p>"
    body = _body(article, rng, ads=article.outlet % 2 == 0)
    style = article.outlet % 5
    if style == 0:  # magazine: OpenGraph, <article>, share bar, comments
        return _open_graph(article), (
            f"{_cookie()}<header>{_nav()}</header>{_ad('top')}<main><article><h1>{title}</h1>{stand}{byline}"
            f"<time datetime='{when.isoformat()}'>{when:%d %B %Y}</time>{_share(article.url)}{body}</article>"
            f"{_related(rng)}{_comments(rng)}</main>")
    if style == 1:  # wire: JSON-LD, story-body div, dateline
        return _json_ld(article), (
            f"{_nav()}<div class='story'><h1 class='headline'>{title}</h1>{byline}<div class='dateline'>"
            f"{when:%B %d, %Y %H:%M} UTC</div><div class='story-body'>{body}</div>"
            f"<div class='newsletter'>Get the morning briefing in your inbox.</div></div>{_related(rng)}")
    if style == 2:  # blog: entry-content, sidebar widgets, reply form
        widgets = "".join(f"<div class='widget'><h4>{s}</h4></div>" for s in SECTIONS[:5])
        return _open_graph(article), (
            f"<div id='page'>{_nav()}<div class='entry'><h1 class='entry-title'>{title}</h1>"
            f"<div class='meta'>Posted on <time datetime='{when.isoformat()}'>{when:%B %d, %Y}</time> "
            f"{byline}</div>"
            f"<div class='entry-content'>{stand}{body}</div>{_share(article.url)}</div>"
            f"<div id='sidebar'>{widgets}</div>{_comments(rng)}</div>{_cookie()}")
    if style == 3:  # markets: JSON-LD graph, ticker strip, paywall teaser
        moves = [(c[:4].upper(), rng.uniform(-5, 5)) for c in article.companies]
        tickers = " ".join(f"<span>{symbol} {move:+.2f}%</span>" for symbol, move in moves)
        return _json_ld(article), (
            f"<div class='ticker'>{tickers}</div>{_nav()}{_ad('leader')}<div class='article'><h1>{title}</h1>"
            f"{stand}{byline}<span class='ts'>{when:%b. %d, %Y %I:%M %p} ET</span>{_share(article.url)}"
            f"<div class='article-body'>{body}</div><div class='paywall'>Subscribe to keep reading our "
            f"markets coverage.</div></div>{_related(rng)}")
    section = SECTIONS[article.number % len(SECTIONS)]
    crumbs = f"<ol class='crumbs'><li><a href='/'>Home</a></li><li>{section}</li></ol>"
    return "", (  # portal: microdata only, language picker, most-read list
        f"<div class='langs'>{LANGUAGES}</div>{_nav()}{crumbs}"
        f"<div itemscope itemtype='https://schema.org/NewsArticle'><h1 itemprop='headline'>{title}</h1>"
        f"<span itemprop='author'>{_e(article.author)}</span><meta itemprop='datePublished' "
        f"content='{when.isoformat()}'><div itemprop='articleBody'>{body}</div></div>"
        f"<div class='most-read'><h3>Most read</h3>{_related(rng)}</div>")


def html_page(article: Article, rng: random.Random) -> bytes:
    """The article as a saved web page; one page in twenty in windows-1252, as old sites still serve."""
    legacy = rng.random() < 0.05
    charset = "windows-1252" if legacy else "utf-8"
    meta, body = _layout(article, rng)
    links = "".join(f"<a href='/topic/{n}'>Topic {n}</a> " for n in range(40))
    footer = (f"<footer><p>{links}</p><p>About us · Careers · Terms · Privacy</p>"
              f"<p>© {article.date:%Y} {_e(article.source)}. All rights reserved.</p></footer>")
    page = (f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='{charset}'><title>{_e(article.title)} | "
            f"{_e(article.source)}</title>\n{meta}\n{_head_clutter(rng, article.number)}</head>\n"
            f"<body>{body}{footer}<script src='/static/js/app.js' async></script></body></html>\n")
    return page.encode("cp1252", errors="xmlcharrefreplace") if legacy else page.encode("utf-8")


def _dump_lines(article: Article, rng: random.Random) -> list[str]:
    lines = []
    for i, paragraph in enumerate(article.paragraphs):
        if i in article.headings:
            lines.append(article.headings[i])
        lines.append(paragraph)
        if i == 1 and rng.random() < 0.3:
            lines.append(f"Also read: {rng.choice(RELATED)}")
    return lines


def text_dump(article: Article, rng: random.Random) -> str:
    """The article as a browser's or scraper's plain-text dump of the page, boilerplate included."""
    when, style = article.date, article.outlet % 4
    credit = rng.choice(("Reuters", "AP", "File"))
    caption = f"{article.companies[0]} offices in a file photo. (Image: {credit})"
    body = _dump_lines(article, rng)
    if style == 0:  # language picker and date on one line, caption, "also read"
        lines = [f" date {when:%Y-%m-%d} {LANGUAGES}", article.title, article.standfirst, caption, *body,
                 "Follow us on social media", f"© {when:%Y} {article.source}"]
    elif style == 1:  # blog dump: menu, byline, share, comments and reply form
        lines = [article.source, "Menu", " ".join(SECTIONS), "Search", article.title, f"by {article.author}",
                 f"{when:%b. %d, %Y %I:%M %p} ET", caption, *body, "Share this:", "Twitter Facebook Email",
                 "Related", *rng.sample(RELATED, 3), "Leave a Reply",
                 "Your email address will not be published. Required fields are marked *", "Comment",
                 "Name *", "Email *", "Post Comment", "This site uses cookies. Accept Read More"]
    elif style == 2:  # markets dump: tickers, advertisement, standfirst, newsletter
        tickers = " ".join(f"{c[:4].upper()} -- --" for c in article.companies)
        lines = [article.source, "Markets Tech Deals Earnings Opinion", "Sign in Subscribe", tickers,
                 "Advertisement", article.title, article.standfirst, f"By {article.author}",
                 f"{when:%B %d, %Y %H:%M} UTC", "Share on Twitter Share on LinkedIn Copy link", *body,
                 f"More from {article.source}", *rng.sample(RELATED, 2), "The Morning Brief",
                 "The stories that move markets, before the open. Sign up", "About · Terms · Privacy"]
    else:  # bare dump: title and text only
        lines = [article.title, f"Published {when:%Y-%m-%d %H:%M}", *body,
                 f"Copyright {when:%Y} {article.source}"]
    return "\n".join(lines) + "\n"
