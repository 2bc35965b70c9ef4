/*
 * test_core.c — unit tests of the core library, run without a server.
 *
 * Covers the pieces (UTF-8 repair, folding, dates, page marks, line maps)
 * and the whole parse of the sample reports: as they are, converted to
 * Traditional script by ICU at test time, cut short at many points, and
 * filled with random bytes; plus allocation failure and interruption.
 * Prints one TAP line per check and a final "N passed, N failed".
 *
 *   test/unit/test_core [SAMPLES_DIR]     (default: samples)
 */
#include <stdarg.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "gr_core.h"
#include "gr_grid.h"
#include "gr_internal.h"
#include "gr_label.h"
#include "gr_format.h"
#include "gr_num.h"
#include "gr_phrase.h"
#include "gr_read.h"
#include "gr_sheet.h"
#include "gr_tables.h"
#include "test_alloc.h"

static int	n_pass,
			n_fail;

#define CHECK(cond, ...) check((cond) ? 1 : 0, __VA_ARGS__)

static void
check(int ok, const char *fmt, ...)
{
	va_list		ap;

	printf("%s %d - ", ok ? "ok" : "not ok", n_pass + n_fail + 1);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (ok)
		n_pass++;
	else
		n_fail++;
}

static int
str_eq(gr_str s, const char *expect)
{
	if (expect == NULL)
		return s.len == 0;
	return s.len == strlen(expect) && memcmp(s.ptr, expect, s.len) == 0;
}

static int
date_eq(gr_date d, int y, int m, int day)
{
	return d.year == y && d.month == m && d.day == day;
}

/* ---- a per-test context for calling internal functions ---- */

static ta_arena test_arena;
static gr_env test_env;
static gr_error test_err;
static gr_ctx test_ctx;

static gr_ctx *
new_ctx(void)
{
	ta_arena_free(&test_arena);
	test_env = ta_env(&test_arena);
	memset(&test_err, 0, sizeof(test_err));
	gr_ctx_init(&test_ctx, &test_env, &test_err);
	return &test_ctx;
}

static gr_report *
parse(const char *text, size_t len)
{
	gr_report  *rep = NULL;

	ta_arena_free(&test_arena);
	test_env = ta_env(&test_arena);
	if (gr_parse(&test_env, text, len, &rep, &test_err) != GR_OK)
		return NULL;
	return rep;
}

static gr_report *
parse_str(const char *text)
{
	return parse(text, strlen(text));
}

/* The opening of the made-up reports whose 表三 a test reads: a title and the section's heading. */
#define T3_REPORT_HEAD "某县2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"

/* ---- pieces ---- */

static void
test_utf8(void)
{
	uint32_t	cp;
	char		buf[4];

	CHECK(gr_utf8_decode((const unsigned char *) "\xE4\xB8\x80", 3, &cp) == 3 && cp == 0x4E00,
		  "utf8: decodes 一");
	CHECK(gr_utf8_decode((const unsigned char *) "\xE4\xB8", 2, &cp) == 0, "utf8: truncated sequence rejected");
	CHECK(gr_utf8_decode((const unsigned char *) "\xC0\xAF", 2, &cp) == 0, "utf8: overlong rejected");
	CHECK(gr_utf8_decode((const unsigned char *) "\xED\xA0\x80", 3, &cp) == 0, "utf8: surrogate rejected");
	CHECK(gr_utf8_decode((const unsigned char *) "\xF4\x90\x80\x80", 4, &cp) == 0, "utf8: beyond U+10FFFF rejected");
	CHECK(gr_utf8_encode(0x1F600, buf) == 4 && gr_utf8_decode((unsigned char *) buf, 4, &cp) == 4 &&
		  cp == 0x1F600, "utf8: encode/decode round trip");

	/*
	 * gr_utf8_valid_prefix passes most three-byte characters without
	 * decoding them: it must stop exactly where decoding stops, for every
	 * lead byte and continuation bytes at and beyond the edges, whole or
	 * cut short, after ASCII and after a character.
	 */
	{
		static const unsigned char edge[] = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
		int			bad = 0,
					cases = 0;

		for (int lead = 0x80; lead <= 0xFF; lead++)
			for (size_t b1 = 0; b1 < sizeof(edge); b1++)
				for (size_t b2 = 0; b2 < sizeof(edge); b2++)
					for (size_t b3 = 0; b3 < sizeof(edge); b3++)
						for (int pre = 0; pre < 3; pre++)
							for (size_t cut = 1; cut <= 4; cut++)
							{
								/* pre: nothing, eight ASCII bytes, or 一 before the bytes tested */
								unsigned char t[16];
								size_t		n = 0,
											want = 0,
											len;

								if (pre == 1)
									for (; n < 8; n++)
										t[n] = 'a';
								else if (pre == 2)
								{
									memcpy(t, "\xE4\xB8\x80", 3);
									n = 3;
								}
								want = n;
								t[n] = (unsigned char) lead;
								t[n + 1] = edge[b1];
								t[n + 2] = edge[b2];
								t[n + 3] = edge[b3];
								len = n + cut;
								/* the reference: whole characters decoded one at a time */
								while (want < len)
								{
									int			k = gr_utf8_decode(t + want, len - want, &cp);

									if (k == 0)
										break;
									want += (size_t) k;
								}
								cases++;
								bad += gr_utf8_valid_prefix((const char *) t, len) != want;
							}
		CHECK(bad == 0, "utf8: valid_prefix stops where decoding stops (%d of %d cases differ)", bad, cases);
	}

	/*
	 * gr_lfold copies the characters of leads E4-EC and EE without asking
	 * whether they are punctuation: none of U+4000-CFFF and U+E000-EFFF
	 * may be (gr_label_first_cp skips punctuation), and each is kept whole.
	 */
	{
		int			bad = 0;

		for (uint32_t c = 0x4000; c <= 0xEFFF; c++)
		{
			char		enc[4],
						out[8];
			int			n;

			if (c >= 0xD000 && c < 0xE000)
				continue;
			n = gr_utf8_encode(c, enc);
			bad += gr_label_first_cp(enc, (size_t) n) != c ||
				gr_lfold(enc, (size_t) n, out, sizeof(out)) != (size_t) n || memcmp(out, enc, (size_t) n) != 0;
		}
		CHECK(bad == 0, "lfold: U+4000-CFFF and U+E000-EFFF hold no punctuation and fold to themselves (%d differ)", bad);
	}

	/* the folding pass asks the BMP's bitmap where gr_fold_lookup was asked: the same answers */
	{
		int			bad = 0,
					folding = 0;

		for (uint32_t c = 0; c < 0x10000; c++)
		{
			bad += gr_fold_changes_bmp(c) != (gr_fold_lookup(c) != NULL);
			folding += gr_fold_changes_bmp(c);
		}
		CHECK(bad == 0 && folding > 1000, "fold: the BMP bitmap marks exactly the %d characters that fold (%d differ)",
			  folding, bad);
	}

	/* … and its three-byte test (gr_foldtab_stop3): those, and every cp no three bytes may hold */
	{
		int			bad = 0;

		for (uint32_t c = 0; c < 0x10000; c++)
		{
			bool		stop = (gr_foldtab_stop3[c >> 6] >> (c & 63)) & 1;
			bool		want = c < 0x800 || (c >= 0xD800 && c <= 0xDFFF) || gr_fold_lookup(c) != NULL;

			bad += stop != want;
		}
		CHECK(bad == 0, "fold: the three-byte table stops at what folds, the overlong forms and the surrogates (%d differ)",
			  bad);
	}
}

static void
test_doc(void)
{
	gr_ctx	   *ctx = new_ctx();
	gr_doc		doc;
	const char *t = "\xEF\xBB\xBF" "一、总體情況\r\n（１２３）\xE2\x80\x8B 全角\r\rA\fB\n\xFF\xE4\xB8!";

	CHECK(gr_doc_build(ctx, t, strlen(t), NULL, 0, &doc) == GR_OK, "doc: builds");
	CHECK(doc.nlines == 6, "doc: CRLF is one break, lone CR and mid-line form feed are breaks (%d lines)", doc.nlines);
	CHECK(doc.lines[0].lineno == 1 && doc.lines[1].lineno == 2 && doc.lines[2].lineno == 2 &&
		  doc.lines[3].lineno == 2 && doc.lines[4].lineno == 2 && doc.lines[5].lineno == 3,
		  "doc: line numbers count newline characters of the input");
	CHECK(doc.lines[0].c_len == strlen("一、总体情况") &&
		  memcmp(doc.cmp + doc.lines[0].c_off, "一、总体情况", doc.lines[0].c_len) == 0,
		  "doc: BOM dropped, Traditional folded to Simplified");
	CHECK(doc.lines[1].c_len == strlen("(123)全角") &&
		  memcmp(doc.cmp + doc.lines[1].c_off, "(123)全角", doc.lines[1].c_len) == 0,
		  "doc: full-width digits and brackets folded, zero-width space dropped");
	{
		gr_str		s = gr_doc_cmp_span(&doc, doc.lines[1].c_off, doc.lines[1].c_off + 5);

		CHECK(str_eq(s, "（１２３）"), "doc: compact text maps back to the original characters");
	}
	CHECK(doc.replaced == 2, "doc: invalid bytes replaced (%d)", doc.replaced);
	CHECK(doc.lines[5].s_len > 0 && memcmp(doc.src + doc.lines[5].s_off, "\xEF\xBF\xBD", 3) == 0,
		  "doc: replacement character in the repaired text");
	{
		gr_ctx	   *c2 = new_ctx();
		gr_doc		d2;
		const char *w = "地址：淮安市洪泽区洪泽湖大道 90\n   号，邮编";
		gr_str		j;

		gr_doc_build(c2, w, strlen(w), NULL, 0, &d2);
		j = gr_doc_joined(c2, &d2, 9, d2.cmp_len - 9);
		CHECK(str_eq(j, "淮安市洪泽区洪泽湖大道 90号"), "doc: wrapped text joined without the break (%.*s)",
			  (int) j.len, j.ptr);
	}
	{
		gr_ctx	   *c3 = new_ctx();
		gr_doc		d3;
		const char *r = "甲\r\r\n乙\r\r\r\n丙\r\r丁\n";
		bool		ok = gr_doc_build(c3, r, strlen(r), NULL, 0, &d3) == GR_OK && d3.nlines == 6;

		for (int i = 0; ok && i < 5; i++)
		{
			static const char *const want[] = {"甲", "乙", "丙", "", "丁"};

			ok = d3.lines[i].c_len == strlen(want[i]) && memcmp(d3.cmp + d3.lines[i].c_off, want[i], d3.lines[i].c_len) == 0 &&
				d3.lines[i].s_len == strlen(want[i]);
		}
		CHECK(ok && d3.lines[1].lineno == 2 && d3.lines[4].lineno == 3,
			  "doc: CRs before a LF are one break with it (\\r\\r\\n), lone CRs a break each");
	}
}

