/*
 * gr_format.h — the two national format editions as data: the rows and
 * columns of 表二, 表三 and 表四 with their labels and aliases, and the list
 * of cell keys built from them.  The parser, the SQL types and the docs all
 * read these tables; nothing else names a row or a column.
 */
#ifndef GR_FORMAT_H
#define GR_FORMAT_H

#include "gr_core.h"

#define GR_ED_MASK(ed) (1u << (ed))
#define GR_M19 GR_ED_MASK(GR_ED_2019)
#define GR_M21 GR_ED_MASK(GR_ED_2021)
#define GR_MBOTH (GR_M19 | GR_M21)

/* What a value may be. */
typedef enum gr_value_kind
{
	GR_KIND_COUNT = 0,			/* integer >= 0 */
	GR_KIND_SIGNED,				/* integer, may carry a sign (本年增/减) */
	GR_KIND_MONEY				/* decimal, in 万元 */
} gr_value_kind;

#define GR_MAX_LABELS 8

typedef struct gr_coldef
{
	const char *key;
	gr_value_kind kind;
	const char *labels[GR_MAX_LABELS];	/* header texts that name the column */
} gr_coldef;

typedef struct gr_rowdef
{
	const char *key;			/* NULL: a label of the layout that holds no cells */
	unsigned	printed;		/* editions that print the row with numbers */
	unsigned	derived;		/* editions where the row is computed from others */
	const char *labels[GR_MAX_LABELS];	/* first the official label, then variants */
	/* 表二 only: the row's columns in each edition, as indexes of gr_t2_cols */
	int			cols19[4];
	int			cols21[4];
	/* 表二 only: header texts that name a column for this row alone */
	const char *own_labels[4];
	int			own_cols[4];
} gr_rowdef;

/* 表二 */
enum
{
	T2C_ISSUED, T2C_REPEALED, T2C_IN_FORCE, T2C_MADE, T2C_PUBLISHED, T2C_TOTAL_PUBLISHED,
	T2C_PREV_ITEMS, T2C_DELTA, T2C_DECISIONS, T2C_ITEMS, T2C_AMOUNT_WAN, T2_NCOLS
};
extern const gr_coldef gr_t2_cols[T2_NCOLS];
extern const gr_rowdef gr_t2_rows[];
extern const int gr_t2_nrows;

/* 表三 */
enum
{
	T3C_NATURAL_PERSON, T3C_BUSINESS, T3C_RESEARCH, T3C_PUBLIC_WELFARE, T3C_LEGAL_SERVICE,
	T3C_OTHER_ORG, T3C_TOTAL, T3C_ORG_SUM, T3_NCOLS
};
#define T3_PRINTED_COLS 7
extern const gr_coldef gr_t3_cols[T3_NCOLS];
extern const gr_rowdef gr_t3_rows[];
extern const int gr_t3_nrows;

/* 表四 */
enum
{
	T4C_UPHELD, T4C_CORRECTED, T4C_OTHER, T4C_PENDING, T4C_TOTAL, T4_NCOLS
};
enum
{
	T4G_REVIEW, T4G_SUIT_DIRECT, T4G_SUIT_AFTER_REVIEW, T4G_SUIT_ALL, T4_NGROUPS
};
#define T4_PRINTED_GROUPS 3
extern const gr_coldef gr_t4_cols[T4_NCOLS];
extern const gr_rowdef gr_t4_groups[T4_NGROUPS];

/* Captions and header words that are part of a table but hold no cell. */
extern const char *const gr_t2_caption_words[];
extern const char *const gr_t2_header_words[];

/* ---- the key list ---- */

extern int	gr_key_index(gr_table table, int row, int col);	/* -1 if no such cell */

#endif							/* GR_FORMAT_H */
