/*
 * gr_loose.c — rows of values whose labels stand elsewhere.  A PDF
 * extractor can pull a table's labels away from their numbers: the labels
 * of a few rows come out in a block of their own (5.要求行政机关确认或重新
 * 出具 / 1.申请人无正当理由逾期不补正、), and their numbers further down as
 * rows with no label (| 0 | 0 | 0 | 0 | 0 | 0 | 0 |) or with a piece of
 * one that names no row alone (行政机关不再处理其政府信息公 | 40 | …).  The
 * walk keeps such values apart as loose runs instead of dropping them.
 *
 * A loose run is placed only where the format's order leaves one reading:
 * between the rows read before and after it (the anchors), the format has
 * exactly as many rows of this edition as there are loose runs there,
 * every one of those rows was printed as a label without numbers, each run
 * has a value for every column, and a run's piece of label, if any, is
 * part of its row's label.  Then the runs are those rows, in order.  Any
 * doubt, and they stay unplaced, each run with a number said so in a
 * finding (R-PARSE-09) that keeps its values.
 */
#include "gr_format.h"
#include "gr_label.h"
#include "gr_read.h"

/* Values i of grid line t->line, dropped by the walk: one more loose run or a longer one. */
void
gr_loose_add(gr_walk *w, int i, const gr_tok *t, int label_tok)
{
	gr_loose_run *r = w->nloose > 0 ? &w->loose[w->nloose - 1] : NULL;

	if (w->loose_vals == NULL)
		return;
	if (r == NULL || r->line != t->line || r->after != w->nrows || r->label_tok != label_tok)
	{
		if (!gr_walk_room(w, (void **) &w->loose, &w->loose_cap, w->nloose, sizeof(gr_loose_run)))
			return;				/* the error is set: the walk stops */
		r = &w->loose[w->nloose++];
		r->first = w->nloose_vals;
		r->n = 0;
		r->after = w->nrows;
		r->label_tok = label_tok;
		r->line = t->line;
		r->placed = false;
	}
	w->loose_vals[w->nloose_vals++] = i;
	r->n++;
}

/* Is row k of the walk one with values, a data row of the format? */
static bool
anchor(const gr_walk *w, int k)
{
	const gr_read_row *r = &w->rows[k];

	return r->row >= 0 && r->n > 0;
}

/*
 * Where gr_loose_place stands in the walk's rows, so that it reads each
 * row a bounded number of times however many runs there are: the first
 * walk row of each spec row, and the anchors either side of the runs it
 * is at (rows become anchors as runs are placed, never the reverse).
 */
typedef struct loose_scan
{
	int			first_row[GR_T3_NROWS];	/* the first walk row of each spec row, -1 for none */
	int			after;			/* the runs' place: the walk's rows read before them */
	int			before;			/* the last anchor at a walk row < after, -1 for none */
	int			scanned;		/* walk rows < scanned looked at for `before` */
	int			next;			/* the first anchor at a walk row >= after, nrows for none */
} loose_scan;

/* The walk's label-only row for spec row s, -1 when the text printed none. */
static int
label_only(const gr_walk *w, const loose_scan *ls, int s)
{
	int			k = s >= 0 && s < GR_T3_NROWS ? ls->first_row[s] : -1;

	return k >= 0 && w->rows[k].n == 0 ? k : -1;
}

/* The anchors of the runs read after walk row `after` - 1 (after never decreases). */
static void
scan_anchors(const gr_walk *w, loose_scan *ls, int after)
{
	for (; ls->scanned < after; ls->scanned++)
		if (anchor(w, ls->scanned))
			ls->before = ls->scanned;
	if (ls->next < after)
	{
		ls->next = after;
		while (ls->next < w->nrows && !anchor(w, ls->next))
			ls->next++;
	}
	ls->after = after;
}

/* Walk row k has become an anchor (a run placed there). */
static void
now_anchor(loose_scan *ls, int k)
{
	if (k < ls->scanned && k > ls->before)
		ls->before = k;
	if (k >= ls->after && k < ls->next)
		ls->next = k;
}

/* Is the run's piece of label, if any, part of one of the row's labels? */
static bool
piece_fits(gr_walk *w, const gr_loose_run *run, int s)
{
	const gr_rowdef *def = &gr_tabledefs[w->pol->table].rows[s];
	const gr_tok *t;
	char		piece[256],
				label[512];
	size_t		n;

	if (run->label_tok < 0)
		return true;
	t = &w->rd->grid.v[run->label_tok];
	n = gr_label_fold(w->rd->doc->fold + t->f_from, t->f_to - t->f_from, piece, sizeof(piece) - 1);
	piece[n] = '\0';
	if (n == 0)
		return false;
	for (int a = 0; a < GR_MAX_LABELS && def->labels[a]; a++)
	{
		size_t		m = gr_lfold(def->labels[a], strlen(def->labels[a]), label, sizeof(label) - 1);

		label[m] = '\0';
		if (strstr(label, piece) != NULL)
			return true;
	}
	return false;
}

/*
 * The runs [g, h) lie between anchors a and b (spec rows, -1 / label_rows
 * at the table's ends): give them their rows when the order leaves one way.
 */
