#!/usr/bin/env bash
# Installs what the end-to-end tests need, idempotently, outside the repository:
#   - Debian packages: chromium (the browser), neovim (second LSP client), ripgrep, and the
#     headers code-server's native modules build against;
#   - code-server 4.100.3 (VS Code 1.100.3 on Node 20) into a cache keyed by its version.
# Prints the code-server install folder on the last line of stdout.
# Steps follow /work/shared/notes/vscode-in-browser.md: the npm registry and Debian's archive are
# the only sources; nothing here downloads a prebuilt binary from elsewhere.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
CACHE_ROOT="${PIGSTY_E2E_CACHE:-$HOME/.cache/pigsty-e2e}"
PREFIX="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
MARKER="$PREFIX/.installed"

log() { printf 'e2e-setup: %s\n' "$*" >&2; }
die() { printf 'e2e-setup: ERROR: %s\n' "$*" >&2; exit 1; }

# --- Debian packages -------------------------------------------------------------------------
DEBS=(chromium neovim ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config
      python3 make g++)
missing=()
for p in "${DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  command -v apt-get >/dev/null || die "apt-get not found; install these packages by hand: ${missing[*]}"
  [[ $(id -u) == 0 ]] || die "installing ${missing[*]} needs root (apt-get); run as root or install them first"
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get update -qq >&2 || die "apt-get update failed"
  timeout 900 apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
    || die "apt-get install ${missing[*]} failed"
else
  log "Debian packages present"
fi
for bin in /usr/bin/chromium /usr/bin/nvim /usr/bin/rg; do
  [[ -x $bin ]] || die "$bin missing after the package install"
done

# --- code-server -----------------------------------------------------------------------------
if [[ -f $MARKER ]]; then
  log "code-server $CODE_SERVER_VERSION cached in $PREFIX"
  echo "$PREFIX"
  exit 0
fi

log "installing code-server $CODE_SERVER_VERSION into $PREFIX (takes 1-3 minutes)"
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
cd "$PREFIX"
echo '{"name":"pigsty-e2e-code-server","private":true}' > package.json
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# its own postinstall refuses root and downloads ripgrep from the internet: skip it
timeout 600 npm install --ignore-scripts --no-save "code-server@$CODE_SERVER_VERSION" >&2 \
  || die "npm install code-server@$CODE_SERVER_VERSION failed"

VSC="$PREFIX/node_modules/code-server/lib/vscode"
[[ -d $VSC ]] || die "unexpected code-server layout: $VSC missing"
# (no subshell with `|| die`: errexit is off inside one, so every step checks itself)
cd "$VSC"
timeout 600 npm install --omit=dev --ignore-scripts >&2 || die "npm install in $VSC failed"
npm_config_yes=true timeout 900 npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog >&2 \
  || die "building VS Code's native modules failed (needs g++, make, python3 and the -dev packages above)"
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh
cd extensions
timeout 600 npm install --omit=dev --ignore-scripts >&2 || die "npm install of the built-in extensions failed"
cd "$PREFIX"

# argon2 lives next to code-server, in the top-level node_modules
timeout 600 npm rebuild argon2 >&2 || die "npm rebuild argon2 failed"

XDG_CONFIG_HOME="$PREFIX/.xdg-config" "$PREFIX/node_modules/.bin/code-server" --version >&2 || die "code-server does not start"
touch "$MARKER"
log "code-server ready"
echo "$PREFIX"
