/* abort -- C11 7.22.4.1: raise SIGABRT; if it is caught and the handler
 * returns, or it is ignored, restore the default action and raise again. */
#include <signal.h>
#include <stdlib.h>
#include "../internal/libc.h"

void abort(void)
{
	struct sigaction sa;
	sigset_t set;
	raise(SIGABRT);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = SIG_DFL;
	sa.sa_flags = 0;
	sigaction(SIGABRT, &sa, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, 0);
	raise(SIGABRT);
	for (;;)
		_Exit(127);
}
