/* inet_pton, inet_ntop -- IPv4 and IPv6 addresses, text <-> binary
 * (network byte order).  Text forms: IPv4 is exactly four decimal parts
 * 0-255 without leading zeros; IPv6 is eight hex groups of up to four
 * digits, one "::" standing for a run of zero groups, and optionally a
 * dotted IPv4 address as the last 32 bits (RFC 4291 2.2).  inet_ntop
 * writes the RFC 5952 form: lower case, the longest run of two or more
 * zero groups (the first of equals) as "::", and "::a.b.c.d" or
 * "::ffff:a.b.c.d" for IPv4-compatible and -mapped addresses. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

static int pton4(const char *src, unsigned char *dst)
{
	unsigned char out[4];
	int parts = 0, digits = 0;
	unsigned value = 0;
	for (;; src++) {
		if (*src >= '0' && *src <= '9') {
			if (digits && value == 0)       /* no leading zeros */
				return 0;
			value = value * 10 + (unsigned)(*src - '0');
			if (value > 255)
				return 0;
			digits++;
		} else if ((*src == '.' || !*src) && digits && parts < 4) {
			out[parts++] = (unsigned char)value;
			value = 0;
			digits = 0;
			if (!*src)
				break;
		} else {
			return 0;
		}
	}
	if (parts != 4)
		return 0;
	memcpy(dst, out, 4);
	return 1;
}

static int hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int pton6(const char *src, unsigned char *dst)
{
	unsigned char out[16], *tp = out, *end = out + 16, *gap = 0;
	const char *group = src;
	unsigned value = 0;
	int digits = 0;
	memset(out, 0, sizeof out);
	if (*src == ':' && *++src != ':')
		return 0;
	for (;;) {
		int c = (unsigned char)*src++, d = hex_value(c);
		if (d >= 0) {
			if (digits == 4)
				return 0;
			value = value << 4 | (unsigned)d;
			digits++;
		} else if (c == ':') {
			group = src;
			if (!digits) {                  /* the "::" */
				if (gap)
					return 0;
				gap = tp;
				continue;
			}
			if (!*src || tp + 2 > end)
				return 0;
			*tp++ = (unsigned char)(value >> 8);
			*tp++ = (unsigned char)value;
			value = 0;
			digits = 0;
		} else if (c == '.' && tp + 4 <= end && pton4(group, tp)) {
			tp += 4;
			digits = 0;
			break;
		} else if (c == '\0') {
			break;
		} else {
			return 0;
		}
	}
	if (digits) {
		if (tp + 2 > end)
			return 0;
		*tp++ = (unsigned char)(value >> 8);
		*tp++ = (unsigned char)value;
	}
	if (gap) {
		size_t tail = (size_t)(tp - gap);
		if (tp == end)
			return 0;
		memmove(end - tail, gap, tail);
		memset(gap, 0, (size_t)(end - tail - gap));
		tp = end;
	}
	if (tp != end)
		return 0;
	memcpy(dst, out, 16);
	return 1;
}

int inet_pton(int af, const char *__restrict src, void *__restrict dst)
{
	if (af == AF_INET)
		return pton4(src, dst);
	if (af == AF_INET6)
		return pton6(src, dst);
	errno = EAFNOSUPPORT;
	return -1;
}

static const char *copy_out(const char *text, char *dst, socklen_t size)
{
	if (strlen(text) >= size) {
		errno = ENOSPC;
		return 0;
	}
	return strcpy(dst, text);
}

static void ntop4(const unsigned char *a, char *out)
{
	sprintf(out, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
}

static void ntop6(const unsigned char *a, char *out)
{
	unsigned words[8];
	int i, best = -1, best_len = 0, run = -1, run_len = 0;
	for (i = 0; i < 8; i++)
		words[i] = (unsigned)a[2 * i] << 8 | a[2 * i + 1];
	for (i = 0; i < 8; i++) {
		if (words[i] == 0) {
			if (run < 0)
				run = i, run_len = 0;
			run_len++;
			if (run_len > best_len)
				best = run, best_len = run_len;
		} else {
			run = -1;
		}
	}
	if (best_len < 2)
		best = -1;
	for (i = 0; i < 8; i++) {
		if (i == best) {
			out += sprintf(out, i == 0 ? "::" : ":");
			i += best_len - 1;
			continue;
		}
		if (i == 6 && best == 0 && (best_len == 6 || (best_len == 5 && words[5] == 0xffff))) {
			ntop4(a + 12, out);
			return;
		}
		out += sprintf(out, "%x%s", words[i], i < 7 ? ":" : "");
	}
	*out = '\0';
}

const char *inet_ntop(int af, const void *__restrict src, char *__restrict dst, socklen_t size)
{
	char text[INET6_ADDRSTRLEN];
	if (af == AF_INET)
		ntop4(src, text);
	else if (af == AF_INET6)
		ntop6(src, text);
	else {
		errno = EAFNOSUPPORT;
		return 0;
	}
	return copy_out(text, dst, size);
}
