/*
 * gr_sheet_findings.c — the findings under the tables of the review
 * sheet, in report_check's order: severity, rule id, message, the cells
 * (each a link to the cell in the tables above), expected and actual, and
 * the input line.
 */
#include "gr_format.h"
#include "gr_sheet.h"

static const char *const sev_class[] = {"err", "warn", "info"};
static const char *const sev_text[] = {"错误", "警告", "提示"};

static void
num_cell(gr_sheet *sh, gr_num n)
{
	gr_sb_puts(sh->b, "<td class=\"n\">");
	if (n.set)
		gr_sb_num(sh->b, n.mant, n.scale);
	gr_sb_puts(sh->b, "</td>");
}

/*
 * The cells, each a link to its place in the tables; a run of cells of
 * one row is written once with its row: t3.granted: natural_person total.
 */
static void
finding_keys(gr_sheet *sh, const gr_finding *f)
{
	const gr_keydef *k = gr_keydefs();
	int			prev = -1;

	for (int c = 0; c < f->ncells; c++)
	{
		const gr_keydef *d;

		if (f->cells[c] < 0 || f->cells[c] >= sh->nkeys)
			continue;
		d = &k[f->cells[c]];
		if (prev < 0 || k[prev].table != d->table || k[prev].row != d->row)
			gr_sb_printf(sh->b, "%s<span class=\"kr\">t%d.%s:</span>", prev < 0 ? "" : "<br>",
						 (int) d->table + 2, d->row_key);
		gr_sb_printf(sh->b, " <a href=\"#c-%s\">%s</a>", d->key, d->col_key);
		prev = f->cells[c];
	}
}

static void
finding_row(gr_sheet *sh, const gr_finding *f)
{
	int			sev = (unsigned) f->severity <= GR_SEV_INFO ? (int) f->severity : GR_SEV_INFO;

	gr_sb_printf(sh->b, "<tr class=\"%s\"><td><span class=\"sev %s\">", sev_class[sev], sev_class[sev]);
	gr_sb_puts(sh->b, sev_text[sev]);
	gr_sb_puts(sh->b, "</span></td><td class=\"rule\">");
	gr_sb_escs(sh->b, f->rule);
	gr_sb_puts(sh->b, "</td><td>");
	gr_sb_esc(sh->b, f->message.ptr, f->message.len);
	if (f->raw.len)
	{
		gr_sb_puts(sh->b, "<br><small>原文：");
		gr_sb_esc(sh->b, f->raw.ptr, f->raw.len);
		gr_sb_puts(sh->b, "</small>");
	}
	gr_sb_puts(sh->b, "</td><td class=\"keys\">");
	finding_keys(sh, f);
	gr_sb_puts(sh->b, "</td>");
	num_cell(sh, f->expected);
	num_cell(sh, f->actual);
	gr_sb_puts(sh->b, "<td class=\"n\">");
	if (f->line)
		gr_sb_printf(sh->b, "%d", f->line);
	gr_sb_puts(sh->b, "</td></tr>\n");
}

void
gr_sheet_findings(gr_sheet *sh)
{
	const gr_report *rep = sh->rep;

	gr_sb_printf(sh->b, "<h2 id=\"findings\">发现的问题<small>%d 条</small></h2>\n", rep->nfindings);
	if (rep->nfindings == 0)
	{
		gr_sb_puts(sh->b, "<p>未发现问题。</p>\n");
		return;
	}
	gr_sb_puts(sh->b, "<table class=\"findings\">\n<thead><tr><th>级别</th><th>规则</th><th>说明</th>"
			   "<th>单元格</th><th>应为</th><th>实为</th><th>行</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < rep->nfindings; i++)
		finding_row(sh, &rep->findings[i]);
	gr_sb_puts(sh->b, "</tbody></table>\n");
}
