# Shared by scripts/serve and scripts/test: Debian packages and the project's virtual environment.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Install the named Debian packages that are not installed yet.
apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  fi
}

# Create .venv (Debian needs python3-venv for that) and install the pinned packages of one lockfile
# in requirements/ (app or test), then the project itself, so a new upstream release changes nothing.
python_env() {
  python3 -c "import ensurepip, venv" 2>/dev/null || apt_install python3-venv
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/python -m pip install -q --require-hashes -r requirements/build.txt
  .venv/bin/python -m pip install -q --require-hashes -r "requirements/$1.txt"
  .venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
}
