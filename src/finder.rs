//! The condition finder's parts: the search box, the category filter, the result list with its
//! highlights, the A-Z list, the no-match help and the live count. They render what
//! `domain::catalogue` finds; they must not rank, fold or match text themselves.

mod az_list;
mod category_filter;
mod finder_url;
mod highlighted;
mod live_count;
mod no_match;
mod result_item;
mod result_list;
mod rows;
mod search_box;

pub use az_list::AzList;
pub use category_filter::CategoryFilter;
pub use finder_url::{FinderUrl, request_href};
pub use highlighted::Highlighted;
pub use live_count::LiveCount;
pub use no_match::NoMatch;
pub use result_item::ResultItem;
pub use result_list::ResultList;
pub use rows::{Row, rows};
pub use search_box::SearchBox;
