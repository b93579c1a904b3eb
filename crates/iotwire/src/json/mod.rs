//! Reading the JSON the platform replies with, without allocating.

pub mod reader;

pub use reader::{
    Lookup, Object, RawStr, Value, integer_of, object_of, parse_object, string_of, value_of,
};
