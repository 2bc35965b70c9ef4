/*
 * gr_outline.c — finds the six section headings and cuts the text into
 * the preamble and the sections.
 *
 * A heading is a short line: an outline numeral (一、 一. 一，) and a text
 * that holds the words of one of the sections (spec §2.3 lists the variants
 * seen: 措施/情况, 和/及, 政府信息公开总体情况, the Art. 50 wording of 四 …), or a
 * line that is exactly an official heading without its numeral (总体情况).
 * The words are data below; the numeral only breaks ties.  Headings must
 * come in order, so a table row such as 四、结转下年度继续办理 or a paragraph
 * that lists the six parts cannot be taken for one.
 */
#include "gr_acm.h"
#include "gr_internal.h"

/* A section is recognised when all the words of one of its rules occur. */
typedef struct heading_rule
{
	gr_section_key sec;
	const char *words[3];
} heading_rule;

static const heading_rule heading_rules[] = {
	{GR_SEC_OVERVIEW, {"总体情况"}},
	{GR_SEC_OVERVIEW, {"概述"}},	/* pre-2019 wording */
	{GR_SEC_OVERVIEW, {"总体概况"}},
	{GR_SEC_OVERVIEW, {"基本情况"}},
	{GR_SEC_PROACTIVE, {"主动公开"}},
	{GR_SEC_REQUESTS, {"收到", "申请"}},
	{GR_SEC_REQUESTS, {"处理", "申请"}},
	{GR_SEC_REQUESTS, {"依申请"}},
	{GR_SEC_REVIEW, {"复议"}},
	{GR_SEC_REVIEW, {"诉讼"}},
	{GR_SEC_PROBLEMS, {"问题", "改进"}},
	{GR_SEC_PROBLEMS, {"问题", "整改"}},
	{GR_SEC_PROBLEMS, {"问题", "措施"}},
	{GR_SEC_PROBLEMS, {"不足", "改进"}},
	{GR_SEC_OTHER, {"其他", "事项"}},
	{GR_SEC_OTHER, {"其他", "报告"}},
};

#define NRULES (sizeof(heading_rules) / sizeof(heading_rules[0]))

/*
 * The words of all the rules in one matcher, built once per process: a
 * heading is read once for all of them (bit 3 * rule + word of the mask
 * says that word occurs), not searched once per word.
 */
typedef struct rule_words
{
	const gr_acm *acm;
	uint8_t		bit[NRULES * 3];	/* per pattern: its bit in the mask */
} rule_words;

_Static_assert(NRULES * 3 <= 64, "the rules' words fit in a 64-bit mask");

static const rule_words *
rule_words_get(void *(*alloc) (size_t))
{
	static rule_words rw;
	static bool tried;
	const char *pats[NRULES * 3];
	uint32_t	lens[NRULES * 3];
	int			n = 0;

	if (tried)
		return rw.acm ? &rw : NULL;
	tried = true;
	for (size_t i = 0; i < NRULES; i++)
		for (int w = 0; w < 3 && heading_rules[i].words[w]; w++)
		{
			pats[n] = heading_rules[i].words[w];
			lens[n] = (uint32_t) strlen(pats[n]);
			rw.bit[n++] = (uint8_t) (i * 3 + (size_t) w);
		}
	rw.acm = gr_acm_build(alloc, pats, lens, n);
	return rw.acm ? &rw : NULL;
}

typedef struct words_seen
{
	const rule_words *rw;
	uint64_t	mask;
} words_seen;

static void
word_seen(void *arg, int pat, size_t end)
{
	words_seen *ws = arg;

	(void) end;
	ws->mask |= (uint64_t) 1 << ws->rw->bit[pat];
}

/* Which words of which rules s holds: bit 3 * rule + word. */
static uint64_t
rule_words_held(const rule_words *rw, const char *s, uint32_t len)
{
	words_seen	ws = {rw, 0};

	if (rw)
	{
		gr_acm_scan(rw->acm, s, len, word_seen, &ws);
		return ws.mask;
	}
	for (size_t i = 0; i < NRULES; i++)		/* no matcher: searched */
		for (int w = 0; w < 3 && heading_rules[i].words[w]; w++)
			if (gr_memmem(s, len, heading_rules[i].words[w]))
				ws.mask |= (uint64_t) 1 << (i * 3 + (size_t) w);
	return ws.mask;
}

/* A literal with its length, so that no search asks strlen for it again. */
#define L(s) s, sizeof(s) - 1

