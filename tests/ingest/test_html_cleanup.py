"""Boilerplate lines left in trafilatura's output: which go, and which real paragraphs stay."""

import pytest

from digest_core.records import Block, Candidate, Inline
from digest_ingest.html_cleanup import (
    drop_boilerplate,
    head_date_lines,
    is_boilerplate_line,
    is_date_line,
    is_menu_line,
)

BOILERPLATE = [
    "Photo: Lars Havik for The Circuit Ledger",
    "A worker checks wafers at the plant, March 2, 2023. REUTERS/Ffion Parry/File Photo",
    "Microsoft, Xiaomi to Make AI-Powered Speakers, Smartphones (Image: REUTERS/Edgard Garrido/files)",
    "Share this article", "Share on Facebook", "Follow us on Twitter and Facebook for more gadget news!",
    "Twitter", "LinkedIn", "Email",
    "Read more: Why warehouse automation stalled last winter", "Related: How we cut flaky tests by half",
    "Sign up for The Circuit Ledger's daily briefing and get the top stories in your inbox.",
    "Subscribe to our weekly newsletter", "Advertisement", "Tags: chips, energy",
    "© 2024 The Circuit Ledger. All rights reserved.",
    "Reporting by Helen Marsh in London; Editing by Nia Evans", "Weitere Artikel: 5G-Ausbau stockt",
    "Leave a comment", "Your email address will not be published. Required fields are marked *",
    "Get unlimited access to The Ticker Tape for $1 for your first month.", "Already a subscriber? Sign in",
]
PROSE = [
    "The company said on Tuesday that it had raised $40 million in a round led by Fjord Ventures.",
    "Subscribers only pay $5 a month for the service, the company said.",
    "Sign-ups rose 20% in the quarter.",
    "Share prices fell 4% after the announcement, wiping out the week's gains.",
    "Reuters reported the deal late on Friday, citing two people familiar with the matter.",
    "The photo app will gain a new editor later this year, according to the company.",
    "Related companies, including two suppliers in Taiwan, also rose in early trading on the news.",
    " ".join(["Share this article"] + ["with everyone you know because it is long enough"] * 4),
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_lines_are_recognised(line):
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", PROSE)
def test_real_sentences_are_kept(line):
    assert not is_boilerplate_line(line)


@pytest.mark.parametrize(("line", "expected"), [
    ("June 7, 2023 11:02 AM GMT", True), ("Updated 2 hours ago", True), ("12.02.2022, 14:05 Uhr", True),
    ("Tue 5 March 2024 · 4 min read", True), ("March 2024 was the warmest month", False),
    ("NEWPORT, Wales", False),
])
def test_is_date_line(line, expected):
    assert is_date_line(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Home Help Email Password Sign in", True), ("News Reviews Deals Podcasts", True),
    ("The options we looked at", False), ("Home, sweet home.", False), ("Two Words", False),
])
def test_is_menu_line(line, expected):
    assert is_menu_line(line) == expected


def para(text: str) -> Block:
    return Block.paragraph(text)


LEAD = "SAN FRANCISCO (Wire) - Acme said on Tuesday it would build a second plant, creating 900 jobs."
CANDIDATES = [Candidate("title", "Acme to build second plant", "og:title"),
              Candidate("standfirst", "The plant will make power chips for cars.", "og:description"),
              Candidate("author", "Helen Marsh", "author")]


def test_head_of_the_body_loses_repeats_bylines_and_datelines():
    later = "By the end of the year, Acme expects to hire 200 people."
    blocks = [Block.heading("Acme to build second plant", 2),
              para("The plant will make power chips for cars."),
              para("By Helen Marsh and Tom Wojcik"), para("Helen Marsh · June 7, 2023 · 4 min read"),
              para("Updated 2 hours ago"), para(LEAD), para(later)]
    kept, dropped = drop_boilerplate(blocks, CANDIDATES)
    assert [b.text for b in kept] == [LEAD, later]
    assert dropped == 5


def test_head_rules_apply_only_at_the_top():
    blocks = [para(f"Paragraph {i} of a long story, with enough words to be prose.") for i in range(9)]
    blocks.append(para("Acme to build second plant"))  # the headline, far down: a real line, kept
    kept, dropped = drop_boilerplate(blocks, CANDIDATES)
    assert len(kept) == 10 and dropped == 0


def test_duplicates_and_list_furniture_are_dropped_code_and_tables_kept():
    items = ((Inline("Facebook"),), (Inline("Twitter"),))
    blocks = [para(LEAD), Block("list", items=items), para(LEAD), Block("code", code="Share this article"),
              Block("table", rows=(("Advertisement", "x"), ("1", "2"))),
              Block("list", items=((Inline("Faster builds"),), (Inline("Share"),)))]
    kept, dropped = drop_boilerplate(blocks, [])
    assert [b.kind for b in kept] == ["paragraph", "code", "table", "list"]
    assert kept[-1].items == ((Inline("Faster builds"),),)
    assert dropped == 4


def test_head_date_lines_skip_updates_and_strip_names():
    blocks = [para("Updated June 8, 2023"), para("Posted on October 3, 2022 by Rosa Delgado"), para(LEAD)]
    assert [" ".join(t.split()) for t in head_date_lines(blocks, ["Rosa Delgado"])] == [
        "Posted on October 3, 2022 by"]