static void
place_group(gr_walk *w, loose_scan *ls, int g, int h, int a, int b, gr_edition ed, int ncols)
{
	const gr_tabledef *td = &gr_tabledefs[w->pol->table];
	int			rows[8],
				n = 0;

	for (int s = a + 1; s < b; s++)
	{
		const gr_rowdef *def = &td->rows[s];

		if (def->part == GR_PK_CAPTION || (def->derived & GR_ED_MASK(ed)) || !(def->printed & GR_ED_MASK(ed)))
			continue;
		if (n == 8 || label_only(w, ls, s) < 0)
			return;				/* a row between that has numbers, or none printed */
		rows[n++] = s;
	}
	if (n != h - g)
		return;
	for (int i = 0; i < n; i++)
		if (w->loose[g + i].n != ncols || !piece_fits(w, &w->loose[g + i], rows[i]))
			return;
	for (int i = 0; i < n; i++)
	{
		int			k = label_only(w, ls, rows[i]);
		gr_read_row *r = &w->rows[k];
		const gr_loose_run *run = &w->loose[g + i];

		r->first = w->nvals;
		r->n = run->n;
		memcpy(w->vals + w->nvals, w->loose_vals + run->first, sizeof(int) * (size_t) run->n);
		w->nvals += run->n;
		w->loose[g + i].placed = true;
		now_anchor(ls, k);
	}
}

/*
 * The runs [k, h) left without a row, read one after another (a value a
 * line, as some PDF extractors give them, is a run a line): their numbers
 * are in no cell, and one finding says so with all of them.
 */
static bool
report_unplaced(gr_walk *w, int k, int h)
{
	gr_reader  *rd = w->rd;
	const int  *vals = w->loose_vals + w->loose[k].first;
	int			n = w->loose[h - 1].first + w->loose[h - 1].n - w->loose[k].first;
	bool		number = false;
	gr_str		raw;

	for (int i = 0; i < n; i++)
		number |= rd->grid.v[vals[i]].kind != GR_TK_BLANK;
	if (!number)
		return false;			/* a header's empty slots, a rule's: nobody's numbers */
	raw = gr_rd_values_raw(rd, vals, n);
	gr_add_finding(rd->ctx, rd->rep, "R-PARSE-09", GR_SEV_WARNING, rd->doc->lines[w->loose[k].line].lineno,
				   "%s中一行数值没有可确定的行标题，无法确定所属行，未填入：%.*s", w->pol->name,
				   (int) raw.len, raw.ptr);
	return true;
}

/*
 * The walk's first data row at or after row `after`, past captions and
 * groups' labels (三、本年度办理结果, （三）不予公开); nrows for none.  *memo
 * holds the last answer and where its search began: afters come in order,
 * so no row is looked at twice.
 */
static int
next_data_row(const gr_walk *w, int after, int memo[2])
{
	int			r = after;

	if (after >= memo[0] && after <= memo[1])
		return memo[1];
	for (; r < w->nrows; r++)
	{
		const gr_rowdef *def = w->rows[r].row >= 0 ? &gr_tabledefs[w->pol->table].rows[w->rows[r].row] : NULL;

		if (!def || (def->part != GR_PK_CAPTION && !def->derived))
			break;
	}
	memo[0] = after;
	memo[1] = r;
	return r;
}

/* Is loose run k + 1 one value that follows run k, one value too, with nothing between? */
static bool
run_goes_on(const gr_walk *w, int k)
{
	const gr_loose_run *a = &w->loose[k],
			   *b = &w->loose[k + 1];

	return !b->placed && a->n == 1 && b->n == 1 && b->after == a->after && b->label_tok < 0 && a->label_tok < 0 &&
		b->first == a->first + a->n && b->line > a->line && b->line - a->line <= 2;
}

void
gr_loose_place(gr_walk *w, gr_edition ed, int ncols)
{
	loose_scan	ls;
	int			g = 0;

	for (int s = 0; s < GR_T3_NROWS; s++)
		ls.first_row[s] = -1;
	for (int k = w->nrows - 1; k >= 0; k--)
		if (w->rows[k].row >= 0 && w->rows[k].row < GR_T3_NROWS)
			ls.first_row[w->rows[k].row] = k;
	ls.after = ls.scanned = 0;
	ls.before = -1;
	ls.next = -1;
	while (ed != GR_ED_UNKNOWN && g < w->nloose && !gr_poll(w->rd->ctx))
	{
		int			h = g + 1,
					a,
					b;

		/* the anchors: the rows with values read before and after the run */
		scan_anchors(w, &ls, w->loose[g].after);
		a = ls.before >= 0 ? w->rows[ls.before].row : -1;
		b = ls.next < w->nrows ? w->rows[ls.next].row : w->pol->label_rows;
		/* the runs between the same anchors */
		while (h < w->nloose)
		{
			bool		row_between = false;

			for (int k = w->loose[h - 1].after; k < w->loose[h].after; k++)
				row_between |= anchor(w, k);
			if (row_between)
				break;
			h++;
		}
		if (a < b)
			place_group(w, &ls, g, h, a, b, ed, ncols);
		g = h;
	}
	for (int k = 0, memo[2] = {-1, -1}; k < w->nloose; k++)
	{
		int			h = k + 1,
					r;

		if (w->loose[k].placed)
			continue;
		while (h < w->nloose && run_goes_on(w, h - 1))
			h++;
		/*
		 * A row whose label stands elsewhere came before the walk's next
		 * data row: that row's values on a line apart from its label may be
		 * this one's, as uncertain as after a row that got none.
		 */
		if (report_unplaced(w, k, h) && (r = next_data_row(w, w->loose[k].after, memo)) < w->nrows)
			w->rows[r].loose_before = true;
		k = h - 1;
	}
}
