//! 关于 fundplan.

use super::*;

pub(super) fn about_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    ui.heading(format!("fundplan {}", env!("CARGO_PKG_VERSION")));
    ui.label(view.t(
        "贫困旗县统筹整合使用财政涉农涉牧资金方案编制与审核工具。",
        "Drafting and review of poverty banners' consolidated agriculture and pastoral fund plans.",
    ));
    ui.label(format!(
        "{}MIT OR Apache-2.0",
        view.t("许可：", "Licence: ")
    ));
    ui.label(crate::digest::seal_means(view.lang()));
    for (id, _) in catalog::EMBEDDED {
        let c = catalog::embedded(id);
        let (title, years) = c.map(|c| (c.title, c.years)).unwrap_or_default();
        // Catalog titles usually name their years already (…目录（2017—2020）).
        let zh_period = format!("（{}—{}）", years.0, years.1);
        let period = if title.contains(&zh_period) {
            String::new()
        } else {
            view.lang().paren(&format!("{}-{}", years.0, years.1))
        };
        ui.label(format!(
            "{}{id}  {title}{period}",
            view.t("内置资金目录：", "Built-in catalog: "),
        ));
    }
    ui.label(view.t(
        "字体：Noto Sans CJK SC（SIL OFL 1.1）",
        "Font: Noto Sans CJK SC (SIL OFL 1.1)",
    ));
    let data = eframe::storage_dir("fundplan").map_or_else(
        || view.t("（不可用）", "(unavailable)").to_string(),
        |d| d.display().to_string(),
    );
    ui.label(format!(
        "{}{data}",
        view.t("设置与恢复文件位置：", "Settings and recovery files: ")
    ));
    ok_ui(ui, view, out);
}
