//! Windows builds only: the app icon, version information and manifest go into
//! `fundplan.exe` as a resource compiled with GNU windres (from Debian's
//! mingw-w64 when cross-building). Every other target returns at once, so a
//! Linux build needs no windres.

#![allow(
    clippy::expect_used,
    reason = "a build script reports failure by panicking"
)]

use std::env;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icons/fundplan.ico");
    println!("cargo:rerun-if-changed=packaging/windows/fundplan.manifest");
    println!("cargo:rerun-if-env-changed=WINDRES");
    let var = |name: &str| env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") != "windows" {
        return;
    }
    if var("CARGO_CFG_TARGET_ENV") != "gnu" {
        println!(
            "cargo:warning=no icon or version resource: only the windows-gnu target is set up"
        );
        return;
    }
    let root = PathBuf::from(var("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(var("OUT_DIR"));
    let rc = out.join("fundplan.rc");
    let script = resource_script(&root).expect("format fundplan.rc");
    std::fs::write(&rc, script).expect("write fundplan.rc");
    // The object is linked into the binaries as it is, not through a static
    // library, so the linker cannot drop the (unreferenced) resource section.
    let obj = out.join("fundplan-res.o");
    let windres = env::var("WINDRES").unwrap_or_else(|_| default_windres(&var("TARGET")));
    let status = Command::new(&windres)
        .args(["--codepage=65001", "--output-format=coff", "--input"])
        .arg(&rc)
        .arg("--output")
        .arg(&obj)
        .status()
        .unwrap_or_else(|e| panic!("cannot run {windres} ({e}); install mingw-w64 or set WINDRES"));
    assert!(status.success(), "{windres} failed on {}", rc.display());
    println!("cargo:rustc-link-arg-bins={}", obj.display());
}

/// `x86_64-w64-mingw32-windres` when cross-building, plain `windres` on Windows.
fn default_windres(target: &str) -> String {
    if cfg!(windows) {
        return "windres".into();
    }
    let arch = target.split('-').next().unwrap_or("x86_64");
    format!("{arch}-w64-mingw32-windres")
}

/// The .rc text: icon, manifest and VERSIONINFO from the Cargo.toml version.
fn resource_script(root: &std::path::Path) -> Result<String, std::fmt::Error> {
    let number = |name: &str| -> u16 {
        env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    let (major, minor, patch) = (
        number("CARGO_PKG_VERSION_MAJOR"),
        number("CARGO_PKG_VERSION_MINOR"),
        number("CARGO_PKG_VERSION_PATCH"),
    );
    let version = env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let path = |rel: &str| root.join(rel).display().to_string().replace('\\', "/");
    let strings = [
        ("CompanyName", "fundplan developers"),
        ("FileDescription", "涉农涉牧资金统筹整合方案 fundplan"),
        ("FileVersion", version.as_str()),
        ("InternalName", "fundplan"),
        ("LegalCopyright", "fundplan developers, MIT OR Apache-2.0"),
        ("OriginalFilename", "fundplan.exe"),
        ("ProductName", "fundplan 涉农涉牧资金统筹整合方案"),
        ("ProductVersion", version.as_str()),
    ];
    let mut s = String::new();
    writeln!(s, "#pragma code_page(65001)")?;
    writeln!(s, "1 ICON \"{}\"", path("assets/icons/fundplan.ico"))?;
    writeln!(
        s,
        "1 24 \"{}\"",
        path("packaging/windows/fundplan.manifest")
    )?;
    writeln!(s, "1 VERSIONINFO")?;
    writeln!(s, "FILEVERSION {major},{minor},{patch},0")?;
    writeln!(s, "PRODUCTVERSION {major},{minor},{patch},0")?;
    writeln!(s, "FILEOS 0x40004\nFILETYPE 0x1\nBEGIN")?;
    // 0x0804 zh-CN, code page 1200 (UTF-16).
    writeln!(
        s,
        "  BLOCK \"StringFileInfo\"\n  BEGIN\n    BLOCK \"080404b0\"\n    BEGIN"
    )?;
    for (key, value) in strings {
        writeln!(s, "      VALUE \"{key}\", \"{value}\"")?;
    }
    writeln!(s, "    END\n  END")?;
    writeln!(
        s,
        "  BLOCK \"VarFileInfo\"\n  BEGIN\n    VALUE \"Translation\", 0x0804, 1200\n  END"
    )?;
    writeln!(s, "END")?;
    Ok(s)
}
