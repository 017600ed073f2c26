//! The installable packages that `bash packaging/build.sh` leaves in
//! target/dist/: the .deb unpacked into a throw-away root, the Windows zip
//! unpacked and its exe inspected (and run under wine when it is installed),
//! the MSI's tables (packages/msi.rs) and the arm64 .deb (packages/arm64.rs).
//!
//! A package that was not built is skipped with a message, so `cargo test`
//! works without building them; CI builds them first and sets
//! `FUNDPLAN_REQUIRE_PACKAGES=1`, which turns a missing package or tool into
//! a failure.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking; clippy.toml exempts #[test] functions, not their helpers"
)]

#[path = "packages/arm64.rs"]
mod arm64;
#[path = "support/mod.rs"]
mod common;
#[path = "packages/msi.rs"]
mod msi;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::root;

const VERSION: &str = env!("CARGO_PKG_VERSION");
const MIME_TYPE: &str = "application/x-fundplan-plan";
/// The oldest glibc the .deb must run with: UOS 20 and Debian 10 (Kylin V10 has
/// 2.31). packaging/build.sh links against it.
const GLIBC_FLOOR: &str = "2.28";
/// What the Windows zip holds in its folder, and the MSI in Program Files\fundplan.
const WINDOWS_FILES: [&str; 7] = [
    "fundplan.exe",
    "README-zh.txt",
    "README-en.txt",
    "LICENSE-MIT.txt",
    "LICENSE-APACHE.txt",
    "OFL.txt",
    "wuchuan-2020.ron",
];
/// The MSI's UpgradeCode (packaging/windows/fundplan.wxs): a newer MSI finds
/// and replaces an installed older one by it, so it must never change.
const UPGRADE_CODE: &str = "{406B21BF-A46D-40BA-9757-6185D7CA57F9}";
/// The Start-menu name, also the Linux desktop entry's Name[zh_CN].
const APP_NAME_ZH: &str = "涉农涉牧资金统筹整合方案";
/// Where Debian's libc6-arm64-cross puts the ARM64 glibc that
/// qemu-aarch64-static runs the arm64 binary with (`-L`).
const ARM64_SYSROOT: &str = "/usr/aarch64-linux-gnu";
const ICON_SIZES: [u32; 7] = [16, 32, 48, 64, 128, 256, 512];
/// The DLLs fundplan.exe imports today, all in System32 of every Windows
/// 10/11 (api-ms-win-* API sets are allowed too). A new import fails here to
/// be looked at; the MinGW runtime (libgcc_s_seh-1, libwinpthread-1,
/// libstdc++-6) must never appear.
const SYSTEM_DLLS: &[&str] = &[
    "advapi32.dll",
    "bcryptprimitives.dll",
    "combase.dll",
    "dwmapi.dll",
    "dwrite.dll",
    // DXGI and SetupAPI: the wgpu fallback renderer (Direct3D 12 adapters; d3d12.dll
    // itself is loaded at run time).
    "dxgi.dll",
    "gdi32.dll",
    "imm32.dll",
    "kernel32.dll",
    "msvcrt.dll",
    "ntdll.dll",
    "ole32.dll",
    "oleaut32.dll",
    "opengl32.dll",
    "propsys.dll",
    "rpcrt4.dll",
    "setupapi.dll",
    "shell32.dll",
    "shlwapi.dll",
    "uiautomationcore.dll",
    "user32.dll",
    "userenv.dll",
    "uxtheme.dll",
    "ws2_32.dll",
];

fn dist() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root("target"), PathBuf::from)
        .join("dist")
}

fn required() -> bool {
    std::env::var_os("FUNDPLAN_REQUIRE_PACKAGES").is_some_and(|v| v == "1")
}

/// The package, or None (with a message) when it was not built and CI does
/// not require it.
fn package(name: &str) -> Option<PathBuf> {
    let path = dist().join(name);
    if path.is_file() {
        return Some(path);
    }
    assert!(
        !required(),
        "{} is missing: run bash packaging/build.sh",
        path.display()
    );
    eprintln!(
        "skipped: {} not built (bash packaging/build.sh builds it)",
        path.display()
    );
    None
}

/// The Windows package with extension `ext` and the name of its folder, or
/// None when it was not built or `tool`, which checks it, is missing.
fn windows_package(ext: &str, tool: &str) -> Option<(String, PathBuf)> {
    let name = format!("fundplan-{VERSION}-windows-x86_64");
    let path = package(&format!("{name}.{ext}"))?;
    have(tool).then_some((name, path))
}

