//! Building blocks shared by the pages: the site frame and its parts.

mod language_switch;
mod offline_copy;
mod offline_notices;
mod operator_details;
mod page_heading;
mod page_title;
mod site_footer;
mod site_header;
mod site_layout;

pub use language_switch::LanguageSwitch;
pub use offline_copy::OfflineCopy;
pub use offline_notices::OfflineNotices;
pub use operator_details::{DemoNotice, OperatorContactLine, OperatorDetails};
pub use page_heading::{
    PAGE_HEADING_ID, focus, focus_later, focus_on_arrival, focus_page_heading, watch_navigation,
};
pub use page_title::{PageKind, PageTitle, localized};
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use site_layout::SiteLayout;
