/* sys/types.h -- POSIX data types (see bits/alltypes.h for their widths). */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <features.h>

#define __NEED_size_t
#define __NEED_ssize_t
#define __NEED_off_t
#define __NEED_ino_t
#define __NEED_dev_t
#define __NEED_nlink_t
#define __NEED_blksize_t
#define __NEED_blkcnt_t
#define __NEED_fsblkcnt_t
#define __NEED_mode_t
#define __NEED_uid_t
#define __NEED_gid_t
#define __NEED_id_t
#define __NEED_pid_t
#define __NEED_key_t
#define __NEED_useconds_t
#define __NEED_suseconds_t
#define __NEED_time_t
#define __NEED_clock_t
#define __NEED_clockid_t
#define __NEED_timer_t
#define __NEED_pthread_types
#define __NEED_intN_t
#define __NEED_register_t
#include <bits/alltypes.h>

#if defined(__PCC_MISC)
#define __NEED_off64_t
#include <bits/alltypes.h>
typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef unsigned char u_int8_t;
typedef unsigned short u_int16_t;
typedef unsigned int u_int32_t;
typedef __UINT64_TYPE__ u_int64_t;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;
typedef long long quad_t;
typedef unsigned long long u_quad_t;
typedef char *caddr_t;
typedef long daddr_t;
typedef __INT64_TYPE__ loff_t;
#include <endian.h>
#include <sys/select.h>
#include <sys/sysmacros.h>
#endif

#endif
