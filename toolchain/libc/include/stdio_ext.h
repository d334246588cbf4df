/* stdio_ext.h -- the Solaris/glibc stream inspection functions. */
#ifndef _STDIO_EXT_H
#define _STDIO_EXT_H

#include <stdio.h>

#define FSETLOCKING_QUERY 0
#define FSETLOCKING_INTERNAL 1
#define FSETLOCKING_BYCALLER 2

size_t __fbufsize(FILE *__fp);
size_t __fpending(FILE *__fp);
int __flbf(FILE *__fp);
int __freadable(FILE *__fp);
int __fwritable(FILE *__fp);
int __freading(FILE *__fp);
int __fwriting(FILE *__fp);
int __fsetlocking(FILE *__fp, int __type);
void _flushlbf(void);
void __fpurge(FILE *__fp);

#endif
