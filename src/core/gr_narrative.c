/*
 * gr_narrative.c — what the report's prose states about its own tables:
 * that no requests were received (or how many), that there was no
 * administrative review or litigation, whether section 六 speaks of the
 * information-processing fee (信息处理费), how many normative documents
 * section 一 counts.  The phrases are data below; the rules R-X-03 …
 * R-X-09 compare them with the tables.
 */
#include "gr_rules.h"

/* Sentences that say no request was received. */
static const char *const no_request_phrases[] = {
	"未收到政府信息公开申请", "未收到依申请公开", "没有收到政府信息公开申请", "未收到信息公开申请",
	"无依申请公开", "未发生依申请公开", "没有依申请公开", "未受理政府信息公开申请",
	"未收到公民、法人或其他组织", "未收到申请", NULL
};

/* Sentences that say there was no review and no litigation. */
static const char *const no_case_phrases[] = {
	"未发生政府信息公开行政复议", "未发生行政复议", "未出现行政复议", "无行政复议", "没有行政复议",
	"未发生因政府信息公开", "未发生涉及政府信息公开的行政复议", "未发生政府信息公开方面的行政复议",
	"未出现因政府信息公开", NULL
};

/* What introduces a count of requests: 收到…申请 N 件, 受理…申请 N 件. */
static const char *const count_verbs[] = {"收到", "受理", "办理", NULL};

/* Words of section 六 about the fee of 国办函〔2020〕109号. */
static const char *const fee_words[] = {"信息处理费", "处理费", NULL};

/* Section 五 speaking of last year's problems (R-X-09). */
static const char *const prev_year_words[] = {"上年", "上一年", "去年", "上年度", NULL};

/* The compact text of a section's body. */
static bool
section_cmp(const gr_doc *doc, const gr_section *s, const char **p, uint32_t *len)
{
	if (s == NULL || s->first_doc_line >= s->end_doc_line)
		return false;
	*p = doc->cmp + doc->lines[s->first_doc_line].c_off;
	*len = doc->lines[s->end_doc_line - 1].c_off + doc->lines[s->end_doc_line - 1].c_len -
		doc->lines[s->first_doc_line].c_off;
	return true;
}

static int
line_at(const gr_doc *doc, const char *p)
{
	return doc->lines[gr_doc_line_of_cmp(doc, (uint32_t) (p - doc->cmp))].lineno;
}

/* An integer of ASCII digits at p; returns the bytes read. */
static int
read_int(const char *p, const char *end, int64_t *v)
{
	int			n = 0;

	*v = 0;
	while (p + n < end && p[n] >= '0' && p[n] <= '9' && n < 12)
	{
		*v = *v * 10 + (p[n] - '0');
		n++;
	}
	return n;
}

/* The sentence around p: from the previous 。 to the next one. */
static void
sentence(const char *text, uint32_t len, const char *p, const char **from, const char **to)
{
	const char *a = p,
			   *b = p;

	while (a - text >= 3 && memcmp(a - 3, "。", 3) != 0)
		a--;
	if (a - text < 3)
		a = text;
	while (b + 3 <= text + len && memcmp(b, "。", 3) != 0)
		b++;
	*from = a;
	*to = b;
}

/* 收到…申请 N 件 in s1 or s3: the first count stated. */
static void
find_request_count(const gr_doc *doc, const char *t, uint32_t len, narrative *n)
{
	const char *p = t;

	while (!n->requests.set && (p = gr_memmem(p, len - (uint32_t) (p - t), "申请")) != NULL)
	{
		const char *q = p + strlen("申请");
		const char *a,
				   *b;
		int64_t		v;
		int			k;

		/* 申请 N 件, 申请共 N 件, 申请数量为 N 件 */
		for (int skip = 0; skip < 3; skip++)
		{
			if (gr_has_prefix(q, (size_t) (t + len - q), "共"))
				q += 3;
			else if (gr_has_prefix(q, (size_t) (t + len - q), "数量为"))
				q += 9;
			else if (gr_has_prefix(q, (size_t) (t + len - q), "数"))
				q += 3;
			else if (gr_has_prefix(q, (size_t) (t + len - q), "为"))
				q += 3;
		}
		k = read_int(q, t + len, &v);
		if (k > 0 && gr_has_prefix(q + k, (size_t) (t + len - q - k), "件"))
		{
			sentence(t, len, p, &a, &b);
			for (int i = 0; count_verbs[i]; i++)
			{
				const char *vp = gr_memmem(a, (size_t) (p - a), count_verbs[i]);

				if (vp)
				{
					n->requests = gr_num_make(v, 0);
					n->requests_include_carried = strcmp(count_verbs[i], "收到") != 0;
					n->requests_line = line_at(doc, p);
					break;
				}
			}
		}
		p += strlen("申请");
	}
}

void
gr_narrative(const gr_doc *doc, const gr_report *rep, narrative *n)
{
	const gr_section *s1 = gr_section_of(rep, GR_SEC_OVERVIEW);
	const gr_section *s3 = gr_section_of(rep, GR_SEC_REQUESTS);
	const gr_section *s4 = gr_section_of(rep, GR_SEC_REVIEW);
	const gr_section *s5 = gr_section_of(rep, GR_SEC_PROBLEMS);
	const gr_section *s6 = gr_section_of(rep, GR_SEC_OTHER);
	const gr_section *where[3] = {s1, s3, s4};
	const char *t;
	uint32_t	len;

	memset(n, 0, sizeof(*n));
	if (doc == NULL)
		return;

	for (int w = 0; w < 3; w++)
	{
		if (!section_cmp(doc, where[w], &t, &len))
			continue;
		for (int i = 0; no_request_phrases[i] && !n->no_requests; i++)
		{
			const char *p = gr_memmem(t, len, no_request_phrases[i]);

			if (p)
			{
				n->no_requests = 1;
				n->no_requests_line = line_at(doc, p);
			}
		}
		for (int i = 0; no_case_phrases[i] && !n->no_cases; i++)
		{
			const char *p = gr_memmem(t, len, no_case_phrases[i]);

			if (p)
			{
				n->no_cases = 1;
				n->no_cases_line = line_at(doc, p);
			}
		}
		if (w < 2)
			find_request_count(doc, t, len, n);
	}

	if (section_cmp(doc, s6, &t, &len))
		for (int i = 0; fee_words[i] && !n->fee_statement; i++)
			n->fee_statement = gr_memmem(t, len, fee_words[i]) != NULL;

	if (section_cmp(doc, s5, &t, &len))
		for (int i = 0; prev_year_words[i] && !n->prev_year_problems; i++)
			n->prev_year_problems = gr_memmem(t, len, prev_year_words[i]) != NULL;

	/* 规范性文件 N 件 in section 一 */
	if (section_cmp(doc, s1, &t, &len))
	{
		const char *p = gr_memmem(t, len, "规范性文件");

		if (p)
		{
			const char *q = p + strlen("规范性文件");
			int64_t		v;
			int			k;

			if (gr_has_prefix(q, (size_t) (t + len - q), "共"))
				q += 3;
			k = read_int(q, t + len, &v);
			if (k > 0 && gr_has_prefix(q + k, (size_t) (t + len - q - k), "件"))
			{
				n->norm_docs_stated = 1;
				n->norm_docs = gr_num_make(v, 0);
				n->norm_docs_line = line_at(doc, p);
			}
		}
	}
}
