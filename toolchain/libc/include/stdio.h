/* stdio.h -- C11 7.21, plus POSIX and the common GNU additions.  FILE is
 * struct _IO_FILE, defined by the libc's stdio sources; programs only ever
 * hold pointers to it. */
#ifndef _STDIO_H
#define _STDIO_H

#include <features.h>

#define __NEED_size_t
#define __NEED_FILE
#define __NEED___gnuc_va_list
#if defined(__PCC_POSIX)
#define __NEED_ssize_t
#define __NEED_off_t
#define __NEED_va_list
#endif
#include <bits/alltypes.h>

#ifndef NULL
#define NULL ((void *)0)
#endif

typedef union {
	char __opaque[16];
	long long __align;
	double __align_d;
} fpos_t;

#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
#define BUFSIZ 8192
#define EOF (-1)
#define FOPEN_MAX 16
#define FILENAME_MAX 4096
#define L_tmpnam 20
#define TMP_MAX 238328
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr

int remove(const char *__filename);
int rename(const char *__old, const char *__new);
FILE *tmpfile(void);
char *tmpnam(char *__s);
int fclose(FILE *__stream);
int fflush(FILE *__stream);
FILE *fopen(const char *__restrict __filename, const char *__restrict __mode);
FILE *freopen(const char *__restrict __filename, const char *__restrict __mode,
              FILE *__restrict __stream);
void setbuf(FILE *__restrict __stream, char *__restrict __buf);
int setvbuf(FILE *__restrict __stream, char *__restrict __buf, int __mode, size_t __size);

int fprintf(FILE *__restrict __stream, const char *__restrict __format, ...)
	__pcc_format(__printf__, 2, 3);
int fscanf(FILE *__restrict __stream, const char *__restrict __format, ...)
	__pcc_format(__scanf__, 2, 3);
int printf(const char *__restrict __format, ...) __pcc_format(__printf__, 1, 2);
int scanf(const char *__restrict __format, ...) __pcc_format(__scanf__, 1, 2);
int snprintf(char *__restrict __s, size_t __n, const char *__restrict __format, ...)
	__pcc_format(__printf__, 3, 4);
int sprintf(char *__restrict __s, const char *__restrict __format, ...)
	__pcc_format(__printf__, 2, 3);
int sscanf(const char *__restrict __s, const char *__restrict __format, ...)
	__pcc_format(__scanf__, 2, 3);
int vfprintf(FILE *__restrict __stream, const char *__restrict __format,
             __gnuc_va_list __arg) __pcc_format(__printf__, 2, 0);
int vfscanf(FILE *__restrict __stream, const char *__restrict __format,
            __gnuc_va_list __arg) __pcc_format(__scanf__, 2, 0);
int vprintf(const char *__restrict __format, __gnuc_va_list __arg)
	__pcc_format(__printf__, 1, 0);
int vscanf(const char *__restrict __format, __gnuc_va_list __arg)
	__pcc_format(__scanf__, 1, 0);
int vsnprintf(char *__restrict __s, size_t __n, const char *__restrict __format,
              __gnuc_va_list __arg) __pcc_format(__printf__, 3, 0);
int vsprintf(char *__restrict __s, const char *__restrict __format, __gnuc_va_list __arg)
	__pcc_format(__printf__, 2, 0);
int vsscanf(const char *__restrict __s, const char *__restrict __format,
            __gnuc_va_list __arg) __pcc_format(__scanf__, 2, 0);

int fgetc(FILE *__stream);
char *fgets(char *__restrict __s, int __n, FILE *__restrict __stream);
int fputc(int __c, FILE *__stream);
int fputs(const char *__restrict __s, FILE *__restrict __stream);
int getc(FILE *__stream);
int getchar(void);
int putc(int __c, FILE *__stream);
int putchar(int __c);
int puts(const char *__s);
int ungetc(int __c, FILE *__stream);
size_t fread(void *__restrict __ptr, size_t __size, size_t __nmemb,
             FILE *__restrict __stream);
size_t fwrite(const void *__restrict __ptr, size_t __size, size_t __nmemb,
              FILE *__restrict __stream);
