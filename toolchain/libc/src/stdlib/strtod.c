/* strtod, strtof, strtold -- C11 7.22.1.3, correctly rounded.
 *
 * The decimal string becomes an integer D (its first 800 significant
 * digits; any nonzero digit after them is kept as a final '1', which is
 * enough to decide every rounding, as no halfway point between two
 * doubles or floats needs more digits) and a power of ten E.  Then, with
 * big integers (base 2^32):
 *   E >= 0:  q = D * 10^E exactly;
 *   E < 0:   q = floor(D * 2^s / 10^-E), s chosen so q has at least p+3
 *            bits, plus a sticky bit telling whether the division was
 *            exact (10^-E is divided out 10^9 at a time: floor(floor(x/a)/b)
 *            is floor(x/(ab)));
 * and q * 2^-s is rounded once, half to even, to the format's p bits (fewer
 * for subnormals).  Hexadecimal input goes through the same rounding.
 * "inf", "infinity", "nan" and "nan(chars)" are accepted in any case. */
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SIG_DIGITS 800
#define LIMBS 700

enum { FMT_FLOAT, FMT_DOUBLE, FMT_LDOUBLE };

struct fmt {
	int p;          /* significand bits */
	int emin;       /* exponent of the smallest normal */
	int emax;
};

static const struct fmt formats[3] = {
	{24, -126, 127},
	{53, -1022, 1023},
#if LDBL_MANT_DIG == 64
	{64, -16382, 16383},
#elif LDBL_MANT_DIG == 113
	{113, -16382, 16383},
#else
	{53, -1022, 1023},
#endif
};

struct big {
	uint32_t w[LIMBS];
	int n;
};

static void big_mul_add(struct big *b, uint32_t mul, uint32_t add)
{
	uint64_t carry = add;
	int i;
	for (i = 0; i < b->n; i++) {
		uint64_t t = (uint64_t)b->w[i] * mul + carry;
		b->w[i] = (uint32_t)t;
		carry = t >> 32;
	}
	if (carry && b->n < LIMBS)
		b->w[b->n++] = (uint32_t)carry;
}

static uint32_t big_div_small(struct big *b, uint32_t div)
{
	uint64_t rem = 0;
	int i;
	for (i = b->n - 1; i >= 0; i--) {
		uint64_t cur = rem << 32 | b->w[i];
		b->w[i] = (uint32_t)(cur / div);
		rem = cur % div;
	}
	while (b->n > 0 && b->w[b->n - 1] == 0)
		b->n--;
	return (uint32_t)rem;
}

static void big_shl(struct big *b, int bits)
{
	int words = bits / 32, r = bits % 32, i;
	if (b->n == 0)
		return;
	if (r) {
		uint32_t carry = 0;
		for (i = 0; i < b->n; i++) {
			uint32_t w = b->w[i];
			b->w[i] = w << r | carry;
			carry = w >> (32 - r);
		}
		if (carry)
			b->w[b->n++] = carry;
	}
	if (words) {
		for (i = b->n - 1; i >= 0; i--)
			b->w[i + words] = b->w[i];
		for (i = 0; i < words; i++)
			b->w[i] = 0;
		b->n += words;
	}
}

static int big_bitlen(const struct big *b)
{
	uint32_t top;
	int bits;
	if (b->n == 0)
		return 0;
	top = b->w[b->n - 1];
	bits = (b->n - 1) * 32;
	while (top) {
		bits++;
		top >>= 1;
	}
	return bits;
}

static int big_bit(const struct big *b, int i)
{
	if (i < 0 || i / 32 >= b->n)
		return 0;
	return (b->w[i / 32] >> (i % 32)) & 1;
}

static int big_any_below(const struct big *b, int i)     /* a set bit below bit i? */
{
	int k;
	for (k = 0; k < i / 32 && k < b->n; k++)
		if (b->w[k])
			return 1;
	if (i / 32 < b->n && (b->w[i / 32] & (((uint32_t)1 << (i % 32)) - 1)))
		return 1;
	return 0;
}

union result {
	float f;
	double d;
	long double ld;
};

/* Assemble sign * m * 2^x (m < 2^p, already rounded; m >= 2^(p-1) unless
 * subnormal or zero) in the format; infinity when too large. */
