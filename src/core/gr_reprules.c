/*
 * gr_reprules.c — the rules over the whole report: the edition for the
 * year (R-X-01), the six sections and their headings (R-X-02), what the
 * prose states against the tables (R-X-03 … R-X-06, R-X-09), the
 * statistics period (R-X-07) and the publication deadline (R-X-08).
 *
 * What the prose states was read once at parse time (gr_facts.c) into
 * rep->facts; these rules compare those facts with cells and fields and
 * never see the text.
 */
#include "gr_rules.h"
#include "gr_tables.h"

/* R-X-01: the edition the year calls for, and one edition only. */
void
gr_reprule_edition(gr_rule_ctx *rc, const gr_ruledef *r)
{
	gr_report  *rep = rc->rep;
	gr_edition	expect = gr_edition_for_year(rep->year);

	if (rep->edition == GR_ED_UNKNOWN)
		return;
	if (expect != GR_ED_UNKNOWN && rep->edition != expect)
		gr_add_finding(rc->ctx, rep, r->id, r->sev, 0,
					   "使用旧版格式：%d年度报告应使用%s格式，表格却是%s格式", rep->year,
					   gr_edition_name(expect), gr_edition_name(rep->edition));
	if (rep->edition_mixed)
	{
		gr_edition	other = rep->edition == GR_ED_2021 ? GR_ED_2019 : GR_ED_2021;
		int			keys[GR_FINDING_MAX_CELLS] = {0};
		int			n = 0;
		char		list[800];
		gr_finding *f;
		int			line = 0;

		/* the cells of the other edition the report prints */
		for (int i = 0; i < rep->ncells && n < GR_FINDING_MAX_CELLS; i++)
			if (rep->cells[i].state != GR_CELL_ABSENT && !rep->cells[i].derived &&
				!(gr_keydefs()[i].editions & GR_ED_MASK(rep->edition)) &&
				(gr_keydefs()[i].editions & GR_ED_MASK(other)))
			{
				keys[n++] = i;
				if (!line)
					line = rep->cells[i].line;
			}
		gr_eval_keys_list(keys, n, list, sizeof(list));
		f = gr_add_finding(rc->ctx, rep, r->id, r->sev, line,
						   "新旧格式混用：报告按%s格式，却含有%s格式的内容%s%s", gr_edition_name(rep->edition),
						   gr_edition_name(other), n ? "：" : "（表头或行标题）", list);
		if (f)
			for (int i = 0; i < n; i++)
				f->cells[f->ncells++] = keys[i];
	}
}

/* R-X-02: the six sections, each of them (the outline keeps them in order). */
void
gr_reprule_sections(gr_rule_ctx *rc, const gr_ruledef *r)
{
	gr_report  *rep = rc->rep;
	bool		have[GR_NSECTIONS] = {false};
	const char *numeral;
	const char *official;

	for (int i = 0; i < rep->nsections; i++)
		have[rep->sections[i].key] = true;
	for (int k = GR_SEC_OVERVIEW; k < GR_NSECTIONS; k++)
		if (!have[k])
		{
			official = gr_section_official((gr_section_key) k, &numeral);
			gr_add_finding(rc->ctx, rep, r->id, r->sev, 0, "缺少第%s部分“%s、%s”",
						   numeral, numeral, official);
		}
}

/*
 * R-X-02 too, as a warning: a heading printed in other words than the
 * official ones (the facts say which).  The variants are common and do not
 * hide a section, so they are not an error.
 */
void
gr_reprule_headings(gr_rule_ctx *rc, const gr_ruledef *r)
{
	gr_report  *rep = rc->rep;
	const char *numeral;
	const char *official;

	for (int i = 0; i < rep->nsections; i++)
	{
		const gr_section *s = &rep->sections[i];

		if (s->key == GR_SEC_PREAMBLE || rep->facts.heading_official[s->key])
			continue;
		official = gr_section_official(s->key, &numeral);
		gr_add_finding(rc->ctx, rep, r->id, r->sev, s->line,
					   "第%s部分标题“%.*s”与格式不一致，应为“%s、%s”", numeral,
					   (int) s->heading.len, s->heading.ptr, numeral, official);
	}
}

/*
 * R-X-03: what the prose says was received against 表三's 一、本年新收:
 * none at all, or a count (受理/办理 may include 上年结转).
 */
