//! The header: the product name linking home, the main navigation and the language switch.

use domain::Msg;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::LanguageSwitch;
use crate::i18n::use_i18n;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="app-header">
            <div class="app-header__inner">
                <A href="/" attr:class="app-header__name">
                    {i18n.t(Msg::AppName)}
                </A>
                <LanguageSwitch />
            </div>
            <nav class="app-nav" aria-label=i18n.t(Msg::NavLabel)>
                <ul class="app-nav__list">
                    <li>
                        <A href="/" attr:class="app-nav__link">
                            {i18n.t(Msg::NavArticle)}
                        </A>
                    </li>
                    <li>
                        <A href="/conditions" attr:class="app-nav__link">
                            {i18n.t(Msg::NavConditions)}
                        </A>
                    </li>
                    <li>
                        <A href="/request/who-for" attr:class="app-nav__link">
                            {i18n.t(Msg::NavRequest)}
                        </A>
                    </li>
                </ul>
            </nav>
        </header>
    }
}
