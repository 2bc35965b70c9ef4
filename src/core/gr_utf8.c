/*
 * gr_utf8.c — strict UTF-8 decoding and encoding.
 *
 * The input may come from a SQL_ASCII database holding stray bytes, so the
 * decoder rejects overlong forms, surrogates and truncated sequences instead
 * of trusting lead bytes; the caller then substitutes U+FFFD.
 */
#include "gr_internal.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/*
 * gr_utf8_seqlen and gr_utf8_decode are inline in gr_internal.h: every
 * step decodes characters, and a call per character was a tenth of a
 * parse.
 */

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
		uint64_t	w;
		int			n;

		/* sixteen, then eight, ASCII bytes at a time: messages are mostly keys and numbers */
#ifdef __SSE2__
		if (i + 16 <= len &&
			_mm_movemask_epi8(_mm_loadu_si128((const __m128i *) (s + i))) == 0)
		{
			i += 16;
			continue;
		}
#endif
		if (i + 8 <= len)
		{
			memcpy(&w, s + i, 8);
			if ((w & UINT64_C(0x8080808080808080)) == 0)
			{
				i += 8;
				continue;
			}
		}
		/*
		 * a three-byte character whose lead is neither E0 (overlong forms)
		 * nor ED (surrogates) is well formed with any two continuation
		 * bytes: most of the Chinese of a message, checked without
		 * decoding
		 */
		{
			unsigned char c = (unsigned char) s[i];

			if (c >= 0xE1 && c <= 0xEF && c != 0xED)
			{
				if (i + 3 > len || ((unsigned char) s[i + 1] & 0xC0) != 0x80 ||
					((unsigned char) s[i + 2] & 0xC0) != 0x80)
					break;
				i += 3;
				continue;
			}
		}
		n = gr_utf8_decode((const unsigned char *) s + i, len - i, &cp);
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
	size_t		i = 0;

#ifdef __SSE2__
	/* sixteen at a time: a byte leads unless it is 0x80..0xBF, -128..-65 signed */
	const __m128i cont_max = _mm_set1_epi8(-65);

	for (; i + 16 <= len; i += 16)
	{
		__m128i		v = _mm_loadu_si128((const __m128i *) (s + i));

		n += __builtin_popcount((unsigned) _mm_movemask_epi8(_mm_cmpgt_epi8(v, cont_max)));
	}
#endif
	for (; i < len; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/*
 * The columns a character takes in a fixed-width rendering of the text
 * (UAX #11: 2 for the East Asian Wide and Fullwidth characters, 1 for the
 * rest), as pandoc, w3m and terminals lay out text tables: the ranges of
 * the Wide and Fullwidth blocks, the Chinese ones first.
 */
int
gr_utf8_cols(uint32_t cp)
{
	static const uint32_t wide[][2] = {
		{0x4E00, 0x9FFF}, {0x3000, 0x303E}, {0xFF01, 0xFF60}, {0x3400, 0x4DBF},
		{0x1100, 0x115F}, {0x2E80, 0x2FFB}, {0x3041, 0x33FF}, {0xA000, 0xA4CF},
		{0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
		{0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}, {0x20000, 0x3FFFD},
	};

	if (cp < 0x1100)
		return 1;
	for (size_t i = 0; i < sizeof(wide) / sizeof(wide[0]); i++)
		if (cp >= wide[i][0] && cp <= wide[i][1])
			return 2;
	return 1;
}
