/* wchar.h -- C11 7.29 and the POSIX additions. */
#ifndef _WCHAR_H
#define _WCHAR_H

#include <features.h>

#define __NEED_size_t
#define __NEED_wchar_t
#define __NEED_wint_t
#define __NEED_mbstate_t
#define __NEED_FILE
#define __NEED___gnuc_va_list
#if defined(__PCC_POSIX)
#define __NEED_locale_t
#define __NEED_va_list
#define __NEED_wctype_t
#endif
#include <bits/alltypes.h>

#ifndef NULL
#define NULL ((void *)0)
#endif
#ifndef WEOF
#define WEOF ((wint_t)-1)
#endif
#ifndef WCHAR_MIN
#define WCHAR_MIN __WCHAR_MIN__
#define WCHAR_MAX __WCHAR_MAX__
#endif

struct tm;

int fwprintf(FILE *__restrict __stream, const wchar_t *__restrict __format, ...);
int fwscanf(FILE *__restrict __stream, const wchar_t *__restrict __format, ...);
int swprintf(wchar_t *__restrict __s, size_t __n, const wchar_t *__restrict __format, ...);
int swscanf(const wchar_t *__restrict __s, const wchar_t *__restrict __format, ...);
int vfwprintf(FILE *__restrict __stream, const wchar_t *__restrict __format,
              __gnuc_va_list __arg);
int vfwscanf(FILE *__restrict __stream, const wchar_t *__restrict __format,
             __gnuc_va_list __arg);
int vswprintf(wchar_t *__restrict __s, size_t __n, const wchar_t *__restrict __format,
              __gnuc_va_list __arg);
int vswscanf(const wchar_t *__restrict __s, const wchar_t *__restrict __format,
             __gnuc_va_list __arg);
int vwprintf(const wchar_t *__restrict __format, __gnuc_va_list __arg);
int vwscanf(const wchar_t *__restrict __format, __gnuc_va_list __arg);
int wprintf(const wchar_t *__restrict __format, ...);
int wscanf(const wchar_t *__restrict __format, ...);
wint_t fgetwc(FILE *__stream);
wchar_t *fgetws(wchar_t *__restrict __ws, int __n, FILE *__restrict __stream);
wint_t fputwc(wchar_t __wc, FILE *__stream);
int fputws(const wchar_t *__restrict __ws, FILE *__restrict __stream);
int fwide(FILE *__stream, int __mode);
wint_t getwc(FILE *__stream);
wint_t getwchar(void);
wint_t putwc(wchar_t __wc, FILE *__stream);
wint_t putwchar(wchar_t __wc);
wint_t ungetwc(wint_t __wc, FILE *__stream);
double wcstod(const wchar_t *__restrict __nptr, wchar_t **__restrict __endptr);
float wcstof(const wchar_t *__restrict __nptr, wchar_t **__restrict __endptr);
long double wcstold(const wchar_t *__restrict __nptr, wchar_t **__restrict __endptr);
long wcstol(const wchar_t *__restrict __nptr, wchar_t **__restrict __endptr, int __base);
long long wcstoll(const wchar_t *__restrict __nptr, wchar_t **__restrict __endptr,
                  int __base);
unsigned long wcstoul(const wchar_t *__restrict __nptr, wchar_t **__restrict __endptr,
                      int __base);
unsigned long long wcstoull(const wchar_t *__restrict __nptr,
                            wchar_t **__restrict __endptr, int __base);
