/*
 * gr_digits.h — what the three files of glued digits share: a row's run of
 * digits, its sums, and the state of the search for its readings.
 * gr_digits.c places a row and decides what its readings make certain;
 * gr_digits_walk.c walks every cut of the run in order (and counts the
 * calls the walk makes, its budget); gr_digits_meet.c finds the same
 * readings from two halves where the row's last column sums all others.
 */
#ifndef GR_DIGITS_H
#define GR_DIGITS_H

#include "gr_format.h"
#include "gr_read.h"

#define DIGITS_MAX 64			/* longer runs are not read */
#define STEPS_MAX (1 << 20)		/* enumeration budget: beyond it, no certainty */
#define MAX_SUMS 8

typedef struct digit_run
{
	char		d[DIGITS_MAX];	/* the digits, spaces dropped */
	uint32_t	f[DIGITS_MAX];	/* fold offset of each */
	int			n;
} digit_run;

typedef struct sum_rule
{
	int			total;			/* column index in the row */
	int			parts[T3_NCOLS];
	int			nparts;
} sum_rule;

typedef struct reading
{
	const digit_run *run;
	int			ncols;
	const sum_rule *sums;
	int			nsums;
	int			len[T4_PRINTED_GROUPS * T4_NCOLS];	/* digits of each column, current */
	int64_t		val[T4_PRINTED_GROUPS * T4_NCOLS];
	int			found;			/* readings found, up to GR_READINGS_MAX + 1 */
	int			best_len[T4_PRINTED_GROUPS * T4_NCOLS];
	int64_t		all[GR_READINGS_MAX][T3_NCOLS + 1];	/* each reading's values, when ncols fits */
	int8_t		all_len[GR_READINGS_MAX][T3_NCOLS + 1];	/* … and the digits of each */
	long		steps;
	long		calls;			/* the calls of the walk, at most (gr_digits_calls_bound) or counted */
	bool		counted;		/* … counted, with nodes[][] (gr_digits_count) */
	bool		met;			/* the readings were met from two halves (gr_digits_meet), not walked */
	bool		met_full;		/* … would have been, but had more right halves than kept */
	int			last_col[MAX_SUMS];	/* per sum: the last of its columns */
	int			parts_from[MAX_SUMS];	/* per sum whose total is the last column: the
										 * first column from which all up to it are parts */
	int64_t		tail[19];		/* the number of the last L digits, -1 where it has a leading zero */
	/* per sum, with columns [0, col) cut: their parts' sum, and the longest part */
	int64_t		acc[T4_PRINTED_GROUPS * T4_NCOLS + 1][MAX_SUMS];
	int			longest[T4_PRINTED_GROUPS * T4_NCOLS + 1][MAX_SUMS];
	bool		is_part[MAX_SUMS][T4_PRINTED_GROUPS * T4_NCOLS];
	int64_t		pow10[19];
	int			digsum[DIGITS_MAX + 1];	/* the digits' sum before each position */
	int8_t		dbl9[DIGITS_MAX + 1];	/* twice that sum, modulo 9 */
	/* per sum: how many of its parts are columns col or later */
	int8_t		parts_ge[MAX_SUMS][T4_PRINTED_GROUPS * T4_NCOLS + 1];
	/* calls the walk makes from (col, at), itself included, at most STEPS_MAX + 1 */
	long		nodes[T4_PRINTED_GROUPS * T4_NCOLS + 1][DIGITS_MAX + 1];
} reading;

/* gr_digits_walk.c */
extern void gr_digits_count(reading *r);
extern long gr_digits_calls_bound(int n, int ncols);
extern void gr_digits_walk(reading *r);
extern void gr_digits_record(reading *r);
#ifdef GR_DIGITS_VERIFY
extern void gr_digits_verify(const reading *r);
extern void gr_digits_verify_tally(char *buf, size_t len);
#endif

/* gr_digits_meet.c */
extern bool gr_digits_meet(reading *r);

/* gr_digits_stated.c: cells of a glued row of several readings that the prose states; how many read */
extern int	gr_digits_stated(gr_reader *rd, const digit_run *run, const int *keys, int ncols, int line,
							 bool *read);

#endif
