"""Probes that compare the bundled headers with glibc's, value by value.

One generated C program prints, one ``name=value`` line each, the size,
alignment and field offsets of the structures in STRUCTS, the size,
signedness and C type of the typedefs in TYPES, and the value of every
object-like macro the bundled headers define publicly (collected from
toolchain/libc/include, so a new constant is checked the day it is added).
The same program is built twice -- once against glibc's headers, once with
``-nostdinc -isystem toolchain/libc/include`` -- and run; the outputs must
agree wherever glibc defines the name.

i386 is compared with glibc under -D_FILE_OFFSET_BITS=64: our libc has a
64-bit off_t (ino_t, blkcnt_t, rlim_t) on every target and calls the *64
syscalls there, so its struct stat is the kernel's struct stat64, which is
what glibc calls struct stat in that mode (time_t stays 32-bit: glibc
without _TIME_BITS=64).  Structures glibc lays out differently from the
kernel on purpose (struct sigaction, sigset_t, jmp_buf) are checked against
the kernel's layout instead (KERNEL_LAYOUTS, and the UAPI probe).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
INCLUDE = REPO / "toolchain" / "libc" / "include"


@dataclass(frozen=True)
class Target:
    """A compiler and the flags that make it one of our targets."""

    name: str
    cc: tuple[str, ...]
    runnable: bool                     # can its programs run here (-static)?
    glibc_flags: tuple[str, ...] = ()  # how glibc matches our data model
    runner: tuple[str, ...] = ()       # what runs them (qemu-user for other ISAs)

    def available(self) -> bool:
        return all(shutil.which(tool) is not None for tool in (self.cc[0], *self.runner[:1]))


TARGETS = {
    "x86_64": Target("x86_64", ("gcc",), True),
    "i386": Target("i386", ("i686-linux-gnu-gcc",), True, ("-D_FILE_OFFSET_BITS=64",)),
    "x86_16": Target("x86_16", ("i686-linux-gnu-gcc", "-m16"), False),
    "aarch64": Target("aarch64", ("aarch64-linux-gnu-gcc",), True, runner=("qemu-aarch64",)),
    "riscv64": Target("riscv64", ("riscv64-linux-gnu-gcc",), True, runner=("qemu-riscv64",)),
}

# Structures: (headers, type, fields).  Each field's offset is printed,
# plus sizeof and _Alignof the type.
STRUCTS = [
    (["sys/stat.h"], "struct stat",
     "st_dev st_ino st_mode st_nlink st_uid st_gid st_rdev st_size st_blksize st_blocks "
     "st_atim st_mtim st_ctim"),
    (["time.h"], "struct timespec", "tv_sec tv_nsec"),
    (["sys/time.h"], "struct timeval", "tv_sec tv_usec"),
    (["sys/time.h"], "struct timezone", "tz_minuteswest tz_dsttime"),
    (["sys/time.h"], "struct itimerval", "it_interval it_value"),
    (["time.h"], "struct itimerspec", "it_interval it_value"),
    (["time.h"], "struct tm",
     "tm_sec tm_min tm_hour tm_mday tm_mon tm_year tm_wday tm_yday tm_isdst tm_gmtoff tm_zone"),
    (["termios.h"], "struct termios",
     "c_iflag c_oflag c_cflag c_lflag c_line c_cc c_ispeed c_ospeed"),
    (["dirent.h"], "struct dirent", "d_ino d_off d_reclen d_type d_name"),
    (["signal.h"], "siginfo_t",
     "si_signo si_errno si_code si_pid si_uid si_status si_utime si_stime si_value "
     "si_addr si_band si_fd si_timerid si_overrun"),
    (["signal.h"], "stack_t", "ss_sp ss_flags ss_size"),
    (["signal.h"], "union sigval", "sival_int sival_ptr"),
    (["signal.h"], "struct sigevent", "sigev_value sigev_signo sigev_notify"),
    (["fcntl.h"], "struct flock", "l_type l_whence l_start l_len l_pid"),
    (["sys/resource.h"], "struct rlimit", "rlim_cur rlim_max"),
    (["sys/resource.h"], "struct rusage",
     "ru_utime ru_stime ru_maxrss ru_minflt ru_majflt ru_inblock ru_oublock ru_nvcsw ru_nivcsw"),
    (["sys/utsname.h"], "struct utsname", "sysname nodename release version machine domainname"),
    (["sys/ioctl.h"], "struct winsize", "ws_row ws_col ws_xpixel ws_ypixel"),
    (["poll.h"], "struct pollfd", "fd events revents"),
    (["sched.h"], "struct sched_param", "sched_priority"),
    (["sys/times.h"], "struct tms", "tms_utime tms_stime tms_cutime tms_cstime"),
    (["sys/uio.h"], "struct iovec", "iov_base iov_len"),
    (["utime.h"], "struct utimbuf", "actime modtime"),
    (["sys/select.h"], "fd_set", ""),
    (["locale.h"], "struct lconv",
     "decimal_point thousands_sep grouping int_curr_symbol currency_symbol int_frac_digits "
     "frac_digits p_cs_precedes int_n_sign_posn"),
    (["stdlib.h"], "div_t", "quot rem"),
    (["stdlib.h"], "ldiv_t", "quot rem"),
    (["stdlib.h"], "lldiv_t", "quot rem"),
    (["inttypes.h"], "imaxdiv_t", "quot rem"),
    (["wchar.h"], "mbstate_t", ""),
    (["stddef.h"], "max_align_t", ""),
    (["fenv.h"], "fenv_t", ""),
    (["pthread.h"], "pthread_attr_t", ""),
    (["pthread.h"], "pthread_mutex_t", ""),
    (["pthread.h"], "pthread_mutexattr_t", ""),
    (["pthread.h"], "pthread_cond_t", ""),
    (["pthread.h"], "pthread_condattr_t", ""),
    (["pthread.h"], "pthread_rwlock_t", ""),
    (["pthread.h"], "pthread_rwlockattr_t", ""),
    (["pthread.h"], "pthread_barrier_t", ""),
    (["pthread.h"], "pthread_barrierattr_t", ""),
    (["stdio.h"], "fpos_t", ""),
    (["sched.h"], "cpu_set_t", ""),
    (["dlfcn.h"], "Dl_info", "dli_fname dli_fbase dli_sname dli_saddr"),
    (["getopt.h"], "struct option", "name has_arg flag val"),
    (["search.h"], "ENTRY", "key data"),
    (["sys/socket.h"], "struct sockaddr", "sa_family sa_data"),
    (["sys/socket.h"], "struct sockaddr_storage", "ss_family"),
    (["sys/socket.h"], "struct msghdr",
     "msg_name msg_namelen msg_iov msg_iovlen msg_control msg_controllen msg_flags"),
    (["sys/socket.h"], "struct cmsghdr", "cmsg_len cmsg_level cmsg_type"),
    (["sys/socket.h"], "struct linger", "l_onoff l_linger"),
    (["sys/socket.h"], "struct ucred", "pid uid gid"),
    (["sys/socket.h"], "struct mmsghdr", "msg_hdr msg_len"),
    (["netinet/in.h"], "struct in_addr", "s_addr"),
    (["netinet/in.h"], "struct in6_addr", "s6_addr s6_addr16 s6_addr32"),
    (["netinet/in.h"], "struct sockaddr_in", "sin_family sin_port sin_addr sin_zero"),
    (["netinet/in.h"], "struct sockaddr_in6",
     "sin6_family sin6_port sin6_flowinfo sin6_addr sin6_scope_id"),
    (["netinet/in.h"], "struct ip_mreq", "imr_multiaddr imr_interface"),
    (["netinet/in.h"], "struct ip_mreqn", "imr_multiaddr imr_address imr_ifindex"),
    (["netinet/in.h"], "struct ip_mreq_source", "imr_multiaddr imr_interface imr_sourceaddr"),
    (["netinet/in.h"], "struct ipv6_mreq", "ipv6mr_multiaddr ipv6mr_interface"),
    (["netinet/in.h"], "struct in_pktinfo", "ipi_ifindex ipi_spec_dst ipi_addr"),
    (["netinet/in.h"], "struct in6_pktinfo", "ipi6_addr ipi6_ifindex"),
    (["sys/un.h"], "struct sockaddr_un", "sun_family sun_path"),
    (["netdb.h"], "struct hostent", "h_name h_aliases h_addrtype h_length h_addr_list"),
    (["netdb.h"], "struct netent", "n_name n_aliases n_addrtype n_net"),
    (["netdb.h"], "struct servent", "s_name s_aliases s_port s_proto"),
    (["netdb.h"], "struct protoent", "p_name p_aliases p_proto"),
    (["netdb.h"], "struct addrinfo",
     "ai_flags ai_family ai_socktype ai_protocol ai_addrlen ai_addr ai_canonname ai_next"),
    (["net/if.h"], "struct if_nameindex", "if_index if_name"),
    (["net/if.h"], "struct ifmap", "mem_start mem_end base_addr irq dma port"),
    (["net/if.h"], "struct ifreq", "ifr_name ifr_addr ifr_flags ifr_mtu ifr_map ifr_data"),
    (["net/if.h"], "struct ifconf", "ifc_len ifc_buf"),
    (["ifaddrs.h"], "struct ifaddrs",
     "ifa_next ifa_name ifa_flags ifa_addr ifa_netmask ifa_broadaddr ifa_data"),
    (["pwd.h"], "struct passwd", "pw_name pw_passwd pw_uid pw_gid pw_gecos pw_dir pw_shell"),
    (["grp.h"], "struct group", "gr_name gr_passwd gr_gid gr_mem"),
    (["glob.h"], "glob_t",
     "gl_pathc gl_pathv gl_offs gl_flags gl_closedir gl_readdir gl_opendir gl_lstat gl_stat"),
    (["regex.h"], "regex_t", "re_nsub"),
    (["regex.h"], "regmatch_t", "rm_so rm_eo"),
    (["semaphore.h"], "sem_t", ""),
    (["sys/epoll.h"], "struct epoll_event", "events data"),
    (["sys/epoll.h"], "epoll_data_t", "ptr fd u32 u64"),
    (["ucontext.h"], "mcontext_t", ""),
    (["ucontext.h"], "ucontext_t", "uc_link uc_stack uc_mcontext uc_sigmask"),
]

# Typedefs: size, signedness and which C type it is (what -Wformat sees).
TYPES = """
size_t ssize_t ptrdiff_t wchar_t wint_t wctype_t
int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t
int_least8_t int_least16_t int_least32_t int_least64_t
uint_least8_t uint_least16_t uint_least32_t uint_least64_t
int_fast8_t int_fast16_t int_fast32_t int_fast64_t
uint_fast8_t uint_fast16_t uint_fast32_t uint_fast64_t
intptr_t uintptr_t intmax_t uintmax_t char16_t char32_t
off_t ino_t dev_t nlink_t blksize_t blkcnt_t fsblkcnt_t fsfilcnt_t mode_t uid_t gid_t id_t
pid_t key_t useconds_t suseconds_t time_t clock_t clockid_t timer_t
sig_atomic_t rlim_t nfds_t tcflag_t cc_t speed_t fexcept_t float_t double_t
pthread_t pthread_key_t pthread_once_t pthread_spinlock_t
socklen_t sa_family_t in_addr_t in_port_t regoff_t nl_item greg_t
""".split()

# Enumeration constants glibc defines without a macro of the same name:
# printed unconditionally, so both header sets must have them.
ENUM_CONSTANTS = """
REG_ENOSYS REG_NOERROR REG_NOMATCH REG_BADPAT REG_ECOLLATE REG_ECTYPE REG_EESCAPE REG_ESUBREG
REG_EBRACK REG_EPAREN REG_EBRACE REG_BADBR REG_ERANGE REG_ESPACE REG_BADRPT REG_EEND REG_ESIZE
REG_ERPAREN TCP_ESTABLISHED TCP_SYN_SENT TCP_SYN_RECV TCP_FIN_WAIT1 TCP_FIN_WAIT2 TCP_TIME_WAIT
TCP_CLOSE TCP_CLOSE_WAIT TCP_LAST_ACK TCP_LISTEN TCP_CLOSING
""".split()

# What the kernel reads, where glibc's public structure differs: the
# rt_sigaction struct sigaction (arch/x86/include/asm/signal.h; sigset_t
# is _NSIG / 8 = 8 bytes) and jmp_buf sizes our setjmp.S will use.
KERNEL_LAYOUTS = {
    "x86_64": {"sizeof(struct sigaction)": 32, "offsetof(struct sigaction, sa_handler)": 0,
               "offsetof(struct sigaction, sa_flags)": 8,
               "offsetof(struct sigaction, sa_restorer)": 16,
               "offsetof(struct sigaction, sa_mask)": 24, "sizeof(sigset_t)": 8},
    "i386": {"sizeof(struct sigaction)": 20, "offsetof(struct sigaction, sa_handler)": 0,
             "offsetof(struct sigaction, sa_flags)": 4,
             "offsetof(struct sigaction, sa_restorer)": 8,
             "offsetof(struct sigaction, sa_mask)": 12, "sizeof(sigset_t)": 8},
}

# Object-like macros that are not values (keywords, member and function
# aliases, initialisers) or whose value is ours by design.
NOT_VALUES = set("""
stdin stdout stderr errno assert bool true false alignas alignof noreturn thread_local
complex I _Complex_I imaginary static_assert and and_eq bitand bitor compl not not_eq or or_eq
xor xor_eq PTHREAD_MUTEX_INITIALIZER PTHREAD_COND_INITIALIZER PTHREAD_RWLOCK_INITIALIZER
ATOMIC_FLAG_INIT basename d_fileno st_atime st_mtime st_ctime sa_handler sa_sigaction
MB_CUR_MAX SIGRTMIN SIGRTMAX math_errhandling ONCE_FLAG_INIT
_DIRENT_HAVE_D_OFF _DIRENT_HAVE_D_RECLEN _DIRENT_HAVE_D_TYPE
IN6ADDR_ANY_INIT IN6ADDR_LOOPBACK_INIT s6_addr s6_addr16 s6_addr32 h_addr h_errno
ifa_broadaddr ifa_dstaddr ifc_buf ifc_req
""".split())
NOT_VALUE_PATTERNS = re.compile(r"^(si_|sigev_notify_|.*64$|_IOC_|__|ifr_)")
STRINGS = re.compile(r"^(PRI|SCN)[diouxX]|^P_tmpdir$|^_PATH_")
FLOATS = re.compile(r"^(FLT|DBL|LDBL)_(MAX|MIN|EPSILON|TRUE_MIN)$|^HUGE_VAL|^INFINITY$|^NAN$"
                    r"|^M_|^MAXFLOAT$|^HUGE$")
POINTERS = set("SIG_DFL SIG_IGN SIG_ERR SIG_HOLD MAP_FAILED PTHREAD_CANCELED "
               "LC_GLOBAL_LOCALE FE_DFL_ENV NULL".split())
# Where we differ from glibc on purpose.
INTENTIONAL = {
    "LC_ALL_MASK": "our locales have only the six ISO C categories (musl's value)",
    "MINSIGSTKSZ": "glibc 2.34 makes it sysconf(_SC_MINSIGSTKSZ); ours is the kernel's constant",
    "SIGSTKSZ": "glibc 2.34 makes it sysconf(_SC_SIGSTKSZ); ours is the kernel's constant",
    "PTHREAD_STACK_MIN": "glibc 2.34 makes it a sysconf call (long); ours is an int constant",
    "_POSIX_CPUTIME": "glibc says 0 (ask sysconf); our clock_gettime has the CPU-time clocks",
    "_POSIX_THREAD_CPUTIME": "as _POSIX_CPUTIME",
    "_POSIX_MONOTONIC_CLOCK": "glibc says 0 (ask sysconf); CLOCK_MONOTONIC is always there",
}

# Bundled headers that glibc does not have (or has elsewhere).
OURS_ONLY_HEADERS = {"features.h", "sys/cdefs.h"}


def public_headers() -> list[str]:
    """Every header a program may include (not bits/)."""
    return sorted(str(p.relative_to(INCLUDE)) for p in INCLUDE.rglob("*.h")
                  if p.relative_to(INCLUDE).parts[0] != "bits")


def public_macros() -> list[str]:
    """The object-like macros the bundled headers define for programs."""
    names = set()
    for path in INCLUDE.rglob("*.h"):
        for m in re.finditer(r"^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(\(?)(.*)$",
                             path.read_text(), re.M):
            name, function_like, body = m.groups()
            if function_like or name in NOT_VALUES or NOT_VALUE_PATTERNS.match(name):
                continue
            if not body.split("/*")[0].strip():            # include guards, switches
                continue
            names.add(name)
    return sorted(names)


_KIND = ("_Generic((X), _Bool: 1, char: 2, signed char: 3, unsigned char: 4, short: 5, "
         "unsigned short: 6, int: 7, unsigned: 8, long: 9, unsigned long: 10, "
         "long long: 11, unsigned long long: 12, float: 13, double: 14, "
         "long double: 15, default: 99)")


def probe_source(headers: list[str], macros: list[str]) -> str:
    """The C program printing every probed value."""
    out = ["#define _GNU_SOURCE 1"]
    out += [f"#include <{h}>" for h in headers]
    out += ["#include <stdio.h>", "#include <stddef.h>",
            f"#define KIND(X) {_KIND}",
            "#define INT(N, X) do { if ((X) < 0) printf(N \"=%lld:%d\\n\", (long long)(X), KIND(X)); "
            "else printf(N \"=%llu:%d\\n\", (unsigned long long)(X), KIND(X)); } while (0)",
            "int main(void) {"]
    for _, type_, fields in STRUCTS:
        out.append(f'  INT("sizeof({type_})", sizeof({type_}));')
        out.append(f'  INT("_Alignof({type_})", _Alignof({type_}));')
        for field in fields.split():
            out.append(f'  INT("offsetof({type_}, {field})", offsetof({type_}, {field}));')
    for t in TYPES:
        out.append(f'  INT("sizeof({t})", sizeof({t}));')
        out.append(f'  printf("kind({t})=%d\\n", KIND(({t})0));')
        out.append(f'  printf("signed({t})=%d\\n", (int)(({t})-1 < ({t})0));')
    for name in ENUM_CONSTANTS:
        out.append(f'  INT("{name}", {name});')
    for name in macros:
        out.append(f"#ifdef {name}")
        if STRINGS.match(name):
            out.append(f'  printf("{name}=\\"%s\\"\\n", {name});')
        elif FLOATS.match(name):
            out.append(f'  printf("{name}=%La:%d\\n", (long double)({name}), KIND({name}));')
        elif name in POINTERS:
            out.append(f'  printf("{name}=%ld\\n", (long)({name}));')
        else:
            out.append(f'  INT("{name}", {name});')
        out.append("#else")
        out.append(f'  printf("{name}=undefined\\n");')
        out.append("#endif")
    out += ["  return 0;", "}", ""]
    return "\n".join(out)


def run_probe(target: Target, source: str, ours: bool, extra: tuple[str, ...] = ()) -> dict[str, str]:
    """Build the probe with our headers or glibc's, run it, parse its lines."""
    flags = ["-nostdinc", "-isystem", str(INCLUDE)] if ours else list(target.glibc_flags)
    with tempfile.TemporaryDirectory(prefix="pcc-probe-") as tmp:
        src, exe = Path(tmp, "probe.c"), Path(tmp, "probe")
        src.write_text(source)
        # Linking pulls in glibc's printf either way: only the headers differ.
        build = subprocess.run([*target.cc, "-std=gnu11", "-w", "-static", *flags, *extra,
                                str(src), "-o", str(exe)], capture_output=True, text=True,
                               timeout=300)
        if build.returncode != 0:
            raise AssertionError(f"probe build failed ({'ours' if ours else 'glibc'}):\n"
                                 + build.stderr[:4000])
        result = subprocess.run([*target.runner, str(exe)], capture_output=True, text=True,
                                timeout=120, check=True)
    values = {}
    for line in result.stdout.splitlines():
        name, _, value = line.partition("=")
        values[name] = value
    return values


