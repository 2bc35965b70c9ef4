# facts.awk — evaluates one hand-written fact of test/corpus/facts over the
# cells of one report as `test/tools/grdump -v` prints them (key=value).
#
#   awk -f facts.awk -v fact="KEY VALUE" dump
#   awk -f facts.awk -v fact="balance TABLE RULE [ARG...]" dump
#
# RULE [ARG...]: R-T3-01 [COLUMN...] and R-T3-03 [COLUMN...] (default: the
# seven columns), R-T3-02 ROW..., R-T4-01 [GROUP...] (default: the three).
#
# Prints "ok" or "fail: why" on one line.  A value is a number (compared as
# a decimal), "blank" (the layout shows an empty cell), "null" (anything
# but a number: the text leaves no single reading), or, for meta.report.*,
# the text to compare.  A balance is a rule of spec §6 over the parsed
# cells: a blank cell counts as 0 (spec §6), any cell without a number
# (unplaced, text, absent) makes the balance unmet, since its being met
# must come from numbers the parser read.

function cell(k,    v) {
	if (!(k in val)) {
		bad = bad " " k "=no-such-key"
		return 0
	}
	v = val[k]
	if (v == "blank")
		return 0
	if (v !~ /^-?[0-9]+(\.[0-9]+)?$/) {
		bad = bad " " k "=" v
		return 0
	}
	return v + 0
}

# sum of the cells "prefix.<name>.suffix" for the names in list (space-separated)
# (the terms, as "a+b+…", in the global terms)
function sum(prefix, list, suffix,    n, a, i, s, t, v) {
	n = split(list, a, " ")
	s = 0
	t = ""
	for (i = 1; i <= n; i++) {
		v = cell(prefix "." a[i] "." suffix)
		s += v
		t = t (i > 1 ? "+" : "") v
	}
	terms = t
	return s
}

# the same over the columns in cols[1..n] of one row
function sum_cols(row, cols, n,    i, s, t, v) {
	s = 0
	t = ""
	for (i = 1; i <= n; i++) {
		v = cell(row "." cols[i])
		s += v
		t = t (i > 1 ? "+" : "") v
	}
	terms = t
	return s
}

function equal(lhs, rhs, lt, rt, what) {
	if (bad != "")
		return what ": no number in" bad
	if (lhs != rhs)
		return what ": " lt " = " lhs " but " rt " = " rhs
	return ""
}

# R-T3-01: 一 + 二 = (七) + 四 in column c
function t3_01(c,    l, r, lt, rt) {
	l = sum("t3", "new_received carried_in", c); lt = terms
	r = sum("t3", "results_total carried_out", c); rt = terms
	return equal(l, r, lt, rt, c)
}

# R-T3-02: a row's 总计 = its six applicant columns
function t3_02(row,    l, r) {
	l = cell("t3." row ".total")
	r = sum_cols("t3." row, c6, 6)
	return equal(l, r, "total", terms, row)
}

# R-T3-03: (七)总计 = the result rows; （六） as one printed row or its three parts
function t3_03(c,    rows, l, r, rt) {
	rows = "granted partial denied_secret denied_law denied_security denied_third_party " \
		"denied_internal denied_process denied_case_file denied_query unable_not_held " \
		"unable_need_create unable_unclear declined_petition declined_repeat " \
		"declined_publication declined_excessive declined_reconfirm"
	if (derived["t3.other_handling." c])
		rows = rows " other_no_supplement other_unpaid_fee other_misc"
	else
		rows = rows " other_handling"
	l = cell("t3.results_total." c)
	r = sum("t3", rows, c); rt = terms
	return equal(l, r, "(七)总计", rt, c)
}

# R-T4-01: a group's 总计 = its four results
function t4_01(g,    l, r) {
	l = cell("t4." g ".total")
	r = sum_cols("t4." g, c4, 4)
	return equal(l, r, "total", terms, g)
}

function balance(rule, args, n,    i, why, list, nl, a) {
	if (rule == "R-T3-01" || rule == "R-T3-03") {
		list = n > 0 ? args : "natural_person business research public_welfare legal_service other_org total"
	} else if (rule == "R-T4-01") {
		list = n > 0 ? args : "review suit_direct suit_after_review"
	} else if (rule == "R-T3-02") {
		list = args
	} else
		return "unknown rule " rule
	nl = split(list, a, " ")
	if (nl == 0)
		return rule ": nothing to check"
	for (i = 1; i <= nl; i++) {
		bad = ""
		if (rule == "R-T3-01") why = t3_01(a[i])
		else if (rule == "R-T3-02") why = t3_02(a[i])
		else if (rule == "R-T3-03") why = t3_03(a[i])
		else why = t4_01(a[i])
		if (why != "")
			return rule " " why
	}
	return ""
}

function value(k, want,    got) {
	if (!(k in val))
		return "no such key " k
	got = val[k]
	if (want == "null")
		return got ~ /^-?[0-9]/ ? "got the number " got : ""
	if (want ~ /^-?[0-9]+(\.[0-9]+)?$/ && got ~ /^-?[0-9]+(\.[0-9]+)?$/)
		return (got + 0 == want + 0) ? "" : "got " got
	return got == want ? "" : "got " got
}

BEGIN {
	split("natural_person business research public_welfare legal_service other_org", c6, " ")
	split("upheld corrected other pending", c4, " ")
}

/^== / { next }
{
	eq = index($0, "=")
	k = substr($0, 1, eq - 1)
	v = substr($0, eq + 1)
	if (v ~ / derived$/) {
		sub(/ derived$/, "", v)
		derived[k] = 1
	}
	val[k] = v
}

END {
	n = split(fact, f, " ")
	if (f[1] == "balance") {
		args = ""
		for (i = 4; i <= n; i++)
			args = args (i > 4 ? " " : "") f[i]
		if (tolower(substr(f[3], 3, 2)) != f[2])
			why = "rule " f[3] " is not a rule of " f[2]
		else
			why = balance(f[3], args, n - 3)
	} else if (n == 2)
		why = value(f[1], f[2])
	else
		why = "cannot read the fact"
	print why == "" ? "ok" : "fail: " why
}
