#!/usr/bin/env bash
# Generates CSV facts with many events and evaluates them with the conduct jar in a small heap,
# reporting wall time and peak resident memory (GNU time). Not run by the build; see README.md,
# "Large inputs". Usage, at the repository root, after 'mvn -B -pl examples/cli -am package -DskipTests':
#
#   examples/cli/src/test/scripts/large-csv.sh [events] [officers] [heap]
#
# defaults: 1000000 events, 2000 officers in 20 agencies, -Xmx512m. Files go to $WORK (default
# a temporary folder, kept); the report (CSV, or FORMAT=html|json|table) to $WORK/report.<format>
# (FORMAT=html large-csv.sh 100000 20000 1g: the HTML report of 20 000 officers), the standard
# error (progress and the summary line) to $WORK/err.txt, GNU time's figures to $WORK/time.txt, and a heap dump there if
# the heap runs out. Timings depend on the machine's load: run it on a quiet machine.
set -euo pipefail

EVENTS=${1:-1000000}
OFFICERS=${2:-2000}
HEAP=${3:-512m}
JAR=${JAR:-examples/cli/target/conduct.jar}
FORMAT=${FORMAT:-csv}
WORK=${WORK:-$(mktemp -d -t conduct-large-XXXXXX)}
AGENCIES=20

[ -f "$JAR" ] || { echo "large-csv: no $JAR [Hint: mvn -B -pl examples/cli -am package -DskipTests]" >&2; exit 2; }
mkdir -p "$WORK"

awk -v officers="$OFFICERS" -v agencies="$AGENCIES" 'BEGIN {
  print "id,type,name,parent,attr.position"
  for (a = 1; a <= agencies; a++) printf "ubnd-%03d,agency,UBND phường %d,,\n", a, a
  for (o = 1; o <= officers; o++)
    printf "cb-%06d,officer,Cán bộ %d,ubnd-%03d,%s\n", o, o, (o % agencies) + 1, (o % 10 == 0 ? "leader" : "staff")
}' > "$WORK/subjects.csv"

# Officer event types of hanoi-522 and hanoi-3814, dated over the twelve months before the as-of date.
awk -v events="$EVENTS" -v officers="$OFFICERS" 'BEGIN {
  split("late-arrival meeting-late badge-not-worn absent-from-post smoking-in-office improper-dress report-late case-handled-late", types, " ")
  print "id,subject,type,date,verified"
  for (e = 1; e <= events; e++) {
    day = (e * 7919) % 365
    month = int(day / 31) + 1; dom = (day % 28) + 1
    year = month <= 6 ? 2025 : 2024
    printf "ev-%07d,cb-%06d,%s,%d-%02d-%02d,%s\n", e, (e * 31) % officers + 1, types[(e % 8) + 1], year, month, dom, (e % 5 == 0 ? "false" : "true")
  }
}' > "$WORK/events.csv"

echo "large-csv: $(($(wc -l < "$WORK/subjects.csv") - 1)) subjects, $(($(wc -l < "$WORK/events.csv") - 1)) events in $WORK" \
  "($(du -h "$WORK/events.csv" | cut -f1) of events); java -Xmx$HEAP" >&2
set +e
/usr/bin/time -v -o "$WORK/time.txt" java -Xmx"$HEAP" -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath="$WORK" \
  -jar "$JAR" evaluate --subjects "$WORK/subjects.csv" --events "$WORK/events.csv" --as-of 2025-06-30 \
  --format "$FORMAT" -o "$WORK/report.$FORMAT" 2> "$WORK/err.txt"
code=$?
set -e
tail -n 3 "$WORK/err.txt" >&2
grep -E 'Elapsed \(wall clock\)|Maximum resident set size|Exit status' "$WORK/time.txt" >&2
rows=0
[ -f "$WORK/report.$FORMAT" ] && rows=$(($(wc -l < "$WORK/report.$FORMAT") - 1))
echo "large-csv: exit $code; report lines: $rows; report bytes: $(wc -c < "$WORK/report.$FORMAT" 2>/dev/null || echo 0)" >&2
exit $code