int fgetpos(FILE *__restrict __stream, fpos_t *__restrict __pos);
int fseek(FILE *__stream, long __offset, int __whence);
int fsetpos(FILE *__stream, const fpos_t *__pos);
long ftell(FILE *__stream);
void rewind(FILE *__stream);
void clearerr(FILE *__stream);
int feof(FILE *__stream);
int ferror(FILE *__stream);
void perror(const char *__s);

#if defined(__PCC_POSIX)
#define L_ctermid 9
#define P_tmpdir "/tmp"
FILE *fdopen(int __fd, const char *__mode);
int fileno(FILE *__stream);
FILE *popen(const char *__command, const char *__mode);
int pclose(FILE *__stream);
FILE *fmemopen(void *__restrict __buf, size_t __size, const char *__restrict __mode);
FILE *open_memstream(char **__bufloc, size_t *__sizeloc);
int fseeko(FILE *__stream, off_t __offset, int __whence);
off_t ftello(FILE *__stream);
int dprintf(int __fd, const char *__restrict __format, ...)
	__pcc_format(__printf__, 2, 3);
int vdprintf(int __fd, const char *__restrict __format, __gnuc_va_list __arg)
	__pcc_format(__printf__, 2, 0);
ssize_t getline(char **__restrict __lineptr, size_t *__restrict __n,
                FILE *__restrict __stream);
ssize_t getdelim(char **__restrict __lineptr, size_t *__restrict __n, int __delim,
                 FILE *__restrict __stream);
int renameat(int __oldfd, const char *__old, int __newfd, const char *__new);
char *ctermid(char *__s);
char *tempnam(const char *__dir, const char *__pfx) __pcc_malloc;
void flockfile(FILE *__stream);
int ftrylockfile(FILE *__stream);
void funlockfile(FILE *__stream);
int getc_unlocked(FILE *__stream);
int getchar_unlocked(void);
int putc_unlocked(int __c, FILE *__stream);
int putchar_unlocked(int __c);
#endif

#if defined(__PCC_MISC)
void setbuffer(FILE *__stream, char *__buf, size_t __size);
void setlinebuf(FILE *__stream);
int fgetc_unlocked(FILE *__stream);
int fputc_unlocked(int __c, FILE *__stream);
int fflush_unlocked(FILE *__stream);
size_t fread_unlocked(void *__restrict __ptr, size_t __size, size_t __n,
                      FILE *__restrict __stream);
size_t fwrite_unlocked(const void *__restrict __ptr, size_t __size, size_t __n,
                       FILE *__restrict __stream);
void clearerr_unlocked(FILE *__stream);
int feof_unlocked(FILE *__stream);
int ferror_unlocked(FILE *__stream);
int fileno_unlocked(FILE *__stream);
int getw(FILE *__stream);
int putw(int __w, FILE *__stream);
char *fgetln(FILE *__stream, size_t *__len);
#endif

#if defined(__PCC_GNU)
#define RENAME_NOREPLACE (1 << 0)
#define RENAME_EXCHANGE (1 << 1)
#define RENAME_WHITEOUT (1 << 2)
int renameat2(int __oldfd, const char *__old, int __newfd, const char *__new,
              unsigned int __flags);
int asprintf(char **__restrict __strp, const char *__restrict __format, ...)
	__pcc_format(__printf__, 2, 3);
int vasprintf(char **__restrict __strp, const char *__restrict __format,
              __gnuc_va_list __arg) __pcc_format(__printf__, 2, 0);
char *fgets_unlocked(char *__restrict __s, int __n, FILE *__restrict __stream);
int fputs_unlocked(const char *__restrict __s, FILE *__restrict __stream);
typedef ssize_t cookie_read_function_t(void *__cookie, char *__buf, size_t __size);
typedef ssize_t cookie_write_function_t(void *__cookie, const char *__buf, size_t __size);
typedef int cookie_seek_function_t(void *__cookie, off_t *__offset, int __whence);
typedef int cookie_close_function_t(void *__cookie);
typedef struct {
	cookie_read_function_t *read;
	cookie_write_function_t *write;
	cookie_seek_function_t *seek;
	cookie_close_function_t *close;
} cookie_io_functions_t;
FILE *fopencookie(void *__restrict __cookie, const char *__restrict __mode,
                  cookie_io_functions_t __io_funcs);
#endif

#endif
