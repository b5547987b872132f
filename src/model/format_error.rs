//! Why a template or project file could not be used, with the place inside
//! the file: a JSON path for a wrong value, a line and column for bad syntax.

use serde::de::DeserializeOwned;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{place}：{message}")]
pub struct FormatError {
    /// `第3行第5列` or a JSON path such as `sections[1].fields[0].unit`.
    pub place: String,
    pub message: String,
}

impl FormatError {
    pub fn at_path(path: impl Into<String>, message: impl Into<String>) -> Self {
        let path = path.into();
        FormatError {
            place: if path.is_empty() || path == "." {
                "文件顶层".into()
            } else {
                path
            },
            message: message.into(),
        }
    }

    pub fn at_line(line: usize, column: usize, message: impl Into<String>) -> Self {
        FormatError {
            place: format!("第{line}行第{column}列"),
            message: message.into(),
        }
    }

    /// At the end of line `line` (1-based): where a file that stops short
    /// stops, or a line break that does not belong.
    fn at_line_end(line: usize, message: impl Into<String>) -> Self {
        FormatError {
            place: format!("第{line}行末尾"),
            message: message.into(),
        }
    }

    /// serde_json's place made one a reader can find: it counts bytes (a
    /// Chinese character is three) and says column 0 when it stopped on a
    /// line break or at the end of the text, which names no character. The
    /// column is counted in characters, as editors count it; column 0 names
    /// the end of the line the break ends, or for a file cut short the end
    /// of its last line with something on it.
    fn at_syntax(text: &str, err: &serde_json::Error, message: String) -> Self {
        let lines: Vec<&str> = text.split('\n').collect();
        let (line, column) = (err.line(), err.column());
        if column == 0 {
            let end = if err.classify() == serde_json::error::Category::Eof {
                lines
                    .iter()
                    .rposition(|l| !l.trim().is_empty())
                    .map(|i| i + 1)
            } else {
                line.checked_sub(1).filter(|l| *l > 0)
            };
            return match end {
                Some(line) => Self::at_line_end(line, message),
                None => Self::at_path("", message),
            };
        }
        // The character holding the byte serde_json stopped on.
        let chars = line
            .checked_sub(1)
            .and_then(|i| lines.get(i))
            .map(|l| l.char_indices().take_while(|(at, _)| *at < column).count());
        Self::at_line(line, chars.unwrap_or(column), message)
    }

    /// Deserialises JSON, naming the JSON path of a wrong value and the line
    /// of a syntax error.
    pub fn deserialize<T: DeserializeOwned>(text: &str) -> Result<T, FormatError> {
        // Tracking the path costs a wrapper around every value read, 170 KB
        // of code run at every start; a file that reads needs no path, so
        // only one that does not is read again with it.
        if let Ok(value) = serde_json::from_str(text) {
            return Ok(value);
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let value: T = serde_path_to_error::deserialize(&mut de).map_err(|err| {
            let path = err.path().to_string();
            Self::from_json_error(text, &path, &err.into_inner())
        })?;
        de.end()
            .map_err(|err| Self::from_json_error(text, "", &err))?;
        Ok(value)
    }

    fn from_json_error(text: &str, path: &str, err: &serde_json::Error) -> FormatError {
        use serde_json::error::Category;
        match err.classify() {
            Category::Syntax | Category::Eof | Category::Io => {
                FormatError::at_syntax(text, err, explain_syntax(err))
            }
            Category::Data => FormatError::at_path(path, explain_data(&strip_position(err))),
        }
    }
}

/// A syntax error in words, serde_json's own at the end in brackets.
fn explain_syntax(err: &serde_json::Error) -> String {
    let original = strip_position(err);
    let words = if err.classify() == serde_json::error::Category::Eof {
        Some("文件不完整：JSON 在此处意外结束，可能是被截断了")
    } else {
        syntax_words(&original)
    };
    match words {
        Some(words) => format!("{words}（{original}）"),
        None => format!("JSON 语法错误（{original}）"),
    }
}

fn syntax_words(message: &str) -> Option<&'static str> {
    Some(match message {
        "expected `:`" => "JSON 语法错误：字段名后应为冒号",
        "expected `,` or `]`" => "JSON 语法错误：列表的条目之间应为逗号，列表以 ] 结束",
        "expected `,` or `}`" => "JSON 语法错误：字段之间应为逗号，对象以 } 结束",
        "expected ident" => "JSON 语法错误：此处的单词只能是 true、false 或 null",
        // Also what serde_json says for a value of a kind nothing here
        // can be (a number where a word from a list belongs).
        "expected value" => "JSON 语法错误：此处缺少值，或值的写法或类型不对，文字要加双引号",
        "expected `\"`" => "JSON 语法错误：此处应为双引号",
        "invalid escape" => {
            "JSON 语法错误：文字中的转义无效，反斜杠后只能是 \" \\ / b f n r t u，反斜杠本身写作 \\\\"
        }
        "invalid number" => "JSON 语法错误：数字的写法无效",
        "number out of range" => "JSON 语法错误：数字超出范围",
        "invalid unicode code point" | "lone leading surrogate in hex escape" => {
            "JSON 语法错误：\\u 转义不是有效的字符"
        }
        "unexpected end of hex escape" => "JSON 语法错误：\\u 转义不完整",
        "key must be a string" => "JSON 语法错误：字段名必须是带双引号的文字",
        "trailing comma" => "JSON 语法错误：最后一项后面多了逗号",
        "trailing characters" => "JSON 语法错误：JSON 结束后还有多余的内容",
        // serde_json stops at 128 levels; no ziping file comes near.
        "recursion limit exceeded" => "嵌套层数过多：JSON 的列表和对象最多嵌套 128 层",
        m if m.starts_with("control character") => {
            "JSON 语法错误：文字中有控制字符，如换行、制表符，应写作 \\n、\\t"
        }
        _ => return None,
    })
}

