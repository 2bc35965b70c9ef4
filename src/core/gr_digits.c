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
	int			found;			/* readings found, up to 2 */
	int			best_len[T4_PRINTED_GROUPS * T4_NCOLS];
	long		steps;
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

/* Every way to cut digits [at, n) into columns [col, ncols); stops at two readings. */
static void
enumerate(reading *r, int col, int at)
{
	const digit_run *run = r->run;
	int			left = r->ncols - col;

	if (r->found >= 2 || ++r->steps > STEPS_MAX)
		return;
	if (col == r->ncols)
	{
		if (at == run->n && sums_hold(r) && ++r->found == 1)
			memcpy(r->best_len, r->len, sizeof(int) * (size_t) r->ncols);
		return;
	}
	for (int len = 1; len <= 18 && at + len <= run->n - (left - 1); len++)
	{
		int64_t		v = 0;

		if (len > 1 && run->d[at] == '0')
			break;				/* no leading zero: only a lone 0 */
		if (run->n - (at + len) > 18 * (left - 1))
			continue;			/* the rest cannot fit */
		for (int i = 0; i < len; i++)
			v = v * 10 + (run->d[at + i] - '0');
		r->len[col] = len;
		r->val[col] = v;
		enumerate(r, col + 1, at + len);
	}
}

/* The row's raw digits for a finding. */
static gr_str
run_raw(const gr_reader *rd, const int *vals, int n)
{
	return gr_rd_values_raw((gr_reader *) rd, vals, n);
}

/* One reading: each column's number, its digits as raw text. */
static void
set_reading(gr_reader *rd, const reading *r, const int *keys, int line)
{
	int			at = 0;

	for (int c = 0; c < r->ncols; c++)
	{
		gr_cell    *cell;
		uint32_t	a = rd->doc->f2s[r->run->f[at]],
					b = rd->doc->f2s[r->run->f[at + r->best_len[c] - 1]] + 1;

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

void
gr_digits_place(gr_reader *rd, const char *table_name, gr_str row_label, const int *keys, int ncols,
				const int *vals, int n)
{
	digit_run	run;
	sum_rule	sums[MAX_SUMS];
	reading		r;
	gr_str		raw = run_raw(rd, vals, n);
	int			line = rd->doc->lines[rd->grid.v[vals[0]].line].lineno;
	gr_finding *f;

	if (ncols == 1 && one_column(rd, keys, vals, n))
		return;
	memset(&r, 0, sizeof(r));
	if (ncols > 1 && ncols <= T4_PRINTED_GROUPS * T4_NCOLS && collect(rd, vals, n, &run))
	{
		r.run = &run;
		r.ncols = ncols;
		r.sums = sums;
		r.nsums = row_sums(keys, ncols, sums);
		enumerate(&r, 0, 0);
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
		for (int c = 0; c < ncols; c++)
			if (keys[c] >= 0 && gr_cell_rank(rd->rep->cells[keys[c]].state) < gr_cell_rank(GR_CELL_UNPLACED))
			{
				rd->rep->cells[keys[c]].state = GR_CELL_UNPLACED;
				rd->rep->cells[keys[c]].raw = raw;
				rd->rep->cells[keys[c]].line = line;
			}
		f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-07", GR_SEV_WARNING, line,
						   "%s“%.*s”一行的数字连写为“%.*s”，%s，未填入", table_name, (int) row_label.len,
						   row_label.ptr, (int) raw.len, raw.ptr,
						   r.found >= 2 || r.steps > STEPS_MAX ? "有多种读法" : "没有合规的读法");
	}
	if (f)
	{
		f->raw = raw;
		for (int c = 0; c < ncols && f->ncells < GR_FINDING_MAX_CELLS; c++)
			if (keys[c] >= 0)
				f->cells[f->ncells++] = keys[c];
	}
}
