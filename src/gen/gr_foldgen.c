/*
 * gr_foldgen.c — writes the folding table (src/core/gr_foldtab.h) at build
 * time, from ICU's data: for every code point, our own rule
 * (gr_foldextra.h) or else NFKC followed by the Hant-Hans transliterator,
 * kept only where the folded form differs from the character itself.
 *
 * Why at build time: opening the Hant-Hans transliterator costs some tens
 * of milliseconds, which every new backend paid on its first call, and
 * asking ICU character by character put a look-up in two levels and a
 * function call on every character of every parse.  The table the core
 * reads instead is a flat array, the same in every process, built from
 * the ICU the library is built against.
 *
 *   gr_foldgen > src/core/gr_foldtab.h
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

#include "../core/gr_foldextra.h"
#include "../core/gr_internal.h"	/* gr_utf8_seqlen, gr_utf8_encode (gr_utf8.c) */

#define FOLD_MAX 14				/* longest folded form kept, in bytes */
#define NPAGES (0x110000 >> 8)

static const UNormalizer2 *nfkc;
static UTransliterator *hant;

/* The folded form of cp into out (at most FOLD_MAX bytes); its length. */
static int
fold(uint32_t cp, char *out)
{
	UErrorCode	status = U_ZERO_ERROR;
	UChar		in[4],
				norm[32];
	int32_t		inlen = 0,
				nlen,
				limit;
	char		utf8[64];
	int32_t		u8len = 0;

	for (size_t i = 0; i < sizeof(gr_fold_extra) / sizeof(gr_fold_extra[0]); i++)
		if (gr_fold_extra[i].cp == cp)
		{
			memcpy(out, gr_fold_extra[i].to, strlen(gr_fold_extra[i].to));
			return (int) strlen(gr_fold_extra[i].to);
		}
	for (size_t i = 0; i < sizeof(gr_fold_extra_ranges) / sizeof(gr_fold_extra_ranges[0]); i++)
		if (gr_fold_extra_ranges[i].first <= cp && cp <= gr_fold_extra_ranges[i].last)
		{
			memcpy(out, gr_fold_extra_ranges[i].to, strlen(gr_fold_extra_ranges[i].to));
			return (int) strlen(gr_fold_extra_ranges[i].to);
		}

	U16_APPEND_UNSAFE(in, inlen, cp);
	nlen = unorm2_normalize(nfkc, in, inlen, norm, 32, &status);
	if (U_FAILURE(status))
	{
		/* longer than anything we match on: keep the character itself */
		status = U_ZERO_ERROR;
		memcpy(norm, in, inlen * sizeof(UChar));
		nlen = inlen;
	}
	limit = nlen;
	utrans_transUChars(hant, norm, &nlen, 32, 0, &limit, &status);
	if (U_FAILURE(status))
	{
		status = U_ZERO_ERROR;
		nlen = unorm2_normalize(nfkc, in, inlen, norm, 32, &status);
		if (U_FAILURE(status))
		{
			memcpy(norm, in, inlen * sizeof(UChar));
			nlen = inlen;
		}
	}
	status = U_ZERO_ERROR;
	u_strToUTF8(utf8, sizeof(utf8), &u8len, norm, nlen, &status);
	if (U_FAILURE(status) || u8len < 0)
		u8len = gr_utf8_encode(cp, utf8);

	/* keep whole characters only */
	if (u8len > FOLD_MAX)
	{
		int			keep = 0;

		while (keep < u8len)
		{
			int			n = gr_utf8_seqlen((unsigned char) utf8[keep]);

			if (n == 0 || keep + n > FOLD_MAX)
				break;
			keep += n;
		}
		u8len = keep;
	}
	memcpy(out, utf8, u8len);
	return u8len;
}

/*
 * One bit a character of the BMP that folds; and the same for the
 * three-byte path of the folding pass (gr_foldtab_stop3), which looks a
 * character up by its bytes without decoding it: there every bit of the
 * words no well-formed three-byte character has is set, the overlong
 * forms (cp >> 6 below 0x20) and the surrogates (0x360 to 0x37F).
 */
