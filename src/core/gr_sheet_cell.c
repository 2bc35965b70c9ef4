/*
 * gr_sheet_cell.c — one value cell of the review sheet: which cells the
 * sheet draws, and how a cell shows its state (a number, an empty box for
 * a blank, the dash as written, unreadable text, unplaced, absent), its
 * derivation (computed, or read by the row's arithmetic) and the findings
 * that name it.
 *
 * Every cell carries id="c-<key>" (the findings link to it) and a title=
 * with its key, state, raw text and line.  A cell named by a finding also
 * gets the class of the gravest one (err, warn, info), data-key and
 * data-rules (the rule ids, once each), and the findings' messages in its
 * title: what the tests read back from the page.
 */
#include <string.h>

#include "gr_sheet.h"

static const char *const state_class[] = {"absent", "blank", "num", "dash", "text", "unplaced"};
static const char *const state_text[] = {
	"表中没有此格", "空白（未填写）", "数字", "写明为无（横线、斜线或“无”）",
	"不是可读的数字", "本行有数字，但不能确定各在哪一列"
};
static const char *const sev_class[] = {"err", "warn", "info"};
static const char *const sev_text[] = {"错误", "警告", "提示"};

/*
 * Does the sheet draw this cell?  Those a finding names, those the report
 * prints, and the cells of the drawn edition — its derived ones only when
 * asked, since the format prints no place for them.
 */
int
gr_sheet_shown(const gr_sheet *sh, int key)
{
	const gr_keydef *k = &gr_keydefs()[key];
	const gr_cell *c = &sh->rep->cells[key];
	unsigned	m = 1u << sh->ed;

	if (gr_sheet_named(sh, key))
		return 1;
	if (c->state != GR_CELL_ABSENT && !c->derived)
		return 1;
	if (!(k->editions & m))
		return 0;
	return (k->derived & m) ? sh->opts->show_derived : 1;
}

/* Is raw just the number (digits, separators, a sign), so that the value says it all? */
static int
raw_is_plain(gr_str raw, gr_str unit)
{
	static const char *const ok[] = {"０", "１", "２", "３", "４", "５", "６", "７", "８", "９",
	"，", "．", "＋", "－", NULL};

	if (unit.len)
		return 0;
	for (uint32_t i = 0; i < raw.len;)
	{
		unsigned char ch = (unsigned char) raw.ptr[i];
		int			found = 0;

		if ((ch >= '0' && ch <= '9') || ch == ',' || ch == '.' || ch == '+' || ch == '-' || ch == ' ')
		{
			i++;
			continue;
		}
		for (int a = 0; ok[a] && !found; a++)
			if (raw.len - i >= 3 && memcmp(raw.ptr + i, ok[a], 3) == 0)
				found = 1;
		if (!found)
			return 0;
		i += 3;
	}
	return 1;
}

/* The title=: key, state, raw, line, and each finding naming the cell. */
static void
cell_title(gr_sheet *sh, int key)
{
	const gr_cell *c = &sh->rep->cells[key];
	gr_sbuf    *b = sh->b;
	gr_str		raw = gr_cell_raw(sh->rep, c);

	gr_sb_printf(b, " title=\"%s&#10;", gr_keydefs()[key].key);
	gr_sb_puts(b, c->derived ? "由其他单元格计算（格式不印此格）" : state_text[c->state]);
	if (c->by_sum)
		gr_sb_puts(b, "&#10;数字连写，按本行的算术读取（R-PARSE-06）");
	if (c->by_text)
		gr_sb_puts(b, "&#10;数字连写，按正文所述读取（R-PARSE-06、R-PARSE-07）");
	if (raw.len)
	{
		gr_sb_puts(b, "&#10;原文：");
		gr_sb_esc(b, raw.ptr, raw.len);
	}
	if (c->unit.len)
	{
		gr_sb_puts(b, "&#10;单位：");
		gr_sb_esc(b, c->unit.ptr, c->unit.len);
	}
	if (c->line)
		gr_sb_printf(b, "&#10;第 %d 行", c->line);
	for (int i = 0; i < sh->nf[key]; i++)
	{
		const gr_finding *f = &sh->rep->findings[sh->fidx[sh->off[key] + i]];

		gr_sb_printf(b, "&#10;%s ", f->rule);
		gr_sb_puts(b, sev_text[f->severity]);
		gr_sb_puts(b, "：");
		gr_sb_esc(b, f->message.ptr, f->message.len);
	}
	gr_sb_puts(b, "\"");
}

