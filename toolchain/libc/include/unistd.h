/* unistd.h -- POSIX standard symbolic constants and types. */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <features.h>

#define __NEED_size_t
#define __NEED_ssize_t
#define __NEED_off_t
#define __NEED_pid_t
#define __NEED_uid_t
#define __NEED_gid_t
#define __NEED_useconds_t
#define __NEED_intptr_t
#include <bits/alltypes.h>
#include <bits/confname.h>

#ifndef NULL
#define NULL ((void *)0)
#endif

#define _POSIX_VERSION 200809L
#define _POSIX2_VERSION 200809L
#define _XOPEN_VERSION 700
#define _XOPEN_UNIX 1
#define _POSIX_JOB_CONTROL 1
#define _POSIX_SAVED_IDS 1
#define _POSIX_NO_TRUNC 1
#define _POSIX_VDISABLE '\0'
#define _POSIX_CHOWN_RESTRICTED 0
#define _POSIX_FSYNC 200809L
#define _POSIX_MAPPED_FILES 200809L
#define _POSIX_MEMLOCK 200809L
#define _POSIX_MEMLOCK_RANGE 200809L
#define _POSIX_MEMORY_PROTECTION 200809L
#define _POSIX_MONOTONIC_CLOCK 200809L
#define _POSIX_CLOCK_SELECTION 200809L
#define _POSIX_TIMERS 200809L
#define _POSIX_THREADS 200809L
#define _POSIX_THREAD_SAFE_FUNCTIONS 200809L
#define _POSIX_REALTIME_SIGNALS 200809L
#define _POSIX_SEMAPHORES 200809L
#define _POSIX_SHARED_MEMORY_OBJECTS 200809L
#define _POSIX_CPUTIME 200809L
#define _POSIX_THREAD_CPUTIME 200809L
#define _POSIX_TIMEOUTS 200809L
#define _POSIX_SPAWN 200809L

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif
#define SEEK_DATA 3
#define SEEK_HOLE 4

#define F_ULOCK 0
#define F_LOCK 1
#define F_TLOCK 2
#define F_TEST 3

int access(const char *__path, int __amode);
unsigned int alarm(unsigned int __seconds);
int chdir(const char *__path);
int chown(const char *__path, uid_t __owner, gid_t __group);
int close(int __fd);
size_t confstr(int __name, char *__buf, size_t __len);
int dup(int __fd);
int dup2(int __fd, int __fd2);
__pcc_noreturn void _exit(int __status);
int execl(const char *__path, const char *__arg0, ...);
int execle(const char *__path, const char *__arg0, ...);
int execlp(const char *__file, const char *__arg0, ...);
int execv(const char *__path, char *const __argv[]);
int execve(const char *__path, char *const __argv[], char *const __envp[]);
int execvp(const char *__file, char *const __argv[]);
int faccessat(int __fd, const char *__path, int __amode, int __flag);
int fchdir(int __fd);
int fchown(int __fd, uid_t __owner, gid_t __group);
int fchownat(int __fd, const char *__path, uid_t __owner, gid_t __group, int __flag);
int fdatasync(int __fd);
int fexecve(int __fd, char *const __argv[], char *const __envp[]);
pid_t fork(void);
long fpathconf(int __fd, int __name);
int fsync(int __fd);
int ftruncate(int __fd, off_t __length);
char *getcwd(char *__buf, size_t __size);
gid_t getegid(void);
uid_t geteuid(void);
gid_t getgid(void);
int getgroups(int __gidsetsize, gid_t __grouplist[]);
long gethostid(void);
int gethostname(char *__name, size_t __namelen);
char *getlogin(void);
int getlogin_r(char *__name, size_t __namesize);
int getopt(int __argc, char *const __argv[], const char *__optstring);
pid_t getpgid(pid_t __pid);
pid_t getpgrp(void);
pid_t getpid(void);
pid_t getppid(void);
pid_t getsid(pid_t __pid);
uid_t getuid(void);
int isatty(int __fd);
int lchown(const char *__path, uid_t __owner, gid_t __group);
int link(const char *__path1, const char *__path2);
int linkat(int __fd1, const char *__path1, int __fd2, const char *__path2, int __flag);
int lockf(int __fd, int __cmd, off_t __len);
off_t lseek(int __fd, off_t __offset, int __whence);
int nice(int __incr);
long pathconf(const char *__path, int __name);
int pause(void);
int pipe(int __fildes[2]);
ssize_t pread(int __fd, void *__buf, size_t __nbyte, off_t __offset);
ssize_t pwrite(int __fd, const void *__buf, size_t __nbyte, off_t __offset);
ssize_t read(int __fd, void *__buf, size_t __nbyte);
ssize_t readlink(const char *__restrict __path, char *__restrict __buf, size_t __bufsize);
ssize_t readlinkat(int __fd, const char *__restrict __path, char *__restrict __buf,
                   size_t __bufsize);
