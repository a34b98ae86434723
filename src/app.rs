//! The route table: every address of the product and the page it shows. The URL is the state.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::SiteLayout;
use crate::i18n::provide_i18n;
use crate::pages::{
    ArticlePage, ConditionPage, ContactPage, EmbedRequestPage, FinderPage, NotFoundPage,
    RequestPage,
};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    crate::offline::provide_offline();
    view! {
        <Router>
            <LocaleRoot>
                <Routes fallback=|| {
                    view! {
                        <SiteLayout>
                            <NotFoundPage />
                        </SiteLayout>
                    }
                }>
                    <Route
                        path=path!("/")
                        view=|| {
                            view! {
                                <SiteLayout>
                                    <ArticlePage />
                                </SiteLayout>
                            }
                        }
                    />
                    <Route
                        path=path!("/conditions")
                        view=|| {
                            view! {
                                <SiteLayout>
                                    <FinderPage />
                                </SiteLayout>
                            }
                        }
                    />
                    <Route
                        path=path!("/conditions/:id")
                        view=|| {
                            view! {
                                <SiteLayout>
                                    <ConditionPage />
                                </SiteLayout>
                            }
                        }
                    />
                    <Route
                        path=path!("/contact")
                        view=|| {
                            view! {
                                <SiteLayout>
                                    <ContactPage />
                                </SiteLayout>
                            }
                        }
                    />
                    <Route
                        path=path!("/request/:step?")
                        view=|| {
                            view! {
                                <SiteLayout>
                                    <RequestPage />
                                </SiteLayout>
                            }
                        }
                    />
                    <Route path=path!("/embed/request/:step?") view=EmbedRequestPage />
                </Routes>
            </LocaleRoot>
        </Router>
    }
}

/// Provides the language context inside the router, where the `?lang=` parameter can be read,
/// and notes moves within the app (a page reached so focuses its heading).
#[component]
fn LocaleRoot(children: Children) -> impl IntoView {
    provide_i18n();
    crate::components::watch_navigation();
    children()
}

/// Every address rendered to HTML at build time (`prerender/`), one file per language: the
/// article, the finder, every condition, the wizard's entry and each of its pages, and the same
/// for the embed. Any other address is the 404 page.
pub fn prerendered_paths() -> Vec<String> {
    use domain::request::Step;
    let mut paths = vec![
        "/".to_owned(),
        "/conditions".to_owned(),
        "/contact".to_owned(),
    ];
    let catalogue = domain::catalogue::catalogue();
    paths.extend(
        catalogue
            .entries()
            .iter()
            .map(|e| format!("/conditions/{}", e.id.0)),
    );
    let pages = Step::ALL.iter().map(|step| step.slug()).chain([
        crate::wizard::NOT_ELIGIBLE_SLUG,
        crate::wizard::URGENT_CARE_SLUG,
    ]);
    for base in ["/request", crate::embed::EMBED_PATH] {
        paths.push(base.to_owned());
        paths.extend(pages.clone().map(|slug| format!("{base}/{slug}")));
    }
    paths
}
