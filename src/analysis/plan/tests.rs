//! The planner's mission side: the variables it gives the solver.

use super::*;

#[test]
fn the_variables_are_the_factors_that_can_still_help_a_short_dimension() {
    // Tiny rulebook: e1 (weights a 2, b 1; high effort, 4), e2 (a 1, b 0;
    // medium, 2), b1 (a 1, b 1; low, 1). e1 partial (2 steps to full), e2
    // none (4), b1 full (a barrier: 4 steps to none).
    let rb =
        Rulebook::from_toml(include_str!("../../../tests/data/tiny.toml"), "tiny.toml").unwrap();
    let m = Mission::from_toml(
        "[mission]\nname = \"V\"\n[evidence.e1]\nrating = \"partial\"\n\
         [evidence.e2]\nrating = \"none\"\n[evidence.b1]\nrating = \"full\"\n",
        "m.toml",
        &rb,
    )
    .unwrap();
    let ratings: Vec<Rating> = (0..3).map(|f| m.rating_at(f)).collect();
    // Only b is short: e2, which weighs nothing on b, is no variable; a
    // gate forcing one step of e1 leaves it one more.
    let vars = variables(&rb, &m, &ratings, &[1, 0, 0], &[0.0, 0.5]);
    assert_eq!(vars.len(), 2);
    let var = |cost, room, gain: &[f64]| Var {
        cost,
        room,
        gain: gain.to_vec(),
    };
    assert_eq!(vars[0].members, [(0, 1)]);
    assert_eq!(vars[0].var, var(4.0, 1, &[0.5, 0.25]));
    assert_eq!(vars[1].members, [(2, 4)]);
    assert_eq!(vars[1].var, var(1.0, 4, &[0.25, 0.25]));
    // a short as well: e2 helps there.
    let vars = variables(&rb, &m, &ratings, &[0, 0, 0], &[0.5, 0.5]);
    let members: Vec<usize> = vars.iter().map(|v| v.members[0].0).collect();
    assert_eq!(members, [0, 1, 2]);
    assert_eq!(vars[0].var.room, 2);
    // Nothing short: no variables.
    assert!(variables(&rb, &m, &ratings, &[0, 0, 0], &[-0.5, 0.0]).is_empty());
}
