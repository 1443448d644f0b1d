#!/bin/sh
# Renders the HTML pages and takes their screenshots with headless Chromium (Debian's 'chromium' package):
# the command line's report (conduct evaluate -f html; also one with a decision history) and a form (conduct form -f html, also printed to an
# A4 PDF), and the Spring example's ranking page. Run by hand after a change to a page, not in CI; look at
# each picture, then commit them. The build's own checks of the pages are DOM tests (jsoup).
#
#   mvn -B -o -q -pl examples/cli,examples/spring-boot-service -am package -DskipTests
#   sh docs/screenshots/take.sh            # writes docs/screenshots/*.png and the service's docs/rankings.png
#
# Needs: java, chromium, curl. Uses pngquant (smaller PNGs) and pdftoppm (a PNG of the PDF's first page)
# when they are there.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cli="$root/examples/cli/target/conduct.jar"
service="$root/examples/spring-boot-service/target/conduct-spring-boot-service.jar"
chromium=${CHROMIUM:-/usr/bin/chromium}
port=${PORT:-18080}
work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

for f in "$cli" "$service" "$chromium"; do
  [ -e "$f" ] || { echo "take.sh: $f is missing (build first: see the comment at the top)" >&2; exit 2; }
done

shot() { # shot <url> <png> <width> <height>
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$3,$4" --screenshot="$2" "$1" 2>/dev/null
  if command -v pngquant >/dev/null 2>&1; then
    pngquant --force --skip-if-larger --quality=70-95 --output "$2" -- "$2" || true
  fi
  echo "$2: $(wc -c < "$2") bytes"
}

# The report: the demo's fictional district, with a host's letterhead
java -jar "$cli" demo --print-facts > "$work/june.yaml"
java -jar "$cli" evaluate --facts "$work/june.yaml" --format html --letterhead "$here/letterhead-ba-dinh.yaml" \
  -o "$work/report.html"
shot "file://$work/report.html" "$here/report.png" 1200 1500
# A report of one pack, on one market of the demo (its lines only): the pack's own letterhead, a subject's findings
awk '/^[a-z#]/ || /^$/ || /^  - .*cho-truc-bach/' "$work/june.yaml" | sed 's/^packs: .*/packs: [hanoi-models]/' \
  > "$work/market.yaml"
java -jar "$cli" evaluate --facts "$work/market.yaml" --format html -o "$work/market.html"
shot "file://$work/market.html" "$here/report-market.png" 1200 1300

# Due process: cb-013's working-time FAIL contested, reviewed and overridden by the head of the unit (the sample
# decisions' first three), on the two officers concerned, with the facts behind the findings; real ids (--reveal-ids)
awk '/^[a-z#]/ || /^$/ || /^  - .*(cb-013|cb-001|id: ubnd-ba-dinh)[,}]/' "$work/june.yaml" \
  | sed 's/^packs: .*/packs: [hanoi-3814]/' > "$work/two.yaml"
java -jar "$cli" demo --print-decisions | awk '/^  - id: d-2025-06-cb-022/ { exit } { print }' > "$work/decisions.yaml"
java -jar "$cli" evaluate --facts "$work/two.yaml" --decisions "$work/decisions.yaml" --format html --lang en \
  --reveal-ids -o "$work/decisions.html"
shot "file://$work/decisions.html" "$here/report-decisions.png" 1200 1500
# A form: hanoi-models' market checklist, with the pack's own letterhead (rulepacks/hanoi-models/letterhead.yaml)
java -jar "$cli" form hanoi-models --subject-type market --format html -o "$work/form.html"
shot "file://$work/form.html" "$here/form-market.png" 1000 1400
"$chromium" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$here/form-market.pdf" \
  "file://$work/form.html" 2>/dev/null
echo "$here/form-market.pdf: $(wc -c < "$here/form-market.pdf") bytes"
if command -v pdftoppm >/dev/null 2>&1; then
  pdftoppm -png -r 72 -f 1 -l 1 -singlefile "$here/form-market.pdf" "$here/form-market-a4"
  echo "$here/form-market-a4.png: $(wc -c < "$here/form-market-a4.png") bytes"
fi

# The ranking page of the Spring example, with a district's letterhead given as properties
cat > "$work/letterhead.yaml" <<'YAML'
conduct.service.letterhead:
  office: [UBND THÀNH PHỐ HÀ NỘI, SỞ NỘI VỤ]
  motto: [CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM, Độc lập - Tự do - Hạnh phúc]
  place: Hà Nội
  footer: [Trang minh họa trên dữ liệu hư cấu; không dùng cho xếp hạng thật.]
YAML
java -jar "$service" --server.port="$port" --server.address=127.0.0.1 \
  --spring.config.additional-location="file:$work/letterhead.yaml" > "$work/service.log" 2>&1 &
pid=$!
tries=0
until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -gt 120 ] || ! kill -0 "$pid" 2>/dev/null; then
    echo "take.sh: the service did not start:" >&2; cat "$work/service.log" >&2; exit 1
  fi
  sleep 1
done
shot "http://127.0.0.1:$port/rankings?checklist=hnunits-par" "$root/examples/spring-boot-service/docs/rankings.png" 1100 1000