/* The next of a repeatable stream of random numbers (xorshift64), for the random texts below. */
static uint64_t
xorshift(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/* The folded text of valid UTF-8 without control characters, one character at a time. */
static size_t
fold_ref(const char *t, size_t len, char *out)
{
	size_t		o = 0;

	for (size_t i = 0; i < len;)
	{
		uint32_t	cp;
		int			n = gr_utf8_decode((const unsigned char *) t + i, len - i, &cp);
		const unsigned char *f = n > 1 ? gr_fold_lookup(cp) : NULL;

		if (n == 0)
			return (size_t) -1;
		if (f)
		{
			memcpy(out + o, f + 1, f[0]);
			o += f[0];
		}
		else
		{
			memcpy(out + o, t + i, (size_t) n);
			o += (size_t) n;
		}
		i += (size_t) n;
	}
	return o;
}

/*
 * The folding pass over runs of Chinese characters (four bytes looked at
 * a time, gr_doc.c) folds as one character at a time does: random texts
 * of characters that fold and that stay, of every length, ending anywhere
 * in a run; and the ill-formed three-byte forms inside a run are replaced.
 */
static void
test_fold_runs(void)
{
	static const char *const pal[] = {
		"总", "體", "情", "況", "〇", "一", "Ａ", "１", "，", "a", " ", "é", "\xF0\x9F\x98\x80", "\xE2\x80\x8B",
		"\xEF\xBF\xBD", "\xE0\xA4\x85", "\xED\x9F\xBF", "\xEE\x80\x80",
	};
	uint64_t	x = 88172645463325252u;
	int			bad = 0;

	for (int round = 0; round < 3000; round++)
	{
		char		t[256],
					want[1024];
		size_t		len = 0,
					wl;
		gr_doc		doc;
		gr_ctx	   *ctx = new_ctx();
		int			n;

		n = (int) (xorshift(&x) % 40);
		for (int k = 0; k < n; k++)
		{
			uint64_t	r = xorshift(&x);

			/* mostly the characters of a run, now and then another */
			const char *c = pal[r % 8 < 6 ? (r >> 8) % 6 : (r >> 8) % (sizeof(pal) / sizeof(pal[0]))];

			memcpy(t + len, c, strlen(c));
			len += strlen(c);
		}
		wl = fold_ref(t, len, want);
		if (gr_doc_build(ctx, t, len, NULL, 0, &doc) != GR_OK || doc.fold_len != wl ||
			memcmp(doc.fold, want, wl) != 0)
			bad++;
	}
	CHECK(bad == 0, "doc: runs of Chinese fold as one character at a time does (%d of 3000 differ)", bad);
	{
		/* overlong forms and surrogates, inside runs and at their end: three U+FFFD each */
		const char *t = "體体\xE0\x80\x80總\xED\xA0\x80\xED\xBF\xBF况";
		const char *want = "体体\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD总"
			"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD况";
		gr_ctx	   *ctx = new_ctx();
		gr_doc		doc;
		bool		built = gr_doc_build(ctx, t, strlen(t), NULL, 0, &doc) == GR_OK;

		CHECK(built && doc.replaced == 9 && doc.fold_len == strlen(want) &&
			  memcmp(doc.fold, want, strlen(want)) == 0,
			  "doc: overlong and surrogate forms in a run are replaced (%d)", built ? doc.replaced : -1);
	}
}

/*
 * The compact copy (gr_doc.c, sixteen bytes at a time) is each line
 * without its white space, its tabs counted up to two and its '|' seen:
 * random texts of one line and of several (a gap or a tab at a line's end
 * or start is that line's alone), gaps and words of every length, against
 * a byte-wise count of each line.
 */
#define COMPACT_MAX_LINES 64

typedef struct compact_want
{
	char		text[4096];
	size_t		len;
	int			tabs;
	bool		pipe;
} compact_want;

static void
test_compact_lines(void)
{
	static const char *const pal[] = {" ", " ", " ", "\t", "a", "12", "体", "|", "一、本年新收", "\n"};
	static compact_want want[COMPACT_MAX_LINES];
	uint64_t	x = 0x9E3779B97F4A7C15u;
	int			bad = 0;

	for (int round = 0; round < 2000; round++)
	{
		char		t[4096];
		size_t		len = 0;
		int			n,
					nl = 1;
		gr_doc		doc;
		gr_ctx	   *ctx = new_ctx();
		/* a third of the texts one line, as a table's row; the rest of several */
		bool		lines = round % 3 != 0;

		memset(&want[0], 0, sizeof(want[0]));
		n = (int) (xorshift(&x) % 160);
		for (int k = 0; k < n; k++)
		{
			uint64_t	r = xorshift(&x);
			const char *c = pal[r % (sizeof(pal) / sizeof(pal[0]) - (lines ? 0 : 1))];
			int			rep = c[0] == ' ' ? 1 + (int) ((r >> 8) % 24) : 1;	/* gaps of up to 24 spaces */

			if (c[0] == '\n')
			{
				if (nl < COMPACT_MAX_LINES && len + 32 < sizeof(t))
				{
					t[len++] = '\n';
					memset(&want[nl++], 0, sizeof(want[0]));
				}
				continue;
			}
			for (int r = 0; r < rep && len + 32 < sizeof(t); r++)
			{
				compact_want *w = &want[nl - 1];

				memcpy(t + len, c, strlen(c));
				len += strlen(c);
				w->tabs += c[0] == '\t';
				w->pipe |= c[0] == '|';
				if (c[0] != ' ' && c[0] != '\t')
				{
					memcpy(w->text + w->len, c, strlen(c));
					w->len += strlen(c);
				}
			}
		}
		if (gr_doc_build(ctx, t, len, NULL, 0, &doc) != GR_OK || doc.nlines != nl)
		{
			bad++;
			continue;
		}
		for (int li = 0; li < nl; li++)
		{
			const gr_line *l = &doc.lines[li];
			const compact_want *w = &want[li];

			if (l->c_len != w->len || memcmp(doc.cmp + l->c_off, w->text, w->len) != 0 ||
				l->tabs != (w->tabs < 2 ? w->tabs : 2) || l->pipe != w->pipe)
			{
				bad++;
				break;
			}
		}
	}
	CHECK(bad == 0, "doc: each line's compact copy, tabs and '|' as a byte-wise count has them "
		  "(%d of 2000 texts differ)", bad);
}

/*
 * Texts denser in runs than the compact pass makes room for at first (a
 * run every 32 bytes and one a line): single digits one space apart, on
 * one line and on a few, so that the rest is counted where the room runs
 * out.  Every run is kept, in order, and maps back to its folded bytes.
 */
static void
test_dense_runs(void)
{
	int			bad = 0;

	for (int n = 1; n <= 3000; n += 97)
	{
		char	   *t = malloc((size_t) n * 2 + 1);
		size_t		len = 0;
		int			want = 0;
		gr_doc		doc;
		gr_ctx	   *ctx = new_ctx();

		for (int k = 0; k < n; k++)
		{
			t[len++] = (char) ('0' + k % 10);
			t[len++] = k % 500 == 499 ? '\n' : ' ';
			want++;
		}
		t[len] = '\0';
		if (gr_doc_build(ctx, t, len, NULL, 0, &doc) != GR_OK || doc.ncruns != want || doc.cmp_len != (uint32_t) n)
			bad++;
		else
			for (int r = 0; r < doc.ncruns; r++)
				if (doc.cruns[r].c != (uint32_t) r || doc.fold[gr_doc_c2f(&doc, (uint32_t) r)] != doc.cmp[r] ||
					doc.cruns[r].f != (uint32_t) (2 * r))
				{
					bad++;
					break;
				}
		free(t);
	}
	CHECK(bad == 0, "doc: texts of a run every two bytes keep every run in order (%d of 31 texts differ)", bad);
}

/*
 * Texts of more lines than the folding pass makes room for at first (a
 * line every 64 bytes): lines of one character broken by LF, CRLF, a
 * lone CR, and by form feeds, which the count of the rest does not see;
 * every line kept, with its number where a LF counts one, and form feeds
 * in linear time.
 */
static void
test_short_lines(void)
{
	static const char *const brk[] = {"\n", "\r\n", "\r", "\f"};
	int			bad = 0;

	for (int b = 0; b < 4; b++)
		for (int n = 1; n <= 20001; n += 4000)
		{
			char	   *t = malloc((size_t) n * 3 + 1);
			size_t		len = 0;
			gr_doc		doc;
			gr_ctx	   *ctx = new_ctx();

			for (int k = 0; k < n; k++)
			{
				t[len++] = (char) ('a' + k % 26);
				if (k + 1 < n)
				{
					memcpy(t + len, brk[b], strlen(brk[b]));
					len += strlen(brk[b]);
				}
			}
			if (gr_doc_build(ctx, t, len, NULL, 0, &doc) != GR_OK || doc.nlines != n)
				bad++;
			else
				for (int li = 0; li < n; li++)
					if (doc.lines[li].f_len != 1 || doc.fold[doc.lines[li].f_off] != 'a' + li % 26 ||
						doc.lines[li].lineno != (b <= 1 ? li + 1 : 1))
					{
						bad++;
						break;
					}
			free(t);
		}
	CHECK(bad == 0, "doc: texts of one-character lines keep every line and its number (%d of 24 texts differ)", bad);
}

/*
 * The phrase index answers what a search of each range answers: every
 * phrase of every list, over ranges starting and ending anywhere (inside
 * a character too), in a text where phrases overlap and contain each
 * other (联系电话 holds 电话, 上年度 holds 上年, 行政复议 holds 复议).
 */
static void
test_phrases(void)
{
	gr_ctx	   *ctx = new_ctx();
	gr_doc		doc;
	const char *t = "联系电话：0517-1234567，电话 Tel:88 TEL tel\n通讯地址地址：某路1号\n"
		"发布时间：2024-01-02 本年度未收到政府信息公开申请，未发生行政复议，行政诉讼2件\n"
		"上年度上一年去年 信息处理费 规范性文件3件 (六)其他处理 申请申请\n";
	int			wrong = 0,
				found = 0,
				queries = 0;

	CHECK(gr_doc_build(ctx, t, strlen(t), NULL, 0, &doc) == GR_OK &&
		  gr_phrase_index(ctx, &doc) == GR_OK && doc.phrases != NULL, "phrases: indexed");
	for (int l = 0; l < GR_PL_N; l++)
		for (int i = 0; gr_ph_word(l, i); i++)
			for (uint32_t from = 0; from <= doc.cmp_len; from++)
				for (uint32_t to = from; to <= doc.cmp_len; to += 1 + (to - from) / 8)
				{
					const char *hit = gr_memmem(doc.cmp + from, to - from, gr_ph_word(l, i));
					uint32_t	want = hit ? (uint32_t) (hit - doc.cmp) : GR_PH_NONE;
					uint32_t	got = gr_ph_find(&doc, l, i, from, to);

					queries++;
					found += got != GR_PH_NONE;
					wrong += got != want;
				}
	CHECK(wrong == 0 && found > queries / 40, "phrases: the index answers as a search does "
		  "(%d of %d answers differ, %d found)", wrong, queries, found);
	{
		uint32_t	a = gr_ph_find(&doc, GR_PL_PHONE, 0, 0, doc.cmp_len);	/* 联系电话 */
		uint32_t	b = gr_ph_find(&doc, GR_PL_PHONE, 4, 0, doc.cmp_len);	/* 电话, inside it */

		CHECK(a == 0 && b == 6 && gr_ph_find(&doc, GR_PL_PHONE, 4, 7, doc.cmp_len) > b &&
			  gr_ph_find(&doc, GR_PL_PHONE, 0, 1, doc.cmp_len) == GR_PH_NONE,
			  "phrases: a phrase inside another is found, a range cut through one is not (%u %u)", a, b);
	}
	/* gr_find itself, over every length of text (its blocks of sixteen and their overlap) */
	{
		char		hay[100],
					nd[6];
		unsigned	seed = 7;
		int			bad = 0;

		for (int k = 0; k < 20000; k++)
		{
			size_t		hl = (size_t) (k % 97),
						nl = 1 + (size_t) (k % 5);
			const char *naive = NULL;

			for (size_t j = 0; j < hl; j++)
				hay[j] = "ab"[(seed = seed * 1103515245u + 12345u) >> 30 & 1];
			for (size_t j = 0; j < nl; j++)
				nd[j] = "ab"[(seed = seed * 1103515245u + 12345u) >> 30 & 1];
			for (size_t j = 0; naive == NULL && j + nl <= hl; j++)
				if (memcmp(hay + j, nd, nl) == 0)
					naive = hay + j;
			bad += gr_find(hay, hl, nd, nl) != naive;
		}
		CHECK(bad == 0, "phrases: gr_find finds the first occurrence at every text length (%d wrong)", bad);
	}
	doc.phrases = NULL;
	CHECK(gr_ph_find(&doc, GR_PL_PHONE, 4, 7, doc.cmp_len) ==
		  (uint32_t) (gr_memmem(doc.cmp + 7, doc.cmp_len - 7, "电话") - doc.cmp),
		  "phrases: without an index, the text is searched");
}

static void
test_dates(void)
{
	gr_date		d;

	CHECK(gr_parse_date("2021年1月29日", strlen("2021年1月29日"), 0, &d) > 0 && date_eq(d, 2021, 1, 29),
		  "date: 2021年1月29日");
	CHECK(gr_parse_date("21年01月29日", strlen("21年01月29日"), 0, &d) > 0 && date_eq(d, 2021, 1, 29),
		  "date: 21年01月29日");
	CHECK(gr_parse_date("二〇二二年二月十日", strlen("二〇二二年二月十日"), 0, &d) > 0 && date_eq(d, 2022, 2, 10),
		  "date: 二〇二二年二月十日");
	{
		/* a month written with each Chinese digit, and 十: each begins a date (the first bytes asked first) */
		static const char *const months[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};
		int			read = 0;

		for (int m = 0; m < 12; m++)
		{
			char		t[64];

			snprintf(t, sizeof(t), "%s月三日", months[m]);
			read += gr_parse_date(t, strlen(t), 2021, &d) > 0 && date_eq(d, 2021, m + 1, 3);
		}
		CHECK(read == 12 && gr_parse_date("一九九九年一月一日", strlen("一九九九年一月一日"), 0, &d) > 0 &&
			  date_eq(d, 1999, 1, 1), "date: months 一月 to 十二月, years 一九九九 (%d of 12)", read);
	}
	CHECK(gr_parse_date("二零二一年十二月三十一日", strlen("二零二一年十二月三十一日"), 0, &d) > 0 &&
		  date_eq(d, 2021, 12, 31), "date: 二零二一年十二月三十一日");
	CHECK(gr_parse_date("一九九八年七月六日", strlen("一九九八年七月六日"), 0, &d) > 0 && date_eq(d, 1998, 7, 6),
		  "date: 一九九八年七月六日 (every Chinese digit the year and day use)");
	CHECK(gr_parse_date("二〇三五年四月三日", strlen("二〇三五年四月三日"), 0, &d) > 0 && date_eq(d, 2035, 4, 3),
		  "date: 二〇三五年四月三日");
	CHECK(gr_parse_date("十月一日", strlen("十月一日"), 2024, &d) > 0 && date_eq(d, 2024, 10, 1),
		  "date: 十月一日 with the year from the context (a date may begin with 十)");
	CHECK(gr_parse_date("年1月1日", strlen("年1月1日"), 2024, &d) == 0, "date: 年1月1日 begins no date");
	CHECK(gr_parse_date("2024-01-17", 10, 0, &d) == 10 && date_eq(d, 2024, 1, 17), "date: 2024-01-17");
	CHECK(gr_parse_date("2021.1.1-", 9, 0, &d) == 8 && date_eq(d, 2021, 1, 1), "date: 2021.1.1");
	CHECK(gr_parse_date("12月31日", strlen("12月31日"), 2024, &d) > 0 && date_eq(d, 2024, 12, 31),
		  "date: 12月31日 with the year from the context");
	CHECK(gr_parse_date("12月31日", strlen("12月31日"), 0, &d) == 0, "date: no year, no context: no date");
	CHECK(gr_parse_date("2021年2月30日", strlen("2021年2月30日"), 0, &d) == 0, "date: 2月30日 rejected");
	CHECK(gr_parse_date("2020年2月29日", strlen("2020年2月29日"), 0, &d) > 0, "date: leap day accepted");
	CHECK(gr_parse_date("12021年1月1日", strlen("12021年1月1日"), 0, &d) == 0, "date: five-digit year rejected");
	CHECK(gr_parse_date("2021年1月", strlen("2021年1月"), 0, &d) == 0, "date: month without day is no date");
}

static void
test_page_marks(void)
{
	CHECK(gr_is_page_mark("—2—", strlen("—2—")), "page mark: — 2 —");
	CHECK(gr_is_page_mark("-12-", 4), "page mark: -12-");
	CHECK(gr_is_page_mark("第3页共7页", strlen("第3页共7页")), "page mark: 第3页共7页");
	CHECK(!gr_is_page_mark("0", 1), "page mark: a bare number is a value, not a mark");
	/* a dash on one side only is a sign: "-3" in 本年增/减 is a value (commit b56d29f) */
	CHECK(!gr_is_page_mark("-3", 2), "page mark: -3 is a negative number, not a mark");
	CHECK(!gr_is_page_mark("第二十条", strlen("第二十条")), "page mark: 第二十条 is not");
}

static void
test_values(void)
{
	struct
	{
		const char *in;
		gr_tok_kind kind;
		long long	mant;
		int			scale;
	}			cases[] = {
		{"12", GR_TK_NUM, 12, 0},
		{"1,036", GR_TK_NUM, 1036, 0},
		{"1,234,567", GR_TK_NUM, 1234567, 0},
		{"1,03", GR_TK_TEXT, 0, 0},
		{"+1036", GR_TK_NUM, 1036, 0},
		{"-3", GR_TK_NUM, -3, 0},
		{"267.9503", GR_TK_NUM, 2679503, 4},
		{"4068.208", GR_TK_NUM, 4068208, 3},
		{"55(含自然失效29件)", GR_TK_NUM, 55, 0},
		{"22 (其中修订 16 件)", GR_TK_NUM, 22, 0},
		{"251000元", GR_TK_NUM, 251000, 0},
		{"3 件", GR_TK_NUM, 3, 0},
		{"—", GR_TK_DASH, 0, 0},
		{"——", GR_TK_DASH, 0, 0},
		{"/", GR_TK_DASH, 0, 0},
		{"无", GR_TK_DASH, 0, 0},
		{"", GR_TK_BLANK, 0, 0},
		{"   ", GR_TK_BLANK, 0, 0},
		{"1.", GR_TK_TEXT, 0, 0},
		{"3.其他", GR_TK_TEXT, 0, 0},
		{"12345678901234567890", GR_TK_TEXT, 0, 0},
		{"12abc", GR_TK_TEXT, 0, 0},
		{"(1)", GR_TK_TEXT, 0, 0},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		gr_value	v;
		gr_tok_kind k = gr_value_parse(cases[i].in, strlen(cases[i].in), &v);

		CHECK(k == cases[i].kind && (k != GR_TK_NUM || (v.mant == cases[i].mant && v.scale == cases[i].scale)),
			  "value: [%s]", cases[i].in);
	}
}

/* ---- the spec ---- */

static int
count_printed(gr_table t, gr_edition ed)
{
	int			n = 0;

	for (int r = 0; r < gr_tabledefs[t].nrows; r++)
		n += gr_row_printed(t, r, ed);
	return n;
}

static void
test_spec(void)
{
	int			rows[GR_T3_NROWS];
	int			cols[T3_NCOLS];
	const gr_keydef *k = gr_keydefs();
	bool		keys_ok = true;

	/* the counts of format.md §4.2 and §9 */
	CHECK(gr_nkeys() == 281, "spec: 281 keys (%d)", gr_nkeys());
	CHECK(count_printed(GR_T3, GR_ED_2019) == 23 && count_printed(GR_T3, GR_ED_2021) == 25,
		  "spec: 表三 prints 23 rows in gb2019, 25 in gb2021");
	CHECK(gr_row_leaves(GR_T3, GR_R3_results_total, GR_ED_2021, rows) == 21 &&
		  rows[0] == GR_R3_granted && rows[20] == GR_R3_other_misc,
		  "spec: R-T3-03a adds 21 results in gb2021");
	CHECK(gr_row_leaves(GR_T3, GR_R3_results_total, GR_ED_2019, rows) == 19 &&
		  rows[18] == GR_R3_other_handling, "spec: R-T3-03b adds 19 results in gb2019, （六） as one row");
	CHECK(gr_row_children(GR_T3, GR_R3_other_handling, GR_ED_2019, rows) == 0 &&
		  gr_row_children(GR_T3, GR_R3_other_handling, GR_ED_2021, rows) == 3,
		  "spec: （六） has three parts in gb2021 only");
	CHECK(gr_col_leaves(GR_T3, T3C_TOTAL, cols) == 6 && cols[0] == T3C_NATURAL_PERSON && cols[5] == T3C_OTHER_ORG,
		  "spec: 表三 总计 is the six applicant columns");
	CHECK(gr_col_leaves(GR_T4, T4C_TOTAL, cols) == 4, "spec: 表四 总计 is its four results");
	CHECK(gr_t2_row_cols(GR_R2_licensing, GR_ED_2019, cols) == 3 && gr_t2_row_cols(GR_R2_licensing, GR_ED_2021, cols) == 1 &&
		  cols[0] == T2C_DECISIONS, "spec: 行政许可 has 3 columns in gb2019, 本年处理决定数量 in gb2021");
	CHECK(strcmp(gr_row_label(GR_T2, GR_R2_norm_docs, GR_ED_2019), "规范性文件") == 0 &&
		  strcmp(gr_row_label(GR_T2, GR_R2_norm_docs, GR_ED_2021), "行政规范性文件") == 0,
		  "spec: each edition's own official label");
	CHECK(gr_edition_for_year(2020) == GR_ED_2019 && gr_edition_for_year(2021) == GR_ED_2021 &&
		  gr_edition_for_year(2030) == GR_ED_2021 && gr_edition_for_year(2018) == GR_ED_UNKNOWN &&
		  gr_edition_effective(GR_ED_UNKNOWN, 0) == GR_ED_2021, "spec: editions by year, one fallback");
	/* every key names a row and a column of the spec, and its own name */
	for (int i = 0; i < gr_nkeys(); i++)
	{
		char		want[64];

		snprintf(want, sizeof(want), "t%d.%s.%s", (int) k[i].table + 2, gr_row_key(k[i].table, k[i].row),
				 gr_tabledefs[k[i].table].cols[k[i].col].key);
		keys_ok &= strcmp(want, k[i].key) == 0 && gr_key_index(k[i].table, k[i].row, k[i].col) == i &&
			gr_key_find(k[i].key, strlen(k[i].key)) == i;
	}
	CHECK(keys_ok, "spec: every key is its row and column, found by name and by place");
}

/*
 * One line of 200,000 cells (a crawler's text, a hostile input): read in
 * one pass — the grid keeps each cell's next line, positions are counted
 * once — and a row that cannot be placed stays unplaced.  (Time is
 * measured by the benchmark, never here.)
 */
static void
test_long_line(void)
{
	static const char head[] = "某县2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
		"一、本年新收政府信息公开申请数量";
	size_t		n = 200000,
				len = strlen(head) + n * 3 + 2;
	char	   *text = malloc(len);
	gr_report  *rep;
	size_t		o = strlen(head);
	int			k = gr_key_find("t3.new_received.total", strlen("t3.new_received.total"));

	if (text == NULL)
		return;
	memcpy(text, head, o);
	for (size_t i = 0; i < n; i++)
	{
		memcpy(text + o, "  7", 3);
		o += 3;
	}
	text[o++] = '\n';
	rep = parse(text, o);
	CHECK(rep != NULL && rep->cells[k].state == GR_CELL_UNPLACED,
		  "long line: 200000 cells after a label parse, the row unplaced (%s)",
		  rep ? "parsed" : test_err.message);
	free(text);
}

/*
 * A third edition is data: a toy edition of 2030 whose 表二 prints only
 * 本年新发件数 and 累计有效件数 for 规章 and 规范性文件, declared here by
 * copying the national format and changing its tables — no code of the
 * parser knows it — and a report written in it.
 */
#define TOY_ED ((gr_edition) 3)

static const char *const toy_fingerprints[] = {"本年新发件数", "累计有效件数", NULL};
static gr_edition_def toy_editions[3];
static gr_rowdef toy_rows[3][GR_T3_NROWS];
static gr_coldef toy_cols[3][T2_NCOLS];
static gr_tabledef toy_tables[3];

/* The toy edition prints what gb2021 prints, except the columns of 表二. */
static void
toy_declare(void)
{
	const gr_spec *nat = &gr_spec_national;
	static const unsigned cols_in_toy[GR_T2_NROWS] = {
		[GR_R2_rules] = (1u << T2C_ISSUED) | (1u << T2C_IN_FORCE),
		[GR_R2_norm_docs] = (1u << T2C_ISSUED) | (1u << T2C_IN_FORCE),
		[GR_R2_licensing] = 1u << T2C_DECISIONS,
	};

	memcpy(toy_editions, nat->editions, sizeof(gr_edition_def) * (size_t) nat->neditions);
	toy_editions[nat->neditions - 1].last_year = 2029;	/* gb2021 serves until the toy begins */
	toy_editions[nat->neditions] = (gr_edition_def) {TOY_ED, "toy2030", "（单元测试用）", 2030, 0, toy_fingerprints};
	for (int t = 0; t < 3; t++)
	{
		const gr_tabledef *td = &nat->tables[t];

		toy_tables[t] = *td;
		memcpy(toy_rows[t], td->rows, sizeof(gr_rowdef) * (size_t) td->nrows);
		memcpy(toy_cols[t], td->cols, sizeof(gr_coldef) * (size_t) td->ncols);
		for (int r = 0; r < td->nrows; r++)
		{
			gr_rowdef  *row = &toy_rows[t][r];

			if (t == GR_T2)
			{
				row->cols[TOY_ED] = cols_in_toy[r];
				row->printed = (row->printed & ~GR_ED_MASK(TOY_ED)) | (cols_in_toy[r] ? GR_ED_MASK(TOY_ED) : 0);
			}
			else
			{
				row->printed |= row->printed & GR_M21 ? GR_ED_MASK(TOY_ED) : 0;
				row->derived |= row->derived & GR_M21 ? GR_ED_MASK(TOY_ED) : 0;
			}
		}
		for (int c = 0; c < td->ncols; c++)
			toy_cols[t][c].derived |= toy_cols[t][c].derived & GR_M21 ? GR_ED_MASK(TOY_ED) : 0;
		toy_tables[t].rows = toy_rows[t];
		toy_tables[t].cols = toy_cols[t];
	}
	/* the toy's own header words */
	toy_cols[GR_T2][T2C_ISSUED].labels[2] = "本年新发件数";
	toy_cols[GR_T2][T2C_IN_FORCE].labels[2] = "累计有效件数";
}

static double
cell_value(const gr_report *rep, const char *key)
{
	int			k = gr_key_find(key, strlen(key));

	if (k < 0 || rep->cells[k].state != GR_CELL_NUMBER)
		return -1;
	return (double) rep->cells[k].mant / (double) gr_num_pow10(rep->cells[k].scale);
}

/* The votes of a 表二 cell of text s in the format in use, into votes[GR_NED]. */
static void
votes_of(const char *s, int *votes)
{
	gr_ctx		ctx;

	memset(votes, 0, sizeof(int) * GR_NED);
	gr_ctx_init(&ctx, &test_env, &test_err);
	gr_t2_text_votes(&ctx, s, strlen(s), votes);
}

static void
test_toy_edition(void)
{
	gr_spec		toy;
	const char *text =
		"某县2030年政府信息公开工作年度报告\n"
		"一、总体情况\n本年度做了许多工作。\n"
		"二、主动公开政府信息情况\n"
		"第二十条第（一）项\n"
		"信息内容\t本年新发件数\t累计有效件数\n"
		"规章\t1\t5\n"
		"规范性文件\t2\t7\n"
		"三、收到和处理政府信息公开申请情况\n本年度未收到政府信息公开申请。\n";
	gr_report  *rep;
	int			repealed;
	int			national[3][GR_NED],
				in_toy[2][GR_NED];

	votes_of("本年制发件数", national[0]);
	toy_declare();
	toy.editions = toy_editions;
	toy.neditions = gr_spec_national.neditions + 1;
	toy.tables = toy_tables;
	gr_spec_use(&toy);
	repealed = gr_key_find("t2.rules.repealed", strlen("t2.rules.repealed"));	/* keys follow the format */
	/*
	 * A header word's votes are kept by text (gr_cols_t2.c): the national
	 * format's must not answer in the toy's, where gb2021 shares the
	 * column, nor the toy's back in the national one.
	 */
	votes_of("本年制发件数", in_toy[0]);
	votes_of("本年制发件数", in_toy[1]);
	CHECK(national[0][GR_ED_2021] == 1 && in_toy[0][GR_ED_2021] == 0 && in_toy[1][GR_ED_2021] == 0,
		  "toy edition: 本年制发件数 votes for gb2021 in the national format only (%d, toy %d %d)",
		  national[0][GR_ED_2021], in_toy[0][GR_ED_2021], in_toy[1][GR_ED_2021]);
	rep = parse_str(text);
	CHECK(rep != NULL && rep->edition == TOY_ED && !rep->edition_mixed &&
		  gr_edition_name(rep->edition) && strcmp(gr_edition_name(rep->edition), "toy2030") == 0,
		  "toy edition: the report is read as toy2030 (%s)",
		  rep && gr_edition_name(rep->edition) ? gr_edition_name(rep->edition) : "NULL");
	CHECK(rep != NULL && cell_value(rep, "t2.rules.issued") == 1 && cell_value(rep, "t2.rules.in_force") == 5 &&
		  cell_value(rep, "t2.norm_docs.issued") == 2 && cell_value(rep, "t2.norm_docs.in_force") == 7,
		  "toy edition: its columns placed under its own headers");
	CHECK(rep != NULL && rep->cells[repealed].state == GR_CELL_ABSENT,
		  "toy edition: a column it does not print is absent (state %d)", rep ? (int) rep->cells[repealed].state : -1);
	CHECK(gr_edition_for_year(2031) == TOY_ED, "toy edition: years from its data");
	CHECK(rep != NULL && gr_check(&test_env, rep, 0, &test_err) == GR_OK, "toy edition: the rules run");
	gr_spec_use(NULL);
	rep = parse_str(text);
	CHECK(rep != NULL && rep->edition != TOY_ED && gr_edition_for_year(2031) == GR_ED_2021,
		  "toy edition: back to the national format, which knows no toy");
	votes_of("本年制发件数", national[1]);
	votes_of("本年制发件数", national[2]);
	CHECK(national[1][GR_ED_2021] == 1 && national[2][GR_ED_2021] == 1,
		  "toy edition: back in the national format, 本年制发件数 votes for gb2021 again (%d %d)",
		  national[1][GR_ED_2021], national[2][GR_ED_2021]);
}

/*
 * A cell's text as written (gr_cell_raw) is cut from the input when asked,
 * not when the cell is placed: full-width digits and separators come back
 * as written, through CRLF breaks (the maps' anchors), from the report the
 * cell belongs to when another was parsed since, and from a shallow copy
 * that was checked.
 */
static void
test_cell_text(void)
{
	const char *a_text =
		"某县2021年政府信息公开工作年度报告\r\n"
		"二、主动公开政府信息情况\r\n"
		"第二十条第（一）项\r\n"
		"信息内容\t本年制发件数\t本年废止件数\t现行有效件数\r\n"
		"规章\t１２\t0\t1,234\r\n"
		"行政规范性文件\t 7 \t—\t？\r\n";
	const char *b_text =
		"某市2021年政府信息公开工作年度报告\n"
		"二、主动公开政府信息情况\n"
		"第二十条第（一）项\n"
		"信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
		"规章\t5\t6\t8\n";
	int			issued = gr_key_find("t2.rules.issued", strlen("t2.rules.issued"));
	int			in_force = gr_key_find("t2.rules.in_force", strlen("t2.rules.in_force"));
	int			nd_issued = gr_key_find("t2.norm_docs.issued", strlen("t2.norm_docs.issued"));
	int			nd_repealed = gr_key_find("t2.norm_docs.repealed", strlen("t2.norm_docs.repealed"));
	int			nd_in_force = gr_key_find("t2.norm_docs.in_force", strlen("t2.norm_docs.in_force"));
	int			absent = gr_key_find("t3.new_received.total", strlen("t3.new_received.total"));
	gr_report  *a = parse_str(a_text);
	gr_report  *b = NULL;
	gr_report	copy;
	ta_arena	b_arena = {0};	/* parse_str's arena is a's: b gets one of its own */
	gr_env		b_env = ta_env(&b_arena);
	gr_error	b_err;

	CHECK(a != NULL && cell_value(a, "t2.rules.issued") == 12 &&
		  str_eq(gr_cell_raw(a, &a->cells[issued]), "１２"),
		  "cell text: full-width digits read as 12, written back as １２");
	CHECK(a != NULL && cell_value(a, "t2.rules.in_force") == 1234 &&
		  str_eq(gr_cell_raw(a, &a->cells[in_force]), "1,234"),
		  "cell text: 1,234 read as 1234, written back with its separator");
	CHECK(a != NULL && str_eq(gr_cell_raw(a, &a->cells[nd_issued]), "7") &&
		  a->cells[nd_repealed].state == GR_CELL_DASH && str_eq(gr_cell_raw(a, &a->cells[nd_repealed]), "—") &&
		  a->cells[nd_in_force].state == GR_CELL_TEXT && str_eq(gr_cell_raw(a, &a->cells[nd_in_force]), "？"),
		  "cell text: trimmed, a dash and a text cell as written");
	CHECK(a != NULL && a->cells[absent].state == GR_CELL_ABSENT && gr_cell_raw(a, &a->cells[absent]).len == 0,
		  "cell text: a cell nothing was read into has none");
	if (gr_parse(&b_env, b_text, strlen(b_text), &b, &b_err) != GR_OK)
		b = NULL;
	CHECK(a != NULL && b != NULL && str_eq(gr_cell_raw(b, &b->cells[issued]), "5") &&
		  str_eq(gr_cell_raw(a, &a->cells[issued]), "１２") && str_eq(gr_cell_raw(a, &a->cells[in_force]), "1,234"),
		  "cell text: each report's cells cut from its own text, another parse since");
	if (a != NULL)
	{
		copy = *a;
		CHECK(gr_check(&test_env, &copy, 0, &test_err) == GR_OK &&
			  str_eq(gr_cell_raw(&copy, &copy.cells[in_force]), "1,234") &&
			  str_eq(gr_cell_raw(a, &a->cells[in_force]), "1,234"),
			  "cell text: the same from a checked shallow copy and from the report");
	}
	ta_arena_free(&b_arena);
}

/* A cell where a number belongs that is not one keeps its slot: the others stay aligned. */
static void
test_malformed_cells(void)
{
	const char *text =
		"某县2021年政府信息公开工作年度报告\n"
		"二、主动公开政府信息情况\n"
		"第二十条第（一）项\n"
		"信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
		"规章\t1\t?\t3\n"
		"行政规范性文件\t--253\t0\t12件3\n"
		"三、收到和处理政府信息公开申请情况\n"
		"一、本年新收政府信息公开申请数量\t1\t12件3\t0\t0\t0\t0\t13\n";
	gr_report  *rep = parse_str(text);
	int			rep_k = gr_key_find("t2.rules.repealed", strlen("t2.rules.repealed"));
	int			nd_k = gr_key_find("t2.norm_docs.issued", strlen("t2.norm_docs.issued"));
	int			b_k = gr_key_find("t3.new_received.business", strlen("t3.new_received.business"));

	CHECK(rep != NULL && cell_value(rep, "t2.rules.issued") == 1 && cell_value(rep, "t2.rules.in_force") == 3 &&
		  rep->cells[rep_k].state == GR_CELL_TEXT && str_eq(gr_cell_raw(rep, &rep->cells[rep_k]), "?"),
		  "malformed cell: ? keeps its slot in 表二, its neighbours placed");
	CHECK(rep != NULL && rep->cells[nd_k].state == GR_CELL_TEXT && str_eq(gr_cell_raw(rep, &rep->cells[nd_k]), "--253") &&
		  cell_value(rep, "t2.norm_docs.repealed") == 0, "malformed cell: --253 read as text, not as a number");
	CHECK(rep != NULL && rep->cells[b_k].state == GR_CELL_TEXT && cell_value(rep, "t3.new_received.total") == 13 &&
		  cell_value(rep, "t3.new_received.research") == 0, "malformed cell: 12件3 keeps its slot in 表三");
}

/*
 * Text without line structure (a crawler's one-line page): headings and
 * table rows inline, a row's digits glued.  A cell is read only where the
 * row's arithmetic leaves one reading; with two, the row stays NULL.
 */
static void
test_glued_text(void)
{
	char		text[4096];
	gr_report  *rep;
	int			amb = -1,
				ok_row = -1;

	snprintf(text, sizeof(text), "标题: 某县2021年政府信息公开工作年度报告\n%s",
			 "某县2021年政府信息公开工作年度报告 一、总体情况 2021年，本县认真贯彻《条例》，全年主动公开政府信息。"
			 "本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。"
			 "二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 000"
			 "行政规范性文件123456第二十条第（五）项信息内容本年处理决定数量行政许可2418"
			 "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
			 "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
			 "一、本年新收政府信息公开申请数量120000012二、上年结转政府信息公开申请数量0000000"
			 "三、本年度办理结果（一）予以公开110000011（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000"
			 "（七）总计120000012四、结转下年度继续办理0000000 "
			 "四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
			 "未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
			 "100010100100000"
			 "五、存在的主要问题及改进情况 一是公开内容有待丰富。二是解读形式有待创新。六、其他需要报告的事项 本年度未收取信息处理费。");
	rep = parse_str(text);
	CHECK(rep != NULL && rep->nsections == 7, "glued text: the six headings found inline (%d sections)",
		  rep ? rep->nsections : -1);
	if (rep == NULL)
		return;
	CHECK(str_eq(rep->title, "某县2021年政府信息公开工作年度报告") && str_eq(rep->org, "某县"),
		  "glued text: the crawler's 标题: is not part of the title (%.*s)", (int) rep->title.len, rep->title.ptr);
	CHECK(cell_value(rep, "t3.new_received.natural_person") == 12 && cell_value(rep, "t3.new_received.total") == 12 &&
		  cell_value(rep, "t3.new_received.business") == 0 &&
		  rep->cells[gr_key_find("t3.new_received.total", strlen("t3.new_received.total"))].by_sum,
		  "glued text: 120000012 has one reading under 总计 = Σ applicants, marked read by arithmetic");
	CHECK(rep->cells[gr_key_find("t3.granted.natural_person", strlen("t3.granted.natural_person"))].state == GR_CELL_UNPLACED,
		  "glued text: 110000011 has two readings (11 0 … 11, 1 10 … 11): NULL");
	CHECK(cell_value(rep, "t3.granted.total") == 11 && cell_value(rep, "t3.granted.research") == 0 &&
		  rep->cells[gr_key_find("t3.granted.business", strlen("t3.granted.business"))].state == GR_CELL_UNPLACED,
		  "glued text: … but both readings cut 科研机构 … 总计 alike: those cells are certain");
	CHECK(cell_value(rep, "t2.licensing.decisions") == 2418 && cell_value(rep, "t2.rules.in_force") == 0 &&
		  rep->cells[gr_key_find("t2.norm_docs.issued", strlen("t2.norm_docs.issued"))].state == GR_CELL_UNPLACED,
		  "glued text: one column is one number, 000 is three zeros, 123456 in three columns is NULL");
	CHECK(cell_value(rep, "t4.review.total") == 1 && cell_value(rep, "t4.suit_direct.total") == 1 &&
		  cell_value(rep, "t4.suit_after_review.total") == 0 && cell_value(rep, "t4.review.corrected") == 0,
		  "glued text: 表四's fifteen cells from its three totals");
	for (int i = 0; i < rep->nfindings; i++)
	{
		if (strcmp(rep->findings[i].rule, "R-PARSE-07") == 0)
			amb = i;
		if (strcmp(rep->findings[i].rule, "R-PARSE-06") == 0)
			ok_row = i;
	}
	CHECK(amb >= 0 && ok_row >= 0, "glued text: findings say which rows were read by arithmetic and which were not");
}

/* Labels with notes, pinyin glosses and a converter's words match their rows. */
static void
test_label_noise(void)
{
	const char *text =
		"某县2021年政府信息公开工作年度报告\n"
		"二、主动公开政府信息情况\n"
		"第二十条第（一）项\n"
		"信息內容\t本年制發(fā)件數(shù)\t本年廢止件數(shù)\t現行有效件數(shù)\n"
		"規(guī)章(设区的市、自治州人民政府应提供相关数据)\t1\t0\t3\n"
		"行政規範性檔案(行政机关制定发布的对公民、法人和其他组织具有普遍约束力的公文)\t4\t1\t9\n";
	gr_report  *rep = parse_str(text);

	CHECK(rep != NULL && cell_value(rep, "t2.rules.issued") == 1 && cell_value(rep, "t2.rules.in_force") == 3,
		  "label noise: 規(guī)章 with a bracketed instruction is 规章");
	CHECK(rep != NULL && cell_value(rep, "t2.norm_docs.issued") == 4 && cell_value(rep, "t2.norm_docs.in_force") == 9,
		  "label noise: 行政規範性檔案 (a zh-TW converter's 文件) with a long note is 行政规范性文件");
	/* pdftotext's columns: 規 with its numbers, its gloss and 章 on the line below */
	rep = parse_str("某县2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
					"信息內容          本年制發(fā)件數(shù)     本年廢止件數(shù)     現行有效件數(shù)\n"
					"規                       1                 0                 3\n"
					"(guī)章\n"
					"行政規範性文件           4                 1                 9\n");
	CHECK(rep != NULL && cell_value(rep, "t2.rules.issued") == 1 && cell_value(rep, "t2.rules.in_force") == 3 &&
		  cell_value(rep, "t2.norm_docs.issued") == 4,
		  "label noise: 規 / (guī)章, a label wrapped after its first character and its gloss, is 规章");
	/* every fingerprint glossed: the exact search finds none, the header's labels show gb2021 */
	rep = parse_str("某县2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
					"信息內容\t本年制發(fā)件數(shù)\t本年廢(fèi)止件數(shù)\t現(xiàn)行有效件數(shù)\n規(guī)章\t1\t0\t3\n");
	CHECK(rep != NULL && rep->fp2021 == 0 && rep->fp2019 == 0 && rep->edition == GR_ED_2021 &&
		  cell_value(rep, "t2.rules.in_force") == 3,
		  "label noise: no fingerprint left unglossed, the edition is what 表二's header shows (gb2021 in a 2020 report)");
	rep = parse_str("某县2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
					"信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t3\n行政规范性文件\n"
					"其他主动公开文件\t7\t7\t7\n");
	CHECK(rep != NULL && cell_value(rep, "t2.norm_docs.issued") < 0 && rep->nfindings > 0 &&
		  strcmp(rep->findings[0].rule, "R-PARSE-08") == 0,
		  "unknown row: 其他主动公开文件's numbers are kept apart, never merged into 行政规范性文件, and reported");
}

/* The prose's counts of review and litigation cases are facts of the report. */
static void
test_case_counts(void)
{
	gr_report  *rep = parse_str("某县2023年政府信息公开工作年度报告\n一、总体情况\n本年度做了许多工作。\n"
								"四、政府信息公开行政复议、行政诉讼情况\n本年度共发生行政复议案件2件，行政诉讼7件。\n"
								"五、存在的主要问题及改进情况\n无。\n");

	CHECK(rep != NULL && rep->facts.review_cases.stated && rep->facts.review_cases.value.mant == 2 &&
		  rep->facts.suit_cases.stated && rep->facts.suit_cases.value.mant == 7 && rep->facts.suit_cases.line == 5,
		  "facts: 行政复议案件2件，行政诉讼7件 read once at parse time, with their line");
}

/*
 * Cells ended by '|', one a line: the convention is the region's, so a
 * lone '|' is an empty cell, "| 25 |" an empty cell then 25, and filler
 * pipes after a row's last cell open no row (issue 8).
 */
static void
test_pipe_region(void)
{
	const char *text =
		T3_REPORT_HEAD
		"自然人 |\n商业企业 |\n科研机构 |\n社会公益组织 |\n法律服务机构 |\n其他 |\n总计 |\n"
		"一、本年新收政府信息公开申请数量 |\n3 |\n|\n| 25 |\n0 |\n0 |\n28 | ||||||||\n"
		"二、上年结转政府信息公开申请数量 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n";
	gr_report  *rep = parse_str(text);
	int			b = gr_key_find("t3.new_received.business", strlen("t3.new_received.business"));
	int			r = gr_key_find("t3.new_received.research", strlen("t3.new_received.research"));

	CHECK(rep != NULL && cell_value(rep, "t3.new_received.natural_person") == 3 &&
		  rep->cells[b].state == GR_CELL_BLANK && rep->cells[r].state == GR_CELL_BLANK &&
		  cell_value(rep, "t3.new_received.public_welfare") == 25 && cell_value(rep, "t3.new_received.total") == 28 &&
		  cell_value(rep, "t3.carried_in.total") == 0,
		  "pipe region: | is empty, | 25 | is empty then 25, filler pipes open no row");
}

/*
 * Grid tables whose labels wrap within their column (pandoc's plain text
 * of a page): a row's lines between two border lines are one row, each
 * column's pieces joined; its numbers are the row's, not blank cells of
 * the label's last piece.  Rows with ragged pipes, or under Markdown's
 * "|---|" (no '+'), stay lines.
 */
static void
test_grid_rows(void)
{
	const char *text =
		T3_REPORT_HEAD
		"+----------+--------+----------+----------+------------+------------+------+------+\n"
		"|          | 自然人 | 商业企业 | 科研机构 | 社会公益组 | 法律服务机 | 其他 | 总计 |\n"
		"|          |        |          |          | 织         | 构         |      |      |\n"
		"+==========+========+==========+==========+============+============+======+======+\n"
		"| 一、本年 | 26     |          | 3        |            |            |      | 29   |\n"
		"| 新收政府 |        |          |          |            |            |      |      |\n"
		"| 信息公开 |        |          |          |            |            |      |      |\n"
		"| 申请数量 |        |          |          |            |            |      |      |\n"
		"+----------+--------+----------+----------+------------+------------+------+------+\n"
		"| 二、上年 | 0      | 1        |          |            |            |      | 1    |\n"
		"| 结转政府 |        |          |          |            |            |      |\n"
		"| 信息公开申请数量 |\n"
		"+----------+--------+----------+----------+------------+------------+------+------+\n";
	gr_report  *rep = parse_str(text);
	int			b = gr_key_find("t3.new_received.business", strlen("t3.new_received.business"));
	int			c = gr_key_find("t3.carried_in.total", strlen("t3.carried_in.total"));
	const char *md =
		"| 申请 | 1 |\n|---|---|\n| 一、本年新收 | 2 |\n| 政府信息公开申请数量 | |\n|---|---|\n";
	const char *out;
	size_t		outlen;
	int		   *lines,
				nlines;
	gr_ctx	   *ctx;

	CHECK(rep != NULL && cell_value(rep, "t3.new_received.natural_person") == 26 &&
		  rep->cells[b].state == GR_CELL_BLANK && cell_value(rep, "t3.new_received.research") == 3 &&
		  cell_value(rep, "t3.new_received.total") == 29 && rep->cells[gr_key_find("t3.new_received.total", strlen("t3.new_received.total"))].line == 7,
		  "grid table: a row's lines are one row, its label's pieces joined, its line the first");
	CHECK(rep != NULL && rep->cells[c].state != GR_CELL_NUMBER,
		  "grid table: a row with ragged pipes is not joined, its numbers not placed by a guess");
	CHECK(!gr_gridtab_has_rows(md, strlen(md)), "grid table: Markdown's |---| is no border line");
	{
		const char *rst =
			"某县2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
			"+------+------+------+------+------+------+------+------+\n"
			"|      |自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|\n"
			"+------+------+------+------+------+------+------+------+\n"
			"| 四、结转下年度继续办理 | 72 |  |  |  |  |  | 72 |\n"
			"+------+------+------+------+------+------+------+------+\n\n| \n| 四、政府信息公开行政复议、行政诉讼情况\n";

		rep = parse_str(rst);
		CHECK(rep != NULL && cell_value(rep, "t3.carried_out.natural_person") == 72 &&
			  cell_value(rep, "t3.carried_out.total") == 72,
			  "grid table: reStructuredText's empty line-block line after it is no cell of its last row");
	}

	ctx = new_ctx();
	CHECK(gr_gridtab_join(ctx, text, strlen(text), &out, &outlen, &lines, &nlines) == GR_OK &&
		  outlen < strlen(text) && nlines == 11 && lines[3] == 4 && lines[4] == 6 && lines[5] == 7 &&
		  lines[6] == 11 && lines[7] == 12,
		  "grid table: the joined text is shorter, each line mapped to its input line");
}

/*
 * Tables as other tools draw them, each cell as it must read: html2text's
 * underscores, box-drawn rows of several lines, tables with a border
 * around their body only, Markdown's short rows, raw HTML around Markdown,
 * labels spaced out by a PDF (and the shapes a review of those readers
 * found read wrongly).
 */
typedef struct shape_cell
{
	const char *key;
	char		state;			/* 'N' the number, 'B' blank, 'X' not blank, and if a number the number */
	long long	value;
} shape_cell;

typedef struct shape_case
{
	const char *name;
	const char *text;
	shape_cell	cells[8];
} shape_case;

static void
test_shapes(void)
{
	static const shape_case cases[] = {
		{"html2text's cells: underscores are a border, a cell of them empty",
			T3_REPORT_HEAD
			" ______________________________________\n"
			"|                 |自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|\n"
			"|一、本年新收政府信息公开申请数量_______|26_|__|3___|______|______|__|29|\n"
			"|二、上年结转政府信息公开申请数量_______|0__|__|__|______|______|__|0_|\n",
			{{"t3.new_received.natural_person", 'N', 26}, {"t3.new_received.business", 'B', 0},
			 {"t3.new_received.research", 'N', 3}, {"t3.new_received.total", 'N', 29},
			 {"t3.carried_in.natural_person", 'N', 0}, {"t3.carried_in.other_org", 'B', 0},
			 {"t3.carried_in.total", 'N', 0}}},
		{"box-drawn rows of several lines, numbers on the second: the label's line of empty cells is not the row's",
			T3_REPORT_HEAD
			"┌────────────────────┬──────┬──────┬──────┬──────┬──────┬──────┬──────┐\n"
			"│                    │自然人│商业企│科研机│社会公│法律服│其他  │总计  │\n"
			"│                    │      │业    │构    │益组织│务机构│      │      │\n"
			"├────────────────────┼──────┼──────┼──────┼──────┼──────┼──────┼──────┤\n"
			"│一、本年新收政府信息│ 5    │      │      │      │      │      │ 5    │\n"
			"│公开申请数量        │      │      │      │      │      │      │      │\n"
			"├────────────────────┼──────┼──────┼──────┼──────┼──────┼──────┼──────┤\n"
			"│二、上年结转政府信息│      │      │      │      │      │      │      │\n"
			"│公开申请数量        │ 2    │      │      │      │      │      │ 2    │\n"
			"│                    │      │      │      │      │      │      │      │\n"
			"├────────────────────┼──────┼──────┼──────┼──────┼──────┼──────┼──────┤\n"
			"│四、结转下年度继续办│      │      │      │      │      │      │      │\n"
			"│理                  │      │      │      │      │      │      │      │\n"
			"└────────────────────┴──────┴──────┴──────┴──────┴──────┴──────┴──────┘\n",
			{{"t3.carried_in.natural_person", 'X', 2}, {"t3.carried_in.total", 'X', 2}}},
		{"a table with a border around its body only (prettytable): each line a row",
			"某某局2023年政府信息公开工作年度报告\n"
			"\n"
			"一、总体情况\n"
			"\n"
			"本年度工作情况如下。\n"
			"\n"
			"二、主动公开政府信息情况\n"
			"\n"
			"+------------------+--------------+--------------+--------------+\n"
			"| 信息内容         | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
			"+------------------+--------------+--------------+--------------+\n"
			"| 规章             | 1            | 2            | 3            |\n"
			"| 规范性文件       | 4            | 5            | 6            |\n"
			"+------------------+--------------+--------------+--------------+\n"
			"\n"
			"+------------------+------------------+\n"
			"| 信息内容         | 本年处理决定数量 |\n"
			"+------------------+------------------+\n"
			"| 行政许可         | 7                |\n"
			"+------------------+------------------+\n"
			"\n"
			"+------------------+------------------+\n"
			"| 信息内容         | 本年处理决定数量 |\n"
			"+------------------+------------------+\n"
			"| 行政处罚         | 8                |\n"
			"| 行政强制         | 9                |\n"
			"+------------------+------------------+\n"
			"\n"
			"四、政府信息公开行政复议、行政诉讼情况\n"
			"\n"
			"无。\n",
			{{"t2.rules.in_force", 'N', 3}, {"t2.norm_docs.issued", 'N', 4}, {"t2.coercion.decisions", 'N', 9}}},
		{"an org-mode table: each line a row",
			"某某局2023年政府信息公开工作年度报告\n"
			"\n"
			"二、主动公开政府信息情况\n"
			"\n"
			"| 信息内容   | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
			"|------------+--------------+--------------+--------------|\n"
			"| 规章       | 1            | 2            | 3            |\n"
			"| 规范性文件 | 4            | 5            | 6            |\n"
			"|------------+--------------+--------------+--------------|\n"
			"\n"
			"| 信息内容 | 本年处理决定数量 |\n"
			"|----------+------------------|\n"
			"| 行政许可 | 7                |\n",
			{{"t2.rules.issued", 'N', 1}, {"t2.norm_docs.in_force", 'N', 6}}},
		{"a Markdown row shorter than its header: blank",
			"某某局2023年政府信息公开工作年度报告\n"
			"\n"
			"二、主动公开政府信息情况\n"
			"\n"
			"| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
			"|---|---|---|---|\n"
			"| 规章 | | |\n"
			"| 规范性文件 | 1 | 2 | 3 |\n"
			"\n"
			"| 信息内容 | 本年处理决定数量 |\n"
			"|---|---|\n"
			"| 行政许可 | 5 |\n",
			{{"t2.rules.issued", 'B', 0}, {"t2.rules.in_force", 'B', 0}, {"t2.norm_docs.repealed", 'N', 2}}},
		{"a blank Markdown row before a row the format has not: blank",
			"某某局2023年政府信息公开工作年度报告\n"
			"\n"
			"二、主动公开政府信息情况\n"
			"\n"
			"| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
			"|---|---|---|---|\n"
			"| 规章 | 1 | 2 | 3 |\n"
			"| 规范性文件 | | | |\n"
			"| 其他主动公开文件 | 7 | 0 | 7 |\n"
			"\n"
			"| 信息内容 | 本年处理决定数量 |\n"
			"|---|---|\n"
			"| 行政许可 | 5 |\n",
			{{"t2.norm_docs.issued", 'B', 0}, {"t2.rules.repealed", 'N', 2}}},
		{"raw HTML around Markdown: '<5 …' and '> 注' are text, the table stays",
			"# 某某局2023年政府信息公开工作年度报告\n"
			"\n"
			"<div class=\"content\">\n"
			"\n"
			"## 一、总体情况\n"
			"\n"
			"本年度办理时限<5 个工作日的申请占多数。\n"
			"\n"
			"## 二、主动公开政府信息情况\n"
			"\n"
			"| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
			"|---|---|---|---|\n"
			"| 规章 | 1 | 2 | 3 |\n"
			"| 规范性文件 | 4 | 5 | 6 |\n"
			"\n"
			"> 注：本表数据截至12月31日。\n"
			"\n"
			"</div>\n",
			{{"t2.rules.issued", 'N', 1}, {"t2.norm_docs.in_force", 'N', 6}}},
		{"raw HTML around Markdown: &#124; stays in its cell, &nbsp; is an empty cell",
			"# 某某局2023年政府信息公开工作年度报告\n"
			"\n"
			"<div class=\"content\">\n"
			"\n"
			"## 一、总体情况\n"
			"\n"
			"本年度情况&#10;如下。\n"
			"\n"
			"## 二、主动公开政府信息情况\n"
			"\n"
			"| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
			"|---|---|---|---|\n"
			"| 规章 | &nbsp; | 2 | 3 |\n"
			"| 规范性文件 | 4 | 5&#124;6 | 6 |\n"
			"\n"
			"</div>\n"
			"\n"
			"## 三、收到和处理政府信息公开申请情况\n"
			"\n"
			"x<y\n",
			{{"t2.rules.issued", 'B', 0}, {"t2.norm_docs.issued", 'N', 4}, {"t2.norm_docs.in_force", 'N', 6}}},
		{"a label a PDF spaced out to 71 characters is a label, not prose",
			T3_REPORT_HEAD
			"| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
			"|---|---|---|---|---|---|---|---|\n"
			"| 一、本年新收政府信息公开申请数量 | 9 | 0 | 0 | 0 | 0 | 0 | 9 |\n"
			"| 2. 申 请 人 逾 期 未 按 收 费 通 知 要 求 缴 纳 费 用 、 行 政 机 关 不 再 处 理 其 政 府 信 息 公 开 申 请 "
			"| 7 | 0 | 0 | 0 | 0 | 0 | 7 |\n"
			"| 3. 其 他 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n",
			{{"t3.other_unpaid_fee.natural_person", 'N', 7}, {"t3.other_unpaid_fee.total", 'N', 7},
			 {"t3.other_misc.total", 'N', 2}}},
		{"Markdown without its outer pipes (Python's html2text), rows ending in an empty cell: rows, not cells",
			T3_REPORT_HEAD
			"申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 | \n"
			"---|---|---|---|---|---|---|---|---\n"
			"一、本年新收政府信息公开申请数量 | 32 | 2 | 0 | 0 | 0 | 0 | 34 | \n"
			"二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | \n"
			"三、本年度办理结果 | （一）予以公开 | 9 | 0 | 0 | 0 | 0 | 0 | 9\n"
			"0 | 0 | 0 | 0 | 0 | 0 | 0\n"
			"（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n"
			"1.属于国家秘密\n"
			"5 | 0 | 0 | 0 | 0 | 0 | 5\n"
			"2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | \n",
			{{"t3.new_received.total", 'N', 34}, {"t3.carried_in.natural_person", 'N', 2},
			 {"t3.granted.total", 'N', 9}, {"t3.partial.total", 'N', 0}, {"t3.denied_secret.total", 'X', 5},
			 {"t3.denied_law.total", 'N', 0}}},
		{"a web page's text cell among a row's values, under a label's colspan: the values by their columns",
			"<html><body><p>某县2021年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p>"
			"<table><tr><td colspan=\"3\" rowspan=\"2\">申请人情况</td><td rowspan=\"2\">自然人</td>"
			"<td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr><tr><td>商业企业</td><td>科研机构</td>"
			"<td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"
			"<tr><td colspan=\"3\">一、本年新收政府信息公开申请数量</td><td>26</td><td></td><td></td><td></td>"
			"<td></td><td></td><td>26</td></tr>"
			"<tr><td rowspan=\"2\">三、本年度办理结果</td><td colspan=\"2\">（一）予以公开</td><td>26</td><td></td>"
			"<td></td><td>第 13 页 共 9 页</td><td></td><td></td><td>26</td></tr>"
			"<tr><td colspan=\"2\">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td><td>0</td><td></td>"
			"<td></td><td></td><td></td><td></td><td>0</td></tr></table></body></html>",
			{{"t3.granted.natural_person", 'N', 26}, {"t3.granted.business", 'B', 0}, {"t3.granted.total", 'N', 26},
			 {"t3.partial.natural_person", 'N', 0}}},
		{"Markdown without outer pipes: a row whose first and last cells are empty keeps them",
			T3_REPORT_HEAD
			" |  |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计\n"
			"---|---|---|---|---|---|---|---|---|---\n"
			"三、本年度办理结果 | （一）予以公开 |  | 39 | 28 |  |  | 40 | 31797 | 31904\n"
			" | （二）部分公开（区分处理的，只计这一情形，不计其他情形） |  | 0 | 49 | 39 | 16 | 1 | 0 | \n",
			{{"t3.granted.natural_person", 'N', 39}, {"t3.partial.natural_person", 'N', 0},
			 {"t3.partial.business", 'N', 49}, {"t3.partial.other_org", 'N', 0}, {"t3.partial.total", 'B', 0}}},
		{"其它 written for 其他: the labels and the column read alike",
			T3_REPORT_HEAD
			"| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其它 | 总计 |\n"
			"|---|---|---|---|---|---|---|---|\n"
			"| 一、本年新收政府信息公开申请数量 | 9 | 0 | 0 | 0 | 0 | 1 | 10 |\n"
			"| 2.其它法律行政法规禁止公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |\n"
			"| 3.其它 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n",
			{{"t3.new_received.other_org", 'N', 1}, {"t3.denied_law.natural_person", 'N', 4},
			 {"t3.other_misc.total", 'N', 2}}},
		{"cells one per line: a row of fewer empty cells than columns, numbers after it, is not blank",
			T3_REPORT_HEAD
			"\t申请人情况\n\t自然人\n\t商业企业\n\t科研机构\n\t社会公益组织\n\t法律服务机构\n\t其他\n\t总计\n"
			"\n"
			"\t一、本年新收政府信息公开申请数量\n\t\n"
			"\n"
			"\t3\n\t0\n\t0\n\t0\n\t0\n\t0\n\t3\n"
			"\n"
			"\t二、上年结转政府信息公开申请数量\n\t1\n\t0\n\t0\n\t0\n\t0\n\t0\n\t1\n",
			{{"t3.new_received.natural_person", 'X', 3}, {"t3.new_received.total", 'X', 3},
			 {"t3.carried_in.natural_person", 'N', 1}, {"t3.carried_in.total", 'N', 1}}},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		gr_report  *rep = parse_str(cases[i].text);
		const char *bad = rep ? NULL : "no report";

		for (int k = 0; k < 8 && cases[i].cells[k].key && !bad; k++)
		{
			const shape_cell *c = &cases[i].cells[k];
			int			key = gr_key_find(c->key, strlen(c->key));

			if (key < 0)
				bad = c->key;
			else if (c->state == 'B' ? rep->cells[key].state != GR_CELL_BLANK :
					 c->state == 'X' ? (rep->cells[key].state == GR_CELL_BLANK ||
										(rep->cells[key].state == GR_CELL_NUMBER && cell_value(rep, c->key) != c->value)) :
					 (rep->cells[key].state != GR_CELL_NUMBER || cell_value(rep, c->key) != c->value))
				bad = c->key;
		}
		CHECK(bad == NULL, "shapes: %s%s%s", cases[i].name, bad ? ": wrong " : "", bad ? bad : "");
	}
}

/* Does the message hold the text? */
static bool
find_in(gr_str msg, const char *text)
{
	size_t		n = strlen(text);

	for (uint32_t i = 0; msg.ptr && i + n <= msg.len; i++)
		if (memcmp(msg.ptr + i, text, n) == 0)
			return true;
	return false;
}

/*
 * Rows of values whose labels the extractor put elsewhere (shanghai-office
 * 2025): placed where the format's order leaves one way, never otherwise.
 */
static void
test_loose_rows(void)
{
	static const char head[] =
		T3_REPORT_HEAD
		"| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
		"|---|---|---|---|---|---|---|---|\n"
		"| 一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n"
		"5.要求行政机关确认或重新出具已获取信息\n";
	static const char tail[] =
		"| 4.无正当理由大量反复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
		"| 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
		"| 行政机关不再处理其政府信息公 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n"
		"| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
		"四、结转下年度继续办理\n";
	char		text[2048];
	gr_report  *rep;

	/* both labels printed apart: the two runs are those rows, in order */
	snprintf(text, sizeof(text), "%s%s%s", head, "1.申请人无正当理由逾期不补正、\n", tail);
	rep = parse_str(text);
	CHECK(rep != NULL && cell_value(rep, "t3.declined_reconfirm.total") == 2 &&
		  cell_value(rep, "t3.other_no_supplement.natural_person") == 3 &&
		  cell_value(rep, "t3.other_unpaid_fee.total") == 0,
		  "loose rows: runs between two rows read are the rows whose labels stood apart, in order");
	/* no certainty, nothing placed: two bare runs and one label apart; a run short of a column */
	for (int i = 0; i < 2; i++)
	{
		snprintf(text, sizeof(text), "%s%s%s%s%s", head, i == 0 ? "" : "1.申请人无正当理由逾期不补正、\n",
				 "| 4.无正当理由大量反复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n",
				 i == 0 ? "| 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n" : "| 2 | 0 | 0 | 0 | 0 | 2 |\n",
				 "| 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n"
				 "| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
				 "四、结转下年度继续办理\n");
		rep = parse_str(text);
		CHECK(rep != NULL && cell_value(rep, "t3.declined_reconfirm.total") == -1 &&
			  cell_value(rep, "t3.other_no_supplement.total") == -1,
			  i == 0 ? "loose rows: two runs and one label apart place nothing" :
			  "loose rows: a run of six values for seven columns places nothing");
		/* … and what is placed nowhere is said, each run with its values */
		{
			int			said = 0;

			for (int k = 0; rep && k < rep->nfindings; k++)
				if (strcmp(rep->findings[k].rule, "R-PARSE-09") == 0 &&
					(find_in(rep->findings[k].message, "：2 0 0 0 0 ") ||
					 find_in(rep->findings[k].message, "：3 0 0 0 0 0 3")))
					said++;
			CHECK(said == 2, "loose rows: each run placed nowhere has its R-PARSE-09 with its values (%d)", said);
		}
	}
	/* numbers no row took before a label alone: the values after it may be theirs */
	snprintf(text, sizeof(text), "%.*s%s", (int) (strstr(head, "5.要求") - head), head,
			 "| 4 | 0 | 0 | 0 | 0 | 0 | 4 |\n"
			 "3.补正后申请内容仍不明确\n"
			 "| 6 | 0 | 0 | 0 | 0 | 0 | 6 |\n"
			 "| 1.信访举报投诉类申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n");
	rep = parse_str(text);
	CHECK(rep != NULL && cell_value(rep, "t3.unable_unclear.total") == -1 &&
		  cell_value(rep, "t3.declined_petition.total") == 1,
		  "loose rows: values apart from their label after numbers no row took are not placed");
	/* … nor when a caption or a group's label stands between */
	snprintf(text, sizeof(text), "%.*s%s", (int) (strstr(head, "5.要求") - head), head,
			 "| 9 | 0 | 0 | 0 | 0 | 0 | 9 |\n"
			 "三、本年度办理结果\n"
			 "（一）予以公开\n"
			 "| 201 | 5 | 0 | 0 | 0 | 0 | 206 |\n"
			 "| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n");
	rep = parse_str(text);
	CHECK(rep != NULL && cell_value(rep, "t3.granted.total") == -1 && cell_value(rep, "t3.partial.total") == 1,
		  "loose rows: a caption between the numbers no row took and the next label changes nothing");
	/* a Markdown row of all its empty cells, another row's numbers on the next line: blank */
	snprintf(text, sizeof(text), "%.*s%s", (int) (strstr(head, "5.要求") - head), head,
			 "| 4.无正当理由大量反复申请 |  |  |  |  |  |  |  |\n"
			 "| 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n");
	rep = parse_str(text);
	{
		int			k = gr_key_find("t3.declined_excessive.natural_person", strlen("t3.declined_excessive.natural_person"));

		CHECK(rep != NULL && rep->cells[k].state == GR_CELL_BLANK,
			  "loose rows: a Markdown row of all its empty cells stays blank whatever follows");
	}
}

/*
 * A glued row of 表二 with several readings, read where section 一 states
 * its 本年制发件数 (pingtan 2023: 行政规范性文件77132470, 制发的规范性文件77件):
 * only the reading both allow, never a number the digits do not begin with.
 */
static void
test_stated_digits(void)
{
	static const char fmt[] =
		"标题: 某县2023年政府信息公开工作年度报告\n==================== 正文 ====================\n"
		"本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。 "
		"一、总体情况 2023年，某县扎实推进政务公开工作，围绕重点领域持续加强信息公开，不断提升公开质量和实效。"
		"完善政策文件库建设，规范网站页面设计，优化栏目设置，及时发布各类政府信息，加强政策解读和回应关切，"
		"常态化开展监测通报，定期进行提醒、督促、汇总。清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件%s件。 "
		"二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件%s"
		"第二十条第（五）项信息内容本年处理决定数量行政许可2629第二十条第（六）项信息内容本年处理决定数量行政处罚1330行政强制54"
		"第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费5949.088667 三、收到和处理政府信息公开申请情况 "
		"四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 无。 六、其他需要报告的事项 无。\n";
	char		text[4096];
	gr_report  *rep;
	int			ki = gr_key_find("t2.norm_docs.issued", strlen("t2.norm_docs.issued"));

	snprintf(text, sizeof(text), fmt, "77", "77132470");
	rep = parse_str(text);
	CHECK(rep != NULL && cell_value(rep, "t2.norm_docs.issued") == 77 &&
		  strcmp(gr_cell_state_name(&rep->cells[ki]), "by_text") == 0 &&
		  cell_value(rep, "t2.norm_docs.repealed") == -1 && cell_value(rep, "t2.norm_docs.in_force") == -1 &&
		  cell_value(rep, "t2.rules.issued") == 0,
		  "stated digits: 制发 77 in the prose reads 77132470's first column, the rest stays NULL");
	snprintf(text, sizeof(text), fmt, "78", "77132470");
	rep = parse_str(text);
	CHECK(rep != NULL && cell_value(rep, "t2.norm_docs.issued") == -1,
		  "stated digits: a number the digits do not begin with reads nothing");
	snprintf(text, sizeof(text), fmt, "77", "7710");
	rep = parse_str(text);
	CHECK(rep != NULL && cell_value(rep, "t2.norm_docs.issued") == 77 &&
		  cell_value(rep, "t2.norm_docs.repealed") == 1 && cell_value(rep, "t2.norm_docs.in_force") == 0,
		  "stated digits: the rest read too where it has one reading left (7710: 77|1|0)");
	{
		bool		said = false;

		for (int k = 0; rep && k < rep->nfindings; k++)
			said |= strcmp(rep->findings[k].rule, "R-PARSE-06") == 0 && find_in(rep->findings[k].message, "正文");
		CHECK(said, "stated digits: R-PARSE-06 says the row was read by the prose");
	}
}

/* One cell per line, one blank line apart: each further blank line is an empty cell (issue 8). */
static void
test_blank_lines(void)
{
	const char *text =
		T3_REPORT_HEAD
		"\n一、本年新收政府信息公开申请数量\n\n3\n\n\n0\n\n0\n\n0\n\n0\n\n3\n"
		"\n二、上年结转政府信息公开申请数量\n\n1\n\n0\n\n0\n\n0\n\n0\n\n0\n\n1\n";
	gr_report  *rep = parse_str(text);
	int			b = gr_key_find("t3.new_received.business", strlen("t3.new_received.business"));

	CHECK(rep != NULL && cell_value(rep, "t3.new_received.natural_person") == 3 &&
		  rep->cells[b].state == GR_CELL_BLANK && cell_value(rep, "t3.new_received.research") == 0 &&
		  cell_value(rep, "t3.new_received.total") == 3 && cell_value(rep, "t3.carried_in.total") == 1,
		  "blank lines: two blank lines between cells one blank line apart are an empty cell, placed by position");

	/* a row's last cell empty where the page ends: the extra blank line before the page mark is that cell */
	rep = parse_str("某县2021年政府信息公开工作年度报告\n"
					"三、收到和处理政府信息公开申请情况\n"
					"\n一、本年新收政府信息公开申请数量\n\n3\n\n\n0\n\n0\n\n0\n\n0\n\n\n— 2 —\n"
					"\n二、上年结转政府信息公开申请数量\n\n1\n\n0\n\n0\n\n0\n\n0\n\n0\n\n1\n");
	{
		int			t = gr_key_find("t3.new_received.total", strlen("t3.new_received.total"));

		CHECK(rep != NULL && cell_value(rep, "t3.new_received.natural_person") == 3 &&
			  rep->cells[b].state == GR_CELL_BLANK && cell_value(rep, "t3.new_received.other_org") == 0 &&
			  rep->cells[t].state == GR_CELL_BLANK && cell_value(rep, "t3.carried_in.total") == 1,
			  "blank lines: a row's last cell empty before a page mark is placed by position, blank");
	}
	/* a full row, then the page's margin before the mark: no empty cell is made of it */
	rep = parse_str("某县2021年政府信息公开工作年度报告\n"
					"三、收到和处理政府信息公开申请情况\n"
					"\n一、本年新收政府信息公开申请数量\n\n3\n\n\n0\n\n0\n\n0\n\n0\n\n3\n\n\n\n— 2 —\n"
					"\n二、上年结转政府信息公开申请数量\n\n1\n\n0\n\n0\n\n0\n\n0\n\n0\n\n1\n");
	CHECK(rep != NULL && cell_value(rep, "t3.new_received.natural_person") == 3 &&
		  rep->cells[b].state == GR_CELL_BLANK && cell_value(rep, "t3.new_received.total") == 3 &&
		  cell_value(rep, "t3.carried_in.total") == 1,
		  "blank lines: a full row followed by the page's margin and a page mark keeps its cells");
}

/* Page chrome: a <meta> publication date is read, a site's name after the title is not part of it. */
static void
test_page_chrome(void)
{
	const char *page =
		"<html><head><title>某县2021年政府信息公开工作年度报告_政府信息公开年报_某县人民政府</title>"
		"<meta name=\"PubDate\" content=\"2022-01-20 09:30\"></head><body>"
		"<p>某县2021年政府信息公开工作年度报告_政府信息公开年报_某县人民政府</p>"
		"<p>一、总体情况</p><p>本年度做了许多工作。</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>"
		"</body></html>";
	gr_report  *rep = parse_str(page);

	CHECK(rep != NULL && str_eq(rep->title, "某县2021年政府信息公开工作年度报告"),
		  "page chrome: the site's name after the title is cut (%.*s)", rep ? (int) rep->title.len : 0,
		  rep ? rep->title.ptr : "");
	CHECK(rep != NULL && date_eq(rep->published, 2022, 1, 20), "page chrome: <meta name=PubDate> is the publication date");

	/* a bare 时间： field of the chrome, full-width colon and spaces, an ISO date and a time */
	rep = parse_str("XX县财政局2023年政府信息公开工作年度报告\n来源：县财政局\u3000\u3000时间：2024-01-20 09:30\u3000浏览次数：12\n"
					"本报告统计期限为2023年1月1日至12月31日。\n一、总体情况\n二、主动公开政府信息情况\n");
	CHECK(rep != NULL && date_eq(rep->published, 2024, 1, 20), "page chrome: a bare 时间： field is the publication date");
	/* in a sentence, or below the headings, it is not */
	rep = parse_str("XX县财政局2023年政府信息公开工作年度报告\n本报告统计时间：2023年1月1日至12月31日。\n"
					"一、总体情况\n办理时间：2024年3月1日\n二、主动公开政府信息情况\n");
	CHECK(rep != NULL && rep->published.year == 0, "page chrome: 统计时间： in a sentence and 办理时间 in a section are no publication date");
}

/*
 * A page scraped from a GB2312 site keeps its <meta charset=gb2312>, but
 * the database gave its text as UTF-8: past libxml2's first piece of the
 * page (256 kB), the text is read as UTF-8 still, not decoded again.
 */
static void
test_page_charset(void)
{
	static const char head[] =
		"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>"
		"<p>某县2021年政府信息公开工作年度报告</p><p>一、总体情况</p>";
	static const char tail[] =
		"<p>三、收到和处理政府信息公开申请情况</p><table><tr><td>一、本年新收政府信息公开申请数量</td>"
		"<td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr></table>"
		"<p>四、政府信息公开行政复议、行政诉讼情况</p></body></html>";
	size_t		cap = sizeof(head) + sizeof(tail) + 12000 * 40,
				o;
	char	   *page = malloc(cap);
	gr_report  *rep;

	if (!page)
		return;
	o = (size_t) snprintf(page, cap, "%s", head);
	for (int i = 0; i < 12000; i++)
		o += (size_t) snprintf(page + o, cap - o, "<p>本年度做了许多工作。</p>\n");
	o += (size_t) snprintf(page + o, cap - o, "%s", tail);
	rep = parse(page, o);
	CHECK(o > 300 * 1024 && rep != NULL && rep->year == 2021 &&
		  cell_value(rep, "t3.new_received.natural_person") == 3 && cell_value(rep, "t3.new_received.total") == 3,
		  "page charset: a page of %zu kB that says gb2312 is read as UTF-8 past its first 256 kB", o / 1024);
	free(page);
}

/*
 * Inline elements do not count towards the depth past which a page is not
 * rendered (gr_html.c), so that taking Word's out (gr_html_slim.c) cannot
 * change what is read: a table inside 250 <font>s is read, one inside 250
 * <div>s is not.
 */
static void
test_page_inline_depth(void)
{
	static const char head[] =
		"<html><body><p>某县2021年政府信息公开工作年度报告</p><p>一、总体情况</p><p>三、收到和处理政府信息公开申请情况</p>";
	static const char table[] =
		"<table><tr><td>一、本年新收政府信息公开申请数量</td>"
		"<td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr></table>";
	static const char *const wrap[][2] = {{"<font>", "</font>"}, {"<div>", "</div>"}};
	bool		read[2];

	for (int w = 0; w < 2; w++)
	{
		size_t		cap = sizeof(head) + sizeof(table) + 250 * 16 + 64,
					o;
		char	   *page = malloc(cap);
		gr_report  *rep;

		if (!page)
			return;
		o = (size_t) snprintf(page, cap, "%s", head);
		for (int i = 0; i < 250; i++)
			o += (size_t) snprintf(page + o, cap - o, "%s", wrap[w][0]);
		o += (size_t) snprintf(page + o, cap - o, "%s", table);
		for (int i = 0; i < 250; i++)
			o += (size_t) snprintf(page + o, cap - o, "%s", wrap[w][1]);
		o += (size_t) snprintf(page + o, cap - o, "</body></html>");
		rep = parse(page, o);
		read[w] = rep != NULL && cell_value(rep, "t3.new_received.total") == 3;
		free(page);
	}
	CHECK(read[0] && !read[1], "page depth: a table inside 250 <font>s is read (%d), inside 250 <div>s not (%d)",
		  read[0], read[1]);
}

/* A message built in a buffer that cut it keeps whole characters only (gr_add_finding_built). */
static void
test_finding_cut(void)
{
	gr_report  *rep = parse_str("某县2021年政府信息公开工作年度报告\n一、总体情况\n");
	static const size_t caps[] = {7, 8, 9, 10, 4, 2};
	static const size_t want[] = {6, 6, 6, 9, 3, 1};
	bool		ok = rep != NULL;

	gr_ctx_init(&test_ctx, &test_env, &test_err);	/* the report's own arena */
	for (size_t i = 0; ok && i < sizeof(caps) / sizeof(caps[0]); i++)
	{
		char		buf[16];
		gr_fbuf		b;
		gr_finding *f;

		gr_fb_init(&b, buf, caps[i]);
		gr_fb_puts(&b, i == 5 ? "a表" : "表三表三");
		f = gr_add_finding_built(&test_ctx, rep, "R-TEST", GR_SEV_INFO, 0, &b);
		ok = f != NULL && f->message.len == want[i] &&
			gr_utf8_valid_prefix(f->message.ptr, f->message.len) == f->message.len;
		if (!ok)
			printf("# cap %zu: %u bytes kept, %zu wanted\n", caps[i], f ? f->message.len : 0, want[i]);
	}
	CHECK(ok, "findings: a message cut by its buffer keeps its whole characters, and only those");
}

/* Cells of eighteen digits: sums leave 64 bits and are refused, never wrapped. */
static void
test_overflow(void)
{
	const char *text =
		T3_REPORT_HEAD
		"一、本年新收政府信息公开申请数量\t999999999999999999\t999999999999999999\t0.5\t0\t0\t0\t1\n"
		"（一）予以公开\t999999999999999999\t999999999999999999\t999999999999999999\t0\t0\t0\t1\n"
		"1.属于国家秘密\t999999999999999999\t999999999999999999\t999999999999999999\t0\t0\t0\t1\n"
		"2.其他法律行政法规禁止公开\t999999999999999999\t999999999999999999\t999999999999999999\t0\t0\t0\t1\n";
	gr_report  *rep = parse_str(text);
	int			org = gr_key_find("t3.new_received.org_sum", strlen("t3.new_received.org_sum"));
	int			den = gr_key_find("t3.granted.org_sum", strlen("t3.granted.org_sum"));
	bool		reported = false,
				negative = false;

	CHECK(rep != NULL && rep->cells[gr_key_find("t3.new_received.business", strlen("t3.new_received.business"))].state == GR_CELL_NUMBER,
		  "overflow: 18-digit cells read");
	if (rep == NULL)
		return;
	for (int i = 0; i < rep->nfindings; i++)
		reported |= strcmp(rep->findings[i].rule, "R-PARSE-05") == 0;
	for (int i = 0; i < rep->ncells; i++)
		negative |= rep->cells[i].state == GR_CELL_NUMBER && rep->cells[i].mant < 0;
	CHECK(rep->cells[org].state != GR_CELL_NUMBER && reported,
		  "overflow: a derived sum beyond 64 bits is NULL with R-PARSE-05");
	CHECK(rep->cells[den].state == GR_CELL_NUMBER && rep->cells[den].mant > 0 && !negative,
		  "overflow: sums that fit are exact, none negative");
	CHECK(gr_check(&test_env, rep, 0, &test_err) == GR_OK, "overflow: the rules run");
	reported = false;
	for (int i = rep->nparse_findings; i < rep->nfindings; i++)
		reported |= strcmp(rep->findings[i].rule, "R-PARSE-05") == 0;
	CHECK(reported, "overflow: the rules say they did not add the table");
}

static void
test_labels(void)
{
	struct
	{
		const char *text;
		int			current;	/* row read before, -1 at the start */
		int			expect;		/* -1: no row */
	}			cases[] = {
		{"一、本年新收政府信息公开申请数量", -1, GR_R3_new_received},
		{"一、本年度收政府信息公开申请数量", -1, GR_R3_new_received},
		{"（四）无 1.本机关不掌握相关政府信息", GR_R3_denied_query, GR_R3_unable_not_held},
		{"（一）予以", GR_R3_carried_in, GR_R3_granted},
		{"分公开(区分处理的, 只计这一情形,", GR_R3_granted, GR_R3_partial},
		{"一、太白言息公开申请数量", -1, GR_R3_new_received},
		{"2.其他法律行政止公开", GR_R3_denied_secret, GR_R3_denied_law},
		{"（七）总i", GR_R3_other_misc, GR_R3_results_total},
		{"（四）无2.没有现成信息需要另", GR_R3_unable_not_held, GR_R3_unable_need_create},
		{"3. 其他", GR_R3_other_unpaid_fee, GR_R3_other_misc},
		{"總計", -1, -1},
		{"公开", GR_R3_granted, -1},
		{"本年度共收到政府信息公开申请21件，均已按时答复。", -1, -1},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		gr_ctx	   *ctx = new_ctx();
		gr_doc		doc;
		char		lf[512];
		size_t		n;
		gr_label_match m;
		int			cur = cases[i].current;

		gr_doc_build(ctx, cases[i].text, strlen(cases[i].text), NULL, 0, &doc);
		n = gr_lfold(doc.fold, doc.fold_len, lf, sizeof(lf));
		m = gr_label_find(ctx, gr_t3_rows, GR_T3_NROWS, lf, n, cur);
		if (m.continuation || (m.row >= 0 && gr_t3_rows[m.row].part == GR_PK_CAPTION))
			m.row = -1;
		CHECK(m.row == cases[i].expect, "label: [%s] after %s -> %s (got %s)", cases[i].text,
			  cur >= 0 ? gr_row_key(GR_T3, cur) : "start",
			  cases[i].expect >= 0 ? gr_row_key(GR_T3, cases[i].expect) : "none",
			  m.row >= 0 ? gr_row_key(GR_T3, m.row) : "none");
	}
}

/* ---- whole reports ---- */

typedef struct sample_expect
{
	const char *file;
	const char *org;
	int			year;
	gr_edition	edition;
	int			mixed;
	gr_date		period_start;
	gr_date		published;
	const char *phone;
	const char *sections;		/* key@line,… */
	int			numbers;		/* cells read as numbers */
	int			blanks;
	int			unplaced;
	const char *cell_key;		/* one cell and what it holds */
	const char *cell_value;		/* "267.9503", or a state: "blank", "text" */
} sample_expect;

static const sample_expect samples[] = {
	{"000_39ebc790c38a4837.txt", "第七师一二四团", 2021, GR_ED_2021, 1, {2021, 1, 1}, {0, 0, 0}, "0992-8963507",
	"preamble@1,s1_overview@8,s2_proactive@17,s3_requests@75,s4_review_litigation@352,s5_problems@393,s6_other@400",
	37, 158, 0, "t4.suit_after_review.total", "0"},
	{"001_491d5e7aac25b4a8.txt", "第十一师", 2021, GR_ED_2021, 1, {0, 0, 0}, {2022, 2, 10}, NULL,
	"preamble@1,s1_overview@3,s2_proactive@31,s3_requests@49,s4_review_litigation@85,s5_problems@93,s6_other@102",
	185, 0, 16, "t2.admin_fees.amount_wan", "267.9503"},
	{"002_76344675801c90f2.txt", "七户乡", 2020, GR_ED_2019, 0, {2020, 1, 1}, {0, 0, 0}, "7431006",
	"preamble@1,s1_overview@2,s2_proactive@16,s3_requests@78,s4_review_litigation@302,s5_problems@340,s6_other@347",
	198, 0, 0, "t3.other_handling.total", "0"},
	{"003_46e25f98fd9935f9.txt", "大竹县团坝镇", 2021, GR_ED_2021, 0, {0, 0, 0}, {0, 0, 0}, NULL,
	"preamble@3,s1_overview@7,s2_proactive@43,s3_requests@62,s4_review_litigation@94,s5_problems@101,s6_other@107",
	195, 5, 0, "t4.review.total", "blank"},
	{"004_c93bc2a644177ce0.txt", "兵团民政局", 2020, GR_ED_2019, 0, {0, 0, 0}, {2021, 1, 29}, NULL,
	"preamble@1,s1_overview@11,s2_proactive@21,s3_requests@131,s4_review_litigation@535,s5_problems@605",
	198, 0, 0, "t2.other_services.delta", "138"},
};

static void
section_list(const gr_report *rep, char *out, size_t cap)
{
	size_t		o = 0;

	out[0] = '\0';
	for (int i = 0; i < rep->nsections && o < cap; i++)
		o += snprintf(out + o, cap - o, "%s%s@%d", i ? "," : "", gr_section_key_name(rep->sections[i].key),
					  rep->sections[i].line);
}

/* Convert UTF-8 text with an ICU transform ("Hans-Hant", "Hant-Hans"). */
static char *
icu_transform(const char *id, const char *text, size_t len, size_t *outlen)
{
	UErrorCode	st = U_ZERO_ERROR;
	UChar		uid[32];
	UParseError pe;
	UTransliterator *t;
	int32_t		ulen = 0,
				cap = (int32_t) len * 2 + 16,
				limit;
	UChar	   *u = malloc(sizeof(UChar) * cap);
	char	   *out = malloc(len * 2 + 16);
	int32_t		olen = 0;

	u_uastrcpy(uid, id);
	t = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, &pe, &st);
	u_strFromUTF8(u, cap, &ulen, text, (int32_t) len, &st);
	limit = ulen;
	utrans_transUChars(t, u, &ulen, cap, 0, &limit, &st);
	u_strToUTF8(out, (int32_t) len * 2 + 16, &olen, u, ulen, &st);
	utrans_close(t);
	free(u);
	if (U_FAILURE(st))
	{
		free(out);
		return NULL;
	}
	*outlen = (size_t) olen;
	return out;
}

