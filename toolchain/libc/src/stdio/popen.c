/* popen and pclose: a stream on a pipe to or from "/bin/sh -c command".
 * POSIX: the child closes the streams of earlier popen calls still open;
 * pclose waits for the child and returns its wait status. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "../internal/stdio_impl.h"

struct pipe_stream {
	FILE *file;
	struct pipe_stream *next;
};

static struct pipe_stream *pipe_streams;        /* open popen streams */

FILE *popen(const char *command, const char *mode)
{
	int fds[2], oflags;
	unsigned flags = __mode_flags(mode, &oflags);
	int reading = mode[0] == 'r';
	if (!flags || (mode[0] != 'r' && mode[0] != 'w') || (flags & F_READ && flags & F_WRITE)) {
		errno = EINVAL;
		return NULL;
	}
	struct pipe_stream *node = malloc(sizeof *node);
	if (!node)
		return NULL;
	if (pipe2(fds, O_CLOEXEC) < 0) {
		free(node);
		return NULL;
	}
	/* The parent keeps fds[0] to read the child's output, fds[1] to write its input. */
	int mine = reading ? fds[0] : fds[1], theirs = reading ? fds[1] : fds[0];
	pid_t pid = fork();
	if (pid == 0) {
		for (struct pipe_stream *p = pipe_streams; p; p = p->next)
			close(p->file->fd);
		int target = reading ? 1 : 0;
		if (theirs == target)
			fcntl(theirs, F_SETFD, 0);      /* keep it across exec */
		else
			dup2(theirs, target);           /* the copy has no FD_CLOEXEC */
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(theirs);
	if (pid < 0) {
		close(mine);
		free(node);
		return NULL;
	}
	if (!(oflags & O_CLOEXEC))
		fcntl(mine, F_SETFD, 0);
	FILE *f = __new_file(mine, flags);
	if (!f) {
		close(mine);
		free(node);
		waitpid(pid, NULL, 0);
		return NULL;
	}
	f->pid = pid;
	node->file = f;
	node->next = pipe_streams;
	pipe_streams = node;
	return f;
}

int pclose(FILE *f)
{
	struct pipe_stream **link = &pipe_streams;
	while (*link && (*link)->file != f)
		link = &(*link)->next;
	if (!*link) {
		errno = ECHILD;
		return -1;
	}
	struct pipe_stream *node = *link;
	*link = node->next;
	free(node);
	pid_t pid = f->pid;
	fclose(f);
	int status;
	pid_t r;
	while ((r = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
		;
	return r < 0 ? -1 : status;
}
