//! The command line as a user runs it: exit codes, text and JSON output.

use crate::common;

use std::path::Path;
use std::process::{Command, Output};

use common::*;
use serde_json::Value;

fn fundplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fundplan"))
        .args(args)
        .output()
        .unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn validate_exit_codes() {
    let ok = sample_path();
    let bad = root("tests/fixtures/rules/S06.ron");
    let warn = root("tests/fixtures/rules/P06.ron");
    let broken = root("tests/fixtures/load/float-money.ron");
    assert_eq!(code(&fundplan(&["validate", p(&ok)])), 0);
    assert_eq!(
        code(&fundplan(&["validate", p(&warn)])),
        0,
        "warnings allowed"
    );
    assert_eq!(code(&fundplan(&["validate", p(&ok), p(&bad)])), 1);
    assert_eq!(
        code(&fundplan(&["validate", p(&bad), p(&broken), p(&ok)])),
        2,
        "2 wins over 1"
    );
    assert_eq!(code(&fundplan(&["validate", "/nonexistent.ron"])), 2);
}

#[test]
fn every_load_error_fixture_exits_2_with_file_and_position() {
    for entry in std::fs::read_dir(root("tests/fixtures/load")).unwrap() {
        let path = entry.unwrap().path();
        let out = fundplan(&["validate", "--lang", "en", p(&path)]);
        assert_eq!(code(&out), 2, "{}", path.display());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(p(&path)) && err.contains("line "), "{err}");
    }
}

#[test]
fn human_output_is_sorted_and_names_rule_and_path() {
    let out = fundplan(&["validate", p(&root("tests/fixtures/rules/S06.ron"))]);
    let text = stdout(&out);
    assert!(text.contains("1 个错误，0 个警告"), "{text}");
    assert!(text.contains("错误 S06 sources[C08].integrated"), "{text}");
    let out = fundplan(&["--lang", "en", "validate", p(&sample_path())]);
    // Issue 22 item 13: counted nouns, not "0 error(s)".
    assert!(
        stdout(&out).contains("0 errors, 0 warnings"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("Info X01"));
    let out = fundplan(&[
        "--lang",
        "en",
        "validate",
        p(&root("tests/fixtures/rules/S06.ron")),
    ]);
    assert!(
        stdout(&out).contains("1 error, 0 warnings"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn json_shape() {
    let dir = root("tests/fixtures/rules");
    let out = fundplan(&[
        "validate",
        "--json",
        p(&sample_path()),
        p(&dir.join("S06.ron")),
        p(&root("tests/fixtures/load/unknown-field.ron")),
    ]);
    assert_eq!(code(&out), 2);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let files = v.as_array().unwrap();
    assert_eq!(files.len(), 3);
    assert_eq!(files[0]["errors"], 0);
    assert_eq!(
        files[0]["totals"]["integrated"]
            .as_str()
            .unwrap()
            .split('.')
            .nth(1)
            .unwrap()
            .len(),
        2
    );
    assert!(files[0]["totals"]["by_level"]["Central"]["allocated"].is_string());
    let f = &files[1]["findings"][0];
    assert_eq!(f["rule"], "S06");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["path"], "sources[C08].integrated");
    assert!(f["message"].as_str().unwrap().contains("万元"));
    assert_eq!(files[1]["errors"], 1);
    assert!(files[2]["load_error"].as_str().unwrap().contains("reasn"));
    assert!(files[2].get("findings").is_none());
}

#[test]
fn validate_walks_folders() {
    let out = fundplan(&["validate", "--json", p(&root("tests/fixtures/rules"))]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        v.as_array().unwrap().len(),
        fundplan_core::validate::Rule::ALL.len()
    );
    assert_eq!(code(&out), 1);
}

#[test]
fn catalog_option_and_fallback() {
    // A plan naming an unknown catalog is checked against the default: H02.
    let out = fundplan(&["validate", p(&root("tests/fixtures/rules/H02.ron"))]);
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).contains("H02"));
    let out = fundplan(&[
        "validate",
        "--catalog",
        p(&root("assets/catalogs/nm-2017.ron")),
        p(&sample_path()),
    ]);
    assert_eq!(code(&out), 0);
    let out = fundplan(&[
        "validate",
        "--catalog",
        p(&sample_path()),
        p(&sample_path()),
    ]);
    assert_eq!(code(&out), 2, "a plan is not a catalog");
}

#[test]
fn submit_refuses_errors_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("sealed.ron");
    let bad = root("tests/fixtures/rules/B01.ron");
    let before = std::fs::read(&bad).unwrap();
    let out = fundplan(&["submit", p(&bad), "-o", p(&out_path)]);
    assert_eq!(code(&out), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("B01"));
    assert!(!out_path.exists());
    assert_eq!(std::fs::read(&bad).unwrap(), before);
}

