#!/usr/bin/env bash
# Counts repeated code in src/ without generated files (EF migrations, obj/, bin/): `duplicates` on a copy.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && git ls-files src | grep -v '/Migrations/' | grep '\.cs$' | while read -r f; do mkdir -p "$tmp/$(dirname "$f")"; cp "$f" "$tmp/$f"; done)
(cd "$tmp" && duplicates --seconds 120 "$@")
