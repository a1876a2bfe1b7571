//! Analyses on top of the scoring core: what-if, the cheapest plan to
//! target, weight robustness and comparison over time. All pure and
//! deterministic.

mod brief;
mod compare;
mod plan;
mod robustness;
mod whatif;

pub use brief::{Briefing, FIX_FIRST, brief};
pub use compare::{Comparison, DimensionMove, Driver, OverallMove, RatingChange, compare};
pub use plan::{NODE_BUDGET, Plan, PlanChange, Unreachable, plan};
pub use robustness::{DimensionRobustness, Direction, Robustness, RobustnessOptions, robustness};
pub use whatif::{Scenario, apply};
