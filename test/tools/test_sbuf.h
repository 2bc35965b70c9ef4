/*
 * test_sbuf.h — a growing, NUL-terminated string for the programs that
 * test the core without a server (test_layouts, test_html's reference).
 */
#ifndef TEST_SBUF_H
#define TEST_SBUF_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sbuf
{
	char	   *p;
	size_t		n;
	size_t		cap;
} sbuf;

static void
sb_putn(sbuf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap)
	{
		size_t		cap = (b->cap + n + 1) * 2;

		b->p = realloc(b->p, cap);
		if (!b->p)
		{
			fprintf(stderr, "out of memory\n");
			exit(2);
		}
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void
sb_put(sbuf *b, const char *s)
{
	sb_putn(b, s, strlen(s));
}

static void
sb_printf(sbuf *b, const char *fmt,...)
{
	char		tmp[1024];
	va_list		ap;
	int			n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	sb_putn(b, tmp, (size_t) n < sizeof(tmp) ? (size_t) n : sizeof(tmp) - 1);
}

#endif
