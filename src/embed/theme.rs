//! The partner's theme colour made safe to use: `#rrggbb` only, darkened until white text on it
//! (and it as text on white) keeps WCAG AA contrast with a margin for light grey surfaces.

/// A colour as red, green and blue bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub [u8; 3]);

/// The contrast aimed at against white: AA asks 4.5; 5.0 keeps 4.5 on the light grey surfaces.
const TARGET: f64 = 5.0;

impl Rgb {
    /// Reads `#rrggbb` (either case); anything else, including `#rgb` and names, is refused.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb([byte(0)?, byte(2)?, byte(4)?]))
    }

    /// `#rrggbb`, lower case.
    pub fn hex(self) -> String {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut out = String::from("#");
        for b in self.0 {
            out.push(char::from(DIGITS[usize::from(b >> 4)]));
            out.push(char::from(DIGITS[usize::from(b & 15)]));
        }
        out
    }

    /// WCAG relative luminance.
    fn luminance(self) -> f64 {
        let [r, g, b] = self.0.map(|c| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        });
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    /// The contrast ratio of white against this colour.
    pub fn contrast_with_white(self) -> f64 {
        1.05 / (self.luminance() + 0.05)
    }

    /// This colour, or the nearest darker shade (same hue) that reaches the target contrast.
    pub fn accessible(self) -> Rgb {
        let mut shade = self;
        for step in 1..=100u16 {
            if shade.contrast_with_white() >= TARGET {
                return shade;
            }
            let keep = 100 - step;
            shade = Rgb(self
                .0
                .map(|c| u8::try_from(u16::from(c) * keep / 100).unwrap_or(0)));
        }
        Rgb([0, 0, 0])
    }

    /// A darker shade for hover and pressed states.
    pub fn darker(self) -> Rgb {
        Rgb(self
            .0
            .map(|c| u8::try_from(u16::from(c) * 2 / 3).unwrap_or(0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expect: Option<&str>) {
        let got = Rgb::parse(input).map(|c| c.accessible());
        assert_eq!(got.map(Rgb::hex).as_deref(), expect, "{input}");
        if let Some(c) = got {
            assert!(c.contrast_with_white() >= 4.5, "{input}");
        }
    }

    #[test]
    fn themes() {
        check("#1d5e8c", Some("#1d5e8c"));
        check("#1D5E8C", Some("#1d5e8c"));
        check("#000000", Some("#000000"));
        check("#ffffff", Some("#6d6d6d"));
        check("#ffdd00", Some("#7f6e00"));
        check("#1d5e8", None);
        check("1d5e8c", None);
        check("#1d5e8g", None);
        check("#fff", None);
        check("red", None);
        check("#1d5e8c;color:red", None);
    }

    #[test]
    fn contrast_of_known_pairs() {
        let white = Rgb([255, 255, 255]).contrast_with_white();
        let black = Rgb([0, 0, 0]).contrast_with_white();
        assert!((white - 1.0).abs() < 1e-9 && (black - 21.0).abs() < 1e-9);
    }
}
