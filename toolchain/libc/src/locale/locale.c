/* locale.h -- only the "C" (alias "POSIX", or "") locale exists. */
#include <limits.h>
#include <locale.h>
#include <string.h>

static struct lconv c_lconv = {
	".", "", "", "", "", "", "", "", "", "",
	CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX,
	CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX,
};

char *setlocale(int category, const char *name)
{
	(void)category;
	if (!name || !*name || !strcmp(name, "C") || !strcmp(name, "POSIX")
	    || !strcmp(name, "C.UTF-8"))
		return "C";
	return 0;
}

struct lconv *localeconv(void)
{
	return &c_lconv;
}

/* One locale object stands for every locale_t. */
static int c_locale_object;

locale_t newlocale(int mask, const char *name, locale_t base)
{
	(void)mask, (void)base;
	return setlocale(0, name) ? (locale_t)&c_locale_object : 0;
}

locale_t duplocale(locale_t l) { return l; }
void freelocale(locale_t l) { (void)l; }
locale_t uselocale(locale_t l) { (void)l; return (locale_t)&c_locale_object; }
