//! `/contact`: how to reach the company, who is responsible for the reader's data, how to
//! withdraw consent or have a request deleted, and how the data is used (the privacy notice, or
//! a link to the full one where the operator has one elsewhere).

use domain::Msg;
use domain::operator::OPERATOR;
use leptos::prelude::*;

use crate::components::{OperatorDetails, PageTitle};
use crate::i18n::use_i18n;

#[component]
pub fn ContactPage() -> impl IntoView {
    let i18n = use_i18n();
    let full_notice = (!OPERATOR.privacy_url.is_empty()).then(|| {
        view! {
            <p class="app-body">
                <a href=OPERATOR.privacy_url>{i18n.t(Msg::ContactPrivacyLink)}</a>
            </p>
        }
    });
    view! {
        <PageTitle text=Signal::derive(move || i18n.t(Msg::ContactTitle)().to_owned()) />
        <h1 class="app-heading-xl">{i18n.t(Msg::ContactTitle)}</h1>
        <p class="app-body">{i18n.t(Msg::ContactIntro)}</p>
        <h2 class="app-heading-m">{i18n.t(Msg::ContactWhoHeading)}</h2>
        <OperatorDetails />
        <h2 class="app-heading-m" id="withdraw">
            {i18n.t(Msg::ContactWithdrawHeading)}
        </h2>
        <p class="app-body">{i18n.t(Msg::ContactWithdrawBody)}</p>
        <h2 class="app-heading-m" id="privacy">
            {i18n.t(Msg::ContactPrivacyHeading)}
        </h2>
        <p class="app-body">{i18n.t(Msg::ContactPrivacyWhat)}</p>
        <p class="app-body">{i18n.t(Msg::ContactPrivacyBasis)}</p>
        <p class="app-body">{i18n.t(Msg::ContactPrivacyKeep)}</p>
        <p class="app-body">{i18n.t(Msg::ContactPrivacyRights)}</p>
        {full_notice}
    }
}
