/* __printf_core -- the printf family's formatter (C11 7.21.6.1, with the
 * POSIX %n$ positions and glibc's %m).
 *
 * Floating point is exact: the value m * 2^e (m the integer significand)
 * is expanded into all its decimal digits with a big number in base 10^9
 * (multiplied by 2^29 steps when e > 0, by 5^13 steps when e < 0, since
 * m * 2^-k = m * 5^k / 10^k), then rounded half-to-even on those digits.
 * %a rounds half-to-even on the hexadecimal digits.  The result matches
 * glibc digit for digit, also for long double (glibc's x87 %La form puts
 * the top four significand bits before the point). */
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>
#include "../internal/stdio_impl.h"

/* Flags. */
#define FL_MINUS 1
#define FL_PLUS 2
#define FL_SPACE 4
#define FL_ALT 8
#define FL_ZERO 16
#define FL_UPPER 32

/* Argument kinds, for positional arguments. */
enum { A_NONE, A_INT, A_LONG, A_LLONG, A_PTR, A_DBL, A_LDBL };

union arg {
	long long i;
	void *p;
	double d;
	long double ld;
};

#define MAX_POS 64

struct out {
	FILE *f;
	long long count;
	int error;
};

static void emit(struct out *o, const char *s, size_t n)
{
	if (n && !o->error && __fwritex((const unsigned char *)s, n, o->f) != n)
		o->error = 1;
	o->count += (long long)n;
}

static void pad(struct out *o, char c, long long n)
{
	char buf[64];
	size_t k;
	if (n <= 0)
		return;
	memset(buf, c, sizeof buf);
	while (n > 0) {
		k = n > (long long)sizeof buf ? sizeof buf : (size_t)n;
		emit(o, buf, k);
		n -= (long long)k;
	}
}

/* ---- Floating point: decomposition ----------------------------------- */

struct fpval {
	int neg;
	int kind;               /* 0 zero, 1 finite nonzero, 2 infinity, 3 nan */
	uint32_t m[4];          /* the integer significand, little-endian words */
	int e;                  /* value = m * 2^e */
	int hex_lead_bits;      /* %a: bits before the point (1, or 4 for x87) */
	int mant_bits;          /* bits of m that %a shows (incl. lead) */
	int hex_exp;            /* %a: exponent of the leading digit's lowest bit */
};

static void from_double(double x, struct fpval *v)
{
	uint64_t b, frac;
	int ex;
	memcpy(&b, &x, sizeof b);
	v->neg = (int)(b >> 63);
	ex = (int)(b >> 52) & 0x7ff;
	frac = b & 0xfffffffffffffULL;
	memset(v->m, 0, sizeof v->m);
	v->hex_lead_bits = 1;
	v->mant_bits = 53;
	if (ex == 0x7ff) {
		v->kind = frac ? 3 : 2;
		return;
	}
	if (ex == 0 && frac == 0) {
		v->kind = 0;
		v->e = 0;
		v->hex_exp = 0;
		return;
	}
	v->kind = 1;
	if (ex == 0) {
		v->e = -1074;
		v->hex_exp = -1022;
	} else {
		frac |= 1ULL << 52;
		v->e = ex - 1075;
		v->hex_exp = ex - 1023;
	}
	v->m[0] = (uint32_t)frac;
	v->m[1] = (uint32_t)(frac >> 32);
}