int rmdir(const char *__path);
int setegid(gid_t __gid);
int seteuid(uid_t __uid);
int setgid(gid_t __gid);
int setpgid(pid_t __pid, pid_t __pgid);
pid_t setpgrp(void);
int setregid(gid_t __rgid, gid_t __egid);
int setreuid(uid_t __ruid, uid_t __euid);
pid_t setsid(void);
int setuid(uid_t __uid);
unsigned int sleep(unsigned int __seconds);
void swab(const void *__restrict __src, void *__restrict __dest, ssize_t __nbytes);
int symlink(const char *__path1, const char *__path2);
int symlinkat(const char *__path1, int __fd, const char *__path2);
void sync(void);
long sysconf(int __name);
pid_t tcgetpgrp(int __fd);
int tcsetpgrp(int __fd, pid_t __pgrp_id);
int truncate(const char *__path, off_t __length);
char *ttyname(int __fd);
int ttyname_r(int __fd, char *__buf, size_t __buflen);
int unlink(const char *__path);
int unlinkat(int __fd, const char *__path, int __flag);
ssize_t write(int __fd, const void *__buf, size_t __nbyte);

extern char *optarg;
extern int optind, opterr, optopt;

/* Legacy and BSD/GNU additions. */
extern char **environ;
int usleep(useconds_t __useconds);
pid_t vfork(void);
int brk(void *__addr);
void *sbrk(intptr_t __increment);
int getpagesize(void) __pcc_const;
int getdtablesize(void);
int chroot(const char *__path);
int daemon(int __nochdir, int __noclose);
int sethostname(const char *__name, size_t __len);
int getdomainname(char *__name, size_t __len);
int setdomainname(const char *__name, size_t __len);
int setgroups(size_t __size, const gid_t *__list);
int getentropy(void *__buffer, size_t __length);
long syscall(long __number, ...);
int acct(const char *__filename);
int vhangup(void);
char *getpass(const char *__prompt);
char *crypt(const char *__key, const char *__salt);
void encrypt(char __block[64], int __edflag);

#if defined(__PCC_GNU)
#define TEMP_FAILURE_RETRY(expression) __extension__({ \
	long __result; \
	do __result = (long)(expression); \
	while (__result == -1L && errno == EINTR); \
	__result; })
#define CLOSE_RANGE_UNSHARE (1U << 1)
#define CLOSE_RANGE_CLOEXEC (1U << 2)
int close_range(unsigned int __fd, unsigned int __max_fd, int __flags);
int dup3(int __fd, int __fd2, int __flags);
int pipe2(int __fildes[2], int __flags);
int execvpe(const char *__file, char *const __argv[], char *const __envp[]);
int euidaccess(const char *__name, int __type);
int eaccess(const char *__name, int __type);
int getresuid(uid_t *__ruid, uid_t *__euid, uid_t *__suid);
int getresgid(gid_t *__rgid, gid_t *__egid, gid_t *__sgid);
int setresuid(uid_t __ruid, uid_t __euid, uid_t __suid);
int setresgid(gid_t __rgid, gid_t __egid, gid_t __sgid);
pid_t gettid(void);
char *get_current_dir_name(void);
int syncfs(int __fd);
ssize_t copy_file_range(int __infd, off_t *__pinoff, int __outfd, off_t *__poutoff,
                        size_t __length, unsigned int __flags);
#define lseek64 lseek
#define pread64 pread
#define pwrite64 pwrite
#define truncate64 truncate
#define ftruncate64 ftruncate
#endif

#endif
