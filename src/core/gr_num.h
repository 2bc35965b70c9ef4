/*
 * gr_num.h — exact decimals for the rules: sums and comparisons of cell
 * values without floating point, and their text for messages.
 */
#ifndef GR_NUM_H
#define GR_NUM_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "gr_core.h"
#include "gr_internal.h"

static inline gr_num
gr_num_make(int64_t mant, int scale)
{
	gr_num		n = {mant, scale, 1};

	return n;
}

static inline int64_t
gr_num_pow10(int n)
{
	int64_t		p = 1;

	while (n-- > 0)
		p *= 10;
	return p;
}

/*
 * The arithmetic is exact or refuses: values are brought to a common
 * scale in 128 bits, and a result that does not fit 64 bits is no value
 * (set = 0), which the rules treat as a sum they cannot know.  A cell of
 * eighteen digits therefore never wraps into a negative sum.
 */
typedef __int128 gr_wide;

/* a at scale s (s >= a.scale) in 128 bits; false if beyond them */
static inline bool
gr_num_wide(gr_num a, int s, gr_wide *out)
{
	gr_wide		m = a.mant;

	for (int i = a.scale; i < s; i++)
		if (__builtin_mul_overflow(m, 10, &m))
			return false;
	*out = m;
	return true;
}

/* a + b, or no value when a part has none or the sum leaves 64 bits */
static inline gr_num
gr_num_add(gr_num a, gr_num b)
{
	int			s = a.scale > b.scale ? a.scale : b.scale;
	gr_wide		x,
				y,
				z;
	gr_num		none = {0, 0, 0};
	int64_t		m;

	/* counts: one scale, no widening (the same bounds: never INT64_MIN) */
	if (a.set && b.set && a.scale == b.scale)
		return __builtin_add_overflow(a.mant, b.mant, &m) || m == INT64_MIN ? none : gr_num_make(m, s);
	if (!a.set || !b.set || !gr_num_wide(a, s, &x) || !gr_num_wide(b, s, &y) ||
		__builtin_add_overflow(x, y, &z) || z > INT64_MAX || z < -INT64_MAX)
		return none;
	return gr_num_make((int64_t) z, s);
}

static inline gr_num
gr_num_neg(gr_num a)
{
	a.mant = -a.mant;			/* values never hold INT64_MIN: see gr_num_add */
	return a;
}

/* Exact comparison; values of unequal scale are compared in 128 bits. */
static inline int
gr_num_cmp(gr_num a, gr_num b)
{
	int			s = a.scale > b.scale ? a.scale : b.scale;
	gr_wide		x,
				y;

	if ((a.mant < 0) != (b.mant < 0))
		return a.mant < 0 ? -1 : 1;
	if (!gr_num_wide(a, s, &x) || !gr_num_wide(b, s, &y))
	{
		/* one side is beyond 10^38: the one scaled up is the larger in size */
		bool		a_big = a.scale < b.scale;

		return (a_big == (a.mant >= 0)) ? 1 : -1;
	}
	return x < y ? -1 : x > y ? 1 : 0;
}

/* Without trailing zeros after the point: 25.1000 → 25.1, 3.0 → 3. */
static inline void
gr_num_format(gr_num a, char *buf, size_t cap)
{
	int64_t		m = a.mant;
	int			s = a.scale;
	int64_t		p;
	gr_fbuf		b;

	gr_fb_init(&b, buf, cap);
	while (s > 0 && m % 10 == 0)
	{
		m /= 10;
		s--;
	}
	if (s == 0)
	{
		gr_fb_int(&b, (long long) m, 0);
		return;
	}
	p = gr_num_pow10(s);
	if (m < 0)
		gr_fb_putn(&b, "-", 1);
	gr_fb_int(&b, (long long) ((m < 0 ? -m : m) / p), 0);
	gr_fb_putn(&b, ".", 1);
	gr_fb_int(&b, (long long) ((m < 0 ? -m : m) % p), s);
}

#endif							/* GR_NUM_H */
