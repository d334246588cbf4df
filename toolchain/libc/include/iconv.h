/* iconv.h -- character set conversion. */
#ifndef _ICONV_H
#define _ICONV_H

#include <features.h>

#define __NEED_size_t
#include <bits/alltypes.h>

typedef void *iconv_t;

iconv_t iconv_open(const char *__tocode, const char *__fromcode);
size_t iconv(iconv_t __cd, char **__restrict __inbuf, size_t *__restrict __inbytesleft,
             char **__restrict __outbuf, size_t *__restrict __outbytesleft);
int iconv_close(iconv_t __cd);

#endif
