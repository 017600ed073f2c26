//! Whether the desktop can show a native file dialog.
//!
//! rfd returns `None` both when the user cancels and when it found nothing to
//! show a dialog with (on Linux: no xdg desktop portal with a file chooser on
//! the session bus, and no `zenity`), so the app asks first, once per run.

use std::sync::OnceLock;

/// How the user wants files chosen (`FUNDPLAN_FILE_DIALOG`, or the menu's
/// 使用内置文件对话框).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The system's dialog where there is one, else the built-in one.
    Auto,
    /// Always the built-in dialog.
    Builtin,
    /// Always the system's dialog, without looking for it first.
    Native,
}

/// The environment variable that picks the dialog.
pub const ENV: &str = "FUNDPLAN_FILE_DIALOG";

impl Choice {
    /// Reads `value` (of [`ENV`]); `Err` gives back a value that is none of
    /// `builtin`, `native` or `auto`.
    pub fn parse(value: Option<&str>) -> Result<Choice, String> {
        match value.map(str::trim) {
            None | Some("") => Ok(Choice::Auto),
            Some(v) if v.eq_ignore_ascii_case("auto") => Ok(Choice::Auto),
            Some(v) if v.eq_ignore_ascii_case("builtin") => Ok(Choice::Builtin),
            Some(v) if v.eq_ignore_ascii_case("native") => Ok(Choice::Native),
            Some(other) => Err(other.to_owned()),
        }
    }

    /// What [`ENV`] says, read once; an unknown value is reported on
    /// standard error and counts as `auto`.
    pub fn from_env() -> Choice {
        static CHOICE: OnceLock<Choice> = OnceLock::new();
        *CHOICE.get_or_init(|| {
            let value = std::env::var(ENV).ok();
            Choice::parse(value.as_deref()).unwrap_or_else(|other| {
                eprintln!(
                    "{ENV} 只能是 builtin、native 或 auto，而不是「{other}」 / \
                     {ENV} must be builtin, native or auto, not \"{other}\""
                );
                Choice::Auto
            })
        })
    }
}

/// True if a native dialog can be shown; asked once per run (the first call
/// may take up to [`PORTAL_WAIT`], so call it off the UI thread).
pub fn native_available() -> bool {
    *AVAILABLE.get_or_init(detect)
}

/// What [`native_available`] found, if it was asked already.
pub fn known() -> Option<bool> {
    AVAILABLE.get().copied()
}

static AVAILABLE: OnceLock<bool> = OnceLock::new();

/// The longest the portal is waited for (it may be started on demand).
pub const PORTAL_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

#[cfg(not(target_os = "linux"))]
fn detect() -> bool {
    // Windows (and macOS) always have their own dialogs.
    true
}

#[cfg(target_os = "linux")]
fn detect() -> bool {
    // zenity first: looking on PATH costs nothing; rfd tries the portal,
    // then zenity, so either one is enough.
    zenity_on_path(std::env::var_os("PATH").as_deref()) || portal_file_chooser()
}

/// True if an executable `zenity` is in one of the folders of `path`.
#[cfg(target_os = "linux")]
pub fn zenity_on_path(path: Option<&std::ffi::OsStr>) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let Some(path) = path else { return false };
    std::env::split_paths(path).any(|dir| {
        std::fs::metadata(dir.join("zenity"))
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    })
}

/// True if the session bus has an xdg desktop portal with a file chooser:
/// its `org.freedesktop.portal.FileChooser` interface answers for its
/// version. A portal without a file-chooser backend (xdg-desktop-portal alone)
/// does not; neither does a bus that is absent or does not answer within
/// [`PORTAL_WAIT`] (the question runs on its own thread, which is left to
/// finish alone if the bus hangs).
#[cfg(target_os = "linux")]
fn portal_file_chooser() -> bool {
    file_chooser_on(None, PORTAL_WAIT)
}

/// [`portal_file_chooser`] on the bus at `address` (`None`: the session bus),
/// waiting at most `wait`.
#[cfg(target_os = "linux")]
fn file_chooser_on(address: Option<String>, wait: std::time::Duration) -> bool {
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("portal-check".into())
        .spawn(move || {
            let answer = async_io::block_on(file_chooser_version(address.as_deref(), wait));
            // The receiver is gone only if it stopped waiting (timed out).
            tx.send(answer.is_ok()).ok();
        });
    spawned.is_ok() && rx.recv_timeout(wait).unwrap_or(false)
}

