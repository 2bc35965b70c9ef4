/*
 * gr_digits.c — a row whose cells' digits run together (a crawler's text:
 * 一、本年新收政府信息公开申请数量640020470) is read only where the
 * arithmetic of the format leaves exactly one reading:
 *   - a number has no leading zero (a lone 0 excepted); a space inside the
 *     run is a boundary only where a reading needs it;
 *   - a total column is the sum of its parts in the row (表三's 总计 of the
 *     six applicant columns, 表四's 总计 of its four results), as the spec
 *     says (gr_format.c: kinds and parents);
 *   - a row of one column is one number, decimals allowed.
 * One reading: the cells are numbers marked by_sum, and an info finding
 * says the row's total cannot be checked on its own (R-PARSE-06).  None or
 * several: the row stays NULL and a warning keeps the digits (R-PARSE-07).
 */
#include "gr_format.h"
#include "gr_read.h"

#define DIGITS_MAX 64			/* longer runs are not read */
#define STEPS_MAX (1 << 20)		/* enumeration budget: beyond it, no certainty */
#define MAX_SUMS 8

typedef struct digit_run
{
	char		d[DIGITS_MAX];	/* the digits, spaces dropped */
	uint32_t	f[DIGITS_MAX];	/* fold offset of each */
	int			n;
} digit_run;

typedef struct sum_rule
{
	int			total;			/* column index in the row */
	int			parts[T3_NCOLS];
	int			nparts;
} sum_rule;

typedef struct reading
{
	const digit_run *run;
	int			ncols;
	const sum_rule *sums;
	int			nsums;
	int			len[T4_PRINTED_GROUPS * T4_NCOLS];	/* digits of each column, current */
	int64_t		val[T4_PRINTED_GROUPS * T4_NCOLS];
	int			found;			/* readings found, up to GR_READINGS_MAX + 1 */
	int			best_len[T4_PRINTED_GROUPS * T4_NCOLS];
	int64_t		all[GR_READINGS_MAX][T3_NCOLS + 1];	/* each reading's values, when ncols fits */
	int8_t		all_len[GR_READINGS_MAX][T3_NCOLS + 1];	/* … and the digits of each */
	long		steps;
	int			last_col[MAX_SUMS];	/* per sum: the last of its columns */
	int			parts_from[MAX_SUMS];	/* per sum whose total is the last column: the
										 * first column from which all up to it are parts */
	int64_t		tail[19];		/* the number of the last L digits, -1 where it has a leading zero */
	/* per sum, with columns [0, col) cut: their parts' sum, and the longest part */
	int64_t		acc[T4_PRINTED_GROUPS * T4_NCOLS + 1][MAX_SUMS];
	int			longest[T4_PRINTED_GROUPS * T4_NCOLS + 1][MAX_SUMS];
	bool		is_part[MAX_SUMS][T4_PRINTED_GROUPS * T4_NCOLS];
	int64_t		pow10[19];
	int			digsum[DIGITS_MAX + 1];	/* the digits' sum before each position */
	int8_t		dbl9[DIGITS_MAX + 1];	/* twice that sum, modulo 9 */
	/* per sum: how many of its parts are columns col or later */
	int8_t		parts_ge[MAX_SUMS][T4_PRINTED_GROUPS * T4_NCOLS + 1];
	/* calls the walk makes from (col, at), itself included, at most STEPS_MAX + 1 */
	long		nodes[T4_PRINTED_GROUPS * T4_NCOLS + 1][DIGITS_MAX + 1];
} reading;

/* The digits of the row's cells; false when anything but digits and spaces stands there. */
static bool
collect(const gr_reader *rd, const int *vals, int n, digit_run *run)
{
	run->n = 0;
	for (int i = 0; i < n; i++)
	{
		const gr_tok *t = &rd->grid.v[vals[i]];

		for (uint32_t k = t->f_from; k < t->f_to; k++)
		{
			char		c = rd->doc->fold[k];

			if (c == ' ' || c == '\t')
				continue;
			if (c < '0' || c > '9' || run->n == DIGITS_MAX)
				return false;
			run->f[run->n] = k;
			run->d[run->n++] = c;
		}
	}
	return run->n > 0;
}