wchar_t *wcscpy(wchar_t *__restrict __dest, const wchar_t *__restrict __src);
wchar_t *wcsncpy(wchar_t *__restrict __dest, const wchar_t *__restrict __src, size_t __n);
wchar_t *wmemcpy(wchar_t *__restrict __s1, const wchar_t *__restrict __s2, size_t __n);
wchar_t *wmemmove(wchar_t *__s1, const wchar_t *__s2, size_t __n);
wchar_t *wcscat(wchar_t *__restrict __dest, const wchar_t *__restrict __src);
wchar_t *wcsncat(wchar_t *__restrict __dest, const wchar_t *__restrict __src, size_t __n);
int wcscmp(const wchar_t *__s1, const wchar_t *__s2);
int wcscoll(const wchar_t *__s1, const wchar_t *__s2);
int wcsncmp(const wchar_t *__s1, const wchar_t *__s2, size_t __n);
size_t wcsxfrm(wchar_t *__restrict __s1, const wchar_t *__restrict __s2, size_t __n);
int wmemcmp(const wchar_t *__s1, const wchar_t *__s2, size_t __n);
wchar_t *wcschr(const wchar_t *__ws, wchar_t __wc);
size_t wcscspn(const wchar_t *__ws, const wchar_t *__reject);
wchar_t *wcspbrk(const wchar_t *__ws, const wchar_t *__accept);
wchar_t *wcsrchr(const wchar_t *__ws, wchar_t __wc);
size_t wcsspn(const wchar_t *__ws, const wchar_t *__accept);
wchar_t *wcsstr(const wchar_t *__restrict __haystack, const wchar_t *__restrict __needle);
wchar_t *wcstok(wchar_t *__restrict __s, const wchar_t *__restrict __delim,
                wchar_t **__restrict __ptr);
wchar_t *wmemchr(const wchar_t *__s, wchar_t __c, size_t __n);
size_t wcslen(const wchar_t *__s);
wchar_t *wmemset(wchar_t *__s, wchar_t __c, size_t __n);
size_t wcsftime(wchar_t *__restrict __s, size_t __maxsize,
                const wchar_t *__restrict __format, const struct tm *__restrict __tp);
wint_t btowc(int __c);
int wctob(wint_t __c);
int mbsinit(const mbstate_t *__ps);
size_t mbrlen(const char *__restrict __s, size_t __n, mbstate_t *__restrict __ps);
size_t mbrtowc(wchar_t *__restrict __pwc, const char *__restrict __s, size_t __n,
               mbstate_t *__restrict __ps);
size_t wcrtomb(char *__restrict __s, wchar_t __wc, mbstate_t *__restrict __ps);
size_t mbsrtowcs(wchar_t *__restrict __dst, const char **__restrict __src, size_t __len,
                 mbstate_t *__restrict __ps);
size_t wcsrtombs(char *__restrict __dst, const wchar_t **__restrict __src, size_t __len,
                 mbstate_t *__restrict __ps);

#if defined(__PCC_POSIX)
wchar_t *wcsdup(const wchar_t *__s) __pcc_malloc;
size_t wcsnlen(const wchar_t *__s, size_t __maxlen);
wchar_t *wcpcpy(wchar_t *__restrict __dest, const wchar_t *__restrict __src);
wchar_t *wcpncpy(wchar_t *__restrict __dest, const wchar_t *__restrict __src, size_t __n);
int wcscasecmp(const wchar_t *__s1, const wchar_t *__s2);
int wcsncasecmp(const wchar_t *__s1, const wchar_t *__s2, size_t __n);
int wcscasecmp_l(const wchar_t *__s1, const wchar_t *__s2, locale_t __l);
int wcsncasecmp_l(const wchar_t *__s1, const wchar_t *__s2, size_t __n, locale_t __l);
int wcscoll_l(const wchar_t *__s1, const wchar_t *__s2, locale_t __l);
size_t wcsxfrm_l(wchar_t *__restrict __s1, const wchar_t *__restrict __s2, size_t __n,
                 locale_t __l);
size_t mbsnrtowcs(wchar_t *__restrict __dst, const char **__restrict __src, size_t __nms,
                  size_t __len, mbstate_t *__restrict __ps);
size_t wcsnrtombs(char *__restrict __dst, const wchar_t **__restrict __src, size_t __nwc,
                  size_t __len, mbstate_t *__restrict __ps);
FILE *open_wmemstream(wchar_t **__bufloc, size_t *__sizeloc);
int wcwidth(wchar_t __c);
int wcswidth(const wchar_t *__s, size_t __n);
#endif

#endif