static void
test_samples(const char *dir)
{
	for (size_t k = 0; k < sizeof(samples) / sizeof(samples[0]); k++)
	{
		const sample_expect *e = &samples[k];
		char		path[1024];
		size_t		len;
		char	   *text;
		gr_report  *rep;
		char		secs[512];

		snprintf(path, sizeof(path), "%s/%s", dir, e->file);
		text = ta_read_file(path, &len);
		CHECK(text != NULL, "%s: readable", e->file);
		if (!text)
			continue;
		rep = parse(text, len);
		CHECK(rep != NULL && rep->is_report, "%s: parses as a report", e->file);
		if (!rep)
		{
			free(text);
			continue;
		}
		CHECK(str_eq(rep->org, e->org), "%s: org %s (got %.*s)", e->file, e->org, (int) rep->org.len, rep->org.ptr);
		CHECK(rep->year == e->year, "%s: year %d (got %d)", e->file, e->year, rep->year);
		CHECK(rep->edition == e->edition && rep->edition_mixed == e->mixed, "%s: edition %s%s", e->file,
			  gr_edition_name(e->edition), e->mixed ? " mixed" : "");
		CHECK(date_eq(rep->period_start, e->period_start.year, e->period_start.month, e->period_start.day),
			  "%s: period start", e->file);
		CHECK(date_eq(rep->published, e->published.year, e->published.month, e->published.day),
			  "%s: published", e->file);
		CHECK(str_eq(rep->phone, e->phone), "%s: phone", e->file);
		section_list(rep, secs, sizeof(secs));
		CHECK(strcmp(secs, e->sections) == 0, "%s: sections %s", e->file, secs);
		{
			int			nums = 0,
						blanks = 0,
						unplaced = 0;
			int			k = gr_key_find(e->cell_key, strlen(e->cell_key));
			char		got[64] = "absent";

			for (int i = 0; i < rep->ncells; i++)
				if (!rep->cells[i].derived)
				{
					nums += rep->cells[i].state == GR_CELL_NUMBER;
					blanks += rep->cells[i].state == GR_CELL_BLANK;
					unplaced += rep->cells[i].state == GR_CELL_UNPLACED;
				}
			CHECK(nums == e->numbers && blanks == e->blanks && unplaced == e->unplaced,
				  "%s: %d numbers, %d blank, %d unplaced cells (got %d, %d, %d)", e->file, e->numbers,
				  e->blanks, e->unplaced, nums, blanks, unplaced);
			if (k >= 0 && rep->cells[k].state == GR_CELL_NUMBER)
			{
				if (rep->cells[k].scale == 4)
					snprintf(got, sizeof(got), "%lld.%04lld", (long long) rep->cells[k].mant / 10000,
							 (long long) rep->cells[k].mant % 10000);
				else
					snprintf(got, sizeof(got), "%lld", (long long) rep->cells[k].mant);
			}
			else if (k >= 0 && rep->cells[k].state == GR_CELL_BLANK)
				snprintf(got, sizeof(got), "blank");
			CHECK(strcmp(got, e->cell_value) == 0, "%s: %s = %s (got %s)", e->file, e->cell_key, e->cell_value, got);
		}

		/* Traditional script, converted here by ICU: the same answers */
		{
			size_t		hlen;
			char	   *hant = icu_transform("Hans-Hant", text, len, &hlen);
			gr_report  *h;
			char		hsecs[512];

			CHECK(hant != NULL && (hlen != len || memcmp(hant, text, len) != 0),
				  "%s: Traditional version differs from the original", e->file);
			h = hant ? parse(hant, hlen) : NULL;
			if (h)
			{
				size_t		olen = 0;
				char	   *org = h->org.len ? icu_transform("Hant-Hans", h->org.ptr, h->org.len, &olen) : NULL;

				section_list(h, hsecs, sizeof(hsecs));
				CHECK(h->year == e->year && h->edition == e->edition && h->edition_mixed == e->mixed &&
					  date_eq(h->published, e->published.year, e->published.month, e->published.day) &&
					  date_eq(h->period_start, e->period_start.year, e->period_start.month, e->period_start.day) &&
					  strcmp(hsecs, e->sections) == 0,
					  "%s: Traditional script gives the same year, edition, dates and sections", e->file);
				CHECK(org && olen == strlen(e->org) && memcmp(org, e->org, olen) == 0,
					  "%s: Traditional org folds back to %s", e->file, e->org);
				free(org);
			}
			else
				CHECK(0, "%s: Traditional version parses", e->file);
			free(hant);
		}

		/* cut short anywhere: never crashes, never reads past the end */
		{
			int			bad = 0;

			for (size_t cut = 0; cut < len; cut += 61)
			{
				char	   *part = malloc(cut ? cut : 1);

				memcpy(part, text, cut);
				if (parse(part, cut) == NULL)
					bad++;
				free(part);
			}
			CHECK(bad == 0, "%s: every prefix parses (%d failures)", e->file, bad);
		}
		free(text);
	}
}

