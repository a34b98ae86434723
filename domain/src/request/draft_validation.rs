//! The whole draft at once: every step's checks, in step order, assembled into a
//! [`TreatmentRequest`]. The per-step checks are in `validate.rs`; nothing is checked twice.

use super::validate::*;
use super::*;

/// The whole draft: every step's errors in step order, or the complete request. A request the
/// rules refuse is not an error here: that is [`TreatmentRequest::eligibility`]'s verdict.
pub(super) fn all(d: &Draft, ctx: &ValidationContext<'_>) -> Checked<TreatmentRequest> {
    let who = who_for(d);
    let (condition, country, screening) = (condition(d, ctx), country(d), screening(d));
    let (patient_name, contact, consents) = (patient(d), contact(d), consents(d, ctx));
    match (
        who,
        condition,
        country,
        screening,
        patient_name,
        contact,
        consents,
    ) {
        (
            Ok((_, relation, age_group)),
            Ok(condition),
            Ok(country),
            Ok(screening),
            Ok(name),
            Ok((rname, contact)),
            Ok(consents),
        ) => {
            let requester = match (relation, rname) {
                (Some(relation), Some(name)) => Requester::SomeoneElse { name, relation },
                _ => Requester::Patient,
            };
            let patient = Patient { name, age_group };
            Ok(TreatmentRequest {
                condition,
                country,
                screening,
                patient,
                requester,
                contact,
                consents,
            })
        }
        (a, b, c, s, p, ct, cs) => {
            let errors = [
                a.err(),
                b.err(),
                c.err(),
                s.err(),
                p.err(),
                ct.err(),
                cs.err(),
            ];
            Err(errors.into_iter().flatten().flatten().collect())
        }
    }
}

impl Draft {
    /// The only way to a [`TreatmentRequest`]: every field checked and normalised, or every
    /// error in step order. Eligibility is separate: see [`TreatmentRequest::eligibility`].
    pub fn validate(
        &self,
        ctx: &ValidationContext<'_>,
    ) -> Result<TreatmentRequest, Vec<FieldError>> {
        all(self, ctx)
    }

    /// The errors of one step's page, empty when the step is complete.
    pub fn validate_step(&self, step: Step, ctx: &ValidationContext<'_>) -> Vec<FieldError> {
        let result = match step {
            Step::WhoFor => who_for(self).map(drop),
            Step::Condition => condition(self, ctx).map(drop),
            Step::Country => country(self).map(drop),
            Step::Screening => screening(self).map(drop),
            Step::Patient => patient(self).map(drop),
            Step::Contact => contact(self).map(drop),
            Step::Consent => consents(self, ctx).map(drop),
            Step::Check => all(self, ctx).map(drop),
            Step::Done => Ok(()),
        };
        result.err().unwrap_or_default()
    }
}
