//! Renders exported requests (stored as validated and normalised) as JSON or CSV. Pure
//! formatting: no SQL, no IO.

use super::ListedRequest;
use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Body fields exported as CSV columns, by JSON pointer; the full body is the last column.
const COLUMNS: &[(&str, &str)] = &[
    ("condition", "/condition"),
    ("treatment_country", "/treatment_country"),
    ("patient_name", "/patient/name"),
    ("patient_age_group", "/patient/age_group"),
    ("requester_name", "/requester/name"),
    ("requester_relation", "/requester/relation"),
    ("contact_channel", "/contact/channel"),
    ("phone", "/contact/phone"),
    ("email", "/contact/email"),
    ("language", "/contact/language"),
    ("best_time", "/contact/best_time"),
    ("time_zone", "/contact/time_zone"),
    ("locale", "/locale"),
    ("partner", "/attribution/partner"),
];

/// RFC 3339 UTC for ms since the epoch.
pub fn timestamp(ms: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_else(|| ms.to_string())
}

pub fn json(rows: &[ListedRequest]) -> String {
    let items: Vec<Value> = rows
        .iter()
        .map(|r| {
            serde_json::json!({
                "reference": r.reference,
                "received_at": timestamp(r.received_at),
                "flags": r.flags.split(',').filter(|f| !f.is_empty()).collect::<Vec<_>>(),
                "outcome": r.outcome,
                "reasons": r.reasons.split(',').filter(|f| !f.is_empty()).collect::<Vec<_>>(),
                "request": serde_json::from_str::<Value>(&r.body).unwrap_or(Value::Null),
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_owned())
}

pub fn csv(rows: &[ListedRequest]) -> String {
    let mut header = vec!["reference", "received_at", "flags", "outcome", "reasons"];
    header.extend(COLUMNS.iter().map(|(name, _)| *name));
    header.push("body");
    let mut out = line(header.into_iter().map(str::to_owned));
    for r in rows {
        let body: Value = serde_json::from_str(&r.body).unwrap_or(Value::Null);
        let mut cells = vec![
            r.reference.clone(),
            timestamp(r.received_at),
            r.flags.clone(),
            r.outcome.clone(),
            r.reasons.clone(),
        ];
        cells.extend(
            COLUMNS
                .iter()
                .map(|(_, pointer)| match body.pointer(pointer) {
                    None | Some(Value::Null) => String::new(),
                    Some(Value::String(s)) => s.clone(),
                    Some(other) => other.to_string(),
                }),
        );
        cells.push(r.body.clone());
        out.push_str(&line(cells.into_iter()));
    }
    out
}

fn line(cells: impl Iterator<Item = String>) -> String {
    let mut out = cells.map(|c| cell(&c)).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

/// Quotes every cell and defuses spreadsheet formulas (a leading `=`, `+`, `-`, `@`).
fn cell(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("a\"b"), "\"a\"\"b\"");
        assert_eq!(cell("=SUM(A1)"), "\"'=SUM(A1)\"");
        assert_eq!(cell("+49 30 1234567"), "\"'+49 30 1234567\"");
    }

    #[test]
    fn timestamps_are_rfc3339() {
        assert_eq!(timestamp(0), "1970-01-01T00:00:00Z");
    }
}
