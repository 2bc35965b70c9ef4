/*
 * gr_sheet_page.c — the review sheet as a page: gr_sheet_html() writes the
 * head with its inline style, the report's header (title, org, year,
 * edition, dates), the sections found and missing, the three tables (drawn
 * by gr_sheet_down and gr_sheet_across), the findings and a legend of the
 * cell styles.  No script and nothing loaded from elsewhere: the page is
 * one file a reviewer can open, mail or print.
 */
#include <string.h>

#include "gr_format.h"
#include "gr_internal.h"
#include "gr_sheet.h"

/* The style: a readable grid; each cell state and severity its own look. */
static const char sheet_css[] =
	":root{--line:#8a9099;--head:#edf0f4;--err:#fde2e2;--errl:#c62828;--warn:#fff2c2;--warnl:#b7791f;"
	"--info:#e2edfb;--infol:#2b6cb0}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;padding:20px 28px 40px;color:#1b1b1b;background:#fff;font:14px/1.5 \"Noto Sans CJK SC\","
	"\"Source Han Sans SC\",\"WenQuanYi Micro Hei\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif}\n"
	"h1{font-size:21px;margin:0 0 8px}\n"
	"h2{font-size:16px;margin:26px 0 8px;padding-bottom:3px;border-bottom:2px solid #2d3748}\n"
	"h2 small{font-weight:normal;color:#555;font-size:12px;margin-left:10px}\n"
	"dl.meta{display:grid;grid-template-columns:max-content minmax(12em,auto) max-content auto;"
	"gap:2px 14px;margin:0 0 10px;max-width:70em}\n"
	"dl.meta dt{color:#5a6270}dl.meta dd{margin:0}\n"
	".none{color:#999}\n"
	".banner{background:var(--err);color:var(--errl);padding:6px 10px;margin:8px 0;border-radius:4px}\n"
	".counts span{display:inline-block;padding:1px 10px;margin-right:6px;border-radius:10px;font-size:13px}\n"
	".counts .err{background:var(--err);color:var(--errl)}.counts .warn{background:var(--warn);color:#7a5200}"
	".counts .info{background:var(--info);color:var(--infol)}\n"
	"ul.sections{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:4px 8px;font-size:13px}\n"
	"ul.sections li{border:1px solid #c7cdd6;border-radius:4px;padding:1px 8px}\n"
	"ul.sections li.missing{border-color:var(--errl);color:var(--errl);background:var(--err)}\n"
	"ul.sections small{color:#777;margin-left:4px}\n"
	".note{color:var(--errl);font-size:13px;margin:2px 0 6px}\n"
	"table.sheet{border-collapse:collapse;font-size:13px;margin:4px 0}\n"
	"table.sheet th,table.sheet td{border:1px solid var(--line);padding:3px 7px;vertical-align:middle}\n"
	"table.sheet th{background:var(--head);font-weight:normal}\n"
	"th.corner{font-size:12px;color:#3c4350;max-width:24em}\n"
	"th.cap{text-align:left;font-weight:bold;background:#dfe4eb}\n"
	"th.col{text-align:center;min-width:4.2em}\n"
	"th.lab{text-align:left;background:#f7f8fa;max-width:34em}\n"
	"th.span{text-align:center;max-width:9em}\n"
	"th.sub{font-style:italic;color:#5a6270}\n"
	"small.ed{font-size:10px;color:#fff;background:#8a6d1f;border-radius:3px;padding:0 4px;margin-left:3px}\n"
	"tr.oe th.lab{background:#fbf3dc}\n"
	"td.v{text-align:right;min-width:4.2em;white-space:nowrap;font-variant-numeric:tabular-nums;background:#fff}\n"
	"td.blank .box{display:inline-block;width:1.9em;height:1.1em;vertical-align:middle;"
	"border:1.5px dashed #98a2ae;border-radius:2px}\n"
	"td.dash{text-align:center}\n"
	"td.text{color:#8a3b00;background:#fff0de;white-space:normal}\n"
	"td.unplaced{text-align:center;font-weight:bold;color:#3949ab;background:#eceffd}\n"
	"td.absent{background:repeating-linear-gradient(135deg,#f4f4f4 0 4px,#e2e2e2 4px 8px)}\n"
	"td.derived{font-style:italic;color:#5a6270}\n"
	"td.na{background:#cfd3d8}\n"
	"sup.mark{font-size:9px;color:#6b7280;margin-left:2px;font-style:normal}\n"
	"small.raw{display:block;font-size:10px;color:#6b7280;line-height:1.2}\n"
	"td.hl.err{background:var(--err);box-shadow:inset 0 0 0 2px var(--errl)}\n"
	"td.hl.warn{background:var(--warn);box-shadow:inset 0 0 0 2px var(--warnl)}\n"
	"td.hl.info{background:var(--info);box-shadow:inset 0 0 0 2px var(--infol)}\n"
	"td.hl.absent.err{background:repeating-linear-gradient(135deg,var(--err) 0 4px,#f3c6c6 4px 8px)}\n"
	"td.hl.absent.warn{background:repeating-linear-gradient(135deg,var(--warn) 0 4px,#f1dd9a 4px 8px)}\n"
	"td.hl.absent.info{background:repeating-linear-gradient(135deg,var(--info) 0 4px,#c6d9f3 4px 8px)}\n"
	"table.findings{border-collapse:collapse;font-size:13px;width:100%;max-width:90em}\n"
	"table.findings th,table.findings td{border-bottom:1px solid #dde1e6;padding:4px 7px;text-align:left;"
	"vertical-align:top}\n"
	"table.findings th{background:var(--head);font-weight:normal;color:#3c4350}\n"
	"table.findings td.n{text-align:right;white-space:nowrap}\n"
	"table.findings td.keys{font:11px/1.4 monospace;color:#4a5160;max-width:34em}\n"
	"table.findings td.keys a{color:#2b6cb0;text-decoration:none;white-space:nowrap}\n"
	"table.findings td.keys .kr{color:#3c4350}\n"
	"table.findings td.rule,table.findings th{white-space:nowrap}\n"
	"span.sev{display:inline-block;padding:0 7px;border-radius:9px;font-size:12px;white-space:nowrap}\n"
	"span.sev.err{background:var(--err);color:var(--errl)}span.sev.warn{background:var(--warn);color:#7a5200}"
	"span.sev.info{background:var(--info);color:var(--infol)}\n"
	"table.legend{border-collapse:collapse;font-size:12px;margin-top:6px}\n"
	"table.legend td{border:1px solid var(--line);padding:2px 7px}\n"
	"table.legend td.v{min-width:3.5em}\n"
	"footer{margin-top:24px;color:#8a9099;font-size:12px}\n"
	"@media print{body{padding:0}h2{break-after:avoid}table.sheet{break-inside:avoid}}\n";

