/* inet_aton, inet_addr, inet_ntoa -- IPv4 dotted notation.  inet_aton takes
 * the classic forms: a, a.b (b 24 bits), a.b.c (c 16 bits) and a.b.c.d, each
 * part decimal, octal (leading 0) or hexadecimal (0x). */
#include <arpa/inet.h>
#include <ctype.h>

/* One part of a dotted address at *cp: its value, or -1 when malformed. */
static long part(const char **cp)
{
	const char *p = *cp;
	unsigned long value = 0, base = 10;
	if (*p == '0') {
		p++;
		if (*p == 'x' || *p == 'X') {
			base = 16;
			if (!isxdigit((unsigned char)*++p))     /* "0x" alone is malformed */
				return -1;
		} else {
			base = 8;
		}
	}
	for (;; p++) {
		unsigned char c = (unsigned char)*p;
		if (isdigit(c)) {
			if (base == 8 && c >= '8')
				return -1;
			value = value * base + (c - '0');
		} else if (base == 16 && isxdigit(c)) {
			value = value * 16 + (unsigned long)(tolower(c) - 'a' + 10);
		} else {
			break;
		}
		if (value > 0xffffffffUL)
			return -1;
	}
	*cp = p;
	return (long)value;
}

int inet_aton(const char *cp, struct in_addr *inp)
{
	unsigned long parts[4];
	int n = 0;
	in_addr_t value;
	for (;;) {
		long v;
		if (!isdigit((unsigned char)*cp) || n == 4)
			return 0;
		v = part(&cp);
		if (v < 0)
			return 0;
		parts[n++] = (unsigned long)v;
		if (*cp != '.')
			break;
		cp++;
	}
	if (*cp && !isspace((unsigned char)*cp))
		return 0;
	switch (n) {
	case 1:
		value = (in_addr_t)parts[0];
		break;
	case 2:
		if (parts[0] > 0xff || parts[1] > 0xffffff)
			return 0;
		value = (in_addr_t)(parts[0] << 24 | parts[1]);
		break;
	case 3:
		if (parts[0] > 0xff || parts[1] > 0xff || parts[2] > 0xffff)
			return 0;
		value = (in_addr_t)(parts[0] << 24 | parts[1] << 16 | parts[2]);
		break;
	default:
		if (parts[0] > 0xff || parts[1] > 0xff || parts[2] > 0xff || parts[3] > 0xff)
			return 0;
		value = (in_addr_t)(parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3]);
		break;
	}
	if (inp)
		inp->s_addr = htonl(value);
	return 1;
}

in_addr_t inet_addr(const char *cp)
{
	struct in_addr a;
	return inet_aton(cp, &a) ? a.s_addr : INADDR_NONE;
}

char *inet_ntoa(struct in_addr in)
{
	static char buffer[INET_ADDRSTRLEN];
	unsigned char *b = (unsigned char *)&in.s_addr;
	int i, n = 0;
	for (i = 0; i < 4; i++) {
		unsigned v = b[i];
		if (v >= 100)
			buffer[n++] = (char)('0' + v / 100);
		if (v >= 10)
			buffer[n++] = (char)('0' + v / 10 % 10);
		buffer[n++] = (char)('0' + v % 10);
		buffer[n++] = i < 3 ? '.' : '\0';
	}
	return buffer;
}
