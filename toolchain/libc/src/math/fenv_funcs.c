/* fenv.h's functions (C11 7.6) over the arch's few primitives
 * (arch/<arch>/fenv.s: the exception flags, the rounding mode, the trap
 * enables, fegetenv and __fe_set_env).  Built only for targets that have
 * that file (build.py's ARCH_HELPERS).  The default environment: round to
 * nearest, no flags, no traps -- all zero on AArch64 and RISC-V; on x86 the
 * x87 control word 0x37f (every exception masked, extended precision), an
 * empty register stack (tag word 0xffff) and MXCSR 0x1f80, as glibc's. */
#include <fenv.h>

unsigned __fe_get_flags(void);
void __fe_set_flags(unsigned flags);
int __fe_get_round(void);
void __fe_set_round(int mode);
unsigned __fe_get_traps(void);
void __fe_set_traps(unsigned excepts);
void __fe_set_env(const fenv_t *env);

#if defined(__i386__) || defined(__x86_64__)
static const fenv_t default_env = {
	.__control_word = 0x37f, .__glibc_reserved1 = 0xffff, .__glibc_reserved2 = 0xffff,
	.__tags = 0xffff, .__glibc_reserved3 = 0xffff,
#if defined(__x86_64__)
	.__mxcsr = 0x1f80,
#endif
};
#else
static const fenv_t default_env;
#endif

int feclearexcept(int excepts)
{
	__fe_set_flags(__fe_get_flags() & ~(unsigned)(excepts & FE_ALL_EXCEPT));
	return 0;
}

/* Sets the flags; with traps enabled (AArch64 hardware that has them)
 * the next operation does not trap for them, as glibc's does not either
 * when it only writes the status register. */
int feraiseexcept(int excepts)
{
	__fe_set_flags(__fe_get_flags() | (unsigned)(excepts & FE_ALL_EXCEPT));
	return 0;
}

int fetestexcept(int excepts)
{
	return (int)__fe_get_flags() & excepts & FE_ALL_EXCEPT;
}

int fegetexceptflag(fexcept_t *flagp, int excepts)
{
	*flagp = (fexcept_t)(__fe_get_flags() & (unsigned)(excepts & FE_ALL_EXCEPT));
	return 0;
}

int fesetexceptflag(const fexcept_t *flagp, int excepts)
{
	unsigned mask = (unsigned)(excepts & FE_ALL_EXCEPT);
	__fe_set_flags((__fe_get_flags() & ~mask) | (*flagp & mask));
	return 0;
}

int fegetround(void)
{
	return __fe_get_round();
}

int fesetround(int round)
{
	if (round != FE_TONEAREST && round != FE_UPWARD && round != FE_DOWNWARD &&
	    round != FE_TOWARDZERO)
		return -1;
	__fe_set_round(round);
	return 0;
}

int fesetenv(const fenv_t *envp)
{
	__fe_set_env(envp == FE_DFL_ENV ? &default_env : envp);
	return 0;
}

/* Save the environment, clear the flags, and stop trapping. */
int feholdexcept(fenv_t *envp)
{
	fegetenv(envp);
	__fe_set_flags(0);
	__fe_set_traps(0);
	return 0;
}

/* Install *envp, then raise again the exceptions that were raised. */
int feupdateenv(const fenv_t *envp)
{
	unsigned raised = __fe_get_flags();
	fesetenv(envp);
	feraiseexcept((int)raised);
	return 0;
}

/* GNU: the previously enabled traps, or -1 if the hardware refuses. */
int feenableexcept(int excepts)
{
	unsigned old = __fe_get_traps();
	unsigned want = old | (unsigned)(excepts & FE_ALL_EXCEPT);
	__fe_set_traps(want);
	return __fe_get_traps() == want ? (int)old : -1;
}

int fedisableexcept(int excepts)
{
	unsigned old = __fe_get_traps();
	__fe_set_traps(old & ~(unsigned)(excepts & FE_ALL_EXCEPT));
	return (int)old;
}

int fegetexcept(void)
{
	return (int)__fe_get_traps();
}
