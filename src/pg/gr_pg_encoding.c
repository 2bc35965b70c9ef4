/*
 * gr_pg_encoding.c — text between the database encoding and the core's
 * UTF-8, without ever failing on a character.
 *
 * The core reads and writes UTF-8.  A UTF8 or SQL_ASCII database holds
 * UTF-8 as it is; an EUC_CN database needs a conversion each way, and
 * PostgreSQL's conversion raises 22P05 on the first character the target
 * cannot hold (U+2014 EM DASH and U+00A0 NO-BREAK SPACE are not in its
 * EUC_CN map).  A parse result must never be an error for that, so here
 * every such character is replaced: by a look-alike the target holds
 * (— by ―, which is what GB2312's A1AA shows), otherwise by '?'; input
 * that does not convert to UTF-8 becomes U+FFFD.  The README's Encodings
 * section documents the replacements.
 *
 * CREATE EXTENSION calls gr_pg_require_encoding() first: a database whose
 * encoding cannot hold Chinese text (LATIN1, …) is refused plainly.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "common/string.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/memutils.h"

#include "gr_pg.h"

PG_FUNCTION_INFO_V1(gr_pg_require_encoding);

/* Source bytes handed to one conversion call: bounds the scratch space. */
#define GR_PG_CONV_CHUNK (256 * 1024)

/* A growable byte buffer that may pass 1 GB (the core's input may). */
typedef struct gr_pg_buf
{
	char	   *data;
	size_t		len;
	size_t		cap;
} gr_pg_buf;

static void
gr_pg_buf_reserve(gr_pg_buf *b, size_t more)
{
	size_t		need = b->len + more + 1;
	size_t		cap;

	if (need <= b->cap)
		return;
	cap = Max(need, b->cap * 2);
	if (b->data == NULL)
		b->data = MemoryContextAllocHuge(CurrentMemoryContext, cap);
	else
		b->data = repalloc_huge(b->data, cap);
	b->cap = cap;
}

static void
gr_pg_buf_append(gr_pg_buf *b, const char *s, size_t n)
{
	gr_pg_buf_reserve(b, n);
	if (n == 0)
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/*
 * The conversion functions between UTF-8 and the database encoding, looked
 * up once per backend (the database encoding never changes in a backend).
 */
static FmgrInfo *
gr_pg_conv_proc(int from, int to)
{
	static FmgrInfo *to_utf8 = NULL;
	static FmgrInfo *from_utf8 = NULL;
	FmgrInfo  **slot = (to == PG_UTF8) ? &to_utf8 : &from_utf8;

	if (*slot == NULL)
	{
		Oid			proc = FindDefaultConversionProc(from, to);
		FmgrInfo   *f;

		if (!OidIsValid(proc))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_FUNCTION),
					 errmsg("no conversion from %s to %s", pg_encoding_to_char(from),
							pg_encoding_to_char(to)),
					 errdetail("govreport converts text between the database encoding and UTF-8."),
					 errhint("Use govreport in a database encoded UTF8, EUC_CN or SQL_ASCII.")));
		f = MemoryContextAlloc(TopMemoryContext, sizeof(FmgrInfo));
		fmgr_info_cxt(proc, f, TopMemoryContext);
		*slot = f;
	}
	return *slot;
}

/*
 * Convert up to n bytes (whole characters) with noError: appends the result
 * and returns how many source bytes were converted, fewer than n when a
 * character stops it.
 */
static size_t
gr_pg_conv_some(FmgrInfo *f, int from, int to, const char *s, size_t n, gr_pg_buf *out)
{
	int			done;

	gr_pg_buf_reserve(out, n * MAX_CONVERSION_GROWTH);
	done = DatumGetInt32(FunctionCall6(f, Int32GetDatum(from), Int32GetDatum(to),
									   CStringGetDatum(s), CStringGetDatum(out->data + out->len),
									   Int32GetDatum((int) n), BoolGetDatum(true)));
	out->len += strlen(out->data + out->len);
	return (size_t) done;
}

/* Length of the character at s (at most n bytes) in encoding enc; 1 if invalid. */
static size_t
gr_pg_char_len(int enc, const char *s, size_t n)
{
	int			l = pg_encoding_mblen(enc, s);

	if (l < 1 || (size_t) l > n || pg_encoding_verifymbchar(enc, s, l) != l)
		return 1;
	return (size_t) l;
}

