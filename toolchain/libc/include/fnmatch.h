/* fnmatch.h -- shell-style file name matching. */
#ifndef _FNMATCH_H
#define _FNMATCH_H

#include <features.h>

#define FNM_NOESCAPE (1 << 1)           /* backslash is an ordinary character */
#define FNM_PATHNAME (1 << 0)           /* '/' only matches '/' */
#define FNM_PERIOD (1 << 2)             /* a leading '.' must be matched explicitly */
#if defined(__PCC_MISC)
#define FNM_FILE_NAME FNM_PATHNAME
#define FNM_LEADING_DIR (1 << 3)        /* a match may be followed by "/..." */
#define FNM_CASEFOLD (1 << 4)
#define FNM_EXTMATCH (1 << 5)           /* ksh's +(...) @(...) patterns */
#endif

#define FNM_NOMATCH 1

int fnmatch(const char *__pattern, const char *__name, int __flags);

#endif
