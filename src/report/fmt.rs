//! The formatting every renderer shares: one word wrap, one percentage,
//! one CSV quoting, one Markdown escaping.

/// Greedy word wrap: the words in order, one space apart, a new line
/// whenever the next word would take a line past `max` (as `measure`
/// counts it). A word longer than a line gets a line of its own; no line is
/// empty except when there are no words.
pub(crate) fn lines<'a>(
    words: impl IntoIterator<Item = std::borrow::Cow<'a, str>>,
    max: usize,
    measure: impl Fn(&str) -> usize,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for word in words {
        if !line.is_empty() && measure(&line) + 1 + measure(&word) > max {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

/// The number of characters of `s` (what a terminal column counts).
pub(crate) fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Wraps `text` to `width` columns for a terminal. The first line is taken
/// to start at column `indent` too (after a prefix of at most that width);
/// later lines are indented by `indent` spaces.
pub(crate) fn wrap(text: &str, width: usize, indent: usize) -> String {
    let words = text.split_whitespace().map(std::borrow::Cow::Borrowed);
    lines(words, width.saturating_sub(indent), chars).join(&format!("\n{}", " ".repeat(indent)))
}

/// `line` as it is when it fits in `width` columns (its padding kept; the
/// caller leaves room for what precedes it); when it does not, the words
/// that fit on the first line keep their padding and the rest is wrapped
/// as [`wrap`] wraps it, under `indent`.
pub(crate) fn fit(line: &str, width: usize, indent: usize) -> String {
    if chars(line) <= width {
        return line.to_owned();
    }
    // The words that fit on the first line keep their padding (columns
    // stay aligned); the rest is wrapped under `indent`.
    let mut cut = None;
    for (i, c) in line.char_indices() {
        if c == ' ' && i > 0 && !line[..i].ends_with(' ') {
            if chars(&line[..i]) > width {
                break;
            }
            cut = Some(i);
        }
    }
    match cut {
        Some(i) if !line[i..].trim().is_empty() => format!(
            "{}\n{}{}",
            &line[..i],
            " ".repeat(indent),
            wrap(&line[i..], width, indent)
        ),
        _ => wrap(line, width, indent),
    }
}

/// `1 change`, `2 changes`: a count with its noun.
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A number to one decimal, never `-0.0`: a value that rounds to zero is
/// `0.0` whatever its sign.
pub(crate) fn one(x: f64) -> String {
    let s = format!("{x:.1}");
    if s == "-0.0" { "0.0".to_owned() } else { s }
}

/// A change to one decimal with its sign (`+1.2`, `-0.4`), and `0.0`
/// (no sign) for a change that rounds to zero: never `+0.0` or `-0.0`.
pub(crate) fn signed(x: f64) -> String {
    let s = format!("{x:+.1}");
    if s == "+0.0" || s == "-0.0" {
        "0.0".to_owned()
    } else {
        s
    }
}

/// A share in [0, 1] as a whole percentage (`0%` for a non-finite value).
pub(crate) fn pct(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    format!("{:.0}%", 100.0 * x)
}

/// One CSV field (RFC 4180): quoted when it holds a comma, a quote, a
/// line break or leading or trailing space, quotes doubled.
pub(crate) fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// One CSV record (RFC 4180): the fields quoted as [`csv_field`] quotes
/// them, separated by commas, ended by CRLF.
pub(crate) fn csv_row<S: AsRef<str>>(out: &mut String, fields: impl IntoIterator<Item = S>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(f.as_ref()));
    }
    out.push_str("\r\n");
}

/// A number for CSV in full precision, as the JSON reports have it: the
/// shortest text that reads back to the same number (`57.16463414634146`,
/// `1` for 1.0); empty for a number that is not finite (JSON's `null`).
pub(crate) fn csv_num(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        String::new()
    }
}

/// A list of ids in one CSV field, separated by spaces (ids have none).
pub(crate) fn csv_ids<S: AsRef<str>>(ids: &[S]) -> String {
    ids.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(" ")
}

