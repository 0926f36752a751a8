#!/bin/bash
# End-to-end test of vmctl against a real vmd with bare-metal guests
# (docs/guests.md), attach driven through a real terminal (tmux).
# Usage: e2e_vmctl.sh BUILD_DIR
# Registered with ctest as vmctl_e2e (label e2e).
set -u
BUILD=$(cd "$1" && pwd)
VMCTL=$BUILD/client/vmctl/vmctl
VMD=$BUILD/daemon/vmd
GUESTS=$BUILD/tests/guests
STATE=$(mktemp -d /tmp/vmctl-e2e.XXXXXX)
SESSION=attach
# tmux runs on a server of its own (-L), kept alive by a session that lives
# for the whole test: killing the last session makes a server exit, and a
# new-session racing that exit fails with "server exited unexpectedly".
TMUX_SERVER=vmctl-e2e-$$
tmux() { command tmux -L "$TMUX_SERVER" -f /dev/null "$@"; }
export VMD_HOST=unix://$STATE/vmd.sock
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() {  # check DESCRIPTION EXPECTED ACTUAL
  if [[ "$2" == "$3" ]]; then echo "ok: $1"; else fail "$1: expected [$2], got [$3]"; fi
}
contains() {  # contains DESCRIPTION NEEDLE HAYSTACK
  if [[ "$3" == *"$2"* ]]; then echo "ok: $1"; else fail "$1: [$2] not in [$3]"; fi
}
cleanup() {
  tmux kill-server 2>/dev/null
  [[ -n "${VMD_PID:-}" ]] && kill "$VMD_PID" 2>/dev/null && wait "$VMD_PID" 2>/dev/null
  rm -rf "$STATE"
}
trap cleanup EXIT
tmux new-session -d -s keeper "sleep 100000" || { echo "FAIL: tmux cannot start"; exit 1; }
# pane_with TEXT [SECONDS]: the pane's text once it shows TEXT, or after
# SECONDS (default 20) without it; polling keeps a loaded machine from failing
# a check a fixed sleep would have made too early.
pane_with() {
  local pane deadline=$((SECONDS + ${2:-20}))
  while :; do
    pane=$(tmux capture-pane -p -t "$SESSION")
    [[ "$pane" == *"$1"* || $SECONDS -ge $deadline ]] && break
    sleep 0.2
  done
  printf '%s\n' "$pane"
}
# pane_after SECONDS: the pane's text after a pause (for what must NOT appear).
pane_after() {
  sleep "$1"
  tmux capture-pane -p -t "$SESSION"
}
# term CMD: a fresh 120x30 terminal session running CMD (the previous one closed).
term() {
  tmux kill-session -t "$SESSION" 2>/dev/null
  tmux new-session -d -s "$SESSION" -x 120 -y 30 "$1" || fail "tmux new-session: $1"
}

# Not running yet: the message says how to start it.
out=$("$VMCTL" ls 2>&1); rc=$?
check "unreachable exit status" 10 "$rc"
contains "unreachable message" "vmd --state-dir $STATE" "$out"

"$VMD" --state-dir "$STATE" --vmm "$BUILD/engine/vmm/vmm" >"$STATE/vmd.log" 2>&1 &
VMD_PID=$!
for _ in $(seq 100); do [[ -S "$STATE/vmd.sock" ]] && break; sleep 0.1; done

# info / version
contains "info backend" "Backend:" "$("$VMCTL" info)"
contains "version" "vmctl 0.1.0" "$("$VMCTL" version)"

# run: the CI one-liner; exit status from how the guest ended.
out=$("$VMCTL" run --rm hello --payload "$GUESTS/hello.bin" </dev/null); rc=$?
check "run hello exit" 0 "$rc"
contains "run hello output" "EXIT: STATUS=1" "$out"
check "run --rm removed it" "" "$("$VMCTL" ls -q)"
"$VMCTL" run failing --payload "$GUESTS/fail.bin" </dev/null >/dev/null; rc=$?
check "run fail.bin powers off (exit 0 from vmctl: the guest chose to)" 0 "$rc"
"$VMCTL" rm failing >/dev/null

