/*
 * gr_digits_stated.c — a glued row of 表二 that its own arithmetic leaves
 * with several readings, read where the report's prose states one of its
 * cells: 行政规范性文件77132470 under 本年制发件数 / 本年废止件数 / 现行有效件数
 * has twenty-one readings, and section 一 says 本年度制发的规范性文件77件.
 * The digits begin with 77, so the reading the prose and the table both
 * allow gives 制发 77; the rest (132470: 1|32470, 13|2470 …) stays NULL
 * unless it too has one reading left.  The prose only chooses among the
 * table's own readings: digits that do not begin with its number are no
 * reading of it, and nothing is read.  The cells so read are by_text.
 */
#include <stddef.h>

#include "gr_digits.h"

/*
 * The readings of digits d[0, n) as k numbers without a leading zero (a
 * lone 0 aside), up to 18 digits each: how many, counted up to two, and
 * the first one's lengths in len[].
 */
static int
count_cuts(const char *d, int n, int k, int *len)
{
	int			found = 0;

	if (k == 0)
		return n == 0;
	for (int l = 1; l <= n - (k - 1) && l <= 18 && found < 2; l++)
	{
		int			sub[8];
		int			m;

		if (d[0] == '0' && l > 1)
			break;				/* a leading zero: no longer number starts here */
		m = count_cuts(d + l, n - l, k - 1, sub);
		if (m > 0 && found == 0)
		{
			len[0] = l;
			memcpy(len + 1, sub, sizeof(int) * (size_t) (k - 1));
		}
		found += m;
	}
	return found > 2 ? 2 : found;
}

/* Cell key of the row's column c set to the number of digits [at, at + l) of the run. */
static void
set_stated(gr_reader *rd, const digit_run *run, int key, int at, int l, int line)
{
	gr_cell    *cell = &rd->rep->cells[key];
	uint32_t	a = gr_doc_f2s(rd->doc, run->f[at]),
				b = gr_doc_f2s(rd->doc, run->f[at + l - 1]);
	int64_t		v = 0;

	for (int i = at; i < at + l; i++)
		v = v * 10 + (run->d[i] - '0');
	b += (uint32_t) (gr_utf8_seqlen((unsigned char) rd->doc->src[b]) ?
					 gr_utf8_seqlen((unsigned char) rd->doc->src[b]) : 1);
	memset(cell, 0, sizeof(*cell));
	cell->state = GR_CELL_NUMBER;
	cell->mant = v;
	cell->raw = gr_doc_src_span(rd->doc, a, b);
	cell->line = line;
	cell->by_text = 1;
}

/*
 * The first cells of a row that the prose states, as data: which fact
 * (gr_facts.c reads its phrase) gives which cell.  A row's first column
 * only, where the digits it begins with are the stated number's.
 */
static const struct
{
	size_t		fact;			/* offset of the gr_fact in gr_facts */
	gr_table	table;
	int			row;
	int			col;
}			stated_cells[] = {
	{offsetof(gr_facts, norm_docs_issued), GR_T2, GR_R2_norm_docs, T2C_ISSUED},	/* 制发…规范性文件 N 件 */
};

/* The fact that states the cell key, NULL for none. */
static const gr_fact *
stated_fact(const gr_report *rep, int key)
{
	for (size_t i = 0; i < sizeof(stated_cells) / sizeof(stated_cells[0]); i++)
		if (key == gr_key_index(stated_cells[i].table, stated_cells[i].row, stated_cells[i].col))
			return (const gr_fact *) ((const char *) &rep->facts + stated_cells[i].fact);
	return NULL;
}

int
gr_digits_stated(gr_reader *rd, const digit_run *run, const int *keys, int ncols, int line, bool *read)
{
	const gr_fact *fact = keys[0] >= 0 ? stated_fact(rd->rep, keys[0]) : NULL;
	char		want[24];
	int			l,
				len[8],
				cuts;

	if (ncols < 2 || ncols > 8 || fact == NULL || !fact->stated || fact->value.scale != 0 || fact->value.mant < 0)
		return 0;
	l = snprintf(want, sizeof(want), "%lld", (long long) fact->value.mant);
	if (l <= 0 || l > run->n - (ncols - 1) || memcmp(run->d, want, (size_t) l) != 0)
		return 0;				/* the digits do not begin with the prose's number */
	cuts = count_cuts(run->d + l, run->n - l, ncols - 1, len);
	if (cuts == 0)
		return 0;				/* no reading of the rest: the prose's number is none of the table's */
	set_stated(rd, run, keys[0], 0, l, line);
	read[0] = true;
	if (cuts > 1)
		return 1;
	for (int c = 1, at = l; c < ncols; at += len[c - 1], c++)
		if (keys[c] >= 0)
		{
			set_stated(rd, run, keys[c], at, len[c - 1], line);
			read[c] = true;
		}
	return ncols;
}