/// User text (a mission's or a rulebook's words) for Markdown, where it
/// can neither run as HTML nor change the document's structure: `&`, `<`
/// and `>` become character references; `\`, `` ` ``, `*`, `_`, `[`, `]`
/// and `|` are escaped with a backslash, and so is `~` (strikethrough,
/// fences); what would start a block at the start of the text is escaped
/// too (`#`, `-`, `+`, `=`, the `.` or `)` of `1. ` or `2) `), and spaces
/// and tabs there are dropped (they would make code); every line break
/// becomes a space, so the text stays in its table cell, list item or
/// paragraph. A renderer shows the text as written.
pub(crate) fn md_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let mut leading = true;
    let mut digits_at_start = true;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' if leading => {
                out.push('\\');
                out.push(c);
            }
            // Strikethrough and fences of tildes.
            '~' => out.push_str("\\~"),
            // Spaces or tabs that start the text would make it code.
            ' ' | '\t' if leading => {}
            '\r' => {
                // CRLF is one line break.
                if chars.peek() != Some(&'\n') {
                    out.push(' ');
                }
            }
            '\n' => out.push(' '),
            c => out.push(c),
        }
        // `1. ` or `2) ` at the start would make a numbered list.
        if digits_at_start && c.is_ascii_digit() {
            let mut ahead = chars.clone();
            let marker = ahead.next().is_some_and(|n| n == '.' || n == ')');
            if marker && ahead.next().is_none_or(char::is_whitespace) {
                out.push('\\');
            }
        } else if !(leading && c.is_whitespace()) {
            digits_at_start = false;
        }
        leading = leading && c.is_whitespace();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{csv_field, csv_num, csv_row, fit, lines, md_text, pct, wrap};

    #[test]
    fn markdown_text_is_inert() {
        assert_eq!(
            md_text("<script>alert(1)</script> & co"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
        );
        assert_eq!(
            md_text("a|b `c` *d* _e_ [f](x) \\g"),
            "a\\|b \\`c\\` \\*d\\* \\_e\\_ \\[f\\](x) \\\\g"
        );
        assert_eq!(md_text("  # title # two"), "\\# title # two");
        // What would start a block at the start of a line: fences, lists,
        // rules, setext underlines, indented code.
        assert_eq!(md_text("~~~ fence"), "\\~\\~\\~ fence");
        assert_eq!(md_text("- x"), "\\- x");
        assert_eq!(md_text("+ x"), "\\+ x");
        assert_eq!(md_text("---"), "\\---");
        assert_eq!(md_text("=="), "\\==");
        assert_eq!(md_text("12. x"), "12\\. x");
        assert_eq!(
            md_text("1.2 Defining integration"),
            "1.2 Defining integration"
        );
        assert_eq!(md_text("2) x"), "2\\) x");
        assert_eq!(md_text("    code"), "code");
        assert_eq!(md_text("\tcode"), "code");
        // Inside the text they stay as they are, but for tildes.
        assert_eq!(
            md_text("a - b + c = 12. d ~~s~~"),
            "a - b + c = 12. d \\~\\~s\\~\\~"
        );
        assert_eq!(md_text("one\r\ntwo\nthree\rfour"), "one two three four");
        assert_eq!(md_text("Plain words, 50% done."), "Plain words, 50% done.");
    }
    use std::borrow::Cow;

    #[test]
    fn fit_keeps_the_padding_of_what_fits_on_the_first_line() {
        // 35 columns fit before `(target`, which would make 43 > 40; the
        // rest wraps in 40 - 18 = 22 columns.
        let line = "strategic        50.0  coordination (target integration), undetermined";
        assert_eq!(
            fit(line, 40, 18),
            "strategic        50.0  coordination\n                  (target integration),\n                  undetermined"
        );
        assert_eq!(fit("short  line", 40, 4), "short  line");
    }

    #[test]
    fn wrap_keeps_lines_within_width() {
        let text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu";
        let w = wrap(text, 20, 2);
        for (i, line) in w.lines().enumerate() {
            // The first line follows a prefix of 2 columns.
            let prefix = if i == 0 { 2 } else { 0 };
            assert!(prefix + line.chars().count() <= 20, "{line:?}");
        }
        assert_eq!(w.split_whitespace().collect::<Vec<_>>().join(" "), text);
    }

    #[test]
    fn lines_break_before_the_word_that_does_not_fit() {
        // "ab cd" is 5 wide: fits in 5; "ab cd e" would be 7.
        let words = ["ab", "cd", "e", "toolongword"].map(Cow::Borrowed);
        assert_eq!(lines(words, 5, str::len), ["ab cd", "e", "toolongword"]);
        assert!(lines(std::iter::empty(), 5, str::len).is_empty());
    }

    #[test]
    fn no_negative_zero() {
        use super::{one, signed};
        assert_eq!(one(-0.04), "0.0");
        assert_eq!(one(-0.06), "-0.1");
        assert_eq!(one(57.46), "57.5");
        assert_eq!(signed(-0.04), "0.0");
        assert_eq!(signed(0.04), "0.0");
        assert_eq!(signed(1.25), "+1.2");
        assert_eq!(signed(-0.4), "-0.4");
    }

    #[test]
    fn percentages_are_whole() {
        assert_eq!(pct(0.755), "76%");
        assert_eq!(pct(f64::NAN), "0%");
    }

    #[test]
    fn csv_fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(
            csv_field("Mission \"A\", north"),
            "\"Mission \"\"A\"\", north\""
        );
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field(" padded"), "\" padded\"");
        assert_eq!(csv_field(""), "");
        let mut row = String::new();
        csv_row(&mut row, ["a,b", "c\"d", "e"]);
        assert_eq!(row, "\"a,b\",\"c\"\"d\",e\r\n");
    }

    #[test]
    fn csv_numbers_read_back_exactly() {
        for x in [57.16463414634146, 1.0, 0.1 + 0.2, -3.5e-9] {
            assert_eq!(csv_num(x).parse::<f64>().unwrap(), x);
        }
        assert_eq!(csv_num(1.0), "1");
        assert_eq!(csv_num(f64::NAN), "");
    }
}
