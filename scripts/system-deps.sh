#!/bin/sh
# Install the Debian packages the portal needs that are not there yet: Chromium for the browser
# tests, Node.js and npm for the test OpenID provider (tests/oidc), GNU gettext for collecting translatable strings, Pango/HarfBuzz and fonts for WeasyPrint, PgBouncer for the integration test through a transaction-mode pooler. Without root (or apt) it says what is missing.
set -eu
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v xgettext >/dev/null 2>&1 || missing="$missing gettext"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
for pkg in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core fonts-liberation pgbouncer; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq $missing >/dev/null
else
  echo "Missing system packages:$missing. Install them with: sudo apt-get install$missing" >&2
  exit 1
fi
