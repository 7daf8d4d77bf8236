#!/usr/bin/env bash
# Converts each seed report (fixtures/seeds/*.txt) to a Word document with LibreOffice, the way an
# officer who opens the text in Writer and saves it as .docx gets one, into fixtures/converted/.
# The .docx files are committed, so the tests that read them run without LibreOffice; run this
# again after a seed changes. Needs `soffice` (apt-get install -y libreoffice-writer-nogui).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/fixtures/converted"
if ! command -v soffice >/dev/null; then
  echo "soffice (LibreOffice) 未安装：apt-get install -y libreoffice-writer-nogui fonts-noto-cjk" >&2
  exit 1
fi
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root"/fixtures/seeds/0*.txt "$work/"
# A profile of its own, so a running LibreOffice (or another conversion) does not block this one.
soffice -env:UserInstallation="file://$work/profile" --headless --infilter="Text (encoded):UTF8,LF,," \
  --convert-to docx:"MS Word 2007 XML" --outdir "$out" "$work"/0*.txt >/dev/null
ls -l "$out"/*.docx
