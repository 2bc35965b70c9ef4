/*
 * gr_digits_walk.c — the readings of a glued row in the order of a walk
 * over every cut of its digits into its columns (each column's length
 * from 1 up, column by column): what gr_digits.c's contract is stated in.
 * The walk has a budget of calls (STEPS_MAX), counted beforehand from the
 * digits' positions alone (gr_digits_count); it skips the cuts below which
 * no reading can lie, and counts the calls it skips, so that the budget
 * runs out exactly where the walk without skips would (checked in test
 * builds, gr_digits_verify).
 */
#include "gr_digits.h"

static bool
sums_hold(const reading *r)
{
	for (int s = 0; s < r->nsums; s++)
	{
		int64_t		sum = 0;

		for (int p = 0; p < r->sums[s].nparts; p++)
			sum += r->val[r->sums[s].parts[p]];
		if (sum != r->val[r->sums[s].total])
			return false;
	}
	return true;
}

/*
 * How many calls the walk below makes from each (col, at), counting every
 * cut it tries whatever the values: the same loop as enumerate's, over
 * positions instead of values.  The lengths a column may take from at are
 * a range (one digit left to each column after it, none longer than 18,
 * the rest no more than 18 a column; a 0 only alone), so each count is a
 * range of the next column's counts, summed from their running sums.
 */
void
gr_digits_count(reading *r)
{
	const int	n = r->run->n;
	long		pre[DIGITS_MAX + 2];

	for (int at = 0; at <= n; at++)
		r->nodes[r->ncols][at] = 1;
	for (int col = r->ncols - 1; col >= 0; col--)
	{
		int			left = r->ncols - col;

		pre[0] = 0;
		for (int at = 0; at <= n; at++)
			pre[at + 1] = pre[at] + r->nodes[col + 1][at];
		for (int at = 0; at <= n; at++)
		{
			int			lo = n - at - 18 * (left - 1),
						hi = n - (left - 1) - at;
			long		total = 1;

			if (lo < 1)
				lo = 1;
			if (hi > 18)
				hi = 18;
			if (hi > 1 && r->run->d[at] == '0')
				hi = 1;
			if (lo <= hi)
				total += pre[at + hi + 1] - pre[at + lo];
			r->nodes[col][at] = total > STEPS_MAX + 1 ? STEPS_MAX + 1 : total;
		}
	}
	r->calls = r->nodes[0][0];
	r->counted = true;
}

/*
 * At most how many calls the walk makes over n digits and ncols columns,
 * without counting them: a call at depth c is one choice of c cuts among
 * the n places, so there are at most C(n, 0) + … + C(n, ncols).  Beyond
 * STEPS_MAX, STEPS_MAX + 1.
 */
long
gr_digits_calls_bound(int n, int ncols)
{
	long		sum = 0,
				binom = 1;			/* C(n, c) */

	for (int c = 0; c <= ncols && c <= n; c++)
	{
		sum += binom;
		if (sum > STEPS_MAX)
			return STEPS_MAX + 1;
		binom = binom * (n - c) / (c + 1);
	}
	return sum;
}

