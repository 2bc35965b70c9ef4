/*
 * gr_digits_meet.c — the readings of a glued row whose last column is the
 * sum of all the others (表三's 总计 of its six applicant columns, 表四's
 * 总计 of its four results), found from two halves of the parts instead
 * of walked: the same readings in the same order as gr_digits_walk.c.
 *
 * A total of L digits is the number of the last L, and the parts before
 * it add up to it.  The right half of the parts (with the total) is made once for
 * every place it can begin and kept by what it leaves the left half to
 * add up to; the left half is then walked, and each of its cuts finds its
 * right halves by that sum.  Left cuts in the walk's order, each with its
 * right halves in the walk's order, are the readings in the walk's order:
 * the same first readings, and the walk's count of them up to one more
 * than kept.  Lengths of the total that no reading can have are left out
 * first: a part no longer than the total, one at least one digit shorter
 * (k parts of fewer digits stay below it), the digits' sum modulo 9.
 * Each part then ends only where the parts after it can still end at a
 * total, or, on the left, where a right half begins (masks of places).
 */
#include "gr_digits.h"

#define MEET_HALVES 2048		/* right halves kept at most; a row with more is walked */

typedef struct meet_half
{
	int64_t		need;			/* the total less this half's parts: what the left half adds to */
	int32_t		next;			/* the next half of the same hash slot, -1 at the end */
	uint8_t		at;				/* where the half begins */
	int8_t		len[T3_NCOLS + 1];	/* the digits of its parts (from the h-th), then of the total */
} meet_half;

typedef struct meet
{
	reading    *r;
	int			k,
				h;				/* the row's parts, of which the left half has the first h */
	int			ntl;			/* the total's candidate lengths, longest first */
	int			tlen[19];
	int64_t		total[19];		/* the total of each */
	int			lcap;			/* no part is longer than the longest */
	int64_t		tmax;			/* nor any half's sum larger than its total */
	int8_t		rlen[T3_NCOLS + 1];	/* the half being made: its parts' digits */
	uint64_t	rfit[T3_NCOLS + 1];	/* where q more parts of the right half can begin (bits) */
	uint64_t	lfit[T3_NCOLS + 1];	/* where q more parts of the left half can begin */
	int64_t		num[DIGITS_MAX][19];	/* the number of digits [at, at + len), len <= lcap */
	meet_half	half[MEET_HALVES];
	int			nhalf;
	int32_t		head[2 * MEET_HALVES];
	uint32_t	mask;
} meet;

static inline uint32_t
meet_slot(const meet *m, int at, int64_t need)
{
	return (uint32_t) (((uint64_t) need * 0x9E3779B97F4A7C15u + (uint64_t) at * 0xBF58476D1CE4E5B9u) >> 40) & m->mask;
}

/* Only a row of one sum, its total last and every other column one of its parts. */
static bool
meet_applies(const reading *r)
{
	uint32_t	seen = 0;

	if (r->nsums != 1 || r->sums[0].total != r->ncols - 1 || r->sums[0].nparts != r->ncols - 1 ||
		r->ncols - 1 > T3_NCOLS)
		return false;
	for (int p = 0; p < r->sums[0].nparts; p++)
		seen |= 1u << r->sums[0].parts[p];
	return seen == (1u << (r->ncols - 1)) - 1;
}

/* The total's lengths that can hold a reading, longest first, and the numbers of up to the longest digits. */
static bool
meet_totals(meet *m)
{
	const digit_run *run = m->r->run;
	int			n = run->n,
				k = m->k,
				digsum = 0;
	int			ds[DIGITS_MAX + 1];

	ds[0] = 0;
	for (int i = 0; i < n; i++)
		ds[i + 1] = digsum += run->d[i] - '0';
	m->ntl = 0;
	m->tmax = 0;
	for (int L = (n - k < 18 ? n - k : 18); L >= 1; L--)
	{
		int			at = n - L;
		int64_t		t = 0;

		if ((L > 1 && run->d[at] == '0') || at > k * L || (L > 1 && at < L - 1 + k - 1))
			continue;
		for (int i = at; i < n; i++)
			t = t * 10 + (run->d[i] - '0');
		if ((ds[at] - t % 9) % 9 != 0)
			continue;
		m->tlen[m->ntl] = L;
		m->total[m->ntl++] = t;
		if (t > m->tmax)
			m->tmax = t;
	}
	if (m->ntl == 0)
		return false;
	m->lcap = m->tlen[0];
	for (int at = 0; at < n; at++)
	{
		m->num[at][0] = 0;
		for (int len = 1; len <= m->lcap && at + len <= n; len++)
			m->num[at][len] = m->num[at][len - 1] * 10 + (run->d[at + len - 1] - '0');
	}
	return true;
}

/* The places lo to hi (within 0 to 63), as bits. */
static inline uint64_t
places(int lo, int hi)
{
	if (lo < 0)
		lo = 0;
	if (hi > 63)
		hi = 63;
	if (lo > hi)
		return 0;
	return (hi == 63 ? ~UINT64_C(0) : (UINT64_C(1) << (hi + 1)) - 1) & ~((UINT64_C(1) << lo) - 1);
}

/* Where the part from at can end: one digit to lcap of them on (one if it begins with 0), at a place in fit. */
static inline uint64_t
part_ends(const meet *m, int at, uint64_t fit)
{
	return fit & (m->r->run->d[at] == '0' ? places(at + 1, at + 1) : places(at + 1, at + m->lcap));
}

