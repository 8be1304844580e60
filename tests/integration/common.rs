//! Helpers shared by the integration tests.
#![allow(dead_code)] // each area uses a different subset

use chrono::NaiveDate;
use overdue::Money;
use rust_decimal::Decimal;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn m(v: Decimal) -> Money {
    Money::new(v).unwrap()
}
