#!/usr/bin/env bash
# Regenerates the pictures in docs/outputs.md and docs/overview.md from the bundled example
# case and the test reviews, the way a reader
# sees each output: the workbook and Word document printed by LibreOffice, the HTML report in
# headless Chromium. Needs: graphviz, libreoffice (soffice), chromium, poppler-utils
# (pdftoppm), and the project installed in .venv. Run from the project folder.
set -euo pipefail
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
.venv/bin/chronogen demo -o "$work/out" --anonymise >/dev/null
.venv/bin/chronogen overview tests/data/reviews tests/data/harbour -o "$work/overview" >/dev/null
# one folder each: both would be chronology.pdf
for kind in xlsx docx; do
  soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to pdf \
      --outdir "$work/pdf-$kind" "$work/out/chronology.$kind" >/dev/null
done
pdftoppm -r 55 -png -f 1 -l 1 "$work/pdf-xlsx/chronology.pdf" "$work/xlsx"
# the chronology page holding the police's first incident (its other columns quoted under it)
page=1
pages=$(pdfinfo "$work/pdf-docx/chronology.pdf" | awk '/^Pages:/ {print $2}')
for n in $(seq 1 "$pages"); do
  if pdftotext -f "$n" -l "$n" "$work/pdf-docx/chronology.pdf" - | grep -q "INC-2020000"; then
    page=$n; break
  fi
done
pdftoppm -r 55 -png -f "$page" -l "$page" "$work/pdf-docx/chronology.pdf" "$work/docx" 2>/dev/null || true
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    "--user-data-dir=$work/chromium" --window-size=1300,1500 \
    "--screenshot=$work/html.png" "file://$work/out/report.html" 2>/dev/null
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    "--user-data-dir=$work/chromium" --window-size=1300,1450 \
    "--screenshot=$work/overview.png" "file://$work/overview/overview.html" 2>/dev/null
.venv/bin/python - "$work" <<'PY'
import glob, sys
from PIL import Image
work = sys.argv[1]
def save(source, target, width):
    with Image.open(source) as image:
        image = image.convert("RGB")
        height = round(image.height * width / image.width)
        image.resize((width, height), Image.LANCZOS).save(target, optimize=True)
save(glob.glob(f"{work}/xlsx-*.png")[0], "docs/images/outputs-xlsx.png", 900)
docx_pages = sorted(glob.glob(f"{work}/docx-*.png"))
if docx_pages:
    save(docx_pages[0], "docs/images/outputs-docx.png", 900)
save(f"{work}/html.png", "docs/images/outputs-html.png", 900)
save(f"{work}/overview.png", "docs/images/overview-html.png", 900)
save(f"{work}/out/timeline.png", "docs/images/outputs-timeline.png", 1100)
save(f"{work}/out/anonymised/genogram.png", "docs/images/outputs-anonymised-genogram.png", 800)
PY
echo "pictures written to docs/images/"