static void from_long_double(long double x, struct fpval *v)
{
#if LDBL_MANT_DIG == 53
	from_double((double)x, v);
#elif LDBL_MANT_DIG == 64
	/* x87 extended: 64-bit significand with an explicit integer bit, then
	 * sign and 15-bit exponent. */
	unsigned char raw[16];
	uint64_t m;
	unsigned se;
	int ex;
	memcpy(raw, &x, 10);
	memcpy(&m, raw, 8);
	se = raw[8] | (unsigned)raw[9] << 8;
	v->neg = (int)(se >> 15);
	ex = (int)(se & 0x7fff);
	memset(v->m, 0, sizeof v->m);
	v->hex_lead_bits = 4;
	v->mant_bits = 64;
	if (ex == 0x7fff) {
		v->kind = (m << 1) ? 3 : 2;
		return;
	}
	if (m == 0) {
		v->kind = 0;
		v->e = 0;
		v->hex_exp = 0;
		return;
	}
	v->kind = 1;
	if (ex == 0)
		ex = 1;
	v->e = ex - 16383 - 63;
	v->hex_exp = ex - 16383 - 3;
	v->m[0] = (uint32_t)m;
	v->m[1] = (uint32_t)(m >> 32);
#elif LDBL_MANT_DIG == 113
	/* IEEE quad: sign, 15-bit exponent, 112 fraction bits (little-endian). */
	uint64_t lo, hi;
	int ex;
	memcpy(&lo, &x, 8);
	memcpy(&hi, (char *)&x + 8, 8);
	v->neg = (int)(hi >> 63);
	ex = (int)(hi >> 48) & 0x7fff;
	hi &= 0xffffffffffffULL;
	memset(v->m, 0, sizeof v->m);
	v->hex_lead_bits = 1;
	v->mant_bits = 113;
	if (ex == 0x7fff) {
		v->kind = (hi | lo) ? 3 : 2;
		return;
	}
	if (ex == 0 && !(hi | lo)) {
		v->kind = 0;
		v->e = 0;
		v->hex_exp = 0;
		return;
	}
	v->kind = 1;
	if (ex == 0) {
		v->e = -16382 - 112;
		v->hex_exp = -16382;
	} else {
		hi |= 1ULL << 48;
		v->e = ex - 16383 - 112;
		v->hex_exp = ex - 16383;
	}
	v->m[0] = (uint32_t)lo;
	v->m[1] = (uint32_t)(lo >> 32);
	v->m[2] = (uint32_t)hi;
	v->m[3] = (uint32_t)(hi >> 32);
#else
#error "printf: unknown long double format"
#endif
}

/* ---- Floating point: exact decimal digits ---------------------------- */

/* Enough base-10^9 limbs for m * 5^16494 (the smallest quad subnormal). */
#define BIG_LIMBS 1300
#define MAX_DIGITS (BIG_LIMBS * 9 + 2)

struct decimal {
	char d[MAX_DIGITS];     /* d[0] is a guard digit '0' for carries */
	int nd;                 /* digits in d[1..nd] */
	int point;              /* value = 0.d[1..nd] * 10^point */
};

static int big_mul_small(uint32_t *big, int n, uint32_t factor)
{
	uint64_t carry = 0;
	int i;
	for (i = 0; i < n; i++) {
		uint64_t t = (uint64_t)big[i] * factor + carry;
		big[i] = (uint32_t)(t % 1000000000u);
		carry = t / 1000000000u;
	}
	while (carry) {
		big[n++] = (uint32_t)(carry % 1000000000u);
		carry /= 1000000000u;
	}
	return n;
}

static void to_decimal(const struct fpval *v, struct decimal *dec)
{
	uint32_t big[BIG_LIMBS];
	uint32_t m[4];
	int n = 0, i, k, e = v->e, shift = 0;
	char *p;

	/* m (binary, 128 bits at most) into base 10^9 by repeated division. */
	memcpy(m, v->m, sizeof m);
	while (m[0] | m[1] | m[2] | m[3]) {
		uint64_t rem = 0;
		for (i = 3; i >= 0; i--) {
			uint64_t cur = rem << 32 | m[i];
			m[i] = (uint32_t)(cur / 1000000000u);
			rem = cur % 1000000000u;
		}
		big[n++] = (uint32_t)rem;
	}
	for (; e >= 29; e -= 29)
		n = big_mul_small(big, n, 1u << 29);
	if (e > 0)
		n = big_mul_small(big, n, 1u << e);
	if (e < 0) {
		shift = -e;
		for (k = shift; k >= 13; k -= 13)
			n = big_mul_small(big, n, 1220703125u);
		{
			uint32_t f = 1;
			for (; k > 0; k--)
				f *= 5;
			n = big_mul_small(big, n, f);
		}
	}
	/* Digits, most significant limb first. */
	p = dec->d;
	*p++ = '0';
	{
		char tmp[10];
		uint32_t top = big[n - 1];
		int t = 0;
		do tmp[t++] = (char)('0' + top % 10); while ((top /= 10) != 0);
		while (t)
			*p++ = tmp[--t];
	}
	for (i = n - 2; i >= 0; i--) {
		uint32_t x = big[i];
		for (k = 8; k >= 0; k--) {
			p[k] = (char)('0' + x % 10);
			x /= 10;
		}
		p += 9;
	}
	dec->nd = (int)(p - dec->d) - 1;
	dec->point = dec->nd - shift;
	while (dec->nd > 1 && dec->d[dec->nd] == '0')
		dec->nd--;
}