static void
print_bmp(const char *name, const uint32_t *slot, bool stop3)
{
	printf("const uint64_t %s[1024] = {", name);
	for (int w = 0; w < 1024; w++)
	{
		unsigned long long bits = 0;

		for (int k = 0; k < 64; k++)
			if (slot[w * 64 + k])
				bits |= 1ULL << k;
		if (stop3 && (w < 0x20 || (w >= 0x360 && w < 0x380)))
			bits = ~0ULL;
		printf("%s0x%llxu,", w % 8 ? "" : "\n", bits);
	}
	printf("\n};\n");
}

int
main(void)
{
	UErrorCode	status = U_ZERO_ERROR;
	UChar		id[16];
	UParseError perr;
	static uint32_t slot[0x110000];	/* pool offset, 0 for the character itself */
	static unsigned char pool[1 << 22];
	size_t		npool = 1;
	int			page_index[NPAGES];
	int			npages = 0;

	nfkc = unorm2_getNFKCInstance(&status);
	u_uastrcpy(id, "Hant-Hans");
	hant = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, &perr, &status);
	if (U_FAILURE(status) || nfkc == NULL || hant == NULL)
	{
		fprintf(stderr, "gr_foldgen: ICU: %s\n", u_errorName(status));
		return 1;
	}
	for (uint32_t cp = 0x80; cp < 0x110000; cp++)
	{
		char		f[FOLD_MAX],
					self[4];
		int			n,
					sn;

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;			/* never decoded */
		n = fold(cp, f);
		sn = gr_utf8_encode(cp, self);
		if (n == sn && memcmp(f, self, n) == 0)
			continue;
		if (npool + 1 + n > sizeof(pool))
		{
			fprintf(stderr, "gr_foldgen: pool full\n");
			return 1;
		}
		slot[cp] = (uint32_t) npool;
		pool[npool++] = (unsigned char) n;
		memcpy(pool + npool, f, n);
		npool += n;
	}
	for (int p = 0; p < NPAGES; p++)
	{
		page_index[p] = 0;
		for (int k = 0; k < 256; k++)
			if (slot[p * 256 + k])
			{
				page_index[p] = ++npages;
				break;
			}
	}

	printf("/*\n * gr_foldtab.h — GENERATED by src/gen/gr_foldgen.c from ICU %s at build time;\n"
		   " * do not edit.  The folded form of every character that folds to something\n"
		   " * else: gr_foldtab_page[cp >> 8] is 0 for a page of characters that all\n"
		   " * stay, else 1 + its row of gr_foldtab_slot; a slot is 0 for a character\n"
		   " * that stays, else the offset in gr_foldtab_pool of a length byte followed\n"
		   " * by the folded bytes; gr_foldtab_bmp has a bit set for every character\n"
		   " * below U+10000 that folds, gr_foldtab_stop3 too and every bit of the\n"
		   " * words of the overlong three-byte forms and of the surrogates.\n */\n", U_ICU_VERSION);
	printf("#define GR_FOLDTAB_ICU \"%s\"\n", U_ICU_VERSION);
	printf("#define GR_FOLDTAB_MAX %d\n", FOLD_MAX);
	if (npool >= 65536)
	{
		fprintf(stderr, "gr_foldgen: the pool outgrew 16-bit slots\n");
		return 1;
	}
	printf("const uint16_t gr_foldtab_page[%d] = {", NPAGES);
	for (int p = 0; p < NPAGES; p++)
		printf("%s%d,", p % 32 ? "" : "\n", page_index[p]);
	printf("\n};\n");
	printf("const uint16_t gr_foldtab_slot[%d][256] = {\n", npages ? npages : 1);
	if (npages == 0)
		printf("{0}\n");
	for (int p = 0; p < NPAGES; p++)
	{
		if (!page_index[p])
			continue;
		printf("{ /* U+%04X */", p * 256);
		for (int k = 0; k < 256; k++)
			printf("%s%u,", k % 16 ? "" : "\n", slot[p * 256 + k]);
		printf("\n},\n");
	}
	printf("};\n");
	print_bmp("gr_foldtab_bmp", slot, false);
	print_bmp("gr_foldtab_stop3", slot, true);
	printf("const unsigned char gr_foldtab_pool[%zu] = {", npool);
	for (size_t i = 0; i < npool; i++)
		printf("%s%u,", i % 24 ? "" : "\n", pool[i]);
	printf("\n};\n");
	utrans_close(hant);
	return 0;
}
