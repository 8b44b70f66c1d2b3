"""Posts that cannot be written where their address says: the build goes on and names them."""

import logging
from types import SimpleNamespace

from site_build import build_posts, fixture_post

from digest_taxonomies.addresses import drop_unwritable_posts


def post(source, save_as):
    return SimpleNamespace(source_path=source, save_as=save_as)


def test_the_first_source_path_is_kept_and_every_list_loses_the_others():
    a, b, c = post("posts/a.md", "2025/x/index.html"), post("posts/b.md", "2025/x/index.html"), post("posts/c.md", "y")
    draft, twin = post("posts/d.md", "drafts/d/index.html"), post("posts/e.md", "drafts/d/./index.html")
    unwritten = [post("posts/f.md", ""), post("posts/g.md", "")]
    generator = SimpleNamespace(articles=[b, c, *unwritten], hidden_articles=[a], drafts=[twin, draft])
    dropped = drop_unwritable_posts(generator)
    assert [(post.source_path, reason) for post, reason in dropped] == [
        ("posts/b.md", "it would be written to 2025/x/index.html, as posts/a.md is; give one of them another Slug or Date"),
        ("posts/e.md", "it would be written to drafts/d/index.html, as posts/d.md is; give one of them another Slug or Date")]
    assert generator.articles == [c, *unwritten] and generator.hidden_articles == [a] and generator.drafts == [draft]


def test_a_site_with_two_posts_at_one_address_is_still_built(tmp_path, caplog):
    original = fixture_post("2025-02-03-nvidia-earnings.md")
    with caplog.at_level(logging.ERROR):
        output = build_posts(tmp_path, {"a.md": original, "b.md": original.replace("Title: Nvidia's", "Title: A copy: Nvidia's"),
                                        "c.md": fixture_post("2025-02-20-apple-headset.md")})
    page = output / "2025/02/03/nvidias-data-centre-revenue-doubles/index.html"
    assert "A copy" not in page.read_text(encoding="utf-8")  # a.md sorts first
    assert (output / "2025/02/20/apple-cuts-headset-production-as-demand-cools/index.html").is_file()
    assert "posts/b.md: not built" in caplog.text and "as posts/a.md is" in caplog.text


def test_a_name_too_long_for_the_file_system_is_reported():
    fine, long_name = post("posts/a.md", "2025/" + "a" * 255 + "/index.html"), post("posts/b.md", "2025/" + "é" * 128 + "/")
    generator = SimpleNamespace(articles=[fine, long_name], hidden_articles=[], drafts=[])
    (dropped, reason), = drop_unwritable_posts(generator)
    assert dropped is long_name and "a name of 256 bytes" in reason and generator.articles == [fine]


def test_a_post_with_a_very_long_title_is_left_out_and_the_site_built(tmp_path, caplog):
    long_title = "Title: " + "Very long headline word " * 40 + "\nDate: 2025-03-01 10:00\n\nBody.\n"
    with caplog.at_level(logging.ERROR):
        output = build_posts(tmp_path, {"long.md": long_title, "c.md": fixture_post("2025-02-20-apple-headset.md")})
    assert "posts/long.md: not built: its address has a name of" in caplog.text
    assert (output / "2025/02/20/apple-cuts-headset-production-as-demand-cools/index.html").is_file()