void
gr_reprule_no_requests(gr_rule_ctx *rc, const gr_ruledef *r)
{
	const gr_facts *n = &rc->rep->facts;
	int			k = gr_key_index(GR_T3, GR_R3_new_received, T3C_TOTAL);
	int			kc = gr_key_index(GR_T3, GR_R3_carried_in, T3C_TOTAL);
	gr_num		v,
				vc;
	gr_cell_kind ck = gr_eval_cell(rc->rep, k, &v);
	gr_cell_kind ckc = gr_eval_cell(rc->rep, kc, &vc);
	gr_finding *f;

	if (n->no_requests.stated && ck == GR_CV_NUM && v.mant != 0)
	{
		f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, n->no_requests.line,
						   "正文与表格不一致：正文称未收到政府信息公开申请，表三 t3.new_received.total = %lld",
						   (long long) v.mant);
		if (f)
		{
			f->cells[f->ncells++] = k;
			f->actual = v;
			f->expected = gr_num_make(0, 0);
		}
	}
	if (n->requests.stated && ck == GR_CV_NUM)
	{
		gr_num		table = v;
		bool		ok = gr_num_cmp(n->requests.value, v) == 0;

		/* 受理/办理 may count last year's carry-over too */
		if (!ok && n->requests_include_carried && ckc == GR_CV_NUM)
		{
			table = gr_num_add(v, vc);
			ok = gr_num_cmp(n->requests.value, table) == 0;
		}
		if (!ok)
		{
			f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, n->requests.line,
							   "正文与表格不一致：正文称申请 %lld 件，表三 t3.new_received.total = %lld%s",
							   (long long) n->requests.value.mant, (long long) v.mant,
							   n->requests_include_carried ? "（含上年结转亦不符）" : "");
			if (f)
			{
				f->cells[f->ncells++] = k;
				f->actual = n->requests.value;
				f->expected = v;
			}
		}
	}
}

/* R-X-04: the prose says there was no review or litigation, 表四 counts some. */
void
gr_reprule_no_cases(gr_rule_ctx *rc, const gr_ruledef *r)
{
	const gr_facts *n = &rc->rep->facts;

	if (!n->no_cases.stated)
		return;
	for (int g = 0; g < GR_T4_NROWS; g++)
	{
		int			k = gr_key_index(GR_T4, g, T4C_TOTAL);
		gr_num		v;
		gr_finding *f;

		if (!gr_row_printed(GR_T4, g, rc->ed) || gr_eval_cell(rc->rep, k, &v) != GR_CV_NUM || v.mant == 0)
			continue;
		f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, n->no_cases.line,
						   "正文与表格不一致：正文称未发生行政复议、行政诉讼，表四 %s = %lld",
						   gr_keydefs()[k].key, (long long) v.mant);
		if (f)
		{
			f->cells[f->ncells++] = k;
			f->actual = v;
			f->expected = gr_num_make(0, 0);
		}
	}
}

/*
 * R-X-05: section 六 should report the information-processing fee; saying
 * nothing weighs more when 表三 shows applicants who did not pay one.
 */
void
gr_reprule_fee_statement(gr_rule_ctx *rc, const gr_ruledef *r)
{
	const gr_facts *n = &rc->rep->facts;
	int			k = gr_key_index(GR_T3, GR_R3_other_unpaid_fee, T3C_TOTAL);
	gr_num		v;
	bool		notices = gr_eval_cell(rc->rep, k, &v) == GR_CV_NUM && v.mant > 0;
	const gr_section *s6 = gr_section_of(rc->rep, GR_SEC_OTHER);

	if (rc->rep->nsections == 0)
		return;
	if (n->fee_statement.stated)
		return;
	{
		gr_finding *f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, s6 ? s6->line : 0,
									   "%s（国办函〔2020〕109号）：第六部分未提及信息处理费%s", r->what,
									   notices ? "，而表三显示有申请人逾期未缴纳费用（t3.other_unpaid_fee.total > 0）" : "");

		if (f && notices)
			f->cells[f->ncells++] = k;
	}
}

/*
 * R-X-06: a count of normative documents in section 一 that is neither
 * 表二's issued nor its in-force count (info only: the prose often counts
 * documents published, a third number).
 */
