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

    /// Deserialises JSON, naming the JSON path of a wrong value and the line
    /// of a syntax error.
    pub fn deserialize<T: DeserializeOwned>(text: &str) -> Result<T, FormatError> {
        let mut de = serde_json::Deserializer::from_str(text);
        let value: T = serde_path_to_error::deserialize(&mut de).map_err(|err| {
            let path = err.path().to_string();
            Self::from_json_error(&path, &err.into_inner())
        })?;
        de.end().map_err(|err| Self::from_json_error("", &err))?;
        Ok(value)
    }

    fn from_json_error(path: &str, err: &serde_json::Error) -> FormatError {
        use serde_json::error::Category;
        match err.classify() {
            Category::Syntax | Category::Eof | Category::Io => {
                FormatError::at_line(err.line(), err.column(), explain_syntax(err))
            }
            Category::Data => FormatError::at_path(path, strip_position(&err.to_string())),
        }
    }
}

fn explain_syntax(err: &serde_json::Error) -> String {
    if err.classify() == serde_json::error::Category::Eof {
        "文件不完整（JSON 在此处意外结束），可能是被截断了".to_string()
    } else {
        format!("JSON 语法错误：{}", strip_position(&err.to_string()))
    }
}

/// serde_json appends " at line L column C"; the place is reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}
