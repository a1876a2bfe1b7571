//! Integration readiness of UN peace operations.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod analysis;
pub mod assess;
pub mod error;
#[cfg(feature = "toml")]
mod load;
pub mod mission;
pub mod model;
pub mod reference;
pub mod report;
pub mod rulebook;

pub use assess::{Assessment, Verdict, assess, score_into, score_only};
pub use error::{Diagnostic, Diagnostics, Error, Problem};
#[cfg(feature = "toml")]
pub use load::MAX_INPUT_BYTES;
pub use mission::Mission;
pub use model::{Effort, Polarity, Rating};
pub use rulebook::Rulebook;
