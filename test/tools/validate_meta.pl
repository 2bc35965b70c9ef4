#!/usr/bin/perl
# validate_meta.pl — checks a PGXN META.json against the PGXN Meta Spec
# 1.0.x (https://pgxn.org/meta/spec.txt): the required keys, the type and
# form of every key the spec defines, no unknown key except custom x_ keys.
#
#   test/tools/validate_meta.pl [--dist DIR] [META.json]
#   test/tools/validate_meta.pl --self-test [META.json]
#
# Why our own script: Debian ships no validator for PGXN metadata
# (pgxnclient reads META.json but does not check it; the reference
# validator, PGXN::Meta::Validator, is a CPAN module Debian does not
# package), and scripts/test.sh may use only Debian's packages.  Perl with
# its core JSON::PP is on every machine that has postgresql-common.
#
# --dist DIR also checks that the files named in "provides" exist under
# DIR (the distribution's top directory).  --self-test breaks a valid
# META.json in known ways and checks that each breakage is reported, so
# that a validator that accepts everything cannot pass unnoticed.
# Prints one line per problem; exit status 0 when valid, 1 when not,
# 2 on bad use.
use strict;
use warnings;
use JSON::PP;

my ($dist, $self_test);
while (@ARGV && $ARGV[0] =~ /^--/) {
	my $opt = shift @ARGV;
	if ($opt eq '--dist') { $dist = shift @ARGV; }
	elsif ($opt eq '--self-test') { $self_test = 1; }
	else { print STDERR "usage: $0 [--dist DIR | --self-test] [META.json]\n"; exit 2; }
}
my $file = shift(@ARGV) // 'META.json';

open(my $fh, '<:raw', $file) or do { print STDERR "$file: $!\n"; exit 2; };
my $text = do { local $/; <$fh> };
close $fh;

# The spec's enumerations and patterns.
my %LICENSES = map { $_ => 1 } qw(agpl_3 apache_1_1 apache_2_0 artistic_1 artistic_2 bsd
	freebsd gfdl_1_2 gfdl_1_3 gpl_1 gpl_2 gpl_3 lgpl_2_1 lgpl_3_0 mit mozilla_1_0 mozilla_1_1
	openssl perl_5 postgresql qpl_1_0 ssleay sun zlib open_source restricted unrestricted unknown);
my %TOP = map { $_ => 1 } qw(name version abstract maintainer license provides meta-spec
	description generated_by tags no_index prereqs release_status resources);
