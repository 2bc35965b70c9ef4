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
 * The readings are those of a walk over every cut of the run, in its
 * order (gr_digits_walk.c), counted up to one more than are kept; a row
 * whose walk would take more calls than its budget has several.  Where the
 * last column sums all the others, the same readings are met from two
 * halves of the parts instead (gr_digits_meet.c).
 */
#include "gr_digits.h"

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

/*
 * The finding of a glued row: "表三“label”一行的数字连写为“digits”，" and
 * what was made of it, built piece by piece rather than through a format
 * (a glued report has one for every row).  The label and the digits are
 * the report's own text, whole characters, as the rules' messages hold.
 */
static gr_finding *
glued_finding(gr_reader *rd, const char *rule, gr_severity sev, int line, const char *table_name,
			  gr_str label, gr_str raw, const char *what, const char *then, const char *note)
{
	char		buf[4096];
	gr_fbuf		b;

	gr_fb_init(&b, buf, sizeof(buf));
	gr_fb_puts(&b, table_name);
	gr_fb_puts(&b, "“");
	gr_fb_putn(&b, label.ptr, label.len);
	gr_fb_puts(&b, "”一行的数字连写为“");
	gr_fb_putn(&b, raw.ptr, raw.len);
	gr_fb_puts(&b, "”，");
	gr_fb_puts(&b, what);
	gr_fb_puts(&b, then);
	gr_fb_puts(&b, note);
	return gr_add_finding_built(rd->ctx, rd->rep, rule, sev, line, &b);
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
	int			nagreed = 0,
				nstated = 0;
	bool		have_run = false;

	if (ncols == 1 && one_column(rd, keys, vals, n))
		return;
	/* not all of r is zeroed: its tables are filled for the row's columns and digits before use */
	r.found = 0;
	r.steps = 0;
	r.met = false;
	r.met_full = false;
	memset(r.all, 0, sizeof(r.all));
	memset(r.all_len, 0, sizeof(r.all_len));
	if (ncols > 1 && ncols <= T4_PRINTED_GROUPS * T4_NCOLS && collect(rd, vals, n, &run))
	{
		have_run = true;
		r.run = &run;
		r.ncols = ncols;
		r.sums = sums;
		r.nsums = row_sums(keys, ncols, sums);
		r.counted = false;
		r.calls = gr_digits_calls_bound(run.n, ncols);
		if (r.calls > STEPS_MAX)
			gr_digits_count(&r);

		/*
		 * A walk of more calls than its budget ends, however its readings
		 * lie, out of budget or with too many readings: several readings,
		 * none read, the same as when it is made; so it is not made.
		 */
		if (r.calls > STEPS_MAX)
			r.steps = STEPS_MAX + 1;
		else if (!gr_digits_meet(&r))
		{
			if (!r.counted)
				gr_digits_count(&r);
			gr_digits_walk(&r);
		}
#ifdef GR_DIGITS_VERIFY
		gr_digits_verify(&r);
#endif
	}
	if (r.found == 1 && r.steps <= STEPS_MAX)
	{
		set_reading(rd, &r, keys, line);
		f = glued_finding(rd, "R-PARSE-06", GR_SEV_INFO, line, table_name, row_label, raw,
						  r.nsums ? "按本行合计关系只有一种读法，按此读取；该行的合计（R-T3-02、R-T4-01）因此不能独立检验" :
						  "按数字个数只有一种读法，按此读取", "", "");
	}
	else
	{
		if (r.found >= 2 && r.found <= GR_READINGS_MAX && r.steps <= STEPS_MAX && ncols <= T3_NCOLS + 1)
			keep_pending(rd, &r, keys, line, row_label, raw);
		gr_rd_mark_unplaced(rd, keys, ncols, raw, line, NULL);
		if (r.found >= 2 && r.found <= GR_READINGS_MAX && r.steps <= STEPS_MAX && ncols <= T3_NCOLS + 1)
			nagreed = agreed_cells(rd, &r, keys, line, agreed);
		/* 表二's cells the prose states (本年度制发的规范性文件77件), where the digits allow it */
		if (have_run && nagreed == 0 && (r.found >= 2 || r.steps > STEPS_MAX) && ncols <= T3_NCOLS + 1)
			nstated = gr_digits_stated(rd, &run, keys, ncols, line, agreed);
		if (nstated == ncols)
			f = glued_finding(rd, "R-PARSE-06", GR_SEV_INFO, line, table_name, row_label, raw,
							  "单看本行有多种读法，按正文所述的本年制发件数只有一种读法，按此读取", "", "");
		else
			f = glued_finding(rd, "R-PARSE-07", GR_SEV_WARNING, line, table_name, row_label, raw,
							  r.found >= 2 || r.steps > STEPS_MAX ? "有多种读法" : "没有合规的读法",
							  nstated ? "" : "，未填入", nagreed ? "（各种读法都相同的单元格已按此读取）" :
							  nstated ? "（本年制发件数按正文所述读取，其余未填入）" : "");
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

/* A side of a balance at one column: its cells, each a known value or a pending row's cell under its reading. */
typedef struct balance_side
{
	int			n;
	int8_t		row[GR_T3_NROWS];	/* the pending row (index into rows), -1 for a known value */
	int8_t		col[GR_T3_NROWS];
	int64_t		v[GR_T3_NROWS];
} balance_side;

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
	/* per printed column: 一+二, （七）+四, （七）, Σ results (gr_balance_sides) */
	balance_side side[T3_PRINTED_COLS][4];
} balance;

/* Where a cell's value comes from under the readings tried: false when it is not known. */
static bool
value_from(const balance *b, int key, balance_side *sd)
{
	const gr_cell *c = &b->rd->rep->cells[key];

	for (int i = 0; i < b->nrows; i++)
	{
		const gr_digits_row *p = &b->rd->pending[b->rows[i]];

		for (int k = 0; k < p->ncols; k++)
			if (p->keys[k] == key)
			{
				sd->row[sd->n] = (int8_t) i;
				sd->col[sd->n++] = (int8_t) k;
				return true;
			}
	}
	sd->row[sd->n] = -1;
	if (c->state == GR_CELL_NUMBER && c->scale == 0 && !c->derived)
		sd->v[sd->n++] = c->mant;
	else if (c->state == GR_CELL_BLANK || c->state == GR_CELL_DASH)
		sd->v[sd->n++] = 0;
	else
		return false;
	return true;
}

/*
 * The cells of the balances, once: 一+二 = （七）+四 (R-T3-01), （七） =
 * Σ results (R-T3-03) at every printed column.  False when a cell is not
 * known: then no choice of readings balances.
 */
static bool
balance_sides(balance *b)
{
	static const int in[] = {GR_R3_new_received, GR_R3_carried_in};
	static const int out[] = {GR_R3_results_total, GR_R3_carried_out};
	static const int total[] = {GR_R3_results_total};
	int			leaves[GR_T3_NROWS];
	int			nl = gr_row_leaves(GR_T3, GR_R3_results_total, b->ed, leaves);
	const int  *rows[4] = {in, out, total, leaves};
	const int	nrows[4] = {2, 2, 1, nl};

	for (int c = 0; c < T3_PRINTED_COLS; c++)
		for (int s = 0; s < 4; s++)
		{
			b->side[c][s].n = 0;
			for (int i = 0; i < nrows[s]; i++)
			{
				int			k = gr_key_index(GR_T3, rows[s][i], c);

				if (k < 0 || !value_from(b, k, &b->side[c][s]))
					return false;
			}
		}
	return true;
}

static int64_t
side_sum(const balance *b, const balance_side *sd)
{
	int64_t		sum = 0;

	for (int i = 0; i < sd->n; i++)
		sum += sd->row[i] < 0 ? sd->v[i] : b->rd->pending[b->rows[sd->row[i]]].val[b->pick[sd->row[i]]][sd->col[i]];
	return sum;
}

/* Does every printed column balance under the readings tried? */
static bool
columns_balance(const balance *b)
{
	for (int c = 0; c < T3_PRINTED_COLS; c++)
		if (side_sum(b, &b->side[c][0]) != side_sum(b, &b->side[c][1]) ||
			side_sum(b, &b->side[c][2]) != side_sum(b, &b->side[c][3]))
			return false;
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

	if (rd->npending == 0)
		return;					/* most reports: no row left to the balance (its sides are 8 kB to clear) */
	memset(&b, 0, sizeof(b));
	b.rd = rd;
	b.ed = gr_table_edition(rd->rep, GR_T3);
	for (int i = 0; i < rd->npending; i++)
		if (rd->pending[i].keys[0] >= 0 && gr_keydefs()[rd->pending[i].keys[0]].table == GR_T3)
			b.rows[b.nrows++] = i;
	if (b.nrows == 0 || !balance_sides(&b))
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
