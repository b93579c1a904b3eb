//! Reading the JSON the platform replies with, without allocating.

pub mod reader;

pub use reader::{Object, RawStr, Value, parse_object};
