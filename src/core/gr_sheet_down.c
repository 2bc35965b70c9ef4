/*
 * gr_sheet_down.c — the tables printed down the page, one line per row:
 * 表三 with its label columns, and 表二 as its sub-tables.
 *
 * The shape comes from the spec, not from row names.  A row's label
 * column is its depth in the row tree: a caption (三、本年度办理结果)
 * spans, in the first column, the rows after it that belong to one total
 * ((七)总计 and everything counted in it); a subtotal whose parts have
 * lines ((三)不予公开) is a label spanning them; a total is drawn beside
 * its parts, after them.  So gb2021 gives the caption rowspan 22 and
 * gb2019 20, as the format prints them.  A subtotal gets a line of its
 * own (小计) only when its cells are drawn (printed by a local variant,
 * named by a finding, or every derived cell asked for).
 *
 * 表二 is the spec's rows grouped by the caption of their sub-table
 * (第二十条第（一）项): each sub-table a caption line, a header line
 * (信息内容 and its columns) and its rows, its columns spread over the
 * width of the widest.  Rows and columns of another edition that the
 * report prints are drawn too, marked with their edition.
 */
#include <string.h>

#include "gr_format.h"
#include "gr_sheet.h"

#define SD_MAXR 40
#define SD_MAXC 16

int
gr_sheet_row_visible(const gr_sheet *sh, gr_table t, int row)
{
	const gr_tabledef *td = &gr_tabledefs[t];

	if (td->rows[row].part == GR_PK_CAPTION)
		return 0;
	for (int c = 0; c < td->ncols; c++)
	{
		int			key = gr_key_index(t, row, c);

		if (key >= 0 && gr_sheet_shown(sh, key))
			return 1;
	}
	return 0;
}

static int
row_parent(const gr_tabledef *td, int r)
{
	int			p = td->rows[r].parent;

	return p >= 0 && p < td->nrows ? p : -1;
}

/* The rows' tree as the table draws it. */
typedef struct sd_rows
{
	int			line[SD_MAXR];	/* the row has a line of its own */
	int			top[SD_MAXR];	/* the root of its tree */
	int			cap[SD_MAXR];	/* the caption spanning it, -1 */
	int			depth[SD_MAXR]; /* its label column */
	int			lines[SD_MAXR]; /* lines of its subtree, its own included;
								 * for a caption, the lines it spans */
	int			group[SD_MAXR]; /* a label spanning its parts' lines */
	int			opened[SD_MAXR];	/* its spanning label is written */
	int			ncols;			/* label columns */
} sd_rows;

static int
row_top(const gr_tabledef *td, int r, int *dist)
{
	int			d = 0;

	while (row_parent(td, r) >= 0 && d < 8)
	{
		r = row_parent(td, r);
		d++;
	}
	*dist = d;
	return r;
}

static void
rows_build(const gr_sheet *sh, gr_table t, sd_rows *rs)
{
	const gr_tabledef *td = &gr_tabledefs[t];
	int			n = td->nrows < SD_MAXR ? td->nrows : SD_MAXR;
	int			dist[SD_MAXR];

	memset(rs, 0, sizeof(*rs));
	for (int r = 0; r < n; r++)
	{
		rs->line[r] = gr_sheet_row_visible(sh, t, r);
		rs->top[r] = row_top(td, r, &dist[r]);
		rs->cap[r] = -1;
	}
	/* a caption spans the rows after it that share the first one's root */
	for (int c = 0; c + 1 < n; c++)
		if (td->rows[c].part == GR_PK_CAPTION && td->rows[c + 1].part != GR_PK_CAPTION)
			for (int r = c + 1; r < n && td->rows[r].part != GR_PK_CAPTION && rs->top[r] == rs->top[c + 1]; r++)
				rs->cap[r] = c;
	for (int r = 0; r < n; r++)
	{
		int			d = dist[r];

		if (r != rs->top[r] && td->rows[rs->top[r]].part == GR_PK_TOTAL)
			d--;				/* a total's parts stand beside it, not under it */
		rs->depth[r] = (rs->cap[r] >= 0 ? 1 : 0) + d;
		if (!rs->line[r])
			continue;
		if (rs->cap[r] >= 0)
			rs->lines[rs->cap[r]]++;
		for (int a = r, g = 0; a >= 0 && g < 8; a = row_parent(td, a), g++)
			rs->lines[a]++;
	}
	rs->ncols = 1;
	for (int r = 0; r < n; r++)
	{
		rs->group[r] = td->rows[r].part != GR_PK_TOTAL && td->rows[r].part != GR_PK_CAPTION &&
			rs->lines[r] - rs->line[r] > 0;
		if ((rs->line[r] || rs->group[r]) && rs->depth[r] + 1 + rs->group[r] > rs->ncols)
			rs->ncols = rs->depth[r] + 1 + rs->group[r];
	}
}

