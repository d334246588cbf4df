/* string.h -- C11 7.24, plus the POSIX and common GNU additions. */
#ifndef _STRING_H
#define _STRING_H

#include <features.h>

#define __NEED_size_t
#if defined(__PCC_POSIX)
#define __NEED_locale_t
#endif
#include <bits/alltypes.h>

#ifndef NULL
#define NULL ((void *)0)
#endif

void *memcpy(void *__restrict __dest, const void *__restrict __src, size_t __n);
void *memmove(void *__dest, const void *__src, size_t __n);
void *memset(void *__s, int __c, size_t __n);
int memcmp(const void *__s1, const void *__s2, size_t __n);
void *memchr(const void *__s, int __c, size_t __n);
char *strcpy(char *__restrict __dest, const char *__restrict __src);
char *strncpy(char *__restrict __dest, const char *__restrict __src, size_t __n);
char *strcat(char *__restrict __dest, const char *__restrict __src);
char *strncat(char *__restrict __dest, const char *__restrict __src, size_t __n);
int strcmp(const char *__s1, const char *__s2);
int strncmp(const char *__s1, const char *__s2, size_t __n);
int strcoll(const char *__s1, const char *__s2);
size_t strxfrm(char *__restrict __dest, const char *__restrict __src, size_t __n);
char *strchr(const char *__s, int __c);
char *strrchr(const char *__s, int __c);
size_t strcspn(const char *__s, const char *__reject);
size_t strspn(const char *__s, const char *__accept);
char *strpbrk(const char *__s, const char *__accept);
char *strstr(const char *__haystack, const char *__needle);
char *strtok(char *__restrict __s, const char *__restrict __delim);
char *strerror(int __errnum);
size_t strlen(const char *__s);

#if defined(__PCC_POSIX)
char *strtok_r(char *__restrict __s, const char *__restrict __delim,
               char **__restrict __saveptr);
#if defined(__PCC_GNU)
char *strerror_r(int __errnum, char *__buf, size_t __buflen);  /* GNU: returns the text */
#else
int strerror_r(int __errnum, char *__buf, size_t __buflen) __asm__("__xpg_strerror_r");
#endif
char *stpcpy(char *__restrict __dest, const char *__restrict __src);
char *stpncpy(char *__restrict __dest, const char *__restrict __src, size_t __n);
size_t strnlen(const char *__s, size_t __maxlen);
char *strdup(const char *__s) __pcc_malloc;
char *strndup(const char *__s, size_t __n) __pcc_malloc;
char *strsignal(int __sig);
char *strerror_l(int __errnum, locale_t __l);
int strcoll_l(const char *__s1, const char *__s2, locale_t __l);
size_t strxfrm_l(char *__restrict __dest, const char *__restrict __src, size_t __n,
                 locale_t __l);
void *memccpy(void *__restrict __dest, const void *__restrict __src, int __c,
              size_t __n);
#endif

#if defined(__PCC_MISC)
#include <strings.h>
char *strsep(char **__restrict __stringp, const char *__restrict __delim);
size_t strlcpy(char *__restrict __dest, const char *__restrict __src, size_t __n);
size_t strlcat(char *__restrict __dest, const char *__restrict __src, size_t __n);
void explicit_bzero(void *__s, size_t __n);
#endif

#if defined(__PCC_GNU)
void *memmem(const void *__haystack, size_t __haystacklen, const void *__needle,
             size_t __needlelen);
void *mempcpy(void *__restrict __dest, const void *__restrict __src, size_t __n);
void *memrchr(const void *__s, int __c, size_t __n);
void *rawmemchr(const void *__s, int __c);
char *strchrnul(const char *__s, int __c);
char *strcasestr(const char *__haystack, const char *__needle);
int strverscmp(const char *__s1, const char *__s2);
const char *strerrordesc_np(int __errnum);
const char *strerrorname_np(int __errnum);
#if !defined(basename)                  /* libgen.h makes it the POSIX one */
char *basename(const char *__path);
#endif
#define strndupa(s, n) __extension__({ \
	const char *__old = (s); \
	__SIZE_TYPE__ __len = strnlen(__old, (n)); \
	char *__new = (char *)__builtin_alloca(__len + 1); \
	__new[__len] = '\0'; \
	(char *)memcpy(__new, __old, __len); })
#define strdupa(s) __extension__({ \
	const char *__old = (s); \
	__SIZE_TYPE__ __len = strlen(__old) + 1; \
	(char *)memcpy(__builtin_alloca(__len), __old, __len); })
#endif

#endif
