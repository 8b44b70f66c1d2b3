"""End to end: a rebuild that skips unchanged pages gives the same site as a cold build."""

import re
import shutil

import pytest

from support import build_site


def tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def stamps(root):
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def content(sample_site, tmp_path):
    """The sample content with the posts and story ids the session's sample build wrote."""
    folder = tmp_path / "content"
    shutil.copytree(sample_site.parent / "content", folder)
    return folder


def build(content, output):
    return build_site(content, output, DIGEST_INGEST_ON_BUILD=False)


def edit_post(path, title):
    text = path.read_text()
    path.write_text(re.sub(r"^Title: .*$", f"Title: {title}", text, count=1, flags=re.M))


def add_post(content, source, slug, title):
    """A new post: a copy of ``source`` under another slug and title, a day later."""
    text = source.read_text()
    text = re.sub(r"^Slug: .*$", f"Slug: {slug}", text, count=1, flags=re.M)
    text = re.sub(r"^Title: .*$", f"Title: {title}", text, count=1, flags=re.M)
    (source.parent / f"{slug}.md").write_text(text)


def test_nothing_changed_nothing_rewritten(content, tmp_path):
    output = tmp_path / "output"
    build(content, output)
    before = stamps(output)
    build(content, output)
    after = stamps(output)
    pages = [p for p in before if p.endswith((".html", ".xml")) and not p.startswith("pagefind/")]
    rewritten = [p for p in pages if after[p] != before[p]]
    # Pages with an overriding URL (404.html) are always written, and the sitemap and
    # robots.txt come from the files on disk.
    assert set(rewritten) <= {"404.html", "sitemap.xml"}, rewritten
    assert len(pages) > 100


def test_rebuild_after_edits_equals_a_cold_build(content, tmp_path):
    output, cold = tmp_path / "output", tmp_path / "cold"
    build(content, output)
    before = stamps(output)
    posts = sorted((content / "posts").rglob("*.md"))
    seed = next(p for p in posts if "microsoft-xiaomi-make-ai-powered-speakers" in p.name)
    edit_post(seed, "Microsoft & Xiaomi <team up> on AI speakers")
    other = next(p for p in posts if p != seed and "/2018/" in p.as_posix())
    add_post(content, other, "a-post-added-later", "A post added later")

    build(content, output)
    build(content, cold)
    assert tree(output) == tree(cold)
    after = stamps(output)
    kept = [p for p in before if p.endswith("index.html") and after.get(p) == before[p]]
    assert len(kept) > len(before) // 4, "the rebuild should have kept most pages as they were"


def test_a_page_linking_to_a_post_follows_the_post_when_its_address_changes(content, tmp_path):
    """{filename} links are resolved while rendering: the linking page must be rendered again."""
    output = tmp_path / "output"
    seed = next(p for p in sorted((content / "posts").rglob("*.md")) if "microsoft-xiaomi-make-ai" in p.name)
    about = content / "pages" / "about.md"
    link = seed.relative_to(content).as_posix()
    about.write_text(about.read_text() + f"\nSee [the seed story]({{filename}}/{link}).\n")
    build(content, output)
    seed.write_text(re.sub(r"^Slug: .*$", "Slug: a-new-address", seed.read_text(), count=1, flags=re.M))
    build(content, output)
    assert "/a-new-address/" in (output / "about" / "index.html").read_text()


def test_a_deleted_post_leaves_nothing_behind(content, tmp_path):
    """Its page, the pages of a tag only it had, and its lines in lists and the sitemap all go:
    the rebuilt site is the one a cold build makes."""
    output, cold = tmp_path / "output", tmp_path / "cold"
    build(content, output)
    only = next(p for p in sorted((content / "posts").rglob("*.md")) if re.search(r"^Tags: .*AR/VR", p.read_text(), re.M))
    slug = re.search(r"^Slug: (.*)$", only.read_text(), re.M).group(1)
    assert (output / "tag" / "arvr" / "index.html").is_file() or any(output.glob("tag/ar*vr*/index.html"))
    only.unlink()
    build(content, output)
    build(content, cold)
    assert tree(output) == tree(cold)
    assert slug not in (output / "sitemap.xml").read_text()
