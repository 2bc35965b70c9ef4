/*
 * grt_encoding.c — which encoding a report file is in, and its text as
 * UTF-8 (the core reads UTF-8 only).
 *
 * Reports come as UTF-8 (with or without a byte order mark), as UTF-16
 * from Word's "Unicode text", and as GB2312/GBK/GB18030 from older sites
 * and tools.  Each file is decided on its own, in this order, and the
 * first answer wins:
 *
 *   1. --encoding: what the user says;
 *   2. a byte order mark (UTF-8, UTF-16, UTF-32, GB18030);
 *   3. valid UTF-8 is UTF-8 — whatever a page declares or a detector
 *      guesses, bytes that form valid UTF-8 are almost never meant as
 *      anything else (pages re-saved as UTF-8 keep their old <meta>);
 *   4. an HTML page's <meta charset=…> or content="…; charset=…", when it
 *      names a Chinese encoding and the bytes convert cleanly under it;
 *   5. NUL bytes: UTF-16 without a byte order mark, told by where the
 *      NULs of its ASCII characters fall (else not text at all);
 *   6. GB18030 or Big5, the two legacy encodings of Chinese: the one of
 *      them that converts every byte; when both do, ICU's charset detector
 *      (ucsdet) chooses, and GB18030 when it has too little text to be
 *      sure (a short GBK text is still GBK).
 *
 * GB2312 and GBK are read with ICU's GB18030 converter, as browsers do
 * (WHATWG's "gbk" decoder is gb18030's): each is a subset of GB18030, and
 * pages labelled gb2312 routinely hold GBK characters.  A candidate is
 * accepted only if every byte converts; with --replace, invalid sequences
 * become U+FFFD instead and are counted.  Files that are not text (a PDF,
 * a Word file, NUL bytes) or that do not convert are refused with a reason.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "grt.h"

/* ---- signatures of files that are not text ---- */

static const struct
{
	const char *magic;
	size_t		len;
	const char *what;
} grt_binaries[] = {
	{"%PDF-", 5, "a PDF file, not text: extract its text first (pdftotext -layout FILE)"},
	{"PK\003\004", 4, "a zip archive (a .docx or .xlsx?), not text: save it as text first"},
	{"\320\317\021\340\241\261\032\341", 8, "a Word or Excel file (.doc, .xls), not text: save it as text first"},
	{"\211PNG", 4, "a PNG image, not text"},
	{"\377\330\377", 3, "a JPEG image, not text"},
	{"GIF8", 4, "a GIF image, not text"},
	{"\037\213", 2, "gzip-compressed: uncompress it first"},
};

static const char *
grt_binary_kind(const char *raw, size_t len)
{
	for (size_t i = 0; i < sizeof(grt_binaries) / sizeof(grt_binaries[0]); i++)
		if (len >= grt_binaries[i].len && memcmp(raw, grt_binaries[i].magic, grt_binaries[i].len) == 0)
			return grt_binaries[i].what;
	return NULL;
}

/* ---- byte order marks; UTF-32LE before UTF-16LE, whose mark begins it ---- */

static const struct
{
	const char *bytes;
	size_t		len;
	const char *name;
} grt_boms[] = {
	{"\000\000\376\377", 4, "UTF-32BE"},
	{"\377\376\000\000", 4, "UTF-32LE"},
	{"\357\273\277", 3, "UTF-8"},
	{"\376\377", 2, "UTF-16BE"},
	{"\377\376", 2, "UTF-16LE"},
	{"\204\061\225\063", 4, "GB18030"},
};

/*
 * Big5 is read with ICU's Big5-HKSCS converter, as browsers read it (WHATWG's
 * big5 is Big5-HKSCS), and called Big5.  Not with ICU's "Big5", which is
 * windows-950: it maps nearly every byte pair to something (its
 * user-defined area), so a GBK file would convert "cleanly" into nonsense.
 */
#define GRT_BIG5 "Big5-HKSCS"

/*
 * Charset labels a page may declare, lower case, and the converter each
 * is read with.  Only encodings a Chinese report is written in: a page
 * that declares iso-8859-1 or windows-1252 (a server default, often wrong)
 * is not believed, and the detector decides.
 */