static void encode(int fmt, int neg, const uint32_t m[4], int x, union result *r)
{
	const struct fmt *F = &formats[fmt];
	int normal = (m[(F->p - 1) / 32] >> ((F->p - 1) % 32)) & 1;
	int biased = normal ? x + F->p - 1 - F->emin + 1 : 0;   /* 1 at emin */
	int inf = normal && x + F->p - 1 > F->emax;
	if (inf)
		errno = ERANGE;
	if (fmt == FMT_FLOAT) {
		uint32_t b = inf ? 0x7f800000u : ((uint32_t)biased << 23) | (m[0] & 0x7fffff);
		b |= (uint32_t)neg << 31;
		memcpy(&r->f, &b, 4);
	} else if (fmt == FMT_DOUBLE || F->p == 53) {
		uint64_t mm = (uint64_t)m[1] << 32 | m[0];
		uint64_t b = inf ? 0x7ff0000000000000ULL
		                 : ((uint64_t)biased << 52) | (mm & 0xfffffffffffffULL);
		b |= (uint64_t)neg << 63;
		if (fmt == FMT_DOUBLE) {
			memcpy(&r->d, &b, 8);
		} else {
			double d;
			memcpy(&d, &b, 8);
			r->ld = d;
		}
	} else if (F->p == 64) {
		unsigned char raw[sizeof(long double)];
		uint64_t mm = (uint64_t)m[1] << 32 | m[0];
		unsigned se = (unsigned)(inf ? 0x7fff : biased) | (unsigned)neg << 15;
		if (inf)
			mm = 0x8000000000000000ULL;
		memset(raw, 0, sizeof raw);
		memcpy(raw, &mm, 8);
		raw[8] = (unsigned char)se;
		raw[9] = (unsigned char)(se >> 8);
		memcpy(&r->ld, raw, sizeof raw);
	} else {
		uint64_t lo = (uint64_t)m[1] << 32 | m[0];
		uint64_t hi = ((uint64_t)m[3] << 32 | m[2]) & 0xffffffffffffULL;
		if (inf)
			lo = hi = 0, biased = 0x7fff;
		hi |= (uint64_t)biased << 48 | (uint64_t)neg << 63;
		memcpy(&r->ld, &lo, 8);
		memcpy((char *)&r->ld + 8, &hi, 8);
	}
}