/* Texts that mention a report, quote its headers or announce it. */
static const struct
{
	const char *what;
	const char *text;
}			not_reports[] =
{
	{"a news item", "我区发布2023年度政府信息公开工作年度报告\n来源：区政府办公室  发布时间：2024-01-20\n"
		"日前，区政府办公室发布《2023年度政府信息公开工作年度报告》。报告显示，本年新收政府信息公开申请数量230件，"
		"上年结转政府信息公开申请数量5件。\n报告从总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六个方面进行了介绍。\n"},
	{"a two-line notice", "关于发布2023年度政府信息公开工作年度报告的通知\n各单位：现将本单位2023年政府信息公开工作年度报告予以公布。\n"},
	{"a README quoting both editions' headers", "# 年报解析工具\n\n本工具读取政府信息公开工作年度报告。\n"
		"支持两版格式：本年制发件数、本年废止件数、现行有效件数、上一年项目数量、本年增/减、对外公开总数量。\n\n## 安装\nmake && make install\n"},
};

static void
test_not_reports(void)
{
	gr_report  *rep;

	rep = parse("", 0);
	CHECK(rep && !rep->is_report && rep->org.len == 0 && rep->year == 0, "empty text: not a report");
	rep = parse_str("hello, world\n2021年1月1日至2021年12月31日\n");
	CHECK(rep && !rep->is_report && rep->year == 0 && rep->period_start.year == 0,
		  "stray dates: not a report, no fields");
	rep = parse("\0\0\0", 3);
	CHECK(rep && !rep->is_report, "NUL bytes: not a report");

	/* texts that name a report without being one (issue 8 part 9) */
	for (int i = 0; i < (int) (sizeof(not_reports) / sizeof(not_reports[0])); i++)
	{
		rep = parse_str(not_reports[i].text);
		CHECK(rep && !rep->is_report && rep->year == 0 && rep->edition == GR_ED_UNKNOWN &&
			  rep->title.len == 0 && rep->org.len == 0 && rep->published.year == 0,
			  "%s: not a report, every field NULL", not_reports[i].what);
		CHECK(rep && gr_check(&test_env, rep, 0, &test_err) == GR_OK && rep->nfindings == 1 &&
			  gr_has_errors(rep), "%s: report_check says so in one error", not_reports[i].what);
	}
	/* and a report with one section under its title still is one */
	rep = parse_str("XX县财政局2023年政府信息公开工作年度报告\n一、总体情况\n本年主动公开信息12条。\n");
	CHECK(rep && rep->is_report && rep->year == 2023, "title and one section: a report");
}

