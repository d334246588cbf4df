/* fnmatch -- shell-style pattern matching (POSIX.1-2008, XCU 2.13), with
 * the GNU flags FNM_LEADING_DIR and FNM_CASEFOLD.
 *
 * '*' matches any string, '?' any one character, "[...]" one character of a
 * bracket expression (ranges, "[:class:]", "[=c=]", "[.c.]", '!' or '^' to
 * negate); '\' quotes the next character unless FNM_NOESCAPE.  FNM_PATHNAME:
 * a '/' is matched only by a '/' in the pattern.  FNM_PERIOD: a leading '.'
 * (of the string, or of a path component under FNM_PATHNAME) is matched only
 * by a '.' in the pattern.  A '[' without its ']' is an ordinary character;
 * a pattern ending in an escaping '\' matches nothing; FNM_CASEFOLD folds
 * characters and ranges but not "[:class:]" (as glibc does). */
#include <ctype.h>
#include <fnmatch.h>
#include <string.h>

static int fold(int c, int flags)
{
	return (flags & FNM_CASEFOLD) ? tolower(c) : c;
}

static int leading_period(const char *s, const char *start, int flags)
{
	return (flags & FNM_PERIOD) && *s == '.'
	       && (s == start || ((flags & FNM_PATHNAME) && s[-1] == '/'));
}

static int in_class(const char *name, size_t length, int c)
{
	static const struct { const char *name; int (*test)(int); } classes[] = {
		{"alnum", isalnum}, {"alpha", isalpha}, {"blank", isblank}, {"cntrl", iscntrl},
		{"digit", isdigit}, {"graph", isgraph}, {"lower", islower}, {"print", isprint},
		{"punct", ispunct}, {"space", isspace}, {"upper", isupper}, {"xdigit", isxdigit},
	};
	size_t i;
	for (i = 0; i < sizeof classes / sizeof classes[0]; i++)
		if (strlen(classes[i].name) == length && !memcmp(classes[i].name, name, length))
			return classes[i].test(c) != 0;
	return -1;
}

/* One element's character at *pp (a quoted one, or "[.c.]"/"[=c=]"); -1 at the
 * end of the pattern. */
static int element(const char **pp, int flags)
{
	const char *p = *pp;
	if (*p == '\\' && !(flags & FNM_NOESCAPE) && p[1]) {
		*pp = p + 2;
		return (unsigned char)p[1];
	}
	if (*p == '[' && (p[1] == '.' || p[1] == '=') && p[2] && p[3] == p[1] && p[4] == ']') {
		*pp = p + 5;
		return (unsigned char)p[2];
	}
	if (!*p)
		return -1;
	*pp = p + 1;
	return (unsigned char)*p;
}

/* Does the bracket expression after '[' at *pp match c?  1 or 0, and *pp
 * moves past its ']'; -1 when there is no ']' (the '[' is literal). */
static int bracket(const char **pp, int c, int flags)
{
	const char *p = *pp;
	int negate = 0, matched = 0, first = 1;
	if (*p == '!' || *p == '^') {
		negate = 1;
		p++;
	}
	for (;;) {
		int low, high;
		if (*p == ']' && !first)
			break;
		first = 0;
		if (p[0] == '[' && p[1] == ':') {
			const char *end = strstr(p + 2, ":]");
			int r;
			if (!end)
				return -1;
			r = in_class(p + 2, (size_t)(end - p - 2), c);   /* never case-folded */
			if (r < 0)
				return -1;
			matched |= r;
			p = end + 2;
			continue;
		}
		low = element(&p, flags);
		if (low < 0)
			return -1;
		high = low;
		if (*p == '-' && p[1] && p[1] != ']') {
			p++;
			high = element(&p, flags);
			if (high < 0)
				return -1;
		}
		if (flags & FNM_CASEFOLD) {
			if ((low <= tolower(c) && tolower(c) <= high)
			    || (low <= toupper(c) && toupper(c) <= high))
				matched = 1;
		} else if (low <= c && c <= high) {
			matched = 1;
		}
	}
	*pp = p + 1;
	return matched != negate;
}

static int match(const char *p, const char *s, const char *start, int flags)
{
	for (;;) {
		int c = (unsigned char)*p++;
		const char *t;
		int r;
		switch (c) {
		case '\0':
			if (!*s || ((flags & FNM_LEADING_DIR) && *s == '/'))
				return 0;
			return FNM_NOMATCH;
		case '?':
			if (!*s || (*s == '/' && (flags & FNM_PATHNAME)) || leading_period(s, start, flags))
				return FNM_NOMATCH;
			s++;
			break;
		case '*':
			if (leading_period(s, start, flags))
				return FNM_NOMATCH;
			while (*p == '*')
				p++;
			if (!*p) {
				if (!(flags & FNM_PATHNAME) || (flags & FNM_LEADING_DIR) || !strchr(s, '/'))
					return 0;
				return FNM_NOMATCH;
			}
			for (t = s;; t++) {
				if (match(p, t, start, flags) == 0)
					return 0;
				if (!*t || (*t == '/' && (flags & FNM_PATHNAME)))
					return FNM_NOMATCH;
			}
		case '[':
			if (!*s || (*s == '/' && (flags & FNM_PATHNAME)) || leading_period(s, start, flags))
				return FNM_NOMATCH;
			t = p;
			r = bracket(&t, (unsigned char)*s, flags);
			if (r < 0) {            /* no ']': an ordinary '[' */
				if (*s != '[')
					return FNM_NOMATCH;
			} else if (!r) {
				return FNM_NOMATCH;
			} else {
				p = t;
			}
			s++;
			break;
		case '\\':
			if (!(flags & FNM_NOESCAPE)) {
				if (!*p)        /* a pattern may not end in an escape */
					return FNM_NOMATCH;
				c = (unsigned char)*p++;
			}
			/* fall through */
		default:
			if (fold(c, flags) != fold((unsigned char)*s, flags))
				return FNM_NOMATCH;
			s++;
			break;
		}
	}
}

int fnmatch(const char *pattern, const char *string, int flags)
{
	return match(pattern, string, string, flags);
}
