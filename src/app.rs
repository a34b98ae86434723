//! The route table: every address of the product and the page it shows. The URL is the state.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::SiteLayout;
use crate::i18n::provide_i18n;
use crate::pages::{
    ArticlePage, ConditionPage, EmbedRequestPage, FinderPage, NotFoundPage, RequestPage,
};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    crate::offline::provide_offline();
    view! {
        <Router>
            <LocaleRoot>
                <Routes fallback=|| view! { <SiteLayout><NotFoundPage /></SiteLayout> }>
                    <Route path=path!("/") view=|| view! { <SiteLayout><ArticlePage /></SiteLayout> } />
                    <Route
                        path=path!("/conditions")
                        view=|| view! { <SiteLayout><FinderPage /></SiteLayout> }
                    />
                    <Route
                        path=path!("/conditions/:id")
                        view=|| view! { <SiteLayout><ConditionPage /></SiteLayout> }
                    />
                    <Route
                        path=path!("/request/:step")
                        view=|| view! { <SiteLayout><RequestPage /></SiteLayout> }
                    />
                    <Route path=path!("/embed/request/:step?") view=EmbedRequestPage />
                </Routes>
            </LocaleRoot>
        </Router>
    }
}

/// Provides the language context inside the router, where the `?lang=` parameter can be read.
#[component]
fn LocaleRoot(children: Children) -> impl IntoView {
    provide_i18n();
    children()
}