static void
test_variants(void)
{
	gr_report  *rep;

	rep = parse_str("                洪泽区人民政府\n      2023 年政府信息公开工作年度报告\n\n"
					"   本报告统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止。（地址：淮安市洪泽区洪泽湖大道 90\n号 ， 邮 编 ： 223100 ， 电 话 ： 0517-87222589 ， 电 子 邮 箱 ：\nhzzwgk@126.com）。\n   一、总体情况\n");
	CHECK(rep && str_eq(rep->org, "洪泽区人民政府"), "title over two lines: org from the line above");
	CHECK(rep && rep->year == 2023 && date_eq(rep->period_end, 2023, 12, 31),
		  "period spread over lines and spaced digits");
	CHECK(rep && str_eq(rep->phone, "0517-87222589") && str_eq(rep->email, "hzzwgk@126.com") &&
		  str_eq(rep->address, "淮安市洪泽区洪泽湖大道 90号"), "spaced-out contact labels");

	rep = parse_str("正文\n2024 年上海市科委政府信息公开工作\n年度报告\n根据《条例》，市科委编制了报告。统计周期为 2024 年 1 月 1 日至 12 月 31 日。\n一、总体情况\n");
	CHECK(rep && str_eq(rep->org, "上海市科委") && str_eq(rep->title, "2024 年上海市科委政府信息公开工作年度报告"),
		  "year-first title broken before 年度报告");
	CHECK(rep && date_eq(rep->period_end, 2024, 12, 31), "period end without its year");
	rep = parse_str("正文\n\n2024 年上海市科委政府信息公开工作\n\n年度报告\n\n根据《条例》，市科委编制了报告。\n\n一、总体情况\n\n");
	CHECK(rep && str_eq(rep->org, "上海市科委") && str_eq(rep->title, "2024 年上海市科委政府信息公开工作年度报告"),
		  "title broken over lines where every line break is doubled");
	rep = parse_str("正文\n2024 年上海市科委政府信息公开工作\n\n年度报告\n根据《条例》，市科委编制了报告。\n一、总体情况\n");
	CHECK(rep && !str_eq(rep->title, "2024 年上海市科委政府信息公开工作年度报告"),
		  "a blank line between two lines of a text whose breaks are not doubled parts them");
	rep = parse_str("南京市人民政府\n\n2023年政府信息公开工作年度报告\n\n本报告由南京市江宁区教育局编制。\n一、总体情况\n");
	CHECK(rep && str_eq(rep->org, "南京市江宁区教育局") && str_eq(rep->title, "2023年政府信息公开工作年度报告"),
		  "a site's name a blank line above the title is not its first line where only the title has a blank line after it");

	rep = parse_str("本年报是根据条例的要求,由七户乡编制的2020度政府信息公开年度报告。\n一、总体情况\n二、主动公开政府信息情况\n");
	CHECK(rep && str_eq(rep->org, "七户乡") && rep->year == 2020, "no title: org and year from the preamble");

	rep = parse_str("一、总体情况\n甲\n二、主动公开政府信息情况\n乙\n六、其他需要报告的事项\n无\n某某局办公室\n2022年2月10日\n");
	CHECK(rep && str_eq(rep->org, "某某局办公室") && date_eq(rep->published, 2022, 2, 10),
		  "no title nor preamble: org and date from the signature");

	rep = parse_str("# 某县 2025 年 政府信息公开工作年度报告\n\n某县\n(2026年1月23日)\n## 一、总体情况\n## 二、主动公开政府信息情况\n");
	CHECK(rep && str_eq(rep->title, "某县 2025 年 政府信息公开工作年度报告") && date_eq(rep->published, 2026, 1, 23),
		  "markdown title; date under the title");

	rep = parse_str("一、总体情况\n甲\n三、主动公开工作情况\n乙\n一、主动公开政府信息情况\n表\n");
	CHECK(rep && rep->nsections == 2 && rep->sections[1].line == 5,
		  "a sub-part named like section 二 gives way to the official heading");
}

