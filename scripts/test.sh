#!/usr/bin/env bash
# Runs every Ponte test: Rust unit, scenario and mock-runtime tests, then the end-to-end tests
# that drive the real app window through tauri-driver under a private Xvfb display.
# Exits non-zero if anything failed.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

START_ALL=$(date +%s)
SUMMARY=()
FAILED=0
TESTS_PASSED=0
TESTS_FAILED=0
XVFB_PID=""

log() { printf '\n[test] %s\n' "$*"; }

cleanup() {
  if [ -n "${LOG_DIR:-}" ]; then rm -rf "$LOG_DIR"; fi
  if [ -n "$XVFB_PID" ] && kill -0 "$XVFB_PID" 2>/dev/null; then
    kill -TERM "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# run_step NAME CMD... : runs a step, records PASS/FAIL and its duration; never aborts the script.
run_step() {
  local name="$1"; shift
  local t0 t1 rc
  log "$name: $*"
  t0=$(date +%s)
  set +e
  if [ -n "${STEP_LOG:-}" ]; then
    "$@" 2>&1 | tee "$STEP_LOG"
    rc=${PIPESTATUS[0]}
  else
    "$@"
    rc=$?
  fi
  set -e
  t1=$(date +%s)
  if [ "$rc" -eq 0 ]; then
    SUMMARY+=("PASS  $name ($((t1 - t0)) s)")
  else
    SUMMARY+=("FAIL  $name ($((t1 - t0)) s, exit $rc)")
    FAILED=1
  fi
  return "$rc"
}

# count_tests KIND LOG STEP_RC: adds the passed/failed test counts found in a runner's output.
count_tests() {
  local kind="$1" file="$2" rc="$3" p=0 f=0
  if [ -f "$file" ]; then
    case "$kind" in
      cargo)
        p=$(sed -nE 's/^test result: [a-zA-Z]+\. ([0-9]+) passed; ([0-9]+) failed.*/\1/p' "$file" | awk '{s+=$1} END {print s+0}')
        f=$(sed -nE 's/^test result: [a-zA-Z]+\. ([0-9]+) passed; ([0-9]+) failed.*/\2/p' "$file" | awk '{s+=$1} END {print s+0}')
        ;;
      node)
        p=$(sed -nE 's/^ℹ pass ([0-9]+)$/\1/p' "$file" | awk '{s+=$1} END {print s+0}')
        f=$(sed -nE 's/^ℹ (fail|cancelled) ([0-9]+)$/\2/p' "$file" | awk '{s+=$1} END {print s+0}')
        ;;
    esac
  fi
  # A runner that failed without naming a failed test (e.g. a build error) still counts as one failure.
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  TESTS_PASSED=$((TESTS_PASSED + p))
  TESTS_FAILED=$((TESTS_FAILED + f))
  SUMMARY[${#SUMMARY[@]}-1]+="  [$p passed, $f failed]"
}

skip_step() {
  SUMMARY+=("SKIP  $1 ($2)")
  FAILED=1
}

print_summary() {
  local total=$(( $(date +%s) - START_ALL ))
  printf '\n========== Ponte test summary ==========\n'
  printf '%s\n' "${SUMMARY[@]}"
  printf 'total time: %d min %d s\n' $((total / 60)) $((total % 60))
  if [ "$FAILED" -eq 0 ]; then
    printf 'RESULT: all steps passed\n'
  else
    printf 'RESULT: FAILED (see the steps above; e2e screenshots in tests/e2e/artifacts/)\n'
  fi
  printf 'tests: %d passed, %d failed\n' "$TESTS_PASSED" "$TESTS_FAILED"
}

# --- Tooling ----------------------------------------------------------------
if ! run_step "setup (system packages, toolchains, UI build)" bash "$REPO_ROOT/scripts/setup.sh"; then
  TESTS_FAILED=1
  print_summary
  exit 1
fi
if [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi

if ! command -v tauri-driver >/dev/null 2>&1; then
  if ! run_step "install tauri-driver" cargo install --locked tauri-driver --version '^2'; then
    TESTS_FAILED=1
    print_summary
    exit 1
  fi
fi

LOG_DIR="$(mktemp -d -t ponte-test.XXXXXX)"

# --- Rust tests ---------------------------------------------------------------
rc=0
STEP_LOG="$LOG_DIR/cargo-test.log" run_step "cargo test --workspace" cargo test --workspace || rc=$?
count_tests cargo "$LOG_DIR/cargo-test.log" "$rc"

# --- Desktop binary -------------------------------------------------------------
BUILD_OK=0
run_step "cargo build -p ponte-desktop" cargo build -p ponte-desktop && BUILD_OK=1 || true

# --- End-to-end tests under a private Xvfb ----------------------------------------
start_xvfb() {
  local n
  for n in $(seq 97 160); do
    if [ ! -e "/tmp/.X${n}-lock" ] && [ ! -e "/tmp/.X11-unix/X${n}" ]; then
      Xvfb ":${n}" -screen 0 1280x800x24 -nolisten tcp >"${XVFB_LOG}" 2>&1 &
      XVFB_PID=$!
      local i
      for i in $(seq 1 100); do
        if DISPLAY=":${n}" xdpyinfo >/dev/null 2>&1; then
          export DISPLAY=":${n}"
          echo "[test] Xvfb running on DISPLAY=$DISPLAY (pid $XVFB_PID)"
          return 0
        fi
        if ! kill -0 "$XVFB_PID" 2>/dev/null; then
          break
        fi
        sleep 0.1
      done
      # This display number did not work (raced with another server?): try the next one.
      kill -TERM "$XVFB_PID" 2>/dev/null || true
      wait "$XVFB_PID" 2>/dev/null || true
      XVFB_PID=""
    fi
  done
  echo "[test] could not start Xvfb on any display from :97 to :160; its log:" >&2
  cat "${XVFB_LOG}" >&2 || true
  return 1
}

if [ "$BUILD_OK" -eq 1 ]; then
  XVFB_LOG="$LOG_DIR/xvfb.log"
  if run_step "start Xvfb" start_xvfb; then
    rm -rf "$REPO_ROOT/tests/e2e/artifacts"
    rc=0
    STEP_LOG="$LOG_DIR/e2e.log" run_step "end-to-end tests (tauri-driver, real window)" \
      env PONTE_APP="$REPO_ROOT/target/debug/ponte-desktop" \
      node --test --test-concurrency=1 --test-reporter=spec "$REPO_ROOT"/tests/e2e/*.test.mjs || rc=$?
    count_tests node "$LOG_DIR/e2e.log" "$rc"
  else
    TESTS_FAILED=$((TESTS_FAILED + 1))
  fi
else
  skip_step "end-to-end tests" "the desktop binary did not build"
  TESTS_FAILED=$((TESTS_FAILED + 1))
fi

print_summary
exit "$FAILED"
