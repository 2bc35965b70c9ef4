# common.sh — what the demo and test scripts share: a UTF-8 locale,
# installing the Debian packages govreport needs, building and installing
# the extension, copying the source tree.  Sourced, not run.

# The reports are Chinese text, so everything runs in a UTF-8 locale
# whatever the caller's LANG says.  Without one (a fresh container has LANG
# unset, so the locale is C) initdb makes a SQL_ASCII cluster and psql
# counts bytes instead of characters, which misaligns every Chinese table.
# C.UTF-8 is the one UTF-8 locale every Debian system has (libc-bin).
# LC_ALL overrides any LC_* the caller set.
export LANG=C.UTF-8 LC_ALL=C.UTF-8

# The port of the throwaway clusters (pg_virtualenv takes PGPORT when set).
# Left to itself pg_virtualenv takes the first free port from 5432 up, and
# two runs on one machine that start at the same moment take the same one
# and one fails ("Port conflict"); a random free port in 20000-29999 (below
# the kernel's ephemeral ports) makes that unlikely.  It also keeps a
# PGPORT the caller set for a real server from being reused.
for _try in 1 2 3 4 5 6 7 8 9 10; do
	PGPORT=$((20000 + RANDOM % 10000))
	[ -e "/var/run/postgresql/.s.PGSQL.$PGPORT" ] && continue
	(exec 3<>"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null && continue
	break
done
export PGPORT
unset _try

# libpq-dev: govreport, the command-line tool, loads files over libpq.
GOVREPORT_PACKAGES="postgresql-15 postgresql-server-dev-15 libicu-dev libxml2-dev libpq-dev pkg-config make gcc"
# What building the Debian package takes besides (scripts/deb.sh, and the
# package test of scripts/test.sh): pg_buildext and dh's pgxs build system
# come with postgresql-server-dev-all, dpkg-buildpackage with debhelper;
# build-essential is what dpkg-checkbuilddeps always asks for; unzip reads
# what make dist writes.
GOVREPORT_DEB_PACKAGES="build-essential debhelper postgresql-server-dev-all unzip"
# What the short fuzz run of scripts/test.sh takes: clang and its
# sanitizer and libFuzzer runtimes.
GOVREPORT_FUZZ_PACKAGES="clang libclang-rt-14-dev"
# What the corpus variants of scripts/test.sh are made with
# (test/corpus/variants): uconv and perl's Unicode tables.
GOVREPORT_VARIANT_PACKAGES="icu-devtools perl"

# Run a command as root: directly when we are root, else through sudo.
as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		echo "govreport: '$*' needs root; run this script as root or install sudo" >&2
		return 1
	fi
}

# Install the Debian packages that are missing (quietly; errors still show):
# GOVREPORT_PACKAGES and any package named as an argument.
ensure_packages() {
	missing=""
	for p in $GOVREPORT_PACKAGES "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
	done
	if [ -n "$missing" ]; then
		echo "== installing Debian packages:$missing"
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
	fi
	export PATH="/usr/lib/postgresql/15/bin:$PATH"
	PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
	export PG_CONFIG
}

# Build with warnings as errors and install into PostgreSQL 15.
build_and_install() {
	echo "== building govreport"
	make -s clean >/dev/null 2>&1 || true
	make -s PG_CONFIG="$PG_CONFIG" COPT="-Werror" >/dev/null
	as_root make -s PG_CONFIG="$PG_CONFIG" install >/dev/null
}

# Copy the source tree to DEST (which must exist): what git tracks and
# what it would track (new files not yet added), never build products or
# anything .gitignore names.  Outside a git checkout (an unpacked
# distribution), everything, cleaned.  Building the Debian package and
# running pg_regress write into the tree they run in; a copy keeps this one
# clean for whatever runs next.
copy_tree() {
	if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		git ls-files -z --cached --others --exclude-standard |
			while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
			tar --null -T - -cf - | tar -xf - -C "$1"
	else
		cp -a . "$1"/
		make -s -C "$1" clean >/dev/null 2>&1 || true
	fi
}
