//! Who runs the service: the data controller and how to reach them. The values are the editor's
//! file `content/operator.toml`, made into [`OPERATOR`] at build time; the demo values say so on
//! every page that shows them.

/// The operator's details.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operator {
    /// True while the values are examples, not a real company's.
    pub demo: bool,
    pub name: &'static str,
    pub street: &'static str,
    pub postcode: &'static str,
    pub city: &'static str,
    pub country: &'static str,
    pub email: &'static str,
    /// E.164, for `tel:` links.
    pub phone: &'static str,
    /// The number as people read it.
    pub phone_display: &'static str,
    /// The full privacy notice elsewhere; empty when the site's own contact page holds it.
    pub privacy_url: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/operator.rs"));

impl Operator {
    /// `mailto:` with the address.
    pub fn mailto(&self) -> String {
        format!("mailto:{}", self.email)
    }

    /// `tel:` with the E.164 number.
    pub fn tel(&self) -> String {
        format!("tel:{}", self.phone)
    }

    /// Where the privacy notice is: the configured address, or the contact page.
    pub fn privacy_href(&self) -> &'static str {
        if self.privacy_url.is_empty() {
            "/contact#privacy"
        } else {
            self.privacy_url
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_details_are_marked_as_demo_values() {
        // Shipping example details as a real company's would mislead a patient.
        assert!(OPERATOR.demo || !OPERATOR.email.ends_with("example.org"));
        assert!(OPERATOR.tel().starts_with("tel:+"));
        assert_eq!(OPERATOR.mailto(), format!("mailto:{}", OPERATOR.email));
    }
}
