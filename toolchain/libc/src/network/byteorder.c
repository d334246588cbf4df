/* htonl, htons, ntohl, ntohs -- host to network (big-endian) byte order.
 * netinet/in.h also defines them as macros; these are the functions behind
 * them, for code that takes their address or #undefs the macros. */
#include <netinet/in.h>

#undef htonl
#undef htons
#undef ntohl
#undef ntohs

uint32_t htonl(uint32_t hostlong)
{
	return __builtin_bswap32(hostlong);
}

uint16_t htons(uint16_t hostshort)
{
	return __builtin_bswap16(hostshort);
}

uint32_t ntohl(uint32_t netlong)
{
	return __builtin_bswap32(netlong);
}

uint16_t ntohs(uint16_t netshort)
{
	return __builtin_bswap16(netshort);
}
