//! Krippendorff's alpha for ordinal data: how far a panel's ratings agree
//! beyond what chance would give, computed as Krippendorff defines it,
//! through the coincidence matrix and the ordinal metric.

use serde::Serialize;

/// Krippendorff's alpha of a set of ratings, or why it cannot be computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Alpha {
    /// Alpha: 1 is perfect agreement, 0 agreement no better than chance,
    /// below 0 systematic disagreement. `None` where it cannot be computed
    /// (see [`Alpha::why_not`]).
    pub value: Option<f64>,
    /// The pairable values: ratings on the scale in units (factors) that at
    /// least two assessors rated. Alpha rests on these alone.
    pub pairable: usize,
    /// The units with at least two values on the scale.
    pub units: usize,
    /// Why there is no value: too few pairable values, or no variation at
    /// all among them (every rating the same), where agreement cannot be
    /// told from chance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why_not: Option<&'static str>,
}

/// Said when fewer than two values can be paired.
pub const TOO_FEW: &str =
    "too few values: alpha needs at least one factor rated on the scale by two assessors";

/// Said when every pairable value is the same.
pub const NO_VARIATION: &str =
    "every rating given is the same: with no variation, agreement cannot be told from chance";

/// Krippendorff's alpha for ordinal data. `units[u][j]` is what coder `j`
/// gave unit `u`: a rank on the scale (0 the lowest), or `None` where the
/// coder gave none. Units with fewer than two values are not pairable and
/// are left out, as Krippendorff defines.
///
/// The coincidence matrix counts, within each unit of `m` values, every
/// ordered pair of values from different coders with weight `1 / (m - 1)`;
/// its margins `n_c` give the ordinal distance between ranks `c < k`,
/// `(n_c / 2 + n_(c+1) + ... + n_(k-1) + n_k / 2)^2`, and
/// `alpha = 1 - (n - 1) * sum o_ck d_ck / sum n_c n_k d_ck`.
///
/// ```
/// use integration_readiness::analysis::ordinal_alpha;
/// // Two coders who agree on units of different ranks: alpha is 1.
/// let a = ordinal_alpha(&[vec![Some(0), Some(0)], vec![Some(2), Some(2)]]);
/// assert_eq!(a.value, Some(1.0));
/// ```
pub fn ordinal_alpha(units: &[Vec<Option<usize>>]) -> Alpha {
    let ranks = units.iter().flatten().flatten().max().map_or(0, |&r| r + 1);
    // o[c][k]: the coincidences of ranks c and k.
    let mut o = vec![vec![0.0f64; ranks]; ranks];
    let mut pairable = 0usize;
    let mut paired_units = 0usize;
    let mut counts = vec![0usize; ranks];
    for unit in units {
        counts.iter_mut().for_each(|c| *c = 0);
        let mut m = 0usize;
        for r in unit.iter().flatten() {
            counts[*r] += 1;
            m += 1;
        }
        if m < 2 {
            continue;
        }
        pairable += m;
        paired_units += 1;
        let w = 1.0 / (m - 1) as f64;
        for c in 0..ranks {
            if counts[c] == 0 {
                continue;
            }
            for k in 0..ranks {
                // Ordered pairs of different coders: n_c n_k, less the
                // pairs of a value with itself.
                let pairs = if c == k {
                    counts[c] * (counts[c] - 1)
                } else {
                    counts[c] * counts[k]
                };
                o[c][k] += pairs as f64 * w;
            }
        }
    }
    let result = |value, why_not| Alpha {
        value,
        pairable,
        units: paired_units,
        why_not,
    };
    if pairable < 2 {
        return result(None, Some(TOO_FEW));
    }
    let n_c: Vec<f64> = o.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = n_c.iter().sum();
    let mut observed = 0.0;
    let mut expected = 0.0;
    for c in 0..ranks {
        for k in c + 1..ranks {
            let between: f64 = n_c[c + 1..k].iter().sum();
            let d = (n_c[c] / 2.0 + between + n_c[k] / 2.0).powi(2);
            observed += o[c][k] * d;
            expected += n_c[c] * n_c[k] * d;
        }
    }
    if expected <= 0.0 {
        return result(None, Some(NO_VARIATION));
    }
    result(Some(1.0 - (n - 1.0) * observed / expected), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_unit_of_one_value_is_too_few() {
        let a = ordinal_alpha(&[vec![Some(1), None]]);
        assert_eq!((a.value, a.pairable, a.why_not), (None, 0, Some(TOO_FEW)));
    }

    #[test]
    fn every_value_the_same_has_no_variation() {
        let a = ordinal_alpha(&[vec![Some(2), Some(2)], vec![Some(2), Some(2)]]);
        assert_eq!((a.value, a.pairable), (None, 4));
        assert_eq!(a.why_not, Some(NO_VARIATION));
    }

    #[test]
    fn two_units_in_full_disagreement_by_hand() {
        // Units (0, 1) and (1, 0): o_01 = o_10 = 2, n_0 = n_1 = 2, n = 4.
        // d_01 = (1 + 1)^2 = 4; observed = 2 * 4 = 8; expected = 2 * 2 * 4
        // = 16; alpha = 1 - 3 * 8 / 16 = -0.5.
        let a = ordinal_alpha(&[vec![Some(0), Some(1)], vec![Some(1), Some(0)]]);
        assert_eq!(a.value, Some(-0.5));
        assert_eq!((a.pairable, a.units), (4, 2));
    }
}