# create / ls / inspect / start / wait / logs / rm
check "create" "t1: created" "$("$VMCTL" create t1 --payload "$GUESTS/hello.bin" --label ci=1 | cut -d' ' -f1-2)"
contains "ls shows created" "t1 " "$("$VMCTL" ls --state created)"
check "ls json state" '"VM_STATE_CREATED"' "$("$VMCTL" ls --json | grep -o '"VM_STATE_CREATED"' | head -1)"
contains "inspect" "Payload:" "$("$VMCTL" inspect t1)"
"$VMCTL" start t1 >/dev/null
out=$("$VMCTL" wait --timeout 60s t1); rc=$?
check "wait exit" 0 "$rc"
check "wait output" "t1: stopped (guest power off)" "$out"
contains "logs" "EXIT: STATUS=1" "$("$VMCTL" logs t1)"
contains "events" "stopped" "$("$VMCTL" events --since 0 --vm t1 & sleep 2; kill $! 2>/dev/null)"
check "rm" "t1: deleted" "$("$VMCTL" rm t1 | cut -d' ' -f1-2)"
"$VMCTL" inspect t1 2>/dev/null; check "inspect after rm" 3 "$?"

# attach through a terminal: uart_echo waits 10 s for "vmd-input\n".
"$VMCTL" create echo --payload "$GUESTS/uart_echo.bin" >/dev/null
"$VMCTL" start echo >/dev/null
term "$VMCTL attach echo; echo ATTACH-ENDED; sleep 30"
sleep 1  # attach sets up the terminal (uart_echo prints nothing until input)
tmux send-keys -t "$SESSION" C-]
contains "detach returns to the shell" "ATTACH-ENDED" "$(pane_with ATTACH-ENDED)"
check "VM keeps running after detach" "running" "$("$VMCTL" inspect --json echo | grep -o '"VM_STATE_[A-Z]*"' | head -1 | sed 's/"VM_STATE_\(.*\)"/\L\1/')"
term "$VMCTL attach echo; echo ATTACH-ENDED; sleep 30"
sleep 1
tmux send-keys -t "$SESSION" "vmd-input" Enter
pane=$(pane_with ATTACH-ENDED)
contains "typing reaches the guest" "uart_echo: got 'vmd-input'" "$pane"
contains "attach ends when the guest powers off" "ATTACH-ENDED" "$pane"
"$VMCTL" rm echo >/dev/null

# The lifecycle verbs on a guest that runs until asked (idle_echo: echoes the
# UART, powers off on the power button).
state_of() {  # state_of VM -> created/running/paused/stopped...
  "$VMCTL" inspect --json "$1" | grep -o '"VM_STATE_[A-Z]*"' | head -1 | sed 's/"VM_STATE_\(.*\)"/\L\1/'
}
"$VMCTL" create idle --payload "$GUESTS/idle_echo.bin" >/dev/null
term "$VMCTL start --attach idle; echo ATTACH-ENDED; sleep 60"
contains "start --attach shows the guest" "idle_echo: ready" "$(pane_with 'idle_echo: ready')"
tmux send-keys -t "$SESSION" "typed-1" Enter
contains "start --attach: typing echoes" "typed-1" "$(pane_with typed-1)"
tmux send-keys -t "$SESSION" C-]
contains "start --attach detaches" "ATTACH-ENDED" "$(pane_with ATTACH-ENDED)"
check "running after detach" running "$(state_of idle)"
term "$VMCTL attach idle; echo ATTACH-ENDED; sleep 60"
pane=$(pane_with typed-1)
contains "second attach replays the banner" "idle_echo: ready" "$pane"
contains "second attach replays earlier echo" "typed-1" "$pane"
tmux send-keys -t "$SESSION" C-]
sleep 1
tmux kill-session -t "$SESSION"

out=$("$VMCTL" pause idle); rc=$?
check "pause exit" 0 "$rc"
check "paused" paused "$(state_of idle)"
regs=$("$VMCTL" regs idle); rc=$?
check "regs exit" 0 "$rc"
contains "regs shows the PC" "pc" "$(echo "$regs" | tr 'A-Z' 'a-z')"
contains "regs --json has x registers" '"x"' "$("$VMCTL" regs --json idle)"
contains "regs --sysregs shows VBAR_EL1" "vbar" "$("$VMCTL" regs --sysregs idle | tr 'A-Z' 'a-z')"
"$VMCTL" resume idle >/dev/null; check "resume exit" 0 "$?"
check "running after resume" running "$(state_of idle)"
"$VMCTL" reset idle >/dev/null; check "reset exit" 0 "$?"
for _ in $(seq 100); do
  [[ $("$VMCTL" logs idle | grep -c 'idle_echo: ready') -ge 2 ]] && break; sleep 0.2
