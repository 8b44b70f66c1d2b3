"""The README tells the truth about settings and make targets."""

import ast
import re

from digest_ingest.config import DEFAULTS
from support import REPO

README = (REPO / "README.md").read_text()


def pelicanconf_settings() -> list[str]:
    tree = ast.parse((REPO / "pelicanconf.py").read_text())
    names = [t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)]
    return [n for n in dict.fromkeys(names) if n.isupper() and n != "HERE"]


def test_every_setting_in_pelicanconf_is_documented():
    def documented(name: str) -> bool:
        twin = name.replace("_SAVE_AS", "_URL")
        return f"`{name}`" in README or (name.endswith("_SAVE_AS") and f"`{twin}`" in README and "_SAVE_AS`)" in README)

    assert [n for n in pelicanconf_settings() if not documented(n)] == []


def test_ingest_defaults_match_the_readme():
    for name, (default, meaning) in DEFAULTS.items():
        row = next((line for line in README.splitlines() if line.startswith(f"| `{name}` |")), None)
        assert row, name
        shown = repr(default) if not isinstance(default, str) else f'"{default}"'
        assert f"`{shown.replace('_', '')}`" in row.replace("_", ""), (name, row)
        assert meaning in row


def test_make_targets_in_the_readme_exist():
    makefile = (REPO / "Makefile").read_text()
    targets = set(re.findall(r"^([a-z_]+):", makefile, re.M))
    mentioned = set(re.findall(r"`make ([a-z_]+)", README))
    assert mentioned and mentioned <= targets, mentioned - targets


def test_readme_gives_the_two_commands():
    assert "make serve" in README and "make test" in README
    assert "bash .ci/run" in README and "make test" in (REPO / ".ci" / "run").read_text()



def test_files_the_docs_commands_name_exist():
    """Paths into the repository in the READMEs' shell examples are there to run them on."""
    docs = [REPO / "README.md", REPO / "bench" / "README.md", *sorted((REPO / "plugins").glob("*/README.md"))]
    blocks = (re.findall(r"```sh\n(.*?)```", doc.read_text(), re.S) for doc in docs)
    commands = "\n".join(block for found in blocks for block in found)
    named = set(re.findall(r"(?<![\w/.-])((?:content|theme|tests|bench|plugins)/[\w./-]*\w)", commands))
    assert "content/raw/000_9c3b684c51d11b7a.txt" in named
    assert sorted(path for path in named if not (REPO / path).exists()) == []
