//! The `format` and `format_version` header fields of both file kinds.
//!
//! They are typed so that a wrong header stops deserialisation at the header,
//! before any unknown field further down could hide the real cause.

use std::fmt;

use serde::de::{self, Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The newest file format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

macro_rules! format_tag {
    ($(#[$meta:meta])* $name:ident = $tag:literal) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $name;

        impl $name {
            /// The literal the file carries.
            pub const TAG: &'static str = $tag;
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(Self::TAG)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        write!(f, "{:?}", $tag)
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$name, E> {
                        if v == $tag {
                            Ok($name)
                        } else {
                            Err(E::invalid_value(Unexpected::Str(v), &self))
                        }
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}

format_tag!(
    /// The `format: "fundplan-plan"` header of a plan file.
    PlanFormat = "fundplan-plan"
);
format_tag!(
    /// The `format: "fundplan-catalog"` header of a catalog file.
    CatalogFormat = "fundplan-catalog"
);

/// A `format_version` this build understands (1 ..= [`FORMAT_VERSION`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatVersion(u32);

impl FormatVersion {
    /// The version this build writes.
    pub const CURRENT: FormatVersion = FormatVersion(FORMAT_VERSION);

    /// The number.
    pub fn get(self) -> u32 {
        self.0
    }
}

impl Default for FormatVersion {
    fn default() -> Self {
        Self::CURRENT
    }
}

impl Serialize for FormatVersion {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.0)
    }
}

impl<'de> Deserialize<'de> for FormatVersion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = u32::deserialize(d)?;
        if (1..=FORMAT_VERSION).contains(&v) {
            Ok(FormatVersion(v))
        } else {
            Err(de::Error::invalid_value(
                Unexpected::Unsigned(u64::from(v)),
                &"a supported format_version",
            ))
        }
    }
}