/* ---- the review sheet ---- */

/* The sheet of text, checked; NULL on failure.  opts may be NULL. */
static const char *
sheet_of(const char *text, size_t len, const gr_sheet_opts *opts, size_t *outlen)
{
	gr_report  *rep = parse(text, len);
	gr_str		page;

	if (rep == NULL || gr_check(&test_env, rep, 0, &test_err) != GR_OK ||
		gr_sheet_html(&test_env, rep, opts, &page, &test_err) != GR_OK)
		return NULL;
	*outlen = page.len;
	return page.ptr;
}

static void
test_sheet(void)
{
	/* markup, a control character and bytes that are not UTF-8 in the title */
	static const char text[] = "<script>x</script>某县\x01人民政府\xff\xfe" "2022年政府信息公开工作年度报告\n"
		"一、总体情况\n本机关未收到政府信息公开申请。\n";
	gr_sheet_opts ascii = {1, 0};
	size_t		len = 0;
	const char *page = sheet_of(text, sizeof(text) - 1, NULL, &len);
	int			plain = 1;

	CHECK(page && len == strlen(page) && gr_utf8_valid_prefix(page, len) == len,
		  "sheet: a NUL-terminated page of valid UTF-8, whatever the report's bytes");
	CHECK(page && !strstr(page, "<script") && strstr(page, "&lt;script&gt;x&lt;/script&gt;") &&
		  strstr(page, "\xEF\xBF\xBD") && !strchr(page, '\x01'),
		  "sheet: report text escaped, invalid bytes as U+FFFD, no control character");
	CHECK(page && strstr(page, "<table class=\"sheet t2\">") && strstr(page, "<table class=\"sheet t3\">") &&
		  strstr(page, "<table class=\"sheet t4\">") && strstr(page, "文本中没有找到这张表"),
		  "sheet: all three tables drawn, marked as not found in the text");
	page = sheet_of(text, sizeof(text) - 1, &ascii, &len);
	for (size_t i = 0; page && i < len; i++)
		plain &= (unsigned char) page[i] < 0x80;
	CHECK(page && plain && strstr(page, "&#x8868;&#x4E09;"), "sheet in ASCII: every other character a reference");

	/* out of memory on the way: a status, never a half page (the sheet in an arena of its own) */
	{
		gr_report  *rep = parse(text, sizeof(text) - 1);
		ta_arena	sheet_arena = {0};
		gr_env		sheet_env = ta_env(&sheet_arena);
		gr_str		out;
		int			nomem = 0,
					done = 0;

		if (rep)
			gr_check(&test_env, rep, 0, &test_err);
		for (size_t limit = 1024; rep && !done && limit < 4000000; limit *= 2)
		{
			gr_status	st;

			sheet_arena.limit = limit;
			st = gr_sheet_html(&sheet_env, rep, NULL, &out, &test_err);
			nomem += st == GR_ENOMEM && out.ptr == NULL;
			done = st == GR_OK && out.len > 1000;
			ta_arena_free(&sheet_arena);
		}
		CHECK(nomem > 0 && done, "sheet: out of memory gives GR_ENOMEM and no page (%d limits), then a page", nomem);
	}
}

