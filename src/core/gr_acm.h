/*
 * gr_acm.h — one multi-pattern matcher (Aho–Corasick) over a fixed set of
 * byte strings: every occurrence of every pattern in a text, in one pass
 * over the text, instead of one search per pattern.
 */
#ifndef GR_ACM_H
#define GR_ACM_H

#include <stddef.h>
#include <stdint.h>

typedef struct gr_acm
{
	int			nstates;
	int			nclass;			/* byte classes: 0 for a byte no pattern has */
	uint8_t		cls[256];
	uint16_t   *delta;			/* [state * nclass + class] → next state */
	int		   *out;			/* per state: a pattern ending there, -1 for none */
	uint16_t   *dict;			/* per state: the next state on its fail chain with an out, 0 none */
	int		   *same;			/* per pattern: the next pattern of the same bytes, -1 none */
	/* what the building needed, kept with it (process memory is never freed) */
	uint16_t   *fail;
	int		   *queue;
} gr_acm;

/*
 * Build the matcher of n patterns (each at least one byte; empty ones are
 * left out) with alloc, which serves the life of the process.  NULL when
 * alloc fails or the patterns need more than 65,535 states.
 */
extern gr_acm *gr_acm_build(void *(*alloc) (size_t), const char *const *pats,
							const uint32_t *lens, int n);

/* Calls hit(arg, pattern, end) for each occurrence, end one past its last byte. */
static inline void
gr_acm_scan(const gr_acm *m, const char *s, size_t len,
			void (*hit) (void *arg, int pat, size_t end), void *arg)
{
	unsigned	st = 0;

	for (size_t i = 0; i < len; i++)
	{
		unsigned	c = m->cls[(unsigned char) s[i]];

		st = c ? m->delta[st * (unsigned) m->nclass + c] : 0;
		for (unsigned o = st; o != 0; o = m->dict[o])
			for (int p = m->out[o]; p >= 0; p = m->same[p])
				hit(arg, p, i + 1);
	}
}

#endif							/* GR_ACM_H */
