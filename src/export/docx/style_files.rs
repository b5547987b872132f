//! Where print styles come from: the ones built into the binary (`styles/`)
//! and the user's own JSON files in `<config dir>/styles/`. A user file
//! with a built-in style's name replaces it everywhere (the styles that
//! inherit it too); one that `inherits` its own name changes the built-in.

use std::path::Path;

use crate::model::format_error::FormatError;
use crate::model::schema::PrintStyle;
use crate::storage;

use super::style::Style;

/// The style everything rests on, and the one a template without a
/// `style` block prints in.
pub const DEFAULT_STYLE: &str = "gbt9704";

const BUILTIN: [(&str, &str); 2] = [
    ("gbt9704", include_str!("../../../styles/gbt9704.json")),
    (
        "common-fonts",
        include_str!("../../../styles/common-fonts.json"),
    ),
];

pub fn builtin_names() -> impl Iterator<Item = &'static str> {
    BUILTIN.iter().map(|(name, _)| *name)
}

/// The style a report prints in: the style named `chosen` (`export
/// --style`) if given, else the template's `style` block over what it
/// inherits, else the default. The error says which file or name is wrong
/// and what to do.
pub fn style_for(
    template: Option<&PrintStyle>,
    chosen: Option<&str>,
    user_dir: Option<&Path>,
) -> Result<Style, String> {
    let spec = match (chosen, template) {
        (Some(name), _) => named(name, user_dir, &[], false)?,
        (None, Some(block)) => {
            let base = block.inherits.as_deref().unwrap_or(DEFAULT_STYLE);
            let base =
                named(base, user_dir, &[], false).map_err(|e| format!("模板的 style：{e}"))?;
            block.over(&base)
        }
        (None, None) => named(DEFAULT_STYLE, user_dir, &[], false)?,
    };
    Style::from_spec(&spec)
}

/// The style `name` with everything it inherits laid under it. A user file
/// comes first unless `builtin_only` (a user file inheriting its own name).
/// `inheriting` is the chain that led here: meeting a style of it again is
/// a cycle, however long the chain.
fn named(
    name: &str,
    user_dir: Option<&Path>,
    inheriting: &[(&str, bool)],
    builtin_only: bool,
) -> Result<PrintStyle, String> {
    if inheriting.contains(&(name, builtin_only)) {
        let chain: Vec<&str> = inheriting.iter().map(|(n, _)| *n).chain([name]).collect();
        return Err(format!(
            "排版样式的 inherits 形成了循环：{}",
            chain.join(" → ")
        ));
    }
    let inheriting = [inheriting, &[(name, builtin_only)]].concat();
    let user_file = user_dir
        .filter(|_| !builtin_only)
        .map(|dir| dir.join(format!("{name}.json")))
        .filter(|path| path.is_file());
    let spec = match &user_file {
        Some(path) => {
            let text = storage::read_text(path).map_err(|e| e.to_string())?;
            parse(&text).map_err(|e| format!("{}：{e}", path.display()))?
        }
        None => {
            let (_, text) = BUILTIN
                .iter()
                .find(|(n, _)| *n == name)
                .ok_or_else(|| unknown(name, user_dir))?;
            parse(text).map_err(|e| format!("内置排版样式 {name}：{e}"))?
        }
    };
    let base = match spec.inherits.as_deref() {
        Some(parent) => {
            let own_name = user_file.is_some() && parent == name;
            named(parent, user_dir, &inheriting, own_name)?
        }
        // The root: the built-in default rests on nothing.
        None if user_file.is_none() && name == DEFAULT_STYLE => PrintStyle::default(),
        None => named(
            DEFAULT_STYLE,
            user_dir,
            &inheriting,
            user_file.is_some() && name == DEFAULT_STYLE,
        )?,
    };
    Ok(spec.over(&base))
}

fn parse(text: &str) -> Result<PrintStyle, FormatError> {
    FormatError::deserialize(text)
}

