# Shared by ./run and ./test: create .venv with Python 3.11 and install Evne into it (idempotent).

find_python() {
  for candidate in "${PYTHON:-}" python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "Evne needs Python 3.11 (set PYTHON=/path/to/python3.11)." >&2
  return 1
}

ensure_venv() {  # $1: extras, e.g. "[dev]"
  local extras="$1"
  local stamp=".venv/.installed${extras}"
  if [ ! -x .venv/bin/python ]; then
    "$(find_python)" -m venv .venv
  fi
  # Reinstall only when pyproject.toml changed since the last install.
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".${extras}"
    touch "$stamp"
  fi
}

ensure_chromium() {
  # Browser tests run in Debian's Chromium (never a downloaded browser). Install it when we can.
  if command -v chromium >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests …"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "Chromium is not installed: the browser tests will be skipped (sudo apt-get install chromium chromium-driver)." >&2
  fi
}

ensure_pango() {
  # WeasyPrint (the PDF renderer) needs Pango from the system. Debian images usually have it.
  if ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0"; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Pango for the PDF renderer …"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null
  else
    echo "Pango is missing: PDFs cannot be rendered (sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0)." >&2
  fi
}