/* Keep the first `keep` significant digits (keep may be 0 or negative),
 * rounding half to even on the exact value. */
static void round_decimal(struct decimal *dec, int keep)
{
	int up, i;
	if (keep >= dec->nd)
		return;
	if (keep < 0) {
		dec->nd = 0;                    /* below half a unit: zero */
		return;
	}
	{
		char r = dec->d[keep + 1];
		int rest = 0;
		for (i = keep + 2; i <= dec->nd; i++)
			if (dec->d[i] != '0') {
				rest = 1;
				break;
			}
		if (r > '5' || (r == '5' && rest))
			up = 1;
		else if (r == '5')
			up = keep > 0 && ((dec->d[keep] - '0') & 1);
		else
			up = 0;
	}
	dec->nd = keep;
	if (!up) {
		while (dec->nd > 0 && dec->d[dec->nd] == '0')
			dec->nd--;
		return;
	}
	for (i = keep; i >= 1 && dec->d[i] == '9'; i--)
		;
	if (i == 0) {
		/* all nines (or nothing kept): becomes 1 at the next power of ten */
		dec->d[1] = '1';
		dec->nd = 1;
		dec->point++;
		return;
	}
	dec->d[i]++;
	dec->nd = i;
}

static char digit_at(const struct decimal *dec, int i)       /* i from 0 */
{
	return i >= 0 && i < dec->nd ? dec->d[i + 1] : '0';
}

static void emit_digits(struct out *o, const struct decimal *dec, int from, int count)
{
	char buf[64];
	int k = 0;
	while (count-- > 0) {
		buf[k++] = digit_at(dec, from++);
		if (k == (int)sizeof buf) {
			emit(o, buf, (size_t)k);
			k = 0;
		}
	}
	emit(o, buf, (size_t)k);
}

static void format_special(struct out *o, const struct fpval *v, int width, int fl, const char *prefix)
{
	const char *s = v->kind == 2 ? (fl & FL_UPPER ? "INF" : "inf")
	                             : (fl & FL_UPPER ? "NAN" : "nan");
	size_t pl = strlen(prefix);
	if (!(fl & FL_MINUS))
		pad(o, ' ', width - 3 - (long long)pl);
	emit(o, prefix, pl);
	emit(o, s, 3);
	if (fl & FL_MINUS)
		pad(o, ' ', width - 3 - (long long)pl);
}

