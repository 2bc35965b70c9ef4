/*
 * grt_copy.c — rows into a table with COPY … FROM STDIN over libpq, a
 * batch of files per COPY.
 *
 * One COPY per batch (--batch files, or 32 MB, whichever comes first) is
 * one transaction per batch, not per file, so a hundred thousand files
 * load in minutes.  The rows are streamed to the server as they come and
 * also kept until the batch ends: when the server refuses the batch (a
 * trigger rejecting a report, a CHECK constraint, a character the
 * database's encoding lacks), the batch is rolled back as a whole, and its
 * rows are sent again one COPY each, so that every row the server accepts
 * is loaded and every one it refuses is named with the server's message.
 * When the connection itself is gone, the batch's rows are reported not
 * loaded and the load stops.
 */
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "grt.h"

struct grt_copy
{
	PGconn	   *conn;
	char	   *sql;			/* COPY "t" ("body", …) FROM STDIN */
	char	   *target;			/* the table as the user named it */
	bool		open;			/* a COPY of this batch is in progress */
	bool		failed;			/* the server or the connection failed it */
	grt_buf		rows;			/* the batch's rows, kept for a retry */
	size_t	   *ends;			/* end offset of each row in rows */
	int		   *idx;			/* the caller's index of each row */
	size_t		n;
	size_t		cap;
};

/* The server's message: primary text, then the detail if any. */
static void
grt_pg_message(PGconn *conn, const PGresult *res, char *why, size_t whylen)
{
	const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *detail = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL;

	if (primary)
		snprintf(why, whylen, "%s%s%s", primary, detail ? ": " : "", detail ? detail : "");
	else
	{
		const char *m = PQerrorMessage(conn);
		size_t		n = strlen(m);

		while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
			n--;
		snprintf(why, whylen, "%.*s", (int) n, m);
	}
}

/* "schema.table" → "schema"."table"; each part as written (case kept) */
static void
grt_quote_name(PGconn *conn, const char *name, bool qualified, grt_buf *out)
{
	const char *dot = qualified ? strchr(name, '.') : NULL;
	char	   *q;

	if (dot)
	{
		char	   *schema = PQescapeIdentifier(conn, name, (size_t) (dot - name));

		grt_buf_puts(out, schema);
		grt_buf_puts(out, ".");
		PQfreemem(schema);
		name = dot + 1;
	}
	q = PQescapeIdentifier(conn, name, strlen(name));
	grt_buf_puts(out, q);
	PQfreemem(q);
}

static bool
grt_copy_start(grt_copy *c, char *why, size_t whylen)
{
	PGresult   *res = PQexec(c->conn, c->sql);
	bool		ok = PQresultStatus(res) == PGRES_COPY_IN;

	if (!ok)
		grt_pg_message(c->conn, res, why, whylen);
	PQclear(res);
	c->open = ok;
	c->failed = !ok;
	return ok;
}

/* Ends the COPY under way; true when the server committed it. */
static bool
grt_copy_end(grt_copy *c, char *why, size_t whylen)
{
	PGresult   *res;
	bool		ok = !c->failed,
				said = false;

	c->open = false;
	if (PQputCopyEnd(c->conn, NULL) != 1)
		ok = false;
	while ((res = PQgetResult(c->conn)) != NULL)
	{
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
		{
			if (!said)
				grt_pg_message(c->conn, res, why, whylen);
			said = true;
			ok = false;
		}
		PQclear(res);
	}
	if (!ok && !said)
		grt_pg_message(c->conn, NULL, why, whylen);
	return ok;
}

