/*
 * gr_meta.c — who reported what year: the title, the reporting body, the
 * statistics year and period, the publication date and the contact data.
 *
 * Everything is read from the compact folded text (no white space, so a
 * title wrapped by a PDF or "电 话 ：" spaced out by a word processor reads
 * like the plain form) and returned as the original characters.  The words
 * that introduce each item are data in the tables below.
 */
#include "gr_internal.h"
#include "gr_phrase.h"

/* Words that end the name of the reporting body inside a title. */
static const char *const org_stops[] = {
	"政府信息公开", "政务公开", "信息公开", "工作年度报告", "工作报告", "年度", "关于",
	"(", "[", "《",
};

/* Sentences in the preamble that name the body: 由X编制, 现将X2020年度… */
static const struct
{
	const char *before;
	const char *after[5];
}			org_phrases[] =
{
	{"由", {"编制", "根据", "依据", "按照", "负责"}},
	{"现将", {"政府信息公开", "政务公开", "年度", "工作"}},
	{"特向社会公开", {"政府信息公开", "政务公开", "年度", "信息公开"}},
};

/* Words near a date range that make it the statistics period. */
static const char *const period_words[] = {
	"统计", "期限", "期间", "周期", "时限", "时段",
};

/* Words between the two dates of a range. */
static const char *const range_joins[] = {"至", "到", "-", "—", "–", "~", "－"};

const char *const gr_phone_labels[] = {
	"联系电话", "咨询电话", "办公电话", "服务电话", "电话", "联系方式", "Tel", "TEL", "tel", NULL
};
const char *const gr_address_labels[] = {
	"通讯地址", "联系地址", "办公地址", "通信地址", "地址", NULL
};