static void format_hex(struct out *o, const struct fpval *v, int width, int prec, int fl,
                       const char *prefix)
{
	/* The significand as nibbles after the lead digit. */
	char nib[40];
	int nn = (v->mant_bits - v->hex_lead_bits + 3) / 4, i, lead, ex = v->hex_exp;
	int total_bits = v->hex_lead_bits + nn * 4;
	char buf[80], expbuf[16];
	int bl = 0, el = 0, dn;
	long long len, pl = (long long)strlen(prefix);
	/* Align m so that it has total_bits bits with the lead digit on top. */
	uint32_t m[5];
	int sh = total_bits - v->mant_bits;
	memset(m, 0, sizeof m);
	for (i = 0; i < 4; i++) {
		uint64_t w = (uint64_t)v->m[i] << sh;
		m[i] |= (uint32_t)w;
		m[i + 1] |= (uint32_t)(w >> 32);
	}
#define BIT(b) ((m[(b) / 32] >> ((b) % 32)) & 1)
	lead = 0;
	for (i = total_bits - 1; i >= total_bits - v->hex_lead_bits; i--)
		lead = lead << 1 | (int)BIT(i);
	for (i = 0; i < nn; i++) {
		int b = total_bits - v->hex_lead_bits - 4 * i - 1;
		nib[i] = (char)(BIT(b) << 3 | BIT(b - 1) << 2 | BIT(b - 2) << 1 | BIT(b - 3));
	}
#undef BIT
	if (v->kind == 0)
		lead = 0, ex = 0;
	if (prec < 0) {
		prec = nn;
		while (prec > 0 && nib[prec - 1] == 0)
			prec--;
	} else if (prec < nn) {
		int r = nib[prec], rest = 0, up;
		for (i = prec + 1; i < nn; i++)
			rest |= nib[i];
		if (r > 8 || (r == 8 && rest))
			up = 1;
		else if (r == 8)
			up = (prec > 0 ? nib[prec - 1] : lead) & 1;
		else
			up = 0;
		if (up) {
			for (i = prec - 1; i >= 0 && nib[i] == 15; i--)
				nib[i] = 0;
			if (i >= 0)
				nib[i]++;
			else
				lead++;
		}
		if (v->hex_lead_bits == 4 && lead == 16) {
			lead = 1;                 /* x87 form: 0xf.f rounds to 0x1p+(e+4) */
			ex += 4;
		}
	}
	dn = prec;
	buf[bl++] = '0';
	buf[bl++] = fl & FL_UPPER ? 'X' : 'x';
	buf[bl++] = (char)(lead < 10 ? '0' + lead : (fl & FL_UPPER ? 'A' : 'a') + lead - 10);
	if (prec > 0 || (fl & FL_ALT))
		buf[bl++] = '.';
	expbuf[el++] = fl & FL_UPPER ? 'P' : 'p';
	expbuf[el++] = ex < 0 ? '-' : '+';
	{
		char t[12];
		int tn = 0;
		unsigned u = ex < 0 ? (unsigned)-ex : (unsigned)ex;
		do t[tn++] = (char)('0' + u % 10); while ((u /= 10) != 0);
		while (tn)
			expbuf[el++] = t[--tn];
	}
	len = pl + bl + dn + el;
	if (!(fl & (FL_MINUS | FL_ZERO)))
		pad(o, ' ', width - len);
	emit(o, prefix, (size_t)pl);
	emit(o, buf, 2);
	if ((fl & FL_ZERO) && !(fl & FL_MINUS))
		pad(o, '0', width - len);
	emit(o, buf + 2, (size_t)bl - 2);
	for (i = 0; i < dn; i++) {
		int d = i < nn ? nib[i] : 0;
		char c = (char)(d < 10 ? '0' + d : (fl & FL_UPPER ? 'A' : 'a') + d - 10);
		emit(o, &c, 1);
	}
	emit(o, expbuf, (size_t)el);
	if (fl & FL_MINUS)
		pad(o, ' ', width - len);
}

