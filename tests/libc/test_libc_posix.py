"""The POSIX wrappers of the bundled libc: a C program exercising files,
pipes, processes, memory maps, signals, setjmp, time and the environment,
linked by pld against our crt1.o and libc.a, prints what it observes; the
output must be exactly what POSIX says it should be."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")

PROGRAM = r"""
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got;
static void on_usr1(int s) { got = s; }
static jmp_buf jb;
static int ctor_ran;
__attribute__((constructor)) static void ctor(void) { ctor_ran = 1; }
static void bye(void) { printf("atexit ran\n"); }

int main(int argc, char **argv)
{
	char path[64], buf[64];
	struct stat st;
	int fd, p[2], status;
	pid_t pid;
	char *m;

	printf("argc %d ctor %d\n", argc, ctor_ran);
	snprintf(path, sizeof path, "/tmp/pcc-libc-test-%d", (int)getpid());
	fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0600);
	printf("open %d\n", fd >= 0);
	printf("write %zd\n", write(fd, "hello, world\n", 13));
	printf("lseek %ld\n", (long)lseek(fd, 7, SEEK_SET));
	memset(buf, 0, sizeof buf);
	printf("read %zd", read(fd, buf, sizeof buf));
	printf(" %s", buf);
	status = fstat(fd, &st);
	printf("fstat %d size %ld reg %d\n", status, (long)st.st_size, S_ISREG(st.st_mode));
	printf("close %d\n", close(fd));
	status = stat(path, &st);
	printf("stat %d mode %o\n", status, (unsigned)(st.st_mode & 0777));
	printf("access %d\n", access(path, R_OK));
	printf("unlink %d\n", unlink(path));
	errno = 0;
	status = stat(path, &st);
	printf("stat again %d errno %s\n", status, strerror(errno));
	status = close(-1);
	printf("close bad %d errno %d\n", status, errno == EBADF);

	printf("pipe %d\n", pipe(p));
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		write(p[1], "from child", 10);
		_exit(7);
	}
	close(p[1]);
	memset(buf, 0, sizeof buf);
	printf("parent read %zd", read(p[0], buf, sizeof buf));
	printf(" %s\n", buf);
	printf("waitpid %d", waitpid(pid, &status, 0) == pid);
	printf(" exited %d status %d\n", WIFEXITED(status), WEXITSTATUS(status));

	m = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("mmap %d zero %d\n", m != MAP_FAILED, m[4000] == 0);
	strcpy(m + 5000, "mapped");
	printf("%s", m + 5000);
	printf(" munmap %d\n", munmap(m, 8192));

	signal(SIGUSR1, on_usr1);
	raise(SIGUSR1);
	printf("signal %d\n", got == SIGUSR1);
	{
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_usr1;
		got = 0;
		sigaction(SIGUSR2, &sa, 0);
		kill(getpid(), SIGUSR2);
		printf("sigaction %d\n", got == SIGUSR2);
	}
	if (setjmp(jb) == 0)
		longjmp(jb, 0);
	else
		printf("longjmp ok\n");
	{
		sigjmp_buf sj;
		volatile int n = 0;
		if (sigsetjmp(sj, 1) < 3) {
			n++;
			siglongjmp(sj, n);
		}
		printf("siglongjmp %d\n", n);
	}
	{
		struct timespec a;
		time_t t = 86400 * 365 + 3600 * 5 + 61;
		struct tm *tm = gmtime(&t);
		char tb[64];
		strftime(tb, sizeof tb, "%Y-%m-%d %H:%M:%S %a %b %j", tm);
		printf("gmtime %s", tb);
		printf(" mktime %ld\n", (long)mktime(tm));
		printf("clock_gettime %d %d\n", clock_gettime(CLOCK_MONOTONIC, &a), time(0) > 1600000000);
	}
	setenv("PCC_TEST_VAR", "value", 1);
	printf("getenv %s\n", getenv("PCC_TEST_VAR"));
	unsetenv("PCC_TEST_VAR");
	printf("unsetenv %d\n", getenv("PCC_TEST_VAR") == 0);
	printf("getcwd %d\n", getcwd(buf, sizeof buf) != 0);
	{
		FILE *f = tmpfile();
		long n;
		fprintf(f, "line %d\n", 42);
		rewind(f);
		n = fscanf(f, "line %d", &fd);
		printf("tmpfile %ld %d\n", n, fd);
		fclose(f);
	}
	{
		FILE *p = popen("echo from-sh; exit 5", "r");
		char line[64] = "";
		int st;
		fgets(line, sizeof line, p);
		st = pclose(p);
		printf("popen r %s", line);
		printf("pclose %d %d\n", WIFEXITED(st), WEXITSTATUS(st));
		fflush(stdout);
		p = popen("read x; echo \"sh read $x\"", "w");
		fprintf(p, "hello\n");
		printf("pclose w %d\n", pclose(p));
		printf("popen bad mode %d\n", popen("true", "a") == 0);
	}
	{
		struct timeval tv[2] = {{1000000000, 0}, {1000000001, 500000}};
		struct stat st;
		int f = open("utimes.tmp", O_CREAT | O_WRONLY, 0600);
		close(f);
		printf("utimes %d", utimes("utimes.tmp", tv));
		stat("utimes.tmp", &st);
		printf(" mtime %ld\n", (long)st.st_mtime);
		unlink("utimes.tmp");
	}
	atexit(bye);
	fflush(stdout);
	fprintf(stderr, "to stderr\n");
	return 3;
}
"""

EXPECTED = """argc 1 ctor 1
open 1
write 13
lseek 7
read 6 world
fstat 0 size 13 reg 1
close 0
stat 0 mode 600
access 0
unlink 0
stat again -1 errno No such file or directory
close bad -1 errno 1
pipe 0
parent read 10 from child
waitpid 1 exited 1 status 7
mmap 1 zero 1
mapped munmap 0
signal 1
sigaction 1
longjmp ok
siglongjmp 3
gmtime 1971-01-01 05:01:01 Fri Jan 001 mktime 31554061
clock_gettime 0 1
getenv value
unsetenv 1
getcwd 1
tmpfile 1 42
popen r from-sh
pclose 1 5
sh read hello
pclose w 0
popen bad mode 1
utimes 0 mtime 1000000001
atexit ran
"""


def test_posix_wrappers(tmp_path):
    from toolchain.ld.cli import main as pld
    from toolchain.libc.build import build_libc
    libc = build_libc("x86_64-linux-gnu", "gcc")
    src = tmp_path / "posix.c"
    src.write_text(PROGRAM)
    obj = tmp_path / "posix.o"
    exe = tmp_path / "posix"
    subprocess.run(["gcc", "-std=gnu11", "-O2", "-w", "-fno-stack-protector", "-fno-pie",
                    "-nostdinc", "-isystem", str(REPO / "toolchain/libc/include"),
                    "-c", str(src), "-o", str(obj)], check=True)
    assert pld(["-static", "-o", str(exe), str(libc.crt1_o), str(obj), str(libc.libc_a)]) == 0
    result = subprocess.run([str(exe)], capture_output=True, text=True, timeout=30, cwd=tmp_path)
    assert result.stdout == EXPECTED
    assert result.stderr == "to stderr\n"
    assert result.returncode == 3
