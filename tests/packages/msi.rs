//! The Windows installer: its tables read back with msiinfo (what Windows
//! Installer will do), then, where wine is installed, a silent install and
//! uninstall in a throw-away prefix.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use super::{
    APP_NAME_ZH, UPGRADE_CODE, VERSION, WINDOWS_FILES, files_under, have, ok, root, run,
    windows_package, wine_in,
};

/// A table's rows as exported by `msiinfo export` (tab-separated, CRLF; three
/// header lines: names, types, table name and key).
fn table(msi: &Path, name: &str) -> Vec<Vec<String>> {
    ok(Command::new("msiinfo").arg("export").arg(msi).arg(name))
        .lines()
        .skip(3)
        .map(|l| {
            l.trim_end_matches('\r')
                .split('\t')
                .map(str::to_string)
                .collect()
        })
        .collect()
}

/// The value of `name` in the Property table.
fn property(rows: &[Vec<String>], name: &str) -> String {
    rows.iter()
        .find(|r| r[0] == name)
        .map(|r| r[1].clone())
        .unwrap_or_else(|| panic!("no {name} in the Property table"))
}

#[test]
fn msi_installs_per_machine_with_a_shortcut_and_open_with_for_plans() {
    let Some((name, msi)) = windows_package("msi", "msiinfo") else {
        return;
    };
    // Code page 936 holds the Chinese strings (packaging/windows/msi-zh.sql).
    let codepage = ok(Command::new("msiinfo")
        .arg("export")
        .arg(&msi)
        .arg("_ForceCodepage"));
    assert!(codepage.contains("936\t_ForceCodepage"), "{codepage:?}");

    let props = table(&msi, "Property");
    assert_eq!(property(&props, "ProductVersion"), VERSION);
    assert_eq!(property(&props, "UpgradeCode"), UPGRADE_CODE);
    assert_eq!(property(&props, "ALLUSERS"), "1", "per machine");
    assert_eq!(
        property(&props, "ProductName"),
        format!("fundplan {APP_NAME_ZH}")
    );
    assert_eq!(property(&props, "ARPPRODUCTICON"), "fundplan.ico");

    // A newer version replaces this one, and so does another build of this
    // version (VersionMax inclusive, 512); a newer one installed stops it.
    let upgrade = table(&msi, "Upgrade");
    let row = |action: &str| {
        upgrade
            .iter()
            .find(|r| r[6] == action)
            .unwrap_or_else(|| panic!("no {action} row in Upgrade: {upgrade:?}"))
            .clone()
    };
    let older = row("WIX_UPGRADE_DETECTED");
    assert_eq!(older[0], UPGRADE_CODE);
    assert_eq!((older[1].as_str(), older[2].as_str()), ("", VERSION));
    let attributes: u32 = older[4].parse().unwrap();
    assert_eq!(attributes & 512, 512, "same version included: {older:?}");
    assert_eq!(
        attributes & 2,
        0,
        "older versions are removed, not only detected"
    );
    let newer = row("WIX_DOWNGRADE_DETECTED");
    assert_eq!((newer[1].as_str(), newer[2].as_str()), (VERSION, ""));
    assert_eq!(newer[4].parse::<u32>().unwrap() & (2 | 256), 2, "{newer:?}");
    let sequence: BTreeSet<String> = table(&msi, "InstallExecuteSequence")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    for action in ["FindRelatedProducts", "RemoveExistingProducts"] {
        assert!(sequence.contains(action), "no {action} in {sequence:?}");
    }
    let conditions = table(&msi, "LaunchCondition");
    assert!(
        conditions
            .iter()
            .any(|r| r[0] == "NOT WIX_DOWNGRADE_DETECTED" && r[1].contains("已安装更新版本")),
        "{conditions:?}"
    );

    // Into Program Files\fundplan (the 64-bit one), the zip's files.
    let dirs = table(&msi, "Directory");
    assert!(
        dirs.contains(&vec![
            "INSTALLDIR".into(),
            "ProgramFiles64Folder".into(),
            "fundplan".into()
        ]),
        "{dirs:?}"
    );
    for c in table(&msi, "Component") {
        assert_eq!(c[2], "INSTALLDIR", "component {c:?}");
        assert_eq!(c[3].parse::<u32>().unwrap() & 256, 256, "64-bit: {c:?}");
    }
    let files: BTreeSet<String> = table(&msi, "File")
        .into_iter()
        .map(|r| r[2].clone())
        .collect();
    assert_eq!(files, WINDOWS_FILES.map(String::from).into(), "MSI files");

    // The Start-menu entry: a plain shortcut to the exe, with the icon.
    let shortcuts = table(&msi, "Shortcut");
    assert_eq!(shortcuts.len(), 1, "{shortcuts:?}");
    let s = &shortcuts[0];
    assert_eq!(s[1], "ProgramMenuFolder");
    assert_eq!(s[2].rsplit('|').next(), Some(APP_NAME_ZH), "shortcut name");
    assert_eq!(s[4], "[#fundplan.exe]", "not advertised, the exe itself");
    assert_eq!(s[8], "fundplan.ico");
    let icon = run(
        Command::new("msiinfo")
            .arg("extract")
            .arg(&msi)
            .arg("Icon.fundplan.ico"),
        Duration::from_secs(60),
    );
    assert!(icon.status.success(), "msiinfo extract: {:?}", icon.status);
    assert!(
        icon.stdout == std::fs::read(root("assets/icons/fundplan.ico")).unwrap(),
        "the MSI's icon is not assets/icons/fundplan.ico"
    );

    // The plan type, exactly: a ProgId that opens the plan in fundplan, and
    // .ron's "Open with" list; .ron's default program is left alone, and no
    // Extension/ProgId table claims it either.
    let registry: BTreeSet<Vec<String>> = table(&msi, "Registry")
        .into_iter()
        .map(|r| r[1..5].to_vec())
        .collect();
    let hklm = |key: &str, name: &str, value: &str| {
        vec![
            "2".to_string(),
            format!("Software\\Classes\\{key}"),
            name.to_string(),
            value.to_string(),
        ]
    };
    let expected: BTreeSet<Vec<String>> = [
        hklm("fundplan.plan", "", APP_NAME_ZH),
        hklm("fundplan.plan", "FriendlyTypeName", APP_NAME_ZH),
        hklm("fundplan.plan\\DefaultIcon", "", "\"[#fundplan.exe]\",0"),
        hklm(
            "fundplan.plan\\shell\\open\\command",
            "",
            "\"[#fundplan.exe]\" \"%1\"",
        ),
        hklm(".ron\\OpenWithProgids", "fundplan.plan", ""),
    ]
    .into();
    assert_eq!(registry, expected, "registry entries");
    let tables = ok(Command::new("msiinfo").arg("tables").arg(&msi));
    for t in ["Extension", "ProgId", "Verb"] {
        assert!(
            !tables.lines().any(|l| l.trim() == t) || table(&msi, t).is_empty(),
            "the {t} table would claim .ron"
        );
    }

    if have("wine") {
        installs_and_uninstalls_under_wine(&msi, &name);
    }
}