/*
 * Where the right half's last q parts can begin: q parts of 1 to L digits
 * before a total of L.  (None longer than L is asked of each at its end.)
 */
static void
meet_fits(meet *m)
{
	int			n = m->r->run->n;

	for (int q = 1; q <= m->k - m->h; q++)
	{
		m->rfit[q] = 0;
		for (int i = 0; i < m->ntl; i++)
			m->rfit[q] |= places(n - m->tlen[i] - q * m->tlen[i], n - m->tlen[i] - q);
	}
}

/*
 * The right halves that begin at from: parts j.. cut from at on, b their
 * sum so far, longest their longest; the last part ends where a total
 * begins, its lengths in the walk's order (the total's longest first).
 */
static bool
meet_right(meet *m, int from, int j, int at, int64_t b, int longest)
{
	const digit_run *run = m->r->run;
	int			n = run->n;

	if (j == m->k - 1)
	{
		for (int i = 0; i < m->ntl; i++)
		{
			int			L = m->tlen[i],
						len = n - L - at;
			int64_t		v;
			meet_half  *hf;

			if (len < 1 || len > L || longest > L || (len > 1 && run->d[at] == '0'))
				continue;
			v = b + m->num[at][len];
			if (v > m->total[i] || (m->h == 0 && v != m->total[i]))
				continue;
			if (m->nhalf == MEET_HALVES)
				return false;
			hf = &m->half[m->nhalf++];
			hf->need = m->total[i] - v;
			hf->at = (uint8_t) from;
			memcpy(hf->len, m->rlen, sizeof(hf->len));
			hf->len[j] = (int8_t) len;
			hf->len[m->k] = (int8_t) L;
		}
		return true;
	}
	for (uint64_t ends = part_ends(m, at, m->rfit[m->k - 1 - j]); ends; ends &= ends - 1)
	{
		int			len = __builtin_ctzll(ends) - at;
		int64_t		v = b + m->num[at][len];

		if (v > m->tmax)
			break;				/* a longer part is larger still */
		m->rlen[j] = (int8_t) len;
		if (!meet_right(m, from, j + 1, at + len, v, len > longest ? len : longest))
			return false;
	}
	return true;
}

/* The left half, parts [0, j) cut, a their sum: in the walk's order, each cut with its right halves. */
static void
meet_left(meet *m, int j, int at, int64_t a)
{
	reading    *r = m->r;

	if (j == m->h)
	{
		for (int32_t i = m->head[meet_slot(m, at, a)]; i >= 0 && r->found <= GR_READINGS_MAX; i = m->half[i].next)
		{
			const meet_half *hf = &m->half[i];
			int			p = at;

			if (hf->at != at || hf->need != a)
				continue;
			for (int c = m->h; c <= m->k; c++)
			{
				r->len[c] = hf->len[c];
				r->val[c] = m->num[p][hf->len[c]];
				p += hf->len[c];
			}
			gr_digits_record(r);
		}
		return;
	}
	for (uint64_t ends = part_ends(m, at, m->lfit[m->h - 1 - j]); ends && r->found <= GR_READINGS_MAX;
		 ends &= ends - 1)
	{
		int			len = __builtin_ctzll(ends) - at;
		int64_t		v = m->num[at][len];

		if (a + v > m->tmax)
			break;
		r->len[j] = len;
		r->val[j] = v;
		meet_left(m, j + 1, at + len, a + v);
	}
}

/*
 * The readings of a row meet_applies to, as the walk finds them; false
 * when they are not made here (more right halves than kept), and the row
 * is walked.
 */
bool
gr_digits_meet(reading *r)
{
	meet		m;
	uint32_t	nslot = 16;
	uint64_t	starts = 0;

	if (!meet_applies(r))
		return false;
	m.r = r;
	m.k = r->ncols - 1;
	m.h = m.k / 2;
	m.nhalf = 0;
	r->met = true;
	if (!meet_totals(&m))
		return true;			/* no length of the total can hold a reading */
	meet_fits(&m);
	for (uint64_t from = m.rfit[m.k - m.h] & places(m.h, m.h * m.lcap); from; from &= from - 1)
	{
		int			had = m.nhalf,
					at = __builtin_ctzll(from);

		if (!meet_right(&m, at, m.h, at, 0, 0))
		{
			r->met = false;
			r->met_full = true;
			return false;
		}
		if (m.nhalf > had)
			starts |= UINT64_C(1) << at;
	}
	/* the left half's last q parts, of 1 to lcap digits, must end where a right half begins */
	m.lfit[0] = starts;
	for (int q = 1; q < m.h; q++)
	{
		m.lfit[q] = 0;
		for (int d = q; d <= q * m.lcap && d < 64; d++)
			m.lfit[q] |= starts >> d;
	}
	while (nslot < 2 * (uint32_t) m.nhalf)
		nslot *= 2;
	m.mask = nslot - 1;
	for (uint32_t s = 0; s < nslot; s++)
		m.head[s] = -1;
	for (int i = m.nhalf - 1; i >= 0; i--)
	{
		uint32_t	s = meet_slot(&m, m.half[i].at, m.half[i].need);

		m.half[i].next = m.head[s];
		m.head[s] = i;
	}
	meet_left(&m, 0, 0, 0);
	return true;
}
