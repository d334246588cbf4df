/* sys/sysmacros.h -- dev_t encoding (Linux's: 12-bit major, 20-bit minor,
 * split across the 64-bit value). */
#ifndef _SYS_SYSMACROS_H
#define _SYS_SYSMACROS_H

#define major(dev) ((unsigned int)((((dev) >> 31 >> 1) & 0xfffff000) | (((dev) >> 8) & 0x00000fff)))
#define minor(dev) ((unsigned int)((((dev) >> 12) & 0xffffff00) | ((dev) & 0x000000ff)))
#define makedev(x, y) ( \
	(((x) & 0xfffff000ULL) << 32) | (((x) & 0x00000fffULL) << 8) | \
	(((y) & 0xffffff00ULL) << 12) | (((y) & 0x000000ffULL)))

#endif
