"""fnmatch and the err/warn family of the bundled libc against glibc's.

One C program runs a table of fnmatch cases (every flag, bracket
expressions with ranges, classes and negation, escapes, leading periods,
path components) and then the err.h functions; it is built twice with gcc
-- once against glibc, once against our headers, crt1.o and libc.a (linked
by pld) -- and both builds must print the same, on stdout and stderr, and
exit with the same status.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")

# (pattern, string) pairs, each tried under every flag combination below.
FNMATCH_CASES = [
    ("", ""), ("", "a"), ("a", "a"), ("a", "b"), ("abc", "abc"), ("abc", "abcd"),
    ("?", "a"), ("?", ""), ("??", "ab"), ("a?c", "abc"), ("a?c", "a/c"),
    ("*", ""), ("*", "abc"), ("a*", "abc"), ("*c", "abc"), ("a*c", "ac"), ("a*c", "abbbc"),
    ("a*b*c", "aXbYc"), ("a*b*c", "aXbY"), ("*.c", "main.c"), ("*.c", ".c"), ("*", ".hidden"),
    ("?hidden", ".hidden"), (".*", ".hidden"), ("[.]hidden", ".hidden"),
    ("*/*", "dir/file"), ("*", "dir/file"), ("dir/*", "dir/.file"), ("dir/.*", "dir/.file"),
    ("dir?file", "dir/file"), ("dir[/]file", "dir/file"), ("dir", "dir/sub/file"),
    ("d*", "dir/sub"), ("*/sub", "dir/sub"), ("*/*/*", "a/b/c"), ("**", "a/b"),
    ("[abc]", "b"), ("[abc]", "d"), ("[a-c]", "b"), ("[a-c]", "B"), ("[!a-c]", "d"),
    ("[^a-c]", "b"), ("[]]", "]"), ("[]a]", "a"), ("[!]]", "]"), ("[!]]", "x"),
    ("[a-]", "-"), ("[-a]", "-"), ("[[:alpha:]]", "q"), ("[[:alpha:]]", "1"),
    ("[[:digit:][:upper:]]", "7"), ("[[:digit:][:upper:]]", "Q"), ("[[:digit:][:upper:]]", "q"),
    ("[[:space:]]", " "), ("[[:punct:]]", "!"), ("[![:alnum:]]", "_"), ("[[:lower:]]", "A"),
    ("[[:upper:]]", "a"), ("[[.a.]]", "a"), ("[[=b=]]", "b"), ("[", "["), ("[a", "[a"),
    ("a[", "a["), ("[[:bogus:]]", "a"), ("\\*", "*"), ("\\*", "a"), ("\\?", "?"),
    ("\\[a]", "[a]"), ("a\\", "a\\"), ("\\\\", "\\"), ("[\\]]", "]"), ("[\\!a]", "!"),
    ("ABC", "abc"), ("a*C", "AbC"), ("[A-Z]x", "qX"), ("*.TXT", "notes.txt"),
    ("x*", "xyz/"), ("x*/", "xyz/"), ("*x", "x/x"),
]
FLAGS = ["0", "FNM_NOESCAPE", "FNM_PATHNAME", "FNM_PERIOD", "FNM_PATHNAME|FNM_PERIOD",
         "FNM_LEADING_DIR", "FNM_PATHNAME|FNM_LEADING_DIR", "FNM_CASEFOLD",
         "FNM_CASEFOLD|FNM_PATHNAME|FNM_PERIOD"]


def c_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def program() -> str:
    cases = ",\n".join(f"\t{{{c_string(p)}, {c_string(s)}}}" for p, s in FNMATCH_CASES)
    flags = ", ".join(FLAGS)
    names = ", ".join(c_string(f) for f in FLAGS)
    return f"""#define _GNU_SOURCE 1
#include <err.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>

static const char *cases[][2] = {{
{cases}
}};
static const int flags[] = {{{flags}}};
static const char *flag_names[] = {{{names}}};

int main(void)
{{
	unsigned i, j;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		for (j = 0; j < sizeof flags / sizeof flags[0]; j++)
			printf("%s %s %s: %d\\n", cases[i][0], cases[i][1], flag_names[j],
			       fnmatch(cases[i][0], cases[i][1], flags[j]));
	fflush(stdout);
	errno = ENOENT;
	warn("open %s", "x.txt");
	warnx("plain %d", 42);
	errno = EACCES;
	warn(NULL);
	warnx(NULL);
	errno = EBADF;
	err(5, "fatal %s", "end");
}}
"""


def run(exe: Path) -> tuple[str, str, int]:
    result = subprocess.run([str(exe)], capture_output=True, text=True, timeout=30)
    return result.stdout, result.stderr, result.returncode


def test_fnmatch_and_err_like_glibc(tmp_path: Path) -> None:
    from toolchain.ld.cli import main as pld
    from toolchain.libc.build import build_libc
    src = tmp_path / "misc.c"
    src.write_text(program())
    (tmp_path / "glibc").mkdir()
    (tmp_path / "ours").mkdir()
    reference = tmp_path / "glibc" / "misc"
    subprocess.run(["gcc", "-w", str(src), "-o", str(reference)], check=True)
    libc = build_libc("x86_64-linux-gnu", "gcc")
    obj, exe = tmp_path / "misc.o", tmp_path / "ours" / "misc"
    subprocess.run(["gcc", "-std=gnu11", "-O2", "-w", "-fno-stack-protector", "-fno-pie",
                    "-nostdinc", "-isystem", str(REPO / "toolchain/libc/include"),
                    "-c", str(src), "-o", str(obj)], check=True)
    assert pld(["-static", "-o", str(exe), str(libc.crt1_o), str(obj), str(libc.libc_a)]) == 0
    want_out, want_err, want_status = run(reference)
    out, err, status = run(exe)
    assert want_out.count("\n") == len(FNMATCH_CASES) * len(FLAGS)
    assert "misc: open x.txt: No such file or directory" in want_err and want_status == 5
    wrong = [f"{line!r}, glibc {expected!r}"
             for line, expected in zip(out.splitlines(), want_out.splitlines()) if line != expected]
    assert not wrong, f"{len(wrong)} fnmatch results differ:\n" + "\n".join(wrong[:20])
    assert out == want_out
    assert (err, status) == (want_err, want_status)
