//! One component per route; each name ends in `Page`.

mod article_page;
mod condition_page;
mod contact_page;
mod embed_request_page;
mod finder_page;
mod not_found_page;
mod request_page;

pub use article_page::ArticlePage;
pub use condition_page::ConditionPage;
pub use contact_page::ContactPage;
pub use embed_request_page::EmbedRequestPage;
pub use finder_page::FinderPage;
pub use not_found_page::NotFoundPage;
pub use request_page::RequestPage;
