/* wctype.h -- C11 7.30 */
#ifndef _WCTYPE_H
#define _WCTYPE_H

#include <features.h>

#define __NEED_wint_t
#define __NEED_wctype_t
#if defined(__PCC_POSIX)
#define __NEED_locale_t
#endif
#include <bits/alltypes.h>

typedef const int *wctrans_t;

#ifndef WEOF
#define WEOF ((wint_t)-1)
#endif

int iswalnum(wint_t __wc);
int iswalpha(wint_t __wc);
int iswblank(wint_t __wc);
int iswcntrl(wint_t __wc);
int iswdigit(wint_t __wc);
int iswgraph(wint_t __wc);
int iswlower(wint_t __wc);
int iswprint(wint_t __wc);
int iswpunct(wint_t __wc);
int iswspace(wint_t __wc);
int iswupper(wint_t __wc);
int iswxdigit(wint_t __wc);
int iswctype(wint_t __wc, wctype_t __desc);
wctype_t wctype(const char *__property);
wint_t towlower(wint_t __wc);
wint_t towupper(wint_t __wc);
wint_t towctrans(wint_t __wc, wctrans_t __desc);
wctrans_t wctrans(const char *__property);

#if defined(__PCC_POSIX)
int iswalnum_l(wint_t __wc, locale_t __l);
int iswalpha_l(wint_t __wc, locale_t __l);
int iswblank_l(wint_t __wc, locale_t __l);
int iswcntrl_l(wint_t __wc, locale_t __l);
int iswdigit_l(wint_t __wc, locale_t __l);
int iswgraph_l(wint_t __wc, locale_t __l);
int iswlower_l(wint_t __wc, locale_t __l);
int iswprint_l(wint_t __wc, locale_t __l);
int iswpunct_l(wint_t __wc, locale_t __l);
int iswspace_l(wint_t __wc, locale_t __l);
int iswupper_l(wint_t __wc, locale_t __l);
int iswxdigit_l(wint_t __wc, locale_t __l);
int iswctype_l(wint_t __wc, wctype_t __desc, locale_t __l);
wctype_t wctype_l(const char *__property, locale_t __l);
wint_t towlower_l(wint_t __wc, locale_t __l);
wint_t towupper_l(wint_t __wc, locale_t __l);
wint_t towctrans_l(wint_t __wc, wctrans_t __desc, locale_t __l);
wctrans_t wctrans_l(const char *__property, locale_t __l);
#endif

#endif
