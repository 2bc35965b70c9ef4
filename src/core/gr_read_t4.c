/*
 * gr_read_t4.c — reading 表四 from the token stream of section 四: runs
 * of values after the group labels, one row of fifteen or three rows of
 * five (a table printed as three one-row tables).
 */
#include "gr_format.h"
#include "gr_label.h"
#include "gr_read.h"

/* ---- 表四 ---- */

void
gr_read_t4(gr_reader *rd, int from, int to)
{
	int			run_start[64],
				run_len[64],
				run_group[64];
	int			nruns = 0;
	int			group = -1;
	int			last_text = -1;

	if (gr_tokenize(rd->ctx, rd->doc, from, to, &rd->toks) != GR_OK)
		return;

	/* runs of values, each with the group label seen before it */
	for (int i = 0; i < rd->toks.n; i++)
	{
		const gr_tok *t = &rd->toks.v[i];

		if (t->kind == GR_TK_TEXT)
		{
			if (gr_rd_is_narrative(rd, t))
			{
				if (nruns > 0 && run_len[nruns - 1] > 0)
					break;		/* the narrative after the table */
				continue;
			}
			gr_rd_lfold(rd, t);
			/* a group's label, alone or in a caption (### 行政诉讼（复议后起诉）) */
			{
				gr_label_match gm = gr_label_find(gr_t4_rows, T4_PRINTED_GROUPS, rd->lf, rd->lflen, -1);

				if (gm.row >= 0 && gm.tier <= GR_LT_CONTAINS && rd->lflen <= 3 * 24)
					group = gm.row;
			}
			last_text = i;
			continue;
		}
		if (nruns == 0 || run_start[nruns - 1] + run_len[nruns - 1] != i ||
			last_text > run_start[nruns - 1])
		{
			if (nruns == 64)
				break;
			run_start[nruns] = i;
			run_len[nruns] = 0;
			run_group[nruns] = group;
			nruns++;
		}
		run_len[nruns - 1]++;
	}

	/* drop runs of empty header cells */
	{
		int			k = 0;

		for (int r = 0; r < nruns; r++)
		{
			bool		any = false;

			for (int i = 0; i < run_len[r]; i++)
				any |= rd->toks.v[run_start[r] + i].kind != GR_TK_BLANK;
			if (any)
			{
				run_start[k] = run_start[r];
				run_len[k] = run_len[r];
				run_group[k] = run_group[r];
				k++;
			}
		}
		nruns = k;
	}
	if (nruns == 0)
		return;
	rd->rep->tables_found |= 1u << GR_T4;

	{
		int			keys[15];
		int		   *vals = gr_alloc(rd->ctx, sizeof(int) * (size_t) (rd->toks.n + 1));
		int			n = 0;

		if (!vals)
			return;
		for (int g = 0; g < T4_PRINTED_GROUPS; g++)
			for (int c = 0; c < T4_NCOLS; c++)
				keys[g * T4_NCOLS + c] = gr_key_index(GR_T4, g, c);

		/* three tables of one row each (沭阳县 2025): a run per group */
		if (nruns == 3 && run_group[0] == 0 && run_group[1] == 1 && run_group[2] == 2)
		{
			for (int r = 0; r < 3; r++)
			{
				n = 0;
				for (int i = 0; i < run_len[r]; i++)
					vals[n++] = run_start[r] + i;
				gr_rd_place_row(rd, "表四", (gr_str) {gr_t4_rows[r].labels[0], (uint32_t) strlen(gr_t4_rows[r].labels[0])},
						  keys + r * T4_NCOLS, T4_NCOLS, vals, n,
						  rd->doc->lines[rd->toks.v[run_start[r]].line].lineno, true, NULL);
			}
			return;
		}
		/* one row of fifteen */
		for (int r = 0; r < nruns; r++)
			for (int i = 0; i < run_len[r]; i++)
				vals[n++] = run_start[r] + i;
		if (nruns > 1)
		{
			/* several runs count only when, blanks aside, they make fifteen */
			int			nv = 0;

			for (int i = 0; i < n; i++)
				nv += rd->toks.v[vals[i]].kind != GR_TK_BLANK;
			if (nv != 15)
			{
				n = 0;
				for (int i = 0; i < run_len[nruns - 1]; i++)
					vals[n++] = run_start[nruns - 1] + i;
			}
		}
		/*
		 * Cells ended by '|' (seed 002): the fillers of the header's merged
		 * cells follow the header rows, so empty cells before the last
		 * fifteen belong to the header, not to the one row of data.
		 */
		if (n > 15)
		{
			bool		lead = true;

			for (int i = 0; i < n && lead; i++)
				lead = rd->toks.v[vals[i]].piped && (i >= n - 15 || rd->toks.v[vals[i]].kind == GR_TK_BLANK);
			if (lead)
			{
				memmove(vals, vals + (n - 15), sizeof(int) * 15);
				n = 15;
			}
		}
		gr_rd_place_row(rd, "表四", (gr_str) {"行政复议、行政诉讼", (uint32_t) strlen("行政复议、行政诉讼")}, keys, 15, vals, n,
				  rd->doc->lines[rd->toks.v[vals[0]].line].lineno, true, NULL);
	}
}