/* A row's label, with its edition when the drawn one lacks the row. */
static void
row_label(gr_sheet *sh, gr_table t, int r)
{
	gr_sb_escs(sh->b, gr_row_label(t, r, sh->ed));
	if (!gr_row_in(t, r, sh->ed))
	{
		for (int e = 0; e < gr_neditions; e++)
			if (gr_row_in(t, r, gr_editions[e].ed))
			{
				gr_sb_puts(sh->b, " <small class=\"ed\">");
				gr_sb_escs(sh->b, gr_editions[e].name);
				gr_sb_puts(sh->b, "</small>");
				break;
			}
	}
}

/* The spanning labels a line opens: its caption, then its groups, outermost first. */
static void
open_spans(gr_sheet *sh, gr_table t, sd_rows *rs, int r)
{
	const gr_tabledef *td = &gr_tabledefs[t];
	int			chain[10],
				nc = 0;
	int			c = rs->cap[r];

	if (c >= 0 && !rs->opened[c])
	{
		rs->opened[c] = 1;
		gr_sb_printf(sh->b, "<th class=\"lab span\" rowspan=\"%d\">", rs->lines[c]);
		gr_sb_escs(sh->b, gr_row_label(t, c, sh->ed));
		gr_sb_puts(sh->b, "</th>");
	}
	for (int a = r, g = 0; a >= 0 && g < 8; a = row_parent(td, a), g++)
		chain[nc++] = a;
	for (int j = nc - 1; j >= 0; j--)
	{
		int			g = chain[j];

		if (!rs->group[g] || rs->opened[g])
			continue;
		rs->opened[g] = 1;
		gr_sb_printf(sh->b, "<th class=\"lab span\" rowspan=\"%d\">", rs->lines[g]);
		row_label(sh, t, g);
		gr_sb_puts(sh->b, "</th>");
	}
}

/* 表三: the header from the column tree, then one line per row. */
static void
down_tree(gr_sheet *sh, gr_table t)
{
	const gr_tabledef *td = &gr_tabledefs[t];
	sd_rows		rs;
	int			disp[SD_MAXC];
	int			nd;

	rows_build(sh, t, &rs);
	nd = gr_sheet_cols(sh, t, rs.line, disp);
	if (nd == 0)
		return;
	gr_sb_printf(sh->b, "<table class=\"sheet t%d\">\n", (int) t + 2);
	gr_sheet_col_headers(sh, t, disp, nd, rs.ncols);
	gr_sb_puts(sh->b, "<tbody>\n");
	for (int r = 0; r < td->nrows && r < SD_MAXR; r++)
	{
		int			span;

		if (!rs.line[r])
			continue;
		gr_sb_printf(sh->b, "<tr%s>", gr_row_in(t, r, sh->ed) ? "" : " class=\"oe\"");
		open_spans(sh, t, &rs, r);
		span = rs.ncols - rs.depth[r] - rs.group[r];
		gr_sb_printf(sh->b, "<th class=\"lab%s\"", rs.group[r] ? " sub" : "");
		if (span > 1)
			gr_sb_printf(sh->b, " colspan=\"%d\"", span);
		gr_sb_puts(sh->b, ">");
		if (rs.group[r])
			gr_sb_puts(sh->b, "小计");
		else
			row_label(sh, t, r);
		gr_sb_puts(sh->b, "</th>");
		for (int i = 0; i < nd; i++)
		{
			int			key = gr_key_index(t, r, disp[i]);

			if (key >= 0)
				gr_sheet_cell(sh, key, 1);
			else
				gr_sheet_na(sh, 1);
		}
		gr_sb_puts(sh->b, "</tr>\n");
	}
	gr_sb_puts(sh->b, "</tbody></table>\n");
}

/* ---- 表二: sub-tables ---- */

/* The columns of the sub-table of rows [from, to): the drawn edition's first. */
static int
band_cols(const gr_sheet *sh, gr_table t, const sd_rows *rs, int from, int to, int *cols)
{
	const gr_tabledef *td = &gr_tabledefs[t];
	int			n = 0;

	for (int pass = 0; pass < 2; pass++)
		for (int c = 0; c < td->ncols && c < SD_MAXC; c++)
		{
			int			own = 0,
						drawn = 0;

			for (int r = from; r < to; r++)
			{
				int			key = gr_key_index(t, r, c);

				if (!rs->line[r] || key < 0)
					continue;
				own |= (gr_keydefs()[key].editions & (1u << sh->ed)) != 0;
				drawn |= gr_sheet_shown(sh, key);
			}
			if (drawn && own == (pass == 0))
				cols[n++] = c;
		}
	return n;
}

