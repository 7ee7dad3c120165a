#!/usr/bin/env bash
# Performance benchmark: scans the JDK's own java.base sources (from $JAVA_HOME/lib/src.zip) with
# `vigil scan` and reports lines of Java, wall time, lines per second and peak memory (RSS).
# Run by hand (it takes minutes and a couple of GB of memory); never from tests or CI loops.
#
# Usage: scripts/bench-jdk.sh [MODULE] [-- extra vigil scan options]
#   MODULE   module folder inside src.zip (default java.base)
# Environment:
#   JAVA_HOME   the JDK whose src.zip is scanned and which runs vigil (required)
#   VIGIL       the vigil launcher (default ./vigil, else java -jar vigil-cli/target/vigil.jar)
#   KEEP=1      keep the extracted sources and the SARIF output
set -euo pipefail

module="java.base"
if [[ $# -gt 0 && "$1" != "--" ]]; then
  module="$1"
  shift
fi
[[ "${1:-}" == "--" ]] && shift

die() { echo "bench-jdk: $*" >&2; exit 2; }

[[ -n "${JAVA_HOME:-}" ]] || die "set JAVA_HOME to a JDK (its lib/src.zip is the code base scanned)"
src_zip="$JAVA_HOME/lib/src.zip"
[[ -f "$src_zip" ]] || die "$src_zip not found (install the JDK's source package)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is needed for peak memory; install the 'time' package"

if [[ -n "${VIGIL:-}" ]]; then
  read -r -a vigil <<<"$VIGIL"
elif [[ -x ./vigil ]]; then
  vigil=(./vigil)
elif [[ -f vigil-cli/target/vigil.jar ]]; then
  vigil=("$JAVA_HOME/bin/java" -jar vigil-cli/target/vigil.jar)
else
  die "no vigil launcher: run from the repository root after 'mvn -B -q package -DskipTests', or set VIGIL"
fi

# The ./vigil launcher rebuilds its jar when sources changed: do that now, outside the timing.
"${vigil[@]}" --version >/dev/null || die "'${vigil[*]} --version' failed"

work="$(mktemp -d "${TMPDIR:-/tmp}/vigil-bench-jdk.XXXXXX")"
cleanup() {
  if [[ "${KEEP:-0}" == "1" ]]; then
    echo "bench-jdk: kept $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

echo "bench-jdk: extracting $module from $src_zip" >&2
(cd "$work" && "$JAVA_HOME/bin/jar" xf "$src_zip" "$module")
[[ -d "$work/$module" ]] || die "module $module not found in $src_zip"

files=$(find "$work/$module" -name '*.java' -type f | wc -l)
lines=$(find "$work/$module" -name '*.java' -type f -print0 | xargs -0 cat | wc -l)
echo "bench-jdk: scanning $files files, $lines lines with: ${vigil[*]} scan" >&2

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)
sarif="$work/vigil.sarif"
timing="$work/time.txt"
set +e
/usr/bin/time -v -o "$timing" "${vigil[@]}" scan "$work/$module" --format sarif --output "$sarif" "$@"
status=$?
set -e
# exit 1 only means "findings at or above --fail-on"; 3 is an internal error (the scan may still have
# finished and written its report: the numbers are printed, marked, and the script fails)
if [[ $status -ne 0 && $status -ne 1 && $status -ne 3 ]]; then
  cat "$timing" >&2 || true
  die "vigil scan exited with $status"
fi
[[ -s "$timing" ]] || die "no timing from /usr/bin/time"

wall=$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$timing")
rss_kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$timing")
cpu_user=$(sed -n 's/^[[:space:]]*User time (seconds): //p' "$timing")
cpu_sys=$(sed -n 's/^[[:space:]]*System time (seconds): //p' "$timing")
cpu_share=$(sed -n 's/^[[:space:]]*Percent of CPU this job got: //p' "$timing")
# h:mm:ss or m:ss(.cc) -> seconds
seconds=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$wall")
lps=$(awk -v l="$lines" -v s="$seconds" 'BEGIN { if (s > 0) printf "%.0f", l / s; else print "n/a" }')
rss_mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')
findings="n/a"
if command -v jq >/dev/null && [[ -f "$sarif" ]]; then
  findings=$(jq '[.runs[].results[]?] | length' "$sarif")
fi

cat <<REPORT
code base      $module from $src_zip
java           $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)
cpus           $(nproc)
files          $files
lines          $lines
wall time      ${seconds}s
cpu time       user ${cpu_user}s, sys ${cpu_sys}s (${cpu_share} of one cpu; far below $(nproc)00% means a busy machine or a serial phase)
load before    $load_before
lines/s        $lps
peak RSS       ${rss_mb} MB
findings       $findings
exit code      $status$([[ $status -eq 3 ]] && echo " (internal error: the scan is incomplete, see stderr above)")
REPORT
[[ $status -ne 3 ]] || exit 1