/* ---- failure paths ---- */

static int	interrupt_after;

static int
interrupt_cb(void)
{
	return --interrupt_after <= 0;
}

static void
test_failures(const char *dir)
{
	char		path[1024];
	size_t		len;
	char	   *text;
	int			nomem = 0,
				ok = 0,
				other = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, samples[0].file);
	text = ta_read_file(path, &len);
	if (!text)
		return;
	/* every allocation limit: either a result or GR_ENOMEM, nothing else */
	for (size_t limit = 0; limit < 600000; limit += 4099)
	{
		ta_arena	a = {0};
		gr_env		env = ta_env(&a);
		gr_report  *rep;
		gr_error	err;
		gr_status	st;

		a.limit = limit;
		st = gr_parse(&env, text, len, &rep, &err);
		if (st == GR_OK)
			ok++;
		else if (st == GR_ENOMEM && strcmp(err.message, "out of memory") == 0)
			nomem++;
		else
			other++;
		ta_arena_free(&a);
	}
	CHECK(other == 0 && nomem > 0 && ok > 0, "allocation failures give GR_ENOMEM (%d ok, %d nomem, %d other)",
		  ok, nomem, other);

	{
		ta_arena	a = {0};
		gr_env		env = ta_env(&a);
		gr_report  *rep;
		gr_error	err;
		char	   *big = malloc(len * 40);

		for (int i = 0; i < 40; i++)
			memcpy(big + i * len, text, len);
		env.interrupted = interrupt_cb;
		interrupt_after = 3;
		CHECK(gr_parse(&env, big, len * 40, &rep, &err) == GR_EINTR,
			  "an interrupt request stops the parse with GR_EINTR");
		ta_arena_free(&a);
		free(big);
	}
	CHECK(gr_parse(NULL, "x", 1, NULL, NULL) == GR_EARG, "missing environment: GR_EARG");
	free(text);
}

/* Random bytes and random mixtures of report lines: no crash, no hang. */
static void
test_random(const char *dir)
{
	unsigned	seed = 20261122;
	int			failures = 0;
	char		path[1024];
	size_t		len;
	char	   *text;

	for (int i = 0; i < 3000; i++)
	{
		char		buf[512];
		size_t		n = (size_t) (rand_r(&seed) % sizeof(buf));

		for (size_t k = 0; k < n; k++)
			buf[k] = (char) (rand_r(&seed) & 0xFF);
		if (parse(buf, n) == NULL)
			failures++;
	}
	CHECK(failures == 0, "3000 random byte strings parse (%d failures)", failures);

	snprintf(path, sizeof(path), "%s/%s", dir, samples[2].file);
	text = ta_read_file(path, &len);
	if (!text)
		return;
	failures = 0;
	for (int i = 0; i < 500; i++)
	{
		char	   *mix = malloc(len);

		/* shuffle blocks of the report */
		for (size_t k = 0; k < len; k += 64)
		{
			size_t		from = (size_t) rand_r(&seed) % len;
			size_t		m = len - k < 64 ? len - k : 64;

			if (from + m > len)
				from = len - m;
			memcpy(mix + k, text + from, m);
		}
		if (parse(mix, len) == NULL)
			failures++;
		free(mix);
	}
	CHECK(failures == 0, "500 shuffled reports parse (%d failures)", failures);
	free(text);
}

/* The rules on the samples: the error rule ids a reader expects, nothing else. */
static void
test_rules(const char *dir)
{
	static const char *const errors[] = {"R-X-01 R-GEN-01", "R-X-01 R-GEN-01", "", "", "R-X-02"};

	for (size_t k = 0; k < sizeof(samples) / sizeof(samples[0]); k++)
	{
		char		path[1024],
					got[256] = "";
		size_t		len;
		char	   *text;
		gr_report  *rep;

		snprintf(path, sizeof(path), "%s/%s", dir, samples[k].file);
		text = ta_read_file(path, &len);
		rep = text ? parse(text, len) : NULL;
		if (!rep)
		{
			CHECK(0, "%s: parses for the rules", samples[k].file);
			free(text);
			continue;
		}
		CHECK(gr_check(&test_env, rep, 0, &test_err) == GR_OK, "%s: rules run", samples[k].file);
		for (int i = 0; i < rep->nfindings; i++)
			if (rep->findings[i].severity == GR_SEV_ERROR && !strstr(got, rep->findings[i].rule))
				snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%s", got[0] ? " " : "",
						 rep->findings[i].rule);
		CHECK(strcmp(got, errors[k]) == 0, "%s: errors [%s] (got [%s])", samples[k].file, errors[k], got);
		CHECK(gr_has_errors(rep) == (errors[k][0] != 0), "%s: gr_has_errors", samples[k].file);
		{
			int			bad = 0,
						own = 0;

			for (int i = 0; i < rep->nfindings; i++)
			{
				const gr_finding *f = &rep->findings[i];

				bad += gr_utf8_valid_prefix(f->message.ptr, f->message.len) != f->message.len ||
					(f->message_own && memchr(f->message.ptr, '\0', f->message.len) != NULL);
				own += f->message_own;
			}
			CHECK(bad == 0, "%s: every message is well-formed UTF-8 (%d of the format's own words, "
				  "which the glue copies unchecked)", samples[k].file, own);
		}
		/* checking twice gives the same findings, not twice as many */
		{
			int			n = rep->nfindings;

			gr_check(&test_env, rep, 1, &test_err);
			CHECK(rep->nfindings == n, "%s: a second check replaces the findings", samples[k].file);
		}
		free(text);
	}

	/* a balance broken and repaired: seed 004, natural persons of 一 */
	{
		char		path[1024];
		size_t		len;
		char	   *text;
		gr_report  *rep;
		int			n01 = 0;

		snprintf(path, sizeof(path), "%s/%s", dir, samples[4].file);
		text = ta_read_file(path, &len);
		if (text)
		{
			/* the first value after 一、本年新收… is natural_person: make it 5 */
			char	   *p = strstr(text, "一、本年新收政府信息公开申请数量\n");

			if (p)
				p = strchr(p, '0');
			if (p)
				*p = '5';
			rep = parse(text, len);
			if (rep && gr_check(&test_env, rep, 0, &test_err) == GR_OK)
				for (int i = 0; i < rep->nfindings; i++)
					if (strcmp(rep->findings[i].rule, "R-T3-01") == 0)
					{
						n01++;
						CHECK(rep->findings[i].actual.set && rep->findings[i].actual.mant == 0 &&
							  rep->findings[i].expected.mant == 5 && rep->findings[i].ncells == 4,
							  "R-T3-01: actual 0, expected 5, four cells (got %lld, %lld, %d)",
							  (long long) rep->findings[i].actual.mant, (long long) rep->findings[i].expected.mant,
							  rep->findings[i].ncells);
					}
			CHECK(n01 == 1, "R-T3-01 on the one column that breaks (%d)", n01);
			free(text);
		}
	}

	/* versions and arguments */
	{
		gr_report  *rep = parse_str("hello");
		gr_report  *out = NULL;

		CHECK(gr_check(&test_env, rep, 99, &test_err) == GR_EARG, "unknown rule-set version: GR_EARG");
		CHECK(gr_check(&test_env, rep, 0, &test_err) == GR_OK && gr_has_errors(rep) &&
			  strcmp(rep->findings[0].rule, "R-GEN-01") == 0, "not a report: R-GEN-01");
		CHECK(gr_check_pair(&test_env, rep, rep, 0, &out, &test_err) == GR_OK && out && out->nfindings == 0,
			  "pair of non-reports: no findings");
	}
	CHECK(gr_rule_count() > 30, "rule table lists %d rules", gr_rule_count());
}