done
check "reset re-ran the guest (two banners)" 2 "$("$VMCTL" logs idle | grep -c 'idle_echo: ready')"
contains "reset counted" "Resets:" "$("$VMCTL" inspect idle)"
out=$("$VMCTL" stop --timeout 20s idle); rc=$?
check "graceful stop exit" 0 "$rc"
check "stopped after stop" stopped "$(state_of idle)"
contains "graceful stop is a guest power-off" "power button after" "$("$VMCTL" logs idle)"
contains "stop reason" "the guest powered off after the power button" "$("$VMCTL" inspect idle)"
"$VMCTL" start idle >/dev/null
"$VMCTL" wait --state running --timeout 20s idle >/dev/null
# logs -f follows live output until the VM stops (the stop comes from the side).
"$VMCTL" logs -f idle >"$STATE/follow.txt" 2>&1 &
follow_pid=$!
sleep 2
"$VMCTL" stop --timeout 20s idle >/dev/null
wait "$follow_pid"; check "logs -f exit" 0 "$?"
contains "logs -f saw the stop" "power button after" "$(cat "$STATE/follow.txt")"
check "logs --tail 1" "EXIT: STATUS=1" "$("$VMCTL" logs --tail 1 idle | tr -d '\r')"
contains "wait --json" '"VM_STATE_STOPPED"' "$("$VMCTL" wait --json --timeout 5s idle)"
contains "info --json" '"backend"' "$("$VMCTL" info --json)"
contains "events --json" '"sequence"' "$("$VMCTL" events --json --since 0 --vm idle & sleep 2; kill $! 2>/dev/null)"
"$VMCTL" start idle >/dev/null
"$VMCTL" wait --state running --timeout 20s idle >/dev/null
"$VMCTL" kill idle >/dev/null; check "kill exit" 0 "$?"
"$VMCTL" wait --timeout 20s idle >/dev/null
check "stopped after kill" stopped "$(state_of idle)"
"$VMCTL" start idle >/dev/null
"$VMCTL" wait --state running --timeout 20s idle >/dev/null
"$VMCTL" stop --force idle >/dev/null; check "stop --force exit" 0 "$?"
check "stopped after stop --force" stopped "$(state_of idle)"
# balloon: a VM without one is refused; with one (the bare-metal guest has no
# driver, so nothing is given back) the target is recorded and shown.
"$VMCTL" balloon idle >/dev/null 2>&1; rc=$?
[[ $rc -ne 0 ]] && echo "ok: balloon of a VM without one fails ($rc)" || fail "balloon without a device succeeded"
"$VMCTL" create ballooned --payload "$GUESTS/idle_echo.bin" --memory 128M --balloon >/dev/null
"$VMCTL" start ballooned >/dev/null
"$VMCTL" balloon ballooned 32M >/dev/null; check "balloon set exit" 0 "$?"
contains "balloon shows the target" "Balloon target:   32M" "$("$VMCTL" balloon ballooned)"
contains "balloon --json" '"targetBalloonBytes"' "$("$VMCTL" balloon --json ballooned)"
# A read-only attach shows output but typing does not reach the guest.
term "$VMCTL attach --read-only ballooned; echo ATTACH-ENDED; sleep 60"
pane_with "idle_echo: ready" >/dev/null
tmux send-keys -t "$SESSION" "ro-typed" Enter
pane=$(pane_after 2)
contains "read-only attach shows history" "idle_echo: ready" "$pane"
[[ "$pane" != *"ro-typed"* ]] && echo "ok: read-only attach sends no input" || fail "read-only attach echoed input"
tmux send-keys -t "$SESSION" C-]
sleep 1
tmux kill-session -t "$SESSION"
"$VMCTL" rm --force ballooned >/dev/null

"$VMCTL" pause idle >/dev/null 2>&1; rc=$?
[[ $rc -ne 0 ]] && echo "ok: pause of a stopped VM fails ($rc)" || fail "pause of a stopped VM succeeded"
"$VMCTL" rm idle >/dev/null

echo "$failures failure(s)"
[[ $failures -eq 0 ]]
