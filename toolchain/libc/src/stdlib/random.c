/* rand, srand, random, srandom -- glibc's generator, so seeded sequences
 * match: the additive feedback r[i] = r[i-3] + r[i-31] (mod 2^32), seeded
 * by r[0] = seed, r[i] = 16807 r[i-1] mod (2^31 - 1) for i < 31, with the
 * first 310 outputs discarded; each result is r >> 1.  rand_r is the
 * POSIX one-word generator (glibc's three-step variant). */
#include <stdlib.h>
#include <stdint.h>

static uint32_t state[34];
static int front, rear, seeded;

void srandom(unsigned seed)
{
	int i;
	int32_t r;
	if (seed == 0)
		seed = 1;
	state[0] = seed;
	r = (int32_t)seed;
	for (i = 1; i < 31; i++) {
		int32_t hi = r / 127773, lo = r % 127773;
		r = 16807 * lo - 2836 * hi;
		if (r < 0)
			r += 2147483647;
		state[i] = (uint32_t)r;
	}
	front = 3;                      /* index of r[i-31] ... */
	rear = 0;                       /* ... and r[i-3], in a ring of 31 */
	seeded = 1;
	for (i = 0; i < 310; i++)
		random();
}

long random(void)
{
	uint32_t v;
	if (!seeded)
		srandom(1);
	v = state[front] += state[rear];
	front = (front + 1) % 31;
	rear = (rear + 1) % 31;
	return (long)(v >> 1);
}

void srand(unsigned seed)
{
	srandom(seed);
}

int rand(void)
{
	return (int)random();
}

int rand_r(unsigned *seed)
{
	unsigned next = *seed;
	int result;
	next *= 1103515245;
	next += 12345;
	result = (unsigned)(next / 65536) % 2048;
	next *= 1103515245;
	next += 12345;
	result <<= 10;
	result ^= (unsigned)(next / 65536) % 1024;
	next *= 1103515245;
	next += 12345;
	result <<= 10;
	result ^= (unsigned)(next / 65536) % 1024;
	*seed = next;
	return result;
}