void
gr_reprule_norm_docs_text(gr_rule_ctx *rc, const gr_ruledef *r)
{
	const gr_facts *n = &rc->rep->facts;
	int			ki = gr_key_index(GR_T2, GR_R2_norm_docs, T2C_ISSUED);
	int			kf = gr_key_index(GR_T2, GR_R2_norm_docs, T2C_IN_FORCE);
	gr_num		vi,
				vf;

	if (!n->norm_docs.stated || gr_eval_cell(rc->rep, ki, &vi) != GR_CV_NUM ||
		gr_eval_cell(rc->rep, kf, &vf) != GR_CV_NUM)
		return;
	if (gr_num_cmp(n->norm_docs.value, vi) == 0 || gr_num_cmp(n->norm_docs.value, vf) == 0)
		return;
	{
		gr_finding *f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, n->norm_docs.line,
									   "%s：正文称规范性文件 %lld 件，表二本年制发 %lld 件、现行有效 %lld 件（正文常统计“公开”数，仅供核对）",
									   r->what, (long long) n->norm_docs.value.mant, (long long) vi.mant,
									   (long long) vf.mant);

		if (f)
		{
			f->cells[f->ncells++] = ki;
			f->cells[f->ncells++] = kf;
			f->actual = n->norm_docs.value;
			f->expected = vi;
		}
	}
}

/* R-X-07: the statistics period is one calendar year, the title's year that year. */
void
gr_reprule_period(gr_rule_ctx *rc, const gr_ruledef *r)
{
	gr_report  *rep = rc->rep;
	const gr_date *a = &rep->period_start,
			   *b = &rep->period_end;

	if (a->year && !(a->month == 1 && a->day == 1 && b->year == a->year && b->month == 12 && b->day == 31))
		gr_add_finding(rc->ctx, rep, r->id, r->sev, 0,
					   "统计期限为 %04d-%02d-%02d 至 %04d-%02d-%02d，应为一个自然年度", a->year, a->month, a->day,
					   b->year, b->month, b->day);
	if (rep->title.len && rep->year)
	{
		/* a year named in the title that is not the statistics year */
		for (uint32_t i = 0; i + 4 <= rep->title.len; i++)
		{
			int			y;

			if (gr_parse_year(rep->title.ptr + i, rep->title.len - i, &y) == 4 &&
				(i == 0 || rep->title.ptr[i - 1] < '0' || rep->title.ptr[i - 1] > '9'))
			{
				if (y != rep->year)
					gr_add_finding(rc->ctx, rep, r->id, r->sev, 0,
								   "标题年度 %d 与统计年度 %d 不一致", y, rep->year);
				break;
			}
		}
	}
}

/* Governments publish by 31 March, their departments by 31 January (Art. 49). */
static bool
is_government(gr_str org)
{
	static const char *const ends[] = {"人民政府", "政府", "师", "市", "县", "区", "乡", "镇", "团",
	"街道", "州", "盟", "旗", NULL};

	for (int i = 0; ends[i]; i++)
	{
		size_t		n = strlen(ends[i]);

		if (org.len >= n && memcmp(org.ptr + org.len - n, ends[i], n) == 0)
			return true;
	}
	return false;
}

/* R-X-08: published after the legal deadline of the year after. */
void
gr_reprule_deadline(gr_rule_ctx *rc, const gr_ruledef *r)
{
	gr_report  *rep = rc->rep;
	bool		gov = is_government(rep->org);
	int			dm = gov ? 3 : 1,
				dd = 31;

	if (!rep->published.year || !rep->year)
		return;
	if (rep->published.year > rep->year + 1 ||
		(rep->published.year == rep->year + 1 &&
		 (rep->published.month > dm || (rep->published.month == dm && rep->published.day > dd))))
		gr_add_finding(rc->ctx, rep, r->id, r->sev, 0,
					   "发布日期 %04d-%02d-%02d 晚于%s的法定期限 %04d-%02d-%02d", rep->published.year,
					   rep->published.month, rep->published.day, gov ? "政府" : "部门", rep->year + 1, dm, dd);
}

/* R-X-09: section 五 should look back at last year's problems. */
void
gr_reprule_prev_problems(gr_rule_ctx *rc, const gr_ruledef *r)
{
	const gr_facts *n = &rc->rep->facts;
	bool		have5 = false;

	for (int i = 0; i < rc->rep->nsections; i++)
		have5 |= rc->rep->sections[i].key == GR_SEC_PROBLEMS;
	if (!have5)
		return;
	if (!n->prev_year_problems.stated)
		gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, 0, "%s", r->what);
}
