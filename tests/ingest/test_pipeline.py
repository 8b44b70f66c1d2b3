"""convert(): one raw page through every stage, judged on what the issue asks of the seeds."""

from datetime import date
from pathlib import Path

import pytest

from support import RAW_SMALL as SEEDS
from digest_core.records import Post, RawPage, Rejected
from digest_ingest.discover import Found, load
from digest_ingest.pipeline import convert, load_resources


@pytest.fixture(scope="module")
def resources(tmp_path_factory):
    from digest_ingest.config import load_config

    return load_resources(load_config({"PATH": str(tmp_path_factory.mktemp("content"))}))


def convert_file(path: Path, resources) -> Post:
    sidecar = path.with_suffix(".json")
    (raw,) = load(Found(path.name, path, sidecar if sidecar.is_file() else None), 10_000_000)
    result = convert(raw, resources)
    assert isinstance(result, Post), result
    return result


def body_text(post: Post) -> str:
    return "\n".join(b.text for b in post.blocks)


def test_seed_000(resources):
    post = convert_file(SEEDS / "000_9c3b684c51d11b7a.txt", resources)
    assert post.meta.title == "Microsoft, Xiaomi to Make AI-Powered Speakers, Smartphones"
    assert post.meta.date.date() == date(2018, 2, 26)
    companies = post.enrichment.companies
    assert set(companies[:2]) == {"Microsoft", "Xiaomi"}
    for name in ("Apple", "Google", "Amazon", "Samsung", "Huawei", "IDC", "Harman Kardon"):
        assert name in companies, (name, companies)
    assert "Reuters" not in companies and "The Verge" not in companies
    assert "spun" not in post.enrichment.flags
    assert post.meta.lang == "en"
    text = body_text(post)
    assert "हिन्दी" not in text and "REUTERS/Edgard" not in text
    assert "Xiaomi was the world's fifth most popular smartphone company" in text
    assert post.enrichment.summary.startswith("The companies would work closely")


def test_seed_001(resources):
    post = convert_file(SEEDS / "001_994672d6f678ac9a.txt", resources)
    assert post.meta.title == "Microsoft and Xiaomi to combine on AI, cloud computing and hardware"
    assert post.meta.date.date() == date(2018, 2, 23)
    companies = post.enrichment.companies
    assert set(companies[:2]) == {"Microsoft", "Xiaomi"}
    for name in ("Gartner", "Huawei", "Nokia"):
        assert name in companies
    assert "spun" in post.enrichment.flags
    text = body_text(post)
    assert "No financial terms to a arrangement are being given though we are asking." in text
    for junk in ("About the Author", "Leave a comment", "XHTML", "<blockquote", "html tags"):
        assert junk not in text
    assert not {"a", "abbr", "blockquote", "cite", "code", "strike"} & {t.lower() for t in post.enrichment.tags}


def test_sidecar_gives_source_and_url(resources):
    post = convert_file(SEEDS / "desk" / "launch.txt", resources)
    assert post.meta.source == "Desk Daily"
    assert post.meta.source_url == "https://desk.example/tech/apple-texture"
    assert post.meta.origins["source"] == "sidecar"
    assert post.meta.authors == ("Priya Raman",)
    assert "Apple" in post.enrichment.companies[:1]


def test_unknown_source_is_left_unknown(resources):
    post = convert_file(SEEDS / "000_9c3b684c51d11b7a.txt", resources)
    assert post.meta.source == "" and post.meta.origins["source"] == "none"


def test_no_date_is_flagged_never_today(resources):
    raw = RawPage("x.txt", "text", (SEEDS / "desk" / "launch.txt").read_bytes().replace(b"March 12, 2018\n", b""))
    post = convert(raw, resources)
    assert post.meta.date is None
    assert "no_date" in post.enrichment.flags


@pytest.mark.parametrize(
    ("data", "stage", "reason"),
    [(b"", "decode", "empty file"), (b"%PDF-1.4 \x00\x01\x02", "decode", "binary")],
)
def test_rejections_carry_stage_and_reason(resources, data, stage, reason):
    result = convert(RawPage("bad.txt", "text", data), resources)
    assert isinstance(result, Rejected)
    assert (result.stage, reason in result.reason) == (stage, True)


def test_resources_are_built_once_until_an_editors_file_changes(tmp_path):
    from digest_ingest.config import load_config

    config = load_config({"PATH": str(tmp_path)})
    config.data_dir.mkdir(parents=True, exist_ok=True)
    editors = config.data_dir / "companies.jsonl"
    editors.write_text('{"name": "Quillmarsh Robotics"}\n', "utf-8")
    first, again = load_resources(config), load_resources(config)
    assert again.registry is first.registry and again.fingerprint == first.fingerprint
    editors.write_text('{"name": "Quillmarsh Robotics", "aliases": ["Quillmarsh"]}\n', "utf-8")
    edited = load_resources(config)
    assert edited.registry is not first.registry and edited.fingerprint != first.fingerprint
    assert any(c.aliases == ("Quillmarsh",) for c in edited.registry.companies)
