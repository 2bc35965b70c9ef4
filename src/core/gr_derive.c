/*
 * gr_derive.c — the cells the format defines but does not print: every
 * subtotal of the spec (gr_format.c) in the editions where it is derived —
 * 表三's （三）（四）（五）, gb2021's （六）其他处理, the legal-person column
 * org_sum, 表四's suit_all.  Nothing here names a row: the parents and
 * kinds of the spec say what adds up to what.
 *
 * A derived cell is computed only when every part is a number: a blank
 * part makes it NULL, never a sum that silently counts the blank as 0.
 * A subtotal that the report prints itself (a local variant) is kept as
 * printed and not derived; the rules compare it with the sum.  A sum
 * beyond the exact range stays NULL and is reported (R-PARSE-05).
 */
#include "gr_format.h"
#include "gr_num.h"
#include "gr_tables.h"

/*
 * What a table derives in an edition is format data, so it is planned
 * once per process and format: the derived cells in an order where every
 * derived part comes before its sum (the order of the walk over the spec
 * that the sums used to make for every report), each with the keys of its
 * parts.  A report then costs an addition per part.
 */
#define PLAN_STEPS (GR_KEY_ROWS * GR_KEY_COLS)	/* every cell a key can name */
#define PLAN_PARTS (PLAN_STEPS * 2)	/* a cell is a part of its row's sum and its column's */

typedef struct derive_step
{
	int16_t		key;
	uint8_t		nparts;
	uint16_t	first;			/* its parts' keys in parts[first ..] */
} derive_step;

_Static_assert(PLAN_PARTS <= UINT16_MAX, "a step's first part fits in its uint16_t");

typedef struct derive_plan
{
	unsigned	made;			/* the gr_spec_generation it was made in; 0: not made */
	bool		usable;			/* false: a format beyond the room above (none can be) */
	int			nsteps;
	int			nparts;
	derive_step steps[PLAN_STEPS];
	int16_t		parts[PLAN_PARTS];	/* keys; -1: a part the format lacks */
} derive_plan;

static derive_plan plans[GR_T4 + 1][GR_NED];

typedef struct plan_walk
{
	derive_plan *p;
	gr_table	t;
	gr_edition	ed;
	bool		seen[GR_KEY_ROWS][GR_KEY_COLS];
} plan_walk;

static bool
is_derived(gr_table t, gr_edition ed, int row, int col)
{
	return gr_row_derived(t, row, ed) || (gr_tabledefs[t].cols[col].derived & GR_ED_MASK(ed)) != 0;
}

/* Plan cell (row, col) after its derived parts: over the column's children when the column is derived, else the row's. */
static void
plan_cell(plan_walk *w, int row, int col, int depth)
{
	derive_plan *p = w->p;
	int			k = gr_key_index(w->t, row, col);
	int			parts[GR_KEY_ROWS > GR_KEY_COLS ? GR_KEY_ROWS : GR_KEY_COLS];
	bool		by_col = (gr_tabledefs[w->t].cols[col].derived & GR_ED_MASK(w->ed)) != 0;
	int			n;

	if (k < 0 || depth > 8 || w->seen[row][col])
		return;
	w->seen[row][col] = true;
	n = by_col ? gr_col_children(w->t, col, parts) : gr_row_children(w->t, row, w->ed, parts);
	for (int i = 0; i < n; i++)
	{
		int			r = by_col ? row : parts[i],
					c = by_col ? parts[i] : col;

		if (gr_key_index(w->t, r, c) >= 0 && is_derived(w->t, w->ed, r, c))
			plan_cell(w, r, c, depth + 1);
	}
	if (p->nsteps == PLAN_STEPS || p->nparts + n > PLAN_PARTS)
	{
		p->usable = false;
		return;
	}
	p->steps[p->nsteps].key = (int16_t) k;
	p->steps[p->nsteps].nparts = (uint8_t) n;
	p->steps[p->nsteps].first = (uint16_t) p->nparts;
	p->nsteps++;
	for (int i = 0; i < n; i++)
		p->parts[p->nparts++] = (int16_t) gr_key_index(w->t, by_col ? row : parts[i], by_col ? parts[i] : col);
}

static const derive_plan *
plan_of(gr_table t, gr_edition ed)
{
	derive_plan *p = &plans[t][ed];

	if (p->made != gr_spec_generation)
	{
		plan_walk	w = {p, t, ed, {{false}}};
		const gr_tabledef *td = &gr_tabledefs[t];

		p->nsteps = p->nparts = 0;
		p->usable = td->nrows <= GR_KEY_ROWS && td->ncols <= GR_KEY_COLS;
		for (int r = 0; r < td->nrows && p->usable; r++)
			if (td->rows[r].part != GR_PK_CAPTION)
				for (int c = 0; c < td->ncols && p->usable; c++)
					if (is_derived(t, ed, r, c))
						plan_cell(&w, r, c, 0);
		p->made = gr_spec_generation;
	}
	return p;
}

/* A sum beyond the exact range: left NULL and said. */
static void
report_overflow(gr_ctx *ctx, gr_report *rep, int key)
{
	gr_finding *f = gr_add_finding(ctx, rep, "R-PARSE-05", GR_SEV_WARNING, 0,
								   "%s 的各项之和超出可精确计算的范围，未计算",
								   gr_keydefs()[key].key);

	if (f)
		f->cells[f->ncells++] = key;
}

/*
 * Each derived cell in the plan's order, unless printed: a number when
 * every part is one (a derived part is done by then).
 */
void
gr_derive(gr_ctx *ctx, gr_report *rep)
{
	for (int t = GR_T2; t <= GR_T4; t++)
	{
		const derive_plan *p = plan_of((gr_table) t, gr_table_edition(rep, (gr_table) t));

		for (int i = 0; p->usable && i < p->nsteps; i++)
		{
			const derive_step *st = &p->steps[i];
			gr_cell    *o = &rep->cells[st->key];
			gr_num		sum = gr_num_make(0, 0);
			int			j;

			if (o->state != GR_CELL_ABSENT || o->derived)
				continue;		/* printed */
			o->derived = 1;
			for (j = 0; j < st->nparts; j++)
			{
				int			pk = p->parts[st->first + j];
				const gr_cell *c = pk >= 0 ? &rep->cells[pk] : NULL;

				if (c == NULL || c->state != GR_CELL_NUMBER)
					break;
				sum = gr_num_add(sum, gr_num_make(c->mant, c->scale));
			}
			if (st->nparts == 0 || j < st->nparts)
				continue;		/* a part is no number: NULL, never a sum counting it as 0 */
			if (!sum.set)
			{
				report_overflow(ctx, rep, st->key);
				continue;
			}
			o->state = GR_CELL_NUMBER;
			o->mant = sum.mant;
			o->scale = sum.scale;
		}
	}
}
