/* sys/stat.h -- file status.
 *
 * struct stat is the structure the kernel fills, which differs per
 * architecture (see each block; the libc calls the syscall shown):
 *   x86-64      struct stat of arch/x86/include/uapi/asm/stat.h (144 bytes),
 *               fstat/newfstatat; st_nlink comes before st_mode;
 *   i386/x86-16 struct stat64 of the same header (96 bytes), fstat64/
 *               fstatat64: 64-bit inode, size and blocks, with 32-bit time
 *               fields (glibc's struct stat under _FILE_OFFSET_BITS=64);
 *   AArch64, RISC-V 64
 *               asm-generic/stat.h's struct stat (128 bytes), fstat/
 *               newfstatat.
 * The time fields are struct timespec (time_t, long) in all three. */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <features.h>

#define __NEED_dev_t
#define __NEED_ino_t
#define __NEED_mode_t
#define __NEED_nlink_t
#define __NEED_uid_t
#define __NEED_gid_t
#define __NEED_off_t
#define __NEED_time_t
#define __NEED_blksize_t
#define __NEED_blkcnt_t
#define __NEED_struct_timespec
#include <bits/alltypes.h>

#if defined(__x86_64__)
struct stat {
	dev_t st_dev;
	ino_t st_ino;
	nlink_t st_nlink;
	mode_t st_mode;
	uid_t st_uid;
	gid_t st_gid;
	unsigned int __pad0;
	dev_t st_rdev;
	off_t st_size;
	blksize_t st_blksize;
	blkcnt_t st_blocks;
	struct timespec st_atim;
	struct timespec st_mtim;
	struct timespec st_ctim;
	long __reserved[3];
};
#elif defined(__i386__)
struct stat {
	dev_t st_dev;
	unsigned int __pad0;
	unsigned long __st_ino;         /* the low 32 bits of st_ino */
	mode_t st_mode;
	nlink_t st_nlink;
	uid_t st_uid;
	gid_t st_gid;
	dev_t st_rdev;
	unsigned int __pad3;
	off_t st_size;
	blksize_t st_blksize;
	blkcnt_t st_blocks;
	struct timespec st_atim;
	struct timespec st_mtim;
	struct timespec st_ctim;
	ino_t st_ino;
};
#elif defined(__aarch64__) || defined(__riscv)
struct stat {
	dev_t st_dev;
	ino_t st_ino;
	mode_t st_mode;
	nlink_t st_nlink;
	uid_t st_uid;
	gid_t st_gid;
	dev_t st_rdev;
	unsigned long __pad1;
	off_t st_size;
	blksize_t st_blksize;
	int __pad2;
	blkcnt_t st_blocks;
	struct timespec st_atim;
	struct timespec st_mtim;
	struct timespec st_ctim;
	unsigned int __reserved4;
	unsigned int __reserved5;
};
#else
#error "sys/stat.h: unknown target"
#endif

#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec

#define S_IFMT 0170000
#define S_IFSOCK 0140000
#define S_IFLNK 0120000
#define S_IFREG 0100000
#define S_IFBLK 0060000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFIFO 0010000

#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)
#define S_ISLNK(m) (((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISBLK(m) (((m) & S_IFMT) == S_IFBLK)
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_TYPEISMQ(buf) 0
#define S_TYPEISSEM(buf) 0
#define S_TYPEISSHM(buf) 0

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
#define S_IREAD S_IRUSR
#define S_IWRITE S_IWUSR
#define S_IEXEC S_IXUSR
#define ACCESSPERMS (S_IRWXU | S_IRWXG | S_IRWXO)
#define ALLPERMS (S_ISUID | S_ISGID | S_ISVTX | S_IRWXU | S_IRWXG | S_IRWXO)
#define DEFFILEMODE (S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP | S_IROTH | S_IWOTH)

#define S_BLKSIZE 512

#define UTIME_NOW ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)

int stat(const char *__restrict __path, struct stat *__restrict __buf);
int fstat(int __fd, struct stat *__buf);
int lstat(const char *__restrict __path, struct stat *__restrict __buf);
int fstatat(int __fd, const char *__restrict __path, struct stat *__restrict __buf,
            int __flag);
int chmod(const char *__path, mode_t __mode);
int fchmod(int __fd, mode_t __mode);
int fchmodat(int __fd, const char *__path, mode_t __mode, int __flag);
int mkdir(const char *__path, mode_t __mode);
int mkdirat(int __fd, const char *__path, mode_t __mode);
int mkfifo(const char *__path, mode_t __mode);
int mkfifoat(int __fd, const char *__path, mode_t __mode);
int mknod(const char *__path, mode_t __mode, dev_t __dev);
int mknodat(int __fd, const char *__path, mode_t __mode, dev_t __dev);
mode_t umask(mode_t __mask);
int utimensat(int __fd, const char *__path, const struct timespec __times[2], int __flag);
int futimens(int __fd, const struct timespec __times[2]);

#if defined(__PCC_GNU)
#define stat64 stat
#define fstat64 fstat
#define lstat64 lstat
#define fstatat64 fstatat
int lchmod(const char *__path, mode_t __mode);
#endif

#endif
