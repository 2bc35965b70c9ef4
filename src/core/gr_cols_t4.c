/*
 * gr_cols_t4.c — the column model of 表四: one printed row of fifteen
 * (行政复议, 未经复议直接起诉 and 复议后起诉, five results each) under a
 * header of group labels, or the same as three tables of one row each
 * (沭阳县 2025), each after its group's label.  The rows of the spec are
 * the printed row's column groups, so the values read are taken as runs
 * (cells with no text between them), each after the group label before it.
 */
#include "gr_format.h"
#include "gr_read.h"

#define T4_MAX_RUNS 64
#define T4_CELLS (T4_PRINTED_GROUPS * T4_NCOLS)

typedef struct t4_runs
{
	int			start[T4_MAX_RUNS]; /* index in walk->vals */
	int			len[T4_MAX_RUNS];
	int			group[T4_MAX_RUNS]; /* spec row, or GR_WHOLE_TABLE */
	int			n;
} t4_runs;

/* Does run r hold anything but empty cells? */
static bool
run_filled(const gr_walk *w, const t4_runs *runs, int r)
{
	for (int i = 0; i < runs->len[r]; i++)
		if (w->rd->grid.v[w->vals[runs->start[r] + i]].kind != GR_TK_BLANK)
			return true;
	return false;
}

/* The rows' values as runs; runs of empty header cells say nothing and are dropped. */
static void
collect_runs(const gr_walk *w, t4_runs *runs)
{
	runs->n = 0;
	for (int k = 0; k < w->nrows; k++)
		for (int i = 0; i < w->rows[k].n; i++)
		{
			int			v = w->rows[k].first + i;

			if (i == 0 || w->vals[v] != w->vals[v - 1] + 1)
			{
				if (runs->n > 0 && !run_filled(w, runs, runs->n - 1))
					runs->n--;
				if (runs->n == T4_MAX_RUNS)
					return;
				runs->start[runs->n] = v;
				runs->len[runs->n] = 0;
				runs->group[runs->n] = w->rows[k].row;
				runs->n++;
			}
			runs->len[runs->n - 1]++;
		}
	if (runs->n > 0 && !run_filled(w, runs, runs->n - 1))
		runs->n--;
}

/* The grid cells of runs [from, to) into out; their number. */
static int
run_cells(const gr_walk *w, const t4_runs *runs, int from, int to, int *out)
{
	int			n = 0;

	for (int r = from; r < to; r++)
		for (int i = 0; i < runs->len[r]; i++)
			out[n++] = w->vals[runs->start[r] + i];
	return n;
}

/*
 * Do the runs part only whole groups of five, their values aside from
 * empty cells?  Text between two groups is a group's label or header
 * (沭阳县 2025: a header over each group); text inside one is a header
 * read in among the values, whose order is then not the columns'.
 */
static bool
runs_at_groups(const gr_walk *w, const t4_runs *runs)
{
	const gr_grid *g = &w->rd->grid;
	int			nv = 0;

	for (int r = 0; r + 1 < runs->n; r++)
	{
		for (int i = 0; i < runs->len[r]; i++)
			nv += g->v[w->vals[runs->start[r] + i]].kind != GR_TK_BLANK;
		if (nv % T4_NCOLS != 0)
			return false;
	}
	return true;
}

/*
 * One row of fifteen: several runs count only when, blanks aside, they
 * make fifteen (else the last run is the row), and only when they part
 * whole groups: -1 when not, the order in doubt.  With cells ended by '|'
 * (seed 002) the fillers of the header's merged cells follow the header
 * rows, so empty cells before the last fifteen belong to the header.
 */
static int
one_row(const gr_walk *w, const t4_runs *runs, int *cells)
{
	const gr_grid *g = &w->rd->grid;
	int			n = run_cells(w, runs, 0, runs->n, cells);
	int			nv = 0;
	bool		lead = true;

	for (int i = 0; i < n; i++)
		nv += g->v[cells[i]].kind != GR_TK_BLANK;
	if (runs->n > 1 && nv == T4_CELLS && !runs_at_groups(w, runs))
		return -1;
	if (runs->n > 1 && nv != T4_CELLS)
		n = run_cells(w, runs, runs->n - 1, runs->n, cells);
	if (n <= T4_CELLS)
		return n;
	for (int i = 0; i < n && lead; i++)
		lead = gr_row_of(g, &g->v[cells[i]])->piped && (i >= n - T4_CELLS || g->v[cells[i]].kind == GR_TK_BLANK);
	if (lead)
	{
		memmove(cells, cells + (n - T4_CELLS), sizeof(int) * T4_CELLS);
		n = T4_CELLS;
	}
	return n;
}

static void
place_cells(gr_walk *w, int group, const int *keys, int ncols, const int *cells, int n)
{
	gr_str		label = {group >= 0 ? gr_t4_rows[group].labels[0] : gr_tabledefs[GR_T4].caption, 0};

	label.len = (uint32_t) strlen(label.ptr);
	gr_rd_place_row(w->rd, w->pol->name, label, -1, keys, ncols, cells, n,
					w->rd->doc->lines[w->rd->grid.v[cells[0]].line].lineno, true, NULL);
}

static void
t4_finish(gr_walk *w)
{
	t4_runs		runs;
	int			keys[T4_CELLS];
	int		   *cells;
	int			n;

	collect_runs(w, &runs);
	if (runs.n == 0)
		return;
	w->rd->rep->tables_found |= 1u << GR_T4;
	cells = gr_alloc(w->rd->ctx, sizeof(int) * (size_t) (w->nvals + 1));
	if (!cells)
		return;
	for (int g = 0; g < T4_PRINTED_GROUPS; g++)
		for (int c = 0; c < T4_NCOLS; c++)
			keys[g * T4_NCOLS + c] = gr_key_index(GR_T4, g, c);
	/* three tables of one row each: a run per group, in order */
	if (runs.n == T4_PRINTED_GROUPS && runs.group[0] == GR_R4_review &&
		runs.group[1] == GR_R4_suit_direct && runs.group[2] == GR_R4_suit_after_review)
	{
		for (int r = 0; r < T4_PRINTED_GROUPS; r++)
		{
			n = run_cells(w, &runs, r, r + 1, cells);
			place_cells(w, runs.group[r], keys + r * T4_NCOLS, T4_NCOLS, cells, n);
		}
		return;
	}
	n = one_row(w, &runs, cells);
	if (n < 0)
	{
		int			len[T4_MAX_RUNS];

		for (int r = 0; r < runs.n; r++)
			len[r] = runs.len[r];
		n = run_cells(w, &runs, 0, runs.n, cells);
		gr_rd_unplace_pieces(w->rd, w->pol->name, keys, T4_CELLS, cells, n, len, runs.n);
		return;
	}
	place_cells(w, GR_WHOLE_TABLE, keys, T4_CELLS, cells, n);
}

const gr_table_policy gr_t4_policy = {
	.table = GR_T4,
	.name = "表四",
	.label_rows = T4_PRINTED_GROUPS,
	.max_tier = GR_LT_CONTAINS,
	.max_label_bytes = 3 * 24,
	.whole_table_row = true,
	.narrative = GR_NARR_ENDS_AFTER_VALUES,
	.model_size = 1,
	.finish = t4_finish,
};