/* Headings accepted without a numeral, compared with the whole line. */
static const struct
{
	gr_section_key sec;
	const char *text;
	size_t		len;
}			bare_headings[] =
{
	{GR_SEC_OVERVIEW, L("总体情况")},
	{GR_SEC_OVERVIEW, L("政府信息公开总体情况")},
	{GR_SEC_PROACTIVE, L("主动公开政府信息情况")},
	{GR_SEC_REQUESTS, L("收到和处理政府信息公开申请情况")},
	{GR_SEC_REVIEW, L("政府信息公开行政复议、行政诉讼情况")},
	{GR_SEC_REVIEW, L("政府信息公开行政复议,行政诉讼情况")},
	{GR_SEC_PROBLEMS, L("存在的主要问题及改进情况")},
	{GR_SEC_PROBLEMS, L("存在的主要问题及改进措施")},
	{GR_SEC_PROBLEMS, L("存在的主要问题和改进情况")},
	{GR_SEC_OTHER, L("其他需要报告的事项")},
};

typedef struct lit
{
	const char *s;
	size_t		len;
} lit;

/* Outline numerals 一 … 六 (and a little beyond, for misnumbered reports). */
static const lit numerals[] = {
	{L("一")}, {L("二")}, {L("三")}, {L("四")}, {L("五")}, {L("六")}, {L("七")}, {L("八")}
};

/* Separators after an outline numeral, as folded (，→ , and ．→ .). */
static const lit numeral_seps[] = {{L("、")}, {L(",")}, {L(".")}, {L(":")}, {L("﹑")}};

static inline bool
has_lit(const char *s, size_t len, const lit *w)
{
	/* the first byte first: asked of every line, for each numeral and separator */
	return len >= w->len && s[0] == w->s[0] && memcmp(s, w->s, w->len) == 0;
}

#define HEADING_MAX_CHARS 34

/* Whether a numeral begins with this byte: asked of every line, so a bit made once. */
static bool
numeral_may_start(char c)
{
	static uint64_t firsts[4];
	static bool made;

	if (!made)
	{
		for (size_t i = 0; i < sizeof(numerals) / sizeof(numerals[0]); i++)
			firsts[(unsigned char) numerals[i].s[0] >> 6] |= UINT64_C(1) << ((unsigned char) numerals[i].s[0] & 63);
		made = true;
	}
	return firsts[(unsigned char) c >> 6] >> ((unsigned char) c & 63) & 1;
}

const char *
gr_section_key_name(gr_section_key key)
{
	static const char *const names[GR_NSECTIONS] = {
		"preamble", "s1_overview", "s2_proactive", "s3_requests",
		"s4_review_litigation", "s5_problems", "s6_other"
	};

	return (unsigned) key < GR_NSECTIONS ? names[key] : "unknown";
}

/*
 * The official heading of a section (spec §2.3) without its numeral, and
 * the numeral (一 … 六); NULL for the preamble, which has no heading.  The
 * facts compare headings with it, the rules quote it.
 */
const char *
gr_section_official(gr_section_key key, const char **numeral)
{
	static const char *const official[GR_NSECTIONS] = {
		NULL, "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
		"政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"
	};
	static const char *const nums[GR_NSECTIONS] = {NULL, "一", "二", "三", "四", "五", "六"};
	bool		ok = key > GR_SEC_PREAMBLE && (unsigned) key < GR_NSECTIONS;

	if (numeral)
		*numeral = ok ? nums[key] : NULL;
	return ok ? official[key] : NULL;
}

/*
 * A line block's bar: "| 四、…", a line of a reStructuredText line block
 * (pandoc writes a page's <br>-broken paragraph so), the line's only '|'.
 */
static inline bool
line_block_bar(const char *s, size_t len)
{
	return len > 1 && s[0] == '|' && memchr(s + 1, '|', len - 1) == NULL;
}

/* Markdown decoration around a compact line: ## 一、总体情况, **二、…**, | 四、… */
static void
strip_decoration(const char **s, uint32_t *len)
{
	if (line_block_bar(*s, *len))
	{
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && (**s == '#' || **s == '*' || **s == '>'))
	{
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && ((*s)[*len - 1] == '*' || (*s)[*len - 1] == ':' || (*s)[*len - 1] == '#'))
		(*len)--;
}

/*
 * Is rest[0, rlen) an official heading, of a section after the one last
 * seen (or the same one, not yet seen with its official words)?  Its
 * section, quality 2; -1 when not.
 */
