//! The PDF export as a reader sees it: the bundled sample written with
//! `plan_pdf` and `notice_pdf`, then read back with lopdf and, where installed (and
//! always in CI: `FUNDPLAN_REQUIRE_POPPLER=1`), with poppler's `pdfinfo`, `pdffonts` and
//! `pdftotext` (Debian's `poppler-utils`); see `common::pdf`. Every text check runs on
//! each reader's text.
//!
//! Set `FUNDPLAN_PDF_DIR` to keep the two files there for a look.

use crate::common;

use std::path::Path;

use common::pdf::{fonts, page_count, poppler, poppler_here, texts};
use common::*;
use fundplan_core::Money;
use fundplan_core::export::pdf::{FontDirs, notice_pdf, plan_pdf};
use fundplan_core::money::Unit;
use fundplan_core::validate::{Report, Severity};

/// Without any white space, so that text wrapped in a cell compares whole.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write pdf");
    if let Some(keep) = std::env::var_os("FUNDPLAN_PDF_DIR") {
        std::fs::create_dir_all(&keep).expect("FUNDPLAN_PDF_DIR");
        std::fs::write(Path::new(&keep).join(name), bytes).expect("keep pdf");
    }
    path
}

/// One font: the CJK font as a bare CID-keyed CFF program, embedded, subset (the
/// name has a six-letter tag) and with a ToUnicode map, as lopdf reads the file and, where
/// poppler is here, as `pdffonts` lists it (columns: name, type, encoding, emb, sub, uni).
fn the_font_is_an_embedded_subset(file: &Path) {
    let read = fonts(file);
    assert_eq!(read.len(), 1, "{read:?}");
    let font = &read[0];
    assert!(font.is_subset(), "{font:?}");
    assert!(font.name.contains("+NotoSansCJKsc-Regular"), "{font:?}");
    assert_eq!(font.kind, "CID Type 0C", "{font:?}");
    assert_eq!(font.encoding, "Identity-H", "{font:?}");
    assert!(font.embedded && font.to_unicode, "{font:?}");
    if !poppler_here() {
        return;
    }
    let fonts = poppler("pdffonts", &[], file);
    assert_eq!(fonts.lines().count(), 3, "{fonts}");
    let font = fonts.lines().nth(2).unwrap_or_default();
    let cols: Vec<&str> = font.split_whitespace().collect();
    let name = cols.first().copied().unwrap_or_default();
    let (tag, rest) = name.split_once('+').unwrap_or_else(|| panic!("{fonts}"));
    assert!(
        tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
        "{fonts}"
    );
    assert!(rest.starts_with("NotoSansCJKsc-Regular"), "{fonts}");
    assert_eq!(
        cols.get(1..8),
        Some(&["CID", "Type", "0C", "Identity-H", "yes", "yes", "yes"][..]),
        "{fonts}"
    );
}

/// Every stream of the file is Flate-compressed.
fn every_stream_is_compressed(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let streams = text.matches(">>\nstream\n").count();
    assert!(streams > 3, "{streams} streams");
    assert_eq!(text.matches("/Filter/FlateDecode").count(), streams);
}

/// The bundled CJK font file.
const FONT: &[u8] = include_bytes!("../../../assets/fonts/NotoSansSC-Subset.otf");

fn sample() -> (fundplan_core::plan::Plan, Report) {
    let plan = load(&sample_path());
    let report = fundplan_core::validate::validate(&plan, &nm2017());
    (plan, report)
}

