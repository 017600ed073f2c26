//! What a comment (or finding) path names, in words people read:
//! `projects[P005]` is "P005 农村牧区危房改造项目", `sources[R07].reason` is
//! "R07 未纳入原因". Used as the link text and accessible name of comments.

use crate::Lang;
use crate::plan::fields::{HeaderField, ProjectField, SourceField};
use crate::plan::{Plan, path};

/// Label of a source line's field.
fn source_field(f: &str, lang: Lang) -> &str {
    match SourceField::from_key(f) {
        Some(field) => {
            let (zh, en) = field.info().label;
            lang.pick(zh, en)
        }
        None => f,
    }
}

/// Label of a project's field.
fn project_field(f: &str, lang: Lang) -> &str {
    match ProjectField::from_key(f) {
        Some(field) => {
            let (zh, en) = field.info().label;
            lang.pick(zh, en)
        }
        None => f,
    }
}

/// Label of a header or county field.
fn header_field(f: &str, lang: Lang) -> &str {
    if let Some(field) = HeaderField::from_key(f) {
        let (zh, en) = field.info().label;
        return lang.pick(zh, en);
    }
    match f {
        "submission" => lang.pick("提交印记", "submission seal"),
        "code" => lang.pick("旗县代码", "banner code"),
        "name" => lang.pick("旗县名称", "banner name"),
        "league" => lang.pick("所属盟市", "league"),
        "kind" => lang.pick("旗县类别", "banner kind"),
        other => other,
    }
}

/// `p` in words, e.g. "P005 农村牧区危房改造项目" or "R07 未纳入原因".
pub fn label(plan: &Plan, p: &str, lang: Lang) -> String {
    let project_name = |id: &str| {
        plan.projects
            .iter()
            .find(|x| x.id == id)
            .map(|x| x.name.clone())
            .unwrap_or_default()
    };
    let joined = |parts: &[&str]| {
        parts
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    };
    match path::parse(p) {
        path::Target::Plan => lang.pick("整个方案", "whole plan").to_string(),
        path::Target::Header(f) | path::Target::County(f) => {
            joined(&[lang.pick("基本信息", "Header"), header_field(f, lang)])
        }
        path::Target::Source(line, None) => {
            let name = plan.source(line).map(|s| s.name.as_str()).unwrap_or("");
            joined(&[line, name])
        }
        path::Target::Source(line, Some(f)) => joined(&[line, source_field(f, lang)]),
        path::Target::Project(id, None) => joined(&[id, &project_name(id)]),
        path::Target::Project(id, Some(f)) => {
            joined(&[id, &project_name(id), "·", project_field(f, lang)])
        }
        path::Target::Funding(id, line) => joined(&[
            id,
            &project_name(id),
            "·",
            line,
            lang.pick("安排金额", "amount"),
        ]),
        path::Target::Other(other) => other.to_string(),
    }
}

/// A row's path as its code alone: `sources[C03]` is "C03", `projects[P013]`
/// is "P013"; any other path as [`label`]. The comment buttons' accessible names.
pub fn short(plan: &Plan, p: &str, lang: Lang) -> String {
    match path::parse(p) {
        path::Target::Source(code, None) | path::Target::Project(code, None) => code.to_string(),
        _ => label(plan, p, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_words() {
        let plan = crate::sample::generate(
            &crate::catalog::default_catalog(),
            crate::sample::SampleOptions::default(),
        );
        let p = &plan.projects[0];
        assert_eq!(
            label(&plan, &path::project(&p.id, None), Lang::Zh),
            format!("{} {}", p.id, p.name)
        );
        assert_eq!(
            label(&plan, &path::source("R07", Some("reason")), Lang::Zh),
            "R07 未纳入原因"
        );
        assert_eq!(label(&plan, "", Lang::En), "whole plan");
        assert_eq!(label(&plan, "odd[", Lang::Zh), "odd[");
        assert_eq!(short(&plan, &path::source("C03", None), Lang::Zh), "C03");
    }

    /// The header's words come from `HeaderField`'s table and read as they
    /// did when this file spelled them out.
    #[test]
    fn header_paths_keep_their_words() {
        let plan = crate::document::bundled_sample();
        let words = [
            ("header.catalog", "基本信息 资金目录", "Header catalog"),
            ("header.year", "基本信息 年度", "Header year"),
            ("header.revision", "基本信息 版本", "Header revision"),
            (
                "header.adjustment",
                "基本信息 调整说明",
                "Header adjustment",
            ),
            (
                "header.prepared_by",
                "基本信息 编制单位",
                "Header prepared by",
            ),
            ("header.approval", "基本信息 审定文号", "Header approval"),
            (
                "header.submission",
                "基本信息 提交印记",
                "Header submission seal",
            ),
            ("county.code", "基本信息 旗县代码", "Header banner code"),
            ("header.odd", "基本信息 odd", "Header odd"),
        ];
        for (p, zh, en) in words {
            assert_eq!(label(&plan, p, Lang::Zh), zh, "{p}");
            assert_eq!(label(&plan, p, Lang::En), en, "{p}");
        }
    }
}
