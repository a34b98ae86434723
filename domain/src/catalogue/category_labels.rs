//! The kinds and categories of catalogue entries, with their slugs (as in the data file and the
//! `?category=` URL parameter) and their translated labels. No logic beyond naming.

use serde::{Deserialize, Serialize};

use crate::Msg;

/// Whether an entry is a disease the article lists or a medical goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Pathology,
    Goal,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Pathology, Kind::Goal];

    pub const fn label(self) -> Msg {
        match self {
            Kind::Pathology => Msg::KindPathology,
            Kind::Goal => Msg::KindGoal,
        }
    }
}

macro_rules! categories {
    ($($variant:ident = $slug:literal => $msg:ident,)*) => {
        /// The area of medicine an entry belongs to, for the finder's filter.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Category {
            $(#[serde(rename = $slug)] $variant,)*
        }

        impl Category {
            /// Every category, in the order the filter lists them.
            pub const ALL: [Category; [$($slug),*].len()] = [$(Category::$variant),*];

            /// The slug used in the data file and in the URL.
            pub const fn slug(self) -> &'static str {
                match self {
                    $(Category::$variant => $slug,)*
                }
            }

            pub const fn label(self) -> Msg {
                match self {
                    $(Category::$variant => Msg::$msg,)*
                }
            }
        }
    };
}

categories! {
    Cardiovascular = "cardiovascular" => CategoryCardiovascular,
    Neurological = "neurological" => CategoryNeurological,
    MentalHealth = "mental-health" => CategoryMentalHealth,
    Musculoskeletal = "musculoskeletal" => CategoryMusculoskeletal,
    Metabolic = "metabolic" => CategoryMetabolic,
    Endocrine = "endocrine" => CategoryEndocrine,
    Immune = "immune" => CategoryImmune,
    Oncology = "oncology" => CategoryOncology,
    Renal = "renal" => CategoryRenal,
    Digestive = "digestive" => CategoryDigestive,
    Reproductive = "reproductive" => CategoryReproductive,
    GeneralWellbeing = "general-wellbeing" => CategoryGeneralWellbeing,
}

impl Category {
    /// Reads a slug from a URL; `None` for anything else, which the page treats as "all".
    pub fn from_slug(slug: &str) -> Option<Category> {
        Category::ALL
            .into_iter()
            .find(|category| category.slug() == slug.trim())
    }
}
