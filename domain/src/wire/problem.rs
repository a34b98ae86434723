//! RFC 9457 problem details as the intake API sends them, with `errors: [{pointer, detail}]` for
//! field-level failures. It builds bodies only; the server chooses status codes and headers.

use super::Rejection;
use crate::{Locale, Msg};
use serde::{Deserialize, Serialize};

/// The media type of a problem body.
pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// A problem details body. `type` is a relative URI naming the kind of problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// One entry per field; empty for problems that are not about fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

/// One field's problem: a JSON pointer into the request body and a sentence for the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldProblem {
    pub pointer: String,
    pub detail: String,
}

impl Problem {
    pub const TYPE_VALIDATION: &'static str = "/problems/validation";
    pub const TYPE_NOT_ELIGIBLE: &'static str = "/problems/not-eligible";

    /// A problem without field errors, for 400, 409, 413, 415, 429 and 5xx.
    pub fn new(status: u16, type_: &str, title: &str, detail: &str) -> Problem {
        let (type_, title, detail) = (type_.to_owned(), title.to_owned(), detail.to_owned());
        Problem {
            type_,
            title,
            status,
            detail,
            errors: Vec::new(),
        }
    }

    /// The 422 body for a request the domain refused, in the language the user filled it in.
    pub fn unprocessable(rejection: &Rejection, locale: Locale) -> Problem {
        let (type_, title, detail, errors) = match rejection {
            Rejection::Invalid(errors) => (
                Problem::TYPE_VALIDATION,
                Msg::ProblemValidationTitle,
                Msg::ProblemValidationDetail,
                errors
                    .iter()
                    .map(|e| FieldProblem {
                        pointer: e.pointer.to_owned(),
                        detail: locale.text(e.msg).to_owned(),
                    })
                    .collect(),
            ),
            Rejection::NotEligible(refusals) => (
                Problem::TYPE_NOT_ELIGIBLE,
                Msg::ProblemNotEligibleTitle,
                Msg::ProblemNotEligibleDetail,
                refusals
                    .iter()
                    .map(|r| FieldProblem {
                        pointer: r.pointer().to_owned(),
                        detail: r.text(locale).title,
                    })
                    .collect(),
            ),
        };
        Problem {
            type_: type_.to_owned(),
            title: locale.text(title).to_owned(),
            status: 422,
            detail: locale.text(detail).to_owned(),
            errors,
        }
    }
}