/* The header of a column of 表二: the row's own header where it has one, else the edition's. */
static void
band_col_label(gr_sheet *sh, gr_table t, const sd_rows *rs, int from, int to, int c)
{
	const gr_tabledef *td = &gr_tabledefs[t];
	gr_edition	ed = sh->ed;
	int			own = 0;

	for (int r = from; r < to; r++)
	{
		int			key = gr_key_index(t, r, c);

		if (rs->line[r] && key >= 0 && (gr_keydefs()[key].editions & (1u << sh->ed)))
			own = 1;
	}
	/* a column of another edition: that edition's header, and its name */
	for (int e = 0; e < gr_neditions && !own; e++)
		for (int r = from; r < to; r++)
			if (rs->line[r] && gr_key_index(t, r, c) >= 0 &&
				(gr_keydefs()[gr_key_index(t, r, c)].editions & (1u << gr_editions[e].ed)))
				ed = gr_editions[e].ed;
	gr_sb_escs(sh->b, td->cols[c].labels[0] || td->cols[c].official[ed] ? gr_col_label_in(t, c, ed) : td->cols[c].key);
	if (!own)
	{
		gr_sb_puts(sh->b, " <small class=\"ed\">");
		gr_sb_escs(sh->b, gr_edition_name(ed));
		gr_sb_puts(sh->b, "</small>");
	}
}

/* k columns over a width of w: the span of the i-th, the last taking what is left. */
static int
spread(int w, int k, int i)
{
	int			each = k > 0 ? w / k : w;

	return i == k - 1 ? w - each * (k - 1) : each;
}

static void
band(gr_sheet *sh, gr_table t, const sd_rows *rs, int from, int to, int width)
{
	const gr_tabledef *td = &gr_tabledefs[t];
	int			cols[SD_MAXC];
	int			k = band_cols(sh, t, rs, from, to, cols);

	gr_sb_printf(sh->b, "<tr><th class=\"cap\" colspan=\"%d\">", width + 1);
	gr_sb_escs(sh->b, td->printed.row_groups[from]);
	gr_sb_puts(sh->b, "</th></tr>\n<tr><th class=\"col\">");
	gr_sb_escs(sh->b, td->printed.row_header);
	gr_sb_puts(sh->b, "</th>");
	for (int i = 0; i < k; i++)
	{
		gr_sb_printf(sh->b, "<th class=\"col\" colspan=\"%d\">", spread(width, k, i));
		band_col_label(sh, t, rs, from, to, cols[i]);
		gr_sb_puts(sh->b, "</th>");
	}
	gr_sb_puts(sh->b, "</tr>\n");
	for (int r = from; r < to; r++)
	{
		if (!rs->line[r])
			continue;
		gr_sb_printf(sh->b, "<tr%s><th class=\"lab\">", gr_row_in(t, r, sh->ed) ? "" : " class=\"oe\"");
		row_label(sh, t, r);
		gr_sb_puts(sh->b, "</th>");
		for (int i = 0; i < k; i++)
		{
			int			key = gr_key_index(t, r, cols[i]);

			if (key >= 0)
				gr_sheet_cell(sh, key, spread(width, k, i));
			else
				gr_sheet_na(sh, spread(width, k, i));
		}
		gr_sb_puts(sh->b, "</tr>\n");
	}
}

/* The end of the sub-table starting at row from: the rows with its caption. */
static int
band_end(const gr_tabledef *td, int from)
{
	const char *cap = td->printed.row_groups[from];
	int			to = from + 1;

	while (to < td->nrows && to < SD_MAXR &&
		   ((cap == NULL && td->printed.row_groups[to] == NULL) ||
			(cap && td->printed.row_groups[to] && strcmp(cap, td->printed.row_groups[to]) == 0)))
		to++;
	return to;
}

static void
down_bands(gr_sheet *sh, gr_table t)
{
	const gr_tabledef *td = &gr_tabledefs[t];
	sd_rows		rs;
	int			width = 1;
	int			cols[SD_MAXC];

	rows_build(sh, t, &rs);
	for (int from = 0, to; from < td->nrows && from < SD_MAXR; from = to)
	{
		int			k;

		to = band_end(td, from);
		k = band_cols(sh, t, &rs, from, to, cols);
		if (k > width)
			width = k;
	}
	gr_sb_printf(sh->b, "<table class=\"sheet t%d\">\n<tbody>\n", (int) t + 2);
	for (int from = 0, to; from < td->nrows && from < SD_MAXR; from = to)
	{
		int			any = 0;

		to = band_end(td, from);
		for (int r = from; r < to; r++)
			any |= rs.line[r];
		if (any)
			band(sh, t, &rs, from, to, width);
	}
	gr_sb_puts(sh->b, "</tbody></table>\n");
}

void
gr_sheet_down(gr_sheet *sh, gr_table t)
{
	if (gr_tabledefs[t].printed.row_groups)
		down_bands(sh, t);
	else
		down_tree(sh, t);
}
