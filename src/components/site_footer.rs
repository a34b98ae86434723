//! The footer: the help and contact link, in the same place on every page, the safety line, and
//! whether the site is saved on this device for reading offline.

use domain::Msg;
use domain::eligibility::CALLBACK_HOURS;
use leptos::prelude::*;
use leptos_router::components::A;

use super::OfflineCopy;
use crate::i18n::use_i18n;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    // The promise comes from the rules, like the wizard's confirmation: never a second copy.
    let hint = move || {
        i18n.format(
            Msg::FooterHelpHint,
            &[("hours", &CALLBACK_HOURS.to_string())],
        )
    };
    view! {
        <footer class="app-footer">
            <div class="app-footer__inner">
                <p class="app-footer__help">
                    <A href="/contact" attr:class="app-footer__link">
                        {i18n.t(Msg::FooterHelp)}
                    </A>
                    " "
                    <span>{hint}</span>
                </p>
                <p class="app-footer__notice">{i18n.t(Msg::FooterNotice)}</p>
                <OfflineCopy />
            </div>
        </footer>
    }
}
