/* Processes: getpid, fork, execve, waitpid, kill... */
#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "../internal/libc.h"

pid_t getpid(void) { return (pid_t)__syscall0(SYS_getpid); }
pid_t getppid(void) { return (pid_t)__syscall0(SYS_getppid); }
pid_t gettid(void) { return (pid_t)__syscall0(SYS_gettid); }
uid_t getuid(void) { return (uid_t)__syscall0(SYS_getuid); }
uid_t geteuid(void) { return (uid_t)__syscall0(SYS_geteuid); }
gid_t getgid(void) { return (gid_t)__syscall0(SYS_getgid); }
gid_t getegid(void) { return (gid_t)__syscall0(SYS_getegid); }
pid_t getpgid(pid_t p) { return (pid_t)__sc1(SYS_getpgid, p); }
pid_t getpgrp(void) { return getpgid(0); }
pid_t getsid(pid_t p) { return (pid_t)__sc1(SYS_getsid, p); }
pid_t setsid(void) { return (pid_t)__sc0(SYS_setsid); }
int setpgid(pid_t p, pid_t g) { return (int)__sc2(SYS_setpgid, p, g); }
int setuid(uid_t u) { return (int)__sc1(SYS_setuid, u); }
int setgid(gid_t g) { return (int)__sc1(SYS_setgid, g); }

pid_t fork(void)
{
#ifdef SYS_fork
	return (pid_t)__sc0(SYS_fork);
#else
	return (pid_t)__sc5(SYS_clone, SIGCHLD, 0, 0, 0, 0);
#endif
}

pid_t vfork(void)
{
	return fork();                  /* the safe equivalent: no shared stack */
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return (int)__sc3(SYS_execve, path, argv, envp);
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return (pid_t)__sc4(SYS_wait4, pid, status, options, ru);
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, 0);
}

pid_t wait(int *status)
{
	return wait4(-1, status, 0, 0);
}

pid_t wait3(int *status, int options, struct rusage *ru)
{
	return wait4(-1, status, options, ru);
}

int kill(pid_t pid, int sig) { return (int)__sc2(SYS_kill, pid, sig); }
int killpg(pid_t pg, int sig) { return kill(-pg, sig); }

int getrlimit(int res, struct rlimit *rl)
{
	return (int)__sc4(SYS_prlimit64, 0, res, 0, rl);
}

int setrlimit(int res, const struct rlimit *rl)
{
	return (int)__sc4(SYS_prlimit64, 0, res, rl, 0);
}

int getrusage(int who, struct rusage *ru)
{
	return (int)__sc2(SYS_getrusage, who, ru);
}

int nice(int inc)
{
	long prio = __syscall2(SYS_getpriority, PRIO_PROCESS, 0);
	if (prio < 0)
		return (int)__syscall_ret(prio);
	if (__sc3(SYS_setpriority, PRIO_PROCESS, 0, 20 - prio + inc) < 0)
		return -1;
	return (int)(20 - prio + inc);
}
