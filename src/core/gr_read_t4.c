/*
 * gr_read_t4.c — reading 表四 from the token stream of section 四: runs
 * of values after the group labels, one row of fifteen or three rows of
 * five (a table printed as three one-row tables).
 */
#include "gr_format.h"
#include "gr_label.h"
#include "gr_read.h"

#define T4_MAX_RUNS 64
#define T4_CELLS (T4_PRINTED_GROUPS * T4_NCOLS)

/* Runs of values, each with the group label seen before it. */
typedef struct t4_runs
{
	int			start[T4_MAX_RUNS];
	int			len[T4_MAX_RUNS];
	int			group[T4_MAX_RUNS];
	int			n;
} t4_runs;

static void
t4_collect_runs(gr_reader *rd, t4_runs *runs)
{
	int			group = -1;
	int			last_text = -1;

	runs->n = 0;
	for (int i = 0; i < rd->toks.n; i++)
	{
		const gr_tok *t = &rd->toks.v[i];
		int			r = runs->n - 1;

		if (t->kind == GR_TK_TEXT)
		{
			gr_label_match gm;

			if (gr_rd_is_narrative(rd, t))
			{
				if (runs->n > 0 && runs->len[r] > 0)
					break;		/* the narrative after the table */
				continue;
			}
			gr_rd_lfold(rd, t);
			/* a group's label, alone or in a caption (### 行政诉讼（复议后起诉）) */
			gm = gr_label_find(gr_t4_rows, T4_PRINTED_GROUPS, rd->lf, rd->lflen, -1);
			if (gm.row >= 0 && gm.tier <= GR_LT_CONTAINS && rd->lflen <= 3 * 24)
				group = gm.row;
			last_text = i;
			continue;
		}
		if (runs->n == 0 || runs->start[r] + runs->len[r] != i || last_text > runs->start[r])
		{
			if (runs->n == T4_MAX_RUNS)
				break;
			r = runs->n++;
			runs->start[r] = i;
			runs->len[r] = 0;
			runs->group[r] = group;
		}
		runs->len[r]++;
	}
}

/* Runs of empty header cells say nothing. */
static void
t4_drop_empty_runs(const gr_reader *rd, t4_runs *runs)
{
	int			k = 0;

	for (int r = 0; r < runs->n; r++)
	{
		bool		any = false;

		for (int i = 0; i < runs->len[r]; i++)
			any |= rd->toks.v[runs->start[r] + i].kind != GR_TK_BLANK;
		if (!any)
			continue;
		runs->start[k] = runs->start[r];
		runs->len[k] = runs->len[r];
		runs->group[k] = runs->group[r];
		k++;
	}
	runs->n = k;
}

/* The values of runs [from, to) into vals; their number. */
static int
t4_values(const t4_runs *runs, int from, int to, int *vals)
{
	int			n = 0;

	for (int r = from; r < to; r++)
		for (int i = 0; i < runs->len[r]; i++)
			vals[n++] = runs->start[r] + i;
	return n;
}

/*
 * One row of fifteen: several runs count only when, blanks aside, they
 * make fifteen (else the last run is the row).  With cells ended by '|'
 * (seed 002) the fillers of the header's merged cells follow the header
 * rows, so empty cells before the last fifteen belong to the header.
 */
static int
t4_one_row(const gr_reader *rd, const t4_runs *runs, int *vals)
{
	int			n = t4_values(runs, 0, runs->n, vals);
	int			nv = 0;
	bool		lead = true;

	for (int i = 0; i < n; i++)
		nv += rd->toks.v[vals[i]].kind != GR_TK_BLANK;
	if (runs->n > 1 && nv != T4_CELLS)
		n = t4_values(runs, runs->n - 1, runs->n, vals);
	if (n <= T4_CELLS)
		return n;
	for (int i = 0; i < n && lead; i++)
		lead = rd->toks.v[vals[i]].piped && (i >= n - T4_CELLS || rd->toks.v[vals[i]].kind == GR_TK_BLANK);
	if (lead)
	{
		memmove(vals, vals + (n - T4_CELLS), sizeof(int) * T4_CELLS);
		n = T4_CELLS;
	}
	return n;
}

static gr_str
t4_label(const char *s)
{
	gr_str		l = {s, (uint32_t) strlen(s)};

	return l;
}

void
gr_read_t4(gr_reader *rd, int from, int to)
{
	t4_runs		runs;
	int			keys[T4_CELLS];
	int		   *vals;
	int			n;

	if (gr_tokenize(rd->ctx, rd->doc, from, to, &rd->toks) != GR_OK)
		return;
	t4_collect_runs(rd, &runs);
	t4_drop_empty_runs(rd, &runs);
	if (runs.n == 0)
		return;
	rd->rep->tables_found |= 1u << GR_T4;
	vals = gr_alloc(rd->ctx, sizeof(int) * (size_t) (rd->toks.n + 1));
	if (!vals)
		return;
	for (int g = 0; g < T4_PRINTED_GROUPS; g++)
		for (int c = 0; c < T4_NCOLS; c++)
			keys[g * T4_NCOLS + c] = gr_key_index(GR_T4, g, c);

	/* three tables of one row each (沭阳县 2025): a run per group, in order */
	if (runs.n == T4_PRINTED_GROUPS && runs.group[0] == GR_R4_review &&
		runs.group[1] == GR_R4_suit_direct && runs.group[2] == GR_R4_suit_after_review)
	{
		for (int r = 0; r < T4_PRINTED_GROUPS; r++)
		{
			n = t4_values(&runs, r, r + 1, vals);
			gr_rd_place_row(rd, "表四", t4_label(gr_t4_rows[r].labels[0]), keys + r * T4_NCOLS, T4_NCOLS,
							vals, n, rd->doc->lines[rd->toks.v[runs.start[r]].line].lineno, true, NULL);
		}
		return;
	}
	n = t4_one_row(rd, &runs, vals);
	gr_rd_place_row(rd, "表四", t4_label("行政复议、行政诉讼"), keys, T4_CELLS, vals, n,
					rd->doc->lines[rd->toks.v[vals[0]].line].lineno, true, NULL);
}