static void format_float(struct out *o, const struct fpval *v, int width, int prec, int fl,
                         int conv)
{
	static struct decimal dec;      /* large: kept off the stack */
	char prefix[2] = {0, 0};
	char expbuf[16];
	int el = 0, style, i;
	long long len;
	int strip = 0;

	if (v->neg)
		prefix[0] = '-';
	else if (fl & FL_PLUS)
		prefix[0] = '+';
	else if (fl & FL_SPACE)
		prefix[0] = ' ';
	if (conv == 'A' || conv == 'E' || conv == 'F' || conv == 'G')
		fl |= FL_UPPER;
	if (v->kind >= 2) {
		format_special(o, v, width, fl & ~FL_ZERO, prefix);
		return;
	}
	if (conv == 'a' || conv == 'A') {
		format_hex(o, v, width, prec, fl, prefix);
		return;
	}
	if (prec < 0)
		prec = 6;
	if (v->kind == 0) {
		dec.nd = 0;
		dec.point = 1;
		dec.d[0] = '0';
	} else {
		to_decimal(v, &dec);
	}
	style = conv | 32;              /* 'e', 'f' or 'g' */
	if (style == 'g') {
		int x;
		if (prec == 0)
			prec = 1;
		round_decimal(&dec, prec);
		x = dec.nd ? dec.point - 1 : 0;
		if (prec > x && x >= -4) {
			style = 'f';
			prec = prec - 1 - x;
		} else {
			style = 'e';
			prec = prec - 1;
		}
		strip = !(fl & FL_ALT);
	}
	if (style == 'e') {
		int x;
		round_decimal(&dec, prec + 1);
		x = dec.nd ? dec.point - 1 : 0;
		if (strip) {
			/* %g: drop trailing zeros of the fraction */
			int last = dec.nd - 1;
			if (last < 0)
				last = 0;
			if (prec > last)
				prec = last;
		}
		expbuf[el++] = fl & FL_UPPER ? 'E' : 'e';
		expbuf[el++] = x < 0 ? '-' : '+';
		{
			char t[12];
			int tn = 0;
			unsigned u = x < 0 ? (unsigned)-x : (unsigned)x;
			do t[tn++] = (char)('0' + u % 10); while ((u /= 10) != 0);
			if (tn < 2)
				t[tn++] = '0';
			while (tn)
				expbuf[el++] = t[--tn];
		}
		len = (prefix[0] != 0) + 1 + (prec > 0 || (fl & FL_ALT)) + prec + el;
		if (!(fl & (FL_MINUS | FL_ZERO)))
			pad(o, ' ', width - len);
		emit(o, prefix, prefix[0] != 0);
		if ((fl & FL_ZERO) && !(fl & FL_MINUS))
			pad(o, '0', width - len);
		emit_digits(o, &dec, 0, 1);
		if (prec > 0 || (fl & FL_ALT))
			emit(o, ".", 1);
		emit_digits(o, &dec, 1, prec);
		emit(o, expbuf, (size_t)el);
		if (fl & FL_MINUS)
			pad(o, ' ', width - len);
		return;
	}
	/* 'f' */
	round_decimal(&dec, dec.point + prec);
	if (dec.nd == 0)
		dec.point = 1;
	if (strip) {
		int frac_digits = dec.nd - dec.point;       /* significant fraction digits */
		if (frac_digits < 0)
			frac_digits = 0;
		if (prec > frac_digits)
			prec = frac_digits;
	}
	{
		int int_digits = dec.point > 0 ? dec.point : 1;
		len = (prefix[0] != 0) + int_digits + (prec > 0 || (fl & FL_ALT)) + prec;
		if (!(fl & (FL_MINUS | FL_ZERO)))
			pad(o, ' ', width - len);
		emit(o, prefix, prefix[0] != 0);
		if ((fl & FL_ZERO) && !(fl & FL_MINUS))
			pad(o, '0', width - len);
		if (dec.point > 0)
			emit_digits(o, &dec, 0, dec.point);
		else
			emit(o, "0", 1);
		if (prec > 0 || (fl & FL_ALT))
			emit(o, ".", 1);
		/* fraction digit i is at decimal index point + i */
		i = 0;
		if (dec.point < 0) {
			int z = -dec.point < prec ? -dec.point : prec;
			pad(o, '0', z);
			i = z;
		}
		emit_digits(o, &dec, dec.point + i, prec - i);
		if (fl & FL_MINUS)
			pad(o, ' ', width - len);
	}
}

/* ---- Integers ----------------------------------------------------------- */

static void format_int(struct out *o, unsigned long long u, int neg, int base, int width,
                       int prec, int fl, int conv)
{
	char buf[72];
	char *p = buf + sizeof buf;
	const char *digits = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	const char *prefix = "";
	long long n, pl, zeros;
	if (neg)
		prefix = "-";
	else if (fl & FL_PLUS && (conv == 'd' || conv == 'i'))
		prefix = "+";
	else if (fl & FL_SPACE && (conv == 'd' || conv == 'i'))
		prefix = " ";
	while (u) {
		*--p = digits[u % (unsigned)base];
		u /= (unsigned)base;
	}
	n = buf + sizeof buf - p;
	if ((fl & FL_ALT) && base == 16 && n)
		prefix = conv == 'X' ? "0X" : "0x";
	if ((fl & FL_ALT) && base == 8 && prec <= n)
		prec = (int)n + 1;
	if (prec < 0)
		prec = 1;
	else
		fl &= ~FL_ZERO;
	zeros = prec > n ? prec - n : 0;
	pl = (long long)strlen(prefix);
	if ((fl & FL_ZERO) && !(fl & FL_MINUS) && width > pl + n + zeros)
		zeros = width - pl - n;
	if (!(fl & FL_MINUS))
		pad(o, ' ', width - pl - n - zeros);
	emit(o, prefix, (size_t)pl);
	pad(o, '0', zeros);
	emit(o, p, (size_t)n);
	if (fl & FL_MINUS)
		pad(o, ' ', width - pl - n - zeros);
}

