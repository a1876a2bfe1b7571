//! Analyses on top of the scoring core: what-if, the cheapest plan to
//! target, weight robustness, comparison over time, trends over several
//! dates and portfolios of several missions. All pure and
//! deterministic.

mod brief;
mod compare;
mod panel;
mod plan;
mod portfolio;
mod robustness;
mod trend;
mod whatif;

pub use brief::{Briefing, FIX_FIRST, brief};
pub use compare::{Comparison, DimensionMove, Driver, OverallMove, RatingChange, compare};
pub use panel::{
    Alpha, ContextSplit, Disagreement, FactorRound, GroupAlpha, NO_VARIATION, Panel,
    PanelDimension, PanelFactor, Reliability, Rounds, Swing, TOO_FEW, ordinal_alpha, panel, rounds,
};
pub use plan::{NODE_BUDGET, Plan, PlanChange, Unreachable, plan};
pub use portfolio::{
    Portfolio, PortfolioCell, PortfolioRow, SORT_COLUMNS, from_assessments as portfolio_of,
    portfolio,
};
pub use robustness::{DimensionRobustness, Direction, Robustness, RobustnessOptions, robustness};
pub use trend::{DimensionTrend, OverallPoint, TREND_DRIVERS, Trend, TrendPoint, trend};
pub use whatif::{Scenario, apply};
