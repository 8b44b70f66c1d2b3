"""`digest stories [--json]`: the stories the next build will publish, drafts included and marked.

Reads the posts' Markdown files and the story state without running Pelican
and without writing anything, so editors can check the grouping (and add
story_* overrides) before publishing. Ids are those the build would assign.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from digest_core.plugins import plugin_enabled, read_pelican_settings
from digest_core.text import clean_line
from digest_stories.config import ConfigError, load_config
from digest_stories.grouping import group_stories
from digest_stories.model import Member, Story, StoryGroup, StoryItem
from digest_stories.posts import read_items
from digest_stories.state import load_state
from digest_stories.story import make_stories


def add_stories_command(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``stories`` subcommand; it dispatches through ``args.run`` (or ``args.func``)."""
    parser = subparsers.add_parser(
        "stories", help="list the stories and their posts (drafts included) without building the site"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "-s", "--settings", default=argparse.SUPPRESS, help="Pelican settings file (default: pelicanconf.py)"
    )
    parser.set_defaults(func=run_stories, run=run_stories)  # `digest` (digest_ingest.cli) dispatches on run
    return parser


def _post_json(item: StoryItem, member: Member) -> dict[str, Any]:
    return {
        "slug": item.slug, "role": member.role, "copy_of": member.copy_of, "title": item.title,
        "date": item.date.isoformat() if item.date else None, "source": item.source, "status": item.status,
        "flags": list(item.flags), "companies": list(item.companies),
    }


def _story_json(story: Story[StoryItem], members: dict[str, Member]) -> dict[str, Any]:
    return {
        "id": story.id, "day": story.day.isoformat(), "url": story.url, "importance": story.importance,
        "pinned": story.pinned, "hidden": story.hidden, "outlets": list(story.outlets),
        "companies": list(story.companies), "posts": [_post_json(p, members[p.slug]) for p in story.posts],
    }


def _undated_json(group: StoryGroup, items: dict[str, StoryItem]) -> dict[str, Any]:
    return {"id": group.id, "day": None, "url": None, "importance": 0.0, "pinned": group.pinned,
            "hidden": group.hidden, "outlets": [], "companies": [],
            "posts": [_post_json(items[m.slug], m) for m in group.members]}


def _story_text(story: Story[StoryItem], members: dict[str, Member]) -> list[str]:
    marks = "".join(m for m, on in ((" [pinned]", story.pinned), (" [hidden]", story.hidden)) if on)
    count = len(story.outlets)
    lines = [f"{story.day.isoformat()}  {story.id}  ({count} outlet{'' if count == 1 else 's'}){marks}"]
    return lines + _post_lines(story.posts, members)


def _post_lines(posts: Sequence[StoryItem], members: dict[str, Member]) -> list[str]:
    lines = []
    for post in posts:
        member = members[post.slug]
        notes = [f"[{post.status}]"] if post.status != "published" else []
        notes += [f"[{flag}]" for flag in post.flags]
        notes += [f"[copy of {member.copy_of}]"] if member.copy_of else []
        when = post.date.strftime("%Y-%m-%d %H:%M") if post.date else "undated"
        lines.append(
            f"  {member.role:<9} {when}  {clean_line(post.source)[:20]:<20} {post.slug}  "
            f"{clean_line(post.title)[:70]} {' '.join(notes)}".rstrip()
        )
    return lines


def render(
    stories: Sequence[Story[StoryItem]], undated: Sequence[StoryGroup], items: dict[str, StoryItem],
    members: dict[str, Member], as_json: bool,
) -> str:
    """Stories in home-page order, then groups of undated drafts (which have no day yet)."""
    if as_json:
        listed = [_story_json(s, members) for s in stories] + [_undated_json(g, items) for g in undated]
        return json.dumps({"stories": listed}, indent=1, ensure_ascii=False)
    blocks = ["\n".join(_story_text(s, members)) for s in stories]
    blocks += ["\n".join([f"undated      {g.id}", *_post_lines([items[m.slug] for m in g.members], members)])
               for g in undated]
    return "\n\n".join(blocks) if blocks else "No posts."


def with_canonical_companies(items: Sequence[StoryItem], settings: dict[str, Any]) -> list[StoryItem]:
    """The posts' companies by the registry's names, as digest_taxonomies gives them to a build
    (``Facebook`` -> ``Meta``): the stories clustered here must be the build's."""
    from digest_taxonomies.company_names import canonical_name, read_company_names

    read_company_names(settings)
    return [replace(item, companies=tuple(dict.fromkeys(canonical_name(c, settings) for c in item.companies)))
            for item in items]


def run_stories(args: argparse.Namespace) -> int:
    """Print the stories; 0 on success, 2 on a settings error."""
    settings_path = getattr(args, "settings", "pelicanconf.py")
    if not Path(settings_path).is_file():
        print(f"digest stories: settings file not found: {settings_path}", file=sys.stderr)
        return 2
    settings = read_pelican_settings(settings_path)
    try:
        config = load_config(settings)
    except ConfigError as err:
        print(err, file=sys.stderr)
        return 2
    items = read_items(settings)
    if plugin_enabled(settings, "digest_taxonomies"):
        items = with_canonical_companies(items, settings)
    groups = group_stories(items, load_state(Path(settings["PATH"]) / config.state_file), config)
    by_slug = {item.slug: item for item in items}
    stories = make_stories(groups, by_slug, by_slug, config)
    shown = {s.id for s in stories}
    members = {m.slug: m for g in groups for m in g.members}
    print(render(stories, [g for g in groups if g.id not in shown], by_slug, members, args.json))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Stand-alone entry point: ``python -m digest_stories.cli stories``."""
    parser = argparse.ArgumentParser(prog="digest")
    add_stories_command(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
