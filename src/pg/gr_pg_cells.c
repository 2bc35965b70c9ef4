/*
 * gr_pg_cells.c — the cells of 表二/三/四 as SQL values: report_cells(),
 * report_cell() and report_keys(), with each cell's state, its place in
 * the format (ord) and the Chinese labels of its row and column, read from
 * the spec by the core (gr_keyinfo.c, which govreport cells shares), never
 * written here.
 */
#include "postgres.h"

#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "gr_pg.h"
#include "gr_format.h"

PG_FUNCTION_INFO_V1(gr_report_cells);
PG_FUNCTION_INFO_V1(gr_report_cell);
PG_FUNCTION_INFO_V1(gr_report_keys);

/*
 * Whole numbers below NBASE (one digit of numeric), nearly every cell of a
 * real report, as numeric: made at their first use and kept for the
 * process, so that a report's two hundred cells are not two hundred calls
 * of int64_to_numeric.  Each fits a slot of 8 bytes (a 4-byte varlena
 * header, numeric's 2-byte short header, one 2-byte digit; none for 0).
 */
#define GRPG_SMALL_NUMS 10000

typedef union grpg_num_slot
{
	char		bytes[8];
	int64		align;			/* a varlena's header wants int4 alignment */
} grpg_num_slot;

static grpg_num_slot grpg_small_nums[GRPG_SMALL_NUMS];

static Datum
grpg_small_numeric(int64 v)
{
	grpg_num_slot *slot = &grpg_small_nums[v];

	if (VARSIZE(slot->bytes) == 0)
	{
		Numeric		n = int64_to_numeric(v);

		if (VARSIZE(n) > sizeof(slot->bytes))
			return NumericGetDatum(n);	/* not so on any PostgreSQL there is */
		memcpy(slot->bytes, n, VARSIZE(n));
		pfree(n);
	}
	return PointerGetDatum(slot->bytes);
}

/*
 * numeric's on-disk short form (utils/adt/numeric.c; the format of every
 * numeric in every table, so it cannot change without breaking
 * pg_upgrade): a varlena header, a 16-bit header of sign, display scale
 * and weight, then the base-NBASE digits from the first non-zero one to
 * the last non-zero one.
 */
#define GRPG_NUMERIC_SHORT 0x8000
#define GRPG_NUMERIC_SHORT_SIGN 0x2000
#define GRPG_NUMERIC_SHORT_WEIGHT_MASK 0x003F
#define GRPG_NBASE 10000
#define GRPG_WHOLE_DIGITS 5			/* base-NBASE digits of a whole number below 10^20 */

/*
 * A whole number as numeric, written in that form as make_result() writes
 * it (what int64_to_numeric gives, byte for byte, as checked once per
 * process by grpg_whole_numeric_agrees, at a tenth of its
 * instructions: it goes through a NumericVar and its digit buffer): the
 * reports' larger numbers, above the shared ones.  Not inlined, so that
 * the call for a shared one stays a few instructions.
 */
static pg_noinline Datum
grpg_whole_numeric(int64 v)
{
	uint64		u = v < 0 ? -(uint64) v : (uint64) v;
	int16		d[GRPG_WHOLE_DIGITS];
	int			n = 0,
				skip = 0;
	Numeric		num;
	char	   *p;
	uint16		header;

	/* the digits from the last, then the trailing zero ones dropped */
	while (u > 0 && n < GRPG_WHOLE_DIGITS)
	{
		d[n++] = (int16) (u % GRPG_NBASE);
		u /= GRPG_NBASE;
	}
	if (u > 0)
		return NumericGetDatum(int64_to_numeric(v));	/* not below 10^20: no int64 is */
	while (skip < n && d[skip] == 0)
		skip++;
	num = (Numeric) palloc(VARHDRSZ + sizeof(uint16) + sizeof(int16) * (n - skip));
	SET_VARSIZE(num, VARHDRSZ + sizeof(uint16) + sizeof(int16) * (n - skip));
	/* weight: the first digit's power of NBASE (0 for zero, which has no digit) */
	header = GRPG_NUMERIC_SHORT | (v < 0 ? GRPG_NUMERIC_SHORT_SIGN : 0) |
		((n > 0 ? n - 1 : 0) & GRPG_NUMERIC_SHORT_WEIGHT_MASK);
	p = (char *) num + VARHDRSZ;
	memcpy(p, &header, sizeof(header));
	p += sizeof(header);
	for (int i = n - 1; i >= skip; i--, p += sizeof(int16))
		memcpy(p, &d[i], sizeof(int16));
	return NumericGetDatum(num);
}

