/*
 * gr_edition.c — which national format a report follows, from the strings
 * that only one edition prints (spec §8.1).
 *
 * The fingerprints are looked for in the compact text of sections 二 and 三
 * (the whole text when no outline was found), so a narrative that happens
 * to mention 政府集中采购 does not count.  A report showing fingerprints of
 * both editions is mixed; its edition is the one with more of them, and
 * the statistics year breaks a tie.
 *
 * This is the one place that decides editions: the report's (here), the
 * one each table follows (the table reader records what the table shows;
 * gr_table_edition() completes it), and the one fallback for what the
 * text does not show (gr_edition_effective: the year's edition, else the
 * newest).  The fingerprints and years are the editions' data in
 * gr_format.c.
 */
#include "gr_format.h"
#include "gr_internal.h"
#include "gr_label.h"
#include "gr_phrase.h"

const char *
gr_edition_name(gr_edition ed)
{
	for (int i = 0; i < gr_neditions; i++)
		if (gr_editions[i].ed == ed)
			return gr_editions[i].name;
	return NULL;
}

/* The edition in force for a report year; GR_ED_UNKNOWN outside them all. */
gr_edition
gr_edition_for_year(int year)
{
	for (int i = 0; i < gr_neditions; i++)
		if (year >= gr_editions[i].first_year &&
			(gr_editions[i].last_year == 0 || year <= gr_editions[i].last_year))
			return gr_editions[i].ed;
	return GR_ED_UNKNOWN;
}

/*
 * The one fallback: what the text shows, else the edition of the report's
 * year, else the newest edition.
 */
gr_edition
gr_edition_effective(gr_edition shown, int year)
{
	gr_edition	by_year;

	if (shown != GR_ED_UNKNOWN)
		return shown;
	by_year = gr_edition_for_year(year);
	return by_year != GR_ED_UNKNOWN ? by_year : gr_editions[gr_neditions - 1].ed;
}

/* The edition a table follows: as read, else the report's, else the fallback. */
gr_edition
gr_table_edition(const gr_report *rep, gr_table t)
{
	gr_edition	shown = t == GR_T2 ? rep->edition_t2 : t == GR_T3 ? rep->edition_t3 : GR_ED_UNKNOWN;

	return gr_edition_effective(shown != GR_ED_UNKNOWN ? shown : rep->edition, rep->year);
}

/*
 * gb2019 prints （六）其他处理 as one data row, followed by （七）总计 once
 * its numbers are done; gb2021 follows it with the sub-row 1.
 */
const char *const gr_edition_words[] = {"(六)其他处理", NULL};

static bool
single_other_handling_row(const gr_doc *doc, uint32_t from, uint32_t to)
{
	const char *s = doc->cmp + from;
	size_t		len = to - from;
	uint32_t	at = gr_ph_find(doc, GR_PL_EDITION_WORDS, 0, from, to);
	const char *hit;

	if (at == GR_PH_NONE)
		return false;
	hit = doc->cmp + at + strlen(gr_edition_words[0]);
	while (hit < s + len && ((*hit >= '0' && *hit <= '9') || *hit == '|' || *hit == '-' ||
							 *hit == '/' || *hit == ','))
		hit++;
	return gr_has_prefix(hit, (size_t) (s + len - hit), "(七)");
}

/* Count the fingerprints of each edition found in cmp[from, to), once each. */
#define MAX_FP 32
static void
count_range(const gr_doc *doc, uint32_t from, uint32_t to, bool seen[][MAX_FP])
{
	for (int e = 0; e < gr_neditions; e++)
		for (int i = 0; gr_editions[e].fingerprints[i] && i < MAX_FP; i++)
			if (!seen[e][i] && gr_ph_find(doc, GR_PL_FP + e, i, from, to) != GR_PH_NONE)
				seen[e][i] = true;
}

/*
 * The report's edition: the one with the most fingerprints; on a tie the
 * year's (the one fallback); mixed when more than one edition shows.
 */
