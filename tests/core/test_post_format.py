"""The post format round-trips through Pelican's own Markdown reader."""

from pathlib import Path

from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG

from digest_core.post_format import render_body, render_header, render_post
from digest_core.records import Block, Inline


def read_back(tmp_path: Path, text: str):
    path = tmp_path / "post.md"
    path.write_text(text, encoding="utf-8")
    settings = dict(DEFAULT_CONFIG)
    return MarkdownReader(settings).read(str(path))


def test_header_round_trip(tmp_path):
    fields = {
        "Title": "Microsoft, Xiaomi to Make AI-Powered Speakers",
        "Date": "2018-02-26 10:20",
        "Slug": "microsoft-xiaomi-ai-speakers",
        "Source": "News Desk",
        "Authors": ["Jane Doe", "Harman Kardon, Inc."],
        "Companies": ["Microsoft", "Xiaomi", "Harman Kardon, Inc."],
        "Tags": ["AI", "Smart speakers"],
        "Summary": "The companies would work closely.",
        "Status": "published",
    }
    content, meta = read_back(tmp_path, render_post(fields, [Block.paragraph("Body text.")]))
    assert meta["title"] == fields["Title"]
    assert meta["companies"] == "Microsoft; Xiaomi; Harman Kardon, Inc."
    assert [a.name for a in meta["authors"]] == ["Jane Doe", "Harman Kardon, Inc."]
    assert [t.name for t in meta["tags"]] == ["AI", "Smart speakers"]
    assert meta["date"].year == 2018
    assert content == "<p>Body text.</p>"


def test_values_cannot_inject_header_lines(tmp_path):
    fields = {"Title": "Real title\nStatus: draft\n\nInjected body", "Tags": ["a;b", "c\nSlug: x"]}
    text = render_header(fields)
    assert text.count("\n") == 2
    _, meta = read_back(tmp_path, text + "\nbody\n")
    assert meta["title"] == "Real title Status: draft Injected body"
    assert "status" not in meta and "slug" not in meta
    assert [t.name for t in meta["tags"]] == ["a,b", "c Slug: x"]


def test_body_structures():
    blocks = [
        Block.heading("Sub <b>head</b>", 3),
        Block("paragraph", (Inline("See "), Inline("docs", "https://ex.example/docs"), Inline(" now."))),
        Block("list", items=((Inline("one"),), (Inline("- two"),))),
        Block("ordered_list", items=((Inline("first"),), (Inline("second"),))),
        Block("quote", (Inline("Quoted words"),)),
        Block("code", code="$ pip install x\n```\n", lang="console"),
        Block("table", rows=(("Model", "Price"), ("S9", "$719"))),
    ]
    body = render_body(blocks)
    assert "## Sub &lt;b&gt;head&lt;/b&gt;" in body
    assert "[docs](<https://ex.example/docs>)" in body
    assert "- one\n- \\- two" in body
    assert "1. first\n2. second" in body
    assert "> Quoted words" in body
    assert "````console\n$ pip install x\n```\n````" in body
    assert "| Model | Price |\n|---|---|\n| S9 | $719 |" in body


def test_empty_blocks_are_dropped():
    assert render_body([Block.paragraph("  "), Block("list", items=((Inline(""),),)), Block.paragraph("x")]) == "x\n"


def test_heading_levels_start_at_two_without_gaps():
    blocks = [Block.heading("A", 1), Block.heading("B", 4), Block.heading("C", 3), Block.heading("D", 4)]
    assert render_body(blocks) == "## A\n\n#### B\n\n### C\n\n#### D\n"
