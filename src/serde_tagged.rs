//! Internally tagged enums (`{"kind": "payment", "date": …}`) read so that an
//! error inside a variant names its own field.
//!
//! serde's derived internally tagged enums buffer the whole object before
//! they know the variant, and an error found in the buffer can only be
//! reported at the enum (`ledger.events[0]`), not at the field that is wrong
//! (`ledger.events[0].amount`). Here, when `kind` comes first (as the crate
//! writes it), the rest of the object is read straight from the input, so
//! every field keeps its path; when it does not, the object is buffered as
//! serde does and read from the buffer: the same result, a shorter path.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, MapDeserializer, SeqDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// An internally tagged enum: its kinds, and how a variant is read from the
/// object's other fields.
pub(crate) trait Tagged: Sized {
    /// What the enum is, for error messages (`"an event"`).
    const EXPECTING: &'static str;
    /// Every `kind`, in declaration order.
    const KINDS: &'static [&'static str];
    /// Reads the variant `kind` (one of [`Tagged::KINDS`]) from the object's
    /// other fields.
    fn variant<'de, D: Deserializer<'de>>(kind: &str, fields: D) -> Result<Self, D::Error>;
}

/// Deserializes a [`Tagged`] enum.
pub(crate) fn deserialize<'de, T: Tagged, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(TaggedVisitor(PhantomData))
}

/// `impl Deserialize` for a [`Tagged`] enum, by [`deserialize`].
macro_rules! deserialize_tagged {
    ($enum:ty) => {
        impl<'de> serde::Deserialize<'de> for $enum {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
                $crate::serde_tagged::deserialize(deserializer)
            }
        }
    };
}
pub(crate) use deserialize_tagged;

/// Declares an internally tagged enum's table of kinds: each
/// `"kind" => Fields => build`, where `Fields` is what the object's other
/// fields are read into ([`NoFields`] for none) and `build` turns it into
/// the variant. It implements [`Tagged`] and `Deserialize`: adding a variant
/// is one line here, beside the enum.
macro_rules! tagged {
    ($enum:ty, $expecting:literal, { $($kind:literal => $fields:ty => $build:expr),+ $(,)? }) => {
        impl $crate::serde_tagged::Tagged for $enum {
            const EXPECTING: &'static str = $expecting;
            const KINDS: &'static [&'static str] = &[$($kind),+];
            fn variant<'de, D: serde::Deserializer<'de>>(
                kind: &str,
                fields: D,
            ) -> std::result::Result<Self, D::Error> {
                $(
                    if kind == $kind {
                        return <$fields as serde::Deserialize>::deserialize(fields).map($build);
                    }
                )+
                Err(serde::de::Error::unknown_variant(kind, Self::KINDS))
            }
        }
        $crate::serde_tagged::deserialize_tagged!($enum);
    };
}
pub(crate) use tagged;

/// A variant without fields: the object must have nothing but its `kind`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NoFields {}

struct TaggedVisitor<T>(PhantomData<T>);

impl<'de, T: Tagged> Visitor<'de> for TaggedVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let Some(first) = map.next_key::<String>()? else {
            return Err(de::Error::missing_field("kind"));
        };
        if first == "kind" {
            let kind = map.next_value_seed(KindSeed(T::KINDS))?;
            return T::variant(&kind, MapAccessDeserializer::new(map));
        }
        let mut fields = vec![(first, map.next_value::<Buffered>()?)];
        while let Some(key) = map.next_key::<String>()? {
            fields.push((key, map.next_value::<Buffered>()?));
        }
        let at = fields
            .iter()
            .position(|(key, _)| key == "kind")
            .ok_or_else(|| de::Error::missing_field("kind"))?;
        let (_, kind) = fields.remove(at);
        let kind = KindSeed(T::KINDS).deserialize(kind.into_deserializer())?;
        T::variant(&kind, MapDeserializer::new(fields.into_iter()))
    }
}

/// Reads `kind`, refusing one the enum does not have.
struct KindSeed(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KindSeed {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        let kind = String::deserialize(deserializer)?;
        if self.0.contains(&kind.as_str()) {
            Ok(kind)
        } else {
            Err(de::Error::unknown_variant(&kind, self.0))
        }
    }
}

/// Any self-describing value, held until the variant is known.
#[derive(Debug, Clone, PartialEq)]
enum Buffered {
    Null,
    Bool(bool),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Text(String),
    List(Vec<Buffered>),
    Object(Vec<(Buffered, Buffered)>),
}

impl<'de> Deserialize<'de> for Buffered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Buffered, D::Error> {
        deserializer.deserialize_any(BufferedVisitor)
    }
}

