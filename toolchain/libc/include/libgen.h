/* libgen.h -- POSIX dirname and basename (the POSIX basename, which may
 * modify its argument, is __xpg_basename as in glibc; string.h's GNU
 * basename keeps the name when libgen.h is not included). */
#ifndef _LIBGEN_H
#define _LIBGEN_H

char *dirname(char *__path);
char *__xpg_basename(char *__path);
#define basename __xpg_basename

#endif
