/* basename -- GNU (string.h): the part after the last '/', never modifying
 * the argument; __xpg_basename -- POSIX (libgen.h): trailing slashes go. */
#include <string.h>

char *basename(const char *path)
{
	const char *s = strrchr(path, '/');
	return (char *)(s ? s + 1 : path);
}

char *__xpg_basename(char *s)
{
	size_t i;
	if (!s || !*s)
		return ".";
	i = strlen(s) - 1;
	for (; i && s[i] == '/'; i--)
		s[i] = 0;
	for (; i && s[i - 1] != '/'; i--)
		;
	return s + i;
}

char *dirname(char *s)
{
	size_t i;
	if (!s || !*s)
		return ".";
	i = strlen(s) - 1;
	for (; s[i] == '/'; i--)
		if (!i)
			return "/";
	for (; s[i] != '/'; i--)
		if (!i)
			return ".";
	for (; s[i] == '/'; i--)
		if (!i)
			return "/";
	s[i + 1] = 0;
	return s;
}