/// A wrong value in words, serde's own at the end in brackets. ziping's
/// own messages (a template's mistakes) are Chinese already and stay as
/// they are.
fn explain_data(message: &str) -> String {
    match data_words(message) {
        Some(words) => format!("{words}（{message}）"),
        None if !message.is_ascii() => message.to_string(),
        None => format!("内容不符合要求（{message}）"),
    }
}

fn data_words(m: &str) -> Option<String> {
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        let (found, expected) = rest.rsplit_once(", expected ")?;
        return Some(mismatch("值的类型不对", found, expected));
    }
    if let Some(rest) = m.strip_prefix("invalid value: ") {
        let (found, expected) = rest.rsplit_once(", expected ")?;
        return Some(mismatch("值不对", found, expected));
    }
    if let Some(rest) = m.strip_prefix("invalid length ") {
        let (count, _) = rest.split_once(", expected ")?;
        return Some(format!("条目数不对：文件中有 {count} 项"));
    }
    if let Some(name) = m.strip_prefix("missing field `") {
        return Some(format!("缺少字段 {}", name.strip_suffix('`')?));
    }
    if let Some(name) = m.strip_prefix("duplicate field `") {
        return Some(format!("字段 {} 重复", name.strip_suffix('`')?));
    }
    for (prefix, what) in [("unknown field `", "字段"), ("unknown variant `", "取值")] {
        if let Some(rest) = m.strip_prefix(prefix) {
            let (name, allowed) = rest.split_once('`')?;
            let allowed: Vec<&str> = allowed.split('`').skip(1).step_by(2).collect();
            return Some(if allowed.is_empty() {
                format!("不认识的{what} {name}")
            } else {
                format!(
                    "不认识的{what} {name}，可用的{what}：{}",
                    allowed.join("、")
                )
            });
        }
    }
    if let Some(kind) = m.strip_prefix("data did not match any variant of untagged enum ") {
        return Some(match kind {
            "Formula" => "公式的写法不对：应为一行文字，或多行文字组成的列表".to_string(),
            _ => "值的写法不对".to_string(),
        });
    }
    None
}

/// `值的类型不对：文件中是整数 5，应为文字`, with what is known of the two.
fn mismatch(what: &str, found: &str, expected: &str) -> String {
    let found = found_words(found).map(|f| format!("文件中是{f}"));
    let expected = expected_words(expected).map(|e| format!("应为{e}"));
    match (found, expected) {
        (Some(f), Some(e)) => format!("{what}：{f}，{e}"),
        (Some(one), None) | (None, Some(one)) => format!("{what}：{one}"),
        (None, None) => what.to_string(),
    }
}

