/* strings.h -- POSIX */
#ifndef _STRINGS_H
#define _STRINGS_H

#include <features.h>

#define __NEED_size_t
#define __NEED_locale_t
#include <bits/alltypes.h>

int ffs(int __i) __pcc_const;
int ffsl(long __l) __pcc_const;
int ffsll(long long __ll) __pcc_const;
int strcasecmp(const char *__s1, const char *__s2);
int strncasecmp(const char *__s1, const char *__s2, size_t __n);
int strcasecmp_l(const char *__s1, const char *__s2, locale_t __l);
int strncasecmp_l(const char *__s1, const char *__s2, size_t __n, locale_t __l);
/* Legacy BSD names (removed from POSIX.1-2008, still widely used). */
int bcmp(const void *__s1, const void *__s2, size_t __n);
void bcopy(const void *__src, void *__dest, size_t __n);
void bzero(void *__s, size_t __n);
char *index(const char *__s, int __c);
char *rindex(const char *__s, int __c);

#endif
