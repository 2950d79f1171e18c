#!/usr/bin/env bash
# Builds the UI and starts the Ponte desktop app (debug build).
# The workspace opened is $PONTE_DB if set, else the file workspace.ponte in $XDG_DATA_HOME/ponte.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<'EOF'
[run-app] No display: neither DISPLAY nor WAYLAND_DISPLAY is set, so the window cannot open.
          Run this from a desktop session, or start a virtual display first, e.g.:
            Xvfb :99 -screen 0 1280x800x24 -nolisten tcp &
            DISPLAY=:99 scripts/run-app.sh
EOF
  exit 1
fi

bash "$REPO_ROOT/scripts/setup.sh"
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
exec cargo run -p ponte-desktop "$@"
