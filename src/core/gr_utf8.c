/*
 * gr_utf8.c — strict UTF-8 decoding and encoding.
 *
 * The input may come from a SQL_ASCII database holding stray bytes, so the
 * decoder rejects overlong forms, surrogates and truncated sequences instead
 * of trusting lead bytes; the caller then substitutes U+FFFD.
 */
#include "gr_internal.h"

/* Length of a sequence announced by its lead byte, 0 if it cannot lead. */
int
gr_utf8_seqlen(unsigned char lead)
{
	if (lead < 0x80)
		return 1;
	if (lead >= 0xC2 && lead <= 0xDF)
		return 2;
	if (lead >= 0xE0 && lead <= 0xEF)
		return 3;
	if (lead >= 0xF0 && lead <= 0xF4)
		return 4;
	return 0;
}

/*
 * Decode one character at s.  Returns its length in bytes, or 0 when the
 * bytes at s are not a well-formed UTF-8 sequence.
 */
int
gr_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	int			n;
	uint32_t	c;

	if (len == 0)
		return 0;
	n = gr_utf8_seqlen(s[0]);
	if (n == 0 || (size_t) n > len)
		return 0;
	if (n == 1)
	{
		*cp = s[0];
		return 1;
	}
	for (int i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	switch (n)
	{
		case 2:
			c = ((uint32_t) (s[0] & 0x1F) << 6) | (s[1] & 0x3F);
			break;
		case 3:
			c = ((uint32_t) (s[0] & 0x0F) << 12) | ((uint32_t) (s[1] & 0x3F) << 6) |
				(s[2] & 0x3F);
			if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
				return 0;
			break;
		default:
			c = ((uint32_t) (s[0] & 0x07) << 18) | ((uint32_t) (s[1] & 0x3F) << 12) |
				((uint32_t) (s[2] & 0x3F) << 6) | (s[3] & 0x3F);
			if (c < 0x10000 || c > 0x10FFFF)
				return 0;
			break;
	}
	*cp = c;
	return n;
}

/* Encode cp (assumed valid) into out, which has room for 4 bytes. */
int
gr_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *) out;

	if (cp < 0x80)
	{
		o[0] = (unsigned char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		o[0] = (unsigned char) (0xC0 | (cp >> 6));
		o[1] = (unsigned char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		o[0] = (unsigned char) (0xE0 | (cp >> 12));
		o[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char) (0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char) (0xF0 | (cp >> 18));
	o[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char) (0x80 | (cp & 0x3F));
	return 4;
}

/*
 * The length of the longest prefix of s that ends on a whole character:
 * text cut to fit a buffer must not end in half a character.
 */
size_t
gr_utf8_valid_prefix(const char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		uint32_t	cp;
		int			n = gr_utf8_decode((const unsigned char *) s + i, len - i, &cp);

		if (n == 0)
			break;
		i += (size_t) n;
	}
	return i;
}

/* Characters (code points) in s[0..len), counting lead bytes. */
int
gr_utf8_chars(const char *s, size_t len)
{
	int			n = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			n++;
	return n;
}
