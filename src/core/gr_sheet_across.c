/*
 * gr_sheet_across.c — a table whose spec rows are printed side by side as
 * groups of columns over one line of values (表四): 行政复议 (colspan 5) |
 * 行政诉讼 (colspan 10) on the first header line, 未经复议直接起诉 and
 * 复议后起诉 under 行政诉讼, each group's columns under it, a group
 * without subgroups having its columns span the header lines left.
 *
 * The group tree is the spec's row tree: a row's parent is the group it
 * is printed under.  A subtotal group (行政诉讼, derived) has a block of
 * its own columns only when they are drawn (a finding names them, the
 * report prints them, or every derived cell is asked for), after its
 * parts, headed 小计.
 */
#include <string.h>

#include "gr_format.h"
#include "gr_sheet.h"

#define SA_MAX 16

typedef struct sa_groups
{
	int			own[SA_MAX];	/* the group's own block of columns is drawn */
	int			span[SA_MAX];	/* drawn blocks in its subtree, its own included */
	int			level[SA_MAX];	/* header line of its label, from 0 */
	int			order[SA_MAX];	/* the drawn blocks, left to right */
	int			nblocks;
	int			height;			/* header lines of group labels */
	int			cols[SA_MAX];	/* the columns of every block */
	int			ncols;
} sa_groups;

static int
grp_parent(const gr_tabledef *td, int r)
{
	int			p = td->rows[r].parent;

	return p >= 0 && p < td->nrows ? p : -1;
}

/* Blocks of r's subtree in drawing order: its parts first, then its own. */
static void
order_add(const gr_tabledef *td, sa_groups *g, int r, int depth)
{
	if (depth > 8)
		return;
	for (int k = 0; k < td->nrows && k < SA_MAX; k++)
		if (k != r && grp_parent(td, k) == r)
			order_add(td, g, k, depth + 1);
	if (g->own[r])
		g->order[g->nblocks++] = r;
}

static void
groups_build(const gr_sheet *sh, gr_table t, sa_groups *g)
{
	const gr_tabledef *td = &gr_tabledefs[t];
	int			n = td->nrows < SA_MAX ? td->nrows : SA_MAX;
	int			seen[SA_MAX] = {0};

	memset(g, 0, sizeof(*g));
	for (int r = 0; r < n; r++)
		g->own[r] = gr_sheet_row_visible(sh, t, r);
	/* roots in the order their first member appears */
	for (int r = 0; r < n; r++)
	{
		int			root = r;

		for (int d = 0; grp_parent(td, root) >= 0 && d < 8; d++)
			root = grp_parent(td, root);
		if (!seen[root])
		{
			seen[root] = 1;
			order_add(td, g, root, 0);
		}
	}
	for (int i = 0; i < g->nblocks; i++)
	{
		int			lev = 0;

		for (int a = g->order[i], d = 0; a >= 0 && d < 8; a = grp_parent(td, a), d++)
		{
			g->span[a]++;
			lev += a != g->order[i];
		}
		g->level[g->order[i]] = lev;
	}
	for (int r = 0; r < n; r++)
	{
		int			lev = 0;

		for (int a = grp_parent(td, r), d = 0; a >= 0 && d < 8; a = grp_parent(td, a), d++)
			lev++;
		g->level[r] = lev;
		/* a group over parts heads them; its own block sits one line lower */
		if (g->span[r] > 0 && lev + 1 + (g->span[r] > g->own[r]) > g->height)
			g->height = lev + 1 + (g->span[r] > g->own[r]);
	}
	for (int c = 0; c < td->ncols && c < SA_MAX; c++)
		g->cols[g->ncols++] = c;
}

/* The label of block b's group, or of a group it is in, that starts on header line h. */
static void
block_label(gr_sheet *sh, gr_table t, const sa_groups *g, int b, int h, int *done)
{
	const gr_tabledef *td = &gr_tabledefs[t];
	int			chain[10],
				nc = 0;

	for (int a = b, d = 0; a >= 0 && d < 8; a = grp_parent(td, a), d++)
		chain[nc++] = a;
	for (int j = nc - 1; j >= 0; j--)
	{
		int			r = chain[j];
		int			heads = g->span[r] > g->own[r];	/* has drawn parts */

		if (done[r])
			continue;
		if (r == b && heads)
		{
			/* its own block, under its label, beside its parts */
			if (g->level[r] + 1 == h)
				gr_sb_printf(sh->b, "<th class=\"col grp\" colspan=\"%d\">小计</th>", g->ncols);
			continue;
		}
		if (g->level[r] != h)
			continue;
		done[r] = 1;
		gr_sb_printf(sh->b, "<th class=\"col grp\" colspan=\"%d\">", g->ncols * g->span[r]);
		gr_sb_escs(sh->b, gr_row_label(t, r, sh->ed));
		gr_sb_puts(sh->b, "</th>");
	}
}

/*
 * Header line h, left to right: per block, the group label that starts
 * here, or its columns, which span the lines below its label.
 */
static void
header_line(gr_sheet *sh, gr_table t, const sa_groups *g, int h)
{
	int			done[SA_MAX] = {0};

	for (int i = 0; i < g->nblocks; i++)
	{
		int			b = g->order[i];
		int			first = g->level[b] + 1 + (g->span[b] > g->own[b]);	/* under its label */

		block_label(sh, t, g, b, h, done);
		if (first != h)
			continue;
		for (int c = 0; c < g->ncols; c++)
		{
			gr_sb_printf(sh->b, "<th class=\"col\" rowspan=\"%d\">", g->height - h + 1);
			gr_sb_escs(sh->b, gr_col_label_in(t, g->cols[c], sh->ed));
			gr_sb_puts(sh->b, "</th>");
		}
	}
}

void
gr_sheet_across(gr_sheet *sh, gr_table t)
{
	sa_groups	g;

	groups_build(sh, t, &g);
	if (g.nblocks == 0)
		return;
	gr_sb_printf(sh->b, "<table class=\"sheet t%d\">\n<thead>\n", (int) t + 2);
	for (int h = 0; h <= g.height; h++)
	{
		gr_sb_puts(sh->b, "<tr>");
		header_line(sh, t, &g, h);
		gr_sb_puts(sh->b, "</tr>\n");
	}
	gr_sb_puts(sh->b, "</thead>\n<tbody><tr>");
	for (int i = 0; i < g.nblocks; i++)
		for (int c = 0; c < g.ncols; c++)
		{
			int			key = gr_key_index(t, g.order[i], g.cols[c]);

			if (key >= 0)
				gr_sheet_cell(sh, key, 1);
			else
				gr_sheet_na(sh, 1);
		}
	gr_sb_puts(sh->b, "</tr></tbody></table>\n");
}