# glibc's own declarations that differ from POSIX's, which we follow: under
# _GNU_SOURCE glibc gives these an enum parameter (__itimer_which_t,
# __rlimit_resource_t, __priority_which_t) where POSIX says int.
GLIBC_ENUM_PARAMETERS = {"getitimer", "setitimer", "getrlimit", "setrlimit", "getpriority",
                         "setpriority", "prlimit"}
# ... and under _GNU_SOURCE the socket calls take a transparent union of
# every sockaddr pointer type (__SOCKADDR_ARG) where POSIX says
# struct sockaddr *; we follow POSIX.
GLIBC_SOCKADDR_PARAMETERS = {"bind", "connect", "accept", "accept4", "getsockname",
                             "getpeername", "sendto", "recvfrom"}


def our_declarations(cc: tuple[str, ...], headers: list[str]) -> tuple[str, list[str]]:
    """Every function and object our headers declare, as gcc -aux-info spells it.

    Returns the including source and one line per declaration (with a #line
    naming our header, so errors point at it).  The declarator name is
    parenthesised so that a glibc function-like macro of the same name does
    not expand, and GCC's internal __va_list_tag * is spelled __gnuc_va_list.
    """
    source = "#define _GNU_SOURCE 1\n" + "".join(f"#include <{h}>\n" for h in headers)
    with tempfile.TemporaryDirectory(prefix="pcc-decl-") as tmp:
        src, aux = Path(tmp, "d.c"), Path(tmp, "d.aux")
        src.write_text(source)
        subprocess.run([*cc, "-std=gnu11", "-nostdinc", "-isystem", str(INCLUDE),
                        "-fsyntax-only", "-aux-info", str(aux), str(src)],
                       check=True, capture_output=True, timeout=120)
        text = aux.read_text()
    lines = []
    for m in re.finditer(r"^/\* (\S+):(\d+):\S+ \*/ (.*)$", text, re.M):
        path, line, decl = m.groups()
        if not path.startswith(str(INCLUDE)):
            continue
        decl = decl.replace("__va_list_tag *", "__gnuc_va_list")
        decl = re.sub(r"^(extern [^()]*?)(\w+) \((?!\*)", r"\1(\2) (", decl)
        lines.append(f'#line {line} "{path}"\n{decl}')
    return source, lines


def conflicts_with_glibc(target: Target, headers: list[str]) -> tuple[int, list[str]]:
    """Our declarations placed after glibc's: gcc's complaints, one line each."""
    source, decls = our_declarations(target.cc, headers)
    with tempfile.TemporaryDirectory(prefix="pcc-decl-") as tmp:
        src = Path(tmp, "both.c")
        src.write_text(source + "\n".join(decls) + "\n")
        result = subprocess.run([*target.cc, "-std=gnu11", *target.glibc_flags, "-w",
                                 "-fsyntax-only", str(src)], capture_output=True, text=True,
                                timeout=120)
    errors = [line for line in result.stderr.splitlines() if ": error:" in line
              and not any(f"\u2018{name}\u2019" in line
                          for name in GLIBC_ENUM_PARAMETERS | GLIBC_SOCKADDR_PARAMETERS)]
    return len(decls), errors
