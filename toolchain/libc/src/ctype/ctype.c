/* ctype.h -- C11 7.4 for the C locale: ASCII classes, tests done by range
 * (no table, so every target and character signedness agrees).  EOF and
 * bytes 128..255 belong to no class. */
#include <ctype.h>

int isdigit(int c) { return (unsigned)c - '0' < 10; }
int islower(int c) { return (unsigned)c - 'a' < 26; }
int isupper(int c) { return (unsigned)c - 'A' < 26; }
int isalpha(int c) { return islower(c) || isupper(c); }
int isalnum(int c) { return isalpha(c) || isdigit(c); }
int isblank(int c) { return c == ' ' || c == '\t'; }
int iscntrl(int c) { return (unsigned)c < 32 || c == 127; }
int isgraph(int c) { return (unsigned)c - 33 < 94; }
int isprint(int c) { return (unsigned)c - 32 < 95; }
int ispunct(int c) { return isgraph(c) && !isalnum(c); }
int isspace(int c) { return c == ' ' || (unsigned)c - '\t' < 5; }
int isxdigit(int c) { return isdigit(c) || (unsigned)(c | 32) - 'a' < 6; }
int tolower(int c) { return isupper(c) ? c | 32 : c; }
int toupper(int c) { return islower(c) ? c & 0x5f : c; }
int isascii(int c) { return !(c & ~0x7f); }
int toascii(int c) { return c & 0x7f; }

int isalnum_l(int c, locale_t l) { (void)l; return isalnum(c); }
int isalpha_l(int c, locale_t l) { (void)l; return isalpha(c); }
int isblank_l(int c, locale_t l) { (void)l; return isblank(c); }
int iscntrl_l(int c, locale_t l) { (void)l; return iscntrl(c); }
int isdigit_l(int c, locale_t l) { (void)l; return isdigit(c); }
int isgraph_l(int c, locale_t l) { (void)l; return isgraph(c); }
int islower_l(int c, locale_t l) { (void)l; return islower(c); }
int isprint_l(int c, locale_t l) { (void)l; return isprint(c); }
int ispunct_l(int c, locale_t l) { (void)l; return ispunct(c); }
int isspace_l(int c, locale_t l) { (void)l; return isspace(c); }
int isupper_l(int c, locale_t l) { (void)l; return isupper(c); }
int isxdigit_l(int c, locale_t l) { (void)l; return isxdigit(c); }
int tolower_l(int c, locale_t l) { (void)l; return tolower(c); }
int toupper_l(int c, locale_t l) { (void)l; return toupper(c); }