/* Inputs the fuzzer once broke the core with: each must now parse. */
/*
 * The facts of the prose, read once by gr_parse: checked against the
 * samples' own sentences (line numbers looked up by hand) and a report
 * written here, so that a rule comparing prose and tables compares what
 * the text says.
 */
static void
test_facts(const char *dir)
{
	static const char *const text =
		"某县2021年政府信息公开工作年度报告\n"
		"一、总体情况\n"
		"本年度共受理政府信息公开申请12件。\n"
		"二、主动公开政府信息情况\n"
		"三、收到和处理政府信息公开申请情况\n"
		"四、政府信息公开行政复议、行政诉讼情况\n"
		"五、存在的主要问题和改进情况\n"
		"上年度存在的问题已整改。\n"
		"六、其他需要报告的事项\n"
		"本年度未收取信息处理费。\n";
	struct
	{
		const char *file;
		int			no_requests;	/* line, 0: not stated */
		int			no_cases;
		int			fee;
		int			norm_docs;		/* the count, -1: not stated */
		int			norm_docs_line;
		const char *official;	/* heading_official of sections 一 … 六 */
	}			expect[] = {
		{"000_39ebc790c38a4837.txt", 0, 0, 0, -1, 0, "011101"},	/* 总体情况 without numeral */
		{"001_491d5e7aac25b4a8.txt", 15, 0, 0, 143, 9, "111111"},	/* 未收到政府信息公开申请 */
		{"002_76344675801c90f2.txt", 11, 13, 0, -1, 0, "111101"},	/* 无依申请公开, 未出现行政复议 */
		{"003_46e25f98fd9935f9.txt", 19, 0, 109, -1, 0, "011111"},	/* 未收取…信息处理费 */
		{"004_c93bc2a644177ce0.txt", 0, 0, 0, -1, 0, "111110"},	/* no section 六 */
	};
	gr_report  *rep = parse_str(text);
	const gr_facts *f = rep ? &rep->facts : NULL;

	CHECK(f && f->requests.stated && f->requests.value.mant == 12 && f->requests.line == 3 &&
		  f->requests_include_carried, "facts: 受理…申请12件 is a count of 12 at line 3 that may include 上年结转");
	CHECK(f && f->prev_year_problems.stated && f->prev_year_problems.line == 8 &&
		  f->fee_statement.stated && f->fee_statement.line == 10 && !f->no_requests.stated,
		  "facts: 上年度 in 五 (line 8), 信息处理费 in 六 (line 10), no 未收到");
	CHECK(f && f->heading_official[GR_SEC_OVERVIEW] && !f->heading_official[GR_SEC_PROBLEMS] &&
		  f->heading_official[GR_SEC_OTHER], "facts: 五、…问题和改进情况 is a variant, the others official");
	for (size_t k = 0; k < sizeof(expect) / sizeof(expect[0]); k++)
	{
		char		path[1024],
					got[8] = "";
		size_t		len;
		char	   *t;

		snprintf(path, sizeof(path), "%s/%s", dir, expect[k].file);
		t = ta_read_file(path, &len);
		rep = t ? parse(t, len) : NULL;
		free(t);
		if (!rep)
		{
			CHECK(0, "facts: %s parses", expect[k].file);
			continue;
		}
		f = &rep->facts;
		for (int s = GR_SEC_OVERVIEW; s < GR_NSECTIONS; s++)
			got[s - 1] = f->heading_official[s] ? '1' : '0';
		CHECK(f->no_requests.line == expect[k].no_requests && f->no_cases.line == expect[k].no_cases &&
			  f->fee_statement.line == expect[k].fee && f->no_requests.stated == (expect[k].no_requests > 0),
			  "facts: %s: no requests at %d, no cases at %d, fee at %d", expect[k].file,
			  expect[k].no_requests, expect[k].no_cases, expect[k].fee);
		CHECK(expect[k].norm_docs < 0 ? !f->norm_docs.stated :
			  f->norm_docs.stated && f->norm_docs.value.mant == expect[k].norm_docs &&
			  f->norm_docs.line == expect[k].norm_docs_line,
			  "facts: %s: 规范性文件 %d at %d", expect[k].file, expect[k].norm_docs, expect[k].norm_docs_line);
		CHECK(strcmp(got, expect[k].official) == 0, "facts: %s: official headings %s (got %s)",
			  expect[k].file, expect[k].official, got);
	}
}

/*
 * A check writes its findings to memory of its own: two shallow copies of
 * one parse, checked one after the other (a cache checking a parse under
 * two rule-set versions), leave the parse and each other alone.
 */
static void
test_check_copies(const char *dir)
{
	char		path[1024];
	size_t		len;
	char	   *t;
	gr_report  *rep;
	gr_report	a,
				b;
	const char *first_a = NULL;
	gr_finding *parse_findings;
	int			nparse;

	snprintf(path, sizeof(path), "%s/%s", dir, samples[1].file);
	t = ta_read_file(path, &len);
	rep = t ? parse(t, len) : NULL;
	free(t);
	if (!rep)
	{
		CHECK(0, "copies: %s parses", samples[1].file);
		return;
	}
	parse_findings = rep->findings;
	nparse = rep->nfindings;
	a = *rep;
	b = *rep;
	CHECK(nparse > 0 && gr_check(&test_env, &a, 0, &test_err) == GR_OK && a.nfindings > nparse,
		  "copies: the parse has findings of its own, the check adds more");
	if (a.nfindings > nparse)
		first_a = a.findings[nparse].message.ptr;
	CHECK(gr_check(&test_env, &b, 0, &test_err) == GR_OK && b.nfindings == a.nfindings,
		  "copies: a second copy gets the same findings");
	CHECK(a.findings != parse_findings && b.findings != parse_findings && a.findings != b.findings &&
		  first_a != NULL && a.findings[nparse].message.ptr == first_a,
		  "copies: each check has its own findings array; checking the second left the first alone");
	CHECK(rep->findings == parse_findings && rep->nfindings == nparse && rep->nparse_findings == nparse,
		  "copies: the parse itself is untouched");
}

static void
test_fuzz_regressions(const char *dir)
{
	DIR		   *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL)
	{
		char		path[1024];
		size_t		len;
		char	   *text;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		text = ta_read_file(path, &len);
		CHECK(text && parse(text, len) != NULL, "fuzz regression %s parses", e->d_name);
		free(text);
	}
	closedir(d);
}

/*
 * Memory (issue 9, part 5): every byte a parse asks of env->alloc, per byte
 * of input.  The median of the samples stays under a bound (it was 18.4x,
 * 22.7x the largest, before the arrays were sized from what the text has
 * and dead blocks reused); a page of 2,000 one-row tables (about 1,000x
 * when each table had a 4,096-row array) takes a small multiple of itself
 * and twice the tables take twice the memory; so does a Markdown text of
 * as many tables (over 100x when each table was parsed on its own).  Bytes, not time: the
 * figures do not depend on the machine.
 */
#define MEM_SAMPLES_MEDIAN_MAX 13.0
#define MEM_CHECKED_MEDIAN_MAX 14.0
#define MEM_TABLES_MAX 6.0
#define MEM_TEXT_TABLES_MAX 7.0	/* and the copy libxml2 reads: the text outside the tables blanked */
#define MEM_GRID_ROWS_MAX 10.0	/* and the joined copy (at most the text) and its map, an int a line */

static int
cmp_ratio(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return x < y ? -1 : x > y;
}

/*
 * An HTML page of n tables of one row each, after a report's title and
 * heading; or (markdown) a Markdown text of them, a table a line, as
 * MinerU writes its tables, each page's cut into one.
 */
static char *
tables_page(int n, bool markdown, size_t *len)
{
	static const char head[] = "<html><body><h1>某区人民政府2023年政府信息公开工作年度报告</h1><p>一、总体情况</p>";
	static const char md_head[] = "# 某区人民政府2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n";
	size_t		cap = sizeof(head) + (size_t) n * 80 + 32,
				o;
	char	   *page = malloc(cap);

	if (!page)
		return NULL;
	o = (size_t) snprintf(page, cap, "%s", markdown ? md_head : head);
	for (int i = 0; i < n; i++)
		o += (size_t) snprintf(page + o, cap - o, "<table><tr><td>项目%d</td><td>%d</td></tr></table>%s", i, i,
							   markdown ? "\n" : "");
	if (!markdown)
		o += (size_t) snprintf(page + o, cap - o, "</body></html>");
	*len = o;
	return page;
}

/* 2,000 one-row tables within max times their size, and twice as many as 1,000 take. */
static void
tables_memory(bool markdown, double max)
{
	const char *what = markdown ? "a Markdown text of 2,000 one-row HTML tables" : "a page of 2,000 one-row tables";
	size_t		len1,
				len2;
	char	   *p1 = tables_page(1000, markdown, &len1),
			   *p2 = tables_page(2000, markdown, &len2);

	if (p1 && p2)
	{
		double		r1 = ta_parse_ratio(p1, len1, 1),
					r2 = ta_parse_ratio(p2, len2, 1);

		CHECK(r2 > 0 && r2 <= max, "memory: %s takes %.1fx its %zu bytes (at most %.0fx)", what, r2, len2, max);
		CHECK(r1 > 0 && r2 > 0 && r2 * (double) len2 <= 2.2 * r1 * (double) len1,
			  "memory: %s, about twice the memory of 1,000 (%.0f kB for 1,000, %.0f kB for 2,000)", what,
			  r1 * (double) len1 / 1024, r2 * (double) len2 / 1024);
	}
	free(p1);
	free(p2);
}

/*
 * A grid table of 100,000 rows of two lines each (gr_gridtab.c joins
 * every one), and one row of 200,000 pipes: within a small multiple of
 * the text, the joined copy included, and twice the rows twice the memory.
 */
static void
grid_rows_memory(void)
{
	double		r[2];
	size_t		len[2];

	for (int k = 0; k < 2; k++)
	{
		int			rows = 50000 * (k + 1);
		size_t		cap = (size_t) rows * 32 + 400100;
		char	   *t = malloc(cap);
		size_t		n = 0;

		if (!t)
			return;
		n += (size_t) snprintf(t + n, cap - n, "+--+--+\n");
		for (int i = 0; i < rows; i++)
			n += (size_t) snprintf(t + n, cap - n, "|一|%d|\n|二| |\n+--+--+\n", i % 10);
		t[n++] = '|';
		for (int i = 0; i < 200000; i++)
			t[n++] = '|';
		t[n++] = '\n';
		n += (size_t) snprintf(t + n, cap - n, "+--+\n");
		len[k] = n;
		r[k] = ta_parse_ratio(t, n, 1);
		free(t);
	}
	CHECK(r[1] > 0 && r[1] <= MEM_GRID_ROWS_MAX,
		  "memory: a grid table of 100,000 rows of two lines takes %.1fx its %zu bytes (at most %.0fx)",
		  r[1], len[1], MEM_GRID_ROWS_MAX);
	CHECK(r[0] > 0 && r[1] * (double) len[1] <= 2.2 * r[0] * (double) len[0],
		  "memory: a grid table of 100,000 rows, about twice the memory of 50,000 (%.0f kB, %.0f kB)",
		  r[0] * (double) len[0] / 1024, r[1] * (double) len[1] / 1024);
}

static void
test_memory(const char *dir)
{
	double		parsed[sizeof(samples) / sizeof(samples[0])],
				checked[sizeof(samples) / sizeof(samples[0])];
	int			n = 0;

	for (size_t k = 0; k < sizeof(samples) / sizeof(samples[0]); k++)
	{
		char		path[1024];
		size_t		len;
		char	   *text;

		snprintf(path, sizeof(path), "%s/%s", dir, samples[k].file);
		if ((text = ta_read_file(path, &len)) == NULL)
			continue;
		parsed[n] = ta_parse_ratio(text, len, 0);
		checked[n] = ta_parse_ratio(text, len, 1);
		n++;
		free(text);
	}
	CHECK(n == (int) (sizeof(samples) / sizeof(samples[0])), "memory: the samples read (%d)", n);
	if (n > 0)
	{
		qsort(parsed, n, sizeof(double), cmp_ratio);
		qsort(checked, n, sizeof(double), cmp_ratio);
		CHECK(parsed[0] > 0 && parsed[n / 2] <= MEM_SAMPLES_MEDIAN_MAX,
			  "memory: a parse of the median sample takes %.1fx its size (at most %.0fx)",
			  parsed[n / 2], MEM_SAMPLES_MEDIAN_MAX);
		CHECK(checked[0] > 0 && checked[n / 2] <= MEM_CHECKED_MEDIAN_MAX,
			  "memory: parse and check of the median sample take %.1fx its size (at most %.0fx)",
			  checked[n / 2], MEM_CHECKED_MEDIAN_MAX);
	}
	tables_memory(false, MEM_TABLES_MAX);
	/* the same as a text with tables: libxml2 reads them in one parse, not one each */
	tables_memory(true, MEM_TEXT_TABLES_MAX);
	grid_rows_memory();
}

/*
 * gr_num_add against the sum in 128 bits, for values of one scale (the
 * fast path) and of two: the same value or none, with the bounds of 64
 * bits (never INT64_MIN) and of 10^38 kept.
 */
static void
test_num_add(void)
{
	static const int64_t edge[] = {0, 1, -1, 9, 10, 999999, INT64_MAX, -INT64_MAX, INT64_MAX - 1,
	INT64_MAX / 2 + 1, -(INT64_MAX / 2) - 1, INT64_MAX / 10, 922337203685477580};
	uint64_t	x = 88172645463325252ULL;
	int			bad = 0,
				none = 0,
				n = 0;

	for (int i = 0; i < 40000; i++)
	{
		int			ne = (int) (sizeof(edge) / sizeof(edge[0]));
		int64_t		ma = i % 3 == 0 ? edge[xorshift(&x) % ne] * (xorshift(&x) & 1 ? 1 : -1) : (int64_t) (xorshift(&x) >> (xorshift(&x) % 64));
		int64_t		mb = i % 5 == 0 ? edge[xorshift(&x) % ne] : (int64_t) (xorshift(&x) >> (xorshift(&x) % 64)) * (xorshift(&x) & 1 ? 1 : -1);
		int			sa = (int) (xorshift(&x) % 4),
					sb = i % 2 ? sa : (int) (xorshift(&x) % 4);
		gr_num		a,
					b,
					r;
		__int128	wa = ma == INT64_MIN ? 0 : ma,
					wb = mb == INT64_MIN ? 0 : mb,
					z;
		int			s = sa > sb ? sa : sb;
		bool		fits;

		ma = (int64_t) wa;
		mb = (int64_t) wb;
		a = gr_num_make(ma, sa);
		b = gr_num_make(mb, sb);
		for (int k = sa; k < s; k++)
			wa *= 10;			/* at most 10^3 times 2^63: within 128 bits */
		for (int k = sb; k < s; k++)
			wb *= 10;
		z = wa + wb;
		fits = z <= INT64_MAX && z >= -(__int128) INT64_MAX;
		r = gr_num_add(a, b);
		n++;
		if (!fits)
			none++;
		if (fits ? !(r.set && r.mant == (int64_t) z && r.scale == s) : r.set)
			bad++;
	}
	CHECK(bad == 0 && none > 1000, "gr_num_add: %d of %d sums differ from 128 bits (%d beyond 64 bits)", bad, n, none);
}

int
main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "samples";

	test_utf8();
	test_doc();
	test_fold_runs();
	test_compact_lines();
	test_dense_runs();
	test_short_lines();
	test_phrases();
	test_dates();
	test_page_marks();
	test_values();
	test_labels();
	test_spec();
	test_overflow();
	test_num_add();
	test_long_line();
	test_toy_edition();
	test_cell_text();
	test_malformed_cells();
	test_glued_text();
	test_label_noise();
	test_case_counts();
	test_pipe_region();
	test_grid_rows();
	test_shapes();
	test_blank_lines();
	test_loose_rows();
	test_stated_digits();
	test_page_chrome();
	test_page_charset();
	test_page_inline_depth();
	test_finding_cut();
	test_samples(dir);
	test_not_reports();
	test_sheet();
	test_variants();
	test_failures(dir);
	test_random(dir);
	test_rules(dir);
	test_facts(dir);
	test_check_copies(dir);
	test_memory(dir);
	test_fuzz_regressions("test/fuzz/regressions");
	ta_arena_free(&test_arena);

	printf("%d passed, %d failed\n", n_pass, n_fail);
	return n_fail ? 1 : 0;
}