/* The row's sums from the spec: each total column equals its leaf columns in the row. */
static int
row_sums(const int *keys, int ncols, sum_rule *sums)
{
	const gr_keydef *k = gr_keydefs();
	int			ns = 0;

	for (int c = 0; c < ncols && ns < MAX_SUMS; c++)
	{
		const gr_keydef *tk;
		int			leaves[T3_NCOLS];
		int			nl;

		if (keys[c] < 0)
			continue;
		tk = &k[keys[c]];
		if (gr_tabledefs[tk->table].cols[tk->col].part != GR_PK_TOTAL)
			continue;
		nl = gr_col_leaves(tk->table, tk->col, leaves);
		sums[ns].total = c;
		sums[ns].nparts = 0;
		for (int l = 0; l < nl; l++)
			for (int d = 0; d < ncols; d++)
				if (keys[d] >= 0 && k[keys[d]].row == tk->row && k[keys[d]].table == tk->table &&
					k[keys[d]].col == leaves[l])
					sums[ns].parts[sums[ns].nparts++] = d;
		if (sums[ns].nparts == nl)
			ns++;
	}
	return ns;
}

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
static void
count_nodes(reading *r)
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
static void
record_reading(reading *r)
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
			record_reading(r);
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
			record_reading(r);
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

static void
gr_digits_verify(const reading *r)
{
	static reading p;
	int			nall = r->found < GR_READINGS_MAX ? r->found : GR_READINGS_MAX;

	memset(&p, 0, sizeof(p));
	p.run = r->run;
	p.ncols = r->ncols;
	p.sums = r->sums;
	p.nsums = r->nsums;
	plain_enumerate(&p, 0, 0);
	/* a walk not made (beyond its budget) must have come to several readings */
	if (outcome(&p) != outcome(r) ||
		(r->nodes[0][0] <= STEPS_MAX &&
		 (p.found != r->found || (p.steps <= STEPS_MAX) != (r->steps <= STEPS_MAX) ||
		  (p.steps <= STEPS_MAX && p.steps != r->steps) ||
		  (r->found > 0 && memcmp(p.best_len, r->best_len, sizeof(int) * (size_t) r->ncols) != 0) ||
		  (r->ncols <= T3_NCOLS + 1 && (memcmp(p.all, r->all, sizeof(p.all[0]) * (size_t) nall) != 0 ||
										memcmp(p.all_len, r->all_len, sizeof(p.all_len[0]) * (size_t) nall) != 0)))))
	{
		fprintf(stderr, "gr_digits: pruned walk differs: found %d/%d steps %ld/%ld, %.*s\n",
				r->found, p.found, r->steps, p.steps, r->run->n, r->run->d);
		abort();
	}
}
#endif

/* One reading: each column's number, its digits as raw text. */
static void
set_reading(gr_reader *rd, const reading *r, const int *keys, int line)
{
	int			at = 0;

	for (int c = 0; c < r->ncols; c++)
	{
		gr_cell    *cell;
		uint32_t	a = gr_doc_f2s(rd->doc, r->run->f[at]),
					b = gr_doc_f2s(rd->doc, r->run->f[at + r->best_len[c] - 1]);

		/* a full-width digit is several bytes of the original */
		b += (uint32_t) (gr_utf8_seqlen((unsigned char) rd->doc->src[b]) ? gr_utf8_seqlen((unsigned char) rd->doc->src[b]) : 1);

		if (keys[c] >= 0 && gr_cell_rank(rd->rep->cells[keys[c]].state) < gr_cell_rank(GR_CELL_NUMBER))
		{
			cell = &rd->rep->cells[keys[c]];
			memset(cell, 0, sizeof(*cell));
			cell->state = GR_CELL_NUMBER;
			for (int i = 0; i < r->best_len[c]; i++)
				cell->mant = cell->mant * 10 + (r->run->d[at + i] - '0');
			cell->raw = gr_doc_src_span(rd->doc, a, b);
			cell->line = line;
			cell->by_sum = 1;
		}
		at += r->best_len[c];
	}
}

