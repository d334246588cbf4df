/* The drand48 family -- POSIX: X' = (a X + c) mod 2^48. */
#include <stdlib.h>
#include <stdint.h>

static unsigned short seed48_state[3] = {0x330e, 0, 0};
static unsigned short mult[3] = {0xe66d, 0xdeec, 0x5};
static unsigned short addend = 0xb;

static uint64_t step(unsigned short x[3])
{
	uint64_t v = x[0] | (uint64_t)x[1] << 16 | (uint64_t)x[2] << 32;
	uint64_t a = mult[0] | (uint64_t)mult[1] << 16 | (uint64_t)mult[2] << 32;
	v = (a * v + addend) & 0xffffffffffffULL;
	x[0] = (unsigned short)v;
	x[1] = (unsigned short)(v >> 16);
	x[2] = (unsigned short)(v >> 32);
	return v;
}

double erand48(unsigned short x[3])
{
	return (double)step(x) / 281474976710656.0;
}

double drand48(void) { return erand48(seed48_state); }
long nrand48(unsigned short x[3]) { return (long)(step(x) >> 17); }
long lrand48(void) { return nrand48(seed48_state); }
long jrand48(unsigned short x[3]) { return (long)(int32_t)(step(x) >> 16); }
long mrand48(void) { return jrand48(seed48_state); }

void srand48(long seed)
{
	seed48_state[0] = 0x330e;
	seed48_state[1] = (unsigned short)seed;
	seed48_state[2] = (unsigned short)(seed >> 16);
	mult[0] = 0xe66d, mult[1] = 0xdeec, mult[2] = 0x5;
	addend = 0xb;
}

unsigned short *seed48(unsigned short s[3])
{
	static unsigned short old[3];
	old[0] = seed48_state[0], old[1] = seed48_state[1], old[2] = seed48_state[2];
	seed48_state[0] = s[0], seed48_state[1] = s[1], seed48_state[2] = s[2];
	mult[0] = 0xe66d, mult[1] = 0xdeec, mult[2] = 0x5;
	addend = 0xb;
	return old;
}

void lcong48(unsigned short p[7])
{
	seed48_state[0] = p[0], seed48_state[1] = p[1], seed48_state[2] = p[2];
	mult[0] = p[3], mult[1] = p[4], mult[2] = p[5];
	addend = p[6];
}