/* What ends an address: the next label or punctuation. */
static const char *const address_stops[] = {
	",", ";", "。", ")", "(", "、", "邮编", "邮政编码", "电话", "联系电话", "电子邮箱",
	"邮箱", "传真", "网址",
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- small text helpers over the compact text ---- */

static inline int
char_len(const char *s)
{
	int			n = gr_utf8_seqlen((unsigned char) s[0]);

	return n ? n : 1;
}

/* The compact text of document lines [from, to). */
static void
lines_cmp(const gr_doc *doc, int from, int to, uint32_t *c_from, uint32_t *c_to)
{
	if (from >= to || from >= doc->nlines)
	{
		/* no lines: an empty range where they would have been */
		*c_from = *c_to = from < doc->nlines ? doc->lines[from].c_off : doc->cmp_len;
		return;
	}
	*c_from = doc->lines[from].c_off;
	*c_to = doc->lines[to - 1].c_off + doc->lines[to - 1].c_len;
}

/* A year followed by 年 or 度: 2021年, 2020度, 2021 年度 (compact). */
static int
year_at(const char *s, size_t len, int *year)
{
	int			n = gr_parse_year(s, len, year);

	if (n == 0)
		return 0;
	if (gr_has_prefix(s + n, len - n, "年") || gr_has_prefix(s + n, len - n, "度"))
		return n;
	return 0;
}

/* ---- the title and the body's name ---- */

/* A line that can end a title: short, with 报告, not a sentence. */
static bool
title_candidate(const char *s, uint32_t len)
{
	if (len == 0 || gr_utf8_chars(s, len) > 64)
		return false;
	if (!gr_memmem(s, len, "报告") && !gr_memmem(s, len, "年报"))
		return false;
	/* sentences and lists are not titles */
	if (gr_memmem(s, len, "。") || gr_memmem(s, len, ";") || memchr(s, ',', len) ||
		gr_memmem(s, len, "、") || gr_memmem(s, len, "《"))
		return false;
	if (gr_has_prefix(s, len, "本") || gr_has_prefix(s, len, "按照") ||
		gr_has_prefix(s, len, "根据") || gr_has_prefix(s, len, "依据") ||
		gr_has_prefix(s, len, "现将"))
		return false;
	return true;
}

static bool
is_title_text(const char *s, uint32_t len)
{
	return gr_memmem(s, len, "公开") != NULL || gr_memmem(s, len, "年报") != NULL;
}

/*
 * The name of the body at the start of a compact title: what comes before
 * the year or before 政府信息公开.  A leading year (2024年上海市科委…) is
 * skipped.  Returns the compact range, or an empty one.
 */
static void
org_in_title(const char *cmp, uint32_t from, uint32_t to, uint32_t *o_from, uint32_t *o_to)
{
	uint32_t	i = from,
				end = to;
	int			y;

	*o_from = *o_to = from;
	while (i < to && (cmp[i] == '#' || cmp[i] == '*'))
		i++;
	if (year_at(cmp + i, to - i, &y))
	{
		i += 4;
		if (gr_has_prefix(cmp + i, to - i, "年度"))
			i += 6;
		else
			i += 3;
	}
	for (uint32_t k = i; k < to; k += char_len(cmp + k))
	{
		bool		stop = year_at(cmp + k, to - k, &y) > 0;

		for (size_t m = 0; !stop && m < NELEM(org_stops); m++)
			stop = gr_has_prefix(cmp + k, to - k, org_stops[m]);
		if (stop)
		{
			end = k;
			break;
		}
	}
	if (end == to)
		return;					/* no stop word: not a title we understand */
	/* trailing 的 / 关于 and punctuation */
	for (;;)
	{
		if (end >= i + 3 && memcmp(cmp + end - 3, "的", 3) == 0)
			end -= 3;
		else if (end > i && (cmp[end - 1] == ',' || cmp[end - 1] == ':' || cmp[end - 1] == '-'))
			end--;
		else
			break;
	}
	if (gr_utf8_chars(cmp + i, end - i) >= 2 && gr_utf8_chars(cmp + i, end - i) <= 40)
	{
		*o_from = i;
		*o_to = end;
	}
}

static bool
is_short_plain_line(const gr_doc *doc, int i)
{
	const gr_line *l = &doc->lines[i];
	const char *s = doc->cmp + l->c_off;

	return l->c_len > 0 && gr_utf8_chars(s, l->c_len) <= 30 && !gr_memmem(s, l->c_len, "。") &&
		!gr_is_page_mark(s, l->c_len);
}

/*
 * Find the title among the first lines before section 一.  A title broken
 * over lines (洪泽区人民政府 / 2023 年政府信息公开工作年度报告) is joined when
 * the line with 报告 alone does not name the body.  Returns the index of
 * the title's last line, or -1.
 */
/*
 * A web page's <title> ends with the site's name after the report's
 * (…年度报告_政府信息公开年报_平潭综合实验区): the title ends at 报告.
 */
static uint32_t
title_site_suffix(const char *cmp, uint32_t from, uint32_t to)
{
	static const char *const seps[] = {"_", "|", "｜", "--", "-", NULL};
	const char *r = gr_memmem(cmp + from, to - from, "报告");

	if (r == NULL)
		return to;
	for (int i = 0; seps[i]; i++)
		if (gr_has_prefix(r + strlen("报告"), (size_t) (cmp + to - r - strlen("报告")), seps[i]))
			return (uint32_t) (r - cmp) + (uint32_t) strlen("报告");
	return to;
}

/* A site crawler's field name before the title (标题: …): not part of it. */
static uint32_t
capture_label_len(const char *s, uint32_t len)
{
	static const char *const labels[] = {"标题:", "标题：", "名称:", "题名:", NULL};

	for (int i = 0; labels[i]; i++)
		if (gr_has_prefix(s, len, labels[i]))
			return (uint32_t) strlen(labels[i]);
	return 0;
}

/*
 * Are the line breaks of the text's head doubled (a blank line after every
 * line, as text copied from a page comes, or pdfminer's paragraphs)?  Its
 * first text lines, three at least, each followed by exactly one blank.
 */
static bool
head_doubled(const gr_doc *doc, int limit)
{
	int			text = 0;

	for (int i = 0; i < limit && i < doc->nlines && text < 8; i++)
	{
		if (doc->lines[i].c_len == 0)
			continue;
		if (i + 2 >= doc->nlines)
			break;
		if (doc->lines[i + 1].c_len > 0 || doc->lines[i + 2].c_len == 0)
			return false;
		text++;
	}
	return text >= 3;
}

/*
 * The line above line k of a title: k - 1, or in a text whose breaks are
 * doubled the one before the blank line k - 1; -1 for none.
 */
static int
title_line_above(const gr_doc *doc, int k, bool doubled)
{
	if (k <= 0)
		return -1;
	if (doc->lines[k - 1].c_len > 0 || k < 2 || !doubled)
		return k - 1;
	return k - 2;
}

static int
find_title(gr_ctx *ctx, const gr_doc *doc, int limit, gr_report *rep,
		   uint32_t *org_from, uint32_t *org_to)
{
	int			seen = 0;
	bool		doubled = head_doubled(doc, limit);

	for (int i = 0; i < limit && seen < 16; i++)
	{
		const gr_line *l = &doc->lines[i];
		uint32_t	t_from,
					t_to;
		int			first = i;

		if (l->c_len == 0)
			continue;
		seen++;
		if (!title_candidate(doc->cmp + l->c_off, l->c_len))
			continue;
		t_from = l->c_off + capture_label_len(doc->cmp + l->c_off, l->c_len);
		t_to = l->c_off + l->c_len;
		org_in_title(doc->cmp, t_from, t_to, org_from, org_to);
		/* the name may be on the lines just above (two of them at most), not above a Markdown heading */
		for (int pieces = 1, above; *org_from == *org_to && pieces < 3 && doc->cmp[l->c_off] != '#' &&
			 (above = title_line_above(doc, first, doubled)) >= 0 && is_short_plain_line(doc, above); pieces++)
		{
			first = above;
			t_from = doc->lines[first].c_off;
			org_in_title(doc->cmp, t_from, t_to, org_from, org_to);
		}
		if (*org_from == *org_to)
		{
			first = i;
			t_from = l->c_off + capture_label_len(doc->cmp + l->c_off, l->c_len);
		}
		if (!is_title_text(doc->cmp + t_from, t_to - t_from))
			continue;
		while (t_from < t_to && (doc->cmp[t_from] == '#' || doc->cmp[t_from] == '*'))
			t_from++;
		while (t_to > t_from && doc->cmp[t_to - 1] == '*')
			t_to--;
		t_to = title_site_suffix(doc->cmp, t_from, t_to);
		rep->title = gr_doc_joined(ctx, doc, t_from, t_to);
		/* the statistics year as the title states it */
		for (uint32_t k = t_from; k < t_to; k += char_len(doc->cmp + k))
		{
			int			y;

			if (year_at(doc->cmp + k, t_to - k, &y))
			{
				rep->year = y;
				break;
			}
		}
		return i;
	}
	return -1;
}

/* 由七户乡编制的…, 现将兵团民政局2020年度… */
static bool
org_in_phrases(const gr_doc *doc, uint32_t from, uint32_t to, uint32_t *o_from, uint32_t *o_to)
{
	for (size_t p = 0; p < NELEM(org_phrases); p++)
	{
		const char *b = org_phrases[p].before;
		size_t		blen = strlen(b);
		uint32_t	k = from;
		const char *hit;

		while (k < to && (hit = gr_memmem(doc->cmp + k, to - k, b)) != NULL)
		{
			uint32_t	start = (uint32_t) (hit - doc->cmp) + (uint32_t) blen;
			uint32_t	best = 0;

			for (int a = 0; a < 5 && org_phrases[p].after[a]; a++)
			{
				const char *e = gr_memmem(doc->cmp + start, to - start, org_phrases[p].after[a]);

				if (e && (best == 0 || (uint32_t) (e - doc->cmp) < best))
					best = (uint32_t) (e - doc->cmp);
			}
			/* a year ends the name too: 现将兵团民政局2020年度 */
			for (uint32_t q = start; best && q < best; q += char_len(doc->cmp + q))
			{
				int			y;

				if (year_at(doc->cmp + q, to - q, &y))
				{
					best = q;
					break;
				}
			}
			if (best > start)
			{
				const char *s = doc->cmp + start;
				uint32_t	n = best - start;
				int			chars = gr_utf8_chars(s, n);

				if (chars >= 2 && chars <= 30 && !memchr(s, ',', n) && !gr_memmem(s, n, "。") &&
					!gr_memmem(s, n, "、") && !memchr(s, ':', n) &&
					!gr_has_prefix(s, n, "本") && !gr_has_prefix(s, n, "我"))
				{
					*o_from = start;
					*o_to = best;
					return true;
				}
			}
			k = start;
		}
	}
	return false;
}

/* The statistics period: 统计期限为2021年1月1日至2021年12月31日. */
static void
find_period(const gr_doc *doc, uint32_t from, uint32_t to, gr_report *rep)
{
	for (uint32_t k = from; k < to; k += char_len(doc->cmp + k))
	{
		gr_date		d1,
					d2;
		int			n = gr_parse_date(doc->cmp + k, to - k, 0, &d1);
		uint32_t	j;
		bool		joined = false;
		bool		named = false;

		if (n == 0)
			continue;
		j = k + n;
		if (gr_has_prefix(doc->cmp + j, to - j, "起"))
			j += 3;
		for (size_t m = 0; m < NELEM(range_joins); m++)
			if (gr_has_prefix(doc->cmp + j, to - j, range_joins[m]))
			{
				j += (uint32_t) strlen(range_joins[m]);
				joined = true;
				break;
			}
		if (!joined || gr_parse_date(doc->cmp + j, to - j, d1.year, &d2) == 0)
			continue;
		for (size_t m = 0; m < NELEM(period_words) && !named; m++)
		{
			uint32_t	back = k - from > 90 ? k - 90 : from;

			named = gr_memmem(doc->cmp + back, k - back, period_words[m]) != NULL;
		}
		if (named || (d1.month == 1 && d1.day == 1 && d2.month == 12 && d2.day == 31))
		{
			rep->period_start = d1;
			rep->period_end = d2;
			return;
		}
	}
}

/* The first "YYYY年度" in a range, then the first "YYYY年". */
static int
year_in_text(const gr_doc *doc, uint32_t from, uint32_t to)
{
	int			first_plain = 0;

	for (uint32_t k = from; k < to; k += char_len(doc->cmp + k))
	{
		int			y;
		int			n = gr_parse_year(doc->cmp + k, to - k, &y);

		if (n == 0 || (k > from && doc->cmp[k - 1] >= '0' && doc->cmp[k - 1] <= '9'))
			continue;
		if (gr_has_prefix(doc->cmp + k + n, to - k - n, "年度") ||
			gr_has_prefix(doc->cmp + k + n, to - k - n, "度"))
			return y;
		if (!first_plain && gr_has_prefix(doc->cmp + k + n, to - k - n, "年"))
			first_plain = y;
	}
	return first_plain;
}

/* ---- contact ---- */

static bool
is_phone_char(const char *s, uint32_t len, int *n)
{
	if (len == 0)
		return false;
	if ((s[0] >= '0' && s[0] <= '9') || s[0] == '-' || s[0] == '(' || s[0] == ')' || s[0] == '+')
	{
		*n = 1;
		return true;
	}
	if (gr_has_prefix(s, len, "—") || gr_has_prefix(s, len, "转"))
	{
		*n = 3;
		return true;
	}
	return false;
}

static bool
find_phone(gr_ctx *ctx, const gr_doc *doc, uint32_t from, uint32_t to, gr_report *rep)
{
	for (int m = 0; gr_phone_labels[m]; m++)
	{
		uint32_t	k = from;
		uint32_t	hit;

		while (k < to && (hit = gr_ph_find(doc, GR_PL_PHONE, m, k, to)) != GR_PH_NONE)
		{
			uint32_t	start = hit + (uint32_t) strlen(gr_phone_labels[m]);
			uint32_t	end;
			int			digits = 0,
						n;

			while (start < to && (doc->cmp[start] == ':' || doc->cmp[start] == ')'))
				start++;
			if (gr_has_prefix(doc->cmp + start, to - start, "为"))
				start += 3;
			end = start;
			while (end < to && is_phone_char(doc->cmp + end, to - end, &n))
			{
				if (doc->cmp[end] >= '0' && doc->cmp[end] <= '9')
					digits++;
				end += n;
			}
			while (end > start && (doc->cmp[end - 1] == '-' || doc->cmp[end - 1] == '('))
				end--;
			if (end > start && doc->cmp[end - 1] == ')' && !memchr(doc->cmp + start, '(', end - start))
				end--;
			if (digits >= 7)
			{
				rep->phone = gr_doc_joined(ctx, doc, start, end);
				return true;
			}
			k = start;
		}
	}
	return false;
}

static inline bool
email_local(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

static inline bool
email_domain(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		c == '.' || c == '-';
}

static bool
find_email(gr_ctx *ctx, const gr_doc *doc, uint32_t from, uint32_t to, gr_report *rep)
{
	for (uint32_t k = from; k < to; k++)
	{
		uint32_t	a,
					b;
		bool		dot = false;
		const char *at = memchr(doc->cmp + k, '@', to - k);

		if (at == NULL)
			break;
		k = (uint32_t) (at - doc->cmp);
		a = k;
		while (a > from && email_local(doc->cmp[a - 1]))
			a--;
		b = k + 1;
		while (b < to && email_domain(doc->cmp[b]))
		{
			if (doc->cmp[b] == '.')
				dot = true;
			b++;
		}
		while (b > k + 1 && (doc->cmp[b - 1] == '.' || doc->cmp[b - 1] == '-'))
			b--;
		while (a < k && doc->cmp[a] == '.')
			a++;
		if (a < k && dot && b > k + 3)
		{
			rep->email = gr_doc_joined(ctx, doc, a, b);
			return true;
		}
	}
	return false;
}

static bool
find_address(gr_ctx *ctx, const gr_doc *doc, uint32_t from, uint32_t to, gr_report *rep)
{
	for (int m = 0; gr_address_labels[m]; m++)
	{
		uint32_t	k = from;
		uint32_t	hit;

		while (k < to && (hit = gr_ph_find(doc, GR_PL_ADDRESS, m, k, to)) != GR_PH_NONE)
		{
			uint32_t	start = hit + (uint32_t) strlen(gr_address_labels[m]);
			uint32_t	end = start;
			int			chars = 0;

			while (start < to && doc->cmp[start] == ':')
				start++;
			if (gr_has_prefix(doc->cmp + start, to - start, "为"))
				start += 3;
			for (end = start; end < to && chars < 60; end += char_len(doc->cmp + end), chars++)
			{
				bool		stop = false;

				for (size_t q = 0; q < NELEM(address_stops) && !stop; q++)
					stop = gr_has_prefix(doc->cmp + end, to - end, address_stops[q]);
				if (stop)
					break;
			}
			if (chars >= 3 && chars < 60 &&
				!gr_has_prefix(doc->cmp + start, to - start, "http") &&
				!gr_has_prefix(doc->cmp + start, to - start, "www") &&
				!gr_memmem(doc->cmp + start, end - start, "://"))
			{
				rep->address = gr_doc_joined(ctx, doc, start, end);
				return true;
			}
			k = start;
		}
	}
	return false;
}

/* A signature: the short line before the closing date, in the last section. */
static void
org_in_signature(const gr_doc *doc, int last_part, uint32_t *o_from, uint32_t *o_to)
{
	int			nonblank = 0;

	for (int i = doc->nlines - 1; i > last_part && nonblank < 4; i--)
	{
		gr_date		d;
		uint32_t	at;
		int			p = i - 1;

		if (doc->lines[i].c_len == 0)
			continue;
		nonblank++;
		if (!gr_meta_line_date(doc, i, &d, &at))
			continue;
		if (at > doc->lines[i].c_off)
		{
			*o_from = doc->lines[i].c_off;
			*o_to = at;
			return;
		}
		while (p > 0 && doc->lines[p].c_len == 0)
			p--;
		if (is_short_plain_line(doc, p))
		{
			*o_from = doc->lines[p].c_off;
			*o_to = *o_from + doc->lines[p].c_len;
		}
		return;
	}
}

/* Contact: the preamble first, then section 六, then anywhere. */
static void
find_contact(gr_ctx *ctx, const gr_doc *doc, uint32_t p_from, uint32_t p_to, const gr_section *s6,
			 gr_report *rep)
{
	uint32_t	ranges[3][2];
	int			nr = 0;

	ranges[nr][0] = p_from;
	ranges[nr][1] = p_to;
	nr++;
	if (s6)
	{
		lines_cmp(doc, s6->first_doc_line, s6->end_doc_line, &ranges[nr][0], &ranges[nr][1]);
		nr++;
	}
	ranges[nr][0] = 0;
	ranges[nr][1] = doc->cmp_len;
	nr++;
	for (int r = 0; r < nr; r++)
		if (!rep->phone.len)
			find_phone(ctx, doc, ranges[r][0], ranges[r][1], rep);
	for (int r = 0; r < nr; r++)
		if (!rep->email.len)
			find_email(ctx, doc, ranges[r][0], ranges[r][1], rep);
	for (int r = 0; r < nr; r++)
		if (!rep->address.len)
			find_address(ctx, doc, ranges[r][0], ranges[r][1], rep);
}

/* ---- the step ---- */

gr_status
gr_meta(gr_ctx *ctx, const gr_doc *doc, gr_report *rep)
{
	const gr_section *s1 = gr_section_of(rep, GR_SEC_OVERVIEW);
	const gr_section *s6 = gr_section_of(rep, GR_SEC_OTHER);
	int			first_heading_line = doc->nlines;
	uint32_t	p_from,
				p_to,
				s1_to,
				o_from = 0,
				o_to = 0;
	int			title_line;
	int			title_year;
	int			last_part;

	for (int i = 0; i < rep->nsections; i++)
		if (rep->sections[i].key != GR_SEC_PREAMBLE)
		{
			first_heading_line = rep->sections[i].head_doc_line;
			break;
		}
	if (first_heading_line == doc->nlines && doc->nlines > 40)
		first_heading_line = 40;	/* no outline: look at the top only */
	/* a signature belongs to the last section, after its heading */
	last_part = rep->nsections > 0 ? rep->sections[rep->nsections - 1].head_doc_line + 1 : 0;
	if (last_part < 0)
		last_part = 0;

	/* title and the body's name */
	rep->year = 0;
	title_line = find_title(ctx, doc, first_heading_line, rep, &o_from, &o_to);
	title_year = rep->year;
	rep->year = 0;
	lines_cmp(doc, 0, first_heading_line, &p_from, &p_to);
	if (o_from == o_to)
		org_in_phrases(doc, p_from, p_to, &o_from, &o_to);
	if (o_from == o_to && s1)
	{
		uint32_t	a,
					b;

		lines_cmp(doc, s1->first_doc_line, s1->end_doc_line, &a, &b);
		org_in_phrases(doc, a, b, &o_from, &o_to);
	}
	if (o_from == o_to)
		org_in_signature(doc, last_part, &o_from, &o_to);
	if (o_from < o_to)
		rep->org = gr_doc_joined(ctx, doc, o_from, o_to);

	/* the statistics period and year */
	s1_to = p_to;
	if (s1)
	{
		uint32_t	a;

		lines_cmp(doc, s1->first_doc_line, s1->end_doc_line, &a, &s1_to);
	}
	find_period(doc, p_from, s1_to, rep);
	if (rep->period_start.year)
		rep->year = rep->period_start.year;
	else if (title_year)
		rep->year = title_year;
	else
		rep->year = year_in_text(doc, p_from, s1_to);

	gr_meta_published(doc, title_line, first_heading_line, last_part, rep);

	find_contact(ctx, doc, p_from, p_to, s6, rep);
	return ctx->err->status;
}
