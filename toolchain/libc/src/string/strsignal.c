#include <signal.h>
#include <string.h>

static const char *const sig_names[65] = {
	[0] = "Unknown signal 0",
	[SIGHUP] = "Hangup", [SIGINT] = "Interrupt", [SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction", [SIGTRAP] = "Trace/breakpoint trap",
	[SIGABRT] = "Aborted", [SIGBUS] = "Bus error",
	[SIGFPE] = "Floating point exception", [SIGKILL] = "Killed",
	[SIGUSR1] = "User defined signal 1", [SIGSEGV] = "Segmentation fault",
	[SIGUSR2] = "User defined signal 2", [SIGPIPE] = "Broken pipe",
	[SIGALRM] = "Alarm clock", [SIGTERM] = "Terminated",
	[SIGSTKFLT] = "Stack fault", [SIGCHLD] = "Child exited",
	[SIGCONT] = "Continued", [SIGSTOP] = "Stopped (signal)",
	[SIGTSTP] = "Stopped", [SIGTTIN] = "Stopped (tty input)",
	[SIGTTOU] = "Stopped (tty output)", [SIGURG] = "Urgent I/O condition",
	[SIGXCPU] = "CPU time limit exceeded", [SIGXFSZ] = "File size limit exceeded",
	[SIGVTALRM] = "Virtual timer expired", [SIGPROF] = "Profiling timer expired",
	[SIGWINCH] = "Window changed", [SIGIO] = "I/O possible",
	[SIGPWR] = "Power failure", [SIGSYS] = "Bad system call",
};

char *strsignal(int sig)
{
	static char buf[32];
	const char *p = "Unknown signal ";
	char *d = buf;
	unsigned u;
	char digits[12];
	int k = 0;
	if (sig > 0 && sig < 65 && sig_names[sig])
		return (char *)sig_names[sig];
	if (sig >= 34 && sig <= 64) {
		p = "Real-time signal ";
		sig -= 34;
	}
	while (*p)
		*d++ = *p++;
	u = sig < 0 ? -(unsigned)sig : (unsigned)sig;
	do digits[k++] = (char)('0' + u % 10); while ((u /= 10) != 0);
	if (sig < 0)
		*d++ = '-';
	while (k)
		*d++ = digits[--k];
	*d = 0;
	return buf;
}
