# common.sh — what the demo and test scripts share: installing the Debian
# packages govreport needs, and building and installing the extension.
# Sourced, not run.

GOVREPORT_PACKAGES="postgresql-15 postgresql-server-dev-15 libicu-dev libxml2-dev pkg-config make gcc"

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

# Install the Debian packages that are missing (quietly; errors still show).
ensure_packages() {
	missing=""
	for p in $GOVREPORT_PACKAGES; do
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
