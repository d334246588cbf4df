/* sys/wait.h -- waiting for children. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <features.h>
#define __PCC_NEED_SIGNAL_POSIX
#include <signal.h>
#include <bits/waitstatus.h>

#define __NEED_pid_t
#define __NEED_id_t
#include <bits/alltypes.h>

typedef enum {
	P_ALL = 0,
	P_PID = 1,
	P_PGID = 2,
	P_PIDFD = 3
} idtype_t;

#define WSTOPPED 2
#define WEXITED 4
#define WCONTINUED 8
#define WNOWAIT 0x1000000
#define __WNOTHREAD 0x20000000
#define __WALL 0x40000000
#define __WCLONE 0x80000000

#define WAIT_ANY (-1)
#define WAIT_MYPGRP 0
#define WCOREFLAG 0x80
#define W_EXITCODE(ret, sig) ((ret) << 8 | (sig))
#define W_STOPCODE(sig) ((sig) << 8 | 0x7f)

struct rusage;

pid_t wait(int *__stat_loc);
pid_t waitpid(pid_t __pid, int *__stat_loc, int __options);
int waitid(idtype_t __idtype, id_t __id, siginfo_t *__infop, int __options);
pid_t wait3(int *__stat_loc, int __options, struct rusage *__usage);
pid_t wait4(pid_t __pid, int *__stat_loc, int __options, struct rusage *__usage);

#endif
