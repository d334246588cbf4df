"""fnmatch, the err/warn family and the IPv4/IPv6 address conversions of
the bundled libc against glibc's.

Each C program runs a table of cases -- fnmatch under every flag (bracket
expressions with ranges, classes and negation, escapes, leading periods,
path components) then the err.h functions; inet_aton/inet_addr/inet_ntoa,
inet_pton/inet_ntop and the byte-order functions on valid and malformed
addresses, and a walk over control messages with CMSG_NXTHDR; every
nl_langinfo item of the C locale; the socket calls over AF_UNIX and
loopback TCP and UDP; poll/select/epoll on a pipe; glob over a small tree -- and is built twice with gcc: once against glibc, once against
our headers, crt1.o and libc.a (linked by pld).  Both builds must print the
same, on stdout and stderr, and exit with the same status.
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


ADDRESSES_V4 = ["1.2.3.4", "0.0.0.0", "255.255.255.255", "256.1.1.1", "1.2.3", "1.2.3.4.5",
                "01.2.3.4", "0x7f.1", "0x7f000001", "127.1", "10.0.1", "017.0.0.1", "08.1.1.1",
                "0x", "1.2.3.4 ", "1.2.3.4x", "", ".1.2.3", "1..2.3", "4294967295",
                "4294967296", "1.16777215", "1.16777216", "1.2.65535", "1.2.65536", " 1.2.3.4"]
ADDRESSES_V6 = ["::", "::1", "1::", "1::2", "2001:db8::ff00:42:8329", "2001:0db8:0000:0000:0000:ff00:0042:8329",
                "fe80::1:2:3:4", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
                "1:2:3:4:5:6:7:8:9", "1::2::3", ":1::2", "1::2:", "12345::", "::ffff:1.2.3.4",
                "::1.2.3.4", "::0.0.0.1", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4",
                "::ffff:1.2.3", "::ffff:01.2.3.4", "ABCD:EF01::", "1:0:0:2::3", "1:0:0:2:0:0:0:3",
                "0:0:1:0:0:0:0:2", "::ffff:0:0", "::1:2", "x::", "1:2:3:4:5:6:7:8:", ":::"]


def network_program() -> str:
    v4 = ", ".join(c_string(a) for a in ADDRESSES_V4)
    v6 = ", ".join(c_string(a) for a in ADDRESSES_V6)
    return f"""#include <arpa/inet.h>
#include <errno.h>
#include <sys/socket.h>
#include <stdio.h>
#include <string.h>

static const char *v4[] = {{{v4}}};
static const char *v6[] = {{{v6}}};