/* What the pruned walk asks of each sum and of the digits, made once per row. */
static void
prepare_walk(reading *r)
{
	const digit_run *run = r->run;

	memset(r->is_part, 0, sizeof(r->is_part));
	for (int s = 0; s < r->nsums; s++)
	{
		r->acc[0][s] = 0;
		r->longest[0][s] = 0;
		for (int p = 0; p < r->sums[s].nparts; p++)
			r->is_part[s][r->sums[s].parts[p]] = true;
		r->last_col[s] = r->sums[s].total;
		for (int p = 0; p < r->sums[s].nparts; p++)
			if (r->sums[s].parts[p] > r->last_col[s])
				r->last_col[s] = r->sums[s].parts[p];
		r->parts_from[s] = r->sums[s].total;
		for (bool part = true; part && r->parts_from[s] > 0;)
		{
			part = false;
			for (int p = 0; p < r->sums[s].nparts; p++)
				part |= r->sums[s].parts[p] == r->parts_from[s] - 1;
			if (part)
				r->parts_from[s]--;
		}
	}
	r->digsum[0] = 0;
	for (int i = 0; i < run->n; i++)
		r->digsum[i + 1] = r->digsum[i] + (run->d[i] - '0');
	for (int i = 0; i <= run->n; i++)
		r->dbl9[i] = (int8_t) (2 * r->digsum[i] % 9);
	for (int s = 0; s < r->nsums; s++)
		for (int col = 0; col <= r->ncols; col++)
		{
			int			k = 0;

			for (int p = 0; p < r->sums[s].nparts; p++)
				k += r->sums[s].parts[p] >= col;
			r->parts_ge[s][col] = (int8_t) k;
		}
	r->pow10[0] = 1;
	for (int i = 1; i <= 18; i++)
		r->pow10[i] = r->pow10[i - 1] * 10;
	for (int len = 1; len <= 18; len++)
	{
		int64_t		v = 0;

		r->tail[len] = -1;
		if (len > run->n || (len > 1 && run->d[run->n - len] == '0'))
			continue;
		for (int i = run->n - len; i < run->n; i++)
			v = v * 10 + (run->d[i] - '0');
		r->tail[len] = v;
	}
}

/*
 * A total that is the row's last column is the number of its last L
 * digits, for some L that leaves the columns before it their digits and
 * whose number is at least the sum of the parts cut so far and at most
 * that sum plus the most the parts still to cut can add (k parts from the
 * digits left, none with more than all but one digit each for the
 * others).  Neither can a part be longer than the total (a number without
 * leading zero is no larger than a sum it is part of), nor, when every
 * column left before the total is a part, the digits left more than L per
 * column; and then one of them has at least a share of the digits, so
 * the sum grows by at least a number of that many digits.
 */
static bool
tail_total_fits(const reading *r, int s, int col, int at, int64_t sum)
{
	int			m = r->ncols - 1 - col;	/* the columns still to cut before the total */
	int			longest = r->longest[col][s],
				k = r->parts_ge[s][col];
	bool		all_parts = col >= r->parts_from[s];
	int			need9 = 0;

	/*
	 * a number is its digits' sum modulo 9, so the parts still to cut,
	 * all of the digits left, add that sum modulo 9 however they are cut:
	 * sum + digits[at, n - len) - total[n - len, n) is 0 modulo 9, that is
	 * 2 digsum[n - len] = digsum[at] + digsum[n] - sum (mod 9)
	 */
	if (all_parts)
		need9 = (int) ((r->digsum[at] % 9 + r->digsum[r->run->n] % 9 + 9 - sum % 9) % 9);
	for (int len = longest > 1 ? longest : 1; len <= 18 && len <= r->run->n - at - m; len++)
	{
		int			before = r->run->n - at - len;	/* digits for the m columns */
		int64_t		t = r->tail[len];

		if (before > 18 * m || t < 0 || sum > t)
			continue;
		if (all_parts && r->dbl9[r->run->n - len] != need9)
			continue;
		if (all_parts && m > 0)
		{
			/* m parts share the digits left: none longer than the total, one at least before/m long */
			int			widest = (before + m - 1) / m;

			if (before > m * len || (widest >= 2 && t - sum < r->pow10[widest - 1]))
				continue;
		}
		if (k == 0 ? t != sum : before - m + 1 < 18 &&
			(__int128) t > (__int128) sum + (__int128) k * r->pow10[before - m + 1])
			continue;
		return true;
	}
	return false;
}

/*
 * Can a reading still come from here, columns [0, col) cut and digits
 * [at, n) left?  Only what every reading below must satisfy is asked:
 * values are never negative, so a total is at least the parts cut so far,
 * and a total still to cut has at most the digits the columns around it
 * leave it; a sum whose columns are all cut holds exactly.
 */