/*
 * Does grpg_whole_numeric write what this server's int64_to_numeric
 * writes?  Asked once per process, of numbers with zero digits of base
 * NBASE inside and at the end, signed, and the extremes: a server whose
 * numeric format differed from the one above would get int64_to_numeric
 * for every number, never a numeric of another form.
 */
static bool
grpg_whole_numeric_agrees(void)
{
	static int	agrees = -1;
	static const int64 probes[] = {0, 1, 9999, 10000, 20000, 86897, -3, -120000, 100000000,
	99990000, INT64CONST(100000000000000000), INT64CONST(123456789012345), PG_INT64_MAX, PG_INT64_MIN};

	if (agrees < 0)
	{
		bool		same = true;

		/* decided only once every probe is asked (an error between leaves it undecided) */
		for (size_t i = 0; i < lengthof(probes) && same; i++)
		{
			Pointer		a = DatumGetPointer(grpg_whole_numeric(probes[i]));
			Numeric		b = int64_to_numeric(probes[i]);

			same = VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(b)) == 0;
			pfree(a);
			pfree(b);
		}
		agrees = same ? 1 : 0;
	}
	return agrees == 1;
}

/*
 * A cell's value as numeric: NULL unless a number was read (or derived).
 * mant / 10^scale made directly, with scale digits after the point as the
 * text mant/10^scale would give numeric_in, but without printing it.
 *
 * The datum is for copying at once, into a tuple, an array, a tuplestore
 * or a jsonb: small whole numbers are shared (above), never to be freed or
 * written.  A function that returns a cell's value itself uses
 * grpg_cell_value_copy.
 */
Datum
grpg_cell_value(const gr_cell *c, bool *isnull)
{
	*isnull = c->state != GR_CELL_NUMBER;
	if (*isnull)
		return (Datum) 0;
	if (c->scale == 0 && c->mant >= 0 && c->mant < GRPG_SMALL_NUMS)
		return grpg_small_numeric(c->mant);
	if (c->scale == 0)
		return grpg_whole_numeric_agrees() ? grpg_whole_numeric(c->mant) :
			NumericGetDatum(int64_to_numeric(c->mant));
	return NumericGetDatum(int64_div_fast_to_numeric(c->mant, c->scale));
}

/* A cell's value as numeric in the caller's memory, its own to return. */
Datum
grpg_cell_value_copy(const gr_cell *c, bool *isnull)
{
	Datum		d = grpg_cell_value(c, isnull);

	return *isnull ? d : PointerGetDatum(PG_DETOAST_DATUM_COPY(d));
}

/*
 * How a cell was read, as report_cells() names it (gr_cell_state_name, in
 * the core, which govreport cells shares).
 */
static const char *
cell_state_name(const gr_cell *c)
{
	const char *name = gr_cell_state_name(c);

	if (name)
		return name;
	ereport(ERROR,
			(errcode(ERRCODE_INTERNAL_ERROR),
			 errmsg("unknown cell state %d", (int) c->state),
			 errdetail("The parser gave a cell a state that report_cells has no name for."),
			 errhint("The library was built from mismatched sources; rebuild and reinstall govreport.")));
	return NULL;				/* not reached */
}

/*
 * ord, row_label, col_label: the columns report_cells and report_keys
 * share.  ord is the key's place in the format order of an edition (as
 * gr_keys_in_order gives it, from 1): table, row, then column as that
 * edition prints them, so ORDER BY ord lays the tables out as printed.
 * It is the same number for every edition but in 表二, whose rows print
 * their columns in another order in gb2019 (上一年项目数量 before 处理决定数量).
 */
static void
put_place(int key, int ord, gr_edition ed, Datum *values, bool *nulls)
{
	values[0] = Int32GetDatum(ord);
	nulls[0] = false;
	values[1] = grpg_cstring_text_datum(gr_key_row_label(key, ed), &nulls[1]);
	values[2] = grpg_cstring_text_datum(gr_key_col_label(key, ed), &nulls[2]);
}

