//! The questionnaire page: HTML, CSS and script embedded in the binary, so it
//! works with no network and no build step.

/// The page.
pub const INDEX_HTML: &str = include_str!("assets/index.html");
/// Its style sheet.
pub const APP_CSS: &str = include_str!("assets/app.css");
/// Its script.
pub const APP_JS: &str = include_str!("assets/app.js");
/// The facilitator's view of a panel of assessors (`POST /api/assessors`).
pub const FACILITATOR_JS: &str = include_str!("assets/facilitator.js");
