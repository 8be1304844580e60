//! `FromStr` is the inverse of `Display` for rates, ratios and amounts
//! (readable values).

use overdue::{Money, Rate, RatePeriod, Ratio};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn decimal() -> impl proptest::strategy::Strategy<Value = Decimal> {
    (any::<u64>(), any::<u32>(), 0u32..=28)
        .prop_map(|(lo, hi, scale)| Decimal::from_i128_with_scale(i128::from(lo) | (i128::from(hi) << 64), scale))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(500)))]

    #[test]
    fn rates_read_back_what_they_write(value in decimal(), period in 0u8..3) {
        let period = [RatePeriod::Annual, RatePeriod::Monthly, RatePeriod::Daily][usize::from(period)];
        let rate = Rate::new(value, period).unwrap();
        prop_assert_eq!(rate.to_string().parse::<Rate>().unwrap(), rate);
    }

    #[test]
    fn ratios_read_back_what_they_write(value in decimal()) {
        let ratio = Ratio::new(value).unwrap();
        prop_assert_eq!(ratio.to_string().parse::<Ratio>().unwrap(), ratio);
    }

    #[test]
    fn amounts_read_back_what_they_write(value in decimal()) {
        let money = Money::new(value).unwrap();
        prop_assert_eq!(money.to_string().parse::<Money>().unwrap(), money);
    }

    /// Any text parses to a value or a named error, never a panic.
    #[test]
    fn any_text_parses_or_fails_cleanly(text in "\\PC{0,40}") {
        let _ = text.parse::<Rate>();
        let _ = text.parse::<Ratio>();
        let _ = text.parse::<Money>();
    }
}

#[test]
fn a_percentage_too_fine_to_divide_exactly_is_refused() {
    // 28 places of percent would need 30 places as a fraction: refused, not rounded
    assert!("0.0000000000000000000000000001%".parse::<Rate>().is_err());
    assert!("0.0000000000000000000000000001 %".parse::<Ratio>().is_err());
    assert_eq!(
        "0.000000000000000000000001%".parse::<Ratio>().unwrap().as_decimal(),
        Decimal::new(1, 26)
    );
}
