/*
 * gr_edition.c — which national format a report follows, from the strings
 * that only one edition prints (spec §8.1).
 *
 * The fingerprints are looked for in the compact text of sections 二 and 三
 * (the whole text when no outline was found), so a narrative that happens
 * to mention 政府集中采购 does not count.  A report showing fingerprints of
 * both editions is mixed; its edition is the one with more of them, and
 * the statistics year breaks a tie.
 */
#include "gr_internal.h"

static const struct
{
	const char *text;
	gr_edition	ed;
}			fingerprints[] =
{
	/* gb2021: 国办公开办函〔2021〕30号 */
	{"本年制发件数", GR_ED_2021},
	{"本年废止件数", GR_ED_2021},
	{"现行有效件数", GR_ED_2021},
	{"本年处理决定数量", GR_ED_2021},
	{"本年收费金额(单位:万元)", GR_ED_2021},
	{"行政规范性文件", GR_ED_2021},
	{"申请人逾期未按收费通知要求缴纳费用", GR_ED_2021},
	/* gb2019: 国办公开办函〔2019〕60号 */
	{"本年新制作数量", GR_ED_2019},
	{"本年新公开数量", GR_ED_2019},
	{"对外公开总数量", GR_ED_2019},
	{"上一年项目数量", GR_ED_2019},
	{"本年增/减", GR_ED_2019},
	{"其他对外管理服务事项", GR_ED_2019},
	{"第二十条第(九)项", GR_ED_2019},
	{"采购项目数量", GR_ED_2019},
	{"采购总金额", GR_ED_2019},
	{"政府集中采购", GR_ED_2019},
};

const char *
gr_edition_name(gr_edition ed)
{
	switch (ed)
	{
		case GR_ED_2019:
			return "gb2019";
		case GR_ED_2021:
			return "gb2021";
		default:
			return NULL;
	}
}

/*
 * gb2019 prints （六）其他处理 as one data row, followed by （七）总计 once
 * its numbers are done; gb2021 follows it with the sub-row 1.
 */
static bool
single_other_handling_row(const char *s, size_t len)
{
	const char *hit = gr_memmem(s, len, "(六)其他处理");

	if (hit == NULL)
		return false;
	hit += strlen("(六)其他处理");
	while (hit < s + len && ((*hit >= '0' && *hit <= '9') || *hit == '|' || *hit == '-' ||
							 *hit == '/' || *hit == ','))
		hit++;
	return gr_has_prefix(hit, (size_t) (s + len - hit), "(七)");
}

static void
count_range(const gr_doc *doc, uint32_t from, uint32_t to, bool *seen)
{
	for (size_t i = 0; i < sizeof(fingerprints) / sizeof(fingerprints[0]); i++)
		if (!seen[i] && gr_memmem(doc->cmp + from, to - from, fingerprints[i].text))
			seen[i] = true;
}

void
gr_edition_detect(const gr_doc *doc, gr_report *rep)
{
	bool		seen[sizeof(fingerprints) / sizeof(fingerprints[0])] = {false};
	bool		single_row = false;
	int			c19 = 0,
				c21 = 0;
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
			single_row = single_other_handling_row(doc->cmp + from, to - from);
	}
	if (!any_section)
	{
		count_range(doc, 0, doc->cmp_len, seen);
		single_row = single_other_handling_row(doc->cmp, doc->cmp_len);
	}

	for (size_t i = 0; i < sizeof(fingerprints) / sizeof(fingerprints[0]); i++)
		if (seen[i])
		{
			if (fingerprints[i].ed == GR_ED_2019)
				c19++;
			else
				c21++;
		}
	if (single_row)
		c19++;

	rep->fp2019 = c19;
	rep->fp2021 = c21;
	rep->edition_mixed = c19 > 0 && c21 > 0;
	if (c21 > c19)
		rep->edition = GR_ED_2021;
	else if (c19 > c21)
		rep->edition = GR_ED_2019;
	else if (c19 == 0)
		rep->edition = GR_ED_UNKNOWN;
	else
		rep->edition = rep->year >= 2021 ? GR_ED_2021 : GR_ED_2019;
}