#[test]
fn the_plan_pdf_shows_every_table_the_totals_and_the_findings() {
    let (plan, report) = sample();
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = plan_pdf(&plan, &report, &FontDirs::none()).bytes;
    assert_eq!(
        bytes,
        plan_pdf(&plan, &report, &FontDirs::none()).bytes,
        "same plan, same bytes"
    );
    let file = write(dir.path(), "plan.pdf", &bytes);

    let n = page_count(&file);
    assert!(n >= 6, "cover, four tables, findings: {n} pages");
    the_font_is_an_embedded_subset(&file);

    for text in texts(&file) {
        let page_texts = text.pages;
        for (i, page) in page_texts.iter().enumerate() {
            let label = format!("第{}页/共{}页", i + 1, n);
            assert!(squeeze(page).contains(&label), "page {}: no {label}", i + 1);
        }

        // The cover: banner, year, revision, who, totals.
        let cover = squeeze(&page_texts[0]);
        assert!(
            cover.contains("武川县2020年统筹整合使用财政涉农涉牧资金实施方案"),
            "{cover}"
        );
        assert!(cover.contains("第1版"), "{cover}");
        assert!(cover.contains("武川县财政局"), "{cover}");
        let t = &report.totals;
        // The report's totals are the plan's own sums over its lines.
        let allocated: Money = plan.sources.iter().map(|s| s.allocated).sum();
        let integrated: Money = plan.sources.iter().map(|s| s.integrated).sum();
        assert_eq!((t.allocated, t.integrated), (allocated, integrated));
        assert!(
            allocated > integrated,
            "the sample has lines partly not integrated"
        );
        for (label, amount) in [
            ("下达资金", t.allocated),
            ("纳入整合资金", t.integrated),
            ("未纳入整合资金", t.not_integrated()),
            ("已安排到项目", t.arranged),
            ("跨类别使用", t.cross_category),
        ] {
            let row = format!("{label}{}", amount.display(Unit::Wan, 2));
            assert!(cover.contains(&row), "cover lacks {row}: {cover}");
        }
        if let Some(share) = t.cross_share {
            assert!(
                cover.contains(&fundplan_core::money::percent(share)),
                "{cover}"
            );
        }

        // Every table page: title, 填报单位, 单位, the header row.
        let findings_from = page_texts
            .iter()
            .position(|p| squeeze(p).contains("实施方案校验结果"))
            .expect("findings page");
        assert!(findings_from > 4);
        let titles: Vec<String> = fundplan_core::export::tables(&plan)
            .into_iter()
            .map(|t| squeeze(&t.title))
            .collect();
        assert_eq!(titles[0], "武川县2020年统筹整合资金来源表");
        for (i, page) in page_texts.iter().enumerate().take(findings_from).skip(1) {
            let s = squeeze(page);
            assert!(s.contains("填报单位：武川县财政局"), "page {}", i + 1);
            assert!(s.contains("单位：万元"), "page {}", i + 1);
            assert!(s.contains("序号"), "page {}: header row", i + 1);
            let title = titles.iter().find(|t| s.contains(t.as_str()));
            assert!(title.is_some(), "page {}: no table title", i + 1);
        }
        // The 合计 row ends each table (each part of 表2): on the last page
        // before the next title that is not a continuation (（续）).
        let mut runs: Vec<Vec<usize>> = Vec::new();
        for (i, page) in page_texts.iter().enumerate().take(findings_from).skip(1) {
            match runs.last_mut() {
                Some(run) if squeeze(page).contains("（续）") => run.push(i),
                _ => runs.push(vec![i]),
            }
        }
        assert!(runs.len() >= 4, "{runs:?}");
        for run in &runs {
            let last = run.last().copied().unwrap_or_default();
            let page = squeeze(&page_texts[last]);
            assert!(page.contains("合计"), "no 合计 on page {}", last + 1);
        }
        // Every table, in annex order.
        let all = squeeze(&page_texts.concat());
        let mut at = 0;
        for title in &titles {
            let found = all[at..].find(title.as_str());
            assert!(found.is_some(), "{title} missing or out of order");
            at += found.unwrap_or(0);
        }
        assert!(
            all.contains(&allocated.display(Unit::Wan, 2))
                && all.contains(&integrated.display(Unit::Wan, 2))
        );

        // Wrapped cells: in -layout text the lines of a wrapped name are
        // interleaved with the neighbouring cells' lines, so names are compared in
        // content-stream order (-raw), where a cell's lines follow each other.
        let raw = squeeze(&text.raw);
        for p in &plan.projects {
            assert!(
                raw.contains(&squeeze(&p.name)),
                "project {} {}",
                p.id,
                p.name
            );
            assert!(raw.contains(&squeeze(&p.targets)), "targets of {}", p.id);
        }
        for s in &plan.sources {
            assert!(
                raw.contains(&squeeze(&s.name)),
                "source {} {}",
                s.line,
                s.name
            );
        }

        // Findings: counts by severity, every error and warning with its rule.
        let findings: String = page_texts[findings_from..]
            .iter()
            .map(|p| squeeze(p))
            .collect();
        let counts = format!(
            "错误{}条警告{}条提示{}条",
            report.errors(),
            report.warnings(),
            report.count(Severity::Info)
        );
        assert!(findings.contains(&counts), "{findings}");
        let raw_findings = raw.split("实施方案校验结果").last().unwrap_or_default();
        for f in &report.findings {
            assert!(findings.contains(f.rule.code()), "{}", f.rule.code());
            assert!(
                raw_findings.contains(&squeeze(&f.message.zh)),
                "{}",
                f.message.zh
            );
        }
    }
}

