"""Helpers shared by the tests (importable: tests/ is on pytest's pythonpath)."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
RAW_SMALL = FIXTURES / "raw_small"


def make_config(content: Path, **settings):
    """Ingest config for a content folder, serial unless DIGEST_JOBS says otherwise."""
    from digest_ingest.config import load_config

    jobs = settings.pop("DIGEST_JOBS", 1)
    return load_config({"PATH": str(content), **settings}, DIGEST_JOBS=jobs)


def build_site(content: Path, output: Path, conf: str = "pelicanconf.py", **overrides) -> dict:
    """Build ``content`` into ``output`` with the real settings file; returns the settings used."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        str(REPO / conf),
        override={"PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_CONTENT": False,
                  "LOAD_CONTENT_CACHE": False, "CACHE_PATH": str(output.parent / f"{output.name}-cache"),
                  **overrides},
    )
    Pelican(settings).run()
    return settings