/* How many bytes of s[0..n) to convert at once, ending on a character boundary. */
static size_t
gr_pg_chunk(int enc, const char *s, size_t n)
{
	size_t		c = 0;

	if (n <= GR_PG_CONV_CHUNK)
		return n;
	if (enc == PG_UTF8)
	{
		c = GR_PG_CONV_CHUNK;
		while (c > GR_PG_CONV_CHUNK - 4 && ((unsigned char) s[c] & 0xC0) == 0x80)
			c--;
		return c;
	}
	while (c < GR_PG_CONV_CHUNK)
		c += gr_pg_char_len(enc, s + c, n - c);
	return c;
}

/*
 * Look-alikes for the characters an EUC_CN database lacks that reports and
 * govreport's messages use; a character not listed becomes '?'.
 */
static const struct
{
	pg_wchar	cp;
	const char *utf8;
}			gr_pg_lookalikes[] =
{
	{0x00A0, " "},				/* no-break space (&nbsp;) */
	{0x00B7, "\xE3\x83\xBB"},	/* middle dot → ・, GB2312 A1A4 */
	{0x2002, " "}, {0x2003, " "}, {0x2009, " "}, {0x202F, " "},	/* spaces */
	{0x2010, "-"}, {0x2011, "-"}, {0x2012, "-"}, {0x2013, "-"},	/* hyphens, en dash */
	{0x2014, "\xE2\x80\x95"},	/* em dash → ―, GB2312 A1AA */
	{0x2022, "\xE3\x83\xBB"},	/* bullet → ・ */
	{0x22EF, "\xE2\x80\xA6"},	/* midline ellipsis → … */
};

/* Append a stand-in for the UTF-8 character s[0..l) that the target lacks. */
static void
gr_pg_replace(FmgrInfo *f, int to, const char *s, size_t l, gr_pg_buf *out)
{
	pg_wchar	cp = (l > 1) ? utf8_to_unicode((const unsigned char *) s) : 0;

	for (size_t i = 0; i < lengthof(gr_pg_lookalikes); i++)
	{
		const char *alt = gr_pg_lookalikes[i].utf8;
		size_t		altlen = strlen(alt);
		size_t		mark = out->len;

		if (gr_pg_lookalikes[i].cp != cp)
			continue;
		if (altlen == 1)
		{
			gr_pg_buf_append(out, alt, 1);
			return;
		}
		if (gr_pg_conv_some(f, PG_UTF8, to, alt, altlen, out) == altlen)
			return;
		out->len = mark;		/* the look-alike is missing too */
		break;
	}
	gr_pg_buf_append(out, "?", 1);
}

/* UTF-8 with every invalid byte replaced by U+FFFD (for UTF8 and SQL_ASCII targets). */
static void
gr_pg_utf8_clean(const char *s, size_t n, gr_pg_buf *out)
{
	while (n > 0)
	{
		size_t		chunk = Min(n, (size_t) GR_PG_CONV_CHUNK);
		size_t		ok = (size_t) pg_encoding_verifymbstr(PG_UTF8, s, (int) chunk);

		gr_pg_buf_append(out, s, ok);
		s += ok;
		n -= ok;
		if (ok < chunk)
		{
			/* a character cut by the chunk's end goes whole; a bad byte becomes U+FFFD */
			size_t		l = gr_pg_char_len(PG_UTF8, s, n);

			if (l > 1)
				gr_pg_buf_append(out, s, l);
			else
				gr_pg_buf_append(out, "\xEF\xBF\xBD", 3);
			s += l;
			n -= l;
		}
	}
}

/*
 * Convert s[0..n) from encoding `from` to `to` (one of them UTF-8), every
 * character that does not convert replaced.  The result starts at
 * out->data + (out->len on entry) and is NUL-terminated.
 */
static void
gr_pg_convert(int from, int to, const char *s, size_t n, gr_pg_buf *out)
{
	FmgrInfo   *f = gr_pg_conv_proc(from, to);

	while (n > 0)
	{
		size_t		chunk = gr_pg_chunk(from, s, n);
		size_t		done = gr_pg_conv_some(f, from, to, s, chunk, out);

		s += done;
		n -= done;
		if (done < chunk)
		{
			/* s is a character the target lacks, or bytes that are no character */
			size_t		l = gr_pg_char_len(from, s, n);

			if (from == PG_UTF8)
				gr_pg_replace(f, to, s, l, out);
			else
				gr_pg_buf_append(out, "\xEF\xBF\xBD", 3);
			s += l;
			n -= l;
		}
		CHECK_FOR_INTERRUPTS();
	}
}

/* Is the database encoding one govreport can work in? */
static bool
gr_pg_encoding_supported(int enc)
{
	return enc == PG_UTF8 || enc == PG_EUC_CN || enc == PG_SQL_ASCII;
}

