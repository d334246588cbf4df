/* longjmp, siglongjmp and sigsetjmp's C half (the registers are the
 * arch's setjmp.s): the signal mask is saved when sigsetjmp asks and
 * restored by both longjmps when it was saved. */
#include <setjmp.h>
#include <signal.h>

void __longjmp_regs(jmp_buf env, int val);

int __sigsetjmp_tail(sigjmp_buf env, int save)
{
	env->__mask_was_saved = save != 0;
	if (save)
		sigprocmask(SIG_BLOCK, 0, &env->__saved_mask);
	return 0;
}

void longjmp(jmp_buf env, int val)
{
	if (env->__mask_was_saved)
		sigprocmask(SIG_SETMASK, &env->__saved_mask, 0);
	__longjmp_regs(env, val);
	for (;;)
		;
}

void siglongjmp(sigjmp_buf env, int val)
{
	longjmp(env, val);
}
