/* Bit-counting helpers the compiler may call (libgcc's names). */
int __popcountdi2(unsigned long long x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

int __popcountsi2(unsigned x) { return __popcountdi2(x); }

int __paritydi2(unsigned long long x) { return __popcountdi2(x) & 1; }
int __paritysi2(unsigned x) { return __popcountdi2(x) & 1; }

int __clzdi2(unsigned long long x)
{
	int n = 0;
	while (!(x & 0x8000000000000000ULL)) {
		x <<= 1;
		n++;
	}
	return n;
}

int __ctzdi2(unsigned long long x)
{
	int n = 0;
	while (!(x & 1)) {
		x >>= 1;
		n++;
	}
	return n;
}

int __clzsi2(unsigned x) { return __clzdi2(x) - 32; }
int __ctzsi2(unsigned x) { return __ctzdi2(x); }
int __ffsdi2(long long x) { return x ? __ctzdi2((unsigned long long)x) + 1 : 0; }

/* Byte swaps, for __builtin_bswap32/64 where the ISA has no instruction
 * (RISC-V without Zbb).  Plain shifts: GCC turns them into a call to these
 * only where it has a bswap instruction to use instead. */
unsigned __bswapsi2(unsigned x)
{
	return (x >> 24) | ((x >> 8) & 0xff00) | ((x << 8) & 0xff0000) | (x << 24);
}

unsigned long long __bswapdi2(unsigned long long x)
{
	return ((unsigned long long)__bswapsi2((unsigned)x) << 32) | __bswapsi2((unsigned)(x >> 32));
}