/// Every file (not folder, not symbolic link) under `dir`, at any depth.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let kind = e.file_type().unwrap();
            if kind.is_dir() {
                stack.push(e.path());
            } else if kind.is_file() {
                files.push(e.path());
            }
        }
    }
    files
}

/// Whether `tool` is on PATH; when it is not, its check is skipped with a
/// message, or fails where CI requires the packages' checks.
fn have(tool: &str) -> bool {
    let found = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(tool).is_file()));
    if !found {
        assert!(!required(), "{tool} is not installed");
        eprintln!("{tool} not installed: its check is skipped");
    }
    found
}

/// Runs `cmd`, failing the test when it cannot start, or runs longer than
/// `limit` (then it is killed).
fn run(cmd: &mut Command, limit: Duration) -> Output {
    let what = format!("{cmd:?}");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {what}: {e}"));
    // Drain both pipes on threads so a chatty child cannot block on a full pipe.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let read_out = std::thread::spawn(move || read_all(&mut out));
    let read_err = std::thread::spawn(move || read_all(&mut err));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            // Best effort before failing the test: the child may have just exited.
            child.kill().ok();
            child.wait().ok();
            panic!("{what} took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Output {
        status,
        stdout: read_out.join().unwrap(),
        stderr: read_err.join().unwrap(),
    }
}

fn read_all(r: &mut impl std::io::Read) -> Vec<u8> {
    let mut buf = Vec::new();
    // A pipe that breaks mid-read still gives what was read so far, which is what is checked.
    r.read_to_end(&mut buf).ok();
    buf
}

