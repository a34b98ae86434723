//! The operator's details: who is responsible for the reader's data and how to reach them
//! (`domain::operator`), with a plain warning while they are demo values. Shown on the contact
//! page, the consent step and the confirmation (and so in its printout).

use domain::Msg;
use domain::operator::OPERATOR;
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// The controller's name, address, email and phone.
#[component]
pub fn OperatorDetails() -> impl IntoView {
    let i18n = use_i18n();
    let o = OPERATOR;
    let controller = move || i18n.format(Msg::ContactController, &[("name", o.name)]);
    view! {
        <div class="app-operator">
            <DemoNotice />
            <p class="app-body">{controller}</p>
            <dl class="app-operator__list">
                <dt>{i18n.t(Msg::ContactAddressLabel)}</dt>
                <dd>
                    <address class="app-operator__address">
                        {o.name}<br />{o.street}<br />{format!("{} {}", o.postcode, o.city)}<br />
                        {o.country}
                    </address>
                </dd>
                <dt>{i18n.t(Msg::ContactEmailLabel)}</dt>
                <dd>
                    <a href=o.mailto()>{o.email}</a>
                </dd>
                <dt>{i18n.t(Msg::ContactPhoneLabel)}</dt>
                // A number reads left to right in every script.
                <dd>
                    <a href=o.tel() dir="ltr">
                        {o.phone_display}
                    </a>
                </dd>
            </dl>
        </div>
    }
}

/// While the details are examples, says so (nothing otherwise).
#[component]
pub fn DemoNotice() -> impl IntoView {
    let i18n = use_i18n();
    OPERATOR.demo.then(|| {
        view! {
            <p class="app-operator__demo" role="note">
                {i18n.t(Msg::ContactDemoNotice)}
            </p>
        }
    })
}

/// One short paragraph for the form: who is responsible, how to reach them, and where the
/// privacy notice is.
#[component]
pub fn OperatorContactLine() -> impl IntoView {
    let i18n = use_i18n();
    let o = OPERATOR;
    let controller = move || i18n.format(Msg::ContactController, &[("name", o.name)]);
    view! {
        <DemoNotice />
        <p class="app-body app-operator__line">
            {controller} " " <a href=o.mailto()>{o.email}</a> " · " <a href=o.tel() dir="ltr">
                {o.phone_display}
            </a> " · " <a href=o.privacy_href()>{i18n.t(Msg::ContactPrivacyHeading)}</a>
        </p>
    }
}
