/*
 * gr_lfold.c — a label's text as the matcher compares it: folded without
 * white space and punctuation (gr_lfold), its first character of its own
 * (gr_label_first_cp), and how much of a text a label covers, pinyin
 * glosses and punctuation aside (gr_label_prefix_len).  gr_label.c matches
 * cells against the labels so folded.
 */
#include "gr_label.h"

static bool
is_punct_cp(uint32_t cp)
{
	if (cp < 0x80)
		return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
	/* kana to the compatibility forms, the ideographs among them: asked first, the most common */
	if (cp >= 0x3040 && cp < 0xFE30)
		return false;
	if (cp >= 0x80 && cp <= 0xBF)
		return true;
	if (cp >= 0x2000 && cp <= 0x206F)
		return true;
	if (cp >= 0x3000 && cp <= 0x303F && cp != 0x3007)
		return true;
	if (cp >= 0xFE30 && cp <= 0xFE6F)
		return true;
	if (cp >= 0xFF00 && cp <= 0xFF0F)
		return true;
	if ((cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
		return true;
	if (cp >= 0x2500 && cp <= 0x25FF)	/* box drawing, geometric shapes */
		return true;
	return false;
}

/*
 * Leads E4-EC and EE begin U+4000-CFFF and U+E000-EFFF, no punctuation
 * among them (is_punct_cp), well formed with any two continuation bytes:
 * the Han characters of a label, kept without decoding.
 */
static inline bool
is_han3(const unsigned char *u, size_t i, size_t len)
{
	return (unsigned) (u[i] - 0xE4) <= 0xEE - 0xE4 && u[i] != 0xED && i + 3 <= len &&
		(u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80;
}

/* ASCII letters and digits stay; the rest of ASCII is punctuation. */
static inline bool
is_alnum_byte(unsigned char c)
{
	return (unsigned) (c - '0') < 10 || (unsigned) ((c | 0x20) - 'a') < 26;
}

/* gr_lfold where out may be too short: a character that does not fit is left out. */
static size_t
lfold_checked(const char *s, size_t len, char *out, size_t cap)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		o = 0;

	for (size_t i = 0; i < len;)
	{
		uint32_t	cp;
		int			n;

		if (u[i] < 0x80)
		{
			if (is_alnum_byte(u[i]) && o < cap)
				out[o++] = s[i];
			i++;
			continue;
		}
		if (is_han3(u, i, len))
		{
			if (o + 3 <= cap)
			{
				memmove(out + o, s + i, 3);
				o += 3;
			}
			i += 3;
			continue;
		}
		n = gr_utf8_decode(u + i, len - i, &cp);
		if (n == 0)
		{
			i++;
			continue;
		}
		if (!is_punct_cp(cp) && o + (size_t) n <= cap)
		{
			memmove(out + o, s + i, (size_t) n);
			o += n;
		}
		i += n;
	}
	return o;
}

/*
 * Fold a label for comparison: the text without white space and
 * punctuation.  The input is folded text or a label from the format
 * tables; returns the length written to out.  out may be s (folded in
 * place: what is kept moves only towards the start, hence memmove).
 */
size_t
gr_lfold(const char *s, size_t len, char *out, size_t cap)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		o = 0,
				i = 0;

	/* the folded text is never longer than s: with room for all of it, nothing is checked */
	if (cap < len)
		return lfold_checked(s, len, out, cap);
	while (i < len)
	{
		size_t		j = i;
		uint32_t	cp;
		int			n;

		/* a run of characters that stay (Han, letters, digits), copied at once */
		while (j + 3 <= len)
		{
			unsigned char c = u[j];
			uint16_t	cont;

			memcpy(&cont, u + j + 1, 2);
			if ((unsigned) (c - 0xE4) <= 0xEE - 0xE4 && c != 0xED && (cont & 0xC0C0) == 0x8080)
				j += 3;			/* is_han3, two continuation bytes tested at once */
			else if (is_alnum_byte(c))
				j++;
			else
				break;
		}
		for (;;)
		{
			if (j >= len)
				break;
			if (is_han3(u, j, len))
				j += 3;
			else if (is_alnum_byte(u[j]))
				j++;
			else
				break;
		}
		memmove(out + o, s + i, j - i);
		o += j - i;
		if (j >= len)
			break;
		/* a character that may be punctuation */
		i = j;
		if (u[i] < 0x80)
		{
			i++;				/* not a letter or digit */
			continue;
		}
		n = gr_utf8_decode(u + i, len - i, &cp);
		if (n == 0)
		{
			i++;
			continue;
		}
		if (!is_punct_cp(cp))
		{
			memmove(out + o, s + i, (size_t) n);
			o += n;
		}
		i += n;
	}
	return o;
}

/* A pinyin gloss at t ("(guī)", letters with tone marks in brackets): its bytes, else 0. */
static size_t
gloss_len(const char *t, size_t tlen)
{
	size_t		i = 1;

	if (tlen < 3 || t[0] != '(')
		return 0;
	while (i < tlen && t[i] != ')')
	{
		uint32_t	cp;
		int			n = gr_utf8_decode((const unsigned char *) t + i, tlen - i, &cp);

		if (n == 0 || !((cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F)))
			return 0;
		i += (size_t) n;
	}
	return i < tlen && i > 1 ? i + 1 : 0;
}

/*
 * The first character of t that is not punctuation, 0 when there is none
 * (or the text is not UTF-8 before it): gr_label_prefix_len compares it
 * first (glosses are skipped only after a matched character), so a label
 * whose own first such character differs cannot begin there.
 */
uint32_t
gr_label_first_cp(const char *t, size_t tlen)
{
	for (size_t i = 0; i < tlen;)
	{
		uint32_t	cp;
		int			n = gr_utf8_decode((const unsigned char *) t + i, tlen - i, &cp);

		if (n == 0)
			return 0;
		if (!is_punct_cp(cp))
			return cp;
		i += (size_t) n;
	}
	return 0;
}

/*
 * The bytes of punctuation t begins with (all of t when it is nothing
 * else; up to an ill-formed byte).  A label matched from inside such a run
 * is the one matched from its start (gr_label_prefix_len passes the text's
 * punctuation), so a caller that asks at every character of a text asks
 * once for the run (gr_inline.c: a grid table's borders, a hostile line
 * of marks, in linear time).
 */
size_t
gr_label_lead_len(const char *t, size_t tlen)
{
	size_t		i = 0;

	while (i < tlen)
	{
		uint32_t	cp;
		int			n = gr_utf8_decode((const unsigned char *) t + i, tlen - i, &cp);

		if (n == 0 || !is_punct_cp(cp))
			break;
		i += (size_t) n;
	}
	return i;
}

/*
 * Does text t begin with the label, punctuation and pinyin glosses aside
 * (the folded text's quotes and brackets need not be the label's; a
 * zh-TW page glosses characters: 規(guī)章)?  Returns the bytes of t the
 * label covers, 0 when it does not begin there.
 */
size_t
gr_label_prefix_len(const char *t, size_t tlen, const char *label)
{
	const unsigned char *u = (const unsigned char *) t,
			   *lu = (const unsigned char *) label;
	size_t		i = 0,
				j = 0,
				llen = strlen(label),
				end = 0;

	while (j < llen)
	{
		uint32_t	a = 0,
					b = 0;
		int			na,
					nb;
		bool		han_b = is_han3(lu, j, llen),
					han_a;

		/* a Han character is never punctuation, and is compared as its bytes */
		if (han_b)
			nb = 3;
		else if ((nb = gr_utf8_decode(lu + j, llen - j, &b)) == 0)
			return 0;
		else if (is_punct_cp(b))
		{
			j += (size_t) nb;
			continue;
		}
		for (;;)
		{
			if (i >= tlen)
				return 0;
			if (end > 0)
				i += gloss_len(t + i, tlen - i);	/* after a matched character */
			if (i >= tlen)
				return 0;
			if ((han_a = is_han3(u, i, tlen)))
			{
				na = 3;
				break;
			}
			na = gr_utf8_decode(u + i, tlen - i, &a);
			if (na == 0)
				return 0;
			if (!is_punct_cp(a))
				break;
			i += (size_t) na;
		}
		/* well-formed UTF-8: the same character is the same bytes, and a Han one both are */
		if (han_a != han_b || (han_a ? memcmp(u + i, lu + j, 3) != 0 : a != b))
			return 0;
		i += (size_t) na;
		j += (size_t) nb;
		end = i;
	}
	return end;
}
