//! Round trips and refusals of the project clipboard format.

use super::*;

fn sample() -> Plan {
    crate::document::bundled_sample()
}

fn without_ids(mut ps: Vec<Project>) -> Vec<Project> {
    for p in &mut ps {
        p.id.clear();
    }
    ps
}

#[test]
fn copy_then_parse_gives_equal_projects_in_both_units() {
    let mut plan = sample();
    plan.projects[0].content = "第一行\n第二行\t带\"引号\"".to_string();
    let all: Vec<&Project> = plan.projects.iter().collect();
    for unit in [Unit::Wan, Unit::Yuan] {
        let text = copy(&plan, &all, unit);
        let back = parse(&text, &plan, unit).unwrap();
        assert_eq!(back, without_ids(plan.projects.clone()), "{unit:?}");
    }
}

#[test]
fn copied_text_is_a_header_and_one_crlf_row_per_project() {
    let plan = sample();
    let p = &plan.projects[1];
    let text = copy(&plan, &[p], Unit::Wan);
    let rows: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(rows.len(), 2);
    assert!(rows[0].starts_with("序号\t项目编号\t项目名称\t使用方向"));
    assert!(rows[1].starts_with(&format!("1\t{}\t{}", p.id, p.name)));
}

#[test]
fn rows_without_a_header_take_the_table2_columns() {
    let plan = sample();
    let line = lines_used(&plan)[0].to_string();
    let mut row = vec![
        "1",
        "",
        "新项目",
        "饮水安全",
        "镇",
        "村",
        "单位",
        "",
        "",
        "3",
        "9",
        "",
        "2",
    ];
    row.push("2");
    let text = format!("{}\n", row.join("\t"));
    let ps = parse(&text, &plan, Unit::Wan).unwrap();
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].use_, Use::DrinkingWater);
    assert_eq!((ps[0].households, ps[0].people), (3, 9));
    assert_eq!(ps[0].funding[0].line, line);
    assert_eq!(ps[0].funding[0].amount, Money::from_yuan(20_000));
}

#[test]
fn a_bad_amount_refuses_the_paste_and_names_the_row() {
    let plan = sample();
    let text = "1\t\t甲\t\t镇\t\t单位\t\t\t0\t0\t\t1\r\n2\t\t乙\t\t镇\t\t单位\t\t\t0\t0\t\t2OO\r\n";
    let e = parse(text, &plan, Unit::Wan).unwrap_err();
    assert_eq!(e.row, 2);
    assert!(
        e.message(Lang::Zh).contains("第 2 行"),
        "{}",
        e.message(Lang::Zh)
    );
    let en = e.message(Lang::En);
    assert!(
        en.contains("Row 2") && en.contains("2OO") && en.is_ascii(),
        "{en}"
    );
}

#[test]
fn unknown_uses_lines_and_counts_are_refused() {
    let plan = sample();
    let bad_use = "1\t\t甲\t修桥\t镇\t\t单位\n";
    assert_eq!(parse(bad_use, &plan, Unit::Wan).unwrap_err().row, 1);
    let bad_line = "序号\t项目编号\t项目名称\tC99 无此资金\n1\t\t甲\t1\n";
    assert!(parse(bad_line, &plan, Unit::Wan).is_err());
    let bad_count = "1\t\t甲\t\t镇\t\t单位\t\t\t十户\n";
    assert!(parse(bad_count, &plan, Unit::Wan).is_err());
}

#[test]
fn empty_rows_and_a_missing_last_line_end_are_fine() {
    let plan = sample();
    let ps = parse("\r\n1\t\t甲\r\n\t\t\r\n2\t\t乙", &plan, Unit::Wan).unwrap();
    let names: Vec<&str> = ps.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["甲", "乙"]);
}

#[test]
fn a_header_in_english_and_any_order_maps_by_name_and_a_repeated_one_is_refused() {
    let plan = sample();
    let line = lines_used(&plan)[0].to_string();
    let text = format!("Use\t{line}\tname\tPeople\r\n饮水安全\t2\t甲\t7\r\n");
    let ps = parse(&text, &plan, Unit::Wan).unwrap();
    assert_eq!(ps[0].name, "甲");
    assert_eq!(ps[0].use_, Use::DrinkingWater);
    assert_eq!(ps[0].people, 7);
    assert_eq!(ps[0].funding[0].line, line);
    let e = parse(
        "项目名称\t使用方向\t项目名称\r\n甲\t\t乙\r\n",
        &plan,
        Unit::Wan,
    )
    .unwrap_err();
    assert_eq!(e.row, 1);
    let zh = e.message(Lang::Zh);
    assert!(
        zh.contains("第 3 列（C 列）的列名“项目名称”与前面的列重复"),
        "{zh}"
    );
    let en = e.message(Lang::En);
    assert!(en.contains("column 3 (C) is headed \"项目名称\""), "{en}");
}

#[test]
fn a_value_under_a_blank_or_missing_header_refuses_the_paste() {
    let plan = sample();
    for (text, row, zh, en) in [
        (
            "项目名称\t\t使用方向\r\n甲\t\t饮水安全\r\n乙\t备注\t饮水安全\r\n",
            3,
            "第 2 列（B 列）没有列名",
            "column 2 (B) has no header",
        ),
        (
            "项目名称\t使用方向\r\n甲\t饮水安全\t多出来的\r\n",
            2,
            "第 3 列（C 列）没有列名",
            "column 3 (C) has no header",
        ),
    ] {
        let e = parse(text, &plan, Unit::Wan).unwrap_err();
        assert_eq!(e.row, row, "{text}");
        let (z, n) = (e.message(Lang::Zh), e.message(Lang::En));
        assert!(z.contains(zh), "{z}");
        assert!(n.contains(en), "{n}");
    }
    // Blank under a blank header is fine.
    let ps = parse("项目名称\t\r\n甲\t\r\n", &plan, Unit::Wan).unwrap();
    assert_eq!(ps[0].name, "甲");
}

#[test]
fn a_header_without_the_project_name_is_refused_naming_it() {
    let plan = sample();
    let e = parse(
        "使用方向\t苏木乡镇\r\n饮水安全\t红格尔\r\n",
        &plan,
        Unit::Wan,
    )
    .unwrap_err();
    assert_eq!(e.row, 1);
    let (zh, en) = (e.message(Lang::Zh), e.message(Lang::En));
    assert!(zh.contains("列名中没有“项目名称”"), "{zh}");
    assert!(
        en.contains("the header row has no \"Name\" column (项目名称)"),
        "{en}"
    );
}
