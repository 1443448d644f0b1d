#!/usr/bin/env bash
# Generates Hanoi-shaped CSV facts at city or national scale and evaluates them with the conduct jar
# against hanoi-522, hanoi-3814 and hanoi-yearly, reporting wall time and peak resident memory (GNU
# time). Not run by the build. Usage, at the repository root, after
# 'mvn -B -pl examples/cli -am package -DskipTests':
#
#   examples/cli/src/test/scripts/hanoi-scale.sh [officers] [units] [events] [heap]
#
# defaults: 100000 officers in 2000 units, 300000 events, -Xmx1g (Hanoi's size, issue 11 point 5);
# the country's size is 'hanoi-scale.sh 2500000 50000 7500000 1g'. The figures: BENCHMARKS.md.
#
# Environment: WORK (default a new temporary folder, kept) receives subjects.csv, events.csv,
# observations.csv, the report ($WORK/report.csv), the standard error ($WORK/err.txt), GNU time's
# figures ($WORK/time.txt) and a heap dump if the heap runs out (HEAP_DUMP=0 to skip it: at national
# size it is as large as the heap). GENERATE_ONLY=1 writes the files and stops; REUSE=1 skips the
# generation when $WORK/subjects.csv exists. Timings depend on the machine's load: run it on a quiet
# machine.
#
# What the facts hold (all dates in 2026; evaluated --as-of 2026-12-31, so that hanoi-3814 and
# hanoi-522 judge December 2026 and hanoi-yearly (version 2.x, NĐ 335, in force from 2026-01-01)
# judges the year 2026):
#
# - Units: agencies in a two-level tree, as the Hanoi packs read them: every 20th unit is a
#   district-level agency without a parent, the 19 after it are wards whose parent it is. Each unit
#   holds 10 to ~90 officers (the mean is officers / units). attr.exceptional (hanoi-3814's 40 %
#   grade-A quota instead of 30 %) is true for about 5 % of units.
# - Officers: parent = their unit; attr.position (the first 3 of a unit are leaders), attr.category
#   (leaders cong-chuc; staff 75 % cong-chuc, 15 % vien-chuc, 10 % nguoi-lao-dong, whom NĐ 335 does
#   not grade), attr.joined-on (2005-2025).
# - Observations, per officer: the December inspection (badge-worn, dress-compliant,
#   workplace-tidy; about 1 % of officers were not inspected, so hanoi-3814 does not grade them),
#   the head of unit's assessment (exemplary-compliance, diligent-manner, internal-unity,
#   capability-points, task-completion, bonus-points), the commitment of hanoi-522
#   (signed-commitment, commitment-signed-on; about 1 % never signed) and the year's NĐ 335 points
#   (general-criteria-points, task-result-points). Per unit: hanoi-522's posted code, parking fee
#   and advertising, and the agency's NĐ 335 points. Scores are spread so that hanoi-3814's grade A
#   quota (30 %, 40 %) and NĐ 335's 'xuat-sac' quota (20 % of 'tot') lower some officers.
# - Events: the breaches hanoi-522 and hanoi-3814 count (late arrival most often), hanoi-3814's
#   part II deductions and, rarely, NĐ 335's vetoes (disciplined, decline-concluded,
#   managed-unit-corruption), spread over 2026 (about 1/12 in December, the month judged; the rest
#   feeds hanoi-522's 12-month repeat rule and the year); a few officers have many, most few or
#   none; 92 % verified.
#
# ORDER (for streaming, issue 11 point 5): subjects.csv is grouped by unit tree: a unit, then all
# its officers, unit after unit, a district before its wards (a pre-order walk of the tree);
# events.csv and observations.csv list their rows in the same subject order (a unit's observations
# at the unit's position, before its officers'; an officer's events by date). A reader can
# therefore take one unit (or one district's tree) at a time from the three files in step.
#
# Deterministic: a Park-Miller generator inside awk (any awk), the same files for the same
# arguments.
set -euo pipefail

OFFICERS=${1:-100000}
UNITS=${2:-2000}
EVENTS=${3:-300000}
HEAP=${4:-1g}
JAR=${JAR:-examples/cli/target/conduct.jar}
WORK=${WORK:-$(mktemp -d -t conduct-hanoi-XXXXXX)}
AS_OF=2026-12-31

[ "$OFFICERS" -ge "$((UNITS * 10))" ] || { echo "hanoi-scale: $OFFICERS officers are too few for $UNITS units" \
  "of at least 10 [Hint: give at least 10 officers per unit]" >&2; exit 2; }
mkdir -p "$WORK"

if [ "${REUSE:-0}" = 1 ] && [ -f "$WORK/subjects.csv" ]; then
  echo "hanoi-scale: reusing the files in $WORK" >&2
