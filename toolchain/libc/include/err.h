/* err.h -- BSD error messages: "program: message: strerror(errno)" on stderr. */
#ifndef _ERR_H
#define _ERR_H

#include <features.h>

#define __NEED___gnuc_va_list
#include <bits/alltypes.h>

void warn(const char *__format, ...) __pcc_format(__printf__, 1, 2);
void vwarn(const char *__format, __gnuc_va_list __ap) __pcc_format(__printf__, 1, 0);
void warnx(const char *__format, ...) __pcc_format(__printf__, 1, 2);
void vwarnx(const char *__format, __gnuc_va_list __ap) __pcc_format(__printf__, 1, 0);
__pcc_noreturn void err(int __status, const char *__format, ...)
	__pcc_format(__printf__, 2, 3);
__pcc_noreturn void verr(int __status, const char *__format, __gnuc_va_list __ap)
	__pcc_format(__printf__, 2, 0);
__pcc_noreturn void errx(int __status, const char *__format, ...)
	__pcc_format(__printf__, 2, 3);
__pcc_noreturn void verrx(int __status, const char *__format, __gnuc_va_list __ap)
	__pcc_format(__printf__, 2, 0);

#endif
