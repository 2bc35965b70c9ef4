/*
 * gr_facts.c — what the report's prose states about its own tables, read
 * once by gr_parse right after the outline: that no requests were received
 * (or how many), that there was no administrative review or litigation,
 * whether section 六 speaks of the information-processing fee (信息处理费),
 * how many normative documents section 一 counts (and says were issued,
 * 制发, which glued digits of 表二 may need: gr_digits.c), whether section 五 looks
 * back at last year, and whether each heading is printed in the official
 * words.  The phrases are data below.  The rules (R-X-02 … R-X-09) read
 * only the gr_facts this fills, never the text: reading it here once keeps
 * the text out of gr_check and the document out of gr_report.
 */
#include "gr_grid.h"
#include "gr_internal.h"
#include "gr_num.h"
#include "gr_phrase.h"

/* Sentences that say no request was received. */
const char *const gr_no_request_phrases[] = {
	"未收到政府信息公开申请", "未收到依申请公开", "没有收到政府信息公开申请", "未收到信息公开申请",
	"无依申请公开", "未发生依申请公开", "没有依申请公开", "未受理政府信息公开申请",
	"未收到公民、法人或其他组织", "未收到申请", NULL
};

/* Sentences that say there was no review and no litigation. */
const char *const gr_no_case_phrases[] = {
	"未发生政府信息公开行政复议", "未发生行政复议", "未出现行政复议", "无行政复议", "没有行政复议",
	"未发生因政府信息公开", "未发生涉及政府信息公开的行政复议", "未发生政府信息公开方面的行政复议",
	"未出现因政府信息公开", NULL
};

/* What introduces a count of requests: 收到…申请 N 件, 受理…申请 N 件. */
static const char *const count_verbs[] = {"收到", "受理", "办理", NULL};

/* Words of section 六 about the fee of 国办函〔2020〕109号. */
const char *const gr_fee_words[] = {"信息处理费", "处理费", NULL};

/* Section 五 speaking of last year's problems (R-X-09). */
const char *const gr_prev_year_words[] = {"上年", "上一年", "去年", "上年度", NULL};

/* Single words the facts look for: 申请 N 件, 规范性文件 N 件. */
enum
{
	FW_REQUEST, FW_NORM_DOCS
};
const char *const gr_fact_words[] = {[FW_REQUEST] = "申请", [FW_NORM_DOCS] = "规范性文件", NULL};

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

/* The input line of a place in the compact text: each fact's line. */
static int
line_at(const gr_doc *doc, const char *p)
{
	return doc->lines[gr_doc_line_of_cmp(doc, (uint32_t) (p - doc->cmp))].lineno;
}

/* The fact is stated, at this line; v is its number (unset for a bare statement). */
static void
stated(gr_fact *f, gr_num v, int line)
{
	f->stated = 1;
	f->value = v;
	f->line = line;
}

/* The first phrase of a list the text holds: the fact it states, at its line. */
static void
find_phrase(const gr_doc *doc, const char *t, uint32_t len, gr_plist list,
			const char *const *phrases, gr_fact *f)
{
	gr_num		none = {0, 0, 0};
	uint32_t	from = (uint32_t) (t - doc->cmp);

	for (int i = 0; phrases[i] && !f->stated; i++)
	{
		uint32_t	p = gr_ph_find(doc, list, i, from, from + len);

		if (p != GR_PH_NONE)
			stated(f, none, line_at(doc, doc->cmp + p));
	}
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
find_request_count(const gr_doc *doc, const char *t, uint32_t len, gr_facts *n)
{
	const char *word = gr_fact_words[FW_REQUEST];
	uint32_t	end = (uint32_t) (t - doc->cmp) + len;
	uint32_t	at = (uint32_t) (t - doc->cmp);

	while (!n->requests.stated &&
		   (at = gr_ph_find(doc, GR_PL_FACT_WORDS, FW_REQUEST, at, end)) != GR_PH_NONE)
	{
		const char *p = doc->cmp + at;
		const char *q = p + strlen(word);
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
					stated(&n->requests, gr_num_make(v, 0), line_at(doc, p));
					n->requests_include_carried = strcmp(count_verbs[i], "收到") != 0;
					break;
				}
			}
		}
		at += (uint32_t) strlen(word);
	}
}


/* 规范性文件 N 件 (or 规范性文件共 N 件) in section 一: its first mention only. */
static void
find_norm_docs(const gr_doc *doc, const char *t, uint32_t len, gr_facts *n)
{
	uint32_t	from = (uint32_t) (t - doc->cmp);
	uint32_t	at = gr_ph_find(doc, GR_PL_FACT_WORDS, FW_NORM_DOCS, from, from + len);
	const char *p,
			   *q;
	int64_t		v;
	int			k;

	if (at == GR_PH_NONE)
		return;
	p = doc->cmp + at;
	q = p + strlen(gr_fact_words[FW_NORM_DOCS]);
	if (gr_has_prefix(q, (size_t) (t + len - q), "共"))
		q += 3;
	k = read_int(q, t + len, &v);
	if (k > 0 && gr_has_prefix(q + k, (size_t) (t + len - q - k), "件"))
		stated(&n->norm_docs, gr_num_make(v, 0), line_at(doc, p));
}

/*
 * 制发(的)(行政)规范性文件 N 件 in section 一 (动态更新本年度制发的规范性文件77件):
 * the year's 本年制发件数 in the prose's words, its first mention.  Only
 * 制发 says which column: a count of 规范性文件 without it may be those in
 * force or those published (R-X-06 is soft for that reason).
 */
