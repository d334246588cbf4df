/* Leaving a real-mode program: the status byte is written to I/O port 0xF4,
 * QEMU's isa-debug-exit device (-device isa-debug-exit,iobase=0xf4,iosize=1;
 * QEMU then exits with status*2+1), and the CPU halts with interrupts off.
 * exit runs the atexit handlers (up to 32) first; abort exits with 134, the
 * status a shell reports for SIGABRT. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define EXIT_PORT 0xF4
#define MAX_HANDLERS 32

static void (*handlers[MAX_HANDLERS])(void);
static int handler_count;

_Noreturn void _Exit(int status)
{
	__asm__ volatile("outb %0, %1" : : "a"((unsigned char)status),
			 "Nd"((unsigned short)EXIT_PORT));
	for (;;)
		__asm__ volatile("cli; hlt");
}

_Noreturn void _exit(int status)
{
	_Exit(status);
}

int atexit(void (*fn)(void))
{
	if (handler_count == MAX_HANDLERS)
		return -1;
	handlers[handler_count++] = fn;
	return 0;
}

_Noreturn void exit(int status)
{
	while (handler_count > 0)
		handlers[--handler_count]();
	_Exit(status);
}

_Noreturn void abort(void)
{
	_Exit(134);
}

void __assert_fail(const char *expr, const char *file, unsigned line, const char *func)
{
	printf("%s:%u: %s: Assertion `%s' failed.\n", file, line, func, expr);
	abort();
}
