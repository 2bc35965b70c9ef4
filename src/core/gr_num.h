/*
 * gr_num.h — exact decimals for the rules: sums and comparisons of cell
 * values without floating point, and their text for messages.
 */
#ifndef GR_NUM_H
#define GR_NUM_H

#include <stdio.h>

#include "gr_core.h"

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

/* a at scale s (s >= a.scale) */
static inline int64_t
gr_num_at(gr_num a, int s)
{
	return a.mant * gr_num_pow10(s - a.scale);
}

static inline gr_num
gr_num_add(gr_num a, gr_num b)
{
	int			s = a.scale > b.scale ? a.scale : b.scale;

	return gr_num_make(gr_num_at(a, s) + gr_num_at(b, s), s);
}

static inline gr_num
gr_num_neg(gr_num a)
{
	a.mant = -a.mant;
	return a;
}

static inline int
gr_num_cmp(gr_num a, gr_num b)
{
	int			s = a.scale > b.scale ? a.scale : b.scale;
	int64_t		x = gr_num_at(a, s),
				y = gr_num_at(b, s);

	return x < y ? -1 : x > y ? 1 : 0;
}

/* Without trailing zeros after the point: 25.1000 → 25.1, 3.0 → 3. */
static inline void
gr_num_format(gr_num a, char *buf, size_t cap)
{
	int64_t		m = a.mant;
	int			s = a.scale;
	int64_t		p,
				ip,
				fp;

	while (s > 0 && m % 10 == 0)
	{
		m /= 10;
		s--;
	}
	if (s == 0)
	{
		snprintf(buf, cap, "%lld", (long long) m);
		return;
	}
	p = gr_num_pow10(s);
	ip = (m < 0 ? -m : m) / p;
	fp = (m < 0 ? -m : m) % p;
	snprintf(buf, cap, "%s%lld.%0*lld", m < 0 ? "-" : "", (long long) ip, s, (long long) fp);
}

#endif							/* GR_NUM_H */
