//! Reading JSON documents (feature `json`): one pass over the text that
//! checks it is JSON, as strictly as serde_json, and builds the tree a TOML
//! document is read into, each key and value spanning its text in the
//! JSON. The shape pass then reads that tree and locates its problems
//! (every one of them) as it does for TOML.
//!
//! A syntax error is located where the text stops being JSON, with the path
//! of the value being read there, and worded as serde_json words it
//! ("expected `,` or `}`").

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::invalid;
use super::locate::Lines;
use super::read::check_size;
use crate::error::{Diagnostic, DocPath, Error, Problem, shown};

/// The deepest nesting of arrays and objects that is read, as in
/// serde_json: a document nested deeper is refused, so that reading it,
/// and everything done with its tree after, keeps to a small stack.
const MAX_DEPTH: usize = 127;

/// A JSON document as the tree a TOML document is read into, each key
/// and value spanning its text in the JSON, so that the TOML path reads
/// its shape and locates its problems the same way. A `null` is left out,
/// as an absent key; a key given twice is a problem. Text that is not JSON
/// gives its first syntax error, located.
pub(super) fn tree<'a>(text: &'a str, file: &str) -> Result<Spanned<DeTable<'a>>, Error> {
    check_size(text, file)?;
    let lines = Lines::new(text);
    let located = |at: usize, problem: Problem| {
        let (line, column) = lines.line_col(at);
        Diagnostic {
            file: file.to_owned(),
            line,
            column,
            problem,
        }
    };
    let mut reader = Reader {
        text,
        i: 0,
        twice: Vec::new(),
    };
    let (start, value) = match reader.document() {
        Ok(v) => v,
        Err(Syntax { at, path, message }) => {
            return Err(invalid(vec![located(at, Problem::new(path, message))]));
        }
    };
    if !reader.twice.is_empty() {
        return Err(invalid(
            std::mem::take(&mut reader.twice)
                .into_iter()
                .map(|(at, path, key)| {
                    let problem = Problem::new(path, format!("duplicate key `{}`", shown(&key)))
                        .allowed("each key once in an object");
                    located(at, problem)
                })
                .collect(),
        ));
    }
    match value.map(|v| (v.span(), v.into_inner())) {
        Some((span, DeValue::Table(t))) => Ok(Spanned::new(span, t)),
        _ => Err(invalid(vec![located(
            start,
            Problem::new(DocPath::root(), "the document is not a JSON object")
                .allowed("an object: { \"mission\": { \"name\": \"...\" }, ... }"),
        )])),
    }
}

/// Where the text stops being JSON, the path of the value being read
/// there, and serde_json's words for what is wrong.
struct Syntax {
    at: usize,
    path: DocPath,
    message: &'static str,
}

/// Reads JSON text from `i` on.
struct Reader<'a> {
    text: &'a str,
    i: usize,
    /// Keys given twice in one object: where, the path and the key.
    twice: Vec<(usize, DocPath, String)>,
}