#[test]
fn the_notice_pdf_is_the_notice_table_alone() {
    let (plan, report) = sample();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(
        dir.path(),
        "notice.pdf",
        &notice_pdf(&plan, &FontDirs::none()).bytes,
    );
    the_font_is_an_embedded_subset(&file);
    let n = page_count(&file);
    for text in texts(&file) {
        let page_texts = text.pages;
        for (i, page) in page_texts.iter().enumerate() {
            let s = squeeze(page);
            assert!(
                s.contains("武川县2020年统筹整合资金项目公告公示表"),
                "page {}",
                i + 1
            );
            assert!(s.contains("单位：万元"), "page {}", i + 1);
            assert!(
                s.contains("序号") && s.contains("项目名称"),
                "page {}: header",
                i + 1
            );
            assert!(
                s.contains(&format!("第{}页/共{n}页", i + 1)),
                "page {}",
                i + 1
            );
            assert!(!s.contains("资金来源表") && !s.contains("校验结果"));
        }
        let last = squeeze(&page_texts[n - 1]);
        let total = format!("合计{}", report.totals.arranged.display(Unit::Wan, 2));
        assert!(last.contains(&total), "{total}: {last}");
        let raw = squeeze(&text.raw);
        for p in &plan.projects {
            assert!(
                raw.contains(&squeeze(&p.name)),
                "project {} {}",
                p.id,
                p.name
            );
            assert!(
                raw.contains(&p.integrated_total().display(Unit::Wan, 2)),
                "{}",
                p.id
            );
        }
    }
}

