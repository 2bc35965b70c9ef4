/*
 * gr_structrules.c — the structure of the tables (spec §6, R-GEN-*): a
 * table or a row of the edition the text does not have, text where a
 * number belongs (both R-GEN-01), and cells left blank or dashed where
 * the format wants 0 (R-GEN-02).  The balance rules count such cells as 0;
 * these rules are where the report is told so.
 */
#include "gr_rules.h"
#include "gr_tables.h"

/* R-GEN-01: a table, or a row of the edition, the text does not have. */
void
gr_structrule_missing(gr_rule_ctx *rc, const gr_ruledef *r)
{
	static const char *const names[] = {"表二（主动公开政府信息情况）", "表三（收到和处理政府信息公开申请情况）",
	"表四（政府信息公开行政复议、行政诉讼情况）"};
	gr_report  *rep = rc->rep;
	const gr_keydef *k = gr_keydefs();

	for (int t = GR_T2; t <= GR_T4; t++)
	{
		gr_edition	ed = gr_eval_edition_of(rc, (gr_table) t);
		int			last_row = -1;

		if (!(rep->tables_found & (1u << t)))
		{
			gr_add_finding(rc->ctx, rep, r->id, r->sev, 0, "表格缺项：没有找到%s", names[t]);
			continue;
		}
		for (int i = 0; i < rep->ncells; i++)
		{
			gr_finding *f;
			int			n = 0;

			if (k[i].table > (gr_table) t)
				break;			/* the keys go table by table */
			if (k[i].table != (gr_table) t || k[i].row == last_row ||
				!(k[i].editions & GR_ED_MASK(ed)) || (k[i].derived & GR_ED_MASK(ed)))
				continue;
			/* a row is missing when none of its printed cells is in the text */
			for (int j = i; j < rep->ncells && k[j].table == k[i].table && k[j].row == k[i].row; j++)
				if (!(k[j].derived & GR_ED_MASK(ed)) && (k[j].editions & GR_ED_MASK(ed)) &&
					rep->cells[j].state != GR_CELL_ABSENT)
					n++;
			last_row = k[i].row;
			if (n > 0)
				continue;
			f = gr_add_finding(rc->ctx, rep, r->id, r->sev, 0, "表格缺项：%s缺少“%s”（%.*s）", names[t],
							   gr_row_label((gr_table) t, k[i].row, ed),
							   (int) (strrchr(k[i].key, '.') - k[i].key), k[i].key);
			for (int j = i; f && j < rep->ncells && k[j].table == k[i].table && k[j].row == k[i].row &&
				 f->ncells < GR_FINDING_MAX_CELLS; j++)
				if (!(k[j].derived & GR_ED_MASK(ed)) && (k[j].editions & GR_ED_MASK(ed)))
					f->cells[f->ncells++] = j;
		}
	}
}

/* R-GEN-01 too: text stands where a number belongs (seed 001: 行政许可 / 行 政许可). */
void
gr_structrule_unreadable(gr_rule_ctx *rc, const gr_ruledef *r)
{
	gr_report  *rep = rc->rep;

	for (int i = 0; i < rep->ncells; i++)
	{
		const gr_cell *c = &rep->cells[i];
		gr_finding *f;
		gr_str		raw;

		if (c->state != GR_CELL_TEXT)
			continue;
		raw = gr_cell_raw(rep, c);
		f = gr_add_finding(rc->ctx, rep, r->id, r->sev, c->line, "表格缺项：%s 处应为数值，文中为“%.*s”",
						   gr_keydefs()[i].key, (int) raw.len, raw.ptr);
		if (f)
		{
			f->cells[f->ncells++] = i;
			f->raw = raw;
		}
	}
}

/* R-GEN-02: blank cells, one finding per row that has them. */
void
gr_structrule_blanks(gr_rule_ctx *rc, const gr_ruledef *r)
{
	gr_report  *rep = rc->rep;
	const gr_keydef *k = gr_keydefs();

	for (int i = 0; i < rep->ncells;)
	{
		int			j = i,
					n = 0,
					blanks[GR_FINDING_MAX_CELLS];
		int			line = 0;

		while (j < rep->ncells && k[j].table == k[i].table && k[j].row == k[i].row)
		{
			if ((rep->cells[j].state == GR_CELL_BLANK || rep->cells[j].state == GR_CELL_DASH) &&
				!rep->cells[j].derived && n < GR_FINDING_MAX_CELLS)
			{
				blanks[n++] = j;
				if (!line)
					line = rep->cells[j].line;
			}
			j++;
		}
		if (n > 0)
		{
			char		list[900],
						msg[1024];
			gr_fbuf		b;
			gr_finding *f;

			/* a report with many blank rows has one of these for each: built, not formatted */
			gr_eval_keys_list(blanks, n, list, sizeof(list));
			gr_fb_init(&b, msg, sizeof(msg));
			gr_fb_puts(&b, "空白未填：");
			gr_fb_int(&b, n, 0);
			gr_fb_puts(&b, " 个单元格空白或为“—/无”，应填0：");
			gr_fb_puts(&b, list);
			f = gr_add_finding_own(rc->ctx, rep, r->id, r->sev, line, &b);
			for (int b = 0; f && b < n; b++)
				f->cells[f->ncells++] = blanks[b];
		}
		i = j;
	}
}
