//! `Decimal` as a JSON string, for `#[serde(with = "crate::serde_str")]` on our own fields.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serializer};

pub(crate) fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
    Decimal::from_str_exact(text.trim()).map_err(|_| serde::de::Error::custom(format!("invalid decimal {text:?}")))
}

/// `Option<Decimal>` as an optional string.
pub(crate) mod option {
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub(crate) fn serialize<S: Serializer>(value: &Option<Decimal>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serializer.collect_str(v),
            None => serializer.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Decimal>, D::Error> {
        use serde::Deserialize;
        let text = Option::<std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.map(|t| {
            Decimal::from_str_exact(t.trim()).map_err(|_| serde::de::Error::custom(format!("invalid decimal {t:?}")))
        })
        .transpose()
    }
}
