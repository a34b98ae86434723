//! Between the wire body and the domain: the client builds a body from a validated request; the
//! server accepts a body only through the same validation and eligibility rules the wizard ran,
//! so bypassing the browser gains nothing.

use super::checks::meta_errors;
use super::*;
use crate::Msg;
use crate::eligibility::{Answers, Outcome, Refusal, WhoForChoice};
use crate::request::{
    ContactWay, Draft, FieldError, Requester as DomainRequester, TreatmentRequest,
    ValidationContext,
};

/// Why the server refuses a body with 422.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    /// Fields missing or invalid, in step order.
    Invalid(Vec<FieldError>),
    /// Valid, but the rules refuse it now.
    NotEligible(Vec<Refusal>),
}

/// What the client adds around a validated request; made once, before the first attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub reference: Reference,
    pub idempotency_key: IdempotencyKey,
    pub locale: Locale,
    pub app_version: String,
    pub attribution: Option<Attribution>,
    pub honeypot: String,
    pub started_at: u64,
}

impl RequestBody {
    /// The body for a validated request (client side).
    pub fn new(request: &TreatmentRequest, envelope: Envelope) -> RequestBody {
        let c = &request.contact;
        let (phone, email) = match &c.way {
            ContactWay::Phone(p) | ContactWay::WhatsApp(p) | ContactWay::Telegram(p) => {
                (Some(p.as_str().to_owned()), None)
            }
            ContactWay::Email(e) => (None, Some(e.as_str().to_owned())),
        };
        let channel = match &c.way {
            ContactWay::Phone(_) => ContactChannel::Phone,
            ContactWay::WhatsApp(_) => ContactChannel::WhatsApp,
            ContactWay::Telegram(_) => ContactChannel::Telegram,
            ContactWay::Email(_) => ContactChannel::Email,
        };
        let consent = |r: &crate::request::ConsentRecord| Consent {
            version: r.version.clone(),
            given_at: r.given_at,
        };
        RequestBody {
            v: VERSION,
            reference: envelope.reference,
            idempotency_key: envelope.idempotency_key,
            condition: request.condition.clone(),
            screening: request.screening,
            treatment_country: request.country,
            patient: Patient {
                name: request.patient.name.as_str().to_owned(),
                age_group: request.patient.age_group,
            },
            requester: match &request.requester {
                DomainRequester::Patient => None,
                DomainRequester::SomeoneElse { name, relation } => Some(Requester {
                    name: name.as_str().to_owned(),
                    relation: *relation,
                }),
            },
            contact: Contact {
                channel,
                phone,
                email,
                language: c.language.as_str().to_owned(),
                best_time: c.best_time,
                time_zone: c.time_zone.as_str().to_owned(),
            },
            consents: Consents {
                health_data: Some(consent(&request.consents.health_data)),
                clinics: Some(consent(&request.consents.clinics)),
                marketing: request.consents.marketing.as_ref().map(consent),
            },
            attribution: envelope.attribution,
            locale: envelope.locale,
            app_version: envelope.app_version,
            honeypot: envelope.honeypot,
            started_at: envelope.started_at,
            test: false,
        }
    }

    /// The server's check: the same validation and rules as the wizard. On success the request
    /// and its verdict (eligible or needs review).
    pub fn accept(
        &self,
        ctx: &ValidationContext<'_>,
    ) -> Result<(TreatmentRequest, Outcome), Rejection> {
        let mut errors = Vec::new();
        if self.v != VERSION {
            errors.push(FieldError {
                pointer: "/v",
                msg: Msg::ErrorVersion,
            });
        }
        let mut request = match self.to_draft().validate(ctx) {
            Ok(request) => Some(request),
            Err(found) => {
                errors.extend(found);
                None
            }
        };
        errors.extend(meta_errors(self));
        if let (Some(request), Some(h), Some(c)) = (
            &mut request,
            &self.consents.health_data,
            &self.consents.clinics,
        ) {
            let record = |c: &Consent| crate::request::ConsentRecord {
                version: c.version.clone(),
                given_at: c.given_at,
            };
            request.consents.health_data = record(h);
            request.consents.clinics = record(c);
            request.consents.marketing = self.consents.marketing.as_ref().map(record);
        }
        let request = match request {
            Some(request) if errors.is_empty() => request,
            _ => return Err(Rejection::Invalid(errors)),
        };
        match request.eligibility() {
            Outcome::NotEligibleNow(refusals) => Err(Rejection::NotEligible(refusals)),
            outcome => Ok((request, outcome)),
        }
    }

    /// The body as a draft, so it passes through exactly the wizard's validation.
    fn to_draft(&self) -> Draft {
        let c = &self.contact;
        let answers = Answers {
            who_for: Some(if self.requester.is_some() {
                WhoForChoice::SomeoneElse
            } else {
                WhoForChoice::Myself
            }),
            relation: self.requester.as_ref().map(|r| r.relation),
            age_group: Some(self.patient.age_group),
            condition: Some(self.condition.clone()),
            country: Some(self.treatment_country),
            ..Answers::from(self.screening)
        };
        Draft {
            answers,
            patient_name: Some(self.patient.name.clone()),
            requester_name: self.requester.as_ref().map(|r| r.name.clone()),
            channel: Some(c.channel),
            phone: c.phone.clone(),
            email: c.email.clone(),
            language: Some(c.language.clone()),
            best_time: Some(c.best_time),
            time_zone: Some(c.time_zone.clone()),
            consent_health_data: self.consents.health_data.is_some(),
            consent_clinics: self.consents.clinics.is_some(),
            consent_marketing: self.consents.marketing.is_some(),
            consent_version: None,
            consent_given_at: None,
        }
    }
}
