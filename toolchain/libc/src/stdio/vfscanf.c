/* __scanf_core and the scanf family -- C11 7.21.6.2 (with %n$ positions,
 * glibc's %m allocation modifier for %s %c %[).
 *
 * Input is read one byte at a time with fgetc and at most one byte is
 * pushed back with ungetc.  Numbers are gathered into a small buffer
 * (the longest prefix that still fits their syntax, bounded by the field
 * width) and converted with strtoull/strtoll/strtod, so scanf and strto*
 * agree exactly. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "../internal/stdio_impl.h"

enum { L_NONE, L_HH, L_H, L_L, L_LL, L_BIGL, L_J, L_Z, L_T };

struct in {
	FILE *f;
	long long count;        /* bytes consumed, for %n */
	int eof;
};

static int get(struct in *in)
{
	int c = fgetc(in->f);
	if (c == EOF)
		in->eof = 1;
	else
		in->count++;
	return c;
}

static void unget(struct in *in, int c)
{
	if (c != EOF) {
		ungetc(c, in->f);
		in->count--;
	}
}

static void *positional_arg(va_list ap_start, int n)
{
	va_list ap;
	void *p = 0;
	va_copy(ap, ap_start);
	while (n-- > 0)
		p = va_arg(ap, void *);
	va_end(ap);
	return p;
}

static void store_int(void *dst, int len, unsigned long long v)
{
	if (!dst)
		return;
	switch (len) {
	case L_HH: *(char *)dst = (char)v; break;
	case L_H: *(short *)dst = (short)v; break;
	case L_L: case L_Z: case L_T: *(long *)dst = (long)v; break;
	case L_LL: case L_J: *(long long *)dst = (long long)v; break;
	default: *(int *)dst = (int)v; break;
	}
}

/* Gather an integer of `base` (0: by prefix) into buf; returns its length. */
static int scan_int_text(struct in *in, char *buf, int cap, long width, int base)
{
	int n = 0, c = get(in);
	#define TAKE(ch) do { if (n < cap - 1) buf[n++] = (char)(ch); width--; } while (0)
	if ((c == '+' || c == '-') && width > 0) {
		TAKE(c);
		c = get(in);
	}
	if (c == '0' && width > 0 && (base == 0 || base == 16)) {
		TAKE(c);
		c = get(in);
		if ((c | 32) == 'x' && width > 0) {
			int d;
			TAKE(c);
			c = get(in);
			d = c;
			if (!isxdigit(d)) {
				/* "0x" with no digits: glibc takes the 0 and stops */
				unget(in, c);
				n--;
				buf[n] = 0;
				return n;
			}
			base = 16;
		} else if (base == 0) {
			base = 8;
		}
	} else if (base == 0) {
		base = 10;
	}
	while (width > 0 && c != EOF) {
		int ok = base == 16 ? isxdigit(c) : base == 8 ? (c >= '0' && c <= '7')
		       : base == 2 ? (c == '0' || c == '1') : isdigit(c);
		if (!ok)
			break;
		TAKE(c);
		c = get(in);
	}
	unget(in, c);
	buf[n] = 0;
	return n;
	#undef TAKE
}

/* Gather a floating constant: the longest prefix of the strtod syntax. */
static int scan_float_text(struct in *in, char *buf, int cap, long width)
{
	int n = 0, c = get(in), hex = 0, digits = 0;
	#define TAKE(ch) do { if (n < cap - 1) buf[n++] = (char)(ch); width--; c = get(in); } while (0)
	if ((c == '+' || c == '-') && width > 0)
		TAKE(c);
	if ((c | 32) == 'i' || (c | 32) == 'n') {
		const char *word = (c | 32) == 'i' ? "infinity" : "nan";
		int k = 0;
		while (word[k] && width > 0 && (c | 32) == word[k]) {
			TAKE(c);
			k++;
			if (word[0] == 'i' && k == 3 && (c | 32) != 'i')
				break;
		}
		if (word[0] == 'n' && k == 3 && c == '(' && width > 0) {
			TAKE(c);
			while (width > 0 && (isalnum(c) || c == '_'))
				TAKE(c);
			if (c == ')' && width > 0)
				TAKE(c);
		}
		unget(in, c);
		buf[n] = 0;
		return n;
	}
	if (c == '0' && width > 0) {
		TAKE(c);
		digits = 1;
		if ((c | 32) == 'x' && width > 0) {
			hex = 1;
			TAKE(c);
		}
	}
	while (width > 0 && (hex ? isxdigit(c) : isdigit(c))) {
		TAKE(c);
		digits = 1;
	}
	if (c == '.' && width > 0) {
		TAKE(c);
		while (width > 0 && (hex ? isxdigit(c) : isdigit(c))) {
			TAKE(c);
			digits = 1;
		}
	}
	if (digits && width > 0 && (c | 32) == (hex ? 'p' : 'e')) {
		TAKE(c);
		if ((c == '+' || c == '-') && width > 0)
			TAKE(c);
		while (width > 0 && isdigit(c))
			TAKE(c);
	}
	unget(in, c);
	buf[n] = 0;
	return n;
	#undef TAKE
}