#[test]
fn an_adjusted_plan_with_errors_lists_them_and_shows_the_adjustment() {
    let (mut plan, _) = sample();
    plan.revision = 2;
    plan.adjustment = Some(fundplan_core::plan::Adjustment {
        reason: "上级追加下达自治区财政专项扶贫资金，调整项目安排".to_string(),
        approval: "武政字〔2020〕45号".to_string(),
    });
    // S06 and B02: more integrated than allocated, and not arranged; P06: no targets.
    let c03 = plan
        .sources
        .iter_mut()
        .find(|s| s.line == "C03")
        .expect("C03");
    c03.integrated = c03.allocated + yuan("10000.00");
    plan.projects[0].targets.clear();
    // A character no font has (none is looked in) is drawn as ? and never
    // stops the export; the export says which and where.
    plan.projects[1].name.push('\u{2717}');
    let report = fundplan_core::validate::validate(&plan, &nm2017());
    assert!(
        report.errors() >= 2 && report.warnings() >= 1,
        "{:?}",
        report.findings
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = plan_pdf(&plan, &report, &FontDirs::none());
    let file = write(dir.path(), "adjusted.pdf", &pdf.bytes);
    assert_eq!(pdf.missing.count(), 1, "{:?}", pdf.missing);
    let (c, place) = &pdf.missing.listed[0];
    assert_eq!(*c, '\u{2717}');
    assert_eq!(
        place.zh,
        format!("表2 项目计划，项目 {}，项目名称", plan.projects[1].id)
    );
    for text in texts(&file) {
        let page_texts = text.pages;
        let cover = squeeze(&page_texts[0]);
        for s in [
            "第2版（调整方案）",
            "调整原因",
            "上级追加下达自治区财政专项扶贫资金，调整项目安排",
            "武政字〔2020〕45号",
        ] {
            assert!(cover.contains(s), "cover lacks {s}: {cover}");
        }
        let counts = format!(
            "错误{}条警告{}条提示{}条",
            report.errors(),
            report.warnings(),
            report.count(Severity::Info)
        );
        assert!(cover.contains(&counts), "{cover}");

        let raw = squeeze(&text.raw);
        assert!(raw.contains(&format!(
            "{}?",
            squeeze(&plan.projects[1].name.replace('\u{2717}', ""))
        )));
        let findings = raw.split("实施方案校验结果").last().unwrap_or_default();
        assert!(findings.contains(&counts), "{findings}");
        for f in report
            .findings
            .iter()
            .filter(|f| f.severity() != Severity::Info)
        {
            let row = format!(
                "{}{}{}",
                f.severity().label(fundplan_core::Lang::Zh),
                f.rule.code(),
                squeeze(&f.message.zh)
            );
            assert!(findings.contains(&row), "{row} not in {findings}");
        }
    }
}

#[test]
fn a_plan_of_500_projects_runs_over_many_pages_each_numbered() {
    let catalog = nm2017();
    let opts = fundplan_core::sample::SampleOptions {
        projects: 500,
        seed: 3,
        ..Default::default()
    };
    let plan = fundplan_core::sample::generate(&catalog, opts);
    let report = fundplan_core::validate::validate(&plan, &catalog);
    let bytes = plan_pdf(&plan, &report, &FontDirs::none()).bytes;
    eprintln!("500 projects: {} bytes", bytes.len());
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "p500.pdf", &bytes);
    let n = page_count(&file);
    assert!(n > 30, "{n} pages");
    for text in texts(&file) {
        let page_texts = text.pages;
        for (i, page) in page_texts.iter().enumerate().skip(1) {
            let s = squeeze(page);
            assert!(
                s.contains(&format!("第{}页/共{n}页", i + 1)),
                "page {}",
                i + 1
            );
            assert!(s.contains("序号"), "page {}: header row", i + 1);
        }
        let raw = squeeze(&text.raw);
        for p in &plan.projects {
            assert!(
                raw.contains(&squeeze(&p.name)),
                "project {} {}",
                p.id,
                p.name
            );
        }
    }
}

#[test]
fn the_sample_pdfs_are_small_subset_and_compressed() {
    let (plan, report) = sample();
    let dir = tempfile::tempdir().expect("temp dir");
    let notice = notice_pdf(&plan, &FontDirs::none()).bytes;
    let whole = plan_pdf(&plan, &report, &FontDirs::none()).bytes;
    eprintln!("notice {} bytes, plan {} bytes", notice.len(), whole.len());
    // The bounds; the whole font alone is 1.8 MB.
    assert!(notice.len() <= 200_000, "notice: {} bytes", notice.len());
    assert!(whole.len() <= 400_000, "plan: {} bytes", whole.len());
    every_stream_is_compressed(&notice);
    every_stream_is_compressed(&whole);
    // The notice draws fewer glyphs than the plan: its subset is smaller.
    let file = write(dir.path(), "plan.pdf", &whole);
    the_font_is_an_embedded_subset(&file);
    assert!(notice.len() < whole.len());
}

