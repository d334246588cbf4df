/* The 64-bit division helpers (__divdi3 and friends) for x86-16: gcc -m16
 * and pcc -m16 call them just as i386 code does, so the i386 source is
 * compiled again here. */
#include "../i386/divdi3.c"