/// serde's `Unexpected` in words: `integer `5`` → `整数 5`.
fn found_words(found: &str) -> Option<String> {
    let quoted = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .and_then(|r| r.strip_prefix('`'))
            .and_then(|r| r.strip_suffix('`'))
            .map(str::to_string)
    };
    let words = [
        ("boolean ", "真假值 "),
        ("integer ", "整数 "),
        ("floating point ", "小数 "),
        ("character ", "字符 "),
    ];
    for (prefix, word) in words {
        if let Some(value) = quoted(prefix) {
            return Some(format!("{word}{value}"));
        }
    }
    if let Some(text) = found.strip_prefix("string ") {
        return Some(format!("文字 {text}"));
    }
    Some(
        match found {
            "unit value" | "null" => "空值 null",
            "sequence" => "列表",
            "map" => "对象",
            "byte array" => "字节串",
            _ => return None,
        }
        .to_string(),
    )
}

/// What serde expected, in words: `u32` → `非负整数`.
fn expected_words(expected: &str) -> Option<&'static str> {
    Some(match expected {
        "a string" | "a borrowed string" | "string" => "文字",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "非负整数",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "整数",
        "f32" | "f64" => "数字",
        "a boolean" => "真假值 true 或 false",
        "a sequence" | "a list" => "列表 […]",
        "a map" => "对象 {…}",
        "unit" => "null",
        "a character" => "单个字符",
        e if e.starts_with("struct ") => "对象 {…}",
        e if e.starts_with("a tuple") => "列表 […]",
        e if e.contains("Decimal") => "数字",
        _ => return None,
    })
}

