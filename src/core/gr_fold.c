/*
 * gr_fold.c — the folding used for matching, one character at a time.
 *
 * Each character is folded by ICU: NFKC (full-width digits, letters,
 * brackets and punctuation become ASCII, ㈠ becomes (一)) and then the
 * Hant-Hans transliterator (總體情況 → 总体情况).  A short table of our own
 * drops invisible characters and unifies a few look-alikes that NFKC leaves
 * alone (curly quotes, ○ typed for 〇, the minus sign).
 *
 * Folding character by character, instead of whole strings, is what lets
 * every folded byte point back at the original character (gr_text.c), so
 * that values and line numbers always refer to the text as written.  The
 * price is that NFKC cannot compose across characters, which does not
 * matter for the Chinese, digits and punctuation we match on.
 *
 * ICU is asked once per character per process: results are cached in a
 * two-level table whose pages come from env->persist_alloc on first use.
 * The cache is process-wide and not thread-safe, which fits PostgreSQL
 * backends and the single-threaded tools.
 */
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "gr_internal.h"

#define FOLD_MAX 14				/* longest folded form kept, in bytes */

typedef struct fold_entry
{
	uint8_t		known;
	uint8_t		len;
	char		s[FOLD_MAX];
} fold_entry;

#define FOLD_PAGES (0x110000 >> 8)
static fold_entry *fold_pages[FOLD_PAGES];

static const UNormalizer2 *fold_nfkc;
static UTransliterator *fold_hant;

/*
 * Characters folded by us before ICU sees them.  An empty replacement
 * drops the character: it is invisible and only breaks matching.
 */
static const struct
{
	uint32_t	cp;
	const char *to;
}			fold_extra[] =
{
	{0x00AD, ""},				/* soft hyphen */
	{0x180E, ""},				/* Mongolian vowel separator */
	{0x200B, ""},				/* zero-width space */
	{0x200C, ""},
	{0x200D, ""},
	{0x200E, ""},				/* directional marks */
	{0x200F, ""},
	{0x202A, ""},
	{0x202B, ""},
	{0x202C, ""},
	{0x202D, ""},
	{0x202E, ""},
	{0x2060, ""},				/* word joiner and invisible operators */
	{0x2061, ""},
	{0x2062, ""},
	{0x2063, ""},
	{0x2064, ""},
	{0x2066, ""},
	{0x2067, ""},
	{0x2068, ""},
	{0x2069, ""},
	{0xFEFF, ""},				/* byte order mark */
	{0x00A0, " "},				/* no-break spaces are spaces */
	{0x202F, " "},
	{0x3000, " "},
	{0x201C, "\""},				/* quotation marks */
	{0x201D, "\""},
	{0x201E, "\""},
	{0x201F, "\""},
	{0x301D, "\""},
	{0x301E, "\""},
	{0x2018, "'"},
	{0x2019, "'"},
	{0x201A, "'"},
	{0x201B, "'"},
	{0x2212, "-"},				/* minus sign */
	{0x25CB, "\xE3\x80\x87"},	/* ○ typed for 〇 in dates */
	{0x25EF, "\xE3\x80\x87"},
};

static gr_status
fold_setup(gr_ctx *ctx)
{
	UErrorCode	status = U_ZERO_ERROR;
	UChar		id[16];
	UParseError perr;

	if (fold_hant)
		return GR_OK;
	fold_nfkc = unorm2_getNFKCInstance(&status);
	if (U_FAILURE(status))
		return gr_fail(ctx, GR_EICU, 0, "could not load the ICU NFKC normalizer",
					   u_errorName(status));
	u_uastrcpy(id, "Hant-Hans");
	fold_hant = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, &perr, &status);
	if (U_FAILURE(status) || fold_hant == NULL)
	{
		fold_hant = NULL;
		return gr_fail(ctx, GR_EICU, 0,
					   "could not open the ICU transliterator Hant-Hans",
					   u_errorName(status));
	}
	return GR_OK;
}

/* Ask ICU for the folded form of cp and store it in e. */
static gr_status
fold_compute(gr_ctx *ctx, uint32_t cp, fold_entry *e)
{
	UErrorCode	status = U_ZERO_ERROR;
	UChar		in[4],
				norm[32];
	int32_t		inlen = 0,
				nlen,
				limit;
	char		utf8[64];
	int32_t		u8len = 0;

	for (size_t i = 0; i < sizeof(fold_extra) / sizeof(fold_extra[0]); i++)
	{
		if (fold_extra[i].cp == cp)
		{
			e->len = (uint8_t) strlen(fold_extra[i].to);
			memcpy(e->s, fold_extra[i].to, e->len);
			e->known = 1;
			return GR_OK;
		}
	}

	U16_APPEND_UNSAFE(in, inlen, cp);
	nlen = unorm2_normalize(fold_nfkc, in, inlen, norm, 32, &status);
	if (U_FAILURE(status))
	{
		/* longer than anything we match on: keep the character itself */
		status = U_ZERO_ERROR;
		memcpy(norm, in, inlen * sizeof(UChar));
		nlen = inlen;
	}
	limit = nlen;
	utrans_transUChars(fold_hant, norm, &nlen, 32, 0, &limit, &status);
	if (U_FAILURE(status))
	{
		status = U_ZERO_ERROR;
		nlen = unorm2_normalize(fold_nfkc, in, inlen, norm, 32, &status);
		if (U_FAILURE(status))
		{
			memcpy(norm, in, inlen * sizeof(UChar));
			nlen = inlen;
		}
	}
	status = U_ZERO_ERROR;
	u_strToUTF8(utf8, sizeof(utf8), &u8len, norm, nlen, &status);
	if (U_FAILURE(status) || u8len < 0)
		u8len = gr_utf8_encode(cp, utf8);

	/* keep whole characters only */
	if (u8len > FOLD_MAX)
	{
		int			keep = 0;

		while (keep < u8len)
		{
			int			n = gr_utf8_seqlen((unsigned char) utf8[keep]);

			if (n == 0 || keep + n > FOLD_MAX)
				break;
			keep += n;
		}
		u8len = keep;
	}
	e->len = (uint8_t) u8len;
	memcpy(e->s, utf8, u8len);
	e->known = 1;
	return GR_OK;
}

/*
 * The folded form of one non-ASCII character: *out points at *outlen bytes
 * of UTF-8 (possibly none).  Valid until the process ends.
 */
gr_status
gr_fold_codepoint(gr_ctx *ctx, uint32_t cp, const char **out, int *outlen)
{
	fold_entry *page;
	fold_entry *e;
	gr_status	st;

	page = fold_pages[cp >> 8];
	if (page == NULL)
	{
		if ((st = fold_setup(ctx)) != GR_OK)
			return st;
		page = ctx->env->persist_alloc(256 * sizeof(fold_entry));
		if (page == NULL)
			return gr_fail(ctx, GR_ENOMEM, 0, "out of memory", "The folding table could not grow.");
		memset(page, 0, 256 * sizeof(fold_entry));
		fold_pages[cp >> 8] = page;
	}
	e = &page[cp & 0xFF];
	if (!e->known && (st = fold_compute(ctx, cp, e)) != GR_OK)
		return st;
	*out = e->s;
	*outlen = e->len;
	return GR_OK;
}
