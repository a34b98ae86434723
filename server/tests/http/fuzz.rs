//! Property tests of the intake handler: arbitrary bytes, arbitrary JSON and arbitrary changes to a
//! valid body never panic and always answer 201 or an RFC 9457 problem (4xx, never 5xx).
//! 64 cases each in the test command; a long run sets `PROPTEST_CASES` (see server/README.md).
//! A failure prints its smallest input and is saved in `fuzz.proptest-regressions` beside this
//! file (replayed first by every later run); `PROPTEST_RNG_SEED=<u64>` fixes a whole run's seed.

use crate::support::*;
use proptest::prelude::*;
use serde_json::Value;
use std::sync::atomic::{AtomicU32, Ordering};

static NEXT: AtomicU32 = AtomicU32::new(1);

fn check_answer(a: &Answer) {
    if a.status.as_u16() == 201 {
        assert_eq!(a.header("content-type"), "application/json");
        return;
    }
    assert!(
        a.status.is_client_error(),
        "status {}: {}",
        a.status,
        String::from_utf8_lossy(&a.body)
    );
    let p = a.problem(a.status.as_u16());
    if let Some(errors) = p["errors"].as_array() {
        for e in errors {
            assert!(e["pointer"].is_string() && e["detail"].is_string(), "{p}");
        }
    }
}

/// Sends the requests one after another to a fresh server, checks each answer, and returns them.
fn run(requests: Vec<axum::http::Request<axum::body::Body>>) -> Vec<Answer> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let h = harness().await;
        let mut answers = Vec::new();
        for r in requests {
            let answer = send(&h.app, r).await;
            check_answer(&answer);
            answers.push(answer);
        }
        answers
    })
}

/// The same key and body sent again: a 201 is replayed byte for byte (`Idempotent-Replayed`),
/// a refusal is the same refusal.
fn check_second(first: &Answer, second: &Answer) {
    let shown = |a: &Answer| format!("{} {}", a.status, String::from_utf8_lossy(&a.body));
    assert_eq!(
        second.status,
        first.status,
        "first: {}, second: {}",
        shown(first),
        shown(second)
    );
    if first.status.as_u16() == 201 {
        assert_eq!(
            second.header("idempotent-replayed"),
            "true",
            "{}",
            shown(second)
        );
        assert_eq!(
            second.body, first.body,
            "the replay differs from the first answer"
        );
    } else {
        assert_eq!(
            second.json(),
            first.json(),
            "the second refusal differs from the first"
        );
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,40}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every JSON pointer of `value`'s object members (not the root).
fn pointers(value: &Value, at: &str, out: &mut Vec<String>) {
    if let Value::Object(map) = value {
        for (k, v) in map {
            let p = format!("{at}/{k}");
            out.push(p.clone());
            pointers(v, &p, out);
        }
    }
}

/// `PROPTEST_CASES` when set (a long run), else 64.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let key = key(NEXT.fetch_add(1, Ordering::Relaxed));
        run(vec![post_raw(Some(&key), "application/json", bytes)]);
    }

    #[test]
    fn arbitrary_json(value in json_value()) {
        let key = key(NEXT.fetch_add(1, Ordering::Relaxed));
        run(vec![post_json(Some(&key), &value)]);
    }

    #[test]
    fn a_valid_body_with_one_field_replaced(pick in any::<prop::sample::Index>(), value in json_value()) {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let mut body = valid_body(&key(n), n);
        let mut all = Vec::new();
        pointers(&body, "", &mut all);
        let target = &all[pick.index(all.len())];
        if let Some(slot) = body.pointer_mut(target) {
            *slot = value;
        }
        // Sent twice: the second answer is compared with the first (the replay or the same
        // refusal), and like every answer is never a 5xx.
        let answers = run(vec![post_json(Some(&key(n)), &body), post_json(Some(&key(n)), &body)]);
        check_second(&answers[0], &answers[1]);
    }
}