type Read<T> = Result<T, Syntax>;

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.i).copied()
    }

    /// JSON's whitespace: space, tab, line feed and carriage return.
    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn fail<T>(&self, at: usize, path: &DocPath, message: &'static str) -> Read<T> {
        Err(Syntax {
            at,
            path: path.clone(),
            message,
        })
    }

    /// The whole text: one value, with nothing but whitespace around it.
    /// Gives where the value starts, and the value (`None` for `null`).
    fn document(&mut self) -> Read<(usize, Option<Spanned<DeValue<'a>>>)> {
        let root = DocPath::root();
        self.ws();
        let start = self.i;
        let value = self.value(&root, 0)?;
        self.ws();
        if self.i < self.text.len() {
            return self.fail(self.i, &root, "trailing characters");
        }
        Ok((start, value))
    }

    /// The value at `self.i`, found at `path` inside `depth` arrays and
    /// objects; `None` for `null`.
    fn value(&mut self, path: &DocPath, depth: usize) -> Read<Option<Spanned<DeValue<'a>>>> {
        let start = self.i;
        let value = match self.peek() {
            None => return self.fail(start, path, "EOF while parsing a value"),
            Some(b'{') => DeValue::Table(self.object(path, depth + 1)?),
            Some(b'[') => DeValue::Array(self.array(path, depth + 1)?),
            Some(b'"') => DeValue::String(self.string(path)?.1),
            Some(b'-' | b'0'..=b'9') => self.number(path)?,
            Some(b't') => {
                self.ident(path, "true")?;
                DeValue::Boolean(true)
            }
            Some(b'f') => {
                self.ident(path, "false")?;
                DeValue::Boolean(false)
            }
            Some(b'n') => {
                self.ident(path, "null")?;
                return Ok(None);
            }
            Some(_) => return self.fail(start, path, "expected value"),
        };
        Ok(Some(Spanned::new(start..self.i, value)))
    }

    /// An object, from its `{` to its `}`.
    fn object(&mut self, path: &DocPath, depth: usize) -> Read<DeTable<'a>> {
        if depth > MAX_DEPTH {
            return self.fail(self.i, path, "recursion limit exceeded");
        }
        self.i += 1;
        let mut table = DeTable::new();
        let mut seen = std::collections::HashSet::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(table);
        }
        loop {
            match self.peek() {
                Some(b'"') => {}
                None => return self.fail(self.i, path, "EOF while parsing an object"),
                Some(_) => return self.fail(self.i, path, "key must be a string"),
            }
            let (span, key) = self.string(path)?;
            self.ws();
            match self.peek() {
                Some(b':') => self.i += 1,
                None => return self.fail(self.i, path, "EOF while parsing an object"),
                Some(_) => return self.fail(self.i, path, "expected `:`"),
            }
            self.ws();
            let at = path.key(key.as_ref());
            let value = self.value(&at, depth)?;
            if !seen.insert(key.clone()) {
                self.twice.push((span.start, at, key.into_owned()));
            } else if let Some(value) = value {
                table.insert(Spanned::new(span, key), value);
            }
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(table);
                }
                None => return self.fail(self.i, path, "EOF while parsing an object"),
                Some(_) => return self.fail(self.i, path, "expected `,` or `}`"),
            }
            self.ws();
            if self.peek() == Some(b'}') {
                return self.fail(self.i, path, "trailing comma");
            }
        }
    }

    /// An array, from its `[` to its `]`; a `null` element is left out.
    fn array(&mut self, path: &DocPath, depth: usize) -> Read<toml::de::DeArray<'a>> {
        if depth > MAX_DEPTH {
            return self.fail(self.i, path, "recursion limit exceeded");
        }
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(items.into_iter().collect());
        }
        loop {
            items.extend(self.value(&path.index(items.len()), depth)?);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(items.into_iter().collect());
                }
                None => return self.fail(self.i, path, "EOF while parsing a list"),
                Some(_) => return self.fail(self.i, path, "expected `,` or `]`"),
            }
            self.ws();
            if self.peek() == Some(b']') {
                return self.fail(self.i, path, "trailing comma");
            }
        }
    }

    /// A string, from its opening quote to its closing one: its span and
    /// its text, borrowed from the document when it has no escapes.
    fn string(&mut self, path: &DocPath) -> Read<(Range<usize>, Cow<'a, str>)> {
        let start = self.i;
        self.i += 1;
        let mut owned: Option<String> = None;
        let mut plain = self.i;
        loop {
            let Some(c) = self.peek() else {
                return self.fail(self.i, path, "EOF while parsing a string");
            };
            match c {
                b'"' => {
                    let tail = &self.text[plain..self.i];
                    self.i += 1;
                    let s = match owned {
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                        None => Cow::Borrowed(tail),
                    };
                    return Ok((start..self.i, s));
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[plain..self.i]);
                    let at = self.i;
                    self.i += 1;
                    let simple = match self.peek() {
                        None => return self.fail(self.i, path, "EOF while parsing a string"),
                        Some(b'"') => Some('"'),
                        Some(b'\\') => Some('\\'),
                        Some(b'/') => Some('/'),
                        Some(b'b') => Some('\u{8}'),
                        Some(b'f') => Some('\u{c}'),
                        Some(b'n') => Some('\n'),
                        Some(b'r') => Some('\r'),
                        Some(b't') => Some('\t'),
                        Some(b'u') => None,
                        Some(_) => return self.fail(self.i, path, "invalid escape"),
                    };
                    self.i += 1;
                    let escaped = match simple {
                        Some(c) => c,
                        None => self.unicode(at, path)?,
                    };
                    s.push(escaped);
                    plain = self.i;
                }
                0..=0x1f => {
                    return self.fail(
                        self.i,
                        path,
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    );
                }
                _ => self.i += 1,
            }
        }
    }

    /// The character of a `\u` escape whose backslash is at `at`, with
    /// `self.i` past the `u`: four hex digits, or a surrogate pair of two
    /// escapes.
    fn unicode(&mut self, at: usize, path: &DocPath) -> Read<char> {
        let first = self.hex4(path)?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.text.as_bytes().get(self.i..self.i + 2) != Some(b"\\u") {
                    return self.fail(at, path, "lone leading surrogate in hex escape");
                }
                self.i += 2;
                let second = self.hex4(path)?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return self.fail(at, path, "lone leading surrogate in hex escape");
                }
                0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00)
            }
            _ => u32::from(first),
        };
        match char::from_u32(code) {
            Some(c) => Ok(c),
            None => self.fail(at, path, "invalid unicode code point"),
        }
    }

    /// Four hex digits, read past.
    fn hex4(&mut self, path: &DocPath) -> Read<u16> {
        let mut n: u16 = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                None => return self.fail(self.i, path, "EOF while parsing a string"),
                Some(c) => match (c as char).to_digit(16) {
                    Some(d) => d as u16,
                    None => return self.fail(self.i, path, "invalid escape"),
                },
            };
            n = n * 16 + digit;
            self.i += 1;
        }
        Ok(n)
    }

    /// A number, as JSON writes them (`-0.5e3`, no leading zeros, no `+`,
    /// digits on both sides of a point), read as TOML reads it.
    fn number(&mut self, path: &DocPath) -> Read<DeValue<'a>> {
        let start = self.i;
        let digits = |r: &mut Self| {
            let from = r.i;
            while r.peek().is_some_and(|c| c.is_ascii_digit()) {
                r.i += 1;
            }
            r.i > from
        };
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.i += 1;
                if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    return self.fail(self.i, path, "invalid number");
                }
            }
            Some(b'1'..=b'9') => {
                digits(self);
            }
            None => return self.fail(self.i, path, "EOF while parsing a value"),
            Some(_) => return self.fail(self.i, path, "invalid number"),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if !digits(self) {
                return self.fail(self.i, path, "invalid number");
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !digits(self) {
                return self.fail(self.i, path, "invalid number");
            }
        }
        let word = &self.text[start..self.i];
        if word.parse::<f64>().is_ok_and(f64::is_infinite) {
            return self.fail(start, path, "number out of range");
        }
        // TOML reads every JSON number; one too large for TOML's integers
        // is infinite.
        Ok(DeValue::parse(word)
            .map(Spanned::into_inner)
            .unwrap_or_else(|_| {
                let inf = if word.starts_with('-') { "-inf" } else { "inf" };
                DeValue::parse(inf)
                    .map(Spanned::into_inner)
                    .unwrap_or(DeValue::Boolean(false))
            }))
    }

    /// One of the words `true`, `false` and `null`.
    fn ident(&mut self, path: &DocPath, word: &str) -> Read<()> {
        for expected in word.bytes() {
            match self.peek() {
                Some(c) if c == expected => self.i += 1,
                None => return self.fail(self.i, path, "EOF while parsing a value"),
                Some(_) => return self.fail(self.i, path, "expected ident"),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Reader;
    use proptest::prelude::*;

    /// Whether the text is JSON, by this reader.
    fn reads(text: &str) -> bool {
        Reader {
            text,
            i: 0,
            twice: Vec::new(),
        }
        .document()
        .is_ok()
    }

    fn agrees(text: &str) {
        let reference = serde_json::from_str::<serde_json::Value>(text).is_ok();
        assert_eq!(reads(text), reference, "{text:?}");
    }

    const DOC: &str = r#"{"mission": {"name": "M\u00e9 \"x\"", "date": "2007-10-29"},
 "evidence": {"e1": {"rating": "high", "sources": ["a", "b\n"], "n": -0.5e3}},
 "entity": [{"name": "A", "role": "hum", "x": null}, true, false, 0, 12]}"#;

    #[test]
    fn accepts_and_refuses_as_serde_json_does() {
        for text in [
            DOC,
            "{}",
            "[]",
            " {} ",
            "",
            " ",
            "{",
            "}",
            "[}",
            "{\"a\": [}",
            "{\"a\": [1,,]}",
            "{\"a\" 1}",
            "[\"x",
            "{\"mission\": ]",
            "[1,]",
            "{\"a\":1,}",
            "{,}",
            "[,1]",
            "01",
            "-",
            "-01",
            "1.",
            ".5",
            "1e",
            "1e+",
            "+1",
            "1E5",
            "-0",
            "1e400",
            "-1e400",
            "99999999999999999999",
            "tru",
            "truex",
            "nul",
            "null",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\u12G4\"",
            "\"\\ud800\"",
            "\"\\ud800\\u0041\"",
            "\"\\ud83d\\ude00\"",
            "\"\\udc00\"",
            "\"a\tb\"",
            "\"a\u{1}b\"",
            "{} {}",
            "{}x",
            "[1 2]",
            "{\"a\":1 \"b\":2}",
            "{1: 2}",
            "\u{feff}{}",
            "[\u{c}]",
            "{\"a\"}",
            "[1]]",
            "[[[]]]",
            "\"\\/\"",
        ] {
            agrees(text);
        }
        for depth in [126, 127, 128, 129] {
            agrees(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
            agrees(&format!(
                "{}1{}",
                "{\"a\":".repeat(depth),
                "}".repeat(depth)
            ));
        }
    }

    proptest! {
        #[test]
        fn agrees_with_serde_json_on_edits(
            edits in prop::collection::vec((any::<prop::sample::Index>(), 0..3u8, prop::sample::select(
                vec!['{', '}', '[', ']', ',', ':', '"', '\\', 'u', '0', '1', '-', '.', 'e', ' ', '\n', 'n', 't', 'a', '\u{1}', 'é'],
            )), 1..4)
        ) {
            let mut chars: Vec<char> = DOC.chars().collect();
            for (at, op, c) in edits {
                let i = at.index(chars.len() + 1);
                match op {
                    0 => chars.insert(i, c),
                    1 if i < chars.len() => { chars.remove(i); }
                    _ if i < chars.len() => chars[i] = c,
                    _ => chars.push(c),
                }
            }
            let text: String = chars.into_iter().collect();
            agrees(&text);
        }
    }
}
