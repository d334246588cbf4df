/* ctype.h -- C11 7.4 (C locale; locale_t variants for POSIX). */
#ifndef _CTYPE_H
#define _CTYPE_H

#include <features.h>

int isalnum(int __c);
int isalpha(int __c);
int isblank(int __c);
int iscntrl(int __c);
int isdigit(int __c);
int isgraph(int __c);
int islower(int __c);
int isprint(int __c);
int ispunct(int __c);
int isspace(int __c);
int isupper(int __c);
int isxdigit(int __c);
int tolower(int __c);
int toupper(int __c);

#if defined(__PCC_POSIX)
#define __NEED_locale_t
#include <bits/alltypes.h>
int isalnum_l(int __c, locale_t __l);
int isalpha_l(int __c, locale_t __l);
int isblank_l(int __c, locale_t __l);
int iscntrl_l(int __c, locale_t __l);
int isdigit_l(int __c, locale_t __l);
int isgraph_l(int __c, locale_t __l);
int islower_l(int __c, locale_t __l);
int isprint_l(int __c, locale_t __l);
int ispunct_l(int __c, locale_t __l);
int isspace_l(int __c, locale_t __l);
int isupper_l(int __c, locale_t __l);
int isxdigit_l(int __c, locale_t __l);
int tolower_l(int __c, locale_t __l);
int toupper_l(int __c, locale_t __l);
int isascii(int __c);
int toascii(int __c);
#define _tolower(c) tolower(c)
#define _toupper(c) toupper(c)
#endif

#endif