grt_copy *
grt_copy_open(const grt_opts *o, char *why, size_t whylen)
{
	const char *keys[] = {"dbname", "client_encoding", "fallback_application_name", NULL};
	const char *vals[] = {o->conninfo, "UTF8", "govreport", NULL};
	grt_copy   *c = grt_xmalloc(sizeof(grt_copy));
	grt_buf		sql = {0};

	memset(c, 0, sizeof(*c));
	/* expand_dbname: -d takes a database name, key=value pairs or a URI */
	c->conn = PQconnectdbParams(keys, vals, 1);
	if (PQstatus(c->conn) != CONNECTION_OK)
	{
		grt_pg_message(c->conn, NULL, why, whylen);
		grt_copy_close(c);
		return NULL;
	}
	grt_buf_puts(&sql, "COPY ");
	grt_quote_name(c->conn, o->table, true, &sql);
	grt_buf_puts(&sql, " (");
	grt_quote_name(c->conn, o->column, false, &sql);
	if (o->name_column)
	{
		grt_buf_puts(&sql, ", ");
		grt_quote_name(c->conn, o->name_column, false, &sql);
	}
	if (o->encoding_column)
	{
		grt_buf_puts(&sql, ", ");
		grt_quote_name(c->conn, o->encoding_column, false, &sql);
	}
	grt_buf_puts(&sql, ") FROM STDIN");
	c->sql = sql.data;
	c->target = grt_xstrdup(o->table);
	/* a COPY of no rows: the table, its columns and the right to insert, before any file is read */
	if (!grt_copy_start(c, why, whylen) || !grt_copy_end(c, why, whylen))
	{
		grt_copy_close(c);
		return NULL;
	}
	return c;
}

const char *
grt_copy_target(const grt_copy *c)
{
	return c->target;
}

bool
grt_copy_add(grt_copy *c, int idx, const char *row, size_t len)
{
	char		why[512];

	if (c->n == c->cap)
	{
		c->cap = c->cap ? c->cap * 2 : 1024;
		c->ends = realloc(c->ends, c->cap * sizeof(size_t));
		c->idx = realloc(c->idx, c->cap * sizeof(int));
		if (!c->ends || !c->idx)
		{
			grt_warn("out of memory");
			exit(GRT_EXIT_USAGE);
		}
	}
	grt_buf_append(&c->rows, row, len);
	c->ends[c->n] = c->rows.len;
	c->idx[c->n++] = idx;
	/* once the server has refused the batch, the rest waits for the retry */
	if (c->failed)
		return PQstatus(c->conn) == CONNECTION_OK;
	if (!c->open && !grt_copy_start(c, why, sizeof(why)))
		return PQstatus(c->conn) == CONNECTION_OK;
	if (PQputCopyData(c->conn, row, (int) len) != 1)
		c->failed = true;
	return PQstatus(c->conn) == CONNECTION_OK;
}

size_t
grt_copy_pending(const grt_copy *c, size_t *bytes)
{
	*bytes = c->rows.len;
	return c->n;
}

/* The batch's rows again, one COPY each. */
static bool
grt_copy_retry(grt_copy *c, grt_row_fn fn, void *ctx)
{
	char		why[512];

	for (size_t i = 0; i < c->n; i++)
	{
		size_t		start = i ? c->ends[i - 1] : 0;
		bool		ok = grt_copy_start(c, why, sizeof(why));

		if (ok && PQputCopyData(c->conn, c->rows.data + start, (int) (c->ends[i] - start)) != 1)
			c->failed = true;
		if (c->open)
			ok = grt_copy_end(c, why, sizeof(why));
		if (PQstatus(c->conn) != CONNECTION_OK)
		{
			for (; i < c->n; i++)
				fn(ctx, c->idx[i], "not loaded: the connection to the server was lost");
			return false;
		}
		fn(ctx, c->idx[i], ok ? NULL : why);
	}
	return true;
}

bool
grt_copy_flush(grt_copy *c, grt_row_fn fn, void *ctx)
{
	char		why[512] = "";
	bool		ok = true;

	if (c->n == 0)
		return true;
	if (c->open || !c->failed)
		ok = c->open && grt_copy_end(c, why, sizeof(why));
	else
		ok = false;
	if (ok)
		for (size_t i = 0; i < c->n; i++)
			fn(ctx, c->idx[i], NULL);
	else if (PQstatus(c->conn) != CONNECTION_OK)
	{
		for (size_t i = 0; i < c->n; i++)
			fn(ctx, c->idx[i], "not loaded: the connection to the server was lost");
	}
	else
		ok = grt_copy_retry(c, fn, ctx);
	c->rows.len = 0;
	c->n = 0;
	c->failed = false;
	return ok || PQstatus(c->conn) == CONNECTION_OK;
}

void
grt_copy_close(grt_copy *c)
{
	if (!c)
		return;
	PQfinish(c->conn);
	free(c->sql);
	free(c->target);
	free(c->ends);
	free(c->idx);
	grt_buf_free(&c->rows);
	free(c);
}