static const char *const sev_class[] = {"err", "warn", "info"};
static const char *const sev_text[] = {"错误", "警告", "提示"};

static void
meta_str(gr_sheet *sh, const char *name, gr_str s)
{
	gr_sb_printf(sh->b, "<dt>%s</dt><dd>", name);
	if (s.len)
		gr_sb_esc(sh->b, s.ptr, s.len);
	else
		gr_sb_puts(sh->b, "<span class=\"none\">未写明</span>");
	gr_sb_puts(sh->b, "</dd>");
}

static void
meta_date(gr_sheet *sh, gr_date d)
{
	if (d.year)
		gr_sb_printf(sh->b, "%04d-%02d-%02d", d.year, d.month, d.day);
	else
		gr_sb_puts(sh->b, "<span class=\"none\">未写明</span>");
}

static const gr_edition_def *
edition_def(gr_edition ed)
{
	for (int i = 0; i < gr_neditions; i++)
		if (gr_editions[i].ed == ed)
			return &gr_editions[i];
	return NULL;
}

static void
meta_edition(gr_sheet *sh)
{
	const gr_report *rep = sh->rep;
	const gr_edition_def *e = edition_def(rep->edition);

	gr_sb_puts(sh->b, "<dt>格式版本</dt><dd>");
	if (e)
	{
		gr_sb_escs(sh->b, e->name);
		gr_sb_puts(sh->b, "（");
		gr_sb_escs(sh->b, e->document);
		gr_sb_puts(sh->b, "）");
	}
	else
		gr_sb_puts(sh->b, "<span class=\"none\">未能确定</span>");
	if (rep->edition_mixed)
		gr_sb_puts(sh->b, " <strong>新旧版混用</strong>");
	gr_sb_printf(sh->b, "；表二按 %s，表三按 %s", gr_edition_name(rep->edition_t2) ? gr_edition_name(rep->edition_t2) : "?",
				 gr_edition_name(rep->edition_t3) ? gr_edition_name(rep->edition_t3) : "?");
	gr_sb_puts(sh->b, "</dd>");
}

