/* getenv, setenv, unsetenv, putenv, clearenv -- the environment is
 * environ[]; entries we add are malloc'd, and the array is copied to the
 * heap the first time it must grow. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;
static char **owned;                    /* environ, when it is ours */

static size_t name_length(const char *s)
{
	return strchrnul(s, '=') - s;
}

char *getenv(const char *name)
{
	size_t n = strlen(name);
	char **e;
	if (!environ || strchr(name, '='))
		return 0;
	for (e = environ; *e; e++)
		if (!strncmp(*e, name, n) && (*e)[n] == '=')
			return *e + n + 1;
	return 0;
}

char *secure_getenv(const char *name)
{
	return getenv(name);
}

static int put(char *entry)
{
	size_t n = name_length(entry), count = 0;
	char **e, **grown;
	if (environ)
		for (e = environ; *e; e++, count++)
			if (!strncmp(*e, entry, n) && (*e)[n] == '=') {
				*e = entry;
				return 0;
			}
	grown = malloc((count + 2) * sizeof *grown);
	if (!grown) {
		errno = ENOMEM;
		return -1;
	}
	if (count)
		memcpy(grown, environ, count * sizeof *grown);
	grown[count] = entry;
	grown[count + 1] = 0;
	if (owned)
		free(owned);
	environ = owned = grown;
	return 0;
}

int putenv(char *s)
{
	if (!strchr(s, '='))
		return unsetenv(s);
	return put(s);
}

int setenv(const char *name, const char *value, int overwrite)
{
	size_t n, v;
	char *entry;
	if (!name || !*name || strchr(name, '=')) {
		errno = EINVAL;
		return -1;
	}
	if (!overwrite && getenv(name))
		return 0;
	n = strlen(name);
	v = strlen(value);
	entry = malloc(n + v + 2);
	if (!entry) {
		errno = ENOMEM;
		return -1;
	}
	memcpy(entry, name, n);
	entry[n] = '=';
	memcpy(entry + n + 1, value, v + 1);
	return put(entry);
}

int unsetenv(const char *name)
{
	size_t n;
	char **e, **d;
	if (!name || !*name || strchr(name, '=')) {
		errno = EINVAL;
		return -1;
	}
	n = strlen(name);
	if (!environ)
		return 0;
	for (e = d = environ; *e; e++)
		if (!(!strncmp(*e, name, n) && (*e)[n] == '='))
			*d++ = *e;
	*d = 0;
	return 0;
}

int clearenv(void)
{
	if (owned)
		free(owned);
	owned = 0;
	environ = 0;
	return 0;
}