static void
decide(gr_report *rep, const int *count)
{
	gr_edition	best = GR_ED_UNKNOWN;
	int			shown = 0;
	bool		tie = false;

	for (int e = 0; e < gr_neditions; e++)
	{
		int			c = count[gr_editions[e].ed];

		if (c == 0)
			continue;
		shown++;
		if (best == GR_ED_UNKNOWN || c > count[best])
		{
			best = gr_editions[e].ed;
			tie = false;
		}
		else if (c == count[best])
			tie = true;
	}
	rep->edition_mixed = shown > 1;
	rep->edition = tie ? gr_edition_effective(GR_ED_UNKNOWN, rep->year) : best;
}

void
gr_edition_detect(const gr_doc *doc, gr_report *rep)
{
	bool		seen[GR_NED][MAX_FP] = {{false}};
	bool		single_row = false;
	int			count[GR_NED] = {0};
	bool		any_section = false;

	for (int i = 0; i < rep->nsections; i++)
	{
		const gr_section *s = &rep->sections[i];
		uint32_t	from,
					to;

		if (s->key != GR_SEC_PROACTIVE && s->key != GR_SEC_REQUESTS)
			continue;
		any_section = true;
		if (s->first_doc_line >= s->end_doc_line)
			continue;
		from = doc->lines[s->first_doc_line].c_off;
		to = doc->lines[s->end_doc_line - 1].c_off + doc->lines[s->end_doc_line - 1].c_len;
		count_range(doc, from, to, seen);
		if (s->key == GR_SEC_REQUESTS)
			single_row = single_other_handling_row(doc, from, to);
	}
	if (!any_section)
	{
		count_range(doc, 0, doc->cmp_len, seen);
		single_row = single_other_handling_row(doc, 0, doc->cmp_len);
	}

	for (int e = 0; e < gr_neditions; e++)
		for (int i = 0; i < MAX_FP; i++)
			count[gr_editions[e].ed] += seen[e][i];
	if (single_row)
		count[GR_ED_2019]++;
	rep->fp2019 = count[GR_ED_2019];
	rep->fp2021 = count[GR_ED_2021];
	decide(rep, count);
}

/* ---- what a table shows of its edition: votes, decided here ---- */

/*
 * A row printed in one edition only votes for it: where the other editions
 * lack the row altogether, its label is enough (gb2021's （六）1.…); where
 * they have it as a caption (gb2019's （六）其他处理, a subtotal in gb2021),
 * only a row with numbers counts.
 */
void
gr_vote_row(int *votes, gr_table t, int row, bool has_values)
{
	const gr_rowdef *r = &gr_tabledefs[t].rows[row];

	for (int i = 0; i < gr_neditions; i++)
	{
		unsigned	m = GR_ED_MASK(gr_editions[i].ed);

		if (r->printed == m && ((r->derived & ~m) == 0 || has_values))
			votes[gr_editions[i].ed]++;
	}
}

/* 表二: a header naming a column that only one edition's rows have. */
void
gr_vote_col(int *votes, int col)
{
	unsigned	eds = 0;

	for (int r = 0; r < GR_T2_NROWS; r++)
		for (int i = 0; i < gr_neditions; i++)
			if (gr_t2_rows[r].cols[gr_editions[i].ed] & (1u << col))
				eds |= GR_ED_MASK(gr_editions[i].ed);
	for (int i = 0; i < gr_neditions; i++)
		if (eds == GR_ED_MASK(gr_editions[i].ed))
			votes[gr_editions[i].ed]++;
}

/* A label (folded) that is one of an edition's fingerprints (行政规范性文件). */
void
gr_vote_label(int *votes, const char *t, size_t tlen)
{
	for (int i = 0; i < gr_neditions; i++)
		for (int k = 0; gr_editions[i].fingerprints[k]; k++)
			if (gr_label_equals(t, tlen, gr_editions[i].fingerprints[k]))
				votes[gr_editions[i].ed]++;
}

/* The edition with the most votes; unknown on a tie or none. */
gr_edition
gr_vote_result(const int *votes)
{
	gr_edition	best = GR_ED_UNKNOWN;
	bool		tie = false;

	for (int i = 0; i < gr_neditions; i++)
	{
		gr_edition	e = gr_editions[i].ed;

		if (votes[e] == 0)
			continue;
		if (best == GR_ED_UNKNOWN || votes[e] > votes[best])
		{
			best = e;
			tie = false;
		}
		else if (votes[e] == votes[best])
			tie = true;
	}
	return tie ? GR_ED_UNKNOWN : best;
}