/*
 * Text in the database encoding as UTF-8 for the core.  UTF8 and SQL_ASCII
 * text goes as it is (the core replaces bytes that are not UTF-8).
 */
const char *
gr_pg_to_utf8(const char *s, size_t n, size_t *outlen)
{
	int			enc = GetDatabaseEncoding();
	gr_pg_buf	out = {NULL, 0, 0};

	*outlen = n;
	if (enc == PG_UTF8 || enc == PG_SQL_ASCII || gr_pg_is_ascii(s, n))
		return s;
	gr_pg_buf_reserve(&out, n + n / 2);
	gr_pg_convert(enc, PG_UTF8, s, n, &out);
	*outlen = out.len;
	return out.data;
}

/*
 * UTF-8 as a palloc'd string in the database encoding, `hdr` bytes left
 * free in front of it (VARHDRSZ for a text), NUL-terminated; *outlen is
 * the length after the header.  Never fails on a character.  own: s is
 * known to be valid UTF-8 without a NUL (a finding's message the core made
 * of the format's own words, keys and numbers, gr_finding.message_own), so
 * in a UTF-8 or SQL_ASCII database it is copied, not checked again: a
 * report check makes thousands of them.
 */
static char *
gr_pg_from_utf8_hdr(const char *s, size_t n, size_t hdr, bool own, size_t *outlen)
{
	int			enc = GetDatabaseEncoding();
	gr_pg_buf	out = {NULL, 0, 0};

	gr_pg_buf_reserve(&out, hdr + n);
	out.len = hdr;
	if ((enc == PG_UTF8 || enc == PG_SQL_ASCII) && own)
		gr_pg_buf_append(&out, s, n);
	else if (enc == PG_UTF8 || enc == PG_SQL_ASCII)
		gr_pg_utf8_clean(s, n, &out);	/* one pass: checked as it is copied */
	else if (gr_pg_is_ascii(s, n))
		gr_pg_buf_append(&out, s, n);
	else
		gr_pg_convert(PG_UTF8, enc, s, n, &out);
	out.data[out.len] = '\0';
	*outlen = out.len - hdr;
	return out.data;
}

char *
gr_pg_from_utf8(const char *s, size_t n)
{
	size_t		len;

	return gr_pg_from_utf8_hdr(s, n, 0, false, &len);
}

/* The same for a finding's message of the core's own words (see gr_pg_from_utf8_hdr). */
char *
gr_pg_from_own_utf8(const char *s, size_t n)
{
	size_t		len;

	return gr_pg_from_utf8_hdr(s, n, 0, true, &len);
}

/* A NUL-terminated UTF-8 string (a literal of the glue) in the database encoding. */
char *
gr_pg_srv(const char *utf8)
{
	return gr_pg_from_utf8(utf8, strlen(utf8));
}

/* UTF-8 as a text datum in the database encoding. */
static text *
text_from_utf8(const char *s, size_t n, bool own)
{
	size_t		len;
	char	   *data = gr_pg_from_utf8_hdr(s, n, VARHDRSZ, own, &len);

	if (len > MaxAllocSize - VARHDRSZ - 1)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("result text of %zu bytes is too long", len),
				 errdetail("A text value holds at most 1 GB."),
				 errhint("Split the report into smaller texts.")));
	SET_VARSIZE(data, len + VARHDRSZ);
	return (text *) data;
}

text *
gr_pg_text_from_utf8(const char *s, size_t n)
{
	return text_from_utf8(s, n, false);
}

text *
gr_pg_text_from_own_utf8(const char *s, size_t n)
{
	return text_from_utf8(s, n, true);
}

/* ASCII only?  Such text is the same in every encoding govreport accepts. */
bool
gr_pg_is_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (IS_HIGHBIT_SET(s[i]))
			return false;
	return true;
}

/*
 * Called first by the install script: reports are Chinese, so a database
 * that cannot hold Chinese text could neither store one nor any result.
 */
Datum
gr_pg_require_encoding(PG_FUNCTION_ARGS)
{
	int			enc = GetDatabaseEncoding();

	if (!gr_pg_encoding_supported(enc))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("govreport cannot be installed in a database with encoding %s",
						GetDatabaseEncodingName()),
				 errdetail("Reports and everything govreport returns are Chinese text, which %s cannot hold; "
						   "govreport works in databases encoded UTF8, EUC_CN or SQL_ASCII.",
						   GetDatabaseEncodingName()),
				 errhint("Create a database with ENCODING 'UTF8' (CREATE DATABASE ... TEMPLATE template0 ENCODING 'UTF8') and install govreport there.")));
	PG_RETURN_VOID();
}