static void format_str(struct out *o, const char *s, long long n, int width, int fl)
{
	if (!(fl & FL_MINUS))
		pad(o, ' ', width - n);
	emit(o, s, (size_t)n);
	if (fl & FL_MINUS)
		pad(o, ' ', width - n);
}

/* ---- The format loop ----------------------------------------------------- */

/* Length modifiers. */
enum { L_NONE, L_HH, L_H, L_L, L_LL, L_J, L_Z, L_T, L_BIGL };

static int arg_kind(int conv, int len)
{
	switch (conv) {
	case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'c': case 'b': case 'B':
		if (len == L_LL || len == L_J)
			return A_LLONG;
		if (len == L_L || len == L_Z || len == L_T)
			return A_LONG;
		return A_INT;
	case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
		return len == L_BIGL ? A_LDBL : A_DBL;
	case 's': case 'p': case 'n': case 'S':
		return A_PTR;
	case 'C':
		return A_INT;
	}
	return A_NONE;
}

struct args {
	va_list ap;
	int positional;
	union arg pos[MAX_POS + 1];
};

static const char *parse_number(const char *s, int *n)
{
	long v = 0;
	while (*s >= '0' && *s <= '9') {
		if (v < INT_MAX / 10 + 10)
			v = v * 10 + (*s - '0');
		s++;
	}
	*n = v > INT_MAX ? INT_MAX : (int)v;
	return s;
}

/* First pass for positional formats: the kind of every argument number,
 * then fetch them all in order. */
static int collect_positional(const char *fmt, struct args *a)
{
	unsigned char kinds[MAX_POS + 1];
	int i, n, max = 0;
	memset(kinds, 0, sizeof kinds);
	for (; *fmt; fmt++) {
		int argn, len = L_NONE;
		if (*fmt != '%')
			continue;
		fmt++;
		if (*fmt == '%')
			continue;
		fmt = parse_number(fmt, &argn);
		if (*fmt != '$' || argn < 1 || argn > MAX_POS)
			return -1;
		fmt++;
		while (strchr("-+ #0'I", *fmt) && *fmt)
			fmt++;
		if (*fmt == '*') {
			fmt = parse_number(fmt + 1, &n);
			if (*fmt++ != '$' || n < 1 || n > MAX_POS)
				return -1;
			kinds[n] = A_INT;
			if (n > max)
				max = n;
		} else {
			fmt = parse_number(fmt, &n);
		}
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				fmt = parse_number(fmt + 1, &n);
				if (*fmt++ != '$' || n < 1 || n > MAX_POS)
					return -1;
				kinds[n] = A_INT;
				if (n > max)
					max = n;
			} else {
				fmt = parse_number(fmt, &n);
			}
		}
		for (;; fmt++) {
			if (*fmt == 'h') len = len == L_H ? L_HH : L_H;
			else if (*fmt == 'l') len = len == L_L ? L_LL : L_L;
			else if (*fmt == 'L' || *fmt == 'q') len = *fmt == 'q' ? L_LL : L_BIGL;
			else if (*fmt == 'j') len = L_J;
			else if (*fmt == 'z') len = L_Z;
			else if (*fmt == 't') len = L_T;
			else break;
		}
		if (!*fmt)
			break;
		kinds[argn] = (unsigned char)arg_kind(*fmt, len);
		if (argn > max)
			max = argn;
	}
	for (i = 1; i <= max; i++) {
		switch (kinds[i]) {
		case A_INT: a->pos[i].i = va_arg(a->ap, int); break;
		case A_LONG: a->pos[i].i = va_arg(a->ap, long); break;
		case A_LLONG: a->pos[i].i = va_arg(a->ap, long long); break;
		case A_PTR: a->pos[i].p = va_arg(a->ap, void *); break;
		case A_DBL: a->pos[i].d = va_arg(a->ap, double); break;
		case A_LDBL: a->pos[i].ld = va_arg(a->ap, long double); break;
		default: return -1;     /* a gap: undefined, refuse */
		}
	}
	return 0;
}

