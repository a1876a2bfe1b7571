//! The formatting every renderer shares: one word wrap, one percentage.

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

/// `1 change`, `2 changes`: a count with its noun.
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A share in [0, 1] as a whole percentage (`0%` for a non-finite value).
pub(crate) fn pct(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    format!("{:.0}%", 100.0 * x)
}

#[cfg(test)]
mod tests {
    use super::{lines, pct, wrap};
    use std::borrow::Cow;

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
    fn percentages_are_whole() {
        assert_eq!(pct(0.755), "76%");
        assert_eq!(pct(f64::NAN), "0%");
    }
}
