//! The RON parser's error kinds as sentences in both languages. The parser
//! says them in terse English ("Unexpected end of RON") that names its own
//! format, not what is wrong with the file; every kind gets a sentence here,
//! so no parser wording reaches a user. The place (line, column) is added by
//! whoever reports the error.

use crate::Text;
use crate::text::clip;

/// What `e` means, in Chinese and English.
pub(crate) fn syntax_text(e: &ron::error::Error) -> Text {
    use ron::error::Error as E;
    let (zh, en): (String, String) = match e {
        E::Eof => pair(
            "文件意外结束（内容不完整？）",
            "the file ends too early (is it incomplete?)",
        ),
        E::ExpectedComma => pair("缺少逗号", "a comma is missing here"),
        E::ExpectedString | E::ExpectedStringEnd => {
            pair("此处应为加引号的文字", "quoted text is expected here")
        }
        E::ExpectedInteger | E::IntegerOutOfBounds => {
            pair("此处应为整数", "a whole number is expected here")
        }
        E::ExpectedFloat => pair("此处应为数字", "a number is expected here"),
        E::FloatUnderscore | E::UnderscoreAtBeginning => {
            pair("数字中不能有下划线", "a number here cannot contain “_”")
        }
        E::InvalidIntegerDigit { digit, base } => (
            format!("“{digit}”不是 {base} 进制数字"),
            format!("“{digit}” is not a digit of a base-{base} number"),
        ),
        E::ExpectedBoolean => pair("此处应为 true 或 false", "true or false is expected here"),
        E::ExpectedOption => pair(
            "此处应为 None 或 Some(…)",
            "None or Some(…) is expected here",
        ),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            pair("此处应以“(”开始", "a “(” is expected here")
        }
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => pair("缺少“)”", "a “)” is missing here"),
        E::ExpectedUnit => pair("此处应为“()”", "“()” is expected here"),
        E::ExpectedArray => pair("此处应以“[”开始", "a “[” is expected here"),
        E::ExpectedArrayEnd => pair("缺少“]”", "a “]” is missing here"),
        E::ExpectedMap => pair("此处应以“{”开始", "a “{” is expected here"),
        E::ExpectedMapEnd => pair("缺少“}”", "a “}” is missing here"),
        E::ExpectedMapColon => pair("缺少冒号", "a colon is missing here"),
        E::ExpectedChar => pair(
            "此处应为单个字符（如 'a'）",
            "a single character (such as 'a') is expected here",
        ),
        E::ExpectedByteLiteral | E::ExpectedByteString => pair(
            "此处应为字节串（b\"…\"）",
            "a byte string (b\"…\") is expected here",
        ),
        E::ExpectedIdentifier | E::InvalidIdentifier(_) => {
            pair("此处应为字段名", "a field name is expected here")
        }
        E::ExpectedStructName(_) => pair(
            "此处应为结构名，如 Plan(",
            "a name such as Plan( is expected here",
        ),
        E::SuggestRawIdentifier(name) => (
            format!("名称“{}”须写作 r#{}", clip(name), clip(name)),
            format!("the name “{}” must be written r#{}", clip(name), clip(name)),
        ),
        E::ExpectedRawValue | E::ExpectedRangeSyntax => {
            pair("此处的值无法识别", "the value here is not recognised")
        }
        E::ExpectedAttribute | E::ExpectedAttributeEnd | E::NoSuchExtension(_) => pair(
            "文件开头的 #![…] 设置无效",
            "the #![…] setting at the start of the file is not valid",
        ),
        E::InvalidEscape(_) => pair(
            "文字中的反斜杠（\\）转义无效",
            "the text has a backslash (\\) escape that is not valid",
        ),
        E::UnclosedBlockComment => pair(
            "注释“/*”没有以“*/”结束",
            "a comment “/*” is not closed with “*/”",
        ),
        E::UnclosedLineComment => pair(
            "最后一行的注释没有以换行结束",
            "the comment on the last line does not end with a line break",
        ),
        E::Utf8Error(_) => pair("不是 UTF-8 文本", "the text is not UTF-8"),
        E::TrailingCharacters => pair(
            "结尾有多余内容",
            "there is more text after the end of the content",
        ),
        E::UnexpectedChar(c) => (
            format!("意外的字符“{c}”"),
            format!("the character “{c}” is not expected here"),
        ),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => (
            format!(
                "“{}”不是有效取值，应为：{}",
                clip(found),
                expected.join("、")
            ),
            format!(
                "“{}” is not a valid value; it must be one of {}",
                clip(found),
                expected.join(", ")
            ),
        ),
        E::ExpectedDifferentStructName { expected, found } => (
            format!("结构名应为 {expected}，实际为 {}", clip(found)),
            format!("the name here must be {expected}, not {}", clip(found)),
        ),
        E::InvalidValueForType { expected, found } => (
            format!("取值无效（应为 {expected}，实际为 {}）", clip(found)),
            format!(
                "the value is not valid (expected {expected}, found {})",
                clip(found)
            ),
        ),
        E::ExpectedDifferentLength { expected, found } => (
            format!("项数不对（应为 {expected}，实际为 {found} 项）"),
            format!("the number of items is wrong (expected {expected}, found {found})"),
        ),
        E::NoSuchStructField { found, .. } => (
            format!("未知字段“{}”（拼写错误？）", clip(found)),
            format!("unknown field “{}” (a typo?)", clip(found)),
        ),
        E::MissingStructField { field, .. } => (
            format!("缺少字段“{field}”"),
            format!("the field “{field}” is missing"),
        ),
        E::DuplicateStructField { field, .. } => (
            format!("字段“{field}”重复"),
            format!("the field “{field}” is given twice"),
        ),
        E::ExceededRecursionLimit => pair("嵌套层数过深", "it is nested too deeply"),
        // `unique_keys` in the catalog: "home_uses: Water is given twice".
        E::Message(m) => match m
            .strip_suffix(" is given twice")
            .and_then(|rest| rest.split_once(": "))
        {
            Some((field, key)) => (
                format!("{field} 中的 {key} 写了两次（每项只能写一次）"),
                format!("{field}: {key} is given twice (each may appear only once)"),
            ),
            None => (
                format!("无法解析（{}）", clip(m)),
                format!("it cannot be read ({})", clip(m)),
            ),
        },
        E::Io(m) => (
            format!("无法读取（{}）", clip(m)),
            format!("it cannot be read ({})", clip(m)),
        ),
        // `Fmt`, and kinds a later ron adds: its words, said to be its words.
        other => (
            format!("无法解析（{}）", clip(&other.to_string())),
            format!("it cannot be read ({})", clip(&other.to_string())),
        ),
    };
    Text { zh, en }
}

fn pair(zh: &str, en: &str) -> (String, String) {
    (zh.to_string(), en.to_string())
}

#[cfg(test)]
mod tests {
    use super::syntax_text;

    #[test]
    fn no_parser_wording_reaches_the_sentence() {
        use ron::error::Error as E;
        for e in [
            E::Eof,
            E::ExpectedArrayEnd,
            E::TrailingCharacters,
            E::UnexpectedChar('@'),
        ] {
            let t = syntax_text(&e);
            assert!(!t.en.contains("RON"), "{}", t.en);
            assert_ne!(t.en, e.to_string());
            assert!(
                t.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}",
                t.zh
            );
        }
    }

    #[test]
    fn a_missing_struct_name_has_its_own_sentence() {
        let t = syntax_text(&ron::error::Error::ExpectedStructName("Plan".into()));
        assert_eq!(t.zh, "此处应为结构名，如 Plan(");
        assert_eq!(t.en, "a name such as Plan( is expected here");
    }
}