static void
page_header(gr_sheet *sh)
{
	const gr_report *rep = sh->rep;
	int			counts[3] = {0, 0, 0};

	gr_sb_puts(sh->b, "<header><h1>");
	if (rep->title.len)
		gr_sb_esc(sh->b, rep->title.ptr, rep->title.len);
	else
		gr_sb_puts(sh->b, "（未找到标题）");
	gr_sb_puts(sh->b, "</h1>\n");
	if (!rep->is_report)
		gr_sb_puts(sh->b, "<p class=\"banner\">这段文字看起来不是一份政府信息公开工作年度报告。</p>\n");
	gr_sb_puts(sh->b, "<dl class=\"meta\">");
	meta_str(sh, "机关", rep->org);
	gr_sb_puts(sh->b, "<dt>年度</dt><dd>");
	if (rep->year)
		gr_sb_printf(sh->b, "%d", rep->year);
	else
		gr_sb_puts(sh->b, "<span class=\"none\">未能确定</span>");
	gr_sb_puts(sh->b, "</dd>");
	meta_edition(sh);
	gr_sb_puts(sh->b, "<dt>发布日期</dt><dd>");
	meta_date(sh, rep->published);
	gr_sb_puts(sh->b, "</dd><dt>统计期限</dt><dd>");
	meta_date(sh, rep->period_start);
	gr_sb_puts(sh->b, " 至 ");
	meta_date(sh, rep->period_end);
	gr_sb_puts(sh->b, "</dd>");
	meta_str(sh, "电话", rep->phone);
	meta_str(sh, "地址", rep->address);
	gr_sb_puts(sh->b, "</dl>\n<p class=\"counts\">");
	for (int i = 0; i < rep->nfindings; i++)
		if ((unsigned) rep->findings[i].severity <= GR_SEV_INFO)
			counts[rep->findings[i].severity]++;
	for (int s = 0; s < 3; s++)
		gr_sb_printf(sh->b, "<span class=\"%s\">%s %d</span>", sev_class[s], sev_text[s], counts[s]);
	gr_sb_puts(sh->b, "</p>\n</header>\n");
}

/* The six sections and the preamble: present with the heading as printed, or missing. */
static void
page_sections(gr_sheet *sh)
{
	const gr_report *rep = sh->rep;

	gr_sb_puts(sh->b, "<h2>章节</h2>\n<ul class=\"sections\">");
	for (int k = 0; k < GR_NSECTIONS; k++)
	{
		const gr_section *s = NULL;
		const char *num;
		const char *official = gr_section_official((gr_section_key) k, &num);

		for (int i = 0; i < rep->nsections; i++)
			if (rep->sections[i].key == (gr_section_key) k)
				s = &rep->sections[i];
		if (s == NULL && k == GR_SEC_PREAMBLE)
			continue;
		gr_sb_printf(sh->b, "<li class=\"%s\" data-section=\"%s\">", s ? "ok" : "missing",
					 gr_section_key_name((gr_section_key) k));
		if (s && s->heading.len)
			gr_sb_esc(sh->b, s->heading.ptr, s->heading.len);
		else if (official)
		{
			gr_sb_escs(sh->b, num);
			gr_sb_puts(sh->b, "、");
			gr_sb_escs(sh->b, official);
		}
		else
			gr_sb_puts(sh->b, "标题前文字");
		if (s)
			gr_sb_printf(sh->b, "<small>第 %d 行</small>", s->line);
		else
			gr_sb_puts(sh->b, "<small>缺失</small>");
		gr_sb_puts(sh->b, "</li>");
	}
	gr_sb_puts(sh->b, "</ul>\n");
}

static void
page_tables(gr_sheet *sh)
{
	for (int t = GR_T2; t <= GR_T4; t++)
	{
		const gr_tabledef *td = &gr_tabledefs[t];

		gr_sb_printf(sh->b, "<h2 id=\"t%d\">", t + 2);
		gr_sb_escs(sh->b, td->name);
		gr_sb_puts(sh->b, "　");
		gr_sb_escs(sh->b, td->caption);
		gr_sb_printf(sh->b, "<small>按 %s 的格式绘制</small></h2>\n", gr_edition_name(sh->ed));
		if (!(sh->rep->tables_found & (1u << t)))
			gr_sb_puts(sh->b, "<p class=\"note\">文本中没有找到这张表：各格均为缺失。</p>\n");
		if (td->printed.groups_across)
			gr_sheet_across(sh, (gr_table) t);
		else
			gr_sheet_down(sh, (gr_table) t);
	}
}

