/*
 * grt_buf.c — the tool's memory: growable byte buffers, reading a whole
 * file (or standard input), and the allocator lent to the core.
 *
 * A command-line program has nothing to hand back when memory runs out,
 * so every allocation here either succeeds or ends the program with a
 * message: the callers need not check.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "grt.h"

void
grt_warn(const char *fmt,...)
{
	va_list		ap;

	fputs("govreport: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void
grt_oom(size_t n)
{
	grt_warn("out of memory (%zu bytes wanted)", n);
	exit(GRT_EXIT_USAGE);
}

void *
grt_xmalloc(size_t n)
{
	void	   *p = malloc(n ? n : 1);

	if (!p)
		grt_oom(n);
	return p;
}

char *
grt_xstrdup(const char *s)
{
	size_t		n = strlen(s) + 1;

	return memcpy(grt_xmalloc(n), s, n);
}

void
grt_buf_reserve(grt_buf *b, size_t more)
{
	size_t		need = b->len + more + 1;
	size_t		cap;
	char	   *p;

	if (need <= b->cap)
		return;
	cap = b->cap * 2 > need ? b->cap * 2 : need;
	if (cap < 256)
		cap = 256;
	p = realloc(b->data, cap);
	if (!p)
		grt_oom(cap);
	b->data = p;
	b->cap = cap;
}

void
grt_buf_append(grt_buf *b, const void *p, size_t n)
{
	grt_buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
grt_buf_puts(grt_buf *b, const char *s)
{
	grt_buf_append(b, s, strlen(s));
}

void
grt_buf_printf(grt_buf *b, const char *fmt,...)
{
	va_list		ap;
	int			n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	grt_buf_reserve(b, (size_t) n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t) n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t) n;
}

void
grt_buf_swap(grt_buf *a, grt_buf *b)
{
	grt_buf		t = *a;

	*a = *b;
	*b = t;
}

void
grt_buf_free(grt_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

bool
grt_read_file(const char *path, grt_buf *out, char *why, size_t whylen)
{
	bool		is_stdin = strcmp(path, "-") == 0;
	FILE	   *f = is_stdin ? stdin : fopen(path, "rb");
	size_t		r;

	out->len = 0;
	if (!f)
	{
		snprintf(why, whylen, "%s", strerror(errno));
		return false;
	}
	do
	{
		grt_buf_reserve(out, 65536);
		r = fread(out->data + out->len, 1, out->cap - out->len - 1, f);
		out->len += r;
	} while (r > 0);
	out->data[out->len] = '\0';
	if (ferror(f))
	{
		/* a directory given as a file reads as EISDIR here */
		snprintf(why, whylen, "%s", strerror(errno ? errno : EIO));
		if (!is_stdin)
			fclose(f);
		return false;
	}
	if (!is_stdin)
		fclose(f);
	return true;
}

/* ---- the core's allocator ---- */

typedef struct grt_block
{
	struct grt_block *next;
	size_t		used;
	size_t		cap;
	_Alignas(16) char data[];
} grt_block;

struct grt_arena
{
	grt_block  *head;
};

/* NULL when memory is out: the core then says GR_ENOMEM for this file */
static void *
grt_arena_alloc(void *ctx, size_t size)
{
	grt_arena  *a = ctx;
	grt_block  *b = a->head;

	size = (size + 15) & ~(size_t) 15;
	if (b == NULL || b->used + size > b->cap)
	{
		size_t		cap = size > 256 * 1024 ? size : 256 * 1024;

		b = malloc(sizeof(grt_block) + cap);
		if (!b)
			return NULL;
		b->next = a->head;
		b->used = 0;
		b->cap = cap;
		a->head = b;
	}
	b->used += size;
	return b->data + b->used - size;
}

static void *
grt_persist_alloc(size_t size)
{
	return malloc(size);
}

grt_arena *
grt_arena_new(void)
{
	grt_arena  *a = grt_xmalloc(sizeof(grt_arena));

	a->head = NULL;
	return a;
}

void
grt_arena_reset(grt_arena *a)
{
	while (a->head)
	{
		grt_block  *n = a->head->next;

		free(a->head);
		a->head = n;
	}
}

gr_env
grt_arena_env(grt_arena *a)
{
	gr_env		env = {grt_arena_alloc, a, grt_persist_alloc, NULL};

	return env;
}
