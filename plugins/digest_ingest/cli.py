"""The ``digest`` command.

    digest ingest [RAW_DIR] [--out DIR] [--jobs N] [--settings pelicanconf.py]
    digest convert FILE [--json]
    digest stories [--json]

Settings come from pelicanconf.py (the same ones the build uses); the
arguments override them. This module only parses arguments: the work is in
``ingest.run_ingest`` and ``pipeline.convert``, shared with the plugin.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from digest_core.plugins import read_pelican_settings
from digest_core.post_format import render_body
from digest_core.records import Post, Rejected
from digest_ingest.config import ConfigError, IngestConfig, load_config
from digest_ingest.discover import Found, load
from digest_ingest.ingest import run_ingest
from digest_ingest.pipeline import convert, load_resources
from digest_ingest.slugs import make_slug
from digest_ingest.write import format_date, render


def config_from_args(args: argparse.Namespace) -> IngestConfig:
    settings = read_pelican_settings(args.settings)
    overrides = {}
    if getattr(args, "raw_dir", None):
        overrides["DIGEST_RAW_PATH"] = str(Path(args.raw_dir).resolve())
    if getattr(args, "out", None):
        overrides["DIGEST_POSTS_PATH"] = str(Path(args.out).resolve())
    return load_config(settings, DIGEST_JOBS=getattr(args, "jobs", None), **overrides)


def cmd_ingest(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    progress = None
    if sys.stderr.isatty() and not args.quiet:
        from tqdm import tqdm

        def progress(items, total):
            return tqdm(items, total=total, unit="page", desc="ingest", file=sys.stderr)

    report = run_ingest(config, jobs=args.jobs, progress=progress)
    for line in report.lines():
        print(line)
    return 1 if report.failed and args.strict else 0


def cmd_convert(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    path = Path(args.file).resolve()
    if not path.is_file():
        print(f"digest convert: no such file: {args.file}", file=sys.stderr)
        return 2
    sidecar = path.with_suffix(".json")
    found = Found(path.name, path, sidecar if sidecar.is_file() and path.suffix != ".json" else None)
    resources = load_resources(config)
    status = 0
    for raw in load(found, config.max_bytes):
        result = raw if isinstance(raw, Rejected) else convert(raw, resources)
        if isinstance(result, Rejected):
            print(f"digest convert: {result.rel}: [{result.stage}] {result.reason}", file=sys.stderr)
            status = 1
            continue
        if args.json:
            print(json.dumps(post_as_json(result), ensure_ascii=False, indent=2))
        else:
            print(render(result, make_slug(result.meta.title), config.flagged_status, args.file), end="")
    return status


def post_as_json(post: Post) -> dict:
    """The --json form of ``digest convert``."""
    meta, extra = post.meta, post.enrichment
    return {
        "title": meta.title, "date": format_date(post) or None, "source": meta.source or None,
        "source_url": meta.source_url or None, "authors": list(meta.authors), "companies": list(extra.companies),
        "tags": list(extra.tags), "summary": extra.summary, "lang": meta.lang or None, "flags": list(extra.flags),
        "body": render_body(post.blocks),
    }


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="digest", description="Tech-news digest: raw pages -> posts -> stories.")
    parser.add_argument("--settings", default="pelicanconf.py", help="Pelican settings file (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser("ingest", help="convert new and changed raw pages into posts")
    ingest.add_argument("raw_dir", nargs="?", help="raw pages folder (default: DIGEST_RAW_PATH)")
    ingest.add_argument("--out", help="posts folder (default: DIGEST_POSTS_PATH)")
    ingest.add_argument("--jobs", type=int, help="worker processes (default: DIGEST_JOBS, 0 = one per core)")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.add_argument("--strict", action="store_true", help="exit 1 when any page failed")
    ingest.set_defaults(run=cmd_ingest)

    convert_cmd = commands.add_parser("convert", help="print one raw page's post; writes nothing")
    convert_cmd.add_argument("file")
    convert_cmd.add_argument("--json", action="store_true", help="print a JSON object instead of Markdown")
    convert_cmd.set_defaults(run=cmd_convert)

    try:
        from digest_stories.cli import add_stories_command
    except ImportError:
        pass
    else:
        add_stories_command(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except ConfigError as exc:
        print(str(exc), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
