//! Builders for the path grammar shared by findings and review comments.

/// The plan as a whole.
pub const PLAN: &str = "";

/// `header.<field>` (catalog, year, revision, adjustment, approval …).
pub fn header(field: &str) -> String {
    format!("header.{field}")
}

/// `county.<field>`.
pub fn county(field: &str) -> String {
    format!("county.{field}")
}

/// `sources[<line>]`, or `sources[<line>].<field>` when `field` is given.
pub fn source(line: &str, field: Option<&str>) -> String {
    match field {
        Some(f) => format!("sources[{line}].{f}"),
        None => format!("sources[{line}]"),
    }
}

/// `projects[<id>]`, or `projects[<id>].<field>` when `field` is given.
pub fn project(id: &str, field: Option<&str>) -> String {
    match field {
        Some(f) => format!("projects[{id}].{f}"),
        None => format!("projects[{id}]"),
    }
}

/// `projects[<id>].funding[<line>]`.
pub fn funding(id: &str, line: &str) -> String {
    format!("projects[{id}].funding[{line}]")
}

/// A path split into its parts, for jumping to what it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target<'a> {
    /// Empty path.
    Plan,
    /// `header.<field>`.
    Header(&'a str),
    /// `county.<field>`.
    County(&'a str),
    /// `sources[<line>]` with an optional field.
    Source(&'a str, Option<&'a str>),
    /// `projects[<id>]` with an optional field.
    Project(&'a str, Option<&'a str>),
    /// `projects[<id>].funding[<line>]`.
    Funding(&'a str, &'a str),
    /// Anything else (e.g. `projects[P1].funding` without a line).
    Other(&'a str),
}

/// Splits a path; never fails, unknown shapes are `Other`.
pub fn parse(p: &str) -> Target<'_> {
    if p.is_empty() {
        return Target::Plan;
    }
    if let Some(f) = p.strip_prefix("header.") {
        return Target::Header(f);
    }
    if let Some(f) = p.strip_prefix("county.") {
        return Target::County(f);
    }
    let indexed = |prefix: &str| -> Option<(&str, &str)> {
        let rest = p.strip_prefix(prefix)?;
        let (key, tail) = rest.split_once(']')?;
        Some((key, tail))
    };
    if let Some((line, tail)) = indexed("sources[") {
        return match tail.strip_prefix('.') {
            Some(f) => Target::Source(line, Some(f)),
            None if tail.is_empty() => Target::Source(line, None),
            None => Target::Other(p),
        };
    }
    if let Some((id, tail)) = indexed("projects[") {
        if tail.is_empty() {
            return Target::Project(id, None);
        }
        if let Some(line) = tail
            .strip_prefix(".funding[")
            .and_then(|t| t.strip_suffix(']'))
        {
            return Target::Funding(id, line);
        }
        if let Some(f) = tail.strip_prefix('.') {
            return Target::Project(id, Some(f));
        }
    }
    Target::Other(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builders_and_parser_agree() {
        assert_eq!(
            parse(&source("C03", Some("integrated"))),
            Target::Source("C03", Some("integrated"))
        );
        assert_eq!(parse(&project("P1", None)), Target::Project("P1", None));
        assert_eq!(parse(&funding("P1", "R03")), Target::Funding("P1", "R03"));
        assert_eq!(parse(&header("year")), Target::Header("year"));
        assert_eq!(parse(""), Target::Plan);
        assert_eq!(
            parse("projects[P1].funding"),
            Target::Project("P1", Some("funding"))
        );
        assert_eq!(parse("sources[C1"), Target::Other("sources[C1"));
    }
}
