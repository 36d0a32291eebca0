# Shared by scripts/demo and scripts/test: find or install what Mamori needs, and build it.
# Every step checks first and installs only what is missing, so reruns are quick.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

# Build outside the clone when /var/cache is writable, so that CI and later clones reuse it.
if [ -z "${CARGO_TARGET_DIR:-}" ]; then
  if mkdir -p /var/cache/mamori 2>/dev/null && [ -w /var/cache/mamori ]; then
    export CARGO_TARGET_DIR=/var/cache/mamori/target
  else
    export CARGO_TARGET_DIR="$ROOT/target"
  fi
fi
export PATH="$HOME/.cargo/bin:$ROOT/end2end/node_modules/.bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=
apt_install() {
  if [ -z "$APT_UPDATED" ]; then
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

ensure_rust_tools() {
  command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs)"; exit 1; }
  rustup target list --installed | grep -qx wasm32-unknown-unknown || { step "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
  # cargo-leptos 0.3.10 is the newest that builds on Rust 1.95.
  if ! cargo leptos --version 2>/dev/null | grep -q '0\.3\.10'; then
    step "installing cargo-leptos 0.3.10 (about 12 minutes, once)"
    cargo install cargo-leptos --version 0.3.10 --locked
  fi
  # wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
  local version
  version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $version\$"; then
    step "installing wasm-bindgen-cli $version"
    cargo install wasm-bindgen-cli --version "$version"
  fi
}

ensure_node_modules() {
  command -v npm >/dev/null || { step "installing Node.js"; apt_install nodejs npm; }
  # binaryen's wasm-opt (release builds) and the browser-test packages live in end2end/.
  if [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
    step "installing npm packages (end2end/)"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
}

# The release build and its folder: dist/ holds the mamori binary, hash.txt and site/, and
# runs without cargo-leptos or the source tree.
build_release() {
  # --split: the pages only trainers, managers and admins open are separate pieces of the
  # bundle, fetched when first visited (app/src/pages/mod.rs, lazy_pages!).
  step "building the release (cargo leptos build --release --precompress --split)"
  cargo leptos build --release --precompress --split
  rm -rf dist
  mkdir -p dist
  cp "$CARGO_TARGET_DIR/release/mamori" dist/
  cp "$CARGO_TARGET_DIR/release/hash.txt" dist/
  cp -r target/site dist/site
}
