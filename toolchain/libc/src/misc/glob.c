/* glob, globfree -- path name expansion (POSIX.1-2008 glob(), XCU 2.13.3).
 *
 * The pattern is taken one '/'-separated component at a time: a component
 * without '*', '?' or '[' is appended as it is (its escapes removed); one
 * with them is matched by fnmatch against the entries of every directory
 * reached so far; the path keeps the pattern's own spelling ("./a.c",
 * "dir//x.c"), as glibc's does.  A leading '.' of a name is matched only by a
 * '.' in the pattern (FNM_PERIOD) unless GLOB_PERIOD ("." and ".." too).  A
 * pattern ending in '/' matches directories only; GLOB_MARK appends a '/' to
 * each directory even so ("dir//", glibc's answer).  Unreadable directories
 * go to errfunc (and GLOB_ERR stops); a name that is not a directory does not.
 * Matches are sorted with strcoll unless GLOB_NOSORT.  GLOB_BRACE,
 * GLOB_TILDE(_CHECK) and GLOB_ALTDIRFUNC are not supported: GLOB_NOSYS. */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct matches {
	char **paths;
	size_t count, capacity;
};

struct walk {
	int flags;
	int directories_only;           /* the pattern ends in '/' */
	int (*errfunc)(const char *, int);
	int error;                      /* GLOB_ABORTED or GLOB_NOSPACE, once set */
	struct matches found;
};

static int add(struct matches *m, const char *path, size_t length, int mark)
{
	char *copy;
	if (m->count == m->capacity) {
		size_t capacity = m->capacity ? 2 * m->capacity : 16;
		char **paths = realloc(m->paths, capacity * sizeof *paths);
		if (!paths)
			return -1;
		m->paths = paths;
		m->capacity = capacity;
	}
	copy = malloc(length + 2);
	if (!copy)
		return -1;
	memcpy(copy, path, length);
	if (mark)
		copy[length++] = '/';
	copy[length] = '\0';
	m->paths[m->count++] = copy;
	return 0;
}

static int has_magic(const char *s, size_t n, int flags)
{
	size_t i;
	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && !(flags & GLOB_NOESCAPE) && i + 1 < n)
			i++;
		else if (s[i] == '*' || s[i] == '?' || s[i] == '[')
			return 1;
	}
	return 0;
}

static int is_directory(const char *path)
{
	struct stat st;
	return stat(*path ? path : ".", &st) == 0 && S_ISDIR(st.st_mode);
}

/* Match `rest` of the pattern below `path` (length bytes, kept as the
 * pattern spelled it: "./a.c", "dir//x.c"). */
static void expand(struct walk *w, const char *path, size_t length, const char *rest)
{
	const char *component;
	size_t n, slashes = 0, k = 0, i;
	char *next;
	DIR *dir;
	struct dirent *entry;
	if (w->error)
		return;
	while (rest[slashes] == '/')
		slashes++;
	next = malloc(length + strlen(rest) + 256 + 2);
	if (!next) {
		w->error = GLOB_NOSPACE;
		return;
	}
	memcpy(next, path, length);
	memcpy(next + length, rest, slashes);
	length += slashes;
	next[length] = '\0';
	component = rest + slashes;
	if (!*component) {              /* the whole pattern is used up: a match */
		int directory = is_directory(next);
		if (!w->directories_only || directory)
			if (add(&w->found, next, length, (w->flags & GLOB_MARK) && directory))
				w->error = GLOB_NOSPACE;
		free(next);
		return;
	}
	n = strcspn(component, "/");
	rest = component + n;
	if (!has_magic(component, n, w->flags)) {
		struct stat st;
		for (i = 0; i < n; i++) {
			if (component[i] == '\\' && !(w->flags & GLOB_NOESCAPE) && i + 1 < n)
				i++;
			next[length + k++] = component[i];
		}
		next[length + k] = '\0';
		if (lstat(next, &st) == 0)
			expand(w, next, length + k, rest);
		free(next);
		return;
	}
	{
		char pattern[256];
		if (n >= sizeof pattern) {
			free(next);
			return;                 /* longer than any name: matches nothing */
		}
		memcpy(pattern, component, n);
		pattern[n] = '\0';
		dir = opendir(length ? next : ".");
		if (!dir) {
			if (errno != ENOTDIR && errno != ENOENT
			    && ((w->errfunc && w->errfunc(length ? next : ".", errno))
			        || (w->flags & GLOB_ERR)))
				w->error = GLOB_ABORTED;
			free(next);
			return;
		}
		while (!w->error && (entry = readdir(dir))) {
			int fnflags = (w->flags & GLOB_NOESCAPE) ? FNM_NOESCAPE : 0;
			size_t name_length = strlen(entry->d_name);
			if (!(w->flags & GLOB_PERIOD))
				fnflags |= FNM_PERIOD;
			if (fnmatch(pattern, entry->d_name, fnflags) != 0 || name_length > 255)
				continue;
			/* "." and ".." lead nowhere new: a wildcard directory component
			 * (GLOB_PERIOD) does not step into them. */
			if (*rest && pattern[0] != '.' && (!strcmp(entry->d_name, ".")
			                                   || !strcmp(entry->d_name, "..")))
				continue;
			memcpy(next + length, entry->d_name, name_length + 1);
			expand(w, next, length + name_length, rest);
		}
		closedir(dir);
	}
	free(next);
}