int __scanf_core(FILE *f, const char *fmt, va_list ap)
{
	struct in in;
	int matched = 0, positional = 0;
	va_list ap_start;
	const unsigned char *p = (const unsigned char *)fmt;
	in.f = f;
	in.count = 0;
	in.eof = 0;
	va_copy(ap_start, ap);

	while (*p) {
		int c, suppress = 0, len = L_NONE, conv, alloc = 0;
		long width = -1;
		void *dst = 0;
		if (isspace(*p)) {
			while (isspace(*p))
				p++;
			while (isspace(c = get(&in)))
				;
			unget(&in, c);
			continue;
		}
		if (*p != '%' || p[1] == '%') {
			if (*p == '%')
				p++;
			do c = get(&in); while (*p == '%' && isspace(c));
			if (c != *p) {
				unget(&in, c);
				goto done;
			}
			p++;
			continue;
		}
		p++;
		if (*p == '*') {
			suppress = 1;
			p++;
		} else if (isdigit(*p)) {
			const unsigned char *q = p;
			int n = 0;
			while (isdigit(*q))
				n = n * 10 + (*q++ - '0');
			if (*q == '$') {
				positional = 1;
				dst = positional_arg(ap_start, n);
				p = q + 1;
			}
		}
		if (isdigit(*p)) {
			width = 0;
			while (isdigit(*p))
				width = width * 10 + (*p++ - '0');
		}
		if (*p == 'm') {
			alloc = 1;
			p++;
		}
		for (;; p++) {
			if (*p == 'h') len = len == L_H ? L_HH : L_H;
			else if (*p == 'l') len = len == L_L ? L_LL : L_L;
			else if (*p == 'L' || *p == 'q') len = *p == 'q' ? L_LL : L_BIGL;
			else if (*p == 'j') len = L_J;
			else if (*p == 'z') len = L_Z;
			else if (*p == 't') len = L_T;
			else break;
		}
		conv = *p++;
		if (!conv)
			goto done;
		if (!suppress && !positional)
			dst = va_arg(ap, void *);
		if (suppress)
			dst = 0;

		if (conv == 'n') {
			store_int(dst, len, (unsigned long long)in.count);
			continue;
		}
		if (conv != 'c' && conv != '[') {
			while (isspace(c = get(&in)))
				;
			unget(&in, c);
		}
		switch (conv) {
		case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'p': case 'b': {
			char buf[128];
			int base = conv == 'd' || conv == 'u' ? 10 : conv == 'i' ? 0
			         : conv == 'o' ? 8 : conv == 'b' ? 2 : 16;
			char *end;
			unsigned long long v;
			int n = scan_int_text(&in, buf, sizeof buf, width < 0 ? LONG_MAX : width, base);
			if (n == 0 || (n == 1 && (buf[0] == '+' || buf[0] == '-')))
				goto input_failure;
			if (conv == 'd' || conv == 'i')
				v = (unsigned long long)strtoll(buf, &end, base);
			else
				v = strtoull(buf, &end, base);
			if (conv == 'p') {
				if (dst)
					*(void **)dst = (void *)(uintptr_t)v;
			} else {
				store_int(dst, len, v);
			}
			if (dst)
				matched++;
			break;
		}
		case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A': {
			char buf[512];
			char *end;
			int n = scan_float_text(&in, buf, sizeof buf, width < 0 ? LONG_MAX : width);
			if (n == 0)
				goto input_failure;
			if (len == L_BIGL) {
				long double v = strtold(buf, &end);
				if (end != buf + n)
					goto done;
				if (dst)
					*(long double *)dst = v;
			} else if (len == L_L) {
				double v = strtod(buf, &end);
				if (end != buf + n)
					goto done;
				if (dst)
					*(double *)dst = v;
			} else {
				float v = strtof(buf, &end);
				if (end != buf + n)
					goto done;
				if (dst)
					*(float *)dst = v;
			}
			if (dst)
				matched++;
			break;
		}
		case 's': case 'c': case '[': {
			unsigned char set[256];
			char *out = 0;
			size_t n = 0, cap = 0;
			if (conv == 'c' && width < 0)
				width = 1;
			if (width < 0)
				width = LONG_MAX;
			memset(set, 0, sizeof set);
			if (conv == 's') {
				memset(set, 1, sizeof set);
				set[' '] = set['\t'] = set['\n'] = set['\v'] = set['\f'] = set['\r'] = 0;
			} else if (conv == 'c') {
				memset(set, 1, sizeof set);
			} else {
				int invert = 0, i;
				if (*p == '^') {
					invert = 1;
					p++;
				}
				if (*p == ']') {
					set[']'] = 1;
					p++;
				}
				while (*p && *p != ']') {
					if (*p == '-' && p[1] && p[1] != ']' && p[-1] != '[' && p[-1] != '^') {
						for (i = p[-1]; i <= p[1]; i++)
							set[i] = 1;
						p += 2;
					} else {
						set[*p++] = 1;
					}
				}
				if (*p == ']')
					p++;
				if (invert)
					for (i = 0; i < 256; i++)
						set[i] = !set[i];
			}
			if (alloc && dst) {
				cap = 32;
				out = malloc(cap);
				if (!out)
					goto done;
			} else if (dst) {
				out = dst;
			}
			while (width > 0) {
				c = get(&in);
				if (c == EOF || !set[c]) {
					unget(&in, c);
					break;
				}
				if (alloc && dst && n + 2 > cap) {
					char *grown = realloc(out, cap * 2);
					if (!grown) {
						free(out);
						goto done;
					}
					out = grown;
					cap *= 2;
				}
				if (out)
					out[n] = (char)c;
				n++;
				width--;
			}
			if (n == 0 || (conv == 'c' && width > 0 && c == EOF && n == 0)) {
				if (alloc && dst)
					free(out);
				goto input_failure;
			}
			if (conv != 'c' && out)
				out[n] = 0;
			if (alloc && dst)
				*(char **)dst = out;
			if (dst)
				matched++;
			break;
		}
		default:
			goto done;
		}
		continue;
input_failure:
		if (in.eof && matched == 0)
			matched = -1;
		goto done;
	}