static int next_int(struct args *a, int posn)
{
	return a->positional ? (int)a->pos[posn].i : va_arg(a->ap, int);
}

int __printf_core(FILE *f, const char *fmt, va_list ap_in)
{
	struct out o;
	struct args a;
	const char *s;
	int saved_errno = errno;

	o.f = f;
	o.count = 0;
	o.error = 0;
	va_copy(a.ap, ap_in);
	a.positional = 0;
	for (s = fmt; *s; s++)
		if (*s == '%') {
			const char *t = s + 1;
			int n;
			if (*t == '%') {
				s++;
				continue;
			}
			t = parse_number(t, &n);
			if (*t == '$' && t > s + 1)
				a.positional = 1;
			break;
		}
	if (a.positional && collect_positional(fmt, &a) < 0) {
		va_end(a.ap);
		errno = EINVAL;
		return -1;
	}
	if (f->flags & F_WRITE && !f->wbase && __towrite(f)) {
		va_end(a.ap);
		return -1;
	}

	while (*fmt) {
		int fl = 0, width = 0, prec = -1, len = L_NONE, conv, argn = 0;
		union arg v;
		const char *lit = fmt;
		while (*fmt && *fmt != '%')
			fmt++;
		emit(&o, lit, (size_t)(fmt - lit));
		if (!*fmt)
			break;
		fmt++;
		if (*fmt == '%') {
			emit(&o, "%", 1);
			fmt++;
			continue;
		}
		if (a.positional) {
			fmt = parse_number(fmt, &argn);
			fmt++;                  /* the '$' */
		}
		for (;; fmt++) {
			if (*fmt == '-') fl |= FL_MINUS;
			else if (*fmt == '+') fl |= FL_PLUS;
			else if (*fmt == ' ') fl |= FL_SPACE;
			else if (*fmt == '#') fl |= FL_ALT;
			else if (*fmt == '0') fl |= FL_ZERO;
			else if (*fmt == '\'' || *fmt == 'I') ;
			else break;
		}
		if (*fmt == '*') {
			int wn = 0;
			fmt++;
			if (a.positional) {
				fmt = parse_number(fmt, &wn);
				fmt++;
			}
			width = next_int(&a, wn);
			if (width < 0) {
				fl |= FL_MINUS;
				width = width == INT_MIN ? INT_MAX : -width;
			}
		} else {
			fmt = parse_number(fmt, &width);
		}
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				int pn = 0;
				fmt++;
				if (a.positional) {
					fmt = parse_number(fmt, &pn);
					fmt++;
				}
				prec = next_int(&a, pn);
				if (prec < 0)
					prec = -1;
			} else {
				if (*fmt == '-') {       /* glibc: a negative precision is none */
					fmt = parse_number(fmt + 1, &prec);
					prec = -1;
				} else {
					fmt = parse_number(fmt, &prec);
				}
			}
		}
		for (;; fmt++) {
			if (*fmt == 'h') len = len == L_H ? L_HH : L_H;
			else if (*fmt == 'l') len = len == L_L ? L_LL : L_L;
			else if (*fmt == 'L') len = L_BIGL;
			else if (*fmt == 'q') len = L_LL;
			else if (*fmt == 'j') len = L_J;
			else if (*fmt == 'z' || *fmt == 'Z') len = L_Z;
			else if (*fmt == 't') len = L_T;
			else break;
		}
		conv = *fmt;
		if (!conv)
			break;
		fmt++;
		if (conv == '%') {             /* "%5%": glibc prints a bare '%' */
			emit(&o, "%", 1);
			continue;
		}
		if (fl & FL_MINUS)
			fl &= ~FL_ZERO;
		if (fl & FL_PLUS)
			fl &= ~FL_SPACE;

		/* Fetch the argument. */
		switch (arg_kind(conv, len)) {
		case A_INT: v.i = a.positional ? a.pos[argn].i : va_arg(a.ap, int); break;
		case A_LONG: v.i = a.positional ? a.pos[argn].i : va_arg(a.ap, long); break;
		case A_LLONG: v.i = a.positional ? a.pos[argn].i : va_arg(a.ap, long long); break;
		case A_PTR: v.p = a.positional ? a.pos[argn].p : va_arg(a.ap, void *); break;
		case A_DBL: v.d = a.positional ? a.pos[argn].d : va_arg(a.ap, double); break;
		case A_LDBL: v.ld = a.positional ? a.pos[argn].ld : va_arg(a.ap, long double); break;
		default: v.i = 0; break;
		}

		switch (conv) {
		case 'd': case 'i': {
			long long x = v.i;
			unsigned long long u;
			switch (len) {
			case L_HH: x = (signed char)x; break;
			case L_H: x = (short)x; break;
			case L_NONE: x = (int)x; break;
			case L_L: case L_Z: case L_T: x = (long)x; break;
			default: break;
			}
			u = x < 0 ? 0ULL - (unsigned long long)x : (unsigned long long)x;
			format_int(&o, u, x < 0, 10, width, prec, fl, 'd');
			break;
		}
		case 'u': case 'o': case 'x': case 'X': case 'b': case 'B': {
			unsigned long long u = (unsigned long long)v.i;
			switch (len) {
			case L_HH: u = (unsigned char)u; break;
			case L_H: u = (unsigned short)u; break;
			case L_NONE: u = (unsigned)u; break;
			case L_L: case L_Z: case L_T: u = (unsigned long)u; break;
			default: break;
			}
			format_int(&o, u, 0, conv == 'u' ? 10 : conv == 'o' ? 8 : (conv | 32) == 'b' ? 2 : 16,
			           width, prec, fl, conv == 'B' ? 'b' : conv);
			break;
		}
		case 'p':
			if (!v.p)
				format_str(&o, "(nil)", 5, width, fl);
			else
				format_int(&o, (uintptr_t)v.p, 0, 16, width, prec, fl | FL_ALT, 'x');
			break;
		case 'c':
			if (len == L_L) {
				char c = (char)(wchar_t)v.i;
				format_str(&o, &c, 1, width, fl);
			} else {
				char c = (char)(unsigned char)v.i;
				format_str(&o, &c, 1, width, fl);
			}
			break;
		case 'C': {
			char c = (char)(wchar_t)v.i;
			format_str(&o, &c, 1, width, fl);
			break;
		}
		case 'm': {
			const char *m = strerror(saved_errno);
			format_str(&o, m, (long long)strlen(m), width, fl);
			break;
		}
		case 's': case 'S':
			if (len == L_L || conv == 'S') {
				/* Wide string: each character as one byte (C locale). */
				const wchar_t *w = v.p ? v.p : L"(null)";
				long long n = 0;
				char c;
				if (!v.p && prec >= 0 && prec < 6)
					w = L"";
				while (w[n] && (prec < 0 || n < prec))
					n++;
				if (!(fl & FL_MINUS))
					pad(&o, ' ', width - n);
				for (long long i = 0; i < n; i++) {
					c = (char)w[i];
					emit(&o, &c, 1);
				}
				if (fl & FL_MINUS)
					pad(&o, ' ', width - n);
			} else {
				const char *str = v.p;
				long long n;
				if (!str)
					str = prec < 0 || prec >= 6 ? "(null)" : "";
				n = prec < 0 ? (long long)strlen(str) : (long long)strnlen(str, (size_t)prec);
				format_str(&o, str, n, width, fl);
			}
			break;
		case 'n':
			switch (len) {
			case L_HH: *(signed char *)v.p = (signed char)o.count; break;
			case L_H: *(short *)v.p = (short)o.count; break;
			case L_L: case L_Z: case L_T: *(long *)v.p = (long)o.count; break;
			case L_LL: case L_J: *(long long *)v.p = o.count; break;
			default: *(int *)v.p = (int)o.count; break;
			}
			break;
		case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A': {
			struct fpval fv;
			if (len == L_BIGL)
				from_long_double(v.ld, &fv);
			else
				from_double(v.d, &fv);
			format_float(&o, &fv, width, prec, fl, conv);
			break;
		}
		default:
			/* Unknown conversion: print it as written, as glibc does. */
			emit(&o, "%", 1);
			emit(&o, &fmt[-1], 1);
			break;
		}
	}
	va_end(a.ap);
	if (o.error || (f->flags & F_ERR))
		return -1;
	if (o.count > INT_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (int)o.count;
}