static bool
feasible(const reading *r, int col, int at)
{
	static const int64_t pow10[19] = {
		1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
		10000000000, 100000000000, 1000000000000, 10000000000000, 100000000000000,
		1000000000000000, 10000000000000000, 100000000000000000, 1000000000000000000
	};

	for (int s = 0; s < r->nsums; s++)
	{
		const sum_rule *sr = &r->sums[s];
		int64_t		sum = r->acc[col][s];
		int			t = sr->total;

		if (t < col)
		{
			if (r->last_col[s] < col ? sum != r->val[t] : sum > r->val[t])
				return false;
		}
		else
		{
			/* the total's digits begin after the columns before it and leave one to each after */
			int			room = r->run->n - (r->ncols - 1 - t) - (at + (t - col));

			if (room < 18 && (room < 1 || sum >= pow10[room]))
				return false;
			if (t == r->ncols - 1 && !tail_total_fits(r, s, col, at, sum))
				return false;
		}
	}
	return true;
}

/* A reading the walk completed: the first kept in full, the first few (values and cuts) for later. */
void
gr_digits_record(reading *r)
{
	if (r->found == 0)
		memcpy(r->best_len, r->len, sizeof(int) * (size_t) r->ncols);
	if (r->found < GR_READINGS_MAX && r->ncols <= T3_NCOLS + 1)
	{
		memcpy(r->all[r->found], r->val, sizeof(int64_t) * (size_t) r->ncols);
		for (int c = 0; c < r->ncols; c++)
			r->all_len[r->found][c] = (int8_t) r->len[c];
	}
	r->found++;
}

/*
 * Every way to cut digits [at, n) into columns [col, ncols), a few readings
 * kept.  Where no reading can lie below (feasible), the calls the walk
 * would make there are counted, not made, so that the budget runs out
 * exactly where it did when they were all made.
 */
static void
enumerate(reading *r, int col, int at)
{
	const digit_run *run = r->run;
	int			left = r->ncols - col;

	if (r->found > GR_READINGS_MAX || ++r->steps > STEPS_MAX)
		return;
	if (col > 0 && col < r->ncols && !feasible(r, col, at))
	{
		r->steps += r->nodes[col][at] - 1;
		return;
	}
	if (col == r->ncols)
	{
		if (at == run->n && sums_hold(r))
			gr_digits_record(r);
		return;
	}
	for (int len = 1; len <= 18 && at + len <= run->n - (left - 1); len++)
	{
		/* the number of digits [at, at + len), one digit more each time */
		int64_t		vv = (len == 1 ? 0 : r->val[col]) * 10 + (run->d[at + len - 1] - '0');

		if (len > 1 && run->d[at] == '0')
			break;				/* no leading zero: only a lone 0 */
		r->val[col] = vv;
		if (run->n - (at + len) > 18 * (left - 1))
			continue;			/* the rest cannot fit */
		r->len[col] = len;
		for (int s = 0; s < r->nsums; s++)
		{
			r->acc[col + 1][s] = r->acc[col][s] + (r->is_part[s][col] ? vv : 0);
			r->longest[col + 1][s] = r->is_part[s][col] && len > r->longest[col][s] ? len : r->longest[col][s];
		}
		enumerate(r, col + 1, at + len);
	}
}

#ifdef GR_DIGITS_VERIFY
#include <stdio.h>
#include <stdlib.h>

/*
 * Test builds only (make test/tools/grdump_verify, run by scripts/test.sh):
 * every walk is made again without pruning, and must give the same
 * readings, in the same order, with the same budget outcome.
 */
