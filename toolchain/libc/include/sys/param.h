/* sys/param.h -- old BSD system parameters and helpers. */
#ifndef _SYS_PARAM_H
#define _SYS_PARAM_H

#include <features.h>
#include <limits.h>
#include <endian.h>
#include <sys/types.h>

#define MAXSYMLINKS 20
#define MAXHOSTNAMELEN 64
#define MAXNAMLEN 255
#define MAXPATHLEN 4096
#define NOFILE 256
#define NCARGS 131072
#define NGROUPS 65536
#define CANBSIZE 255
#define HZ 100
#if defined(__aarch64__)
#define EXEC_PAGESIZE 65536              /* arm64 kernels may use 64 KiB pages */
#else
#define EXEC_PAGESIZE 4096
#endif
#define DEV_BSIZE 512
#define NBBY 8
#define NOGROUP (-1)
#define NODEV ((dev_t)-1)

#define setbit(a, i) ((a)[(i) / NBBY] |= 1 << ((i) % NBBY))
#define clrbit(a, i) ((a)[(i) / NBBY] &= ~(1 << ((i) % NBBY)))
#define isset(a, i) ((a)[(i) / NBBY] & (1 << ((i) % NBBY)))
#define isclr(a, i) (((a)[(i) / NBBY] & (1 << ((i) % NBBY))) == 0)
#define howmany(n, d) (((n) + ((d) - 1)) / (d))
#define roundup(n, d) (howmany(n, d) * (d))
#define powerof2(n) !(((n) - 1) & (n))
#define MIN(a, b) (((a) < (b)) ? (a) : (b))
#define MAX(a, b) (((a) > (b)) ? (a) : (b))

#endif
