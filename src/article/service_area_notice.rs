//! Where treatment is arranged now: the countries not processed and the offer of Germany, worded
//! from the eligibility rules (`domain::article::service_area`), never a copy in the content.

use domain::Locale;
use domain::article::service_area;
use leptos::prelude::*;

#[component]
pub fn ServiceAreaNotice(locale: Locale) -> impl IntoView {
    let notice = service_area(locale);
    view! {
        <div class="app-notice" lang=locale.tag()>
            <p class="app-notice__text">
                <strong>{notice.not_processed}</strong>
            </p>
            <p class="app-notice__text">{notice.offer}</p>
        </div>
    }
}
