//! A report's own wording: the heading of a section (`heading.basic`) and
//! the title pattern (`title`) changed in the project, not in a new
//! template. `ziping set`, `ziping fields` and the editor all go through
//! here, so they refuse and accept the same things.

use super::project::Project;
use super::text::placeholders;

/// The path prefix of a section's heading: `heading.basic`.
pub const HEADING: &str = "heading.";
/// The path of the title pattern.
pub const TITLE: &str = "title";

/// Whether `path` names wording rather than a field. A template field
/// called `title` or `heading` keeps its path: fields come first.
pub fn is_wording(project: &Project, path: &str) -> bool {
    let first = path.split('.').next().unwrap_or_default();
    if project.template.field(first).is_some() {
        return false;
    }
    path == TITLE || path.starts_with(HEADING)
}

/// Sets the heading of section `id` to `text`; an empty text (or the
/// template's own words) goes back to the template's heading. Returns
/// whether anything changed; refuses an unknown section or a heading of
/// several lines.
pub fn set_heading(project: &mut Project, id: &str, text: &str) -> Result<bool, String> {
    let walk = project.template.walk();
    let Some(section) = walk.iter().find(|r| r.section.id == id).map(|r| r.section) else {
        let ids: Vec<&str> = walk.iter().map(|r| r.section.id.as_str()).collect();
        return Err(format!("没有名为“{id}”的章节；章节有：{}", ids.join("、")));
    };
    let text = text.trim();
    if text.contains('\n') {
        return Err(format!("标题“{id}”只能是一行文字"));
    }
    // The template's words are no wording of the report's own: stored, they
    // would hide a later template's change of them (or, for a project's
    // section, a later change of the project's name).
    let own = !text.is_empty()
        && text != section.heading
        && text != project.template_heading(section).as_ref();
    let before = project.headings.get(id).cloned();
    if own {
        project.headings.insert(id.to_string(), text.to_string());
    } else {
        project.headings.shift_remove(id);
    }
    Ok(project.headings.get(id) != before.as_ref())
}

/// Sets the title pattern, one line per `\n`, with the template's
/// `{field}` placeholders; empty goes back to the template's title.
pub fn set_title(project: &mut Project, text: &str) -> Result<bool, String> {
    let lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    for line in &lines {
        let ids = placeholders(line).map_err(|e| format!("标题格式“{line}”：{e}"))?;
        if let Some(id) = ids.iter().find(|id| project.template.field(id).is_none()) {
            return Err(format!(
                "标题格式中的“{{{id}}}”不是本模板的字段；用 ziping fields 文件 查看所有路径"
            ));
        }
    }
    let lines = if lines == project.template.title {
        Vec::new()
    } else {
        lines
    };
    let changed = lines != project.title;
    project.title = lines;
    Ok(changed)
}

/// `ziping set` on a wording path.
pub fn assign(project: &mut Project, path: &str, text: &str) -> Result<bool, String> {
    match path.strip_prefix(HEADING) {
        Some(id) => set_heading(project, id, text),
        None => set_title(project, text),
    }
}

/// The wording paths with what they hold now: the title pattern, then each
/// section's heading in outline order.
pub fn listing(project: &Project) -> Vec<(String, String, String)> {
    let mut out = vec![(
        TITLE.to_string(),
        "报告标题格式".to_string(),
        project.title_lines().join("\n"),
    )];
    for r in project.template.walk() {
        out.push((
            format!("{HEADING}{}", r.section.id),
            format!("章节标题（模板：{}）", r.section.heading),
            project.heading_of(r.section).to_string(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn headings_are_set_cleared_and_refused() {
        let mut project = catalog::new_project("project-selfeval");
        let id = project.template.sections[0].id.clone();
        let template = project.template.sections[0].heading.clone();
        // (section, text typed, answer, heading stored after).
        type Case<'a> = (&'a str, &'a str, Result<bool, &'a str>, Option<&'a str>);
        let cases: &[Case] = &[
            (&id, "部门基本情况", Ok(true), Some("部门基本情况")),
            (&id, " 部门基本情况 ", Ok(false), Some("部门基本情况")),
            (&id, &template, Ok(true), None),
            (&id, "另一个说法", Ok(true), Some("另一个说法")),
            (&id, "", Ok(true), None),
            (&id, "", Ok(false), None),
            (&id, "两\n行", Err("只能是一行文字"), None),
            ("nope", "x", Err("没有名为“nope”的章节；章节有："), None),
        ];
        for (section, text, want, stored) in cases {
            let got = set_heading(&mut project, section, text);
            match (want, &got) {
                (Ok(w), Ok(g)) => assert_eq!(w, g, "{section} {text}"),
                (Err(w), Err(g)) => assert!(g.contains(w), "{g}"),
                _ => panic!("{section} {text}: {got:?}"),
            }
            assert_eq!(project.headings.get(&id).map(String::as_str), *stored);
        }
    }

    #[test]
    fn title_patterns_name_fields_of_the_template() {
        let mut project = catalog::new_project("project-selfeval");
        let template = project.template.title.join("\n");
        assert_eq!(set_title(&mut project, "{unit}绩效自评报告"), Ok(true));
        assert_eq!(project.title_lines(), ["{unit}绩效自评报告"]);
        let err = set_title(&mut project, "{nope}报告")
            .err()
            .unwrap_or_default();
        assert!(err.contains("“{nope}”不是本模板的字段"), "{err}");
        assert!(set_title(&mut project, "{unit报告").is_err());
        assert_eq!(set_title(&mut project, &template), Ok(true));
        assert!(project.title.is_empty());
        assert_eq!(set_title(&mut project, "{unit}报告"), Ok(true));
        assert_eq!(set_title(&mut project, ""), Ok(true));
        assert_eq!(project.title_lines(), project.template.title.as_slice());
    }

    #[test]
    fn a_field_named_title_keeps_its_path() {
        let project = catalog::new_project("project-selfeval");
        assert!(is_wording(&project, "title"));
        assert!(is_wording(&project, "heading.basic"));
        assert!(!is_wording(&project, "unit"));
    }
}