fn unknown(name: &str, user_dir: Option<&Path>) -> String {
    let builtin: Vec<_> = builtin_names().collect();
    let mut message = format!(
        "没有名为 \"{name}\" 的排版样式；内置的有 {}",
        builtin.join("、")
    );
    if let Some(dir) = user_dir {
        message.push_str(&format!("，自己的样式放在 {}/NAME.json", dir.display()));
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in files {
            std::fs::write(dir.path().join(format!("{name}.json")), text).expect("write");
        }
        dir
    }

    #[test]
    fn every_builtin_style_is_whole() {
        for name in builtin_names() {
            let style = style_for(None, Some(name), None).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!((style.lines, style.chars), (22, 28), "{name}");
        }
        let common = style_for(None, Some("common-fonts"), None).expect("common-fonts");
        assert_eq!(common.body.family, "仿宋");
        assert_eq!(common.heading(0).family, "黑体", "inherited from gbt9704");
        assert_eq!(common.heading(1).family, "楷体");
    }

    #[test]
    fn a_template_block_lays_over_what_it_inherits() {
        let block: PrintStyle =
            serde_json::from_str(r#"{"inherits": "common-fonts", "table": {"size": "五号"}}"#)
                .expect("block");
        let style = style_for(Some(&block), None, None).expect("style");
        assert_eq!(
            (style.table.family.as_str(), style.table.size),
            ("仿宋", 21)
        );
        let chosen = style_for(Some(&block), Some("gbt9704"), None).expect("chosen");
        assert_eq!(
            chosen.table.size, 24,
            "--style replaces the template's block"
        );
    }

    #[test]
    fn a_user_file_changes_a_builtin_for_every_style_resting_on_it() {
        let dir = user_dir(&[(
            "gbt9704",
            r#"{"inherits": "gbt9704", "headings": [{}, {}, {"bold": false}]}"#,
        )]);
        for name in ["gbt9704", "common-fonts"] {
            let style = style_for(None, Some(name), Some(dir.path())).expect(name);
            assert!(!style.heading(2).bold, "{name}");
            assert_eq!(style.heading(0).family, "黑体", "{name}");
        }
        let plain = user_dir(&[("gbt9704", r#"{"chars": 27}"#)]);
        let style = style_for(None, None, Some(plain.path())).expect("no inherits");
        assert_eq!(
            (style.chars, style.body.family.as_str()),
            (27, "仿宋_GB2312")
        );
    }

    #[test]
    fn a_long_chain_of_styles_is_not_a_cycle() {
        // s11 inherits s10 … s1 inherits gbt9704: deep, but no style twice.
        let files: Vec<(String, String)> = (1..=11)
            .map(|i| {
                let parent = if i == 1 {
                    "gbt9704".to_string()
                } else {
                    format!("s{}", i - 1)
                };
                (
                    format!("s{i}"),
                    format!(r#"{{"inherits": "{parent}", "chars": {}}}"#, 20 + i),
                )
            })
            .collect();
        let named: Vec<(&str, &str)> = files
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let dir = user_dir(&named);
        let style = style_for(None, Some("s11"), Some(dir.path())).expect("a chain of 11");
        assert_eq!(
            (style.chars, style.body.family.as_str()),
            (31, "仿宋_GB2312")
        );
    }

    #[test]
    fn broken_names_files_and_cycles_say_what_is_wrong() {
        let unknown = style_for(None, Some("guangdong"), None).expect_err("unknown");
        assert!(
            unknown.contains("guangdong") && unknown.contains("gbt9704"),
            "{unknown}"
        );
        let dir = user_dir(&[
            ("a", r#"{"inherits": "b"}"#),
            ("b", r#"{"inherits": "a"}"#),
            ("typo", r#"{"body": {"size": "大号"}}"#),
        ]);
        let cycle = style_for(None, Some("a"), Some(dir.path())).expect_err("cycle");
        assert!(cycle.contains("循环：a → b → a"), "{cycle}");
        let typo = style_for(None, Some("typo"), Some(dir.path())).expect_err("typo");
        assert!(
            typo.contains("typo.json") && typo.contains("大号"),
            "{typo}"
        );
    }
}