static int
official_heading(const char *rest, uint32_t rlen, int after, int *quality)
{
	/* the lengths the headings have, made at the first call: most lines have none of them */
	static uint64_t lengths[4];
	static bool lengths_made;

	if (!lengths_made)
	{
		for (size_t i = 0; i < sizeof(bare_headings) / sizeof(bare_headings[0]); i++)
			if (bare_headings[i].len < 256)
				lengths[bare_headings[i].len >> 6] |= UINT64_C(1) << (bare_headings[i].len & 63);
		lengths_made = true;
	}
	if (rlen < 256 && !(lengths[rlen >> 6] >> (rlen & 63) & 1))
		return -1;
	for (size_t i = 0; i < sizeof(bare_headings) / sizeof(bare_headings[0]); i++)
		if (((int) bare_headings[i].sec > after ||
			 ((int) bare_headings[i].sec == after && *quality < 2)) &&
			bare_headings[i].len == rlen &&
			bare_headings[i].text[rlen - 1] == rest[rlen - 1] &&	/* a character's last byte tells most */
			memcmp(bare_headings[i].text, rest, rlen) == 0)
		{
			*quality = 2;
			return bare_headings[i].sec;
		}
	return -1;
}

/*
 * Which section a line heads (a section after `after`, or `after` itself
 * when the line is better than *quality), or -1.  *quality becomes 2 for an
 * official heading text and 1 for a heading recognised by its words.
 */
static int
classify_heading(const rule_words *rw, const char *s, uint32_t len, int after, int *quality)
{
	int			numeral = 0;
	const char *rest = s;
	uint32_t	rlen = len;
	int			best = -1;
	uint64_t	held;

	strip_decoration(&rest, &rlen);
	if (rlen == 0)
		return -1;

	if ((best = official_heading(rest, rlen, after, quality)) >= 0)
		return best;

	if (!numeral_may_start(rest[0]))
		return -1;				/* no numeral: no heading by its words */
	for (int n = 0; n < 8 && !numeral; n++)
	{
		if (!has_lit(rest, rlen, &numerals[n]))
			continue;
		for (size_t k = 0; k < sizeof(numeral_seps) / sizeof(numeral_seps[0]); k++)
		{
			size_t		nl = numerals[n].len;

			if (has_lit(rest + nl, rlen - nl, &numeral_seps[k]))
			{
				numeral = n + 1;
				nl += numeral_seps[k].len;
				rest += nl;
				rlen -= (uint32_t) nl;
				break;
			}
		}
	}
	if (!numeral || rlen == 0)
		return -1;
	/* an official heading after its numeral */
	if ((best = official_heading(rest, rlen, after, quality)) >= 0)
		return best;
	if (gr_utf8_chars(rest, rlen) > HEADING_MAX_CHARS ||
		gr_memmem(rest, rlen, "。") || gr_memmem(rest, rlen, ";"))
		return -1;

	held = rule_words_held(rw, rest, rlen);
	for (size_t i = 0; i < NRULES; i++)
	{
		const heading_rule *r = &heading_rules[i];
		bool		all = true;

		if ((int) r->sec <= after)
			continue;
		for (int w = 0; w < 3 && r->words[w]; w++)
			if (!(held >> (i * 3 + (size_t) w) & 1))
				all = false;
		if (!all)
			continue;
		/* several sections match: the one the numeral names wins */
		if (best < 0 || (int) r->sec == numeral)
			best = r->sec;
	}
	if (best >= 0)
		*quality = 1;
	return best;
}

bool
gr_is_page_mark(const char *s, size_t len)
{
	size_t		i = 0,
				digits = 0,
				before = 0,		/* dashes before the digits */
				after = 0;		/* and after: "-3" alone is a number */
	bool		page = false;

	/* — 2 —, -4-, - 12 -, 第 3 页, 第3页共7页 */
	while (i < len)
	{
		if (s[i] >= '0' && s[i] <= '9')
		{
			if (after)
				return false;	/* digits after a closing dash: -3-4 */
			digits++;
			i++;
		}
		else if (s[i] == '-' || s[i] == '_' || gr_has_prefix(s + i, len - i, "—") ||
				 gr_has_prefix(s + i, len - i, "–") || gr_has_prefix(s + i, len - i, "―"))
		{
			if (digits)
				after++;
			else
				before++;
			i += (s[i] == '-' || s[i] == '_') ? 1 : 3;
		}
		else if (gr_has_prefix(s + i, len - i, "页"))
		{
			page = true;
			i += 3;
		}
		else if (gr_has_prefix(s + i, len - i, "第") || gr_has_prefix(s + i, len - i, "共"))
			i += 3;
		else
			return false;
	}
	return digits > 0 && digits <= 6 && ((before > 0 && after > 0) || page);
}