/* A single column: the run is one number as written (decimals allowed), if it is one. */
static bool
one_column(gr_reader *rd, const int *keys, const int *vals, int n)
{
	const gr_tok *t = &rd->grid.v[vals[0]];
	const char *s = rd->doc->fold + t->f_from;
	uint32_t	len = t->f_to - t->f_from;

	if (n != 1 || t->kind != GR_TK_NUM || (len > 1 && s[0] == '0' && s[1] != '.') ||
		memchr(s, ' ', len) != NULL || memchr(s, ',', len) != NULL)
		return false;
	gr_rd_set_cell(rd, keys[0], t, GR_CELL_NUMBER);
	return true;
}

static void keep_pending(gr_reader *rd, const reading *r, const int *keys, int line, gr_str label,
						 gr_str raw);

/*
 * A row of several readings, all of them known: the cells every reading
 * cuts alike (the same digits, at the same place) are certain, and read;
 * agreed[c] says which.  Returns how many.  行政强制1800 under three columns
 * reads 1|80|0 or 18|0|0: its 处理决定数量 is 0 either way.
 */
static int
agreed_cells(gr_reader *rd, reading *r, const int *keys, int line, bool *agreed)
{
	int			n = 0;

	for (int c = 0, at0 = 0; c < r->ncols; at0 += r->all_len[0][c], c++)
	{
		bool		same = true;

		for (int k = 1; k < r->found && same; k++)
		{
			int			at = 0;

			for (int d = 0; d < c; d++)
				at += r->all_len[k][d];
			same = at == at0 && r->all_len[k][c] == r->all_len[0][c];
		}
		agreed[c] = same && keys[c] >= 0;
		if (!agreed[c])
			continue;
		{
			gr_cell    *cell = &rd->rep->cells[keys[c]];
			uint32_t	a = gr_doc_f2s(rd->doc, r->run->f[at0]),
						b = gr_doc_f2s(rd->doc, r->run->f[at0 + r->all_len[0][c] - 1]);

			b += (uint32_t) (gr_utf8_seqlen((unsigned char) rd->doc->src[b]) ?
							 gr_utf8_seqlen((unsigned char) rd->doc->src[b]) : 1);
			memset(cell, 0, sizeof(*cell));
			cell->state = GR_CELL_NUMBER;
			cell->mant = r->all[0][c];
			cell->raw = gr_doc_src_span(rd->doc, a, b);
			cell->line = line;
			cell->by_sum = 1;
			n++;
		}
	}
	return n;
}