/// `msiexec /i … /qn` into a fresh prefix, then `msiexec /x … /qn`: the files,
/// the shortcut and the registry entries come and go.
fn installs_and_uninstalls_under_wine(msi: &Path, name: &str) {
    let prefix = tempfile::tempdir().unwrap();
    let wine = |args: &[&str], file: &Path| {
        let mut cmd = wine_in(prefix.path());
        cmd.args(args).arg(file);
        cmd
    };
    // The registry reaches system.reg when the wine server has exited.
    let settle = || {
        ok(Command::new("wineserver")
            .arg("-w")
            .env("WINEPREFIX", prefix.path()));
    };
    let limit = Duration::from_secs(300); // the first run creates the prefix
    let o = run(wine(&["msiexec", "/i"], msi).arg("/qn"), limit);
    assert!(
        o.status.success(),
        "msiexec /i: {:?}\n{}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    settle();
    let drive_c = prefix.path().join("drive_c");
    let dir = drive_c.join("Program Files/fundplan");
    let installed: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(installed, WINDOWS_FILES.map(String::from).into());
    let staged = super::dist().join(name).join("fundplan.exe");
    if staged.is_file() {
        assert!(
            std::fs::read(dir.join("fundplan.exe")).unwrap() == std::fs::read(staged).unwrap(),
            "the installed exe is the zip's"
        );
    }
    // Wine 8 puts an all-users shortcut in the user's Start menu; Windows
    // puts it in ProgramData's. Either way there is exactly one.
    let lnk = format!("{APP_NAME_ZH}.lnk");
    assert_eq!(shortcuts(&drive_c, &lnk), 1, "{lnk} after install");
    let reg = std::fs::read_to_string(prefix.path().join("system.reg")).unwrap();
    // system.reg escapes what is not ASCII as \x…; the command is ASCII.
    assert!(
        reg.contains(r#"@="\"C:\\Program Files\\fundplan\\fundplan.exe\" \"%1\"""#),
        "no open command in system.reg"
    );
    assert!(
        reg.contains(r#""fundplan.plan"="""#),
        "no OpenWithProgids entry"
    );

    upgrades_an_older_version(msi, &wine, &settle, prefix.path());

    let o = run(wine(&["msiexec", "/x"], msi).arg("/qn"), limit);
    assert!(o.status.success(), "msiexec /x: {:?}", o.status);
    settle();
    assert!(
        !dir.exists(),
        "Program Files\\fundplan is left after uninstall"
    );
    assert_eq!(shortcuts(&drive_c, &lnk), 0, "{lnk} after uninstall");
    let reg = std::fs::read_to_string(prefix.path().join("system.reg")).unwrap();
    assert!(
        !reg.contains("fundplan"),
        "registry entries left after uninstall"
    );
}

/// An older release stand-in: this MSI as version 0.0.1 with its own product
/// and package codes and upgrade rows (as build.sh would have made it).
/// Installed over this version it is refused; this version installed over it
/// removes it. `wine(args, file)` runs `wine ARGS… FILE` in the prefix.
fn upgrades_an_older_version(
    msi: &Path,
    wine: &dyn Fn(&[&str], &Path) -> Command,
    settle: &dyn Fn(),
    prefix: &Path,
) {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.msi");
    std::fs::copy(msi, &old).unwrap();
    let old_code = "{0F0F0F0F-1111-4222-8333-444444444444}";
    for query in [
        "UPDATE `Property` SET `Value` = '0.0.1' WHERE `Property` = 'ProductVersion'".to_string(),
        format!("UPDATE `Property` SET `Value` = '{old_code}' WHERE `Property` = 'ProductCode'"),
        // libmsi's DELETE without WHERE removes one row only.
        "DELETE FROM `Upgrade` WHERE `ActionProperty` = 'WIX_UPGRADE_DETECTED'".to_string(),
        "DELETE FROM `Upgrade` WHERE `ActionProperty` = 'WIX_DOWNGRADE_DETECTED'".to_string(),
        format!(
            "INSERT INTO `Upgrade` (`UpgradeCode`, `VersionMax`, `Attributes`, `ActionProperty`) \
             VALUES ('{UPGRADE_CODE}', '0.0.1', 513, 'WIX_UPGRADE_DETECTED')"
        ),
        format!(
            "INSERT INTO `Upgrade` (`UpgradeCode`, `VersionMin`, `Attributes`, `ActionProperty`) \
             VALUES ('{UPGRADE_CODE}', '0.0.1', 2, 'WIX_DOWNGRADE_DETECTED')"
        ),
    ] {
        ok(Command::new("msibuild").arg(&old).arg("-q").arg(query));
    }
    ok(Command::new("msibuild").arg(&old).args([
        "-s",
        "fundplan 0.0.1",
        "fundplan developers",
        "x64;1033",
        "{0F0F0F0F-5555-4666-8777-888888888888}",
    ]));
    let rows: BTreeSet<(String, String, String)> = table(&old, "Upgrade")
        .into_iter()
        .map(|r| (r[1].clone(), r[2].clone(), r[4].clone()))
        .collect();
    let expected: BTreeSet<(String, String, String)> = [
        (String::new(), "0.0.1".into(), "513".into()),
        ("0.0.1".into(), String::new(), "2".into()),
    ]
    .into();
    assert_eq!(rows, expected, "the stand-in's upgrade rows");
    let limit = Duration::from_secs(120);
    let msiexec = |install: &Path| {
        let o = run(wine(&["msiexec", "/i"], install).arg("/qn"), limit);
        settle();
        o.status.success()
    };
    // Wine lists each product twice (the 64- and 32-bit views); a set of one
    // version is one product.
    let version = || {
        std::fs::read_to_string(prefix.join("system.reg"))
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("\"DisplayVersion\"="))
            .map(str::to_string)
            .collect::<BTreeSet<_>>()
    };
    // This version is installed: the older one refuses (a newer one is there).
    assert!(!msiexec(&old), "0.0.1 installed over {VERSION}");
    assert_eq!(
        version(),
        [format!("\"DisplayVersion\"=\"{VERSION}\"")].into()
    );
    // Uninstall, install the older, then this one over it: one product left.
    assert!(
        run(wine(&["msiexec", "/x"], msi).arg("/qn"), limit)
            .status
            .success()
    );
    settle();
    assert!(msiexec(&old), "0.0.1 alone");
    assert_eq!(
        version(),
        ["\"DisplayVersion\"=\"0.0.1\"".to_string()].into()
    );
    assert!(msiexec(msi), "{VERSION} over 0.0.1");
    assert_eq!(
        version(),
        [format!("\"DisplayVersion\"=\"{VERSION}\"")].into()
    );
    let reg = std::fs::read_to_string(prefix.join("system.reg")).unwrap();
    assert!(!reg.contains(old_code), "0.0.1 is still registered");
}

/// How many files called `name` are under `dir`.
fn shortcuts(dir: &Path, name: &str) -> usize {
    files_under(dir)
        .iter()
        .filter(|f| f.file_name().is_some_and(|n| n == name))
        .count()
}
