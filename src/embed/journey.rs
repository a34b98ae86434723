//! Which events a move from one wizard page to another tells the partner. Pure: it sees only the
//! page slugs, never the answers. The eligibility outcome is coarse on purpose ("continue" or
//! "not now", never why): the reason would be health data.

use domain::request::Step;

use super::messages::{Eligibility, EmbedEvent};

/// The pages the rules lead to when they refuse (`crate::wizard`'s slugs).
const REFUSAL_SLUGS: [&str; 2] = [
    crate::wizard::NOT_ELIGIBLE_SLUG,
    crate::wizard::URGENT_CARE_SLUG,
];

/// What the journey has told the partner so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Journey {
    last_slug: Option<String>,
    told: Option<Eligibility>,
}

impl Journey {
    /// The events for arriving on `slug` (the path segment after `/embed/request/`, `None` while
    /// the first page is being chosen). `reference` is read only when the request was just sent.
    pub fn arrive(
        &mut self,
        slug: Option<&str>,
        test: bool,
        reference: impl FnOnce() -> Option<String>,
    ) -> Vec<EmbedEvent> {
        let Some(slug) = slug else {
            return Vec::new();
        };
        if self.last_slug.as_deref() == Some(slug) {
            return Vec::new();
        }
        let previous = self.last_slug.replace(slug.to_owned());
        let mut events = Vec::new();
        if REFUSAL_SLUGS.contains(&slug) {
            events.push(EmbedEvent::Step {
                step: "not-now",
                number: None,
            });
            self.tell(Eligibility::NotNow, &mut events);
            return events;
        }
        let Some(step) = Step::from_slug(slug) else {
            return events;
        };
        events.push(EmbedEvent::Step {
            step: step.slug(),
            number: step.number().map(|(n, _)| n),
        });
        if step > Step::Screening {
            self.tell(Eligibility::Continue, &mut events);
        }
        let just_sent = step == Step::Done && previous.as_deref() == Some(Step::Check.slug());
        if let Some(reference) = just_sent.then(reference).flatten() {
            events.push(EmbedEvent::Submitted { reference, test });
        }
        events
    }

    fn tell(&mut self, outcome: Eligibility, events: &mut Vec<EmbedEvent>) {
        if self.told != Some(outcome) {
            self.told = Some(outcome);
            events.push(EmbedEvent::Eligibility(outcome));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(slugs: &[Option<&str>]) -> Vec<String> {
        let mut journey = Journey::default();
        slugs
            .iter()
            .flat_map(|slug| journey.arrive(*slug, false, || Some("CT-7K3M9Q2X".to_owned())))
            .map(|e| e.to_json().to_string())
            .collect()
    }

    #[test]
    fn a_whole_journey() {
        let events = walk(&[
            None,
            Some("who-for"),
            Some("who-for"),
            Some("condition"),
            Some("country"),
            Some("health"),
            Some("patient"),
            Some("contact"),
            Some("check"),
            Some("done"),
        ]);
        let names: Vec<&str> = events
            .iter()
            .map(|e| {
                if e.contains("\"eligibility\"") {
                    "E"
                } else if e.contains("submitted") {
                    "S"
                } else {
                    "s"
                }
            })
            .collect();
        assert_eq!(names.concat(), "sssssEsssS");
        assert!(events[5].contains("\"continue\""), "{}", events[5]);
        assert!(events[9].contains("CT-7K3M9Q2X"), "{}", events[9]);
    }

    #[test]
    fn a_refusal_says_not_now_and_nothing_more() {
        let events = walk(&[
            Some("who-for"),
            Some("health"),
            Some("not-eligible"),
            Some("health"),
            Some("see-a-doctor"),
        ]);
        assert_eq!(events.len(), 6, "{events:?}");
        assert!(events[3].contains("\"not-now\"") && !events[3].contains("reason"));
    }

    #[test]
    fn opening_done_directly_reports_no_submission() {
        let events = walk(&[Some("done")]);
        assert!(
            events.iter().all(|e| !e.contains("submitted")),
            "{events:?}"
        );
    }
}
