#!/bin/bash
# deb.sh — builds the Debian package postgresql-15-govreport from this
# working tree (debian/, pg_buildext, dh with the pgxs_loop build system),
# as dpkg-buildpackage -us -uc -b: unsigned, binary only.
#
#   scripts/deb.sh [OUTDIR]        (default: dist/ in the top directory)
#
# The build runs in a temporary copy of the tree: dpkg-buildpackage writes
# build products and debian/<package>/ into the tree it runs in and the
# .deb into that tree's parent directory, and this tree must stay clean for
# whatever runs next (scripts/test.sh runs other steps after this one).
# The .deb files (and the build log) land in OUTDIR; the last line printed
# is the path of the package to install.  Installs the Debian packages it
# needs when missing.  The package's own tests do not run at build time
# (DEB_BUILD_OPTIONS=nocheck): scripts/test.sh runs the regression suite
# against the installed package instead, which tests what users get.
set -eu
out=${1:-$(dirname "$0")/../dist}
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$(dirname "$0")/.."
. scripts/common.sh

version=$(sed -n '1s/^govreport (\([^)]*\)).*/\1/p' debian/changelog)
upstream=${version%-*}
if [ -z "$version" ]; then
	echo "deb.sh: cannot read the version from debian/changelog" >&2
	exit 1
fi

ensure_packages $GOVREPORT_DEB_PACKAGES
work=$(mktemp -d /tmp/govreport-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/govreport-$upstream"
copy_tree "$work/govreport-$upstream"

echo "== building postgresql-15-govreport $version (log: $out/deb-build.log)"
if ! (cd "$work/govreport-$upstream" &&
	DEB_BUILD_OPTIONS="nocheck ${DEB_BUILD_OPTIONS:-}" dpkg-buildpackage -us -uc -b) \
	>"$out/deb-build.log" 2>&1; then
	tail -n 40 "$out/deb-build.log" >&2
	echo "deb.sh: dpkg-buildpackage failed (whole log in $out/deb-build.log)" >&2
	exit 1
fi
# the packages, and the .changes/.buildinfo that describe them
mv "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$out"/
echo "$out/postgresql-15-govreport_${version}_$(dpkg --print-architecture).deb"