my @REQUIRED = qw(name version abstract maintainer license provides meta-spec);
my %PHASES = map { $_ => 1 } qw(configure build test runtime develop);
my %RELATIONS = map { $_ => 1 } qw(requires recommends suggests conflicts);
my $SEMVER = qr/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)
	(?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?
	(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/x;
my $CUSTOM = qr/^[xX]_./;

my @problems;
sub problem { push @problems, join('', @_); }

sub is_string { my $v = shift; return defined $v && !ref $v; }
sub nonempty_string { my ($v, $what) = @_;
	problem("$what: must be a non-empty string") unless is_string($v) && length $v;
}
# a Term: at least two characters, no slash, backslash, space or control character
sub term { my ($v, $what) = @_;
	problem("$what: must be a term (two or more characters, no /, \\, space or control character)")
		unless is_string($v) && $v =~ /^[^\/\\\s[:cntrl:]]{2,}$/;
}
sub version { my ($v, $what) = @_;
	problem("$what: must be a semantic version (MAJOR.MINOR.PATCH)") unless is_string($v) && $v =~ $SEMVER;
}
sub version_range { my ($v, $what) = @_;
	return if defined $v && !ref $v && $v eq '0';
	if (!is_string($v)) { problem("$what: must be a version range or 0"); return; }
	for my $part (split /\s*,\s*/, $v, -1) {
		my ($op, $ver) = $part =~ /^((?:[=!]=|[<>]=?)?)\s*(.*)$/;
		unless (defined $ver && ($ver =~ $SEMVER || ($ver eq '0' && $op eq ''))) {
			problem("$what: '$v' is not a version range"); return;
		}
	}
}
sub uri { my ($v, $what) = @_;
	problem("$what: must be a URI") unless is_string($v) && $v =~ /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/;
}
# a relative path in unix convention, inside the distribution
sub path { my ($v, $what) = @_;
	problem("$what: must be a relative unix path inside the distribution")
		unless is_string($v) && length $v && $v !~ m{^/} && $v !~ /\\/ && $v !~ m{(^|/)\.\.(/|$)};
}
sub object { my ($v, $what) = @_;
	return 1 if ref $v eq 'HASH';
	problem("$what: must be an object"); return 0;
}
# only the given keys and custom x_ keys
sub keys_only { my ($v, $what, %allowed) = @_;
	for my $k (sort keys %$v) {
		problem("$what: unknown key '$k' (custom keys start with x_)") unless $allowed{$k} || $k =~ $CUSTOM;
	}
}

sub validate {
	my ($m) = @_;
	@problems = ();
	object($m, 'META.json') or return @problems;
	for my $k (@REQUIRED) { problem("required key '$k' is missing") unless exists $m->{$k}; }
	keys_only($m, 'top level', %TOP);

	term($m->{name}, 'name') if exists $m->{name};
	version($m->{version}, 'version') if exists $m->{version};
	for my $k (qw(abstract description generated_by)) {
		nonempty_string($m->{$k}, $k) if exists $m->{$k};
	}
	if (exists $m->{maintainer}) {
		my $v = $m->{maintainer};
		if (ref $v eq 'ARRAY') {
			problem('maintainer: the list must not be empty') unless @$v;
			nonempty_string($_, 'maintainer') for @$v;
		} else {
			nonempty_string($v, 'maintainer');
		}
	}
	if (exists $m->{license}) {
		my $v = $m->{license};
		if (ref $v eq 'ARRAY') {
			problem('license: the list must not be empty') unless @$v;
			for (@$v) { problem("license: '", $_ // 'null', "' is not a license the spec names") unless is_string($_) && $LICENSES{$_}; }
		} elsif (ref $v eq 'HASH') {
			problem('license: the object must not be empty') unless %$v;
			uri($v->{$_}, "license '$_'") for sort keys %$v;
		} else {
			problem("license: '", $v // 'null', "' is not a license the spec names") unless is_string($v) && $LICENSES{$v};
		}
	}
	if (exists $m->{provides} && object($m->{provides}, 'provides')) {
		my $p = $m->{provides};
		problem('provides: must name at least one extension') unless %$p;
		for my $ext (sort keys %$p) {
			my $what = "provides '$ext'";
			term($ext, $what);
			object($p->{$ext}, $what) or next;
			my $e = $p->{$ext};
			keys_only($e, $what, map { $_ => 1 } qw(file version abstract docfile docpath));
			problem("$what: required key 'file' is missing") unless exists $e->{file};
			problem("$what: required key 'version' is missing") unless exists $e->{version};
			path($e->{file}, "$what file") if exists $e->{file};
			path($e->{docfile}, "$what docfile") if exists $e->{docfile};
			version($e->{version}, "$what version") if exists $e->{version};
			nonempty_string($e->{abstract}, "$what abstract") if exists $e->{abstract};
			if (defined $dist) {
				for my $k (qw(file docfile)) {
					next unless is_string($e->{$k});
					problem("$what $k: '$e->{$k}' is not in the distribution") unless -f "$dist/$e->{$k}";
				}
			}
		}
	}
	if (exists $m->{'meta-spec'} && object($m->{'meta-spec'}, 'meta-spec')) {
		my $s = $m->{'meta-spec'};
		keys_only($s, 'meta-spec', version => 1, url => 1);
		if (!exists $s->{version}) {
			problem("meta-spec: required key 'version' is missing");
		} elsif (!is_string($s->{version}) || $s->{version} !~ /^1\.0\.\d+$/) {
			problem("meta-spec version: must be 1.0.x, this validator's spec");
		}
		problem('meta-spec url: must be https://pgxn.org/meta/spec.txt')
			if exists $s->{url} && !(is_string($s->{url}) && $s->{url} =~ m{^https?://pgxn\.org/meta/spec\.txt$});
	}
	if (exists $m->{tags}) {
		my $t = $m->{tags};
		if (ref $t ne 'ARRAY' || !@$t) {
			problem('tags: must be a non-empty list');
		} else {
			for (@$t) {
				problem("tags: '", $_ // 'null', "' must be 2 to 255 characters without /, \\ or control characters")
					unless is_string($_) && length($_) >= 2 && length($_) <= 255 && !/[\/\\[:cntrl:]]/;
			}
		}
	}
	if (exists $m->{no_index} && object($m->{no_index}, 'no_index')) {
		my $n = $m->{no_index};
		keys_only($n, 'no_index', file => 1, directory => 1);
		problem("no_index: needs 'file' or 'directory'") unless exists $n->{file} || exists $n->{directory};
		for my $k (qw(file directory)) {
			next unless exists $n->{$k};
			my @list = ref $n->{$k} eq 'ARRAY' ? @{$n->{$k}} : ($n->{$k});
			problem("no_index $k: the list must not be empty") unless @list;
			path($_, "no_index $k") for @list;
		}
	}
	if (exists $m->{prereqs} && object($m->{prereqs}, 'prereqs')) {
		my $p = $m->{prereqs};
		problem('prereqs: must name at least one phase') unless %$p;
		keys_only($p, 'prereqs', %PHASES);
		for my $phase (grep { $PHASES{$_} } sort keys %$p) {
			object($p->{$phase}, "prereqs $phase") or next;
			problem("prereqs $phase: must name at least one relationship") unless %{$p->{$phase}};
			keys_only($p->{$phase}, "prereqs $phase", %RELATIONS);
			for my $rel (grep { $RELATIONS{$_} } sort keys %{$p->{$phase}}) {
				object($p->{$phase}{$rel}, "prereqs $phase $rel") or next;
				for my $dep (sort keys %{$p->{$phase}{$rel}}) {
					version_range($p->{$phase}{$rel}{$dep}, "prereqs $phase $rel $dep");
				}
			}
		}
	}
	if (exists $m->{release_status}) {
		problem('release_status: must be stable, testing or unstable')
			unless is_string($m->{release_status}) && $m->{release_status} =~ /^(stable|testing|unstable)$/;
	}
	if (exists $m->{resources} && object($m->{resources}, 'resources')) {
		my $r = $m->{resources};
		problem('resources: must not be empty') unless %$r;
		keys_only($r, 'resources', homepage => 1, bugtracker => 1, repository => 1);
		uri($r->{homepage}, 'resources homepage') if exists $r->{homepage};
		if (exists $r->{bugtracker} && object($r->{bugtracker}, 'resources bugtracker')) {
			keys_only($r->{bugtracker}, 'resources bugtracker', web => 1, mailto => 1);
			uri($r->{bugtracker}{web}, 'resources bugtracker web') if exists $r->{bugtracker}{web};
			nonempty_string($r->{bugtracker}{mailto}, 'resources bugtracker mailto') if exists $r->{bugtracker}{mailto};
		}
		if (exists $r->{repository} && object($r->{repository}, 'resources repository')) {
			keys_only($r->{repository}, 'resources repository', url => 1, web => 1, type => 1);
			uri($r->{repository}{$_}, "resources repository $_") for grep { exists $r->{repository}{$_} } qw(url web);
			problem('resources repository type: must be a lower-case word such as git')
				if exists $r->{repository}{type} && !(is_string($r->{repository}{type}) && $r->{repository}{type} =~ /^[a-z]+$/);
		}
	}
	return @problems;
}

my $meta = eval { JSON::PP->new->utf8->relaxed(0)->decode($text) };
if (!defined $meta) {
	(my $err = $@) =~ s/\s+$//;
	print "$file: not valid JSON: $err\n";
	exit 1;
}

if ($self_test) {
	# Each breakage must be reported; the file itself must be valid.
	my @bad = (
		['without name',           sub { delete $_[0]{name} }],
		['without license',        sub { delete $_[0]{license} }],
		['without provides',       sub { delete $_[0]{provides} }],
		['without meta-spec',      sub { delete $_[0]{'meta-spec'} }],
		['with a version that is not semver', sub { $_[0]{version} = '0.4' }],
		['with an unknown license',     sub { $_[0]{license} = 'postgres' }],
		['with meta-spec 2.0.0',        sub { $_[0]{'meta-spec'}{version} = '2.0.0' }],
		['with an unknown key',         sub { $_[0]{homepage} = 'https://example.org/' }],
		['with an extension without file', sub { delete $_[0]{provides}{(sort keys %{$_[0]{provides}})[0]}{file} }],
		['with a name with a space',    sub { $_[0]{name} = 'gov report' }],
		['with a bad release_status',   sub { $_[0]{release_status} = 'beta' }],
		['with a bad version range',    sub { $_[0]{prereqs} = {runtime => {requires => {PostgreSQL => '15'}}} }],
		['with an unknown phase',       sub { $_[0]{prereqs} = {install => {requires => {PostgreSQL => '15.0.0'}}} }],
		['with an empty tag list',      sub { $_[0]{tags} = [] }],
	);
	my ($pass, $fail) = (0, 0);
	my @first = validate($meta);
	if (@first) { print "not ok - $file is valid\n"; print "#   $_\n" for @first; $fail++; }
	else { print "ok - $file is valid\n"; $pass++; }
	for my $case (@bad) {
		my $copy = JSON::PP->new->utf8->decode($text);
		$case->[1]->($copy);
		if (validate($copy)) { print "ok - rejects a META.json $case->[0]\n"; $pass++; }
		else { print "not ok - accepts a META.json $case->[0]\n"; $fail++; }
	}
	print "$pass passed, $fail failed\n";
	exit($fail ? 1 : 0);
}

my @found = validate($meta);
print "$file: $_\n" for @found;
exit(@found ? 1 : 0);