static void
plain_enumerate(reading *r, int col, int at)
{
	const digit_run *run = r->run;
	int			left = r->ncols - col;

	if (r->found > GR_READINGS_MAX || ++r->steps > STEPS_MAX)
		return;
	if (col == r->ncols)
	{
		if (at == run->n && sums_hold(r))
			gr_digits_record(r);
		return;
	}
	for (int len = 1; len <= 18 && at + len <= run->n - (left - 1); len++)
	{
		int64_t		v = 0;

		if (len > 1 && run->d[at] == '0')
			break;
		if (run->n - (at + len) > 18 * (left - 1))
			continue;
		for (int i = 0; i < len; i++)
			v = v * 10 + (run->d[at + i] - '0');
		r->len[col] = len;
		r->val[col] = v;
		plain_enumerate(r, col + 1, at + len);
	}
}

/* What the row's cells become: read, kept for the balance, several readings, none. */
static char
outcome(const reading *x)
{
	if (x->found > GR_READINGS_MAX || x->steps > STEPS_MAX)
		return 'S';
	return x->found == 0 ? 'N' : x->found == 1 ? 'R' : 'K';
}

static long verify_tally[8];		/* rows; met; met but too many halves; walked; over budget; 0, 1, 17 readings */

void
gr_digits_verify(const reading *r)
{
	static reading p;
	int			nall = r->found < GR_READINGS_MAX ? r->found : GR_READINGS_MAX;

	/* a row not counted must be within its budget: its bound at least the calls counted */
	if (!r->counted)
	{
		memset(&p, 0, sizeof(p));
		p.run = r->run;
		p.ncols = r->ncols;
		gr_digits_count(&p);
		if (p.calls > r->calls || r->calls > STEPS_MAX)
		{
			fprintf(stderr, "gr_digits: calls %ld beyond their bound %ld, %.*s\n", p.calls, r->calls,
					r->run->n, r->run->d);
			abort();
		}
	}

	memset(&p, 0, sizeof(p));
	p.run = r->run;
	p.ncols = r->ncols;
	p.sums = r->sums;
	p.nsums = r->nsums;
	plain_enumerate(&p, 0, 0);
	/* a walk not made (beyond its budget) must have come to several readings */
	if (outcome(&p) != outcome(r) ||
		(r->calls <= STEPS_MAX &&
		 (p.found != r->found || (p.steps <= STEPS_MAX) != (r->steps <= STEPS_MAX) ||
		  (p.steps <= STEPS_MAX && !r->met && p.steps != r->steps) ||
		  (r->found > 0 && memcmp(p.best_len, r->best_len, sizeof(int) * (size_t) r->ncols) != 0) ||
		  (r->ncols <= T3_NCOLS + 1 && (memcmp(p.all, r->all, sizeof(p.all[0]) * (size_t) nall) != 0 ||
										memcmp(p.all_len, r->all_len, sizeof(p.all_len[0]) * (size_t) nall) != 0)))))
	{
		fprintf(stderr, "gr_digits: pruned walk differs: found %d/%d steps %ld/%ld, %.*s\n",
				r->found, p.found, r->steps, p.steps, r->run->n, r->run->d);
		abort();
	}
	verify_tally[0]++;
	verify_tally[r->calls > STEPS_MAX ? 4 : r->met ? 1 : r->met_full ? 2 : 3]++;
	if (r->calls <= STEPS_MAX && (r->found == 0 || r->found == 1 || r->found > GR_READINGS_MAX))
		verify_tally[r->found == 0 ? 5 : r->found == 1 ? 6 : 7]++;
}

/* What the checked rows were: how their readings were found, and how many. */
void
gr_digits_verify_tally(char *buf, size_t len)
{
	snprintf(buf, len, "%ld rows: %ld met from halves, %ld with too many halves and walked, %ld walked, "
			 "%ld over budget; within budget %ld with no reading, %ld with one, %ld with more than %d",
			 verify_tally[0], verify_tally[1], verify_tally[2], verify_tally[3], verify_tally[4],
			 verify_tally[5], verify_tally[6], verify_tally[7], GR_READINGS_MAX);
}
#endif

/* Every reading of the row, as the walk finds them (the calls it makes within its budget). */
void
gr_digits_walk(reading *r)
{
	prepare_walk(r);
	enumerate(r, 0, 0);
}
