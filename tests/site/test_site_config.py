"""digest_taxonomies.config and its README: every setting documented with its real default."""

import re
from pathlib import Path

from digest_taxonomies.config import DEFAULTS, setting

README = (Path(__file__).resolve().parents[2] / "plugins" / "digest_taxonomies" / "README.md").read_text()


def test_every_setting_is_in_the_readme_table_with_its_default():
    rows = dict(re.findall(r"^\| `(\w+)` \| `(.+?)` \|", README, flags=re.MULTILINE))
    assert rows.keys() == DEFAULTS.keys()
    for name, default in DEFAULTS.items():
        assert rows[name] == (f'"{default}"' if isinstance(default, str) else str(default).replace("'", '"'))


def test_setting_prefers_the_users_value():
    assert setting({"OPML_SAVE_AS": ""}, "OPML_SAVE_AS") == ""
    assert setting({}, "OPML_SAVE_AS") == "feeds.opml"
