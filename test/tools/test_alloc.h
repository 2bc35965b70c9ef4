/*
 * test_alloc.h — the allocator and file reading shared by the programs
 * that call the core without a server (grdump, unit tests, fuzzer, bench).
 * A chain of malloc'd blocks stands in for a PostgreSQL memory context:
 * everything is released at once by ta_arena_free().
 */
#ifndef TEST_ALLOC_H
#define TEST_ALLOC_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gr_core.h"

typedef struct ta_block
{
	struct ta_block *next;
	size_t		used;
	size_t		cap;
	_Alignas(16) char data[];
} ta_block;

typedef struct ta_arena
{
	ta_block   *head;
	size_t		total;
	size_t		limit;			/* 0: none; else fail allocations beyond it */
} ta_arena;

static void *
ta_alloc(void *ctx, size_t size)
{
	ta_arena   *a = ctx;
	ta_block   *b = a->head;

	size = (size + 15) & ~(size_t) 15;
	if (a->limit && a->total + size > a->limit)
		return NULL;
	if (b == NULL || b->used + size > b->cap)
	{
		size_t		cap = size > 65536 ? size : 65536;

		b = malloc(sizeof(ta_block) + cap);
		if (!b)
			return NULL;
		b->next = a->head;
		b->used = 0;
		b->cap = cap;
		a->head = b;
	}
	a->total += size;
	b->used += size;
	return b->data + b->used - size;
}

static void
ta_arena_free(ta_arena *a)
{
	while (a->head)
	{
		ta_block   *n = a->head->next;

		free(a->head);
		a->head = n;
	}
	a->total = 0;
}

static void *
ta_persist(size_t size)
{
	return malloc(size);
}

static inline gr_env
ta_env(ta_arena *a)
{
	gr_env		env = {ta_alloc, a, ta_persist, NULL};

	return env;
}

/*
 * One parse of text (and with check, the rules as report_check runs them)
 * in an arena of its own: the bytes it took per byte of input, -1 when the
 * parse failed.  The memory figure of bench/core and of test_core's bounds.
 */
static inline double
ta_parse_ratio(const char *text, size_t len, int check)
{
	ta_arena	arena = {0};
	gr_env		env = ta_env(&arena);
	gr_report  *rep;
	gr_error	err;
	double		ratio = -1;

	if (gr_parse(&env, text, len, &rep, &err) == GR_OK &&
		(!check || gr_check(&env, rep, 0, &err) == GR_OK))
		ratio = len ? (double) arena.total / (double) len : 0;
	ta_arena_free(&arena);
	return ratio;
}

static inline char *
ta_read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf = NULL;
	size_t		cap = 0,
				n = 0,
				r;

	if (!f)
		return NULL;
	do
	{
		if (n + 65536 > cap)
		{
			char	   *nb;

			cap = cap * 2 + 65536;
			nb = realloc(buf, cap + 1);
			if (!nb)
			{
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

#endif
