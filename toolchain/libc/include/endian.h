/* endian.h -- byte order (from __BYTE_ORDER__) and the BSD conversions. */
#ifndef _ENDIAN_H
#define _ENDIAN_H

#include <features.h>

#define __LITTLE_ENDIAN 1234
#define __BIG_ENDIAN 4321
#define __PDP_ENDIAN 3412
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define __BYTE_ORDER __BIG_ENDIAN
#else
#define __BYTE_ORDER __LITTLE_ENDIAN
#endif
#define __FLOAT_WORD_ORDER __BYTE_ORDER

#define LITTLE_ENDIAN __LITTLE_ENDIAN
#define BIG_ENDIAN __BIG_ENDIAN
#define PDP_ENDIAN __PDP_ENDIAN
#define BYTE_ORDER __BYTE_ORDER

#if __BYTE_ORDER == __LITTLE_ENDIAN
#define htobe16(x) __builtin_bswap16(x)
#define htole16(x) (__UINT16_TYPE__)(x)
#define be16toh(x) __builtin_bswap16(x)
#define le16toh(x) (__UINT16_TYPE__)(x)
#define htobe32(x) __builtin_bswap32(x)
#define htole32(x) (__UINT32_TYPE__)(x)
#define be32toh(x) __builtin_bswap32(x)
#define le32toh(x) (__UINT32_TYPE__)(x)
#define htobe64(x) __builtin_bswap64(x)
#define htole64(x) (__UINT64_TYPE__)(x)
#define be64toh(x) __builtin_bswap64(x)
#define le64toh(x) (__UINT64_TYPE__)(x)
#else
#define htobe16(x) (__UINT16_TYPE__)(x)
#define htole16(x) __builtin_bswap16(x)
#define be16toh(x) (__UINT16_TYPE__)(x)
#define le16toh(x) __builtin_bswap16(x)
#define htobe32(x) (__UINT32_TYPE__)(x)
#define htole32(x) __builtin_bswap32(x)
#define be32toh(x) (__UINT32_TYPE__)(x)
#define le32toh(x) __builtin_bswap32(x)
#define htobe64(x) (__UINT64_TYPE__)(x)
#define htole64(x) __builtin_bswap64(x)
#define be64toh(x) (__UINT64_TYPE__)(x)
#define le64toh(x) __builtin_bswap64(x)
#endif
#define betoh16(x) be16toh(x)
#define letoh16(x) le16toh(x)
#define betoh32(x) be32toh(x)
#define letoh32(x) le32toh(x)
#define betoh64(x) be64toh(x)
#define letoh64(x) le64toh(x)

#endif