static bool
line_is_filler(const gr_doc *doc, int i)
{
	const gr_line *l = &doc->lines[i];

	/* a line holding only a tab is an empty table cell (seed 000), not filler */
	if (l->c_len == 0)
		return l->tabs == 0;
	return gr_is_page_mark(doc->cmp + l->c_off, l->c_len);
}

/* The body of a section: its lines without blank or page-mark lines at the ends. */
static void
set_body(const gr_doc *doc, gr_section *sec, int from, int to)
{
	while (from < to && line_is_filler(doc, from))
		from++;
	while (to > from && line_is_filler(doc, to - 1))
		to--;
	sec->first_doc_line = from;
	sec->end_doc_line = to;
	if (from >= to)
	{
		sec->body = gr_doc_src_span(doc, 0, 0);
		sec->body_line = 0;
		return;
	}
	sec->body = gr_doc_src_span(doc, doc->lines[from].s_off,
								doc->lines[to - 1].s_off + doc->lines[to - 1].s_len);
	sec->body_line = doc->lines[from].lineno;
}

/* The heading as printed, without markdown marks and surrounding blanks. */
static gr_str
heading_text(const gr_doc *doc, const gr_line *l)
{
	gr_str		s = gr_trim_src(gr_doc_src_span(doc, l->s_off, l->s_off + l->s_len));

	if (line_block_bar(s.ptr, s.len))
	{
		s.ptr++;
		s.len--;
	}
	while (s.len > 0 && (s.ptr[0] == '#' || s.ptr[0] == '*' || s.ptr[0] == '>' || s.ptr[0] == ' '))
	{
		s.ptr++;
		s.len--;
	}
	while (s.len > 0 && (s.ptr[s.len - 1] == '*' || s.ptr[s.len - 1] == '#'))
		s.len--;
	return gr_trim_src(s);
}

gr_status
gr_outline(gr_ctx *ctx, const gr_doc *doc, gr_report *rep)
{
	int			head_line[GR_NSECTIONS];
	int			order[GR_NSECTIONS];
	int			nfound = 0;
	int			last = GR_SEC_PREAMBLE;
	int			quality = 2;
	const rule_words *rw = rule_words_get(ctx->env->persist_alloc);

	for (int i = 0; i < doc->nlines; i++)
	{
		const gr_line *l = &doc->lines[i];
		int			sec;

		if (gr_poll(ctx))
			return ctx->err->status;
		if (l->c_len == 0 || l->c_len > 4 * (HEADING_MAX_CHARS + 8))
			continue;
		sec = classify_heading(rw, doc->cmp + l->c_off, l->c_len, last, &quality);
		if (sec < 0)
			continue;
		/*
		 * The same section again in its official words: the first one was
		 * a part of the section before (三、主动公开工作情况 inside 一).
		 */
		if (sec == last)
			nfound--;
		head_line[nfound] = i;
		order[nfound] = sec;
		nfound++;
		last = sec;
		if (sec == GR_SEC_OTHER)
			break;
	}

	rep->nsections = 0;
	if (nfound == 0)
		return GR_OK;

	/* the preamble, when there is text before the first heading */
	{
		gr_section *p = &rep->sections[0];

		memset(p, 0, sizeof(*p));
		p->key = GR_SEC_PREAMBLE;
		p->heading = gr_doc_src_span(doc, 0, 0);
		p->head_doc_line = -1;
		set_body(doc, p, 0, head_line[0]);
		p->line = p->body_line;
		if (p->body.len > 0)
			rep->nsections++;
	}
	for (int k = 0; k < nfound; k++)
	{
		gr_section *s = &rep->sections[rep->nsections++];
		const gr_line *l = &doc->lines[head_line[k]];

		memset(s, 0, sizeof(*s));
		s->key = (gr_section_key) order[k];
		s->heading = heading_text(doc, l);
		s->line = l->lineno;
		s->head_doc_line = head_line[k];
		set_body(doc, s, head_line[k] + 1, k + 1 < nfound ? head_line[k + 1] : doc->nlines);
	}
	return GR_OK;
}

/* The section with this key, or NULL when the report lacks it. */
const gr_section *
gr_section_of(const gr_report *rep, gr_section_key key)
{
	for (int i = 0; i < rep->nsections; i++)
		if (rep->sections[i].key == key)
			return &rep->sections[i];
	return NULL;
}
