//! The rule codes and their severities.

use crate::Lang;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Blocks submission.
    Error,
    /// Shown and recorded.
    Warning,
    /// A figure worth seeing.
    Info,
}

impl Severity {
    /// `error`, `warning`, `info`: the JSON spelling.
    pub fn code(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// 错误 / 警告 / 提示.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Severity::Error => lang.pick("错误", "Error"),
            Severity::Warning => lang.pick("警告", "Warning"),
            Severity::Info => lang.pick("提示", "Info"),
        }
    }
}

macro_rules! rules {
    ($($code:ident $sev:ident $zh:literal $en:literal;)+) => {
        /// A validator rule, by its stable code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $(#[doc = $en] $code,)+
        }

        impl Rule {
            /// Every rule, in the order of rules.md.
            pub const ALL: &'static [Rule] = &[$(Rule::$code),+];

            /// The stable code, e.g. `S06`.
            pub fn code(self) -> &'static str {
                match self { $(Rule::$code => stringify!($code),)+ }
            }

            /// Fixed severity of the rule.
            pub fn severity(self) -> Severity {
                match self { $(Rule::$code => Severity::$sev,)+ }
            }

            /// One-line description of what the rule checks.
            pub fn title(self, lang: Lang) -> &'static str {
                match self { $(Rule::$code => lang.pick($zh, $en),)+ }
            }
        }
    };
}

rules! {
    H01 Error "旗县代码须为 15 开头的 6 位数字" "County code must be 6 digits starting with 15";
    H02 Error "方案所用目录与校验目录不一致" "Plan's catalog differs from the catalog used to validate";
    H03 Error "年度不在目录适用年度内" "Year outside the catalog's years";
    H04 Error "调整方案须填写调整原因" "An adjustment needs a reason";
    H05 Warning "所属盟市与旗县代码不符" "League does not match the county code";
    H06 Error "版本须从 1 起" "Revision must be 1 or more";
    S01 Error "目录资金缺少来源行" "Catalog line missing from sources";
    S02 Error "资金代码重复" "Source line code repeated";
    S03 Error "资金代码不在目录中或格式错误" "Line code unknown, malformed or of the wrong level";
    S04 Error "资金名称、级次或大类与目录不符" "Line name, level or category differs from the catalog";
    S05 Error "金额为负数" "Negative amount";
    S06 Error "纳入整合金额大于下达金额" "Integrated exceeds allocated";
    S07 Error "未纳入整合资金须逐项说明原因" "Amount not integrated needs a reason";
    S08 Warning "未纳入盟市或旗县本级资金" "No league or county own funds integrated";
    S09 Error "旗县类型不能整合该级次资金" "Banner kind may not integrate this level's funds";
    P01 Error "项目编号重复" "Project id repeated";
    P02 Error "项目资金来源不存在" "Funding names a line with no source row";
    P03 Error "安排金额须大于零" "Funding amount must be positive";
    P04 Error "项目未安排资金" "Project has no funding";
    P05 Error "项目名称、苏木乡镇或实施单位为空" "Project name, township or unit blank";
    P06 Warning "绩效目标为空或受益户为零" "Targets blank or no beneficiary households";
    P07 Warning "项目涉及负面清单内容" "Project mentions a negative-list item";
    P08 Error "同一项目重复使用同一资金" "Same line twice in one project";
    P09 Error "自筹及其他资金为负数" "Other funds negative";
    B01 Error "资金超额安排" "Line over-arranged";
    B02 Error "整合资金未安排完毕" "Integrated funds not fully arranged";
    B03 Warning "产业发展资金占比低于下限" "Industry share below minimum";
    B04 Warning "项目管理费占比超过上限" "Management share above maximum";
    B05 Error "纳入整合资金合计为零" "Integrated total is zero";
    X01 Info "跨类别使用资金" "Funds used across categories";
    D01 Error "方案提交后被修改" "Plan modified after submission";
}
