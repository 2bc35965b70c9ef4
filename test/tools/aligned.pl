#!/usr/bin/perl
# aligned.pl — checks that psql's aligned tables in its input line up as a
# reader sees them: in every row, a column separator "|" stands at each
# display column where the table's dash line has a "+".  A Chinese
# character takes two columns on a terminal; psql in a non-UTF-8 locale (a
# SQL_ASCII cluster, LANG unset) counts bytes instead and misaligns every
# table with Chinese in it, which is what this catches.
#
#   psql … | test/tools/aligned.pl [MIN_TABLES]
#
# Prints one line per misaligned row and a summary line; exit status 0
# when every table lines up and at least MIN_TABLES (default 1) were seen.
use strict;
use warnings;

binmode STDIN, ':encoding(UTF-8)';
binmode STDOUT, ':encoding(UTF-8)';
my $min = shift // 1;

# display columns of a character: wide and fullwidth ones take two,
# combining marks and other zero-width characters none
sub width {
	my $c = shift;
	return 0 if $c =~ /[\p{Mn}\p{Me}\p{Cf}]/;
	return 2 if $c =~ /[\p{East_Asian_Width=Wide}\p{East_Asian_Width=Fullwidth}]/;
	return 1;
}
# the characters of a line by the display column each starts at
sub columns {
	my %at;
	my $col = 0;
	for my $c (split //, shift) {
		$at{$col} = $c;
		$col += width($c);
	}
	return \%at;
}

my @lines = <STDIN>;
chomp @lines;
my ($tables, $bad) = (0, 0);
for my $i (1 .. $#lines) {
	next unless $lines[$i] =~ /^-+(\+-+)+$/;	# the dash line under a header of two or more columns
	$tables++;
	my @seps;
	push @seps, $-[0] while $lines[$i] =~ /\+/g;
	my $header = $lines[$i - 1];
	for (my $j = $i + 1; $j <= $#lines && $lines[$j] !~ /^\(\d+ rows?\)$/; $j++) {
		my $at = columns($lines[$j]);
		my @off = grep { ($at->{$_} // '') ne '|' } @seps;
		if (@off) {
			$bad++;
			print "misaligned (table under \"", substr($header, 0, 40), "\"): $lines[$j]\n";
		}
	}
	my $hat = columns($header);
	if (grep { ($hat->{$_} // '') ne '|' } @seps) {
		$bad++;
		print "misaligned header: $header\n";
	}
}
print "$tables tables, $bad misaligned rows\n";
exit(($bad == 0 && $tables >= $min) ? 0 : 1);
