"""Commit a built site to a gh-pages branch with git plumbing.

    python -m digest_search.ghpages OUTPUT [--branch gh-pages] [--message MSG] [--push [--remote origin]]

The tree is built in a temporary index (GIT_INDEX_FILE), so the working tree,
the real index and the checked-out branch are never touched. A ``.nojekyll``
file is added so GitHub Pages serves folders that start with "_" or ".".
Nothing leaves the machine unless --push is given.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

NOJEKYLL = ".nojekyll"
SKIP_DIRS = frozenset({".git"})


class PublishError(Exception):
    """Publishing failed; the message says why."""


def git(repo: Path, *args: str, env: dict[str, str] | None = None, data: bytes | None = None) -> str:
    """Run one git command in ``repo``; return its stdout, or raise PublishError."""
    proc = subprocess.run(
        ["git", "-C", str(repo), *args], input=data, capture_output=True,
        env={**os.environ, **(env or {})}, check=False,
    )
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip()
        raise PublishError(f"git {' '.join(args[:2])} failed: {message}")
    return proc.stdout.decode("utf-8", "replace").strip()


def site_files(root: Path) -> Iterator[tuple[str, Path]]:
    """(path in the tree, file) for every file under ``root``, sorted, skipping .git folders."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for name in sorted(files):
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            if "\n" in rel or "\r" in rel:
                raise PublishError(f"cannot publish a file name with a line break: {rel!r}")
            yield rel, path


def _mode(path: Path) -> str:
    """Git's file mode for ``path``."""
    if path.is_symlink():
        return "120000"
    return "100755" if os.access(path, os.X_OK) else "100644"


def _blob_ids(repo: Path, paths: list[Path]) -> list[str]:
    """Store every file (a symlink as its target text) as a blob; return the ids in order."""
    plain = [p for p in paths if not p.is_symlink()]
    listed = "".join(f"{p}\n" for p in plain).encode("utf-8", "surrogateescape")
    ids = iter(git(repo, "hash-object", "-w", "--no-filters", "--stdin-paths", data=listed).split())
    out = []
    for path in paths:
        if path.is_symlink():
            target = os.readlink(path).encode("utf-8", "surrogateescape")
            out.append(git(repo, "hash-object", "-w", "--stdin", data=target))
        else:
            out.append(next(ids))
    return out


def write_tree(repo: Path, output: Path) -> tuple[str, int]:
    """Build the tree of ``output`` (plus .nojekyll) in a temporary index; return (tree id, file count)."""
    entries = list(site_files(output))
    ids = _blob_ids(repo, [path for _, path in entries]) if entries else []
    lines = [f"{_mode(path)} {blob}\t{rel}" for (rel, path), blob in zip(entries, ids, strict=True)]
    if NOJEKYLL not in {rel for rel, _ in entries}:
        empty = git(repo, "hash-object", "-w", "--stdin", data=b"")
        lines.append(f"100644 {empty}\t{NOJEKYLL}")
    with tempfile.TemporaryDirectory(prefix="ghpages-") as tmp:
        env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        info = "".join(f"{line}\0" for line in lines).encode("utf-8", "surrogateescape")
        git(repo, "update-index", "--add", "-z", "--index-info", env=env, data=info)
        return git(repo, "write-tree", env=env), len(lines)


def publish(output: Path, repo: Path, branch: str, message: str) -> tuple[str, bool]:
    """Commit ``output`` as the new tip of ``branch``; return (commit id, whether it is new).

    When the tree equals the branch tip's tree, no commit is made.
    """
    if not output.is_dir():
        raise PublishError(f"no built site at {output}")
    ref = f"refs/heads/{branch}"
    try:
        git(repo, "check-ref-format", ref)
    except PublishError:
        raise PublishError(f"not a valid branch name: {branch!r}") from None
    parent = _resolve(repo, ref)
    tree, _ = write_tree(repo, output)
    if parent and git(repo, "rev-parse", f"{parent}^{{tree}}") == tree:
        return parent, False
    args = ["commit-tree", tree, "-m", message] + (["-p", parent] if parent else [])
    commit = git(repo, *args)
    # The old value makes update-ref refuse if someone moved the branch meanwhile.
    git(repo, "update-ref", "-m", f"ghpages: {message}", ref, commit, parent or "0" * len(commit))
    return commit, True


def _resolve(repo: Path, ref: str) -> str:
    """The commit ``ref`` points at, or "" when it does not exist."""
    try:
        return git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except PublishError:
        return ""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Commit a built site to a gh-pages branch (no checkout).")
    parser.add_argument("output", type=Path, help="the built site folder")
    parser.add_argument("--branch", default="gh-pages")
    parser.add_argument("--message", default="Publish site")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="the git repository (default: here)")
    parser.add_argument("--push", action="store_true", help="push the branch afterwards")
    parser.add_argument("--remote", default="origin", help="where --push pushes (default: origin)")
    args = parser.parse_args(argv)
    try:
        commit, new = publish(args.output.resolve(), args.repo, args.branch, args.message)
        if args.push:
            git(args.repo, "push", args.remote, f"refs/heads/{args.branch}:refs/heads/{args.branch}")
    except PublishError as exc:
        print(f"ghpages: {exc}", file=sys.stderr)
        return 1
    state = "committed" if new else "unchanged"
    pushed = f", pushed to {args.remote}" if args.push else " (not pushed; add --push)"
    print(f"ghpages: {args.branch} {state} at {commit[:12]}{pushed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
