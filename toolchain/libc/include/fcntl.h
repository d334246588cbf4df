/* fcntl.h -- POSIX file control.  The O_* bits are the kernel's for each
 * architecture: AArch64 moves O_DIRECTORY, O_NOFOLLOW, O_DIRECT and
 * O_LARGEFILE; x86 and RISC-V use the asm-generic values.  On 32-bit
 * targets off_t is 64-bit, so F_GETLK/F_SETLK/F_SETLKW are the kernel's
 * *64 commands and struct flock is the kernel's struct flock64. */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <features.h>

#define __NEED_off_t
#define __NEED_pid_t
#define __NEED_mode_t
#define __NEED_size_t
#define __NEED_ssize_t
#include <bits/alltypes.h>

#define O_ACCMODE 0003
#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#define O_CREAT 0100
#define O_EXCL 0200
#define O_NOCTTY 0400
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_NONBLOCK 04000
#define O_NDELAY O_NONBLOCK
#define O_DSYNC 010000
#define O_ASYNC 020000
#define FASYNC O_ASYNC
#if defined(__aarch64__)
#define O_DIRECTORY 040000
#define O_NOFOLLOW 0100000
#define O_DIRECT 0200000
#define __O_LARGEFILE 0400000
#else
#define O_DIRECT 040000
#define __O_LARGEFILE 0100000
#define O_DIRECTORY 0200000
#define O_NOFOLLOW 0400000
#endif
#if __SIZEOF_LONG__ == 8
#define O_LARGEFILE 0                   /* implied by 64-bit syscalls */
#else
#define O_LARGEFILE __O_LARGEFILE
#endif
#define O_NOATIME 01000000
#define O_CLOEXEC 02000000
#define O_SYNC 04010000
#define O_RSYNC O_SYNC
#define O_PATH 010000000
#define O_TMPFILE (020000000 | O_DIRECTORY)
#define O_EXEC O_PATH
#define O_SEARCH O_PATH

#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#if __SIZEOF_LONG__ == 8
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#else
#define F_GETLK 12                      /* F_GETLK64 */
#define F_SETLK 13
#define F_SETLKW 14
#endif
#define F_GETLK64 F_GETLK
#define F_SETLK64 F_SETLK
#define F_SETLKW64 F_SETLKW
#define F_SETOWN 8
#define F_GETOWN 9
#define F_SETSIG 10
#define F_GETSIG 11
#define F_SETOWN_EX 15
#define F_GETOWN_EX 16
#define F_OFD_GETLK 36
#define F_OFD_SETLK 37
#define F_OFD_SETLKW 38
#define F_SETLEASE 1024
#define F_GETLEASE 1025
#define F_NOTIFY 1026
#define F_DUPFD_CLOEXEC 1030
#define F_SETPIPE_SZ 1031
#define F_GETPIPE_SZ 1032
#define F_ADD_SEALS 1033
#define F_GET_SEALS 1034
#define F_SEAL_SEAL 0x0001
#define F_SEAL_SHRINK 0x0002
#define F_SEAL_GROW 0x0004
#define F_SEAL_WRITE 0x0008
#define FD_CLOEXEC 1

#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2
#define F_EXLCK 4
#define F_SHLCK 8

#define LOCK_SH 1
#define LOCK_EX 2
#define LOCK_NB 4
#define LOCK_UN 8

#define AT_FDCWD (-100)
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR 0x200
#define AT_EACCESS 0x200
#define AT_SYMLINK_FOLLOW 0x400
#define AT_NO_AUTOMOUNT 0x800
#define AT_EMPTY_PATH 0x1000

#define POSIX_FADV_NORMAL 0
#define POSIX_FADV_RANDOM 1
#define POSIX_FADV_SEQUENTIAL 2
#define POSIX_FADV_WILLNEED 3
#define POSIX_FADV_DONTNEED 4
#define POSIX_FADV_NOREUSE 5

#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif
#define SEEK_DATA 3
#define SEEK_HOLE 4

/* The mode bits creat/open take (also in sys/stat.h). */
#ifndef S_IRWXU
#define S_IRWXU 0700
#define S_IRUSR 0400
#define S_IWUSR 0200
#define S_IXUSR 0100
#define S_IRWXG 070
#define S_IRGRP 040
#define S_IWGRP 020
#define S_IXGRP 010
#define S_IRWXO 07
#define S_IROTH 04
#define S_IWOTH 02
#define S_IXOTH 01
#define S_ISUID 04000
#define S_ISGID 02000
#define S_ISVTX 01000
#endif

struct flock {
	short l_type;
	short l_whence;
	off_t l_start;
	off_t l_len;
	pid_t l_pid;
};

int creat(const char *__path, mode_t __mode);
int fcntl(int __fd, int __cmd, ...);
int open(const char *__path, int __oflag, ...);
int openat(int __fd, const char *__path, int __oflag, ...);
int posix_fadvise(int __fd, off_t __offset, off_t __len, int __advice);
int posix_fallocate(int __fd, off_t __offset, off_t __len);

#if defined(__PCC_GNU)
#define flock64 flock
#define open64 open
#define openat64 openat
#define creat64 creat
struct f_owner_ex {
	int type;
	pid_t pid;
};
int fallocate(int __fd, int __mode, off_t __offset, off_t __len);
ssize_t readahead(int __fd, off_t __offset, size_t __count);
#define O_FSYNC O_SYNC
#define FAPPEND O_APPEND
#define FFSYNC O_SYNC
#define FNONBLOCK O_NONBLOCK
#define FNDELAY O_NDELAY
#define F_SEAL_FUTURE_WRITE 0x0010
#define F_GET_RW_HINT 1035
#define F_SET_RW_HINT 1036
#define F_GET_FILE_RW_HINT 1037
#define F_SET_FILE_RW_HINT 1038
#define DN_ACCESS 0x00000001
#define DN_MODIFY 0x00000002
#define DN_CREATE 0x00000004
#define DN_DELETE 0x00000008
#define DN_RENAME 0x00000010
#define DN_ATTRIB 0x00000020
#define DN_MULTISHOT 0x80000000
#define FALLOC_FL_KEEP_SIZE 0x01
#define FALLOC_FL_PUNCH_HOLE 0x02
#define FALLOC_FL_NO_HIDE_STALE 0x04
#define FALLOC_FL_COLLAPSE_RANGE 0x08
#define FALLOC_FL_ZERO_RANGE 0x10
#define FALLOC_FL_INSERT_RANGE 0x20
#define FALLOC_FL_UNSHARE_RANGE 0x40
#define SYNC_FILE_RANGE_WAIT_BEFORE 1
#define SYNC_FILE_RANGE_WRITE 2
#define SYNC_FILE_RANGE_WAIT_AFTER 4
#define SYNC_FILE_RANGE_WRITE_AND_WAIT 7
int sync_file_range(int __fd, off_t __offset, off_t __count, unsigned int __flags);
ssize_t splice(int __fdin, off_t *__offin, int __fdout, off_t *__offout, size_t __len,
               unsigned int __flags);
ssize_t tee(int __fdin, int __fdout, size_t __len, unsigned int __flags);
#define SPLICE_F_MOVE 1
#define SPLICE_F_NONBLOCK 2
#define SPLICE_F_MORE 4
#define SPLICE_F_GIFT 8
#endif

#endif