void
gr_digits_place(gr_reader *rd, const char *table_name, gr_str row_label, const int *keys, int ncols,
				const int *vals, int n)
{
	digit_run	run;
	sum_rule	sums[MAX_SUMS];
	reading		r;
	gr_str		raw = gr_rd_values_raw(rd, vals, n);
	int			line = rd->doc->lines[rd->grid.v[vals[0]].line].lineno;
	gr_finding *f;
	bool		agreed[T3_NCOLS + 1] = {false};
	int			nagreed = 0;

	if (ncols == 1 && one_column(rd, keys, vals, n))
		return;
	/* not all of r is zeroed: its tables are filled for the row's columns and digits before use */
	r.found = 0;
	r.steps = 0;
	memset(r.all, 0, sizeof(r.all));
	memset(r.all_len, 0, sizeof(r.all_len));
	if (ncols > 1 && ncols <= T4_PRINTED_GROUPS * T4_NCOLS && collect(rd, vals, n, &run))
	{
		r.run = &run;
		r.ncols = ncols;
		r.sums = sums;
		r.nsums = row_sums(keys, ncols, sums);
		count_nodes(&r);

		/*
		 * A walk of more calls than its budget ends, however its readings
		 * lie, out of budget or with too many readings: several readings,
		 * none read, the same as when it is made; so it is not made.
		 */
		if (r.nodes[0][0] > STEPS_MAX)
			r.steps = STEPS_MAX + 1;
		else
		{
			prepare_walk(&r);
			enumerate(&r, 0, 0);
		}
#ifdef GR_DIGITS_VERIFY
		gr_digits_verify(&r);
#endif
	}
	if (r.found == 1 && r.steps <= STEPS_MAX)
	{
		set_reading(rd, &r, keys, line);
		f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-06", GR_SEV_INFO, line,
						   r.nsums ? "%s“%.*s”一行的数字连写为“%.*s”，按本行合计关系只有一种读法，按此读取；该行的合计（R-T3-02、R-T4-01）因此不能独立检验" :
						   "%s“%.*s”一行的数字连写为“%.*s”，按数字个数只有一种读法，按此读取",
						   table_name, (int) row_label.len, row_label.ptr, (int) raw.len, raw.ptr);
	}
	else
	{
		if (r.found >= 2 && r.found <= GR_READINGS_MAX && r.steps <= STEPS_MAX && ncols <= T3_NCOLS + 1)
			keep_pending(rd, &r, keys, line, row_label, raw);
		gr_rd_mark_unplaced(rd, keys, ncols, raw, line, NULL);
		if (r.found >= 2 && r.found <= GR_READINGS_MAX && r.steps <= STEPS_MAX && ncols <= T3_NCOLS + 1)
			nagreed = agreed_cells(rd, &r, keys, line, agreed);
		f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-07", GR_SEV_WARNING, line,
						   "%s“%.*s”一行的数字连写为“%.*s”，%s，未填入%s", table_name, (int) row_label.len,
						   row_label.ptr, (int) raw.len, raw.ptr,
						   r.found >= 2 || r.steps > STEPS_MAX ? "有多种读法" : "没有合规的读法",
						   nagreed ? "（各种读法都相同的单元格已按此读取）" : "");
	}
	if (f)
	{
		f->raw = raw;
		for (int c = 0; c < ncols && f->ncells < GR_FINDING_MAX_CELLS; c++)
			if (keys[c] >= 0 && !(c <= T3_NCOLS && agreed[c]))
				f->cells[f->ncells++] = keys[c];
		if (rd->npending > 0 && rd->pending[rd->npending - 1].finding < 0 && r.found >= 2)
			rd->pending[rd->npending - 1].finding = rd->rep->nfindings - 1;
	}
}

/* A row with a few readings, kept for the table's balance to decide (gr_digits_balance). */
static void
keep_pending(gr_reader *rd, const reading *r, const int *keys, int line, gr_str label, gr_str raw)
{
	gr_digits_row *p;

	if (rd->npending == GR_PENDING_MAX)
		return;
	p = &rd->pending[rd->npending++];
	p->ncols = r->ncols;
	p->nread = r->found;
	p->line = line;
	p->finding = -1;
	p->label = label;
	p->raw = raw;
	memcpy(p->keys, keys, sizeof(int) * (size_t) r->ncols);
	memcpy(p->val, r->all, sizeof(r->all));
}

/* ---- rows with several readings, and the balance of 表三's columns ---- */

typedef struct balance
{
	gr_reader  *rd;
	int			rows[GR_PENDING_MAX];	/* the pending rows of 表三 */
	int			nrows;
	int			pick[GR_PENDING_MAX];	/* the reading tried for each */
	int			found;
	int			chosen[GR_PENDING_MAX];
	gr_edition	ed;
	long		steps;
} balance;

/* The value of a cell under the readings tried: false when it is not known. */
static bool
value_of(const balance *b, int key, int64_t *v)
{
	const gr_cell *c = &b->rd->rep->cells[key];

	for (int i = 0; i < b->nrows; i++)
	{
		const gr_digits_row *p = &b->rd->pending[b->rows[i]];

		for (int k = 0; k < p->ncols; k++)
			if (p->keys[k] == key)
			{
				*v = p->val[b->pick[i]][k];
				return true;
			}
	}
	if (c->state == GR_CELL_NUMBER && c->scale == 0 && !c->derived)
		*v = c->mant;
	else if (c->state == GR_CELL_BLANK || c->state == GR_CELL_DASH)
		*v = 0;
	else
		return false;
	return true;
}