/// serde_json appends " at line L column C"; the place is reported separately.
fn strip_position(err: &serde_json::Error) -> String {
    let message = err.to_string();
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_syntax_error_names_a_character_or_the_end_of_a_line_never_column_0() {
        let cases = [
            // A file cut short names the end of its last line with text.
            ("{\n", "第1行末尾"),
            ("{\n  \"name\": \"a\",\n\n", "第2行末尾"),
            ("{\"name\": ", "第1行第9列"),
            // Characters, not bytes: 名 is three bytes, one character.
            ("{\"name\": \"名\" 5}", "第1行第14列"),
            ("{\"name\": \"a\" 5}", "第1行第14列"),
            ("{\n  \"name\": }", "第2行第11列"),
            // A line break inside a string: the end of the line it ends.
            ("{\"name\": \"a\nb\"}", "第1行末尾"),
            ("{\"name\": \"a\", \"count\": 1} 多余", "第1行第27列"),
        ];
        for (text, want) in cases {
            let err = FormatError::deserialize::<Probe>(text)
                .map(|_| ())
                .unwrap_err();
            assert_eq!(err.place, want, "{text:?}: {err}");
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)] // Only read to be refused.
    struct Probe {
        name: String,
        count: u32,
        #[serde(default)]
        items: Vec<String>,
        #[serde(default)]
        side: Option<Side>,
        #[serde(default)]
        nested: Option<serde_json::Value>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Side {
        Left,
        Right,
    }

    /// Phrases of serde's that must not be left outside the brackets.
    const ENGLISH: [&str; 12] = [
        "invalid",
        "expected",
        "missing",
        "unknown",
        "recursion",
        "EOF",
        "trailing",
        "must be",
        "control",
        "escape",
        "found",
        "variant",
    ];

    #[test]
    fn what_serde_says_is_put_in_words_with_its_own_at_the_end() {
        let deep = format!(
            r#"{{"name": "a", "count": 1, "nested": {}1{}}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        let cases: Vec<(String, &str, &str)> = vec![
            (
                r#"{"name": "a", "count": "1"}"#.into(),
                "count：值的类型不对：文件中是文字 \"1\"，应为非负整数",
                "invalid type: string \"1\", expected u32",
            ),
            (
                r#"{"name": 5, "count": 1}"#.into(),
                "name：值的类型不对：文件中是整数 5，应为文字",
                "invalid type: integer `5`, expected a string",
            ),
            (
                r#"{"name": "a", "count": -1}"#.into(),
                "count：值不对：文件中是整数 -1，应为非负整数",
                "invalid value: integer `-1`, expected u32",
            ),
            (
                r#"{"name": "a", "count": 1, "items": {}}"#.into(),
                "items：值的类型不对：文件中是对象，应为列表 […]",
                "invalid type: map, expected a sequence",
            ),
            (
                r#"{"name": null, "count": 1}"#.into(),
                "name：值的类型不对：文件中是空值 null，应为文字",
                "invalid type: null, expected a string",
            ),
            (
                r#"{"name": "a"}"#.into(),
                "文件顶层：缺少字段 count",
                "missing field `count`",
            ),
            (
                r#"{"name": "a", "count": 1, "colour": 2}"#.into(),
                "colour：不认识的字段 colour，可用的字段：name、count、items、side、nested",
                "unknown field `colour`, expected one of",
            ),
            (
                r#"{"name": "a", "count": 1, "side": "up"}"#.into(),
                "side：不认识的取值 up，可用的取值：left、right",
                "unknown variant `up`, expected `left` or `right`",
            ),
            (
                r#"{"name": "a", "count": 1, "name": "b"}"#.into(),
                "文件顶层：字段 name 重复",
                "duplicate field `name`",
            ),
            (
                deep,
                "第1行第163列：嵌套层数过多：JSON 的列表和对象最多嵌套 128 层",
                "recursion limit exceeded",
            ),
            (
                r#"{"name": "a", "count": 1} x"#.into(),
                "第1行第27列：JSON 语法错误：JSON 结束后还有多余的内容",
                "trailing characters",
            ),
            (
                r#"{"name": "a", "count": 1,}"#.into(),
                "第1行第26列：JSON 语法错误：最后一项后面多了逗号",
                "trailing comma",
            ),
            (
                "{\"name\": \"a\tb\", \"count\": 1}".into(),
                "第1行第12列：JSON 语法错误：文字中有控制字符",
                "control character (\\u0000-\\u001F) found while parsing a string",
            ),
            (
                r#"{"name": "a\qb", "count": 1}"#.into(),
                "第1行第13列：JSON 语法错误：文字中的转义无效",
                "invalid escape",
            ),
            (
                r#"{"name": "a", "count": -}"#.into(),
                "第1行第25列：JSON 语法错误：数字的写法无效",
                "invalid number",
            ),
            (
                r#"{"name": "a", "count": 1e999}"#.into(),
                "第1行第28列：JSON 语法错误：数字超出范围",
                "number out of range",
            ),
            (
                r#"{name: "a", "count": 1}"#.into(),
                "第1行第2列：JSON 语法错误：字段名必须是带双引号的文字",
                "key must be a string",
            ),
            (
                r#"{"name" "a", "count": 1}"#.into(),
                "第1行第9列：JSON 语法错误：字段名后应为冒号",
                "expected `:`",
            ),
            (
                r#"{"name": "a", "count": 1, "items": ["x" "y"]}"#.into(),
                "第1行第41列：JSON 语法错误：列表的条目之间应为逗号",
                "expected `,` or `]`",
            ),
            (
                r#"{"name": "a", "count": 1, "side": nope}"#.into(),
                "第1行第36列：JSON 语法错误：此处的单词只能是 true、false 或 null",
                "expected ident",
            ),
            (
                r#"{"name": "a", "count": 1, "side": 5}"#.into(),
                "第1行第35列：JSON 语法错误：此处缺少值，或值的写法或类型不对",
                "expected value",
            ),
            (
                r#"{"name": "a", "count": "#.into(),
                "第1行第23列：文件不完整：JSON 在此处意外结束，可能是被截断了",
                "EOF while parsing a value",
            ),
        ];
        let mut wrong = Vec::new();
        for (text, want, original) in cases {
            let err = FormatError::deserialize::<Probe>(&text).expect_err(&text);
            let got = err.to_string();
            if !got.starts_with(want) {
                wrong.push(format!("{text}\n got: {got}\nwant: {want}"));
                continue;
            }
            let (words, bracket) = got.rsplit_once('（').expect("brackets");
            assert!(
                bracket.starts_with(original) && bracket.ends_with('）'),
                "{text}: the original at the end: {got}"
            );
            for phrase in ENGLISH {
                assert!(!words.contains(phrase), "{text}: English in {words}");
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn ziping_own_messages_stay_as_they_are() {
        assert_eq!(
            explain_data("单位“美元”不是可用的单位"),
            "单位“美元”不是可用的单位"
        );
        assert_eq!(
            explain_data("something else entirely"),
            "内容不符合要求（something else entirely）"
        );
    }
}
