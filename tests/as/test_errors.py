"""Runner for tests/as/errors/*.s: each file's first line says its first error.

    # expect: LINE: error: MESSAGE

The file is assembled by the front end (recording streamer) and the first
error reported must be MESSAGE at LINE (the column is not compared).
"""

import re
from pathlib import Path

import pytest

ERRORS = Path(__file__).parent / "errors"
_EXPECT = re.compile(r"#\s*expect:\s*(\d+):\s*error:\s*(.*)")
_REPORTED = re.compile(r"(.*?):(\d+)(?::\d+)?: error: (.*)")


@pytest.mark.parametrize("path", sorted(ERRORS.glob("*.s")), ids=lambda p: p.stem)
def test_first_error(fake, path):
    text = path.read_text()
    m = _EXPECT.match(text.splitlines()[0])
    assert m, f"{path.name}: first line must be '# expect: LINE: error: MESSAGE'"
    r = fake(text, filename=path.name)
    assert r.errors, f"{path.name}: no error reported"
    got = _REPORTED.match(r.errors[0])
    assert got, r.errors[0]
    assert (got.group(1), int(got.group(2)), got.group(3)) == \
        (path.name, int(m.group(1)), m.group(2).strip())
