//! The OpenAPI document names exactly the routes the router serves, with their methods.

use crate::support::*;
use axum::body::Body;
use axum::http::Request;

#[tokio::test]
async fn document_matches_the_routes() {
    let h = harness().await;
    let a = send(&h.app, get("/api/openapi.json")).await;
    assert_eq!(a.status, 200);
    let doc = a.json();
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().expect("paths");
    let mut documented: Vec<(String, String)> = Vec::new();
    for (path, item) in paths {
        for method in item.as_object().expect("path item").keys() {
            documented.push((method.to_uppercase(), path.clone()));
            // Each documented operation is routed: anything but 404 and 405.
            let request = Request::builder()
                .method(method.to_uppercase().as_str())
                .uri(path)
                .body(Body::empty())
                .expect("req");
            let status = send(&h.app, request).await.status.as_u16();
            assert!(
                status != 404 && status != 405,
                "{method} {path} is documented but answers {status}"
            );
        }
    }
    documented.sort();
    let served = [
        ("GET", "/api/health"),
        ("GET", "/api/openapi.json"),
        ("GET", "/api/ready"),
        ("POST", "/api/requests"),
    ];
    let served: Vec<(String, String)> = served
        .iter()
        .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
        .collect();
    assert_eq!(documented, served, "the router and the document disagree");
    for status in [
        "201", "400", "408", "409", "413", "415", "422", "429", "503",
    ] {
        assert!(
            doc["paths"]["/api/requests"]["post"]["responses"][status].is_object(),
            "{status} undocumented"
        );
    }
}

#[tokio::test]
async fn document_enums_follow_the_domain() {
    let doc: serde_json::Value = serde_json::from_str(server::api::OPENAPI_JSON).expect("json");
    let schema = &doc["components"]["schemas"]["RequestBody"]["properties"];
    let countries: Vec<serde_json::Value> = domain::eligibility::TreatmentCountry::ALL
        .iter()
        .map(|c| serde_json::to_value(c).expect("serialise"))
        .collect();
    assert_eq!(
        schema["treatment_country"]["enum"].as_array(),
        Some(&countries)
    );
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("request.json")).expect("fixture");
    let reference = fixture["reference"].as_str().unwrap_or_default();
    assert!(reference.starts_with("CT-") && reference.len() == 11);
    assert_eq!(schema["locale"]["enum"], serde_json::json!(["en", "de"]));
}