/* data-rules: each rule id once, in the order of the findings. */
static void
cell_rules(gr_sheet *sh, int key)
{
	gr_sb_printf(sh->b, " data-key=\"%s\" data-rules=\"", gr_keydefs()[key].key);
	for (int i = 0; i < sh->nf[key]; i++)
	{
		const char *rule = sh->rep->findings[sh->fidx[sh->off[key] + i]].rule;
		int			seen = 0;

		for (int j = 0; j < i && !seen; j++)
			seen = strcmp(sh->rep->findings[sh->fidx[sh->off[key] + j]].rule, rule) == 0;
		if (!seen)
			gr_sb_printf(sh->b, "%s%s", i ? " " : "", rule);
	}
	gr_sb_puts(sh->b, "\"");
}

static void
cell_content(gr_sheet *sh, const gr_cell *c)
{
	gr_sbuf    *b = sh->b;
	gr_str		raw = gr_cell_raw(sh->rep, c);

	switch (c->state)
	{
		case GR_CELL_NUMBER:
			gr_sb_num(b, c->mant, c->scale);
			if (!raw_is_plain(raw, c->unit))
			{
				gr_sb_puts(b, "<small class=\"raw\">");
				gr_sb_esc(b, raw.ptr, raw.len);
				gr_sb_puts(b, "</small>");
			}
			break;
		case GR_CELL_BLANK:
			gr_sb_puts(b, "<span class=\"box\"></span>");
			break;
		case GR_CELL_DASH:
			if (raw.len)
				gr_sb_esc(b, raw.ptr, raw.len);
			else
				gr_sb_puts(b, "&#x2014;");
			break;
		case GR_CELL_TEXT:
			gr_sb_esc(b, raw.ptr, raw.len);
			break;
		case GR_CELL_UNPLACED:
			gr_sb_puts(b, "?");
			break;
		default:
			break;
	}
	if (c->derived)
		gr_sb_puts(b, "<sup class=\"mark\">计</sup>");
	if (c->by_sum)
		gr_sb_puts(b, "<sup class=\"mark\">&#x3A3;</sup>");
	if (c->by_text)
		gr_sb_puts(b, "<sup class=\"mark\">文</sup>");
}

void
gr_sheet_cell(gr_sheet *sh, int key, int colspan)
{
	const gr_cell *c = &sh->rep->cells[key];
	int			state = (unsigned) c->state <= GR_CELL_UNPLACED ? (int) c->state : GR_CELL_ABSENT;
	gr_sbuf    *b = sh->b;

	gr_sb_printf(b, "<td id=\"c-%s\" class=\"v %s%s%s%s%s\"", gr_keydefs()[key].key, state_class[state],
				 c->derived ? " derived" : "", c->by_sum ? " bysum" : "",
				 gr_sheet_named(sh, key) ? " hl " : "", gr_sheet_named(sh, key) ? sev_class[sh->sev[key]] : "");
	if (colspan > 1)
		gr_sb_printf(b, " colspan=\"%d\"", colspan);
	if (gr_sheet_named(sh, key))
		cell_rules(sh, key);
	cell_title(sh, key);
	gr_sb_puts(b, ">");
	cell_content(sh, c);
	gr_sb_puts(b, "</td>");
}

void
gr_sheet_na(gr_sheet *sh, int colspan)
{
	gr_sb_puts(sh->b, "<td class=\"na\"");
	if (colspan > 1)
		gr_sb_printf(sh->b, " colspan=\"%d\"", colspan);
	gr_sb_puts(sh->b, " title=\"此行在格式中没有这一列\"></td>");
}
