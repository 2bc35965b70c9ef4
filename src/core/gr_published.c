/*
 * gr_published.c — when the report was published: a labelled date of the
 * page or document header (发布时间：2025-03-10 15:35, a crawler's
 * 发布时间: field, a bare 时间： or 日期： field of the page chrome), a dated
 * signature at the end, or a date on its own line under the title.  HTML
 * pages' <meta name="PubDate"> arrives here as a 发布时间 line (gr_html.c).
 */
#include "gr_internal.h"
#include "gr_phrase.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Labels in front of a publication date (web pages, document headers). */
const char *const gr_published_labels[] = {
	"发布时间", "发布日期", "公开日期", "成文日期", "发文日期", "印发日期", "生成日期", NULL
};

/*
 * Labels that mean a publication date only as a field of the page chrome
 * above the report (来源：区政府办  时间：2024-01-20): at the start of a
 * preamble line or after white space, followed by a colon and a date.  In
 * a sentence (统计时间为…, 办理时间) they are something else.
 */
static const char *const chrome_labels[] = {"时间", "日期"};

static inline int
char_len(const char *s)
{
	int			n = gr_utf8_seqlen((unsigned char) s[0]);

	return n ? n : 1;
}

/* Words that make a dated line part of a sentence, not a signature. */
static const char *const not_signature[] = {"期限", "统计", "期间", "自", "至", "起", "截至", "截止", "于"};

/* Is the compact line a date alone, or "name date"?  Returns the date's start. */
bool
gr_meta_line_date(const gr_doc *doc, int i, gr_date *d, uint32_t *date_from)
{
	const gr_line *l = &doc->lines[i];
	const char *s = doc->cmp + l->c_off;
	uint32_t	len = l->c_len;

	while (len > 0 && (s[len - 1] == ')' || s[len - 1] == ']' || s[len - 1] == '.'))
		len--;
	/* a date that begins among the line's first 32 characters (counted on the way: the text is valid UTF-8) */
	for (uint32_t k = 0, chars = 0; k < len && chars <= 31; k += char_len(s + k), chars++)
	{
		int			n = gr_parse_date(s + k, len - k, 0, d);

		if (n > 0 && (uint32_t) n == len - k)
		{
			if (memchr(s, ',', k) || gr_memmem(s, k, "。") || memchr(s, ':', k))
				return false;
			for (size_t w = 0; w < NELEM(not_signature); w++)
				if (gr_memmem(s, k, not_signature[w]))
					return false;
			*date_from = l->c_off + k;
			return true;
		}
	}
	return false;
}

/*
 * A bare 时间： or 日期： field in the first lines (before section 一): read
 * in the folded text, where the white space that separates page fields
 * still stands.
 */
static bool
chrome_date(const gr_doc *doc, int first_heading_line, gr_date *d)
{
	int			last = first_heading_line < 40 ? first_heading_line : 40;

	for (int i = 0; i < last && i < doc->nlines; i++)
	{
		const char *s = doc->fold + doc->lines[i].f_off;
		uint32_t	len = doc->lines[i].f_len;

		for (size_t m = 0; m < NELEM(chrome_labels); m++)
		{
			uint32_t	ll = (uint32_t) strlen(chrome_labels[m]);

			for (uint32_t k = 0; k + ll < len; k += char_len(s + k))
			{
				uint32_t	j = k + ll;

				if (memcmp(s + k, chrome_labels[m], ll) != 0 ||
					(k > 0 && s[k - 1] != ' ' && s[k - 1] != '\t' && s[k - 1] != '|'))
					continue;
				while (j < len && s[j] == ' ')
					j++;
				if (j >= len || s[j] != ':')
					continue;
				j++;
				while (j < len && s[j] == ' ')
					j++;
				if (gr_parse_date(s + j, len - j, 0, d) > 0)
					return true;
			}
		}
	}
	return false;
}

void
gr_meta_published(const gr_doc *doc, int title_line, int first_heading_line, int last_part,
				  gr_report *rep)
{
	int			nonblank = 0;

	/* 发布时间:21年01月29日 */
	for (int m = 0; gr_published_labels[m]; m++)
	{
		uint32_t	at = gr_ph_find(doc, GR_PL_PUBLISHED, m, 0, doc->cmp_len);

		if (at != GR_PH_NONE)
		{
			uint32_t	k = at + (uint32_t) strlen(gr_published_labels[m]);
			gr_date		d;

			uint32_t	f;

			while (k < doc->cmp_len && (doc->cmp[k] == ':' || doc->cmp[k] == ']'))
				k++;
			if (gr_has_prefix(doc->cmp + k, doc->cmp_len - k, "为"))
				k += 3;
			/* read where spaces still stand: 2022-02-08 16:34 is a date and a time */
			f = gr_doc_c2f(doc, k);
			if (gr_parse_date(doc->cmp + k, doc->cmp_len - k, 0, &d) > 0 ||
				gr_parse_date(doc->fold + f, doc->fold_len - f, 0, &d) > 0)
			{
				rep->published = d;
				return;
			}
		}
	}

	/* 来源：区政府办公室  时间：2024-01-20 */
	{
		gr_date		d;

		if (chrome_date(doc, first_heading_line, &d))
		{
			rep->published = d;
			return;
		}
	}

	/* a dated signature at the end: 第十一师办公室 2022年2月10日 */
	for (int i = doc->nlines - 1; i >= last_part && nonblank < 4; i--)
	{
		gr_date		d;
		uint32_t	at;

		if (doc->lines[i].c_len == 0 || gr_is_page_mark(doc->cmp + doc->lines[i].c_off,
														 doc->lines[i].c_len))
			continue;
		nonblank++;
		if (gr_meta_line_date(doc, i, &d, &at))
		{
			rep->published = d;
			return;
		}
	}

	/* a date on its own line under the title: (2026年1月23日) */
	if (title_line >= 0)
	{
		for (int i = title_line + 1; i < doc->nlines && i <= title_line + 3; i++)
		{
			gr_date		d;
			uint32_t	at;

			if (doc->lines[i].c_len == 0)
				continue;
			if (gr_meta_line_date(doc, i, &d, &at))
			{
				rep->published = d;
				return;
			}
		}
	}
}

