//! The logistic function from `+`, `*` and `/` alone. The standard library's `exp` is the
//! platform's, which may differ in the last bit from one system to another; training must
//! give the same weights everywhere.

/// e^x for |x| ≤ 40, to about 1e-15 relative error.
fn exp(x: f64) -> f64 {
    let x = x.clamp(-40.0, 40.0);
    // x = k ln 2 + r, |r| ≤ ln 2 / 2; e^r by its Taylor series.
    let k = (x * std::f64::consts::LOG2_E).round();
    let r = x - k * std::f64::consts::LN_2;
    let mut term = 1.0;
    let mut sum = 1.0;
    for n in 1..=14 {
        term *= r / f64::from(n);
        sum += term;
    }
    // 2^k, exactly, built from its exponent bits.
    let two_k = f64::from_bits(((k as i64 + 1023) as u64) << 52);
    sum * two_k
}

/// 1 / (1 + e^-z).
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + exp(-z))
}

/// The score whose probability is `p`: ln(p / (1 - p)), by bisection on [`sigmoid`] so it
/// is the exact inverse of what the model reports.
pub fn logit(p: f64) -> f64 {
    let (mut lo, mut hi) = (-40.0f64, 40.0f64);
    for _ in 0..80 {
        let mid = (lo + hi) / 2.0;
        if sigmoid(mid) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    (lo + hi) / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_matches_the_platform_closely() {
        for i in -400..=400 {
            let x = f64::from(i) / 10.0;
            let rel = (exp(x) - x.exp()).abs() / x.exp();
            assert!(rel < 1e-13, "{x}: {rel}");
        }
        assert!((sigmoid(0.0) - 0.5).abs() < 1e-15);
        assert!((logit(0.8) - (0.8f64 / 0.2).ln()).abs() < 1e-9);
    }
}