/// Runs `cmd` and returns its standard output, failing on a non-zero exit.
fn ok(cmd: &mut Command) -> String {
    let o = run(cmd, Duration::from_secs(120));
    assert!(
        o.status.success(),
        "{cmd:?}: {}\n{}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(path: &Path) -> (u32, u32) {
    let b = std::fs::read(path).unwrap();
    assert!(
        b.starts_with(b"\x89PNG\r\n\x1a\n") && &b[12..16] == b"IHDR",
        "{} is not a PNG",
        path.display()
    );
    let be = |at: usize| u32::from_be_bytes(b[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

/// The `[Desktop Entry]` group of a desktop file as key → value.
fn desktop_entry(text: &str) -> BTreeMap<String, String> {
    let mut group = "";
    let mut keys = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            group = line;
        } else if group == "[Desktop Entry]"
            && let Some((k, v)) = line.split_once('=')
        {
            keys.insert(k.trim().to_string(), v.trim().to_string());
        }
    }
    keys
}

#[test]
fn deb_installs_binary_desktop_entry_mime_type_and_icons() {
    let Some(deb) = package(&format!("fundplan_{VERSION}_amd64.deb")) else {
        return;
    };
    let field = |name: &str| {
        ok(Command::new("dpkg-deb").arg("--field").arg(&deb).arg(name))
            .trim()
            .to_string()
    };
    assert_eq!(field("Package"), "fundplan");
    assert_eq!(field("Version"), VERSION, "version from Cargo.toml");
    assert_eq!(field("Architecture"), "amd64");
    depends_only_on_glibc(&field("Depends"));
    // A file dialog where apt installs recommendations; without one the app
    // falls back to its own path dialog (issue 17).
    assert!(
        field("Recommends").contains("zenity | xdg-desktop-portal-gtk"),
        "Recommends: {}",
        field("Recommends")
    );

    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    ok(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(root));

    let bin = root.join("usr/bin/fundplan");
    let mode = std::os::unix::fs::PermissionsExt::mode(&bin.metadata().unwrap().permissions());
    assert_eq!(mode & 0o777, 0o755, "usr/bin/fundplan mode");
    assert_eq!(
        ok(Command::new(&bin).arg("--version")).trim(),
        format!("fundplan {VERSION}")
    );

    links_only_glibc_up_to_the_floor(&bin, "ld-linux-x86-64.so");

    // Desktop entry: names, command, icon and the plan type.
    let desktop = root.join("usr/share/applications/fundplan.desktop");
    let entry = desktop_entry(&std::fs::read_to_string(&desktop).unwrap());
    let key = |k: &str| entry.get(k).map_or("", String::as_str);
    assert_eq!(key("Type"), "Application");
    assert_eq!(key("Name"), "fundplan");
    assert_eq!(key("Name[zh_CN]"), "涉农涉牧资金统筹整合方案");
    assert_eq!(key("Exec"), "fundplan %f");
    assert_eq!(key("Icon"), "fundplan");
    assert_eq!(key("Terminal"), "false");
    assert_eq!(
        key("StartupWMClass"),
        "fundplan",
        "the app id set in gui::run"
    );
    assert_eq!(
        key("MimeType")
            .split(';')
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>(),
        [MIME_TYPE]
    );
    if have("desktop-file-validate") {
        let o = ok(Command::new("desktop-file-validate").arg(&desktop));
        assert!(o.trim().is_empty(), "desktop-file-validate: {o}");
    }

    // Icons where the hicolor theme looks, each PNG of its nominal size.
    for n in ICON_SIZES {
        let png = root.join(format!("usr/share/icons/hicolor/{n}x{n}/apps/fundplan.png"));
        assert_eq!(png_size(&png), (n, n), "{}", png.display());
    }
    let svg =
        std::fs::read_to_string(root.join("usr/share/icons/hicolor/scalable/apps/fundplan.svg"));
    assert!(svg.unwrap().contains("<svg"), "scalable icon");

    // Documentation, licences and the sample.
    let doc = root.join("usr/share/doc/fundplan");
    for f in [
        "copyright",
        "README.md",
        "README-zh.md",
        "docs/county-guide.md",
        "docs/league-guide.md",
        "docs/data-safety.md",
        "docs/command-line.md",
        "docs/catalogs.md",
        "docs/file-format.md",
        "docs/screenshots/sources.png",
        "docs/screenshots/matrix.png",
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "OFL.txt",
        "examples/wuchuan-2020.ron",
    ] {
        assert!(doc.join(f).is_file(), "usr/share/doc/fundplan/{f} missing");
    }
    let copyright = std::fs::read_to_string(doc.join("copyright")).unwrap();
    assert!(
        copyright.contains("License: OFL-1.1"),
        "font licence in copyright"
    );

    // The packaged binary checks the packaged sample.
    let sample = doc.join("examples/wuchuan-2020.ron");
    ok(Command::new(&bin).arg("validate").arg(&sample));

    // The MIME package: the type the desktop entry names.
    let xml = std::fs::read_to_string(root.join("usr/share/mime/packages/fundplan.xml")).unwrap();
    assert!(xml.contains(&format!("<mime-type type=\"{MIME_TYPE}\">")));
    assert!(xml.contains("<glob pattern=\"*.ron\""));
    mime_resolves(root, &sample);
}

/// Only what the ELF file links: the window system and OpenGL are opened at
/// run time and recommended, never required; and glibc no newer than UOS
/// 20's (2.28), so one package installs on UOS, Kylin and Debian 10+.
fn depends_only_on_glibc(depends: &str) {
    for dep in depends.split(',') {
        let name = dep.split_whitespace().next().unwrap_or_default();
        assert!(
            ["libc6", "libgcc-s1"].contains(&name),
            "Depends has {dep:?} (all: {depends})"
        );
        if let Some(v) = dep.trim().strip_prefix("libc6 (>= ") {
            let v = v.trim_end_matches(')');
            assert!(glibc_at_most(v, GLIBC_FLOOR), "Depends needs glibc {v}");
        }
    }
}

/// The binary links glibc alone (the rest is opened at run time), which is
/// why Depends names only libc6; and every glibc symbol version it needs
/// exists in glibc 2.28. `loader` is the dynamic loader's name on the
/// binary's architecture. readelf reads an ELF file of any architecture.
fn links_only_glibc_up_to_the_floor(bin: &Path, loader: &str) {
    let dynamic = ok(Command::new("readelf").arg("-d").arg(bin));
    let libs: Vec<&str> = dynamic
        .lines()
        .filter_map(|l| l.split("Shared library: [").nth(1))
        .map(|lib| lib.trim_end_matches(']'))
        .collect();
    assert!(libs.contains(&"libc.so.6"), "no libc.so.6 in {libs:?}");
    for lib in libs {
        assert!(
            [
                "libc.so.6",
                "libm.so.6",
                "libdl.so.2",
                "libpthread.so.0",
                "librt.so.1"
            ]
            .contains(&lib)
                || lib.starts_with(loader),
            "{} links {lib}, which Depends does not cover",
            bin.display()
        );
    }
    // The version needs (.gnu.version_r): every GLIBC_x.y a symbol asks for.
    let versions = ok(Command::new("readelf").arg("-V").arg("-W").arg(bin));
    let newest = versions
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter_map(|w| w.strip_prefix("GLIBC_"))
        .filter(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .max_by(|a, b| glibc_version(a).cmp(&glibc_version(b)))
        .unwrap_or_default()
        .to_string();
    assert!(!newest.is_empty(), "no glibc versions found by readelf -V");
    assert!(
        glibc_at_most(&newest, GLIBC_FLOOR),
        "{} needs glibc {newest}, newer than {GLIBC_FLOOR}",
        bin.display()
    );
}

/// `2.28` → `[2, 28]`, for comparing glibc versions.
fn glibc_version(v: &str) -> Vec<u32> {
    v.split('.').filter_map(|p| p.parse().ok()).collect()
}

fn glibc_at_most(v: &str, floor: &str) -> bool {
    glibc_version(v) <= glibc_version(floor)
}

/// Builds a MIME database from the package's XML beside the system's, and asks
/// GIO (as a file manager would) what the sample is: a plan by name and by
/// content alone, plain text for a catalog under a .txt name.
fn mime_resolves(root: &Path, sample: &Path) {
    if !have("update-mime-database") || !have("gio") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let share = tmp.path().join("share");
    let packages = share.join("mime/packages");
    std::fs::create_dir_all(&packages).unwrap();
    std::fs::copy(
        root.join("usr/share/mime/packages/fundplan.xml"),
        packages.join("fundplan.xml"),
    )
    .unwrap();
    ok(Command::new("update-mime-database").arg(share.join("mime")));
    let files = tmp.path().join("files");
    std::fs::create_dir(&files).unwrap();
    let copy = |from: &Path, name: &str| {
        std::fs::copy(from, files.join(name)).unwrap();
        files.join(name)
    };
    let cases = [
        (copy(sample, "plan.ron"), MIME_TYPE),
        (copy(sample, "附件"), MIME_TYPE),
        (
            copy(&common::root("assets/catalogs/nm-2017.ron"), "catalog.txt"),
            "text/plain",
        ),
    ];
    for (file, expected) in cases {
        let info = ok(Command::new("gio")
            .args(["info", "--attributes=standard::content-type"])
            .arg(&file)
            .env("XDG_DATA_HOME", &share)
            .env("XDG_DATA_DIRS", "/usr/share"));
        assert!(
            info.contains(&format!("standard::content-type: {expected}\n")),
            "{}: {info}",
            file.display()
        );
    }
}

/// Whether `haystack` contains `needle`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

#[test]
fn windows_zip_holds_a_self_contained_gui_exe() {
    let Some((name, zip)) = windows_package("zip", "unzip") else {
        return;
    };
    let listed: BTreeSet<String> = ok(Command::new("unzip").arg("-Z1").arg(&zip))
        .lines()
        .map(str::to_string)
        .collect();
    let expected: BTreeSet<String> = std::iter::once("")
        .chain(WINDOWS_FILES)
        .map(|f| format!("{name}/{f}"))
        .collect();
    assert_eq!(listed, expected, "zip contents");

    let tmp = tempfile::tempdir().unwrap();
    ok(Command::new("unzip")
        .arg("-q")
        .arg(&zip)
        .arg("-d")
        .arg(tmp.path()));
    let dir = tmp.path().join(&name);
    let exe = dir.join("fundplan.exe");
    let readme = std::fs::read(dir.join("README-zh.txt")).unwrap();
    assert!(
        readme.starts_with(b"\xef\xbb\xbf"),
        "README-zh.txt has a BOM for Notepad"
    );
    assert!(contains(&readme, "%APPDATA%\\fundplan\\data".as_bytes()));
    assert!(
        contains(&readme, b"\r\n"),
        "README-zh.txt has CRLF line ends"
    );
    // The English text carries the user guides the README points to.
    let readme_en = std::fs::read(dir.join("README-en.txt")).unwrap();
    for guide in [
        "# The desktop app: a county's guide",
        "# For league reviewers",
        "# Your data is safe",
        "# Command line",
    ] {
        assert!(
            contains(&readme_en, guide.as_bytes()),
            "README-en.txt lacks {guide}"
        );
    }

    if have("file") {
        let kind = ok(Command::new("file").arg("--brief").arg(&exe));
        assert!(
            kind.starts_with("PE32+ executable (GUI) x86-64"),
            "file says: {kind}"
        );
    }
    if have("x86_64-w64-mingw32-objdump") {
        let headers = ok(Command::new("x86_64-w64-mingw32-objdump")
            .arg("-p")
            .arg(&exe));
        assert!(
            headers.contains("(Windows GUI)"),
            "subsystem is not Windows GUI"
        );
        let dlls: BTreeSet<String> = headers
            .lines()
            .filter_map(|l| l.trim().strip_prefix("DLL Name: "))
            .map(str::to_ascii_lowercase)
            .collect();
        assert!(dlls.contains("kernel32.dll"), "no import table? {dlls:?}");
        let extra: Vec<_> = dlls
            .iter()
            .filter(|d| !SYSTEM_DLLS.contains(&d.as_str()) && !d.starts_with("api-ms-win-"))
            .collect();
        assert!(extra.is_empty(), "DLLs beyond the system's: {extra:?}");
    }

    // Resources: every image of the icon file, and the version information.
    let bytes = std::fs::read(&exe).unwrap();
    let ico = std::fs::read(root("assets/icons/fundplan.ico")).unwrap();
    let le = |at: usize| u32::from_le_bytes(ico[at..at + 4].try_into().unwrap()) as usize;
    let count = usize::from(u16::from_le_bytes([ico[4], ico[5]]));
    assert!(count >= 6, "the .ico has {count} images");
    for i in 0..count {
        let (len, at) = (le(6 + 16 * i + 8), le(6 + 16 * i + 12));
        assert!(
            contains(&bytes, &ico[at..at + len]),
            "icon image {i} not in the exe"
        );
    }
    assert!(
        contains(&bytes, &utf16("ProductVersion\0")),
        "no version info"
    );
    assert!(
        contains(&bytes, &utf16(&format!("{VERSION}\0"))),
        "no {VERSION} in version info"
    );
    assert!(
        contains(&bytes, &utf16("涉农涉牧资金统筹整合方案")),
        "no Chinese description"
    );

    if have("wine") {
        same_output_under_wine(&dir);
    }
}

/// `wine` in the prefix `prefix` (created on first use), quiet and without a
/// display.
fn wine_in(prefix: &Path) -> Command {
    let mut cmd = Command::new("wine");
    cmd.env("WINEPREFIX", prefix)
        .env("WINEDEBUG", "-all")
        // No Mono or Gecko installer dialogs while the prefix is created.
        .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY");
    cmd
}

/// Runs `validate` on the sample with the exe under wine and with the Linux
/// build, in the same folder, and compares output and exit status.
fn same_output_under_wine(dir: &Path) {
    // Debian 12's Wine 8.0 lacks bcryptprimitives.dll (Windows 10/11 have it),
    // which Rust's standard library imports; a stand-in goes beside the exe.
    if !have("x86_64-w64-mingw32-gcc") {
        return;
    }
    ok(Command::new("x86_64-w64-mingw32-gcc")
        .args(["-shared", "-O2", "-o"])
        .arg(dir.join("bcryptprimitives.dll"))
        .arg(root("packaging/wine/bcryptprimitives.c"))
        .arg("-ladvapi32"));
    let prefix = tempfile::tempdir().unwrap();
    let wine = |args: &[&str]| {
        let mut cmd = wine_in(prefix.path());
        cmd.arg("fundplan.exe").args(args).current_dir(dir);
        cmd
    };
    let linux = |args: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_fundplan"));
        cmd.args(args).current_dir(dir);
        cmd
    };
    let text = |b: &[u8]| String::from_utf8_lossy(b).replace("\r\n", "\n");
    let limit = Duration::from_secs(300); // the first run creates the prefix
    for args in [
        &["validate", "wuchuan-2020.ron"][..],
        &["--lang", "en", "validate", "wuchuan-2020.ron"],
        &["validate", "--json", "wuchuan-2020.ron"],
        &["--version"],
        &["validate", "no-such-plan.ron"],
    ] {
        let w = run(&mut wine(args), limit);
        let l = run(&mut linux(args), limit);
        assert_eq!(text(&w.stdout), text(&l.stdout), "stdout of {args:?}");
        assert_eq!(w.status.code(), l.status.code(), "exit status of {args:?}");
        assert!(!text(&w.stderr).contains("panicked"), "{}", text(&w.stderr));
    }
    // The error names the file; the OS's reason in brackets differs.
    let w = run(&mut wine(&["validate", "no-such-plan.ron"]), limit);
    assert!(
        text(&w.stderr).contains("no-such-plan.ron：无法读取文件"),
        "{}",
        text(&w.stderr)
    );
    // Redirected to a file (not a pipe) the output arrives too.
    let out = prefix.path().join("out.txt");
    let status = wine(&["validate", "wuchuan-2020.ron"])
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    let l = run(&mut linux(&["validate", "wuchuan-2020.ron"]), limit);
    assert_eq!(status.code(), l.status.code());
    assert_eq!(
        text(&std::fs::read(&out).unwrap()),
        text(&l.stdout),
        "output redirected to a file"
    );
    // Stopping wine's server only tidies up: the test has passed by now.
    Command::new("wineserver")
        .arg("-k")
        .env("WINEPREFIX", prefix.path())
        .status()
        .ok();
}
