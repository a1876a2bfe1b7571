//! The rulebooks embedded in the crate: today `oslo-2007`.
//!
//! A built-in rulebook is TOML text compiled into the library and read with
//! the same loader as a user's file, once per process: later calls share
//! the checked rulebook (a [`Rulebook`] is a cheap handle).

use std::sync::OnceLock;

use crate::rulebook::Rulebook;

/// The text of `oslo-2007`, the default rulebook.
const OSLO_2007: &str = include_str!("rulebooks/oslo-2007.toml");

impl Rulebook {
    /// The embedded default rulebook, `oslo-2007`, derived from the
    /// proceedings of the Oslo conference on integrated missions (2007).
    ///
    /// The first call reads and checks it; later calls return a handle to
    /// the same rulebook, in well under a microsecond.
    ///
    /// ```
    /// let rb = integration_readiness::Rulebook::oslo_2007();
    /// assert_eq!(rb.info().id, "oslo-2007");
    /// assert_eq!(rb.levels()[0].id, "co-existence");
    /// ```
    ///
    /// # Panics
    /// Never for a released crate: the test suite loads the embedded text,
    /// so a rulebook that does not load is a build defect.
    pub fn oslo_2007() -> Rulebook {
        static OSLO: OnceLock<Rulebook> = OnceLock::new();
        OSLO.get_or_init(|| {
            #[allow(clippy::expect_used)]
            Rulebook::from_toml(OSLO_2007, "oslo-2007.toml")
                .expect("the embedded rulebook is valid")
                .with_static_names()
        })
        .clone()
    }

    /// The text of the embedded default rulebook.
    pub fn oslo_2007_text() -> &'static str {
        OSLO_2007
    }
}
