/* sigset_t operations: one bit per signal, signal n is bit n-1. */
#include <errno.h>
#include <signal.h>
#include <string.h>

static int bad(int sig)
{
	if (sig < 1 || sig >= _NSIG) {
		errno = EINVAL;
		return 1;
	}
	return 0;
}

int sigemptyset(sigset_t *s) { memset(s, 0, sizeof *s); return 0; }
int sigfillset(sigset_t *s) { memset(s, 0xff, sizeof *s); return 0; }

int sigaddset(sigset_t *s, int sig)
{
	if (bad(sig))
		return -1;
	((unsigned char *)s)[(sig - 1) / 8] |= (unsigned char)(1u << ((sig - 1) % 8));
	return 0;
}

int sigdelset(sigset_t *s, int sig)
{
	if (bad(sig))
		return -1;
	((unsigned char *)s)[(sig - 1) / 8] &= (unsigned char)~(1u << ((sig - 1) % 8));
	return 0;
}

int sigismember(const sigset_t *s, int sig)
{
	if (bad(sig))
		return -1;
	return (((const unsigned char *)s)[(sig - 1) / 8] >> ((sig - 1) % 8)) & 1;
}

int sigisemptyset(const sigset_t *s)
{
	size_t i;
	for (i = 0; i < sizeof *s; i++)
		if (((const unsigned char *)s)[i])
			return 0;
	return 1;
}

int sigorset(sigset_t *d, const sigset_t *a, const sigset_t *b)
{
	size_t i;
	for (i = 0; i < sizeof *d; i++)
		((unsigned char *)d)[i] = ((const unsigned char *)a)[i] | ((const unsigned char *)b)[i];
	return 0;
}

int sigandset(sigset_t *d, const sigset_t *a, const sigset_t *b)
{
	size_t i;
	for (i = 0; i < sizeof *d; i++)
		((unsigned char *)d)[i] = ((const unsigned char *)a)[i] & ((const unsigned char *)b)[i];
	return 0;
}
