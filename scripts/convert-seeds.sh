#!/bin/sh
# Converts the seed reports fixtures/seeds/00{0,1,2,3}_*.txt to PDF with LibreOffice, as
# fixtures/converted/<seed>.pdf: each text goes through scripts/text-to-html.ts (headings,
# paragraphs, tab-separated rows as ruled tables) and LibreOffice Writer lays it out on A4 pages
# with a text layer and drawn cell borders, as a report exported from Word would be.
# Needs soffice (apt-get install libreoffice-writer-nogui fonts-noto-cjk). The PDFs are committed,
# so the tests run without LibreOffice.
#
#   sh scripts/convert-seeds.sh            (from the project root)
set -eu
command -v soffice >/dev/null || { echo "需要 LibreOffice（soffice）：apt-get install libreoffice-writer-nogui fonts-noto-cjk" >&2; exit 3; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p fixtures/converted
for txt in fixtures/seeds/00[0-3]_*.txt; do
  seed=$(basename "$txt" .txt)
  node --import tsx scripts/text-to-html.ts "$txt" "$work/$seed.html"
  soffice -env:UserInstallation="file://$work/profile" --headless --infilter="HTML (StarWriter)" \
    --convert-to pdf:writer_pdf_Export --outdir "$work" "$work/$seed.html" >/dev/null 2>&1
  cp "$work/$seed.pdf" "fixtures/converted/$seed.pdf"
  echo "fixtures/converted/$seed.pdf"
done
