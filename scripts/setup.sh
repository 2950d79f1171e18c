#!/usr/bin/env bash
# Installs what Ponte needs to build, run and test on Debian/Ubuntu, and builds the UI.
# Idempotent: each step runs only when something is missing or out of date.
# Works as root or as a user with sudo. Honours CI=true (no prompts).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root for: $* (run as root or install sudo)"
  fi
}

APT_PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config xvfb xauth x11-utils
  webkit2gtk-driver imagemagick dbus-x11
  fonts-noto-cjk fonts-dejavu-core
  libreoffice-calc-nogui poppler-utils python3-pip
)

# --- System packages -------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install by hand: ${missing[*]}"
  log "installing system packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  log "system packages: all present"
fi

# --- Python readers the export tests call (independent parsers) --------------
# module:package (msoffcrypto-tool writes real password-protected workbooks for the import tests)
PY_MODULES=(icalendar:icalendar vobject:vobject openpyxl:openpyxl msoffcrypto:msoffcrypto-tool)
py_missing=()
for entry in "${PY_MODULES[@]}"; do
  python3 -c "import ${entry%%:*}" >/dev/null 2>&1 || py_missing+=("${entry#*:}")
done
if [ "${#py_missing[@]}" -gt 0 ]; then
  log "installing Python packages: ${py_missing[*]}"
  # Debian's own python3 refuses pip installs outside a venv (PEP 668) unless told otherwise.
  python3 -m pip install --quiet "${py_missing[@]}" \
    || python3 -m pip install --quiet --break-system-packages "${py_missing[@]}"
else
  log "Python packages: all present"
fi

# --- Rust toolchain ---------------------------------------------------------
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v cargo >/dev/null 2>&1; then
  log "cargo not found: installing Rust with the official rustup installer"
  if ! curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs -o /tmp/rustup-init.sh; then
    die "cargo is missing and the rustup installer could not be downloaded (no network?). Install Rust by hand: see the rustup website, then re-run this script."
  fi
  sh /tmp/rustup-init.sh -y --profile minimal --default-toolchain stable
  rm -f /tmp/rustup-init.sh
  export PATH="$HOME/.cargo/bin:$PATH"
  command -v cargo >/dev/null 2>&1 || die "rustup ran but cargo is still not on PATH"
fi
log "cargo: $(cargo --version)"

# --- Node.js >= 20.19 and npm ----------------------------------------------
NODE_MIN="20.19.0"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  log "node or npm not found: installing Debian's nodejs and npm"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs npm
fi
command -v node >/dev/null 2>&1 || die "node is still missing after installing Debian's nodejs"
command -v npm >/dev/null 2>&1 || die "npm is still missing after installing Debian's npm"
node_version="$(node --version | sed 's/^v//')"
version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }
if ! version_ge "$node_version" "$NODE_MIN"; then
  die "Node.js $node_version is too old: the UI build (Vite) needs Node.js >= $NODE_MIN. Install a newer Node.js (e.g. from your distribution's backports or the Node.js project) and re-run."
fi
log "node: v$node_version, npm: $(npm --version)"

# --- UI dependencies and build ---------------------------------------------
cd "$REPO_ROOT/ui"
stamp="node_modules/.package-lock.json"
if [ ! -d node_modules ] || [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  log "installing UI dependencies (npm ci)"
  npm ci --no-audit --no-fund
else
  log "UI dependencies: up to date"
fi
log "building the UI (npm run build)"
npm run build
[ -f dist/index.html ] || die "UI build did not produce ui/dist/index.html"
log "done"