done:
	va_end(ap_start);
	return matched;
}

int vfscanf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	return __scanf_core(f, fmt, ap);
}

int vscanf(const char *restrict fmt, va_list ap)
{
	return __scanf_core(stdin, fmt, ap);
}

int vsscanf(const char *restrict s, const char *restrict fmt, va_list ap)
{
	FILE f;
	__init_string_in(&f, s);
	return __scanf_core(&f, fmt, ap);
}

int fscanf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	int r;
	va_start(ap, fmt);
	r = __scanf_core(f, fmt, ap);
	va_end(ap);
	return r;
}

int scanf(const char *restrict fmt, ...)
{
	va_list ap;
	int r;
	va_start(ap, fmt);
	r = __scanf_core(stdin, fmt, ap);
	va_end(ap);
	return r;
}

int sscanf(const char *restrict s, const char *restrict fmt, ...)
{
	va_list ap;
	int r;
	va_start(ap, fmt);
	r = vsscanf(s, fmt, ap);
	va_end(ap);
	return r;
}

/* The C23 / glibc __isoc99_ names some objects still refer to. */
int __isoc99_scanf(const char *restrict fmt, ...)
{
	va_list ap;
	int r;
	va_start(ap, fmt);
	r = __scanf_core(stdin, fmt, ap);
	va_end(ap);
	return r;
}

int __isoc99_sscanf(const char *restrict s, const char *restrict fmt, ...)
{
	va_list ap;
	int r;
	va_start(ap, fmt);
	r = vsscanf(s, fmt, ap);
	va_end(ap);
	return r;
}

int __isoc99_fscanf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	int r;
	va_start(ap, fmt);
	r = __scanf_core(f, fmt, ap);
	va_end(ap);
	return r;
}
