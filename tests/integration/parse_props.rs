//! `FromStr` is the inverse of `Display` for rates, ratios and amounts
//! (readable values); dates read back exactly when written as ISO calendar
//! dates of years 0001 to 9999, and in no other spelling.

use overdue::{Money, Rate, RatePeriod, Ratio};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn decimal() -> impl proptest::strategy::Strategy<Value = Decimal> {
    (any::<u64>(), any::<u32>(), 0u32..=28)
        .prop_map(|(lo, hi, scale)| Decimal::from_i128_with_scale(i128::from(lo) | (i128::from(hi) << 64), scale))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(500)))]

    /// `parse_date` takes `YYYY-MM-DD` for every day of years 0001 to 9999 and gives that
    /// day back; it refuses years outside them and the unpadded spellings chrono takes.
    #[test]
    fn dates_read_back_only_in_their_iso_spelling(year in -20_000i32..20_000, month in 1u32..=12, day in 1u32..=31) {
        use overdue::jobs::parse_date;
        let Some(date) = chrono::NaiveDate::from_ymd_opt(year, month, day) else { return Ok(()) };
        let iso = format!("{year:04}-{month:02}-{day:02}");
        let parsed = parse_date(&iso);
        if (1..=9999).contains(&year) {
            prop_assert_eq!(parsed.unwrap(), date);
        } else {
            prop_assert!(parsed.is_err(), "{}", iso);
        }
        let loose = format!("{year}-{month}-{day}");
        if loose != iso {
            prop_assert!(parse_date(&loose).is_err(), "{}", loose);
        }
    }
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
