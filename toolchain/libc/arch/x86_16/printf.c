/* printf for the real-mode runtime: the printf family over one formatter.
 * Conversions d i u o x X c s p n %, flags - + space # 0, width and
 * precision (also '*'), lengths hh h l ll j z t.  No floating point: %e %f
 * %g %a print the conversion as written (the corpus filter in
 * tests/x86_16 leaves out programs that format floating point). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct sink {
	char *buf;          /* NULL: write to the console */
	size_t size;        /* room in buf, the terminator included */
	size_t count;       /* characters produced so far */
};

static void emit(struct sink *s, const char *p, size_t n)
{
	if (s->buf == NULL) {
		write(1, p, n);
	} else {
		size_t i;
		for (i = 0; i < n; i++)
			if (s->count + i + 1 < s->size)
				s->buf[s->count + i] = p[i];
	}
	s->count += n;
}

static void pad(struct sink *s, char c, int n)
{
	while (n-- > 0)
		emit(s, &c, 1);
}

struct spec {
	int left, plus, space, alt, zero;
	int width, prec;    /* prec -1: none */
};

static void field(struct sink *s, const struct spec *f, const char *prefix,
		  const char *digits, size_t len)
{
	size_t plen = strlen(prefix);
	int zeros = 0, fill;
	if (f->prec >= 0 && (size_t)f->prec > len)
		zeros = f->prec - (int)len;
	fill = f->width - (int)(plen + len) - zeros;
	if (f->zero && !f->left && f->prec < 0) {
		zeros += fill > 0 ? fill : 0;
		fill = 0;
	}
	if (!f->left)
		pad(s, ' ', fill);
	emit(s, prefix, plen);
	pad(s, '0', zeros);
	emit(s, digits, len);
	if (f->left)
		pad(s, ' ', fill);
}

static void number(struct sink *s, struct spec *f, unsigned long long v, int negative,
		   int base, int upper, char conv)
{
	char digits[24], *end = digits + sizeof digits, *p = end;
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	const char *prefix = "";
	while (v) {
		p--;
		if (base == 10) {               /* 64-bit division by a constant: helper call */
			*p = set[v % 10];
			v /= 10;
		} else {
			*p = set[v & (unsigned)(base - 1)];
			v >>= base == 16 ? 4 : 3;
		}
	}
	if (p == end && f->prec != 0)
		*--p = '0';
	if (conv == 'd' || conv == 'i')
		prefix = negative ? "-" : f->plus ? "+" : f->space ? " " : "";
	else if (f->alt && base == 16 && p != end && !(p == end - 1 && *p == '0'))
		prefix = upper ? "0X" : "0x";
	else if (f->alt && base == 8 && *p != '0')
		*--p = '0';
	if (conv == 'p')
		prefix = "0x";
	field(s, f, prefix, p, (size_t)(end - p));
}

static void format(struct sink *s, const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		struct spec f = {0, 0, 0, 0, 0, 0, -1};
		int len = 0;    /* 'H' hh, 'h', 'l', 'L' ll/j, 'z' size_t/ptrdiff_t */
		const char *start = fmt;
		unsigned long long u;
		long long v;
		if (*fmt != '%') {
			const char *q = fmt;
			while (q[1] && q[1] != '%')
				q++;
			emit(s, fmt, (size_t)(q - fmt + 1));
			fmt = q;
			continue;
		}
		for (;;) {
			char c = *++fmt;
			if (c == '-') f.left = 1;
			else if (c == '+') f.plus = 1;
			else if (c == ' ') f.space = 1;
			else if (c == '#') f.alt = 1;
			else if (c == '0') f.zero = 1;
			else break;
		}
		if (*fmt == '*') {
			f.width = va_arg(ap, int);
			if (f.width < 0) {
				f.left = 1;
				f.width = -f.width;
			}
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				f.width = f.width * 10 + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			fmt++;
			f.prec = 0;
			if (*fmt == '*') {
				f.prec = va_arg(ap, int);
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					f.prec = f.prec * 10 + (*fmt++ - '0');
			}
		}
		for (;; fmt++) {
			if (*fmt == 'h') len = len == 'h' ? 'H' : 'h';
			else if (*fmt == 'l') len = len == 'l' ? 'L' : 'l';
			else if (*fmt == 'j' || *fmt == 'q') len = 'L';
			else if (*fmt == 'z' || *fmt == 't') len = 'z';
			else break;
		}
		switch (*fmt) {
		case 'd': case 'i':
			v = len == 'L' ? va_arg(ap, long long) : len == 'l' ? va_arg(ap, long)
			    : va_arg(ap, int);
			if (len == 'h') v = (short)v;
			if (len == 'H') v = (signed char)v;
			u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
			number(s, &f, u, v < 0, 10, 0, *fmt);
			break;
		case 'u': case 'o': case 'x': case 'X':
			u = len == 'L' ? va_arg(ap, unsigned long long)
			    : len == 'l' ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
			if (len == 'h') u = (unsigned short)u;
			if (len == 'H') u = (unsigned char)u;
			number(s, &f, u, 0, *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16, *fmt == 'X', *fmt);
			break;
		case 'p':
			f.prec = -1;
			number(s, &f, (uintptr_t)va_arg(ap, void *), 0, 16, 0, 'p');
			break;
		case 'c': {
			char c = (char)va_arg(ap, int);
			f.prec = -1;
			f.zero = 0;
			field(s, &f, "", &c, 1);
			break;
		}
		case 's': {
			const char *str = va_arg(ap, const char *);
			size_t n = 0;
			if (str == NULL)
				str = "(null)";
			while (str[n] && (f.prec < 0 || n < (size_t)f.prec))
				n++;
			f.prec = -1;
			f.zero = 0;
			field(s, &f, "", str, n);
			break;
		}
		case 'n':
			*va_arg(ap, int *) = (int)s->count;
			break;
		case '%':
			emit(s, "%", 1);
			break;
		default:                /* floating point and unknown conversions */
			if (*fmt == '\0')
				fmt--;
			emit(s, start, (size_t)(fmt - start + 1));
			break;
		}
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	static char nowhere[1];
	struct sink s = {buf, size, 0};
	if (buf == NULL)
		s.buf = nowhere, s.size = 0;
	format(&s, fmt, ap);
	if (buf != NULL && size > 0)
		buf[s.count < size ? s.count : size - 1] = '\0';
	return (int)s.count;
}

int vsprintf(char *buf, const char *fmt, va_list ap)
{
	return vsnprintf(buf, (size_t)-1 >> 1, fmt, ap);
}

int vprintf(const char *fmt, va_list ap)
{
	struct sink s = {NULL, 0, 0};
	format(&s, fmt, ap);
	return (int)s.count;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	(void)f;
	return vprintf(fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsprintf(buf, fmt, ap);
	va_end(ap);
	return n;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
