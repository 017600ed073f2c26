//! The screens of the left navigation.

use crate::Lang;

/// The screens of the left navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// 基本信息.
    Header,
    /// 资金来源.
    Sources,
    /// 项目安排.
    Projects,
    /// 整合矩阵.
    Matrix,
    /// 校验结果.
    Findings,
    /// 审核意见: decision and comments.
    Review,
    /// 版本比较.
    Compare,
    /// 汇总: the league's roll-up.
    Summary,
    /// 目录: the catalog the plan is judged against, and its draft.
    Catalog,
}

impl Screen {
    /// All screens, in navigation order.
    pub const ALL: [Screen; 9] = [
        Screen::Header,
        Screen::Sources,
        Screen::Projects,
        Screen::Matrix,
        Screen::Findings,
        Screen::Review,
        Screen::Compare,
        Screen::Summary,
        Screen::Catalog,
    ];

    /// The navigation label.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Screen::Header => lang.pick("基本信息", "Basics"),
            Screen::Sources => lang.pick("资金来源", "Fund sources"),
            Screen::Projects => lang.pick("项目安排", "Projects"),
            Screen::Matrix => lang.pick("整合矩阵", "Integration matrix"),
            Screen::Findings => lang.pick("校验结果", "Findings"),
            Screen::Review => lang.pick("审核意见", "Review"),
            Screen::Compare => lang.pick("版本比较", "Compare"),
            Screen::Summary => lang.pick("汇总", "Roll-up"),
            Screen::Catalog => lang.pick("目录", "Catalog"),
        }
    }
}
