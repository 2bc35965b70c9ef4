/*
 * gr_tables.c — the step from sections to cells: reads 表二, 表三 and 表四
 * from the token stream of their sections into cells.
 *
 * Rows are found by their labels (gr_label.c), never by position.  The
 * values after a row label belong to that row, and they are placed into
 * its columns only when the placement is certain (spec §8.2):
 *   - as many values as columns: in order, blanks of the layout aside;
 *   - as many cells, values and blanks, as columns: by position (a layout
 *     that shows its empty cells, as seed 000 or an HTML grid does);
 *   - otherwise the row's cells stay NULL, marked unplaced, and a finding
 *     keeps what was written.
 * A value is never moved into a column the layout does not give it.
 *
 * The work is split by job: gr_grid.c and gr_layout_*.c (the grid of
 * each layout), gr_read.c (the one reader), gr_cols_t2/3/4.c (each
 * table's column model), gr_place.c (placement by evidence), gr_match.c
 * (wrapped labels), gr_cells.c (cell states), gr_derive.c (derived
 * cells), gr_findings.c (recording findings).
 */
#include "gr_read.h"

/* Does the compact line hold one of the words? */
static bool
line_has_word(const gr_doc *doc, int li, const char *const *words)
{
	for (int w = 0; words[w]; w++)
		if (gr_memmem(doc->cmp + doc->lines[li].c_off, doc->lines[li].c_len, words[w]))
			return true;
	return false;
}

/*
 * 表二 without its section heading (a page cut out of a report, a
 * fragment): before the first heading of a later section, from the first
 * line that holds one of 表二's caption or header words (第二十条, 信息内容)
 * — the words show where the table is, so the narrative before is not
 * read as one.
 */
static bool
t2_without_heading(const gr_doc *doc, const gr_report *rep, int *from, int *to)
{
	const gr_tabledef *td = &gr_tabledefs[GR_T2];
	int			end = -1;

	for (int i = 0; i < rep->nsections && end < 0; i++)
		if (rep->sections[i].key > GR_SEC_PROACTIVE)
			end = rep->sections[i].head_doc_line;
	if (end <= 0)
		return false;
	for (int li = 0; li < end; li++)
		if (line_has_word(doc, li, td->caption_words) || line_has_word(doc, li, td->header_words))
		{
			*from = li;
			*to = end;
			return true;
		}
	return false;
}

/* ---- the step ---- */

gr_status
gr_tables(gr_ctx *ctx, const gr_doc *doc, gr_report *rep)
{
	gr_reader	rd;
	const gr_section *s2 = gr_section_of(rep, GR_SEC_PROACTIVE);
	const gr_section *s3 = gr_section_of(rep, GR_SEC_REQUESTS);
	const gr_section *s4 = gr_section_of(rep, GR_SEC_REVIEW);

	/*
	 * Field by field: the glued rows kept for the balance (10 kB) are
	 * written before they are read (npending counts them), so they are
	 * not cleared.
	 */
	rd.ctx = ctx;
	rd.doc = doc;
	rd.rep = rep;
	memset(&rd.grid, 0, sizeof(rd.grid));
	rd.lflen = 0;
	rd.npending = 0;
	rep->ncells = gr_nkeys();
	rep->cells = gr_alloc0(ctx, sizeof(gr_cell) * (size_t) rep->ncells);
	if (!rep->cells)
		return ctx->err->status;

	if (s2)
		gr_read_table(&rd, &gr_t2_policy, s2->first_doc_line, s2->end_doc_line);
	else
	{
		int			from,
					to;

		if (t2_without_heading(doc, rep, &from, &to))
			gr_read_table(&rd, &gr_t2_policy, from, to);
	}
	if (ctx->err->status == GR_OK && s3)
		gr_read_table(&rd, &gr_t3_policy, s3->first_doc_line, s3->end_doc_line);
	if (ctx->err->status == GR_OK && s4)
		gr_read_table(&rd, &gr_t4_policy, s4->first_doc_line, s4->end_doc_line);
	if (ctx->err->status != GR_OK)
		return ctx->err->status;
	/*
	 * No fingerprint in the text (the exact search misses them when a zh-TW
	 * page glosses every word: 本年制發(fā)件數(shù)), yet the tables' headers
	 * and rows, matched label by label, show one edition: the report's.
	 */
	if (rep->edition == GR_ED_UNKNOWN && rep->fp2019 == 0 && rep->fp2021 == 0 &&
		(rep->edition_t2 == rep->edition_t3 || rep->edition_t2 == GR_ED_UNKNOWN ||
		 rep->edition_t3 == GR_ED_UNKNOWN))
		rep->edition = rep->edition_t2 != GR_ED_UNKNOWN ? rep->edition_t2 : rep->edition_t3;
	gr_derive(ctx, rep);
	return GR_OK;
}

