//! Control characters in what a person writes: NUL and the other C0
//! control characters, DEL and the C1 controls (U+0080 to U+009F, among
//! them the terminal's CSI), but for tab, line feed and carriage return, are
//! refused in every key and every text of a mission or rulebook (the
//! loaders find them in a file's tree, `Mission::new` and `Rulebook::new`
//! in data built in memory), so that none reaches a report, a page or a
//! terminal.

use crate::error::{DocPath, PathSegment, Problem};

/// The first control character of `s` that is refused, if any.
pub(crate) fn refused(s: &str) -> Option<char> {
    s.chars()
        .find(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// The problem of a control character, in a key or in a text.
pub(crate) fn problem(path: DocPath, c: char, in_key: bool) -> Problem {
    let place = if in_key { "key" } else { "text" };
    Problem::new(
        path,
        format!(
            "a control character (U+{:04X}) in the {place}; remove it",
            u32::from(c)
        ),
    )
}

/// Every key and text of data built in memory (a mission or a rulebook)
/// holding a control character, with its path as in the file the data
/// would be written to.
pub(crate) fn in_data<T: serde::Serialize>(data: &T) -> Vec<Problem> {
    let mut found = Vec::new();
    // Data that cannot be written as TOML has no file form to name paths
    // in; its checks report what is wrong with it.
    if let Ok(toml::Value::Table(t)) = toml::Value::try_from(data) {
        in_written(&toml::Value::Table(t), &mut DocPath::root(), &mut found);
    }
    found
}

fn in_written(v: &toml::Value, path: &mut DocPath, found: &mut Vec<Problem>) {
    match v {
        toml::Value::String(s) => {
            if let Some(c) = refused(s) {
                found.push(problem(path.clone(), c, false));
            }
        }
        toml::Value::Table(t) => {
            for (k, v) in t {
                path.0.push(PathSegment::Key(k.clone()));
                if let Some(c) = refused(k) {
                    found.push(problem(path.clone(), c, true));
                }
                in_written(v, path, found);
                path.0.pop();
            }
        }
        toml::Value::Array(a) => {
            for (i, item) in a.iter().enumerate() {
                path.0.push(PathSegment::Index(i));
                in_written(item, path, found);
                path.0.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::refused;

    #[test]
    fn c0_but_tab_and_line_breaks() {
        assert_eq!(refused("a\u{0}b"), Some('\u{0}'));
        assert_eq!(refused("bell\u{7}"), Some('\u{7}'));
        assert_eq!(refused("esc\u{1b}[31m"), Some('\u{1b}'));
        assert_eq!(refused("\u{1f}"), Some('\u{1f}'));
        assert_eq!(refused("tab\there\r\nand on"), None);
        assert_eq!(refused("é ü 中"), None);
    }
}
