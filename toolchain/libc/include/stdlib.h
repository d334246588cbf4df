/* stdlib.h -- C11 7.22, plus the POSIX and common BSD/GNU additions. */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <features.h>

#define __NEED_size_t
#define __NEED_wchar_t
#include <bits/alltypes.h>

#ifndef NULL
#define NULL ((void *)0)
#endif

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647
#define MB_CUR_MAX (__ctype_get_mb_cur_max())
size_t __ctype_get_mb_cur_max(void);

typedef struct { int quot; int rem; } div_t;
typedef struct { long quot; long rem; } ldiv_t;
typedef struct { long long quot; long long rem; } lldiv_t;

double atof(const char *__nptr);
int atoi(const char *__nptr);
long atol(const char *__nptr);
long long atoll(const char *__nptr);
double strtod(const char *__restrict __nptr, char **__restrict __endptr);
float strtof(const char *__restrict __nptr, char **__restrict __endptr);
long double strtold(const char *__restrict __nptr, char **__restrict __endptr);
long strtol(const char *__restrict __nptr, char **__restrict __endptr, int __base);
long long strtoll(const char *__restrict __nptr, char **__restrict __endptr, int __base);
unsigned long strtoul(const char *__restrict __nptr, char **__restrict __endptr,
                      int __base);
unsigned long long strtoull(const char *__restrict __nptr, char **__restrict __endptr,
                            int __base);

int rand(void);
void srand(unsigned int __seed);

void *aligned_alloc(size_t __alignment, size_t __size) __pcc_malloc;
void *calloc(size_t __nmemb, size_t __size) __pcc_malloc;
void free(void *__ptr);
void *malloc(size_t __size) __pcc_malloc;
void *realloc(void *__ptr, size_t __size);

__pcc_noreturn void abort(void);
int atexit(void (*__func)(void));
int at_quick_exit(void (*__func)(void));
__pcc_noreturn void exit(int __status);
__pcc_noreturn void _Exit(int __status);
__pcc_noreturn void quick_exit(int __status);
char *getenv(const char *__name);
int system(const char *__command);

void *bsearch(const void *__key, const void *__base, size_t __nmemb, size_t __size,
              int (*__compar)(const void *, const void *));
void qsort(void *__base, size_t __nmemb, size_t __size,
           int (*__compar)(const void *, const void *));

int abs(int __j) __pcc_const;
long labs(long __j) __pcc_const;
long long llabs(long long __j) __pcc_const;
div_t div(int __numer, int __denom) __pcc_const;
ldiv_t ldiv(long __numer, long __denom) __pcc_const;
lldiv_t lldiv(long long __numer, long long __denom) __pcc_const;

int mblen(const char *__s, size_t __n);
int mbtowc(wchar_t *__restrict __pwc, const char *__restrict __s, size_t __n);
int wctomb(char *__s, wchar_t __wchar);
size_t mbstowcs(wchar_t *__restrict __pwcs, const char *__restrict __s, size_t __n);
size_t wcstombs(char *__restrict __s, const wchar_t *__restrict __pwcs, size_t __n);

#if defined(__PCC_POSIX)
#define __NEED_locale_t
#include <bits/alltypes.h>
int posix_memalign(void **__memptr, size_t __alignment, size_t __size);
int setenv(const char *__name, const char *__value, int __overwrite);
int unsetenv(const char *__name);
int putenv(char *__string);
int mkstemp(char *__template);
char *mkdtemp(char *__template);
int rand_r(unsigned int *__seed);
char *realpath(const char *__restrict __path, char *__restrict __resolved);
long random(void);
void srandom(unsigned int __seed);
char *initstate(unsigned int __seed, char *__state, size_t __n);
char *setstate(char *__state);
double drand48(void);
double erand48(unsigned short __xsubi[3]);
long lrand48(void);
long nrand48(unsigned short __xsubi[3]);
long mrand48(void);
long jrand48(unsigned short __xsubi[3]);
void srand48(long __seedval);
unsigned short *seed48(unsigned short __seed16v[3]);
void lcong48(unsigned short __param[7]);
int posix_openpt(int __flags);
int grantpt(int __fd);
int unlockpt(int __fd);
char *ptsname(int __fd);
int getsubopt(char **__restrict __optionp, char *const *__restrict __tokens,
              char **__restrict __valuep);
long a64l(const char *__s);
char *l64a(long __n);
void setkey(const char *__key);
double strtod_l(const char *__restrict __nptr, char **__restrict __endptr, locale_t __l);
float strtof_l(const char *__restrict __nptr, char **__restrict __endptr, locale_t __l);
long double strtold_l(const char *__restrict __nptr, char **__restrict __endptr,
                      locale_t __l);
#include <bits/waitstatus.h>
#endif

#if defined(__PCC_MISC)
void *valloc(size_t __size) __pcc_malloc;
void *reallocarray(void *__ptr, size_t __nmemb, size_t __size);
void cfree(void *__ptr);
int mkostemp(char *__template, int __flags);
int mkstemps(char *__template, int __suffixlen);
int mkostemps(char *__template, int __suffixlen, int __flags);
char *mktemp(char *__template);
int clearenv(void);
int getloadavg(double __loadavg[], int __nelem);
char *ecvt(double __value, int __ndigit, int *__restrict __decpt, int *__restrict __sign);
char *fcvt(double __value, int __ndigit, int *__restrict __decpt, int *__restrict __sign);
char *gcvt(double __value, int __ndigit, char *__buf);
void qsort_r(void *__base, size_t __nmemb, size_t __size,
             int (*__compar)(const void *, const void *, void *), void *__arg);
#include <alloca.h>
#endif

#if defined(__PCC_GNU)
char *secure_getenv(const char *__name);
char *canonicalize_file_name(const char *__name);
int ptsname_r(int __fd, char *__buf, size_t __buflen);
int getpt(void);
#endif

#endif
