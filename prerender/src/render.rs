//! One page of the app rendered natively: the same `App` the browser mounts (router, meta, the
//! components), at one address, with leptos_meta collecting what the page puts in `<head>`.

use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

/// What the app renders at one address.
#[derive(Debug)]
pub struct Rendered {
    /// The `<title>` and the elements the page registered for `<head>` (description, Open
    /// Graph, canonical and alternate links), as HTML.
    pub head: String,
    /// The page's body content.
    pub body: String,
}

/// Renders `App` at `url` (path and query, e.g. `/conditions?lang=de`).
pub fn render(url: &str) -> Rendered {
    let owner = Owner::new();
    let rendered = owner.with(|| {
        provide_context(RequestUrl::new(url));
        let (meta, output) = ServerMetaContext::new();
        provide_context(meta);
        let body = view! { <app::App /> }.to_html();
        // leptos_meta writes what it collected into the first chunk of a stream, before
        // `</head>`: give it an empty head to fill.
        let chunk = futures::stream::iter(["<head></head>".to_owned()]);
        let head = futures::executor::block_on(async move {
            use futures::StreamExt;
            let filled = output.inject_meta_context(chunk).await;
            filled.collect::<String>().await
        });
        let head = head
            .trim_start_matches("<head>")
            .trim_end_matches("</head>")
            .to_owned();
        Rendered { head, body }
    });
    drop(owner);
    rendered
}
