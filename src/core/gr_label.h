/*
 * gr_label.h — matching text cells to the rows and columns of gr_format.c.
 */
#ifndef GR_LABEL_H
#define GR_LABEL_H

#include "gr_format.h"
#include "gr_grid.h"

typedef enum gr_label_tier
{
	GR_LT_EXACT = 0,			/* the label or an alias */
	GR_LT_CONTAINS,				/* the label with more around it */
	GR_LT_PART,					/* a piece of the label */
	GR_LT_SHARED,				/* long common start or end, same numbering */
	GR_LT_SIMILAR,				/* many character pairs in common */
	GR_LT_NONE
} gr_label_tier;

typedef struct gr_label_match
{
	int			row;			/* -1: no row */
	gr_label_tier tier;
	int			quality;		/* 0..100 within the tier */
	bool		continuation;	/* a piece of the current row's own label */
} gr_label_match;

/* A hash of text t on h, eight bytes at a time: the look-up of the memos of matches. */
static inline uint32_t
gr_text_hash(uint64_t h, const char *t, size_t tlen)
{
	size_t		i = 0;
	uint64_t	w;

	for (; i + 8 <= tlen; i += 8)
	{
		memcpy(&w, t + i, 8);
		h = (h ^ w) * 0x9E3779B97F4A7C15u;
		h ^= h >> 29;
	}
	if (i < tlen)
	{
		w = 0;
		memcpy(&w, t + i, tlen - i);
		h = (h ^ w) * 0x9E3779B97F4A7C15u;
		h ^= h >> 29;
	}
	h = (h ^ tlen) * 0x9E3779B97F4A7C15u;
	return (uint32_t) (h >> 32);
}

/* t is folded (gr_lfold); current is the row read last, -1 at the start. */
extern gr_label_match gr_label_find(gr_ctx *ctx, const gr_rowdef *rows, int nrows, const char *t,
									size_t tlen, int current);
extern size_t gr_label_prefix_len(const char *t, size_t tlen, const char *label);
extern uint32_t gr_label_first_cp(const char *t, size_t tlen);
extern size_t gr_label_lead_len(const char *t, size_t tlen);
extern bool gr_label_equals(const char *t, size_t tlen, const char *label);
extern size_t gr_label_word_len(const char *t, size_t tlen, const char *const *words);
extern bool gr_label_is_word(const char *t, size_t tlen, const char *const *words);
extern unsigned gr_label_header(const char *t, size_t tlen, const gr_coldef *defs, const int *cols,
								int ncols, const gr_rowdef *row, bool *is_exact);

#endif							/* GR_LABEL_H */
