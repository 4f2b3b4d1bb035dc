# Shared by tests/bench/compare and tests/bench/preview (sourced, not run): installs on first use and publishes.

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

_apt_updated=0
# apt_install PACKAGE...: a Debian package, installed once, with one apt-get update per run.
apt_install() {
  echo "bench: installing $* (Debian package)" >&2
  if [ "$_apt_updated" -eq 0 ]; then as_root apt-get update -qq; _apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# npm_ci FOLDER [own]: npm ci from FOLDER's lock file when it has no packages yet; with "own" (a folder of
# tests/bench) also when the install is older than the lock file. A linked node_modules (a worktree sharing another
# checkout's packages) is never reinstalled: npm ci would empty the folder it points to.
npm_ci() {
  local modules="$1/node_modules"
  if [ -L "$modules" ]; then return 0; fi
  if [ ! -d "$modules" ] || [ -z "$(ls -A "$modules")" ] \
     || { [ "${2:-}" = own ] && { [ ! -f "$modules/.package-lock.json" ] || [ "$1/package-lock.json" -nt "$modules/.package-lock.json" ]; }; }; then
    echo "bench: npm ci --prefix $1" >&2
    npm ci --prefix "$1" --no-audit --no-fund >&2
  fi
}

# theme_packages REPO: the real theme's browser packages (lunr.js, Decap CMS); the build fails (SITE260) without
# them. Same test as the preview's own ThemePackages.
theme_packages() {
  if [ ! -d "$1/theme/node_modules/lunr" ]; then npm_ci "$1/theme"; fi
}

# publish REPO DIR: the generator in Release, as a user would run it; prints the path of the binary.
publish() {
  echo "bench: publishing the generator in Release" >&2
  local log
  if ! log=$(dotnet publish "$1/src/Site" -c Release -o "$2" --nologo 2>&1); then echo "$log" >&2; return 1; fi
  echo "$2/Site"
}
