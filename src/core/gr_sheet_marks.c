/*
 * gr_sheet_marks.c — which findings name which cells, for the review
 * sheet: per cell key the gravest severity and the list of its findings,
 * built once (a counting sort over the findings' cells) so that drawing a
 * cell does not walk every finding.  Every finding counts, the parser's
 * and the rules' alike, as report_check lists them all.
 */
#include <string.h>

#include "gr_sheet.h"

int
gr_sheet_marks(gr_sheet *sh)
{
	const gr_report *rep = sh->rep;
	int			n = sh->nkeys;
	int			total = 0;
	int		   *fill;

	sh->sev = sh->env->alloc(sh->env->alloc_ctx, (size_t) n + 1);
	sh->off = sh->env->alloc(sh->env->alloc_ctx, sizeof(int) * ((size_t) n + 1));
	sh->nf = sh->env->alloc(sh->env->alloc_ctx, sizeof(int) * ((size_t) n + 1));
	fill = sh->env->alloc(sh->env->alloc_ctx, sizeof(int) * ((size_t) n + 1));
	if (!sh->sev || !sh->off || !sh->nf || !fill)
		return 0;
	memset(sh->sev, -1, (size_t) n + 1);
	memset(sh->off, 0, sizeof(int) * ((size_t) n + 1));
	for (int i = 0; i < rep->nfindings; i++)
	{
		const gr_finding *f = &rep->findings[i];

		for (int c = 0; c < f->ncells; c++)
		{
			int			k = f->cells[c];

			if (k < 0 || k >= n)
				continue;
			sh->off[k]++;
			total++;
			if (sh->sev[k] < 0 || (int) f->severity < sh->sev[k])
				sh->sev[k] = (signed char) f->severity;
		}
	}
	/* counts to offsets: off[k] is where k's findings start, off[n] the end */
	for (int k = 0, at = 0; k <= n; k++)
	{
		int			cnt = k < n ? sh->off[k] : 0;

		sh->off[k] = at;
		fill[k] = at;
		at += cnt;
	}
	sh->fidx = sh->env->alloc(sh->env->alloc_ctx, sizeof(int) * ((size_t) total + 1));
	if (!sh->fidx)
		return 0;
	for (int i = 0; i < rep->nfindings; i++)
	{
		const gr_finding *f = &rep->findings[i];

		for (int c = 0; c < f->ncells; c++)
		{
			int			k = f->cells[c];

			/* a finding that names a cell twice is listed once for it */
			if (k < 0 || k >= n || (fill[k] > sh->off[k] && sh->fidx[fill[k] - 1] == i))
				continue;
			sh->fidx[fill[k]++] = i;
		}
	}
	for (int k = 0; k < n; k++)
		sh->nf[k] = fill[k] - sh->off[k];
	return 1;
}

int
gr_sheet_named(const gr_sheet *sh, int key)
{
	return key >= 0 && key < sh->nkeys && sh->sev[key] >= 0;
}