/* What each look means, with sample cells (outside the tables, so never counted). */
static void
page_legend(gr_sheet *sh)
{
	static const char *const items[][3] = {
		{"v num", "12", "数字"},
		{"v blank", "<span class=\"box\"></span>", "空白：报告未填写（不是 0）"},
		{"v dash", "&#x2014;", "写明为无（—、/、无）"},
		{"v text", "12件3", "不是可读的数字"},
		{"v unplaced", "?", "本行有数字，不能确定在哪一列"},
		{"v absent", "", "表中没有此格"},
		{"v derived", "5<sup class=\"mark\">计</sup>", "由其他单元格计算"},
		{"v bysum", "64<sup class=\"mark\">&#x3A3;</sup>", "数字连写，按本行算术读取"},
		{"v hl err", "3", "错误所涉单元格"},
		{"v hl warn", "0", "警告所涉单元格"},
		{"v hl info", "0", "提示所涉单元格"},
	};

	gr_sb_puts(sh->b, "<h2>图例</h2>\n<table class=\"legend\"><tr>");
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++)
		gr_sb_printf(sh->b, "<td class=\"%s\">%s</td><td>%s</td>%s", items[i][0], items[i][1], items[i][2],
					 i % 4 == 3 ? "</tr>\n<tr>" : "");
	gr_sb_puts(sh->b, "</tr></table>\n");
}

/* The edition the tables are drawn in: the report's, else what its tables showed, else the newest. */
static gr_edition
draw_edition(const gr_report *rep)
{
	if (rep->edition != GR_ED_UNKNOWN)
		return rep->edition;
	if (rep->edition_t3 != GR_ED_UNKNOWN)
		return rep->edition_t3;
	if (rep->edition_t2 != GR_ED_UNKNOWN)
		return rep->edition_t2;
	return gr_editions[gr_neditions - 1].ed;
}

static void
page(gr_sheet *sh)
{
	gr_sb_puts(sh->b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
			   "<meta name=\"generator\" content=\"govreport " GR_VERSION "\">\n<title>");
	if (sh->rep->title.len)
		gr_sb_esc(sh->b, sh->rep->title.ptr, sh->rep->title.len);
	else
		gr_sb_puts(sh->b, "年度报告");
	gr_sb_puts(sh->b, " — 审阅表</title>\n<style>\n");
	gr_sb_puts(sh->b, sheet_css);
	gr_sb_puts(sh->b, "</style>\n</head>\n<body>\n");
	page_header(sh);
	page_sections(sh);
	page_tables(sh);
	gr_sheet_findings(sh);
	page_legend(sh);
	gr_sb_puts(sh->b, "<footer>govreport " GR_VERSION " 生成；单元格悬停可见其键名、原文与行号。</footer>\n"
			   "</body>\n</html>\n");
}

gr_status
gr_sheet_html(const gr_env *env, const gr_report *rep, const gr_sheet_opts *opts, gr_str *out, gr_error *err)
{
	static const gr_sheet_opts defaults = {0, 0};
	gr_sbuf		b;
	gr_sheet	sh;

	memset(err, 0, sizeof(*err));
	out->ptr = NULL;
	out->len = 0;
	if (env == NULL || rep == NULL || rep->cells == NULL || rep->ncells < gr_nkeys())
	{
		err->status = GR_EARG;
		snprintf(err->message, sizeof(err->message), "no parsed report to draw");
		return GR_EARG;
	}
	memset(&b, 0, sizeof(b));
	b.env = env;
	b.ascii = opts ? opts->ascii : 0;
	memset(&sh, 0, sizeof(sh));
	sh.b = &b;
	sh.env = env;
	sh.rep = rep;
	sh.opts = opts ? opts : &defaults;
	sh.nkeys = gr_nkeys();
	sh.ed = draw_edition(rep);
	if (!gr_sheet_marks(&sh))
		b.failed = 1;
	else
		page(&sh);
	if (b.failed || b.data == NULL)
	{
		err->status = GR_ENOMEM;
		snprintf(err->message, sizeof(err->message), "out of memory while writing the review sheet");
		return GR_ENOMEM;
	}
	out->ptr = b.data;
	out->len = (uint32_t) b.len;
	return GR_OK;
}
