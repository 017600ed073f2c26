#!/usr/bin/env bash
# Rebuild NotoSansSC-Subset.otf: a GB2312-plus subset of Noto Sans CJK SC Regular.
#
# Prerequisites (this script installs nothing itself):
#   apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk
#       -> /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
#          (Debian bookworm: fonts-noto-cjk 1:20220127+repack1-1, Noto Sans CJK 2.004;
#           face index 2 of the collection is "Noto Sans CJK SC")
#   pip install fonttools        (provides pyftsubset; built with fonttools 4.68.0)
#   python3 (with the standard 'gb2312' codec)
#
# Usage:   bash assets/fonts/make-subset.sh
# Env:     SRC_FONT  path of the source .ttc   (default: the Debian path above)
#          OUT_FONT  path of the output .otf   (default: NotoSansSC-Subset.otf beside this script)
#          KEEP_CHARS=1  also copy the generated chars.txt beside the output (for inspection)
#
# The character set (only code points present in the source face are kept):
#   - every valid 2-byte GB2312 code (rows 0xA1-0xF7, columns 0xA1-0xFE) decoded with
#     Python's 'gb2312' codec, undecodable codes skipped
#   - printable ASCII U+0020-U+007E and Latin-1 U+00A0-U+00FF
#   - general punctuation U+2010-U+2027 and U+2030-U+205E
#   - CJK symbols and punctuation U+3000-U+303F, half/full-width forms U+FF00-U+FFEF
#   - a list of symbols and Inner Mongolia place-name / personal-name characters (below)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SRC_FONT="${SRC_FONT:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}"
FONT_NUMBER=2   # Noto Sans CJK SC inside NotoSansCJK-Regular.ttc
OUT_FONT="${OUT_FONT:-$here/NotoSansSC-Subset.otf}"

if [ ! -f "$SRC_FONT" ]; then
    echo "source font not found: $SRC_FONT (apt-get install fonts-noto-cjk)" >&2
    exit 1
fi
command -v pyftsubset >/dev/null || { echo "pyftsubset not found (pip install fonttools)" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

python3 - "$SRC_FONT" "$FONT_NUMBER" "$tmp/chars.txt" <<'PY'
import sys
from fontTools.ttLib import TTFont

src, num, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
cps = set()

# GB2312: all valid two-byte codes.
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            s = bytes([hi, lo]).decode("gb2312")
        except UnicodeDecodeError:
            continue
        cps.update(ord(c) for c in s)

ranges = [
    (0x0020, 0x007E),  # printable ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement
    (0x2010, 0x2027),  # general punctuation (dashes, quotes, bullets, ellipsis)
    (0x2030, 0x205E),  # general punctuation (per mille, primes, ...)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms
]
for a, b in ranges:
    cps.update(range(a, b + 1))

symbols = "×÷±≤≥≠→←↑↓▲▼●○■□◆◇★☆✓✗…—–‘’“”·•℃¥€"
places = (
    "嘎苏旗盟浩呼伦鄂托克杭锦乌审准格尔达拉特磴阿巴彦淖扎赉科右翼霍林郭锡兰察哈镶卓资凉城和化德"
    "商都兴和丰镇四子王默左前后温喀喇沁敖汉翁牛宁城林西克什腾奈曼库伦扎鲁开鲁莫力瓦达斡尔鄂伦春"
    "陈巴尔虎新巴尔虎额尔古纳牙克石根河扎兰屯二连浩特多伦太仆寺正蓝白黄苏尼特东乌珠穆沁阿拉善"
    "额济纳固阳土默特达茂武川托克托清水河"
    "嘎查苏木噶荦堃喆沄珺玥琇"
)
cps.update(ord(c) for c in symbols + places)

cmap = TTFont(src, fontNumber=num, lazy=True).getBestCmap()
missing = sorted(c for c in cps if c not in cmap)
keep = sorted(c for c in cps if c in cmap)
if missing:
    print("not in source font, skipped (%d): %s" % (
        len(missing), " ".join("U+%04X" % c for c in missing)), file=sys.stderr)
print("characters kept: %d" % len(keep), file=sys.stderr)
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write("".join(chr(c) for c in keep))
PY

pyftsubset "$SRC_FONT" \
    --font-number="$FONT_NUMBER" \
    --text-file="$tmp/chars.txt" \
    --layout-features='kern,liga,ccmp,calt' \
    --output-file="$OUT_FONT"

if [ "${KEEP_CHARS:-0}" = 1 ]; then
    cp "$tmp/chars.txt" "$(dirname "$OUT_FONT")/chars.txt"
fi

ls -l "$OUT_FONT"
sha256sum "$OUT_FONT"
