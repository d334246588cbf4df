/* dirent.h -- directory reading.  struct dirent is the kernel's
 * linux_dirent64 record (what getdents64 writes) with d_name sized for the
 * longest name, the same on every target. */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <features.h>

#define __NEED_ino_t
#define __NEED_off_t
#define __NEED_size_t
#define __NEED_ssize_t
#include <bits/alltypes.h>

typedef struct __dirstream DIR;

struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[256];
};
#define d_fileno d_ino
#define _DIRENT_HAVE_D_RECLEN 1
#define _DIRENT_HAVE_D_OFF 1
#define _DIRENT_HAVE_D_TYPE 1

#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12
#define DT_WHT 14
#define IFTODT(mode) (((mode) & 0170000) >> 12)
#define DTTOIF(type) ((type) << 12)

int alphasort(const struct dirent **__a, const struct dirent **__b);
int closedir(DIR *__dirp);
int dirfd(DIR *__dirp);
DIR *fdopendir(int __fd);
DIR *opendir(const char *__dirname);
struct dirent *readdir(DIR *__dirp);
int readdir_r(DIR *__restrict __dirp, struct dirent *__restrict __entry,
              struct dirent **__restrict __result);
void rewinddir(DIR *__dirp);
int scandir(const char *__dir, struct dirent ***__namelist,
            int (*__sel)(const struct dirent *),
            int (*__compar)(const struct dirent **, const struct dirent **));
void seekdir(DIR *__dirp, long __loc);
long telldir(DIR *__dirp);

#if defined(__PCC_GNU)
#define dirent64 dirent
#define readdir64 readdir
#define readdir64_r readdir_r
#define scandir64 scandir
#define alphasort64 alphasort
int versionsort(const struct dirent **__a, const struct dirent **__b);
ssize_t getdents64(int __fd, void *__buffer, size_t __length);
#endif

#endif