/// The plan as the v2 digest covers it: submission digest blank, no review.
fn sealed_blank(plan: &fundplan_core::plan::Plan) -> fundplan_core::plan::Plan {
    let mut p = plan.clone();
    p.review = None;
    if let Some(s) = &mut p.submission {
        s.digest.clear();
    }
    p
}

#[test]
fn submit_seals_and_tampering_gives_d01() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy(sample_path(), &path).unwrap();
    let out = fundplan(&["submit", p(&path)]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let sealed = load(&path);
    let s = sealed.submission.as_ref().unwrap();
    assert!(s.digest.starts_with("sha256v2:"), "{}", s.digest);
    assert_eq!(
        s.digest,
        fundplan_core::digest::digest_v2(&sealed_blank(&sealed))
    );
    assert_eq!(s.warnings, 0);
    assert!(s.at.ends_with("+08:00") && s.app.starts_with("fundplan "));
    assert_eq!(code(&fundplan(&["validate", p(&path)])), 0);

    let text = std::fs::read_to_string(&path).unwrap();
    let tampered = text.replacen("households: ", "households: 1", 1);
    std::fs::write(&path, tampered).unwrap();
    let out = fundplan(&["validate", p(&path)]);
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).contains("D01 header.submission"));
}

#[test]
fn sample_is_deterministic_valid_and_bounded() {
    let a = fundplan(&["sample", "--projects", "50", "--seed", "7"]);
    let b = fundplan(&["sample", "--projects", "50", "--seed", "7"]);
    let c = fundplan(&["sample", "--projects", "50", "--seed", "8"]);
    assert_eq!(code(&a), 0);
    assert_eq!(a.stdout, b.stdout);
    assert_ne!(a.stdout, c.stdout);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::write(&path, &a.stdout).unwrap();
    let plan = load(&path);
    assert_eq!(plan.projects.len(), 50);
    assert_eq!(code(&fundplan(&["validate", p(&path)])), 0);
    let out = fundplan(&["sample", "--projects", "100001"]);
    assert_eq!(code(&out), 2);
    let out = fundplan(&["sample", "-o", p(&path)]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(sample_path()).unwrap(),
        "default sample = bundled sample"
    );
}

#[test]
fn every_subcommand_has_help() {
    for sub in ["validate", "submit", "sample", "catalog"] {
        let out = fundplan(&[sub, "--help"]);
        assert_eq!(code(&out), 0);
        assert!(stdout(&out).contains("Usage: fundplan"), "{sub}");
    }
}

#[test]
fn export_and_import_round_trip_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("plan.xlsx");
    let csv = dir.path().join("csv");
    let out = fundplan(&[
        "export",
        "--xlsx",
        p(&xlsx),
        "--csv",
        p(&csv),
        p(&sample_path()),
    ]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        xlsx.exists() && csv.join("表1 资金来源.csv").exists() && csv.join("公示表.csv").exists()
    );
    let back = dir.path().join("back.ron");
    let out = fundplan(&["import", p(&xlsx), "-o", p(&back)]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        std::fs::read(&back).unwrap(),
        std::fs::read(sample_path()).unwrap()
    );
    assert_eq!(
        code(&fundplan(&["export", p(&sample_path())])),
        2,
        "nothing to export is a usage error"
    );
    let out = fundplan(&["import", p(&sample_path()), "-o", p(&back)]);
    assert_eq!(code(&out), 1, "a RON file is not a workbook");
}

/// The desktop app (no subcommand) with no X11 or Wayland display to open a window on.
fn app_without_display() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fundplan"));
    cmd.env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET");
    cmd
}

#[test]
fn an_unknown_renderer_is_refused_before_any_window() {
    // Without a display, an attempt to open a window would end with 1 instead.
    let out = app_without_display()
        .env("FUNDPLAN_RENDERER", "vulkan")
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("FUNDPLAN_RENDERER must be glow or wgpu, not \"vulkan\""),
        "{err}"
    );
}

