//! The ARM64 .deb (飞腾, 鲲鹏): the amd64 package's contents with an aarch64
//! binary, glibc 2.28 like it, and the same answers when run under
//! qemu-aarch64-static.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::{
    ARM64_SYSROOT, VERSION, depends_only_on_glibc, files_under, have,
    links_only_glibc_up_to_the_floor, ok, package, run,
};

/// Every file under `root` as relative path → (mode, contents).
fn tree(root: &Path) -> BTreeMap<PathBuf, (u32, Vec<u8>)> {
    files_under(root)
        .into_iter()
        .map(|path| {
            let mode = std::os::unix::fs::PermissionsExt::mode(
                &std::fs::metadata(&path).unwrap().permissions(),
            );
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            (rel, (mode, std::fs::read(&path).unwrap()))
        })
        .collect()
}

#[test]
fn arm64_deb_is_the_amd64_package_for_aarch64() {
    let Some(deb) = package(&format!("fundplan_{VERSION}_arm64.deb")) else {
        return;
    };
    let field = |deb: &Path, name: &str| {
        ok(Command::new("dpkg-deb").arg("--field").arg(deb).arg(name))
            .trim()
            .to_string()
    };
    assert_eq!(field(&deb, "Package"), "fundplan");
    assert_eq!(field(&deb, "Version"), VERSION);
    assert_eq!(field(&deb, "Architecture"), "arm64");
    depends_only_on_glibc(&field(&deb, "Depends"));

    let tmp = tempfile::tempdir().unwrap();
    let arm = tmp.path().join("arm64");
    ok(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&arm));
    let bin = arm.join("usr/bin/fundplan");
    let header = ok(Command::new("readelf").arg("-h").arg(&bin));
    assert!(
        header
            .lines()
            .any(|l| l.trim().starts_with("Machine:") && l.contains("AArch64")),
        "usr/bin/fundplan is not an AArch64 binary:\n{header}"
    );
    links_only_glibc_up_to_the_floor(&bin, "ld-linux-aarch64.so");

    // Same files, modes and (but for the binary) bytes as the amd64 package,
    // and the same control fields but Architecture and Installed-Size. The
    // qemu run compares with the amd64 package's binary, or else the test's.
    let mut reference = PathBuf::from(env!("CARGO_BIN_EXE_fundplan"));
    if let Some(amd64) = package(&format!("fundplan_{VERSION}_amd64.deb")) {
        let x86 = tmp.path().join("amd64");
        ok(Command::new("dpkg-deb").arg("-x").arg(&amd64).arg(&x86));
        let (mut a, mut b) = (tree(&arm), tree(&x86));
        assert_eq!(
            a.keys().collect::<Vec<_>>(),
            b.keys().collect::<Vec<_>>(),
            "file lists differ"
        );
        let binary = Path::new("usr/bin/fundplan");
        let (arm_bin, x86_bin) = (a.remove(binary).unwrap(), b.remove(binary).unwrap());
        assert_eq!(arm_bin.0, x86_bin.0, "usr/bin/fundplan mode");
        assert_ne!(arm_bin.1, x86_bin.1, "the same binary in both packages");
        for (path, (mode, bytes)) in &a {
            let (x86_mode, x86_bytes) = &b[path];
            assert_eq!(mode, x86_mode, "{} mode", path.display());
            assert!(bytes == x86_bytes, "{} differs", path.display());
        }
        for name in [
            "Package",
            "Version",
            "Depends",
            "Recommends",
            "Section",
            "Description",
        ] {
            assert_eq!(field(&deb, name), field(&amd64, name), "{name}");
        }
        reference = x86.join(binary);
    }

    if have("qemu-aarch64-static") {
        same_output_under_qemu(
            &bin,
            &reference,
            &arm.join("usr/share/doc/fundplan/examples"),
        );
    }
}

/// Runs the arm64 binary under qemu-aarch64-static with Debian's ARM64 glibc
/// (libc6-arm64-cross) and the x86-64 `reference` on the bundled sample, and
/// compares output and exit status.
fn same_output_under_qemu(bin: &Path, reference: &Path, examples: &Path) {
    let loader = Path::new(ARM64_SYSROOT).join("lib/ld-linux-aarch64.so.1");
    if !loader.is_file() {
        assert!(
            !super::required(),
            "{} is missing: apt-get install libc6-arm64-cross",
            loader.display()
        );
        eprintln!("{} missing: the qemu run is skipped", loader.display());
        return;
    }
    let limit = Duration::from_secs(120);
    for args in [
        &["validate", "--json", "wuchuan-2020.ron"][..],
        &["validate", "wuchuan-2020.ron"],
        &["--lang", "en", "validate", "wuchuan-2020.ron"],
        &["--version"],
        &["validate", "no-such-plan.ron"],
    ] {
        let q = run(
            Command::new("qemu-aarch64-static")
                .arg("-L")
                .arg(ARM64_SYSROOT)
                .arg(bin)
                .args(args)
                .current_dir(examples),
            limit,
        );
        let l = run(
            Command::new(reference).args(args).current_dir(examples),
            limit,
        );
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        assert!(
            !q.stdout.is_empty() || args.ends_with(&["no-such-plan.ron"]),
            "{args:?}: no output"
        );
        assert_eq!(text(&q.stdout), text(&l.stdout), "stdout of {args:?}");
        assert_eq!(text(&q.stderr), text(&l.stderr), "stderr of {args:?}");
        assert_eq!(q.status.code(), l.status.code(), "exit status of {args:?}");
    }
}
