//! What is stored is what was validated: contact details and names normalised and cleaned, the
//! outcome with its reasons; the staff export shows them so. Duplicate JSON keys are refused.

use crate::support::*;

async fn post(h: &Harness, n: u32, body: &serde_json::Value) -> Answer {
    send(&h.app, post_json(Some(&key(n)), body)).await
}

#[tokio::test]
async fn messy_contact_details_come_out_of_the_export_normalised() {
    let h = harness().await;
    let mut body = valid_body(&key(1), 1);
    body["contact"]["channel"] = "email".into();
    body["contact"]["email"] = "  Jo.Bloggs@Example.COM ".into();
    body["contact"]["phone"] = "0049 (30) 123-4567".into();
    body["contact"]["language"] = "DE".into();
    body["patient"]["name"] = "Ann Lee\n".into();
    body["requester"]["name"] = "\u{2028}Jo\u{301}e Bloggs\t".into();
    body["screening"]["active_inflammation"] = "not_sure".into();
    let a = post(&h, 1, &body).await;
    assert_eq!(a.status, 201, "{}", String::from_utf8_lossy(&a.body));
    let rows = h.stored().await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].outcome, "needs_review");
    assert_eq!(rows[0].reasons, "inflammation_not_sure,infection_not_sure");
    let export = h
        .state
        .store
        .export(0, server::store::ExportFormat::Json)
        .await
        .expect("export");
    let export: serde_json::Value = serde_json::from_str(&export).expect("json");
    let request = &export[0]["request"];
    assert_eq!(request["contact"]["email"], "Jo.Bloggs@example.com");
    // The email channel stores no phone: only what the request needs was validated.
    assert_eq!(request["contact"]["phone"], serde_json::Value::Null);
    assert_eq!(request["contact"]["language"], "de");
    assert_eq!(request["patient"]["name"], "Ann Lee");
    assert_eq!(request["requester"]["name"], "Jóe Bloggs");
    assert_eq!(
        export[0]["reasons"],
        serde_json::json!(["inflammation_not_sure", "infection_not_sure"])
    );
    let csv = h
        .state
        .store
        .export(0, server::store::ExportFormat::Csv)
        .await
        .expect("export");
    assert!(csv.contains("\"Jo.Bloggs@example.com\""), "{csv}");
    // The retry of the same bytes still replays (the key's hash covers the body as sent).
    let retry = post(&h, 1, &body).await;
    assert_eq!(retry.status, 201);
    assert_eq!(retry.header("idempotent-replayed"), "true");
}

#[tokio::test]
async fn a_phone_is_stored_as_the_domain_normalises_it() {
    let h = harness().await;
    let mut body = valid_body(&key(2), 2);
    body["contact"]["phone"] = " 0049 (30) 123-4567 ".into();
    assert_eq!(post(&h, 2, &body).await.status, 201);
    let rows = h.stored().await;
    let stored: serde_json::Value = serde_json::from_str(&rows[0].body).expect("json");
    assert_eq!(stored["contact"]["phone"], "+49301234567");
}

#[tokio::test]
async fn invisible_or_non_names_are_refused_in_the_users_language() {
    let h = harness().await;
    for (name, en, de) in [
        (
            "\u{200B}\u{FEFF}",
            "Enter the patient’s full name",
            "Geben Sie den vollständigen Namen des Patienten ein",
        ),
        (
            "\u{3164}",
            "Enter the patient’s full name",
            "Geben Sie den vollständigen Namen des Patienten ein",
        ),
        (
            "12345",
            "Enter the full name in letters, for example Anna Schmidt",
            "Geben Sie den vollständigen Namen in Buchstaben ein, zum Beispiel Anna Schmidt",
        ),
        (
            "A",
            "Enter the full name in letters, for example Anna Schmidt",
            "Geben Sie den vollständigen Namen in Buchstaben ein, zum Beispiel Anna Schmidt",
        ),
    ] {
        for (locale, text) in [("en", en), ("de", de)] {
            let mut body = valid_body(&key(3), 3);
            body["patient"]["name"] = name.into();
            body["locale"] = locale.into();
            let p = post(&h, 3, &body).await.problem(422);
            assert_eq!(p["errors"][0]["pointer"], "/patient/name", "{name:?}");
            assert_eq!(p["errors"][0]["detail"], text, "{name:?} {locale}");
        }
    }
    assert_eq!(h.stored().await.len(), 0);
}

#[tokio::test]
async fn duplicate_json_keys_are_refused() {
    let h = harness().await;
    let body = serde_json::to_string(&valid_body(&key(4), 4)).expect("json");
    for twice in [
        body.replacen("{", "{\"locale\":\"en\",", 1),
        body.replacen("\"name\":", "\"name\":\"X Y\",\"name\":", 1),
    ] {
        send(
            &h.app,
            post_raw(Some(&key(4)), "application/json", twice.into_bytes()),
        )
        .await
        .problem(400);
    }
    assert_eq!(h.stored().await.len(), 0);
}

#[tokio::test]
async fn a_test_body_never_reaches_the_store() {
    // The same key is used for a test body first, then for a real one: the real one is stored,
    // the test one left no trace that could replay.
    let h = harness().await;
    let mut test = valid_body(&key(5), 5);
    test["test"] = true.into();
    assert_eq!(post(&h, 5, &test).await.status, 201);
    let real = post(&h, 5, &valid_body(&key(5), 5)).await;
    assert_eq!(real.status, 201);
    assert_eq!(real.json()["reference"], reference(5));
    assert_eq!(real.header("idempotent-replayed"), "");
    assert_eq!(h.stored().await.len(), 1);
}

#[tokio::test]
async fn rows_stored_before_are_rewritten_normalised_by_the_migration() {
    let mut raw = valid_body(&key(6), 6);
    raw["contact"]["phone"] = "0049 (30) 123-4567".into();
    raw["patient"]["name"] = "Ann Lee\n".into();
    let raw = serde_json::to_string(&raw).expect("json");
    let data = tempfile::TempDir::new().expect("tmp");
    let url = fresh_postgres_schema().await;
    let insert = "INSERT INTO requests (reference, received_at, flags, outcome, body) \
                  VALUES ('CT-OLD00001', 1795000000000, '', 'needs_review', $1)";
    match &url {
        None => {
            let path = server::store::database_path(data.path());
            let conn = rusqlite::Connection::open(path).expect("open");
            conn.execute_batch(include_str!(
                "../../src/store/migrations/sqlite/0001_init.sql"
            ))
            .expect("version 1");
            conn.execute(&insert.replace("$1", "?1"), [&raw])
                .expect("old row");
            conn.pragma_update(None, "user_version", 1)
                .expect("version");
        }
        Some(url) => {
            let client = postgres_client(url).await;
            client
                .batch_execute(include_str!(
                    "../../src/store/migrations/postgres/0001_init.sql"
                ))
                .await
                .expect("version 1");
            client
                .batch_execute(
                    "CREATE TABLE intake_schema_version (version INTEGER NOT NULL); \
                     INSERT INTO intake_schema_version VALUES (1)",
                )
                .await
                .expect("version");
            client.execute(insert, &[&raw]).await.expect("old row");
        }
    }
    let store = open_store(data.path(), url.as_deref()).await;
    let rows = store.list(0).await.expect("list");
    assert_eq!(rows.len(), 1);
    let body: serde_json::Value = serde_json::from_str(&rows[0].body).expect("json");
    assert_eq!(body["contact"]["phone"], "+49301234567");
    assert_eq!(body["patient"]["name"], "Ann Lee");
    assert_eq!(rows[0].reasons, "infection_not_sure");
}
