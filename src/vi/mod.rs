//! Vietnamese language: text normalization and publication instants (and, as they land,
//! the date grammar, the lunar calendar and entities). Knows strings only: no HTML, no HTTP.

pub mod dates;
pub mod datetime;
pub mod entities;
pub mod lunar;
pub mod normalize;
