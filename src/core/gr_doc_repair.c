/*
 * gr_doc_repair.c — input that is not well-formed UTF-8 (a SQL_ASCII
 * database's stray bytes, a truncated character, a NUL): a copy with each
 * ill-formed sequence replaced by U+FFFD, made only after the folding pass
 * (gr_doc.c) met one, so well-formed text is never copied for it.
 */
#include "gr_internal.h"

/*
 * How many bytes one U+FFFD replaces: a lead byte with the continuation
 * bytes that follow it (a sequence cut short, as when a multi-byte
 * character was truncated), or a single stray byte.
 */
static size_t
bad_prefix_len(const unsigned char *s, size_t len)
{
	int			n = gr_utf8_seqlen(s[0]);
	size_t		k = 1;

	while (n > 1 && k < (size_t) n && k < len && (s[k] & 0xC0) == 0x80)
		k++;
	return (n > 1 && k < (size_t) n) ? k : 1;
}

/* A copy of text with each ill-formed sequence (and NUL) replaced by U+FFFD. */
const char *
gr_doc_repair(gr_ctx *ctx, const char *text, size_t len, size_t *outlen, int *replaced)
{
	size_t		bad = 0,
				o = 0;
	char	   *out;
	uint32_t	cp;

	for (size_t i = 0; i < len;)
	{
		int			n = gr_utf8_decode((const unsigned char *) text + i, len - i, &cp);

		if (n == 0 || cp == 0)
		{
			bad++;
			i += bad_prefix_len((const unsigned char *) text + i, len - i);
		}
		else
			i += n;
	}
	*replaced = (int) bad;
	out = gr_alloc(ctx, len + bad * 2 + 1);
	if (!out)
		return NULL;
	for (size_t i = 0; i < len;)
	{
		int			n = gr_utf8_decode((const unsigned char *) text + i, len - i, &cp);

		if (n == 0 || cp == 0)
		{
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i += bad_prefix_len((const unsigned char *) text + i, len - i);
		}
		else
		{
			memcpy(out + o, text + i, n);
			o += n;
			i += n;
		}
	}
	*outlen = o;
	return out;
}