/* Round q * 2^x (+ sticky, a nonzero tail below q's last bit) to the format. */
static void round_to_format(int fmt, int neg, struct big *q, int sticky, int x, union result *r)
{
	const struct fmt *F = &formats[fmt];
	uint32_t m[4] = {0, 0, 0, 0};
	int L = big_bitlen(q), e2, keep, drop, i, up, inexact;
	if (L == 0) {
		encode(fmt, neg, m, 0, r);
		return;
	}
	e2 = L - 1 + x;                         /* value in [2^e2, 2^(e2+1)) */
	keep = e2 >= F->emin ? F->p : F->p - (F->emin - e2);
	drop = L - keep;
	if (drop <= 0) {                        /* exact: shift up */
		for (i = 0; i < L; i++)
			if (big_bit(q, i))
				m[(i - drop) / 32] |= (uint32_t)1 << ((i - drop) % 32);
		encode(fmt, neg, m, x + drop, r);
		return;
	}
	for (i = drop; i < L; i++)
		if (big_bit(q, i))
			m[(i - drop) / 32] |= (uint32_t)1 << ((i - drop) % 32);
	{
		int half = big_bit(q, drop - 1);
		int rest = sticky || big_any_below(q, drop - 1);
		up = half && (rest || (m[0] & 1));
		inexact = half || rest;
	}
	x += drop;
	if (up) {
		for (i = 0; i < 4 && ++m[i] == 0; i++)
			;
		if ((m[F->p / 32] >> (F->p % 32)) & 1) {    /* carried to 2^p */
			for (i = 0; i < 4; i++)
				m[i] = m[i] >> 1 | (i < 3 ? m[i + 1] << 31 : 0);
			x++;
		}
	}
	if (inexact && !((m[(F->p - 1) / 32] >> ((F->p - 1) % 32)) & 1))
		errno = ERANGE;                 /* underflow: subnormal or zero, inexact */
	encode(fmt, neg, m, x, r);
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 32;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static int match_word(const char *s, const char *w)      /* case-insensitive prefix */
{
	int i;
	for (i = 0; w[i]; i++)
		if ((s[i] | 32) != w[i])
			return 0;
	return 1;
}

static const char *parse_hex(const char *s, int fmt, int neg, union result *r)
{
	static struct big q;
	int any = 0, sticky = 0, sig = 0, x = 0, seen_point = 0, d;
	long long pexp = 0;
	int max_digits = (formats[fmt].p + 8) / 4 + 1;
	q.n = 0;
	for (;; s++) {
		if (*s == '.' && !seen_point) {
			seen_point = 1;
			continue;
		}
		d = hexval((unsigned char)*s);
		if (d < 0)
			break;
		any = 1;
		if (sig == 0 && d == 0) {
			if (seen_point)
				x -= 4;
			continue;
		}
		if (sig < max_digits) {
			big_mul_add(&q, 16, (uint32_t)d);
			if (q.n == 0 && d)
				q.w[q.n++] = (uint32_t)d;
			sig++;
			if (seen_point)
				x -= 4;
		} else {
			if (d)
				sticky = 1;
			if (!seen_point)
				x += 4;
		}
	}
	if (!any)
		return 0;
	if ((*s | 32) == 'p') {
		const char *t = s + 1;
		int eneg = 0;
		if (*t == '+' || *t == '-')
			eneg = *t++ == '-';
		if (isdigit((unsigned char)*t)) {
			for (; isdigit((unsigned char)*t); t++)
				if (pexp < 100000)
					pexp = pexp * 10 + (*t - '0');
			if (eneg)
				pexp = -pexp;
			s = t;
		}
	}
	round_to_format(fmt, neg, &q, sticky, x + (int)pexp, r);
	return s;
}

static const char *parse_decimal(const char *s, int fmt, int neg, union result *r)
{
	static char digits[MAX_SIG_DIGITS + 2];
	static struct big q;
	const struct fmt *F = &formats[fmt];
	int nd = 0, any = 0, seen_point = 0, sticky = 0, i;
	long long dexp = 0, e10 = 0;
	long long upper = (long long)(F->emax + 1) * 30103 / 100000 + 2;
	long long lower = (long long)(F->emin - F->p) * 30103 / 100000 - 2;

	for (;; s++) {
		if (*s == '.' && !seen_point) {
			seen_point = 1;
			continue;
		}
		if (!isdigit((unsigned char)*s))
			break;
		any = 1;
		if (nd == 0 && *s == '0') {
			if (seen_point)
				dexp--;
			continue;
		}
		if (nd < MAX_SIG_DIGITS) {
			digits[nd++] = *s;
			if (seen_point)
				dexp--;
		} else {
			if (*s != '0')
				sticky = 1;
			if (!seen_point)
				dexp++;
		}
	}
	if (!any)
		return 0;
	if ((*s | 32) == 'e') {
		const char *t = s + 1;
		int eneg = 0;
		if (*t == '+' || *t == '-')
			eneg = *t++ == '-';
		if (isdigit((unsigned char)*t)) {
			for (; isdigit((unsigned char)*t); t++)
				if (e10 < 1000000000LL)
					e10 = e10 * 10 + (*t - '0');
			if (eneg)
				e10 = -e10;
			s = t;
		}
	}
	if (sticky) {                           /* the digits beyond: one nonzero digit */
		digits[nd++] = '1';
		dexp--;
	}
	dexp += e10;
	q.n = 0;
	if (nd == 0 || nd + dexp < lower) {
		if (nd)
			errno = ERANGE;
		round_to_format(fmt, neg, &q, 0, 0, r);
		return s;
	}
	if (nd + dexp > upper) {
		uint32_t inf_m[4] = {0, 0, 0, 0};
		inf_m[(F->p - 1) / 32] = (uint32_t)1 << ((F->p - 1) % 32);
		encode(fmt, neg, inf_m, F->emax + 1, r);  /* sets ERANGE */
		return s;
	}
	/* D as a big integer, nine digits at a time. */
	for (i = 0; i < nd;) {
		uint32_t chunk = 0, scale = 1;
		int k;
		for (k = 0; k < 9 && i < nd; k++, i++) {
			chunk = chunk * 10 + (uint32_t)(digits[i] - '0');
			scale *= 10;
		}
		big_mul_add(&q, scale, chunk);
		if (q.n == 0 && chunk)
			q.w[q.n++] = chunk;
	}
	if (dexp >= 0) {
		long long k;
		for (k = dexp; k >= 9; k -= 9)
			big_mul_add(&q, 1000000000u, 0);
		{
			uint32_t f = 1;
			for (; k > 0; k--)
				f *= 10;
			big_mul_add(&q, f, 0);
		}
		round_to_format(fmt, neg, &q, 0, 0, r);
	} else {
		long long k, neg_e = -dexp;
		int s_bits = F->p + 4 + (int)(neg_e * 3322 / 1000 + 1) - big_bitlen(&q);
		int rem_any = 0;
		if (s_bits < 0)
			s_bits = 0;
		big_shl(&q, s_bits);
		for (k = neg_e; k >= 9; k -= 9)
			if (big_div_small(&q, 1000000000u))
				rem_any = 1;
		{
			uint32_t f = 1;
			for (; k > 0; k--)
				f *= 10;
			if (f > 1 && big_div_small(&q, f))
				rem_any = 1;
		}
		round_to_format(fmt, neg, &q, rem_any, -s_bits, r);
	}
	return s;
}

static void make_special(int fmt, int neg, int nan, unsigned long long payload, union result *r)
{
	uint32_t m[4] = {0, 0, 0, 0};
	const struct fmt *F = &formats[fmt];
	int saved = errno;
	m[(F->p - 1) / 32] = (uint32_t)1 << ((F->p - 1) % 32);
	if (nan) {
		/* quiet NaN: the bit below the top one (x87: below the explicit bit) */
		m[(F->p - 2) / 32] |= (uint32_t)1 << ((F->p - 2) % 32);
	}
	encode(fmt, neg, m, F->emax + 1, r);
	if (nan) {
		/* encode made an infinity; set the quiet bit in the stored form */
		if (fmt == FMT_FLOAT) {
			uint32_t b;
			memcpy(&b, &r->f, 4);
			b |= 0x400000u | (uint32_t)(payload & 0x3fffff);
			memcpy(&r->f, &b, 4);
		} else if (fmt == FMT_DOUBLE || F->p == 53) {
			uint64_t b;
			double d = fmt == FMT_DOUBLE ? r->d : (double)r->ld;
			memcpy(&b, &d, 8);
			b |= 0x8000000000000ULL | (payload & 0x7ffffffffffffULL);
			memcpy(&d, &b, 8);
			if (fmt == FMT_DOUBLE)
				r->d = d;
			else
				r->ld = d;
		} else if (F->p == 64) {
			unsigned char raw[sizeof(long double)];
			uint64_t m;
			memcpy(raw, &r->ld, sizeof raw);
			memcpy(&m, raw, 8);
			m |= 0x4000000000000000ULL | (payload & 0x3fffffffffffffffULL);
			memcpy(raw, &m, 8);
			memcpy(&r->ld, raw, sizeof raw);
		} else {
			unsigned char raw[16];
			uint64_t lo;
			memcpy(raw, &r->ld, 16);
			raw[13] |= 0x80;
			memcpy(&lo, raw, 8);
			lo |= payload;
			memcpy(raw, &lo, 8);
			memcpy(&r->ld, raw, 16);
		}
	}
	errno = saved;
}

static void parse_number(const char *s, char **end, int fmt, union result *r)
{
	const char *start = s, *t;
	int neg = 0;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (match_word(s, "inf")) {
		s += match_word(s, "infinity") ? 8 : 3;
		make_special(fmt, neg, 0, 0, r);
	} else if (match_word(s, "nan")) {
		unsigned long long payload = 0;
		s += 3;
		if (*s == '(') {
			for (t = s + 1; isalnum((unsigned char)*t) || *t == '_'; t++)
				;
			if (*t == ')') {
				/* glibc: a number in the parentheses becomes the payload */
				char *pend;
				int saved = errno;
				payload = strtoull(s + 1, &pend, 0);
				if (pend != t)
					payload = 0;
				errno = saved;
				s = t + 1;
			}
		}
		make_special(fmt, neg, 1, payload, r);
	} else if (*s == '0' && (s[1] | 32) == 'x' &&
	           (hexval((unsigned char)s[2]) >= 0 ||
	            (s[2] == '.' && hexval((unsigned char)s[3]) >= 0))) {
		s = parse_hex(s + 2, fmt, neg, r);
	} else {
		t = parse_decimal(s, fmt, neg, r);
		if (!t) {
			s = start;
			memset(r, 0, sizeof *r);
		} else {
			s = t;
		}
	}
	if (end)
		*end = (char *)s;
}

float strtof(const char *restrict s, char **restrict end)
{
	union result r;
	parse_number(s, end, FMT_FLOAT, &r);
	return r.f;
}

double strtod(const char *restrict s, char **restrict end)
{
	union result r;
	parse_number(s, end, FMT_DOUBLE, &r);
	return r.d;
}

long double strtold(const char *restrict s, char **restrict end)
{
	union result r;
	parse_number(s, end, FMT_LDOUBLE, &r);
	return r.ld;
}

float strtof_l(const char *restrict s, char **restrict end, locale_t l)
{
	(void)l;
	return strtof(s, end);
}

double strtod_l(const char *restrict s, char **restrict end, locale_t l)
{
	(void)l;
	return strtod(s, end);
}

long double strtold_l(const char *restrict s, char **restrict end, locale_t l)
{
	(void)l;
	return strtold(s, end);
}
