/* system -- C11 7.22.4.8 with POSIX semantics: /bin/sh -c, SIGCHLD
 * blocked and SIGINT/SIGQUIT ignored while waiting. */
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int system(const char *cmd)
{
	pid_t pid;
	int status;
	struct sigaction ignore, old_int, old_quit;
	sigset_t block, old_mask;
	if (!cmd)
		return 1;
	ignore.sa_handler = SIG_IGN;
	ignore.sa_flags = 0;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &old_mask);
	pid = fork();
	if (pid == 0) {
		char *argv[4];
		argv[0] = "sh", argv[1] = "-c", argv[2] = (char *)cmd, argv[3] = 0;
		sigaction(SIGINT, &old_int, 0);
		sigaction(SIGQUIT, &old_quit, 0);
		sigprocmask(SIG_SETMASK, &old_mask, 0);
		execve("/bin/sh", argv, environ);
		_exit(127);
	}
	status = -1;
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0)
			;
	sigaction(SIGINT, &old_int, 0);
	sigaction(SIGQUIT, &old_quit, 0);
	sigprocmask(SIG_SETMASK, &old_mask, 0);
	return status;
}
