/*
 * gr_digits_meet.c — the readings of a glued row whose last column is the
 * sum of all the others (表三's 总计 of its six applicant columns, 表四's
 * 总计 of its four results), found from two halves of the parts instead
 * of walked: the same readings in the same order as gr_digits_walk.c.
 */
#include "gr_digits.h"

/*
 * ---- a row whose last column is the sum of all the others (表三's 总计) ----
 *
 * Its readings are met from two halves instead of walked: a total of L
 * digits is the number of the last L, and the parts before it add up to
 * it.  The right half of the parts (with the total) is made once for
 * every place it can begin and kept by what it leaves the left half to
 * add up to; the left half is then walked, and each of its cuts finds its
 * right halves by that sum.  Left cuts in the walk's order, each with its
 * right halves in the walk's order, are the readings in the walk's order:
 * the same first readings, and the walk's count of them up to one more
 * than kept.  Lengths of the total that no reading can have are left out
 * first: a part no longer than the total, one at least one digit shorter
 * (k parts of fewer digits stay below it), the digits' sum modulo 9.
 */
#define MEET_HALVES 2048		/* right halves kept at most; a row with more is walked */

typedef struct meet_half
{
	int64_t		need;			/* the total less this half's parts: what the left half adds to */
	int32_t		next;			/* the next half of the same hash slot, -1 at the end */
	uint8_t		at;				/* where the half begins */
	int8_t		len[T3_NCOLS];	/* the digits of its parts, then of the total */
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
	int8_t		rlen[T3_NCOLS];	/* the half being made: its parts' digits */
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
	for (int len = 1; len <= m->lcap && at + len + (m->k - 1 - j) < n; len++)
	{
		int64_t		v = b + m->num[at][len];

		if (len > 1 && run->d[at] == '0')
			break;
		if (v > m->tmax)
			break;
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
	const digit_run *run = r->run;

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
	for (int len = 1; len <= m->lcap && at + len + (m->k - j) <= run->n && r->found <= GR_READINGS_MAX; len++)
	{
		int64_t		v = m->num[at][len];

		if (len > 1 && run->d[at] == '0')
			break;
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

	if (!meet_applies(r))
		return false;
	m.r = r;
	m.k = r->ncols - 1;
	m.h = m.k / 2;
	m.nhalf = 0;
	r->met = true;
	if (!meet_totals(&m))
		return true;			/* no length of the total can hold a reading */
	for (int from = m.h; from <= m.h * m.lcap && from < r->run->n; from++)
		if (!meet_right(&m, from, m.h, from, 0, 0))
		{
			r->met = false;
			return false;
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
