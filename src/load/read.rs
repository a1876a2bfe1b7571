//! Reading files and standard input, within the size limit.

#[cfg(feature = "files")]
use std::path::Path;

use crate::error::Error;

/// The largest file, in bytes, that the loaders accept (4 MiB). A mission of
/// the default rulebook with long notes on every factor is under 100 KiB;
/// the limit keeps a wrong or hostile file from taking the memory of the
/// program that embeds the crate.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// The most `[[entity]]` tables a mission file (or a request of the
/// questionnaire) may hold: 1,000. A real mission maps a few dozen partner
/// entities (mission components, agencies, donors, authorities, NGOs); a
/// thousand leaves room for a portfolio-wide map of every partner while
/// bounding the work and memory a file can ask for: each entity is placed
/// against every target rule and carried into the assessment. A file with
/// more is refused with a located problem at the first entity past the
/// limit, and the entities past it are not read. Missions built in code
/// ([`Mission::builder`](crate::Mission::builder), [`Mission::new`](crate::Mission::new))
/// have no such limit.
pub const MAX_ENTITIES: usize = 1_000;

/// The most `sources` one rating (an `[evidence.FACTOR]` table) may list in a
/// mission file: 100. A rating rests on a few documents and interviews; a
/// hundred is far past what an assessor cites for one factor, while a list
/// of short sources is the cheapest way for a file to ask for many small
/// texts (each a separate allocation in the mission and its reports). A
/// longer list is refused with a located problem at the first source past
/// the limit, which is not read. Missions built in code have no such limit.
///
/// The other parts of a mission are bounded by the rulebook or by the file
/// size: evidence, effort and context are keyed by the rulebook's factor
/// and context ids (an unknown id is an error), an entity's roles and
/// current levels by its roles and dimensions (a repeated one is an
/// error), and texts (names, notes, descriptions, sources) by
/// [`MAX_INPUT_BYTES`] in all; each text is held once, shared by the
/// mission and the results made from it.
pub const MAX_SOURCES: usize = 100;

/// The name standard input is given in messages when a path of `-` is read.
pub const STDIN_NAME: &str = "<stdin>";

/// Reads all of `reader` as UTF-8 text, but never more than
/// [`MAX_INPUT_BYTES`]: the reader is read through
/// [`Read::take`](std::io::Read::take) with one byte to spare, so a stream
/// without end (`/dev/zero`, a pipe) is refused as soon as it passes the
/// limit, holding at most the limit and one byte in memory. `name` names the
/// source in messages.
///
/// This is how `Rulebook::from_path` and `Mission::from_path` (feature `files`) read
/// files and standard input; a program reading its input some other way can
/// call it to get the same limit and the same messages.
///
/// ```
/// use integration_readiness::{Error, read_limited};
/// let text = read_limited("[mission]\nname = \"x\"\n".as_bytes(), "m.toml")?;
/// assert!(text.starts_with("[mission]"));
///
/// let endless = std::io::repeat(b'#');
/// let e = read_limited(endless, "<stdin>").unwrap_err();
/// assert!(matches!(e, Error::TooLarge { len: None, .. }));
/// assert_eq!(
///     e.to_string(),
///     "<stdin>: more than 4194304 bytes; the limit for one file is 4194304 bytes",
/// );
/// # Ok::<(), Error>(())
/// ```
///
/// # Errors
/// [`Error::TooLarge`] past [`MAX_INPUT_BYTES`] (its size not known); [`Error::Io`] when the
/// reader fails or the text is not UTF-8.
pub fn read_limited(reader: impl std::io::Read, name: &str) -> Result<String, Error> {
    use std::io::Read;
    let io = |source| Error::Io {
        file: name.to_owned(),
        source,
    };
    let limit = MAX_INPUT_BYTES;
    let mut reader = reader.take(limit as u64 + 1);
    // Grown by hand rather than by `read_to_end`, so that the buffer's
    // capacity, not only its length, stays within the limit and one byte.
    let mut bytes: Vec<u8> = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io(e)),
        };
        let need = bytes.len() + n;
        if need > bytes.capacity() {
            let cap = (bytes.capacity() * 2).max(need).min(limit + 1);
            bytes.reserve_exact(cap - bytes.len());
        }
        bytes.extend_from_slice(&chunk[..n]);
    }
    if bytes.len() > limit {
        return Err(Error::TooLarge {
            file: name.to_owned(),
            len: None,
            limit,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "not UTF-8 text (byte {} is not part of a character)",
                e.utf8_error().valid_up_to() + 1
            ),
        ))
    })
}

/// Refuses text over [`MAX_INPUT_BYTES`] before it is parsed:
/// [`Error::TooLarge`], with its size.
pub(super) fn check_size(text: &str, file: &str) -> Result<(), Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            file: file.to_owned(),
            len: Some(text.len()),
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(())
}

/// Reads a file, or standard input for a path of `-`, through
/// [`read_limited`]; gives the text and the name to use in messages.
#[cfg(feature = "files")]
pub(super) fn read(path: &Path) -> Result<(String, String), Error> {
    if path.as_os_str() == "-" {
        let text = read_limited(std::io::stdin().lock(), STDIN_NAME)?;
        return Ok((text, STDIN_NAME.to_owned()));
    }
    let name = path.display().to_string();
    if let Some(kind) = not_a_file(path) {
        return Err(Error::NotAFile { file: name, kind });
    }
    let file = std::fs::File::open(path).map_err(|source| Error::Io {
        file: name.clone(),
        source,
    })?;
    let text = read_limited(file, &name)?;
    Ok((text, name))
}

/// What a path names when it is not a regular file that can be read to
/// its end: a named pipe, a socket or a device. Asked before the file is
/// opened, since opening a named pipe waits for a writer, and reading a
/// device may never end. A path that cannot be looked at is left for
/// opening it to report.
#[cfg(feature = "files")]
fn not_a_file(path: &Path) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = std::fs::metadata(path).ok()?.file_type();
        if kind.is_fifo() {
            return Some("a named pipe");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("a device");
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    None
}

/// Whether a file is read as JSON: by its name's extension, or, for a
/// name that says neither (standard input, say), by its first character.
#[cfg(all(feature = "files", feature = "json"))]
pub(super) fn is_json(path: &Path, text: &str) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("json") => true,
        Some(e) if e.eq_ignore_ascii_case("toml") => false,
        _ => text.trim_start().starts_with('{'),
    }
}
