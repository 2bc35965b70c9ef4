/*
 * fuzz_parse.c — libFuzzer entry point: any bytes into gr_parse().
 *
 * The core must return a result or a status for every input, and the rules
 * and the review sheet must run over it: no crash, no read out of bounds, no leak, no hang.  Built with clang's
 * -fsanitize=fuzzer,address,undefined by `make fuzz`; run with
 *   test/fuzz/fuzz_parse -max_total_time=600 test/fuzz/corpus samples
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "gr_core.h"
#include "gr_internal.h"
#include "gr_sheet.h"
#include "test_alloc.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ta_arena	arena = {0};
	gr_env		env = ta_env(&arena);
	gr_report  *rep;
	gr_error	err;

	if (gr_parse(&env, (const char *) data, size, &rep, &err) == GR_OK)
	{
		/* touch what a caller would read */
		volatile size_t sink = rep->org.len + rep->title.len + (size_t) rep->nfindings;

		for (int i = 0; i < rep->nsections; i++)
			sink += rep->sections[i].body.len + rep->sections[i].heading.len;
		for (int i = 0; i < rep->ncells; i++)
			sink += gr_cell_raw(rep, &rep->cells[i]).len;
		/* and the rules over it */
		if (gr_check(&env, rep, 0, &err) == GR_OK)
			for (int i = 0; i < rep->nfindings; i++)
			{
				/* what reaches users is well-formed UTF-8, always */
				if (gr_utf8_valid_prefix(rep->findings[i].message.ptr, rep->findings[i].message.len) !=
					rep->findings[i].message.len)
					abort();
				/* one the glue copies unchecked holds no NUL either */
				if (rep->findings[i].message_own &&
					memchr(rep->findings[i].message.ptr, '\0', rep->findings[i].message.len) != NULL)
					abort();
				sink += rep->findings[i].message.len;
			}
		/* and the review sheet of it: a whole page of valid UTF-8 */
		{
			gr_str		page;

			if (gr_sheet_html(&env, rep, NULL, &page, &err) == GR_OK &&
				gr_utf8_valid_prefix(page.ptr, page.len) != page.len)
				abort();
		}
		(void) sink;
	}
	ta_arena_free(&arena);
	return 0;
}
