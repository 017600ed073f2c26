#!/usr/bin/env bash
# Builds the installable packages into target/dist/, with the version from Cargo.toml:
#   fundplan_<version>_amd64.deb                  Debian 10-13, UOS 20, Kylin V10 on x86-64 (cargo-deb; glibc >= 2.28)
#   fundplan_<version>_arm64.deb                  the same on ARM64 (Phytium, Kunpeng), cross-built with zig
#   fundplan-<version>-windows-x86_64.zip         Windows 10/11, cross-built with mingw-w64
#   fundplan-<version>-windows-x86_64.msi         the same exe as a per-machine installer (wixl)
# Usage: bash packaging/build.sh [deb|deb-arm64|windows|msi]...   (no argument: all)
# Needs (Debian): apt-get install mingw-w64 zip wixl msitools binutils-aarch64-linux-gnu;
# the Rust targets, cargo-deb, cargo-zigbuild and zig (from PyPI) are added here.
# tests/packages.rs then checks what was built (cargo test --test packages).
set -euo pipefail
cd "$(dirname "$0")/.."

WIN_TARGET=x86_64-pc-windows-gnu
LINUX_TARGET=x86_64-unknown-linux-gnu
ARM_TARGET=aarch64-unknown-linux-gnu
# The oldest glibc the .deb runs with (tests/packages.rs checks the binary's symbols).
GLIBC_FLOOR=2.28
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$version" ] || { echo "build.sh: no version in Cargo.toml" >&2; exit 1; }
target_dir=${CARGO_TARGET_DIR:-target}
dist=$target_dir/dist
# Files in the packages carry the last commit's time, not the build's (cargo-deb reads it too).
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}

# want PART ARGS...: whether PART is to be built (it is named in ARGS, or ARGS is empty).
want() { local part=$1 arg; shift; [ $# -eq 0 ] && return 0; for arg; do [ "$arg" = "$part" ] && return 0; done; return 1; }
need() { command -v "$1" >/dev/null || { echo "build.sh: $1 is missing; on Debian: sudo apt-get install $2" >&2; exit 1; }; }
took() { echo "build.sh: $1 in $(($(date +%s) - $2)) s"; }
for arg in "$@"; do
    case $arg in deb | deb-arm64 | windows | msi) ;; *) echo "usage: bash packaging/build.sh [deb|deb-arm64|windows|msi]..." >&2; exit 2 ;; esac
done
mkdir -p "$dist"
win_name=fundplan-$version-windows-x86_64
win_stage=$dist/$win_name

# zig_deb TRIPLE ARCH: the .deb for one Linux target, linked against glibc $GLIBC_FLOOR (UOS 20
# and Debian 10 have 2.28, Kylin V10 2.31), not the build machine's: cargo-zigbuild links with
# zig's per-version glibc stubs, for any architecture, with no cross toolchain or sysroot.
zig_deb() {
    local triple=$1 arch=$2 start
    start=$(date +%s)
    command -v cargo-deb >/dev/null || cargo install cargo-deb --locked
    command -v cargo-zigbuild >/dev/null || cargo install cargo-zigbuild --locked
    command -v zig >/dev/null || python3 -m ziglang version >/dev/null 2>&1 ||
        python3 -m pip install --quiet ziglang
    rustup target list --installed | grep -qx "$triple" || rustup target add "$triple"
    # cargo-deb strips the binary with the target's strip (Debian's binutils-<triple> package).
    [ "$arch" = amd64 ] || need "${triple/-unknown/}-strip" "binutils-${triple/-unknown/}"
    cargo zigbuild --release --target "$triple.$GLIBC_FLOOR" --bin fundplan
    rm -f "$dist"/fundplan_*_"$arch".deb
    # cargo-deb reads the assets' target/release/ as target/$triple/release/.
    cargo deb --no-build --target "$triple" --output "$dist/fundplan_${version}_$arch.deb"
    took "$dist/fundplan_${version}_$arch.deb" "$start"
}

if want deb "$@"; then zig_deb "$LINUX_TARGET" amd64; fi
if want deb-arm64 "$@"; then zig_deb "$ARM_TARGET" arm64; fi

# The msi part packs the windows part's staged folder; asked for alone, it builds that first.
if want windows "$@" || { want msi "$@" && [ ! -f "$win_stage/fundplan.exe" ]; }; then
    start=$(date +%s)
    need x86_64-w64-mingw32-gcc mingw-w64
    need zip zip
    rustup target list --installed | grep -qx "$WIN_TARGET" || rustup target add "$WIN_TARGET"
    # .cargo/config.toml sets the linker and static C runtime; build.rs adds icon and version info.
    cargo build --release --target "$WIN_TARGET" --bin fundplan
    name=$win_name
    stage=$win_stage
    rm -rf "$stage" "$dist"/fundplan-*-windows-x86_64.zip
    mkdir -p "$stage"
    x86_64-w64-mingw32-strip -o "$stage/fundplan.exe" "$target_dir/$WIN_TARGET/release/fundplan.exe"
    # Notepad-friendly: UTF-8 with BOM, CRLF line ends.
    crlf() { { printf '\357\273\277'; sed 's/$/\r/' "$1"; } > "$2"; }
    crlf packaging/README-zh.md "$stage/README-zh.txt"
    # The English text is the README followed by the user guides it points to (docs/), so a
    # Windows user has all of them in one file that Notepad opens.
    cat README.md docs/county-guide.md docs/league-guide.md docs/data-safety.md \
        docs/command-line.md docs/catalogs.md docs/file-format.md > "$stage/README-en.md"
    crlf "$stage/README-en.md" "$stage/README-en.txt"
    rm "$stage/README-en.md"
    crlf LICENSE-MIT "$stage/LICENSE-MIT.txt"
    crlf LICENSE-APACHE "$stage/LICENSE-APACHE.txt"
    crlf assets/fonts/OFL.txt "$stage/OFL.txt"
    cp assets/examples/wuchuan-2020.ron "$stage/"
    find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
    (cd "$dist" && find "$name" | LC_ALL=C sort | zip -q -X -9 "$name.zip" -@)
    took "$dist/$name.zip" "$start"
fi

if want msi "$@"; then
    start=$(date +%s)
    need wixl wixl
    need msibuild msitools
    msi=$dist/$win_name.msi
    rm -f "$dist"/fundplan-*-windows-x86_64.msi
    # wixl finds files relative to the current folder only (packaging/windows/fundplan.wxs).
    wixl -a x64 -D Version="$version" -D Stage="$(realpath --relative-to=. "$win_stage")" \
        -o "$msi" packaging/windows/fundplan.wxs
    # Code page 936, then the Chinese strings wixl could not write (packaging/windows/msi-zh.sql).
    idt=$(mktemp -d)
    printf '\n\n936\t_ForceCodepage\n' > "$idt/_ForceCodepage.idt"
    msibuild "$msi" -i "$idt/_ForceCodepage.idt"
    rm -r "$idt"
    while IFS= read -r query; do
        case $query in '' | '#'*) continue ;; esac
        msibuild "$msi" -q "${query//@VERSION@/$version}"
    done < packaging/windows/msi-zh.sql
    took "$msi" "$start"
fi

ls -l "$dist"/*.deb "$dist"/*.zip "$dist"/*.msi 2>/dev/null || true
