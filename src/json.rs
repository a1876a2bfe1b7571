//! JSON text (feature `json`): the one writer of the crate's JSON, below
//! both the loaders (`to_json`) and the reports, so that neither imports
//! the other for it.

use crate::error::Error;

/// Pretty JSON, a failure reported, not hidden.
pub(crate) fn to_text<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    serde_json::to_string_pretty(value).map_err(|e| Error::Write {
        format: "json",
        reason: e.to_string(),
    })
}
