#!/bin/bash
# run.sh — the review sheets in a real browser.  Renders the sheet of every
# sample (and of every report of ../shared/corpus, when it is there) with
# the core (test/tools/grdump -H, the page report_html returns), takes a
# screenshot of each with headless Chromium (Debian's chromium) into
# test/sheet/out/ (kept, git-ignored: look at them), and checks in the
# rendered page — with a probe script added to a copy, reading the
# computed style, not the markup — that:
#   - the cells that look highlighted are exactly the cells the findings
#     name (grdump -K: the cells report_check lists), each once;
#   - every highlighted cell carries data-key, and no other cell does;
#   - every blank cell shows an empty box and no text.
# The page itself has no script; only the probe's copy does.
# The last line says "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
. scripts/common.sh

ensure_packages chromium fonts-wqy-microhei
make -s test/tools/grdump >/dev/null || { echo "not ok - grdump does not build"; echo "0 passed, 1 failed"; exit 1; }

out=test/sheet/out
mkdir -p "$out"
tmp=$(mktemp -d /tmp/govreport-sheet.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $*"; failed=$((failed + 1)); }

# The probe: what the browser shows, written into the DOM for --dump-dom.
probe='<script>
(function () {
  var hl = [], bad = [];
  document.querySelectorAll("table.sheet td").forEach(function (td) {
    var shadow = getComputedStyle(td).boxShadow;
    var shown = shadow && shadow !== "none";
    var key = td.getAttribute("data-key");
    if (shown && key) hl.push(key);
    if (shown !== !!key)
      bad.push((td.id || "?") + (shown ? " looks highlighted, has no data-key" : " has data-key, does not look highlighted"));
    if (td.classList.contains("blank")) {
      var box = td.querySelector(".box");
      if (!box || td.textContent.trim() !== "" || getComputedStyle(box).borderTopStyle !== "dashed" ||
          box.getBoundingClientRect().width < 8)
        bad.push(td.id + " is blank but not drawn as an empty box");
    }
  });
  var p = document.createElement("pre"); p.id = "probe-hl"; p.textContent = "\n" + hl.sort().join("\n") + "\n";
  var q = document.createElement("pre"); q.id = "probe-bad"; q.textContent = "\n" + bad.join("\n") + "\n";
  document.body.appendChild(p); document.body.appendChild(q);
})();
</script>'

chrome() {	# chrome ARGS… URL: headless, bounded in time, its chatter dropped
	timeout 90 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
		--user-data-dir="$tmp/profile" "$@" 2>/dev/null
}

files=(samples/*.txt)
if [ -d ../shared/corpus ]; then
	for f in ../shared/corpus/*.txt ../shared/corpus/*.html ../shared/corpus/*.md; do
		[ -f "$f" ] && [ "$(basename "$f")" != README.md ] && files+=("$f")
	done
fi

for f in "${files[@]}"; do
	name=$(basename "$f")
	name=${name%.*}
	page="$out/$name.html"
	if ! test/tools/grdump -H "$f" >"$page"; then
		not_ok "$name: grdump -H failed"
		continue
	fi
	if grep -qi '<script' "$page"; then
		not_ok "$name: the page holds a script"
		continue
	fi
	test/tools/grdump -K "$f" | tail -n +2 >"$tmp/expected"

	# a viewport as tall as the page: about 25 px a table line, plus the rest
	lines=$(grep -o '<tr' "$page" | wc -l)
	height=$((lines * 26 + 900))
	[ "$height" -gt 16000 ] && height=16000
	rm -f "$out/$name.png"
	chrome --window-size=1400,$height --screenshot="$PWD/$out/$name.png" "file://$PWD/$page" >/dev/null
	if [ -s "$out/$name.png" ]; then
		ok "$name: screenshot $out/$name.png (1400x$height)"
	else
		not_ok "$name: chromium --screenshot wrote nothing"
	fi

	# the page ends with a line </body>: the probe goes just before it
	{ sed '/^<\/body>$/,$d' "$page"; printf '%s\n</body>\n</html>\n' "$probe"; } >"$tmp/probe.html"
	chrome --dump-dom "file://$tmp/probe.html" >"$tmp/dom"
	sed -n '/<pre id="probe-hl">/,/<\/pre>/p' "$tmp/dom" | sed 's/<[^>]*>//g' | grep -v '^$' >"$tmp/shown" || true
	sed -n '/<pre id="probe-bad">/,/<\/pre>/p' "$tmp/dom" | sed 's/<[^>]*>//g' | grep -v '^$' >"$tmp/bad" || true
	if ! grep -q 'id="probe-hl"' "$tmp/dom"; then
		not_ok "$name: the probe did not run (chromium --dump-dom)"
	elif diff -q "$tmp/expected" "$tmp/shown" >/dev/null && [ ! -s "$tmp/bad" ]; then
		ok "$name: the $(wc -l <"$tmp/shown") cells that look highlighted are those the findings name; blanks are empty boxes"
	else
		diff "$tmp/expected" "$tmp/shown" | head -n 10 | sed 's/^/#   /'
		head -n 10 "$tmp/bad" | sed 's/^/#   /'
		not_ok "$name: highlighted cells differ from the named ones (< named, > shown)"
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