/*
 * The result columns are filled as far as the installed declaration has
 * them: a library newer than the SQL (before ALTER EXTENSION UPDATE) gives
 * the six columns of 0.3.0, tuplestore_putvalues reading only those.
 */
#define GR_PG_CELL_COLS 10

Datum
gr_report_cells(PG_FUNCTION_ARGS)
{
	Datum		body = PG_GETARG_DATUM(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const gr_keydef *keys = gr_keydefs();
	const gr_report *rep;
	int		   *order;
	int			n;

	grpg_srf_begin(fcinfo);
	rep = gr_pg_cache_parse(body);
	if (!rep->is_report)
		return (Datum) 0;

	order = palloc(sizeof(int) * gr_nkeys());
	n = gr_keys_in_order(rep->edition, order);
	for (int o = 0; o < n; o++)
	{
		int			i = order[o];
		const gr_cell *c = &rep->cells[i];
		Datum		values[GR_PG_CELL_COLS];
		bool		nulls[GR_PG_CELL_COLS] = {false};

		if (!gr_cell_listed(rep, i))
			continue;
		values[0] = grpg_cstring_text_datum(keys[i].key, &nulls[0]);
		values[1] = grpg_cell_value(c, &nulls[1]);
		values[2] = grpg_text_datum(gr_cell_raw(rep, c), &nulls[2]);
		values[3] = grpg_text_datum(c->unit, &nulls[3]);
		values[4] = BoolGetDatum(c->derived != 0);
		values[5] = Int32GetDatum(c->line);
		nulls[5] = c->line == 0;
		values[6] = grpg_cstring_text_datum(cell_state_name(c), &nulls[6]);
		put_place(i, o + 1, rep->edition, &values[7], &nulls[7]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

Datum
gr_report_cell(PG_FUNCTION_ARGS)
{
	Datum		body = PG_GETARG_DATUM(0);
	text	   *key = PG_GETARG_TEXT_PP(1);
	int			k = gr_key_find(VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key));
	const gr_report *rep;
	bool		isnull;
	Datum		d;

	if (k < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown cell key \"%s\"", text_to_cstring(key)),
				 errdetail("Cell keys have the form t2.<row>.<column>, t3.<row>.<column> or t4.<group>.<column>, for example t3.new_received.total."),
				 errhint("SELECT key FROM report_keys() lists every key.")));
	rep = gr_pg_cache_parse(body);
	if (!rep->is_report)
		PG_RETURN_NULL();
	d = grpg_cell_value_copy(&rep->cells[k], &isnull);
	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(d);
}

Datum
gr_report_keys(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const gr_keydef *keys = gr_keydefs();
	int			n = gr_nkeys();
	static const char *const tabs[] = {"t2", "t3", "t4"};
	int		   *ords = palloc(sizeof(int) * n);
	int		   *order = palloc(sizeof(int) * n);

	/* ord: the place in the newest edition's order (the order of the list itself) */
	n = gr_keys_in_order(gr_editions[gr_neditions - 1].ed, order);
	for (int o = 0; o < n; o++)
		ords[order[o]] = o + 1;
	grpg_srf_begin(fcinfo);
	for (int i = 0; i < n; i++)
	{
		Datum		values[10];
		bool		nulls[10] = {false};

		values[0] = grpg_cstring_text_datum(keys[i].key, &nulls[0]);
		values[1] = grpg_cstring_text_datum(tabs[keys[i].table], &nulls[1]);
		values[2] = grpg_cstring_text_datum(keys[i].row_key, &nulls[2]);
		values[3] = grpg_cstring_text_datum(keys[i].col_key, &nulls[3]);
		values[4] = BoolGetDatum((keys[i].editions & (1u << GR_ED_2019)) != 0);
		values[5] = BoolGetDatum((keys[i].editions & (1u << GR_ED_2021)) != 0);
		values[6] = BoolGetDatum(keys[i].derived != 0);
		put_place(i, ords[i], GR_ED_UNKNOWN, &values[7], &nulls[7]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