#[test]
fn without_a_display_the_app_says_so_and_tries_no_other_renderer() {
    let out = app_without_display()
        .args(["--lang", "en"])
        .env_remove("FUNDPLAN_RENDERER")
        .output()
        .unwrap();
    assert_eq!(code(&out), 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Cannot open the window: "), "{err}");
    // A missing display is not a graphics driver problem, and wgpu would fail alike.
    assert!(
        !err.contains("graphics driver") && !err.contains("wgpu"),
        "{err}"
    );
}

/// `fundplan` with `args`, in `dir`.
fn fundplan_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fundplan"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn catalog_export_then_import_gives_each_builtin_back_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    for (id, _) in fundplan_core::catalog::EMBEDDED {
        let (xlsx, back, ron) = (
            format!("{id}.xlsx"),
            format!("{id}.ron"),
            format!("{id}-direct.ron"),
        );
        let out = fundplan_in(
            dir.path(),
            &["catalog", "export", id, "--xlsx", "-o", &xlsx],
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let first = std::fs::read(dir.path().join(&xlsx)).unwrap();
        fundplan_in(dir.path(), &["catalog", "export", id, "-o", "again.xlsx"]);
        assert_eq!(
            std::fs::read(dir.path().join("again.xlsx")).unwrap(),
            first,
            "{id}: same bytes"
        );
        let out = fundplan_in(dir.path(), &["catalog", "import", &xlsx, "-o", &back]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert_eq!(
            code(&fundplan_in(
                dir.path(),
                &["catalog", "export", id, "-o", &ron]
            )),
            0
        );
        let expected =
            fundplan_core::file::catalog_to_string(&fundplan_core::catalog::embedded(id).unwrap());
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&back)).unwrap(),
            expected,
            "{id}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&ron)).unwrap(),
            expected,
            "{id}"
        );
        let out = fundplan_in(dir.path(), &["catalog", "check", &back]);
        assert_eq!(code(&out), 0, "{}", stdout(&out));
    }
    // Without an id: the newest built-in, as RON on standard output.
    let out = fundplan(&["catalog", "export"]);
    assert!(stdout(&out).contains("id: \"nm-2021\""), "{}", stdout(&out));
    let out = fundplan(&["--lang", "en", "catalog", "list"]);
    assert!(
        stdout(&out).contains("nm-2021\t2021–2025\t16 Central, 12 Region"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn catalog_check_lists_every_problem_and_exits_as_validate() {
    let dir = tempfile::tempdir().unwrap();
    let text = fundplan_core::catalog::NM_2021_RON
        .replace("id: \"nm-2021\"", "id: \"broken\"")
        .replace("code: \"C02\"", "code: \"C01\"")
        .replace("code: \"R03\"", "code: \"X3\"")
        .replace("\"办公楼\"", "\"\"")
        .replace(
            "industry_share_from: Some(2022)",
            "industry_share_from: Some(2030)",
        );
    std::fs::write(dir.path().join("broken.ron"), text).unwrap();
    fundplan_in(
        dir.path(),
        &["catalog", "export", "nm-2017", "-o", "good.ron"],
    );
    std::fs::write(dir.path().join("junk.ron"), "(format: \"fundplan-catalog\"").unwrap();
    let out = fundplan_in(
        dir.path(),
        &["--lang", "en", "catalog", "check", "good.ron", "broken.ron"],
    );
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    for want in [
        "good.ron: catalog nm-2017 has no problems",
        "broken.ron: catalog broken has 4 problem(s)",
        "  line code “C01” is given twice",
        "  line code “X3” is not of the form R01 for its level",
        "  the industry-share start year 2030 is outside",
        "  an empty forbidden keyword",
    ] {
        assert!(text.contains(want), "{want} not in {text}");
    }
    let out = fundplan_in(dir.path(), &["catalog", "check", "good.ron"]);
    assert_eq!(code(&out), 0);
    let out = fundplan_in(
        dir.path(),
        &["catalog", "check", "--json", "broken.ron", "junk.ron"],
    );
    assert_eq!(code(&out), 2, "a file that is no catalog wins");
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json[0]["problems"].as_array().unwrap().len(), 4);
    assert!(json[1]["load_error"].as_str().unwrap().contains("junk.ron"));
}

#[test]
fn a_catalog_file_under_a_builtin_id_with_other_content_is_refused_everywhere() {
    // Plans naming nm-2017 are judged by the built-in one: `catalog check`
    // says so, and `--catalog` refuses the file with the same words rather
    // than use it silently.
    let dir = tempfile::tempdir().unwrap();
    let text = fundplan_core::catalog::NM_2017_RON.replace("\"手机\",", "\"手机\", \"新词\",");
    std::fs::write(dir.path().join("own.ron"), text).unwrap();
    let said = "the id “nm-2017” is a built-in catalog's, and this catalog differs from it";
    let out = fundplan_in(dir.path(), &["--lang", "en", "catalog", "check", "own.ron"]);
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).contains(said), "{}", stdout(&out));
    let sample = sample_path();
    let plan = p(&sample);
    for command in [
        &["validate"][..],
        &["summary", "--no-register"],
        &["diff", plan],
    ] {
        let mut args = vec!["--lang", "en"];
        args.extend(command);
        args.extend(["--catalog", "own.ron", plan]);
        let out = fundplan_in(dir.path(), &args);
        assert_eq!(code(&out), 2, "{command:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(said), "{command:?}: {}", stderr(&out));
    }
    // The built-in catalog itself, exported, is used as before.
    fundplan_in(
        dir.path(),
        &["catalog", "export", "nm-2017", "-o", "same.ron"],
    );
    let out = fundplan_in(dir.path(), &["validate", "--catalog", "same.ron", plan]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn catalog_import_of_a_bare_region_table_with_title_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "附件2").unwrap();
    ws.write_string(1, 0, "自治区统筹整合资金目录").unwrap();
    for (c, h) in ["序号", "资金名称", "级次", "大类"].iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for (r, (name, level, cat)) in [
        ("中央财政衔接推进乡村振兴补助资金", "中央", "扶贫"),
        ("水利发展资金", "中央", "水利"),
        ("自治区财政衔接推进乡村振兴补助资金", "自治区", "扶贫"),
        ("盟市自有资金", "盟市", "其他"),
    ]
    .iter()
    .enumerate()
    {
        let r = 3 + r as u32;
        ws.write_number(r, 0, f64::from(r - 2)).unwrap();
        ws.write_string(r, 1, *name).unwrap();
        ws.write_string(r, 2, *level).unwrap();
        ws.write_string(r, 3, *cat).unwrap();
    }
    wb.save(dir.path().join("附件.xlsx")).unwrap();
    let run = |args: &[&str]| fundplan_in(dir.path(), args);
    let import = |more: &[&str]| {
        let args = [
            "--lang",
            "en",
            "catalog",
            "import",
            "附件.xlsx",
            "-o",
            "own.ron",
        ];
        run(&[&args[..], more].concat())
    };
    // No id nor years: refused, nothing written.
    let out = import(&[]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no id and years were given"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("own.ron").exists());
    // With the base's id: that is the built-in one's, refused.
    let out = import(&["--base", "nm-2021"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("is a built-in catalog's"),
        "{}",
        stderr(&out)
    );
    let out = import(&[
        "--base",
        "nm-2021",
        "--id",
        "own-2024",
        "--title",
        "某盟目录",
        "--years",
        "2024-2025",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains("2 Central, 1 Region, 1 League"),
        "{}",
        stdout(&out)
    );
    let c = fundplan_core::file::load_catalog(&dir.path().join("own.ron")).unwrap();
    let codes: Vec<&str> = c.lines.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, ["C01", "C02", "R01", "L01"]);
    assert_eq!(
        (c.id.as_str(), c.title.as_str(), c.years),
        ("own-2024", "某盟目录", (2024, 2025))
    );
    assert!(!c.lines[1].name_en.is_empty(), "English name from the base");
    assert!(!c.forbidden_keywords.is_empty(), "keywords from the base");
    // A plan can be validated against it.
    let out = run(&["validate", "--catalog", "own.ron", p(&sample_path())]);
    assert_ne!(code(&out), 2, "{}", stderr(&out));
    // Not a workbook: exit 2; a base that is neither id nor file: exit 2.
    std::fs::write(
        dir.path().join("c.xlsx"),
        fundplan_core::catalog::NM_2021_RON,
    )
    .unwrap();
    assert_eq!(
        code(&run(&["catalog", "import", "c.xlsx", "-o", "x.ron"])),
        2
    );
    let out = run(&[
        "catalog",
        "import",
        "附件.xlsx",
        "-o",
        "x.ron",
        "--base",
        "nm-1999",
    ]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("nm-2017, nm-2021"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("x.ron").exists());
}

/// The sample with `extra` after its first project's name, saved in `dir`;
/// with that project's code.
fn sample_named(dir: &Path, extra: &str) -> (std::path::PathBuf, String) {
    let mut plan = load(&sample_path());
    let first = &mut plan.projects[0];
    first.name.push_str(extra);
    let id = first.id.clone();
    let path = dir.join("plan.ron");
    fundplan_core::file::save_plan(&plan, &path).unwrap();
    (path, id)
}

/// `fundplan export` with the fonts of `fonts` only, as `FUNDPLAN_FONT_DIRS` sets them.
fn export_with_fonts(fonts: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fundplan"))
        .env("FUNDPLAN_FONT_DIRS", fonts)
        .arg("export")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_pdf_says_which_characters_no_font_has_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let fonts = dir.path().join("fonts");
    std::fs::create_dir(&fonts).unwrap();
    // A private-use character and a CJK Ext-B place-name character: in no
    // font of the (empty) font folder, nor in the bundled one.
    let (plan, id) = sample_named(dir.path(), "\u{E000}𠀀\u{E000}");
    let (pdf, notice) = (dir.path().join("plan.pdf"), dir.path().join("notice.pdf"));
    let args = ["--pdf", p(&pdf), "--notice-pdf", p(&notice), p(&plan)];
    let out = export_with_fonts(&fonts, &args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(code(&out), 0, "the PDFs were written: {err}");
    assert!(pdf.is_file() && notice.is_file());
    // One line per file, each character once, with where it is first printed.
    let line = |file: &Path| {
        let found: Vec<&str> = err.lines().filter(|l| l.starts_with(p(file))).collect();
        assert_eq!(found.len(), 1, "{err}");
        found[0].to_string()
    };
    let whole = line(&pdf);
    assert!(
        whole.contains("PDF 中有 2 个字符在内置字体和本机字体中都没有，印成了“?”"),
        "{whole}"
    );
    assert!(
        whole.contains(&format!(
            "“\u{E000}”（U+E000，表2 项目计划，项目 {id}，项目名称）"
        )),
        "{whole}"
    );
    assert!(whole.contains("“𠀀”（U+20000，表2 项目计划"), "{whole}");
    assert_eq!(whole.matches("U+E000").count(), 1, "{whole}");
    // The notice has no 项目编号 column: the row is named by its number.
    let notice_line = line(&notice);
    assert!(
        notice_line.contains("“𠀀”（U+20000，公示表，第 1 行，项目名称）"),
        "{notice_line}"
    );
    // In English on request.
    let out = export_with_fonts(&fonts, &["--lang", "en", "--pdf", p(&pdf), p(&plan)]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(code(&out), 0, "{err}");
    assert!(
        err.contains(&format!(
            "2 characters in the PDF are in neither the bundled font nor any font on this computer and print as “?”: “\u{E000}” (U+E000, 表2 项目计划, project {id}, column 项目名称)"
        )),
        "{err}"
    );
    // The sample itself has nothing missing: nothing is said.
    let out = export_with_fonts(&fonts, &["--pdf", p(&pdf), p(&sample_path())]);
    assert_eq!(code(&out), 0);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_pdf_draws_a_character_the_bundled_font_lacks_from_a_system_font() {
    let dir = tempfile::tempdir().unwrap();
    let fonts = dir.path().join("fonts/truetype");
    std::fs::create_dir_all(&fonts).unwrap();
    let Some(dejavu) = dejavu() else {
        return; // not installed here: dejavu() said so (CI requires it)
    };
    std::fs::copy(dejavu, fonts.join("DejaVuSans.ttf")).unwrap();
    let (plan, _) = sample_named(dir.path(), "✗");
    let pdf = dir.path().join("notice.pdf");
    let out = export_with_fonts(
        &dir.path().join("fonts"),
        &["--notice-pdf", p(&pdf), p(&plan)],
    );
    assert_eq!(code(&out), 0);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let name = load(&plan).projects[0].name.clone();
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    for text in common::pdf::texts(&pdf) {
        let squeezed: String = text.raw.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            squeezed.contains(&name),
            "{name} not in {}: {}",
            text.by,
            text.raw
        );
    }
    let fonts = common::pdf::fonts(&pdf);
    assert!(
        fonts.iter().any(|f| f.name.contains("+DejaVuSans-")),
        "{fonts:?}"
    );
}

#[test]
fn the_english_roll_up_reads_as_english() {
    // Issue 22 item 13: "TOTAL 1 plans", and column names of the CSV form
    // ("not_integrated") in the table a person reads.
    let sample = sample_path();
    let out = fundplan(&["--lang", "en", "summary", "--no-register", p(&sample)]);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    let total = text
        .lines()
        .find(|l| l.starts_with("Total"))
        .unwrap_or_default();
    assert!(
        total.contains(" 1 plan ") || total.contains(" 1 plan\t"),
        "{text}"
    );
    assert!(!text.contains("plans") && !text.contains("TOTAL"), "{text}");
    assert!(
        text.contains("Not integrated") && !text.contains("not_integrated"),
        "{text}"
    );
    // The CSV keeps its column names.
    let out = fundplan(&["summary", "--csv", "--no-register", p(&sample)]);
    assert!(
        stdout(&out)
            .trim_start_matches('\u{feff}')
            .starts_with("county,code,year"),
        "{}",
        stdout(&out)
    );
}
