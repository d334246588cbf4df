/* The float transcendental functions: the long double ones (transcend.c)
 * rounded to float. */
#include <math.h>

float expf(float x) { return (float)expl(x); }
float expm1f(float x) { return (float)expm1l(x); }
float logf(float x) { return (float)logl(x); }
float log1pf(float x) { return (float)log1pl(x); }
float log2f(float x) { return (float)log2l(x); }
float log10f(float x) { return (float)log10l(x); }
float exp2f(float x) { return (float)exp2l(x); }
float exp10f(float x) { return (float)exp10l(x); }
float pow10f(float x) { return (float)pow10l(x); }
float sinf(float x) { return (float)sinl(x); }
float cosf(float x) { return (float)cosl(x); }
float tanf(float x) { return (float)tanl(x); }
float atanf(float x) { return (float)atanl(x); }
float asinf(float x) { return (float)asinl(x); }
float acosf(float x) { return (float)acosl(x); }
float sinhf(float x) { return (float)sinhl(x); }
float coshf(float x) { return (float)coshl(x); }
float tanhf(float x) { return (float)tanhl(x); }
float asinhf(float x) { return (float)asinhl(x); }
float acoshf(float x) { return (float)acoshl(x); }
float atanhf(float x) { return (float)atanhl(x); }
float cbrtf(float x) { return (float)cbrtl(x); }
float erff(float x) { return (float)erfl(x); }
float erfcf(float x) { return (float)erfcl(x); }
float lgammaf(float x) { return (float)lgammal(x); }
float gammaf(float x) { return (float)gammal(x); }
float tgammaf(float x) { return (float)tgammal(x); }
float j0f(float x) { return (float)j0l(x); }
float j1f(float x) { return (float)j1l(x); }
float y0f(float x) { return (float)y0l(x); }
float y1f(float x) { return (float)y1l(x); }
float powf(float x, float y) { return (float)powl(x, y); }
float atan2f(float x, float y) { return (float)atan2l(x, y); }
float jnf(int n, float x) { return (float)jnl(n, x); }
float ynf(int n, float x) { return (float)ynl(n, x); }
float lgamma_rf(float x, int *s) { return (float)lgamma_rl(x, s); }
void sincosf(float x, float *s, float *c) { *s = (float)sinl(x); *c = (float)cosl(x); }
float scalbf(float x, float n) { return scalbnf(x, (int)(n > 100000 ? 100000 : n < -100000 ? -100000 : n)); }
