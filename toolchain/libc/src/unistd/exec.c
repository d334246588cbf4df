/* execv, execvp, execl... -- built on execve and environ. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

int execvpe(const char *file, char *const argv[], char *const envp[])
{
	const char *path, *p;
	char buf[4096];
	size_t fl;
	int saw_eacces = 0;
	if (!*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return execve(file, argv, envp);
	path = getenv("PATH");
	if (!path)
		path = "/usr/local/bin:/bin:/usr/bin";
	fl = strlen(file);
	for (p = path;; p++) {
		const char *end = strchrnul(p, ':');
		size_t dl = (size_t)(end - p);
		if (dl + fl + 2 <= sizeof buf) {
			memcpy(buf, p, dl);
			buf[dl] = '/';
			memcpy(buf + dl + (dl ? 1 : 0), file, fl + 1);
			execve(buf, argv, envp);
			if (errno == EACCES)
				saw_eacces = 1;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;
		}
		p = end;
		if (!*p)
			break;
	}
	if (saw_eacces)
		errno = EACCES;
	return -1;
}

int execvp(const char *file, char *const argv[])
{
	return execvpe(file, argv, environ);
}

/* The list forms gather their arguments into an array on the stack. */
#define __MAX_EXEC_ARGS 1024

int execl(const char *path, const char *arg0, ...)
{
	char *argv[__MAX_EXEC_ARGS];
	va_list ap;
	int i = 0;
	argv[i++] = (char *)arg0;
	va_start(ap, arg0);
	while (arg0 && i < __MAX_EXEC_ARGS && (argv[i++] = va_arg(ap, char *)) != 0)
		;
	va_end(ap);
	return execve(path, argv, environ);
}

int execlp(const char *file, const char *arg0, ...)
{
	char *argv[__MAX_EXEC_ARGS];
	va_list ap;
	int i = 0;
	argv[i++] = (char *)arg0;
	va_start(ap, arg0);
	while (arg0 && i < __MAX_EXEC_ARGS && (argv[i++] = va_arg(ap, char *)) != 0)
		;
	va_end(ap);
	return execvp(file, argv);
}

int execle(const char *path, const char *arg0, ...)
{
	char *argv[__MAX_EXEC_ARGS];
	char **envp;
	va_list ap;
	int i = 0;
	argv[i++] = (char *)arg0;
	va_start(ap, arg0);
	while (arg0 && i < __MAX_EXEC_ARGS && (argv[i++] = va_arg(ap, char *)) != 0)
		;
	envp = va_arg(ap, char **);
	va_end(ap);
	return execve(path, argv, envp);
}
