#!/usr/bin/env bash
# Runs one bare-metal payload under a runner, prints its console, and decides the
# result from the convention in docs/guests.md: the payload prints
# "EXIT: STATUS=<(code << 1) | 1>" and powers off. Called by ctest
# (vmd_add_guest_test) and by hand.
#
#   run-payload.sh --runner qemu|hvrun|vmm --payload X.bin [options] [-- runner args]
#     --qemu PATH / --hvrun PATH / --vmm PATH   the runner binary
#     --smp N (1)  --mem SIZE (128M)  --timeout SECONDS (60)
#     --cpu MODEL       QEMU's -cpu (cortex-a57; e.g. max for 16 KiB pages)
#     --input TEXT      bytes sent to the guest's UART
#     --expect-fail     pass iff the payload reports a failure (STATUS != 1)
#     --expect-status N pass iff STATUS is exactly N (implies nothing about 1)
#     --expect-console RE  the console must also match this extended regex
#                       (repeatable)
# Exit status: 0 = as expected, 1 = not as expected, 2 = usage error.
set -uo pipefail

runner="" payload="" qemu="qemu-system-aarch64" hvrun="" vmm=""
cpu=cortex-a57 smp=1 mem=128M timeout_s=60 input="" expect_fail=0 expect_status=""
extra=() console_patterns=()

die_usage() { echo "run-payload: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --runner) runner="$2"; shift 2 ;;
    --payload) payload="$2"; shift 2 ;;
    --qemu) qemu="$2"; shift 2 ;;
    --hvrun) hvrun="$2"; shift 2 ;;
    --vmm) vmm="$2"; shift 2 ;;
    --smp) smp="$2"; shift 2 ;;
    --cpu) cpu="$2"; shift 2 ;;
    --mem) mem="$2"; shift 2 ;;
    --timeout) timeout_s="$2"; shift 2 ;;
    --input) input="$2"; shift 2 ;;
    --expect-fail) expect_fail=1; shift ;;
    --expect-status) expect_status="$2"; shift 2 ;;
    --expect-console) console_patterns+=("$2"); shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) die_usage "unknown argument '$1'" ;;
  esac
done

[ -n "$payload" ] || die_usage "--payload is required"
[ -f "$payload" ] || { echo "run-payload: payload $payload: not found (build target 'guests')"; exit 1; }

case "$runner" in
  qemu)
    # -nic none: the default virtio NIC wants an option ROM (ipxe-qemu) we do not need.
    cmd=("$qemu" -M "virt,gic-version=3" -cpu "$cpu" -m "$mem" -smp "$smp"
         -nographic -no-reboot -nic none -kernel "$payload" "${extra[@]}") ;;
  hvrun)
    [ -n "$hvrun" ] || die_usage "--hvrun PATH is required for runner hvrun"
    cmd=("$hvrun" "$payload" --mem "$mem" "${extra[@]}") ;;
  vmm)
    [ -n "$vmm" ] || die_usage "--vmm PATH is required for runner vmm"
    cmd=("$vmm" --kernel "$payload" --cpus "$smp" --memory "$mem" "${extra[@]}") ;;
  *) die_usage "--runner must be qemu, hvrun or vmm" ;;
esac

log=$(mktemp "${TMPDIR:-/tmp}/run-payload.XXXXXX")
trap 'rm -f "$log"' EXIT

echo "run-payload: ${cmd[*]}"
printf '%s' "$input" | timeout --kill-after=5 "$timeout_s" "${cmd[@]}" >"$log" 2>&1
rc=$?

echo "----- console -----"
tr -d '\r' <"$log"
echo "----- end (runner exit status $rc) -----"

status=$(tr -d '\r' <"$log" | sed -n 's/^EXIT: STATUS=\([0-9][0-9]*\)$/\1/p' | head -n 1)

if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
  echo "run-payload: FAIL: timed out after ${timeout_s}s${status:+ (after printing STATUS=$status)}"
  exit 1
fi
if [ -z "$status" ]; then
  echo "run-payload: FAIL: no 'EXIT: STATUS=N' line on the console"
  exit 1
fi
if [ "$rc" -ne 0 ]; then
  echo "run-payload: FAIL: runner exited with status $rc instead of powering off cleanly"
  exit 1
fi

for pattern in "${console_patterns[@]}"; do
  if ! tr -d '\r' <"$log" | grep -Eq -- "$pattern"; then
    echo "run-payload: FAIL: the console never matched /$pattern/"
    exit 1
  fi
done

if [ -n "$expect_status" ]; then
  if [ "$status" != "$expect_status" ]; then
    echo "run-payload: FAIL: STATUS=$status, expected STATUS=$expect_status"
    exit 1
  fi
  echo "run-payload: OK: STATUS=$status as expected"
  exit 0
fi
if [ "$expect_fail" -eq 1 ]; then
  if [ "$status" = 1 ]; then
    echo "run-payload: FAIL: the payload passed (STATUS=1) but was expected to fail"
    exit 1
  fi
  echo "run-payload: OK: the payload reported failure as expected (STATUS=$status, code $((status >> 1)))"
  exit 0
fi
if [ "$status" != 1 ]; then
  echo "run-payload: FAIL: STATUS=$status (exit code $((status >> 1)))"
  exit 1
fi
echo "run-payload: OK: STATUS=1"
exit 0