int main(void)
{{
	unsigned i, j;
	unsigned char buf[16];
	char text[INET6_ADDRSTRLEN];
	struct in_addr a;
	uint32_t (*swap32)(uint32_t) = htonl;
	uint16_t (*swap16)(uint16_t) = ntohs;
	printf("%08x %04x %08x %04x\\n", htonl(0x01020304), htons(0x0102), swap32(0x0a0b0c0d),
	       swap16(0x0a0b));
	for (i = 0; i < sizeof v4 / sizeof v4[0]; i++) {{
		int ok = inet_aton(v4[i], &a);
		printf("aton '%s' %d %08x addr %08x", v4[i], ok, ok ? a.s_addr : 0,
		       (unsigned)inet_addr(v4[i]));
		if (ok)
			printf(" ntoa %s", inet_ntoa(a));
		memset(buf, 0, sizeof buf);
		ok = inet_pton(AF_INET, v4[i], buf);
		printf(" pton %d", ok);
		if (ok > 0)
			printf(" ntop %s", inet_ntop(AF_INET, buf, text, sizeof text));
		printf("\\n");
	}}
	for (i = 0; i < sizeof v6 / sizeof v6[0]; i++) {{
		int ok;
		memset(buf, 0, sizeof buf);
		ok = inet_pton(AF_INET6, v6[i], buf);
		printf("pton6 '%s' %d", v6[i], ok);
		if (ok > 0) {{
			for (j = 0; j < 16; j++)
				printf("%s%02x", j ? "" : " ", buf[j]);
			printf(" ntop %s", inet_ntop(AF_INET6, buf, text, sizeof text));
		}}
		printf("\\n");
	}}
	errno = 0;
	j = (unsigned)inet_pton(12345, "1.2.3.4", buf);
	printf("unknown family %d errno %d\\n", (int)j, errno == EAFNOSUPPORT);
	inet_pton(AF_INET6, "1:2:3:4:5:6:7:8", buf);
	errno = 0;
	j = inet_ntop(AF_INET6, buf, text, 15) != 0;
	printf("small buffer %u errno %d\\n", j, errno == ENOSPC);
	printf("exact buffer %s\\n", inet_ntop(AF_INET6, buf, text, 16));
	{{
		union {{ char bytes[CMSG_SPACE(4) + CMSG_SPACE(12) + 4]; size_t align; }} control;
		struct msghdr m;
		struct cmsghdr *c;
		memset(&m, 0, sizeof m);
		memset(&control, 0, sizeof control);
		m.msg_control = control.bytes;
		m.msg_controllen = sizeof control.bytes;
		c = CMSG_FIRSTHDR(&m);
		c->cmsg_len = CMSG_LEN(4);
		c->cmsg_level = 1;
		c->cmsg_type = 11;
		c = CMSG_NXTHDR(&m, c);
		c->cmsg_len = CMSG_LEN(12);
		c->cmsg_level = 2;
		c->cmsg_type = 22;
		for (c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
			printf("cmsg %d %d %zu at %zu\\n", c->cmsg_level, c->cmsg_type, (size_t)c->cmsg_len,
			       (size_t)((char *)c - control.bytes));
	}}
	return 0;
}}
"""


LANGINFO_ITEMS = ("CODESET RADIXCHAR THOUSEP D_T_FMT D_FMT T_FMT T_FMT_AMPM AM_STR PM_STR ERA "
                  "ERA_D_FMT ALT_DIGITS ERA_D_T_FMT ERA_T_FMT CRNCYSTR YESEXPR NOEXPR YESSTR "
                  "NOSTR").split() + [f"DAY_{i}" for i in range(1, 8)] + [
                  f"ABDAY_{i}" for i in range(1, 8)] + [f"MON_{i}" for i in range(1, 13)] + [
                  f"ABMON_{i}" for i in range(1, 13)]


def langinfo_program() -> str:
    lines = "\n".join(f'\tprintf("%s=[%s]\\n", {c_string(item)}, nl_langinfo({item}));'
                      for item in LANGINFO_ITEMS)
    return f"""#define _GNU_SOURCE 1
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>

int main(void)
{{
{lines}
	printf("setlocale %s\\n", setlocale(LC_ALL, "POSIX"));
	printf("after [%s] [%s]\\n", nl_langinfo(CODESET),
	       nl_langinfo_l(D_FMT, newlocale(LC_ALL_MASK, "C", (locale_t)0)));
	return 0;
}}
"""


SOCKET_PROGRAM = r"""
#define _GNU_SOURCE 1
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int sv[2], one = 1, value, status, listener, conn, udp;
	socklen_t len;
	char buf[64];
	struct sockaddr_in addr, peer;
	pid_t pid;

	printf("socketpair %d\n", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	printf("send %zd\n", send(sv[0], "hello", 5, 0));
	memset(buf, 0, sizeof buf);
	printf("recv %zd %s\n", recv(sv[1], buf, sizeof buf, 0), buf);
	printf("isfdtype %d %d\n", isfdtype(sv[0], S_IFSOCK), isfdtype(1, S_IFSOCK) > 0);
	len = sizeof value;
	status = getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &value, &len);
	printf("SO_TYPE %d %d\n", status, value);
	printf("shutdown %d\n", shutdown(sv[0], SHUT_WR));
	printf("recv after shutdown %zd\n", recv(sv[1], buf, sizeof buf, 0));

	listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	printf("socket %d\n", listener >= 0);
	printf("setsockopt %d\n", setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	printf("bind %d\n", bind(listener, (struct sockaddr *)&addr, sizeof addr));
	printf("listen %d\n", listen(listener, 4));
	len = sizeof addr;
	status = getsockname(listener, (struct sockaddr *)&addr, &len);
	printf("getsockname %d %d\n", status, addr.sin_port != 0);
	pid = fork();
	if (pid == 0) {
		int c = socket(AF_INET, SOCK_STREAM, 0);
		setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
		if (connect(c, (struct sockaddr *)&addr, sizeof addr) != 0)
			_exit(1);
		send(c, "ping", 4, 0);
		memset(buf, 0, sizeof buf);
		recv(c, buf, sizeof buf, MSG_WAITALL);
		_exit(strcmp(buf, "pong") == 0 ? 7 : 2);
	}
	len = sizeof peer;
	conn = accept(listener, (struct sockaddr *)&peer, &len);
	printf("accept %d family %d loopback %d\n", conn >= 0, peer.sin_family,
	       peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
	memset(buf, 0, sizeof buf);
	printf("server recv %zd %s\n", recv(conn, buf, 4, MSG_WAITALL), buf);
	len = sizeof peer;
	printf("getpeername %d\n", getpeername(conn, (struct sockaddr *)&peer, &len));
	printf("server send %zd\n", send(conn, "pong", 5, 0));
	close(conn);
	waitpid(pid, &status, 0);
	printf("client exit %d\n", WEXITSTATUS(status));

	udp = socket(AF_INET, SOCK_DGRAM, 0);
	addr.sin_port = 0;
	bind(udp, (struct sockaddr *)&addr, sizeof addr);
	len = sizeof addr;
	getsockname(udp, (struct sockaddr *)&addr, &len);
	printf("sendto %zd\n", sendto(udp, "datagram", 8, 0, (struct sockaddr *)&addr, sizeof addr));
	memset(buf, 0, sizeof buf);
	len = sizeof peer;
	printf("recvfrom %zd %s\n", recvfrom(udp, buf, sizeof buf, 0, (struct sockaddr *)&peer, &len),
	       buf);
	{
		struct iovec iov = {"vector", 6};
		struct msghdr m;
		memset(&m, 0, sizeof m);
		m.msg_name = &addr;
		m.msg_namelen = sizeof addr;
		m.msg_iov = &iov;
		m.msg_iovlen = 1;
		printf("sendmsg %zd\n", sendmsg(udp, &m, 0));
		memset(buf, 0, sizeof buf);
		iov.iov_base = buf;
		iov.iov_len = sizeof buf;
		m.msg_name = 0;
		m.msg_namelen = 0;
		printf("recvmsg %zd %s\n", recvmsg(udp, &m, 0), buf);
	}
	errno = 0;
	status = socket(12345, SOCK_STREAM, 0);
	printf("bad socket %d errno %d\n", status, errno == EAFNOSUPPORT);
	errno = 0;
	status = connect(-1, (struct sockaddr *)&addr, sizeof addr);
	printf("connect closed fd %d errno %d\n", status, errno == EBADF);
	return 0;
}
"""


POLL_PROGRAM = r"""
#define _GNU_SOURCE 1
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <unistd.h>

int main(void)
{
	int p[2], ep, n, r;
	struct pollfd fds[2];
	fd_set rd;
	struct timeval tv;
	struct timespec ts = {0, 1000000};
	struct epoll_event ev, out[4];

	pipe(p);
	fds[0].fd = p[0];
	fds[0].events = POLLIN;
	fds[1].fd = p[1];
	fds[1].events = POLLOUT;
	r = poll(fds, 2, 0);
	printf("poll empty %d %x %x\n", r, fds[0].revents, fds[1].revents);
	write(p[1], "x", 1);
	r = poll(fds, 2, 10);
	printf("poll ready %d %x %x\n", r, fds[0].revents, fds[1].revents);
	r = ppoll(fds, 1, &ts, 0);
	printf("ppoll %d %x timeout kept %ld\n", r, fds[0].revents, ts.tv_nsec);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	tv.tv_sec = 0;
	tv.tv_usec = 1000;
	r = select(p[0] + 1, &rd, 0, 0, &tv);
	printf("select %d %d\n", r, FD_ISSET(p[0], &rd));
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	r = pselect(p[0] + 1, &rd, 0, 0, &ts, 0);
	printf("pselect %d %d\n", r, FD_ISSET(p[0], &rd));

	ep = epoll_create1(EPOLL_CLOEXEC);
	printf("epoll_create1 %d\n", ep >= 0);
	ev.events = EPOLLIN;
	ev.data.u64 = 0x1122334455667788ULL;
	printf("epoll_ctl %d\n", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	n = epoll_wait(ep, out, 4, 10);
	printf("epoll_wait %d %x %llx\n", n, out[0].events, (unsigned long long)out[0].data.u64);
	read(p[0], &r, 1);
	n = epoll_wait(ep, out, 4, 0);
	printf("epoll_wait drained %d\n", n);
	n = epoll_pwait(ep, out, 4, 0, 0);
	printf("epoll_pwait %d\n", n);
	ev.events = EPOLLOUT;
	ev.data.fd = p[1];
	epoll_ctl(ep, EPOLL_CTL_ADD, p[1], &ev);
	n = epoll_pwait2(ep, out, 4, &ts, 0);
	printf("epoll_pwait2 %d %d %x\n", n, out[0].data.fd == p[1], out[0].events);
	printf("epoll_ctl del %d\n", epoll_ctl(ep, EPOLL_CTL_DEL, p[1], 0));
	errno = 0;
	r = epoll_create(0);
	printf("epoll_create(0) %d einval %d\n", r, errno == EINVAL);
	r = epoll_create(1);
	printf("epoll_create(1) %d\n", r >= 0);
	return 0;
}
"""


GLOB_CASES = [
    ("*", "0"), ("*.c", "0"), ("*", "GLOB_PERIOD"), (".*", "0"), ("d*", "GLOB_MARK"),
    ("d*/", "0"), ("*/*.c", "0"), ("*/*", "GLOB_PERIOD"), ("dir/.*", "0"), ("[ab].c", "0"),
    ("[!a]*", "0"), ("?.c", "0"), ("nothing*", "0"), ("nothing*", "GLOB_NOCHECK"),
    ("plain", "0"), ("a.c", "0"), ("a.c", "GLOB_NOMAGIC"), ("missing", "GLOB_NOMAGIC"),
    ("missing", "0"), ("sub/deep/*", "0"), ("s*/d*/f*", "GLOB_MARK"), ("*/", "GLOB_MARK"),
    ("dir//x.c", "0"), ("./a*", "0"), ("we\\[ird", "0"), ("we[[]ird", "0"),
    ("we\\[ird", "GLOB_NOESCAPE"), ("*", "GLOB_NOSORT"), ("a.c/*", "0"), ("", "0"),
    ("", "GLOB_NOCHECK"), ("unreadable/*", "0"), ("unreadable/*", "GLOB_ERR"),
]


def glob_program() -> str:
    cases = ",\n".join(f"\t{{{c_string(p)}, {f}}}" for p, f in GLOB_CASES)
    return f"""#define _GNU_SOURCE 1
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct {{ const char *pattern; int flags; }} cases[] = {{
{cases}
}};

static int errors(const char *path, int error)
{{
	printf("  errfunc %s %d\\n", path, error);
	return 0;
}}

static void show(const char *title, int r, glob_t *g, size_t offs)
{{
	size_t i;
	printf("%s: %d %zu", title, r, r == 0 || r == GLOB_NOMATCH ? g->gl_pathc : 0);
	if (r == 0) {{
		char **sorted = g->gl_pathv + offs;
		for (i = 0; i < g->gl_pathc; i++)
			printf(" [%s]", sorted[i]);
	}}
	printf("\\n");
}}

static int by_name(const void *a, const void *b)
{{
	return strcmp(*(char *const *)a, *(char *const *)b);
}}

int main(int argc, char **argv)
{{
	unsigned i;
	glob_t g;
	if (argc < 2 || chdir(argv[1]) != 0)
		return 2;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {{
		int r;
		memset(&g, 0, sizeof g);
		r = glob(cases[i].pattern, cases[i].flags, errors, &g);
		if (r == 0 && (cases[i].flags & GLOB_NOSORT))
			qsort(g.gl_pathv, g.gl_pathc, sizeof *g.gl_pathv, by_name);
		show(cases[i].pattern, r, &g, 0);
		if (r == 0)
			globfree(&g);
	}}
	memset(&g, 0, sizeof g);
	g.gl_offs = 2;
	show("dooffs", glob("*.c", GLOB_DOOFFS, 0, &g), &g, 2);
	printf("  offs %d %d\\n", g.gl_pathv[0] == 0, g.gl_pathv[1] == 0);
	show("append", glob("d*", GLOB_DOOFFS | GLOB_APPEND, 0, &g), &g, 2);
	printf("  end %d\\n", g.gl_pathv[2 + g.gl_pathc] == 0);
	globfree(&g);
	return 0;
}}
"""


def run(exe: Path) -> tuple[str, str, int]:
    result = subprocess.run([str(exe)], capture_output=True, text=True, timeout=30)
    return result.stdout, result.stderr, result.returncode


COMPILERS = {"x86_64-linux-gnu": "gcc", "i386-linux-gnu": "i686-linux-gnu-gcc"}


def build_both(tmp_path: Path, source: str,
               target: str = "x86_64-linux-gnu") -> tuple[Path, Path]:
    """The program linked with glibc, and with our libc (pld), as two files
    of the same name (err.h prints it)."""
    from toolchain.ld.cli import main as pld
    from toolchain.libc.build import build_libc
    cc = COMPILERS[target]
    if shutil.which(cc) is None:
        pytest.skip(f"{cc} is not installed")
    src = tmp_path / "misc.c"
    src.write_text(source)
    (tmp_path / "glibc").mkdir()
    (tmp_path / "ours").mkdir()
    reference = tmp_path / "glibc" / "misc"
    subprocess.run([cc, "-static", "-w", str(src), "-o", str(reference)], check=True)
    libc = build_libc(target, cc)
    obj, exe = tmp_path / "misc.o", tmp_path / "ours" / "misc"
    subprocess.run([cc, "-std=gnu11", "-O2", "-w", "-fno-stack-protector", "-fno-pie",
                    "-nostdinc", "-isystem", str(REPO / "toolchain/libc/include"),
                    "-c", str(src), "-o", str(obj)], check=True)
    assert pld(["-static", "-o", str(exe), str(libc.crt1_o), str(obj), str(libc.libc_a)]) == 0
    return reference, exe


def differing_lines(out: str, want: str) -> list[str]:
    return [f"{line!r}, glibc {expected!r}"
            for line, expected in zip(out.splitlines(), want.splitlines()) if line != expected]


def test_fnmatch_and_err_like_glibc(tmp_path: Path) -> None:
    reference, exe = build_both(tmp_path, program())
    want_out, want_err, want_status = run(reference)
    out, err, status = run(exe)
    assert want_out.count("\n") == len(FNMATCH_CASES) * len(FLAGS)
    assert "misc: open x.txt: No such file or directory" in want_err and want_status == 5
    wrong = differing_lines(out, want_out)
    assert not wrong, f"{len(wrong)} fnmatch results differ:\n" + "\n".join(wrong[:20])
    assert out == want_out
    assert (err, status) == (want_err, want_status)


def test_inet_conversions_like_glibc(tmp_path: Path) -> None:
    reference, exe = build_both(tmp_path, network_program())
    want_out, want_err, want_status = run(reference)
    out, err, status = run(exe)
    assert want_out.count("\n") == len(ADDRESSES_V4) + len(ADDRESSES_V6) + 6
    wrong = differing_lines(out, want_out)
    assert not wrong, f"{len(wrong)} lines differ:\n" + "\n".join(wrong[:20])
    assert (out, err, status) == (want_out, want_err, want_status)


def test_nl_langinfo_like_glibc(tmp_path: Path) -> None:
    """The C locale's items, as glibc's C locale gives them."""
    reference, exe = build_both(tmp_path, langinfo_program())
    want_out, _, _ = run(reference)
    out, err, status = run(exe)
    assert want_out.count("\n") == len(LANGINFO_ITEMS) + 2
    wrong = differing_lines(out, want_out)
    assert not wrong, f"{len(wrong)} items differ:\n" + "\n".join(wrong[:20])
    assert (out, err, status) == (want_out, "", 0)


@pytest.mark.parametrize("target", list(COMPILERS))
def test_socket_calls_like_glibc(target: str, tmp_path: Path) -> None:
    """Stream and datagram sockets over AF_UNIX and loopback TCP/UDP (i386
    too: its libc uses the direct socket system calls, not socketcall)."""
    reference, exe = build_both(tmp_path, SOCKET_PROGRAM, target)
    want = run(reference)
    assert want[2] == 0 and "client exit 7" in want[0], want
    got = run(exe)
    wrong = differing_lines(got[0], want[0])
    assert not wrong, f"{len(wrong)} lines differ:\n" + "\n".join(wrong[:20])
    assert got == want


@pytest.mark.parametrize("target", list(COMPILERS))
def test_poll_select_epoll_like_glibc(target: str, tmp_path: Path) -> None:
    """poll, ppoll, select, pselect and the epoll calls on a pipe."""
    reference, exe = build_both(tmp_path, POLL_PROGRAM, target)
    want = run(reference)
    assert want[2] == 0 and "epoll_wait 1 1 1122334455667788" in want[0], want
    got = run(exe)
    wrong = differing_lines(got[0], want[0])
    assert not wrong, f"{len(wrong)} lines differ:\n" + "\n".join(wrong[:20])
    assert got == want


def _glob_tree(root: Path) -> None:
    for name in ("a.c", "b.c", "c.h", ".hidden", "plain", "we[ird", "dir/x.c", "dir/.y",
                 "dir2/z.c", "sub/deep/file"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("")
    (root / "unreadable").mkdir()
    (root / "unreadable" / "inside").write_text("")
    (root / "unreadable").chmod(0)


def run_in(exe: Path, folder: Path) -> tuple[str, str, int]:
    result = subprocess.run([str(exe), str(folder)], capture_output=True, text=True, timeout=30)
    return result.stdout, result.stderr, result.returncode


def test_glob_like_glibc(tmp_path: Path) -> None:
    """glob over a small tree: wildcards, hidden names, trailing '/', escapes,
    GLOB_MARK/NOCHECK/NOMAGIC/NOSORT/PERIOD/ERR/DOOFFS/APPEND, errfunc."""
    reference, exe = build_both(tmp_path, glob_program())
    tree = tmp_path / "tree"
    _glob_tree(tree)
    try:
        want = run_in(reference, tree)
        got = run_in(exe, tree)
    finally:
        (tree / "unreadable").chmod(0o755)
    assert want[2] == 0 and want[0].count("\n") >= len(GLOB_CASES) + 4, want
    wrong = differing_lines(got[0], want[0])
    assert not wrong, f"{len(wrong)} lines differ:\n" + "\n".join(wrong[:20])
    assert got == want