static const struct
{
	const char *label;
	const char *name;
} grt_labels[] = {
	{"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"x-gbk", "GB18030"}, {"gb_2312", "GB18030"},
	{"gb_2312-80", "GB18030"}, {"chinese", "GB18030"}, {"csgb2312", "GB18030"},
	{"csiso58gb231280", "GB18030"}, {"iso-ir-58", "GB18030"}, {"cp936", "GB18030"},
	{"windows-936", "GB18030"}, {"ms936", "GB18030"}, {"euc-cn", "GB18030"}, {"gb18030", "GB18030"},
	{"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
	{"big5", GRT_BIG5}, {"big5-hkscs", GRT_BIG5}, {"cn-big5", GRT_BIG5}, {"csbig5", GRT_BIG5},
	{"x-x-big5", GRT_BIG5},
};

/* ---- UTF-8 validity (strict: no overlong forms, surrogates or > U+10FFFF) ---- */

static size_t
grt_utf8_invalid_at(const unsigned char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		unsigned char c = s[i];
		size_t		n;
		unsigned	min;

		if (c < 0x80)
		{
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 1, min = 0x80;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 2, min = 0x800;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 3, min = 0x10000;
		else
			return i;
		{
			unsigned	cp = c & (0x3F >> n);

			for (size_t k = 1; k <= n; k++)
			{
				if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
					return i;
				cp = (cp << 6) | (s[i + k] & 0x3F);
			}
			if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
				return i;
		}
		i += n + 1;
	}
	return len;
}

/* ---- conversion with ICU ---- */

typedef struct grt_subst
{
	size_t		count;
} grt_subst;

/* --replace: count each replaced sequence, then let ICU put U+FFFD */
static void U_CALLCONV
grt_count_subst(const void *ctx, UConverterToUnicodeArgs *args, const char *units,
				int32_t length, UConverterCallbackReason reason, UErrorCode *err)
{
	if (reason <= UCNV_IRREGULAR)
		((grt_subst *) ctx)->count++;
	UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, units, length, reason, err);
}

typedef enum grt_conv_result
{
	GRT_CONV_OK,
	GRT_CONV_INVALID,			/* *bad_at: the offset of the first invalid sequence */
	GRT_CONV_UNKNOWN			/* ICU has no such converter */
} grt_conv_result;

/* src[0..len) in encoding name to UTF-8 in out (replaced, not appended). */
static grt_conv_result
grt_convert(const char *name, const char *src, size_t len, bool replace,
			grt_buf *out, size_t *replaced, size_t *bad_at)
{
	UErrorCode	st = U_ZERO_ERROR;
	UConverter *from = ucnv_open(name, &st);
	UConverter *to;
	grt_subst	subst = {0};
	UChar		pivot[4096];
	UChar	   *psrc = pivot,
			   *ptgt = pivot;
	const char *s = src;
	bool		reset = true;

	if (U_FAILURE(st))
		return GRT_CONV_UNKNOWN;
	to = ucnv_open("UTF-8", &st);
	if (replace)
		ucnv_setToUCallBack(from, grt_count_subst, &subst, NULL, NULL, &st);
	else
		ucnv_setToUCallBack(from, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
	out->len = 0;
	grt_buf_reserve(out, len * 2 + 16);
	for (;;)
	{
		char	   *t = out->data + out->len;

		st = U_ZERO_ERROR;
		ucnv_convertEx(to, from, &t, out->data + out->cap - 1, &s, src + len,
					   pivot, &psrc, &ptgt, pivot + 4096, reset, true, &st);
		reset = false;
		out->len = (size_t) (t - out->data);
		if (st != U_BUFFER_OVERFLOW_ERROR)
			break;
		grt_buf_reserve(out, out->cap);
	}
	out->data[out->len] = '\0';
	if (U_FAILURE(st))
	{
		char		bad[32];
		int8_t		nbad = sizeof(bad);
		UErrorCode	st2 = U_ZERO_ERROR;

		ucnv_getInvalidChars(from, bad, &nbad, &st2);
		*bad_at = (size_t) (s - src) - (U_SUCCESS(st2) ? (size_t) nbad : 0);
	}
	ucnv_close(from);
	ucnv_close(to);
	*replaced = subst.count;
	return U_FAILURE(st) ? GRT_CONV_INVALID : GRT_CONV_OK;
}

bool
grt_encoding_known(const char *name)
{
	UErrorCode	st = U_ZERO_ERROR;
	UConverter *c = ucnv_open(name, &st);

	if (U_FAILURE(st))
		return false;
	ucnv_close(c);
	return true;
}

/* ---- the page's own declaration ---- */

/*
 * The charset label of the first <meta> that declares one, within the
 * first 16 KB (a page's head; browsers look at 1 KB, but site templates
 * put long scripts first).  Both <meta charset=gbk> and
 * <meta http-equiv=Content-Type content="text/html; charset=gb2312">.
 */
static bool
grt_meta_charset(const char *s, size_t len, char *label, size_t labellen)
{
	size_t		lim = len < 16384 ? len : 16384;

	for (size_t i = 0; i + 5 < lim; i++)
	{
		size_t		end,
					k;

		if (s[i] != '<' || strncasecmp(s + i + 1, "meta", 4) != 0)
			continue;
		for (end = i; end < lim && s[end] != '>'; end++)
			;
		for (k = i + 5; k + 7 <= end; k++)
		{
			size_t		v,
						n = 0;

			if (strncasecmp(s + k, "charset", 7) != 0)
				continue;
			for (v = k + 7; v < end && (s[v] == ' ' || s[v] == '\t'); v++)
				;
			if (v >= end || s[v] != '=')
				continue;
			for (v++; v < end && (s[v] == ' ' || s[v] == '"' || s[v] == '\''); v++)
				;
			while (v + n < end && n + 1 < labellen &&
				   (isalnum((unsigned char) s[v + n]) || strchr("-_.:", s[v + n])))
			{
				label[n] = (char) tolower((unsigned char) s[v + n]);
				n++;
			}
			label[n] = '\0';
			if (n)
				return true;
		}
	}
	return false;
}

static const char *
grt_label_encoding(const char *label)
{
	for (size_t i = 0; i < sizeof(grt_labels) / sizeof(grt_labels[0]); i++)
		if (strcmp(label, grt_labels[i].label) == 0)
			return grt_labels[i].name;
	return NULL;
}

/* ---- the decision ---- */

/* Try one candidate; on success the UTF-8 is in *text and d is filled. */
static bool
grt_try(const char *name, const char *how, bool replace, grt_buf *text, size_t skip,
		grt_decoded *d, grt_buf *scratch, size_t *bad_at)
{
	size_t		replaced = 0;

	if (grt_convert(name, text->data + skip, text->len - skip, replace, scratch, &replaced, bad_at) != GRT_CONV_OK)
		return false;
	grt_buf_swap(text, scratch);
	snprintf(d->name, sizeof(d->name), "%s", strcmp(name, GRT_BIG5) == 0 ? "Big5" : name);
	snprintf(d->how, sizeof(d->how), "%s", how);
	d->replaced = replaced;
	return true;
}

/*
 * UTF-16 without a byte order mark, told by where its NUL bytes fall: a
 * report's line breaks, digits and spaces are ASCII, whose high byte is 0,
 * so UTF-16LE has its NULs at odd offsets and UTF-16BE at even ones.  (ICU's
 * detector gives UTF-16 a confidence of 10 for any input: no help.)
 */
static const char *
grt_utf16_by_nuls(const char *s, size_t len)
{
	size_t		even = 0,
				odd = 0;

	for (size_t i = 0; i < len; i++)
		if (s[i] == '\0')
		{
			if (i & 1)
				odd++;
			else
				even++;
		}
	if (len % 2 == 0 && odd > 8 * even && odd >= len / 50)
		return "UTF-16LE";
	if (len % 2 == 0 && even > 8 * odd && even >= len / 50)
		return "UTF-16BE";
	return NULL;
}

/*
 * ICU's detector choosing between GB18030 (GB2312, GBK) and Big5, for a
 * text valid in both (a GB2312-only text is a valid byte sequence in Big5
 * too): Big5 only when the detector finds it more likely; *conf is the
 * winner's confidence (a short text leaves it at 10 for everything).  Run
 * only then: it costs a millisecond for a few KB, far more than the
 * conversions.
 */
static const char *
grt_detect(const char *s, size_t len, int *conf)
{
	static UCharsetDetector *csd;
	UErrorCode	st = U_ZERO_ERROR;
	const UCharsetMatch **m;
	int32_t		nm = 0;
	int			gb = -1,
				big5 = -1;

	if (!csd)
		csd = ucsdet_open(&st);
	if (U_SUCCESS(st))
	{
		/* 64 KB tell as much as the whole file */
		ucsdet_setText(csd, s, (int32_t) (len < 65536 ? len : 65536), &st);
		ucsdet_enableInputFilter(csd, memchr(s, '<', len < 4096 ? len : 4096) != NULL);
		m = ucsdet_detectAll(csd, &nm, &st);
		for (int32_t i = 0; U_SUCCESS(st) && i < nm; i++)
		{
			const char *name = ucsdet_getName(m[i], &st);
			int			c = ucsdet_getConfidence(m[i], &st);

			if (U_SUCCESS(st) && strcmp(name, "GB18030") == 0 && gb < 0)
				gb = c;
			else if (U_SUCCESS(st) && strcmp(name, "Big5") == 0 && big5 < 0)
				big5 = c;
		}
	}
	*conf = big5 > gb ? big5 : gb;
	return big5 > gb ? "Big5" : "GB18030";
}

/*
 * GB18030 or Big5: the one that converts every byte, the detector's choice
 * when both do.  On success the UTF-8 is in *text; else *gb_bad and
 * *big5_bad say where each failed.
 */
static bool
grt_decode_legacy(grt_buf *text, const char *note, grt_decoded *d, grt_buf *scratch,
				  size_t *gb_bad, size_t *big5_bad)
{
	grt_buf		big5 = {0};
	size_t		replaced;
	bool		gb_ok = grt_convert("GB18030", text->data, text->len, false, scratch, &replaced, gb_bad) == GRT_CONV_OK;
	bool		big5_ok = grt_convert(GRT_BIG5, text->data, text->len, false, &big5, &replaced, big5_bad) == GRT_CONV_OK;
	const char *name = big5_ok ? "Big5" : "GB18030";
	int			conf = 0;

	if (gb_ok && big5_ok)
	{
		name = grt_detect(text->data, text->len, &conf);
		if (conf > 10)
			snprintf(d->how, sizeof(d->how), "valid GB18030 and Big5; ICU's charset detector, confidence %d%s",
					 conf, note);
		else
			snprintf(d->how, sizeof(d->how), "valid GB18030 and Big5; GB18030, as ICU's charset detector "
					 "has too little text%s", note);
	}
	else
		snprintf(d->how, sizeof(d->how), "every byte converts as %s, not as %s%s", name,
				 big5_ok ? "GB18030" : "Big5", note);
	if (gb_ok || big5_ok)
	{
		grt_buf_swap(text, strcmp(name, "Big5") == 0 ? &big5 : scratch);
		snprintf(d->name, sizeof(d->name), "%s", name);
	}
	grt_buf_free(&big5);
	return gb_ok || big5_ok;
}

/*
 * --replace, and no encoding converts every byte: UTF-8 or GB18030,
 * whichever needs fewer replacements (a UTF-8 file with a few broken
 * bytes stays UTF-8).
 */
static bool
grt_replace_best(grt_buf *text, grt_decoded *d, grt_buf *scratch)
{
	size_t		n_utf8 = 0,
				n_gb = 0,
				bad_at;
	char		how[128];
	const char *best;

	grt_convert("UTF-8", text->data, text->len, true, scratch, &n_utf8, &bad_at);
	grt_convert("GB18030", text->data, text->len, true, scratch, &n_gb, &bad_at);
	best = n_utf8 <= n_gb ? "UTF-8" : "GB18030";
	snprintf(how, sizeof(how), "--replace: %s needs the fewest replacements", best);
	return grt_try(best, how, true, text, 0, d, scratch, &bad_at);
}

/* Not UTF-8, no byte order mark: a page's declaration, UTF-16 by its NULs, GB18030 or Big5. */
static bool
grt_decode_guess(grt_buf *text, const grt_enc_opts *o, grt_decoded *d, grt_buf *scratch,
				 char *why, size_t whylen)
{
	char		label[40],
				how[160],
				note[96] = "";
	const char *name;
	size_t		bad_at = 0,
				gb_bad = 0,
				big5_bad = 0;

	if (grt_meta_charset(text->data, text->len, label, sizeof(label)))
	{
		name = grt_label_encoding(label);
		snprintf(how, sizeof(how), "<meta charset=%s>", label);
		if (name && strcmp(name, "UTF-8") != 0 && grt_try(name, how, false, text, 0, d, scratch, &bad_at))
			return true;
		snprintf(note, sizeof(note), "; the page's <meta charset=%s> %s", label,
				 name ? "does not fit its bytes" : "is not a Chinese encoding");
	}
	if (memchr(text->data, '\0', text->len))
	{
		name = grt_utf16_by_nuls(text->data, text->len);
		if (name && grt_try(name, "no byte order mark; NUL bytes where UTF-16's ASCII has them", o->replace,
							text, 0, d, scratch, &bad_at))
			return true;
		snprintf(why, whylen, "holds NUL bytes: a binary file, not text%s",
				 name ? " (nor UTF-16 without a byte order mark)" : "");
		return false;
	}
	if (grt_decode_legacy(text, note, d, scratch, &gb_bad, &big5_bad))
		return true;
	if (o->replace)
		return grt_replace_best(text, d, scratch);
	snprintf(why, whylen, "not text in a Chinese encoding: neither UTF-8 (invalid at byte %zu) nor GB18030 "
			 "(at byte %zu) nor Big5 (at byte %zu); --encoding NAME reads it as NAME, --replace with U+FFFD",
			 grt_utf8_invalid_at((const unsigned char *) text->data, text->len), gb_bad, big5_bad);
	return false;
}

/* --encoding NAME: the user's word, a byte order mark of that encoding dropped */
static bool
grt_decode_forced(grt_buf *text, const grt_enc_opts *o, grt_decoded *d, grt_buf *scratch,
				  char *why, size_t whylen)
{
	size_t		skip = 0,
				bad_at = 0;
	UErrorCode	st = U_ZERO_ERROR;
	const char *canon = ucnv_getCanonicalName(o->forced, "", &st);

	for (size_t i = 0; i < sizeof(grt_boms) / sizeof(grt_boms[0]); i++)
		if (text->len >= grt_boms[i].len && memcmp(text->data, grt_boms[i].bytes, grt_boms[i].len) == 0)
		{
			UErrorCode	st2 = U_ZERO_ERROR;
			const char *b = ucnv_getCanonicalName(grt_boms[i].name, "", &st2);

			if (canon && b && strcmp(canon, b) == 0)
				skip = grt_boms[i].len;
			break;
		}
	if (grt_try(o->forced, "--encoding", o->replace, text, skip, d, scratch, &bad_at))
		return true;
	snprintf(why, whylen, "not valid %s: invalid at byte %zu (--replace reads it with U+FFFD)",
			 o->forced, bad_at + skip);
	return false;
}

bool
grt_decode(grt_buf *text, const grt_enc_opts *o, grt_decoded *d, char *why, size_t whylen)
{
	grt_buf		scratch = {0};
	const char *bin = grt_binary_kind(text->data ? text->data : "", text->len);
	size_t		bad_at = 0;
	bool		ok = false;

	memset(d, 0, sizeof(*d));
	grt_buf_reserve(text, 0);
	if (bin && !o->forced)
	{
		snprintf(why, whylen, "%s", bin);
		return false;
	}
	if (o->forced)
		ok = grt_decode_forced(text, o, d, &scratch, why, whylen);
	else
	{
		for (size_t i = 0; !ok && i < sizeof(grt_boms) / sizeof(grt_boms[0]); i++)
			if (text->len >= grt_boms[i].len && memcmp(text->data, grt_boms[i].bytes, grt_boms[i].len) == 0)
			{
				ok = grt_try(grt_boms[i].name, "byte order mark", o->replace, text, grt_boms[i].len, d,
							 &scratch, &bad_at);
				if (!ok)
				{
					snprintf(why, whylen, "a %s byte order mark, but invalid %s at byte %zu "
							 "(--replace reads it with U+FFFD)", grt_boms[i].name, grt_boms[i].name,
							 bad_at + grt_boms[i].len);
					grt_buf_free(&scratch);
					return false;
				}
			}
		/* with NUL bytes, valid UTF-8 may be UTF-16 without a mark: guessed below */
		if (!ok && grt_utf8_invalid_at((const unsigned char *) text->data, text->len) == text->len &&
			!memchr(text->data, '\0', text->len))
		{
			snprintf(d->name, sizeof(d->name), "UTF-8");
			snprintf(d->how, sizeof(d->how), "valid UTF-8");
			ok = true;
		}
		if (!ok)
			ok = grt_decode_guess(text, o, d, &scratch, why, whylen);
	}
	grt_buf_free(&scratch);
	if (ok && memchr(text->data, '\0', text->len))
	{
		snprintf(why, whylen, "holds NUL bytes (at byte %zu of its %s text): a binary file, not text",
				 (size_t) ((char *) memchr(text->data, '\0', text->len) - text->data), d->name);
		return false;
	}
	return ok;
}

void
grt_name_utf8(const char *path, grt_buf *out)
{
	size_t		len = strlen(path),
				replaced,
				bad_at;

	/* names from a zip made on Windows are often GBK bytes */
	if (grt_utf8_invalid_at((const unsigned char *) path, len) == len)
	{
		out->len = 0;
		grt_buf_append(out, path, len);
	}
	else if (grt_convert("GB18030", path, len, false, out, &replaced, &bad_at) != GRT_CONV_OK)
		grt_convert("UTF-8", path, len, true, out, &replaced, &bad_at);
}