#[test]
fn every_hanzi_of_the_font_still_extracts() {
    let (mut plan, _) = sample();
    // Every hanzi of the font on the notice: the subset then holds thousands
    // of glyphs, each of which must still map back to its character.
    let font = ttf_parser::Face::parse(FONT, 0).expect("bundled font");
    let hanzi: String = ('\u{4e00}'..='\u{9fa5}')
        .filter(|c| font.glyph_index(*c).is_some())
        .collect();
    assert!(hanzi.chars().count() > 6_000);
    let Some(p) = plan.projects.first_mut() else {
        panic!("sample has projects")
    };
    p.name = hanzi.clone();
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = notice_pdf(&plan, &FontDirs::none()).bytes;
    let file = write(dir.path(), "hanzi.pdf", &bytes);
    the_font_is_an_embedded_subset(&file);
    // The name runs over pages, between their header rows: each hanzi must
    // come back, and in order within the first page's part of the name.
    for text in texts(&file) {
        let raw = squeeze(&text.raw);
        let back: std::collections::HashSet<char> = raw.chars().collect();
        let lost: String = hanzi.chars().filter(|c| !back.contains(c)).collect();
        assert!(lost.is_empty(), "not extracted: {lost}");
        let start: String = hanzi.chars().take(200).collect();
        assert!(raw.contains(&start), "{start}");
        // With nearly every glyph drawn, still below the whole font file.
        assert!(bytes.len() < FONT.len(), "{} bytes", bytes.len());
    }
}

#[test]
fn a_character_the_bundled_font_lacks_comes_from_a_second_embedded_subset() {
    let (mut plan, _) = sample();
    let dir = tempfile::tempdir().expect("temp dir");
    let fonts = dir.path().join("fonts");
    std::fs::create_dir(&fonts).expect("fonts");
    let Some(dejavu) = dejavu() else {
        return; // not installed here: dejavu() said so (CI requires it)
    };
    std::fs::copy(dejavu, fonts.join("DejaVuSans.ttf")).expect("copy DejaVu");
    // ✗ is in DejaVu; 𠀀 (CJK Ext-B) is in neither font.
    plan.projects[0].name.push_str("✗𠀀");
    plan.projects[2].name.push('✗');
    let dirs = FontDirs::new(vec![fonts]);
    let pdf = notice_pdf(&plan, &dirs);
    assert_eq!(
        pdf,
        notice_pdf(&plan, &dirs),
        "same plan and fonts, same bytes"
    );
    let listed: Vec<char> = pdf.missing.listed.iter().map(|(c, _)| *c).collect();
    assert_eq!(listed, ['𠀀'], "{:?}", pdf.missing);
    let file = write(dir.path(), "fallback.pdf", &pdf.bytes);
    every_stream_is_compressed(&pdf.bytes);

    // Two fonts, both embedded subsets with a ToUnicode map: the bundled CFF
    // and DejaVu as a CID TrueType font.
    let read = common::pdf::fonts(&file);
    assert_eq!(read.len(), 2, "{read:?}");
    assert!(read[0].name.contains("+NotoSansCJKsc-Regular"), "{read:?}");
    assert!(read[1].name.contains("+DejaVuSans-"), "{read:?}");
    let dejavu = &read[1];
    assert_eq!(
        (dejavu.kind.as_str(), dejavu.encoding.as_str()),
        ("CID TrueType", "Identity-H"),
        "{read:?}"
    );
    assert!(
        dejavu.embedded && dejavu.is_subset() && dejavu.to_unicode,
        "{read:?}"
    );
    if poppler_here() {
        let fonts = poppler("pdffonts", &[], &file);
        let rows: Vec<Vec<&str>> = fonts
            .lines()
            .skip(2)
            .map(|l| l.split_whitespace().collect())
            .collect();
        assert_eq!(rows.len(), 2, "{fonts}");
        assert!(rows[0][0].contains("+NotoSansCJKsc-Regular"), "{fonts}");
        assert!(rows[1][0].contains("+DejaVuSans-"), "{fonts}");
        assert_eq!(
            rows[1].get(1..7),
            Some(&["CID", "TrueType", "Identity-H", "yes", "yes", "yes"][..]),
            "{fonts}"
        );
    }
    for text in texts(&file) {
        // ✗ extracts as itself; 𠀀 as the ? it is printed as.
        let raw = squeeze(&text.raw);
        let name = |i: usize| squeeze(&plan.projects[i].name);
        assert!(raw.contains(&name(0).replace('𠀀', "?")), "{raw}");
        assert!(raw.contains(&name(2)), "{raw}");
        assert!(!raw.contains('𠀀'));
        // The pages show the line as it was laid out: nothing lost to the second font.
        let layout = squeeze(&text.pages.concat());
        assert!(layout.contains('✗'), "{layout}");
    }
}
