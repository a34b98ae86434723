//! The catalogue of conditions and medical goals (being written).

use serde::{Deserialize, Serialize};

/// A condition's stable id: the slug in `data/catalogue.json`, used in URLs and requests.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ConditionId(pub String);