#[cfg(target_os = "linux")]
async fn file_chooser_version(
    address: Option<&str>,
    wait: std::time::Duration,
) -> zbus::Result<u32> {
    let builder = match address {
        Some(address) => zbus::connection::Builder::address(address)?,
        None => zbus::connection::Builder::session()?,
    };
    let conn = builder.method_timeout(wait).build().await?;
    let reply = conn
        .call_method(
            Some("org.freedesktop.portal.Desktop"),
            "/org/freedesktop/portal/desktop",
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &("org.freedesktop.portal.FileChooser", "version"),
        )
        .await?;
    let value: zbus::zvariant::OwnedValue = reply.body().deserialize()?;
    Ok(u32::try_from(value)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variable_picks_the_dialog_and_anything_else_is_refused() {
        assert_eq!(Choice::parse(None), Ok(Choice::Auto));
        assert_eq!(Choice::parse(Some(" ")), Ok(Choice::Auto));
        assert_eq!(Choice::parse(Some("BUILTIN")), Ok(Choice::Builtin));
        assert_eq!(Choice::parse(Some("native")), Ok(Choice::Native));
        assert_eq!(Choice::parse(Some("gtk")), Err("gtk".to_owned()));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn zenity_is_found_only_as_an_executable_file_on_path() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let zenity = dir.path().join("zenity");
        let path =
            std::env::join_paths([std::path::Path::new("/nonexistent"), dir.path()]).unwrap();
        assert!(!zenity_on_path(Some(&path)), "not there yet");
        std::fs::write(&zenity, "#!/bin/sh\n").unwrap();
        std::fs::set_permissions(&zenity, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(!zenity_on_path(Some(&path)), "not executable");
        std::fs::set_permissions(&zenity, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert!(zenity_on_path(Some(&path)));
        assert!(!zenity_on_path(None));
    }

    /// The portal's file chooser, as xdg-desktop-portal exports it.
    #[cfg(target_os = "linux")]
    struct FakeChooser;

    #[cfg(target_os = "linux")]
    #[zbus::interface(name = "org.freedesktop.portal.FileChooser")]
    impl FakeChooser {
        // Lower case, as the portal names it (zbus would say `Version`).
        #[zbus(property, name = "version")]
        fn version(&self) -> u32 {
            4
        }
    }

    /// Some other portal interface (a portal without a file-chooser backend).
    #[cfg(target_os = "linux")]
    struct FakeSettings;

    #[cfg(target_os = "linux")]
    #[zbus::interface(name = "org.freedesktop.portal.Settings")]
    impl FakeSettings {
        #[zbus(property, name = "version")]
        fn version(&self) -> u32 {
            2
        }
    }

    /// A private D-Bus daemon of this test's own, ended when dropped.
    #[cfg(target_os = "linux")]
    struct Bus(std::process::Child, String);

    #[cfg(target_os = "linux")]
    impl Bus {
        fn start() -> Option<Bus> {
            use std::io::BufRead;
            let mut child = std::process::Command::new("dbus-daemon")
                .args(["--session", "--nofork", "--print-address=1"])
                .stdout(std::process::Stdio::piped())
                .spawn()
                .ok()?;
            let mut line = String::new();
            let stdout = child.stdout.take()?;
            std::io::BufReader::new(stdout).read_line(&mut line).ok()?;
            Some(Bus(child, line.trim().to_owned()))
        }
    }

    #[cfg(target_os = "linux")]
    impl Drop for Bus {
        fn drop(&mut self) {
            self.0.kill().ok();
            self.0.wait().ok();
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_portal_counts_only_with_a_file_chooser_and_never_hangs() {
        use std::time::{Duration, Instant};
        let Some(bus) = Bus::start() else {
            eprintln!("skipped: no dbus-daemon on this machine");
            return;
        };
        let wait = Duration::from_secs(5);
        let ask = || {
            let t = Instant::now();
            let answer = file_chooser_on(Some(bus.1.clone()), wait);
            (answer, t.elapsed())
        };
        let (answer, took) = ask();
        assert!(!answer, "no portal on the bus");
        assert!(
            took < Duration::from_secs(2),
            "an unknown name is refused at once: {took:?}"
        );

        let serve = |iface: bool| {
            let builder = zbus::connection::Builder::address(bus.1.as_str())
                .unwrap()
                .name("org.freedesktop.portal.Desktop")
                .unwrap();
            let builder = if iface {
                builder.serve_at("/org/freedesktop/portal/desktop", FakeChooser)
            } else {
                builder.serve_at("/org/freedesktop/portal/desktop", FakeSettings)
            };
            async_io::block_on(builder.unwrap().build()).unwrap()
        };
        let settings_only = serve(false);
        assert!(!ask().0, "a portal without a file chooser does not count");
        drop(settings_only);
        let _portal = serve(true);
        assert!(ask().0, "a portal with a file chooser counts");

        let (answer, took) = {
            let t = Instant::now();
            let a = file_chooser_on(Some("unix:path=/nonexistent/bus".into()), wait);
            (a, t.elapsed())
        };
        assert!(!answer && took < Duration::from_secs(2), "no bus: {took:?}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_bus_that_never_answers_is_given_up_on_in_time() {
        use std::time::{Duration, Instant};
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("bus");
        // Accepts the connection, then says nothing.
        let listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        let address = format!("unix:path={}", socket.display());
        let t = Instant::now();
        let answer = file_chooser_on(Some(address), Duration::from_millis(300));
        let took = t.elapsed();
        assert!(!answer);
        assert!(took < Duration::from_secs(2), "{took:?}");
        drop(listener);
    }
}