struct BufferedVisitor;

impl<'de> Visitor<'de> for BufferedVisitor {
    type Value = Buffered;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_unit<E>(self) -> Result<Buffered, E> {
        Ok(Buffered::Null)
    }
    fn visit_none<E>(self) -> Result<Buffered, E> {
        Ok(Buffered::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Buffered, D::Error> {
        Buffered::deserialize(deserializer)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Buffered, E> {
        Ok(Buffered::Bool(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Buffered, E> {
        Ok(Buffered::Unsigned(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Buffered, E> {
        Ok(Buffered::Signed(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Buffered, E> {
        Ok(Buffered::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Buffered, E> {
        Ok(Buffered::Text(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Buffered, E> {
        Ok(Buffered::Text(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Buffered, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Buffered::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Buffered, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Buffered::Object(entries))
    }
}

/// A [`Buffered`] value read back through serde.
struct BufferedDeserializer<E> {
    value: Buffered,
    error: PhantomData<E>,
}

impl<'de, E: de::Error> IntoDeserializer<'de, E> for Buffered {
    type Deserializer = BufferedDeserializer<E>;
    fn into_deserializer(self) -> BufferedDeserializer<E> {
        BufferedDeserializer {
            value: self,
            error: PhantomData,
        }
    }
}

impl<'de, E: de::Error> Deserializer<'de> for BufferedDeserializer<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.value {
            Buffered::Null => visitor.visit_unit(),
            Buffered::Bool(v) => visitor.visit_bool(v),
            Buffered::Unsigned(v) => visitor.visit_u64(v),
            Buffered::Signed(v) => visitor.visit_i64(v),
            Buffered::Float(v) => visitor.visit_f64(v),
            Buffered::Text(v) => visitor.visit_string(v),
            Buffered::List(items) => {
                let mut seq = SeqDeserializer::new(items.into_iter());
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Buffered::Object(entries) => {
                let mut map = MapDeserializer::new(entries.into_iter());
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.value {
            Buffered::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, E> {
        match self.value {
            Buffered::Text(v) => v.into_deserializer().deserialize_enum(name, variants, visitor),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, E> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Pay {
        amount: u32,
        note: Option<String>,
    }

    #[derive(Debug, PartialEq)]
    enum Sample {
        Pay(Pay),
        Nothing,
    }

    impl Tagged for Sample {
        const EXPECTING: &'static str = "a sample";
        const KINDS: &'static [&'static str] = &["pay", "nothing"];
        fn variant<'de, D: Deserializer<'de>>(kind: &str, fields: D) -> Result<Self, D::Error> {
            match kind {
                "pay" => Pay::deserialize(fields).map(Sample::Pay),
                _ => NoFields::deserialize(fields).map(|_| Sample::Nothing),
            }
        }
    }

    impl<'de> Deserialize<'de> for Sample {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            deserialize(d)
        }
    }

    fn map(entries: Vec<(&str, Buffered)>) -> Buffered {
        Buffered::Object(
            entries
                .into_iter()
                .map(|(k, v)| (Buffered::Text(k.into()), v))
                .collect(),
        )
    }

    fn read(value: Buffered) -> Result<Sample, de::value::Error> {
        Sample::deserialize(value.into_deserializer())
    }

    #[test]
    fn kind_anywhere_reads_the_same_variant() {
        let pay = Sample::Pay(Pay { amount: 5, note: None });
        let first = map(vec![
            ("kind", Buffered::Text("pay".into())),
            ("amount", Buffered::Unsigned(5)),
        ]);
        let last = map(vec![
            ("amount", Buffered::Unsigned(5)),
            ("note", Buffered::Null),
            ("kind", Buffered::Text("pay".into())),
        ]);
        assert_eq!(read(first), Ok(pay));
        assert_eq!(read(last), Ok(Sample::Pay(Pay { amount: 5, note: None })));
        assert_eq!(
            read(map(vec![("kind", Buffered::Text("nothing".into()))])),
            Ok(Sample::Nothing)
        );
    }

    #[test]
    fn wrong_kinds_and_fields_are_refused() {
        for bad in [
            map(vec![]),
            map(vec![("amount", Buffered::Unsigned(5))]),
            map(vec![("kind", Buffered::Text("gift".into()))]),
            map(vec![
                ("kind", Buffered::Text("nothing".into())),
                ("amount", Buffered::Unsigned(5)),
            ]),
            map(vec![
                ("amount", Buffered::Signed(-5)),
                ("kind", Buffered::Text("pay".into())),
            ]),
            Buffered::List(vec![]),
        ] {
            assert!(read(bad.clone()).is_err(), "{bad:?}");
        }
    }
}