else
  start=$(date +%s)
  awk -v officers="$OFFICERS" -v units="$UNITS" -v events="$EVENTS" \
      -v subjects_file="$WORK/subjects.csv" -v events_file="$WORK/events.csv" \
      -v observations_file="$WORK/observations.csv" '
  # Park-Miller minimal standard generator: exact in doubles, the same in every awk.
  function rnd() { seed = (seed * 48271) % 2147483647; return seed / 2147483647 }
  function pick(n) { return int(rnd() * n) }
  function day(m, d) { return sprintf("2026-%02d-%02d", m, d) }
  function observe(subject, indicator, value, by, on, method) {
    printf "%s,%s,%s,%s,%s,%s\n", subject, indicator, value, by, on, method > observations_file
  }
  # A weighted table of event types: cumulative weights in cum[1..types].
  function type(name, weight) { types++; tname[types] = name; total += weight; cum[types] = total }
  function event_type(   r, i) {
    r = rnd() * total
    for (i = 1; i < types && cum[i] <= r; i++) { }
    return tname[i]
  }
  BEGIN {
    seed = 20261231
    type("late-arrival", 30); type("meeting-late", 12); type("badge-not-worn", 8); type("report-late", 8)
    type("case-handled-late", 8); type("improper-dress", 6); type("absent-from-post", 6)
    type("submission-unreported", 3); type("smoking-in-office", 3); type("improper-manner", 3)
    type("entry-rules-breached", 2); type("procedure-bypassed", 2); type("offsite-appointment", 1)
    type("citizen-harassment", 1); type("citizen-intimidated", 1); type("reputation-harmed", 1)
    type("asset-misused", 1); type("alcohol-at-work", 1); type("public-rules-breached", 1)
    type("secret-disclosed", 0.5); type("customs-breached", 0.5); type("festival-in-office-hours", 0.5)
    type("ostentatious-event", 0.3); type("gift-solicited", 0.3); type("violation-abetted", 0.2)
    type("disciplined", 0.3); type("decline-concluded", 0.2); type("managed-unit-corruption", 0.1)

    # Officers per unit: weights 0.2 + U(0,1), cumulated and scaled, so the sizes add up to officers
    # exactly; at least 10 each (the generator takes 10 per unit first, then shares the rest).
    spare = officers - 10 * units
    for (u = 1; u <= units; u++) { uw[u] = 0.2 + rnd(); usum += uw[u] }
    acc = 0; before = 0
    for (u = 1; u <= units; u++) {
      acc += uw[u]; upto = int(spare * acc / usum + 0.5); size[u] = 10 + upto - before; before = upto
      delete uw[u]
    }
    # Events per officer: weights U(0,1)^3 (most officers few or none, some many), scaled likewise
    # to add up to events exactly. The weights are drawn again in the same order (seed reset).
    wseed = 987654321; seed = wseed
    for (o = 1; o <= officers; o++) { r = rnd(); wsum += r * r * r }
    eseed = wseed; seed = 20261231 + 1

    print "id,type,name,parent,attr.exceptional,attr.position,attr.category,attr.joined-on" > subjects_file
    print "id,subject,type,date,verified" > events_file
    print "subject,indicator,value,observed-by,observed-on,method" > observations_file

    o = 0; e = 0; wacc = 0; ebefore = 0
    for (u = 1; u <= units; u++) {
      district = (u - 1) % 20 == 0
      if (district) { top = sprintf("qh-%05d", u) }
      unit = district ? top : sprintf("px-%05d", u)
      name = district ? "UBND quận " u : "UBND phường " u
      printf "%s,agency,%s,%s,%s,,,\n", unit, name, district ? "" : top, (rnd() < 0.05 ? "true" : "false") > subjects_file
      inspected = day(12, 3 + pick(20))
      by = "Đoàn kiểm tra công vụ"
      observe(unit, "code-posted-on-desks", rnd() < 0.95 ? "true" : "false", by, inspected, "inspection")
      observe(unit, "code-posted-visibly", rnd() < 0.97 ? "true" : "false", by, inspected, "inspection")
      observe(unit, "visitor-parking-fee-charged", rnd() < 0.03 ? "true" : "false", by, inspected, "inspection")
      observe(unit, "commercial-advertising-displayed", rnd() < 0.02 ? "true" : "false", by, inspected, "inspection")
      observe(unit, "agency-general-criteria-points", 18 + pick(13), "Sở Nội vụ", "2026-12-28", "record")
      observe(unit, "agency-task-result-points", 35 + pick(36), "Sở Nội vụ", "2026-12-28", "record")

      for (k = 1; k <= size[u]; k++) {
        o++
        id = sprintf("cb-%07d", o)
        leader = k <= 3
        c = rnd()
        category = leader || c < 0.75 ? "cong-chuc" : (c < 0.90 ? "vien-chuc" : "nguoi-lao-dong")
        jy = 2005 + pick(21); jm = 1 + pick(12)
        joined = sprintf("%d-%02d-01", jy, jm)
        printf "%s,officer,Cán bộ %d,%s,,%s,%s,%s\n", id, o, unit, leader ? "leader" : "staff", category, joined > subjects_file

        # The December inspection; about 1 % not inspected (on leave).
        if (rnd() >= 0.01) {
          observe(id, "badge-worn", rnd() < 0.97 ? "true" : "false", by, inspected, "inspection")
          observe(id, "dress-compliant", rnd() < 0.97 ? "true" : "false", by, inspected, "inspection")
          observe(id, "workplace-tidy", rnd() < 0.96 ? "true" : "false", by, inspected, "inspection")
        }
        head = "Thủ trưởng " unit
        observe(id, "exemplary-compliance", rnd() < 0.98 ? "true" : "false", head, "2026-12-30", "assessment")
        observe(id, "diligent-manner", rnd() < 0.97 ? "true" : "false", head, "2026-12-30", "assessment")
        observe(id, "internal-unity", rnd() < 0.99 ? "true" : "false", head, "2026-12-30", "assessment")
        r = rnd()
        observe(id, "capability-points", 20 - int(8 * r * r), head, "2026-12-30", "assessment")
        r = rnd()
        observe(id, "task-completion", 100 - int(40 * r * r * r), head, "2026-12-30", "record")
        observe(id, "bonus-points", rnd() < 0.5 ? 0 : 1 + pick(10), head, "2026-12-30", "assessment")
        # The commitment (hanoi-522): before the 2020 deadline, or within 30 days of joining.
        if (rnd() >= 0.01) {
          signed = jy < 2020 || (jy == 2020 && jm <= 3) ? "2020-04-15" : sprintf("%d-%02d-%02d", jy, jm, 5 + pick(20))
          observe(id, "signed-commitment", "true", head, signed, "record")
          observe(id, "commitment-signed-on", signed, head, signed, "record")
        } else {
          observe(id, "signed-commitment", "false", head, "2026-12-30", "record")
        }
        # The year (NĐ 335): 30 + 70 points.
        r = rnd()
        observe(id, "general-criteria-points", 30 - int(12 * r * r), head, "2026-12-30", "assessment")
        r = rnd()
        observe(id, "task-result-points", 70 - int(40 * r * r * r), head, "2026-12-30", "assessment")

        # Events: the share of this officer, dated in 2026 and written in date order.
        s2 = seed; seed = eseed; r = rnd(); eseed = seed; seed = s2
        wacc += r * r * r
        eupto = int(events * wacc / wsum + 0.5)
        n = eupto - ebefore; ebefore = eupto
        for (j = 1; j <= n; j++) { d[j] = day(1 + pick(12), 1 + pick(28)) }
        for (j = 2; j <= n; j++) { v = d[j]; for (i = j - 1; i >= 1 && d[i] > v; i--) { d[i + 1] = d[i] } d[i + 1] = v }
        for (j = 1; j <= n; j++) {
          e++
          printf "ev-%08d,%s,%s,%s,%s\n", e, id, event_type(), d[j], rnd() < 0.92 ? "true" : "false" > events_file
        }
      }
    }
    close(subjects_file); close(events_file); close(observations_file)
    if (o != officers || e != events) {
      printf "hanoi-scale: wrote %d officers and %d events, not %d and %d\n", o, e, officers, events > "/dev/stderr"
      exit 3
    }
  }'
  echo "hanoi-scale: generated in $(($(date +%s) - start)) s" >&2