static void
find_norm_docs_issued(const gr_doc *doc, const char *t, uint32_t len, gr_facts *n)
{
	uint32_t	from = (uint32_t) (t - doc->cmp),
				end = from + len;
	const char *word = gr_fact_words[FW_NORM_DOCS];

	for (uint32_t at = from; at < end &&
		 (at = gr_ph_find(doc, GR_PL_FACT_WORDS, FW_NORM_DOCS, at, end)) != GR_PH_NONE; at += (uint32_t) strlen(word))
	{
		const char *p = doc->cmp + at,
				   *w = p - (p - t > 15 ? 15 : p - t),
				   *q = p + strlen(word);
		int64_t		v;
		int			k;

		if (gr_memmem(w, (size_t) (p - w), "制发") == NULL)
			continue;
		if (gr_has_prefix(q, (size_t) (t + len - q), "共"))
			q += 3;
		k = read_int(q, t + len, &v);
		if (k > 0 && gr_has_prefix(q + k, (size_t) (t + len - q - k), "件"))
		{
			stated(&n->norm_docs_issued, gr_num_make(v, 0), line_at(doc, p));
			return;
		}
	}
}

/* What introduces a count of cases in the prose: 行政复议 2 件, 诉讼案件 7 件. */
const char *const gr_review_words[] = {"行政复议", "复议", NULL};
const char *const gr_suit_words[] = {"行政诉讼", "诉讼", NULL};
static const char *const count_fillers[] = {"案件", "共", "为", "数量", NULL};

/* The first "word [fillers] N 件" of the text into fact. */
static void
find_case_count(const gr_doc *doc, const char *t, uint32_t len, gr_plist list,
				const char *const *words, gr_fact *fact)
{
	uint32_t	end = (uint32_t) (t - doc->cmp) + len;

	for (int w = 0; words[w] && !fact->stated; w++)
	{
		uint32_t	at = (uint32_t) (t - doc->cmp);

		while (!fact->stated && (at = gr_ph_find(doc, list, w, at, end)) != GR_PH_NONE)
		{
			const char *p = doc->cmp + at;
			const char *q = p + strlen(words[w]);
			int64_t		v;
			int			k;

			for (int f = 0; count_fillers[f]; f++)
				if (gr_has_prefix(q, (size_t) (t + len - q), count_fillers[f]))
				{
					q += strlen(count_fillers[f]);
					f = -1;		/* 案件共 … : another filler may follow */
				}
			k = read_int(q, t + len, &v);
			if (k > 0 && gr_has_prefix(q + k, (size_t) (t + len - q - k), "件"))
				stated(fact, gr_num_make(v, 0), line_at(doc, p));
			at += (uint32_t) strlen(words[w]);
		}
	}
}

/*
 * Is each heading line the official heading?  Both sides are folded as
 * labels are, so that punctuation and white space do not count (一、 and
 * 一. are the same); anything else printed on the line makes it a variant.
 */
static void
find_official_headings(const gr_doc *doc, const gr_report *rep, gr_facts *n)
{
	for (int i = 0; i < rep->nsections; i++)
	{
		const gr_section *s = &rep->sections[i];
		const char *numeral;
		const char *official = gr_section_official(s->key, &numeral);
		char		want[160],
					got[320];
		size_t		wl,
					gl;
		const gr_line *l;
		gr_fbuf		b;

		if (official == NULL || s->head_doc_line < 0)
			continue;
		gr_fb_init(&b, want, sizeof(want));
		gr_fb_puts(&b, numeral);
		gr_fb_puts(&b, official);
		wl = gr_lfold(want, b.len, want, sizeof(want));
		l = &doc->lines[s->head_doc_line];
		gl = gr_lfold(doc->cmp + l->c_off, l->c_len, got, sizeof(got));
		n->heading_official[s->key] = gl == wl && memcmp(want, got, wl) == 0;
	}
}

void
gr_facts_read(const gr_doc *doc, gr_report *rep)
{
	gr_facts   *n = &rep->facts;

	/* a request or a case may be spoken of in 一 or in its own section */
	const gr_section *where[3] = {gr_section_of(rep, GR_SEC_OVERVIEW),
		gr_section_of(rep, GR_SEC_REQUESTS), gr_section_of(rep, GR_SEC_REVIEW)};
	const char *t;
	uint32_t	len;

	memset(n, 0, sizeof(*n));
	for (int w = 0; w < 3; w++)
	{
		if (!section_cmp(doc, where[w], &t, &len))
			continue;
		find_phrase(doc, t, len, GR_PL_NO_REQUEST, gr_no_request_phrases, &n->no_requests);
		find_phrase(doc, t, len, GR_PL_NO_CASE, gr_no_case_phrases, &n->no_cases);
		if (w < 2)				/* section 四 counts cases, not requests */
			find_request_count(doc, t, len, n);
		if (w != 1)				/* cases are counted in 一 or in 四 */
		{
			find_case_count(doc, t, len, GR_PL_REVIEW, gr_review_words, &n->review_cases);
			find_case_count(doc, t, len, GR_PL_SUIT, gr_suit_words, &n->suit_cases);
		}
	}
	if (section_cmp(doc, gr_section_of(rep, GR_SEC_OTHER), &t, &len))
		find_phrase(doc, t, len, GR_PL_FEE, gr_fee_words, &n->fee_statement);
	if (section_cmp(doc, gr_section_of(rep, GR_SEC_PROBLEMS), &t, &len))
		find_phrase(doc, t, len, GR_PL_PREV_YEAR, gr_prev_year_words, &n->prev_year_problems);
	if (section_cmp(doc, gr_section_of(rep, GR_SEC_OVERVIEW), &t, &len))
	{
		find_norm_docs(doc, t, len, n);
		find_norm_docs_issued(doc, t, len, n);
	}
	find_official_headings(doc, rep, n);
}
