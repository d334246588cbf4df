/* regex.h -- POSIX regular expressions.  regex_t is opaque apart from
 * re_nsub, and sized and aligned like glibc's. */
#ifndef _REGEX_H
#define _REGEX_H

#include <features.h>

#define __NEED_size_t
#include <bits/alltypes.h>

typedef int regoff_t;

typedef struct re_pattern_buffer {
	void *__buffer;
	unsigned long __allocated;
	unsigned long __used;
	unsigned long __syntax;
	char *__fastmap;
	unsigned char *__translate;
	size_t re_nsub;                 /* parenthesised subexpressions */
	unsigned int __flags;
} regex_t;

typedef struct {
	regoff_t rm_so;                 /* -1: the subexpression did not match */
	regoff_t rm_eo;
} regmatch_t;

/* regcomp() flags */
#define REG_EXTENDED 1
#define REG_ICASE (1 << 1)
#define REG_NEWLINE (1 << 2)
#define REG_NOSUB (1 << 3)

/* regexec() flags */
#define REG_NOTBOL 1
#define REG_NOTEOL (1 << 1)
#define REG_STARTEND (1 << 2)

/* Error codes. */
typedef enum {
	REG_ENOSYS = -1,
	REG_NOERROR = 0,
	REG_NOMATCH,
	REG_BADPAT,
	REG_ECOLLATE,
	REG_ECTYPE,
	REG_EESCAPE,
	REG_ESUBREG,
	REG_EBRACK,
	REG_EPAREN,
	REG_EBRACE,
	REG_BADBR,
	REG_ERANGE,
	REG_ESPACE,
	REG_BADRPT,
	REG_EEND,
	REG_ESIZE,
	REG_ERPAREN
} reg_errcode_t;

int regcomp(regex_t *__restrict __preg, const char *__restrict __pattern, int __cflags);
int regexec(const regex_t *__restrict __preg, const char *__restrict __string, size_t __nmatch,
            regmatch_t __pmatch[__restrict], int __eflags);
size_t regerror(int __errcode, const regex_t *__restrict __preg, char *__restrict __errbuf,
                size_t __errbuf_size);
void regfree(regex_t *__preg);

#endif