fi

echo "hanoi-scale: $(($(wc -l < "$WORK/subjects.csv") - 1)) subjects, $(($(wc -l < "$WORK/events.csv") - 1)) events," \
  "$(($(wc -l < "$WORK/observations.csv") - 1)) observations in $WORK ($(du -sh "$WORK" | cut -f1))" >&2
[ "${GENERATE_ONLY:-0}" = 1 ] && exit 0

[ -f "$JAR" ] || { echo "hanoi-scale: no $JAR [Hint: mvn -B -pl examples/cli -am package -DskipTests]" >&2; exit 2; }
dump=()
[ "${HEAP_DUMP:-1}" = 1 ] && dump=(-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath="$WORK")
echo "hanoi-scale: java -Xmx$HEAP -jar $JAR evaluate --pack hanoi-522 --pack hanoi-3814 --pack hanoi-yearly" \
  "--as-of $AS_OF --format csv" >&2
set +e
/usr/bin/time -v -o "$WORK/time.txt" java -Xmx"$HEAP" "${dump[@]}" \
  -jar "$JAR" evaluate --pack hanoi-522 --pack hanoi-3814 --pack hanoi-yearly \
  --subjects "$WORK/subjects.csv" --events "$WORK/events.csv" --observations "$WORK/observations.csv" \
  --as-of "$AS_OF" --format csv -o "$WORK/report.csv" 2> "$WORK/err.txt"
code=$?
set -e
tail -n 3 "$WORK/err.txt" | tr '\r' '\n' | tail -n 3 >&2
grep -E 'Elapsed \(wall clock\)|User time|Maximum resident set size|Exit status' "$WORK/time.txt" >&2
rows=0
[ -f "$WORK/report.csv" ] && rows=$(($(wc -l < "$WORK/report.csv") - 1))
echo "hanoi-scale: exit $code; report rows: $rows" >&2
exit $code
