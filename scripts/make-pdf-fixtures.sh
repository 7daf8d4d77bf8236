#!/bin/sh
# Makes the PDF fixtures that need LibreOffice, under fixtures/pdf/ (committed, so tests and the
# bench run without LibreOffice):
#   encrypted.pdf      seed 000's opening with an open password ("secret", RC4 as LibreOffice writes it)
#   restricted.pdf     the same with only a permissions password: it opens without one, and is read
#   report-60-pages.pdf seed 000 laid out twelve times over (60 pages of text and ruled tables), for the bench
#   seed-000-text.pdf, seed-003-text.pdf  seeds 000 and 003 converted straight from .txt (no HTML, no
#                      rules): LibreOffice sets each line as a paragraph and each tab at the next default
#                      stop (every 1.25 cm), so the tables' columns do not line up from row to row
# The hand-made bad PDFs (scanned, 500 pages, font bomb, huge image) are written in the tests by
# test/importing/files/pdf-writer.ts. Needs soffice (apt-get install libreoffice-writer-nogui fonts-noto-cjk).
#
#   sh scripts/make-pdf-fixtures.sh            (from the project root)
set -eu
command -v soffice >/dev/null || { echo "需要 LibreOffice（soffice）：apt-get install libreoffice-writer-nogui fonts-noto-cjk" >&2; exit 3; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p fixtures/pdf
seed=fixtures/seeds/000_0839647822e00506.txt
export_pdf() { # <html> <filter options>
  soffice -env:UserInstallation="file://$work/profile" --headless --infilter="HTML (StarWriter)" \
    --convert-to "pdf:writer_pdf_Export:$2" --outdir "$work" "$1" >/dev/null 2>&1
}
head -n 12 "$seed" > "$work/opening.txt"
node --import tsx scripts/text-to-html.ts "$work/opening.txt" "$work/encrypted.html"
export_pdf "$work/encrypted.html" '{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}'
cp "$work/encrypted.html" "$work/restricted.html"
export_pdf "$work/restricted.html" '{"RestrictPermissions":{"type":"boolean","value":"true"},"PermissionPassword":{"type":"string","value":"owner"},"Changes":{"type":"long","value":"0"}}'
node --import tsx scripts/text-to-html.ts "$seed" "$work/report-60-pages.html" --repeat 12
export_pdf "$work/report-60-pages.html" '{}'
for n in 000 003; do
  cp fixtures/seeds/${n}_*.txt "$work/seed-$n-text.txt"
  soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" \
    "$work/seed-$n-text.txt" >/dev/null 2>&1
done
for f in encrypted restricted report-60-pages seed-000-text seed-003-text; do
  cp "$work/$f.pdf" "fixtures/pdf/$f.pdf"
  echo "fixtures/pdf/$f.pdf"
done
