/* sys/syscall.h -- syscall numbers (SYS_name), for syscall(2). */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <bits/syscall.h>

#endif