/* Σ of the rows at column c; false when a cell is not known. */
static bool
sum_rows(const balance *b, const int *rows, int n, int c, int64_t *sum)
{
	*sum = 0;
	for (int i = 0; i < n; i++)
	{
		int64_t		v;
		int			k = gr_key_index(GR_T3, rows[i], c);

		if (k < 0 || !value_of(b, k, &v))
			return false;
		*sum += v;
	}
	return true;
}

/* Does every printed column balance: 一+二 = （七）+四 (R-T3-01), （七） = Σ results (R-T3-03)? */
static bool
columns_balance(const balance *b)
{
	static const int in[] = {GR_R3_new_received, GR_R3_carried_in};
	static const int out[] = {GR_R3_results_total, GR_R3_carried_out};
	static const int total[] = {GR_R3_results_total};
	int			leaves[GR_T3_NROWS];
	int			nl = gr_row_leaves(GR_T3, GR_R3_results_total, b->ed, leaves);

	for (int c = 0; c < T3_PRINTED_COLS; c++)
	{
		int64_t		a,
					e,
					t,
					l;

		if (!sum_rows(b, in, 2, c, &a) || !sum_rows(b, out, 2, c, &e) ||
			!sum_rows(b, total, 1, c, &t) || !sum_rows(b, leaves, nl, c, &l) || a != e || t != l)
			return false;
	}
	return true;
}

static void
try_readings(balance *b, int i)
{
	if (b->found > 1 || ++b->steps > STEPS_MAX)
		return;
	if (i == b->nrows)
	{
		if (columns_balance(b) && ++b->found == 1)
			memcpy(b->chosen, b->pick, sizeof(int) * (size_t) b->nrows);
		return;
	}
	for (int k = 0; k < b->rd->pending[b->rows[i]].nread; k++)
	{
		b->pick[i] = k;
		try_readings(b, i + 1);
	}
}

/*
 * 表三's rows that have several readings on their own: the one choice of
 * readings under which every column balances (R-T3-01, R-T3-03) is read,
 * if exactly one exists and every other cell of the balances is known;
 * the rows say so (R-PARSE-06), and those balances are then no check.
 */
void
gr_digits_balance(gr_reader *rd)
{
	balance		b;

	memset(&b, 0, sizeof(b));
	b.rd = rd;
	b.ed = gr_table_edition(rd->rep, GR_T3);
	for (int i = 0; i < rd->npending; i++)
		if (rd->pending[i].keys[0] >= 0 && gr_keydefs()[rd->pending[i].keys[0]].table == GR_T3)
			b.rows[b.nrows++] = i;
	if (b.nrows == 0)
		return;
	try_readings(&b, 0);
	if (b.found != 1 || b.steps > STEPS_MAX)
		return;
	for (int i = 0; i < b.nrows; i++)
	{
		gr_digits_row *p = &rd->pending[b.rows[i]];
		gr_finding *f = p->finding >= 0 ? &rd->rep->findings[p->finding] : NULL;

		for (int k = 0; k < p->ncols; k++)
		{
			gr_cell    *c = &rd->rep->cells[p->keys[k]];

			c->state = GR_CELL_NUMBER;
			c->mant = p->val[b.chosen[i]][k];
			c->scale = 0;
			c->by_sum = 1;
		}
		/* the row's warning becomes the note of how it was read */
		if (f)
		{
			char		msg[1024];
			char	   *m;
			int			n = snprintf(msg, sizeof(msg),
									 "表三“%.*s”一行的数字连写为“%.*s”，单看本行有多种读法，只有一种能使表三各列的勾稽关系成立，按此读取；R-T3-01、R-T3-03 因此不能独立检验",
									 (int) p->label.len, p->label.ptr, (int) p->raw.len, p->raw.ptr);

			n = (int) gr_utf8_valid_prefix(msg, n < (int) sizeof(msg) ? (size_t) n : sizeof(msg) - 1);
			if ((m = gr_alloc(rd->ctx, (size_t) n + 1)) != NULL)
			{
				memcpy(m, msg, (size_t) n);
				m[n] = '\0';
				f->rule = "R-PARSE-06";
				f->severity = GR_SEV_INFO;
				f->message.ptr = m;
				f->message.len = (uint32_t) n;
			}
		}
	}
}
