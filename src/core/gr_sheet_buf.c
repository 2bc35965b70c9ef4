/*
 * gr_sheet_buf.c — the review sheet's output buffer: markup appended as
 * it is, report text HTML-escaped, numbers written exactly.
 *
 * Every text that comes from a report (its title, org, cells, the findings'
 * messages, which quote it) goes through gr_sb_esc, so a report holding
 * <script> shows it as text.  Bytes that are not UTF-8 become U+FFFD and
 * control characters a space, so the page is always valid UTF-8.  With
 * ascii set every other character is written as &#x…; — a page in pure
 * ASCII reads the same in every database encoding.
 */
#include <stdio.h>
#include <string.h>

#include "gr_sheet.h"

static int
sb_grow(gr_sbuf *b, size_t more)
{
	size_t		need = b->len + more + 1;
	size_t		cap;
	char	   *d;

	if (b->failed)
		return 0;
	if (need <= b->cap)
		return 1;
	cap = b->cap ? b->cap * 2 : 16384;
	while (cap < need)
		cap *= 2;
	/* the arena frees nothing before the call ends; doubling keeps the waste at one copy */
	d = b->env->alloc(b->env->alloc_ctx, cap);
	if (d == NULL)
	{
		b->failed = 1;
		return 0;
	}
	if (b->len)
		memcpy(d, b->data, b->len);
	b->data = d;
	b->cap = cap;
	return 1;
}

static void
sb_raw(gr_sbuf *b, const char *s, size_t n)
{
	if (n == 0 || !sb_grow(b, n))
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* Length of the valid UTF-8 character at s (at most n bytes) and its code point; 0 if invalid. */
static int
utf8_char(const unsigned char *s, size_t n, uint32_t *cp)
{
	int			len;
	uint32_t	c;

	if (s[0] < 0x80)
	{
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, c = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3, c = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if ((size_t) len > n)
		return 0;
	for (int i = 1; i < len; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)))
		return 0;
	*cp = c;
	return len;
}

/* One character: as it is, or as a reference in ASCII mode. */
static void
sb_char(gr_sbuf *b, const char *s, int len, uint32_t cp)
{
	char		ref[16];

	if (cp < 0x80 || !b->ascii)
	{
		sb_raw(b, s, (size_t) len);
		return;
	}
	snprintf(ref, sizeof(ref), "&#x%X;", (unsigned) cp);
	sb_raw(b, ref, strlen(ref));
}

/* What stands for a one-byte character that is not copied as it is; NULL: copy it. */
static const char *
sb_ascii_stand_in(uint32_t cp, int esc)
{
	if (cp == '\n')
		return esc ? "&#10;" : NULL;	/* a line break in a title= too */
	if (cp == '\t')
		return esc ? " " : NULL;
	if (cp < 0x20 || cp == 0x7F)
		return " ";				/* no control character is valid in HTML text */
	if (!esc)
		return NULL;
	switch (cp)
	{
		case '&':
			return "&amp;";
		case '<':
			return "&lt;";
		case '>':
			return "&gt;";
		case '"':
			return "&quot;";
		case '\'':
			return "&#39;";
	}
	return NULL;
}

/* Append s, escaping (esc) or not; invalid bytes and controls replaced either way. */
static void
sb_text(gr_sbuf *b, const char *s, size_t n, int esc)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0,
				run = 0;		/* s[run .. i) is plain ASCII, not yet copied */

	while (i < n)
	{
		uint32_t	cp = 0;
		int			len = utf8_char(p + i, n - i, &cp);
		const char *alt = len == 1 ? sb_ascii_stand_in(cp, esc) : NULL;

		if (len == 1 && alt == NULL)
		{
			i++;
			continue;
		}
		sb_raw(b, s + run, i - run);
		if (len == 0)
		{
			sb_char(b, "\xEF\xBF\xBD", 3, 0xFFFD);
			len = 1;
		}
		else if (alt)
			sb_raw(b, alt, strlen(alt));
		else
			sb_char(b, s + i, len, cp);
		i += (size_t) len;
		run = i;
	}
	sb_raw(b, s + run, i - run);
}

void
gr_sb_put(gr_sbuf *b, const char *s, size_t n)
{
	sb_text(b, s, n, 0);
}

void
gr_sb_puts(gr_sbuf *b, const char *s)
{
	sb_text(b, s, strlen(s), 0);
}

void
gr_sb_esc(gr_sbuf *b, const char *s, size_t n)
{
	sb_text(b, s, n, 1);
}

void
gr_sb_escs(gr_sbuf *b, const char *s)
{
	if (s)
		sb_text(b, s, strlen(s), 1);
}

void
gr_sb_printf(gr_sbuf *b, const char *fmt,...)
{
	char		buf[1024];
	va_list		ap;
	int			n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	/* markup only (numbers, keys, class names): longer text goes through gr_sb_put */
	sb_text(b, buf, (size_t) n < sizeof(buf) ? (size_t) n : sizeof(buf) - 1, 0);
}

void
gr_sb_num(gr_sbuf *b, int64_t mant, int scale)
{
	uint64_t	m = mant < 0 ? (uint64_t) 0 - (uint64_t) mant : (uint64_t) mant;
	uint64_t	p = 1;

	if (scale < 0 || scale > 18)
		scale = 0;
	for (int i = 0; i < scale; i++)
		p *= 10;
	if (scale == 0)
		gr_sb_printf(b, "%s%llu", mant < 0 ? "-" : "", (unsigned long long) m);
	else
		gr_sb_printf(b, "%s%llu.%0*llu", mant < 0 ? "-" : "", (unsigned long long) (m / p), scale,
					 (unsigned long long) (m % p));
}