static int compare(const void *a, const void *b)
{
	return strcoll(*(char *const *)a, *(char *const *)b);
}

int glob(const char *restrict pattern, int flags, int (*errfunc)(const char *, int),
         glob_t *restrict pglob)
{
	struct walk w;
	size_t offs = (flags & GLOB_DOOFFS) ? pglob->gl_offs : 0, old = 0, i;
	char **paths;
	if (flags & (GLOB_BRACE | GLOB_TILDE | GLOB_TILDE_CHECK | GLOB_ALTDIRFUNC))
		return GLOB_NOSYS;
	if (!(flags & GLOB_APPEND)) {
		pglob->gl_pathc = 0;
		pglob->gl_pathv = 0;
	} else {
		old = pglob->gl_pathc;
	}
	memset(&w, 0, sizeof w);
	w.flags = flags;
	w.errfunc = errfunc;
	w.directories_only = *pattern && pattern[strlen(pattern) - 1] == '/';
	if (*pattern)                   /* nothing matches "" */
		expand(&w, "", 0, pattern);
	if (w.error == GLOB_NOSPACE)
		goto nospace;
	if (w.error == GLOB_ABORTED) {
		for (i = 0; i < w.found.count; i++)
			free(w.found.paths[i]);
		free(w.found.paths);
		return GLOB_ABORTED;
	}
	if (!w.found.count) {
		if (!(flags & GLOB_NOCHECK)
		    && !((flags & GLOB_NOMAGIC) && !has_magic(pattern, strlen(pattern), flags))) {
			free(w.found.paths);
			return GLOB_NOMATCH;
		}
		if (add(&w.found, pattern, strlen(pattern), 0))
			goto nospace;
	} else if (!(flags & GLOB_NOSORT)) {
		qsort(w.found.paths, w.found.count, sizeof *w.found.paths, compare);
	}
	paths = realloc(pglob->gl_pathv, (offs + old + w.found.count + 1) * sizeof *paths);
	if (!paths)
		goto nospace;
	if (!old)
		for (i = 0; i < offs; i++)
			paths[i] = 0;
	memcpy(paths + offs + old, w.found.paths, w.found.count * sizeof *paths);
	paths[offs + old + w.found.count] = 0;
	pglob->gl_pathv = paths;
	pglob->gl_pathc = old + w.found.count;
	pglob->gl_flags = flags | (has_magic(pattern, strlen(pattern), flags) ? GLOB_MAGCHAR : 0);
	free(w.found.paths);
	return 0;
nospace:
	for (i = 0; i < w.found.count; i++)
		free(w.found.paths[i]);
	free(w.found.paths);
	return GLOB_NOSPACE;
}

void globfree(glob_t *pglob)
{
	size_t offs = (pglob->gl_flags & GLOB_DOOFFS) ? pglob->gl_offs : 0, i;
	if (!pglob->gl_pathv)
		return;
	for (i = 0; i < pglob->gl_pathc; i++)
		free(pglob->gl_pathv[offs + i]);
	free(pglob->gl_pathv);
	pglob->gl_pathv = 0;
	pglob->gl_pathc = 0;
}
