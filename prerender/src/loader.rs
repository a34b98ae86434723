//! Trunk's loader in the `<head>` of every page, rewritten so the prerendered page paints before
//! any script or wasm is requested. Trunk writes a module script that imports the JS glue at
//! once, `modulepreload` links for the glue and the wasm-bindgen snippets, and a high-priority
//! `preload` of the wasm: all of them load before the first paint, and Lighthouse's simulated
//! slow 4G counts every byte of them before the Largest Contentful Paint. They are replaced by one
//! small classic script, the same on every page (the server hashes it into the CSP), that:
//!
//! - starts loading once the browser has reported the Largest Contentful Paint (the prerendered
//!   copy), or at once when the page is hidden (it paints nothing), or one second after the
//!   document was parsed whatever happened; where the entry type is unknown, the first paint
//!   entry or two frames after parsing;
//! - loads with Trunk's Subresource Integrity values: the same `modulepreload` links, added by the
//!   script and awaited before the glue is imported (so every module comes from a checked fetch),
//!   and the wasm fetched with its `integrity`;
//! - then runs what Trunk's module ran (`init`, `window.wasmBindings`, `TrunkApplicationStarted`)
//!   once the document is parsed, as a module script would have;
//! - marks `<html>` with `app-no-app` when the app cannot run (no WebAssembly, as in iOS Lockdown
//!   Mode, or a file that failed to load or start), so the page's notice for that case shows
//!   (style/base.css); it marks it `app-js` first, so without JavaScript the notice shows too.
//!
//! The service worker answers these requests like any other, so the app still starts offline.

/// Trunk's module script, whitespace collapsed, with `__JS__` and `__WASM__` for its two files. Any
/// other shape (a Trunk update, an initializer) fails the build rather than being dropped.
const TRUNK_LOADER: &str = "import init, * as bindings from '__JS__'; \
    const wasm = await init({ module_or_path: '__WASM__' }); \
    window.wasmBindings = bindings; \
    dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));";

const SCRIPT_OPEN: &str = r#"<script type="module">"#;

/// The loader; `__JS__`, `__WASM__`, `__WASM_INTEGRITY__` and `__MODULES__` are filled in.
const LOADER: &str = concat!(
    "(()=>{",
    r#"document.documentElement.classList.add("app-js");"#,
    r#"const failed=()=>document.documentElement.classList.add("app-no-app");"#,
    r#"if(typeof WebAssembly!=="object"){failed();return;}"#,
    r#"const parsed=new Promise((go)=>document.readyState==="loading"?addEventListener("DOMContentLoaded",()=>go(),{once:true}):go());"#,
    "let started=false;",
    "const start=()=>{",
    "if(started)return;started=true;",
    r#"const wasm=fetch("__WASM__",{integrity:"__WASM_INTEGRITY__"});"#,
    r#"const checked=document.createElement("link").relList.supports("modulepreload");"#,
    "Promise.all(__MODULES__.map(([href,integrity])=>checked&&new Promise((ok,fail)=>{",
    r#"const link=document.createElement("link");"#,
    r#"Object.assign(link,{rel:"modulepreload",href,integrity,crossOrigin:"anonymous",onload:ok,onerror:()=>fail(new Error("not loaded: "+href))});"#,
    "document.head.append(link);",
    "})))",
    r#".then(()=>Promise.all([import("__JS__"),parsed]))"#,
    ".then(async([bindings])=>{",
    "const instance=await bindings.default({module_or_path:wasm});",
    "window.wasmBindings=bindings;",
    r#"dispatchEvent(new CustomEvent("TrunkApplicationStarted",{detail:{wasm:instance}}));"#,
    "}).catch((error)=>{failed();throw error;});",
    "};",
    r#"if(document.visibilityState==="hidden"){start();return;}"#,
    r#"addEventListener("visibilitychange",start,{once:true});"#,
    "parsed.then(()=>setTimeout(start,1000));",
    "const types=(self.PerformanceObserver&&PerformanceObserver.supportedEntryTypes)||[];",
    r#"const type=["largest-contentful-paint","paint"].find((t)=>types.includes(t));"#,
    "if(type)new PerformanceObserver((_,seen)=>{seen.disconnect();start();}).observe({type,buffered:true});",
    "else parsed.then(()=>requestAnimationFrame(()=>requestAnimationFrame(start)));",
    "})()",
);

/// `html` (Trunk's index.html) with its loader script and preload links replaced by [`LOADER`].
pub fn rewrite(html: &str) -> Result<String, String> {
    let head_end = html.find("</head>").ok_or("no </head> in index.html")?;
    let open = html[..head_end]
        .find(SCRIPT_OPEN)
        .ok_or("no Trunk loader (<script type=\"module\">) in <head>")?;
    let body_start = open + SCRIPT_OPEN.len();
    let close = body_start
        + html[body_start..head_end]
            .find("</script>")
            .ok_or("unclosed Trunk loader")?;
    let (js, wasm) = trunk_files(&html[body_start..close])?;

    // Trunk's preload links, anywhere in <head>: every one goes, the script loads them instead.
    let mut preloads = Preloads::default();
    let before = preloads.strip(&html[..open], &wasm)?;
    let after = preloads.strip(&html[close + "</script>".len()..head_end], &wasm)?;
    let Preloads {
        modules,
        wasm_integrity,
    } = preloads;
    let wasm_integrity = wasm_integrity.ok_or("no preload link with the wasm's integrity")?;
    if !modules.iter().any(|(href, _)| *href == js) {
        return Err(format!("no modulepreload link with the integrity of {js}"));
    }

    let list = modules
        .iter()
        .map(|(href, sri)| Ok(format!(r#"["{}","{}"]"#, literal(href)?, literal(sri)?)))
        .collect::<Result<Vec<_>, String>>()?
        .join(",");
    let script = LOADER
        .replace("__JS__", literal(&js)?)
        .replace("__WASM_INTEGRITY__", literal(&wasm_integrity)?)
        .replace("__WASM__", literal(&wasm)?)
        .replace("__MODULES__", &format!("[{list}]"));
    Ok(format!(
        "{before}<script>{script}</script>{after}{}",
        &html[head_end..]
    ))
}

/// The integrity values of Trunk's preload links.
#[derive(Default)]
struct Preloads {
    /// (path, integrity) of each module, in Trunk's order.
    modules: Vec<(String, String)>,
    wasm_integrity: Option<String>,
}

impl Preloads {
    /// `part` of `<head>` without its `modulepreload` links and the `wasm`'s `preload` link,
    /// whose paths and integrity values are kept.
    fn strip(&mut self, part: &str, wasm: &str) -> Result<String, String> {
        let mut kept = String::with_capacity(part.len());
        let mut rest = part;
        while let Some(at) = rest.find("<link") {
            let end = at + rest[at..].find('>').ok_or("unclosed <link>")? + 1;
            let tag = &rest[at..end];
            let (rel, href) = (attr(tag, "rel"), attr(tag, "href"));
            let is_wasm = rel == Some("preload") && href == Some(wasm);
            if rel == Some("modulepreload") || is_wasm {
                let href = href.ok_or_else(|| format!("no href in {tag}"))?;
                let integrity = attr(tag, "integrity")
                    .filter(|sri| sri.starts_with("sha"))
                    .ok_or_else(|| format!("no integrity in {tag}"))?;
                if is_wasm {
                    self.wasm_integrity = Some(integrity.to_owned());
                } else {
                    self.modules.push((href.to_owned(), integrity.to_owned()));
                }
                kept.push_str(&rest[..at]);
            } else {
                kept.push_str(&rest[..end]);
            }
            rest = &rest[end..];
        }
        kept.push_str(rest);
        Ok(kept)
    }
}

/// The JS glue's and the wasm's paths named by Trunk's loader `script`.
fn trunk_files(script: &str) -> Result<(String, String), String> {
    let text = script.split_whitespace().collect::<Vec<_>>().join(" ");
    let between = |start: &str, end: &str| {
        let from = text.find(start)? + start.len();
        Some(text[from..from + text[from..].find(end)?].to_owned())
    };
    let js = between("from '", "'").ok_or("no JS glue in Trunk's loader")?;
    let wasm = between("module_or_path: '", "'").ok_or("no wasm in Trunk's loader")?;
    let expected = TRUNK_LOADER
        .replace("__JS__", &js)
        .replace("__WASM__", &wasm);
    if text != expected {
        return Err(format!(
            "Trunk's loader is not the one this tool rewrites (update prerender/src/loader.rs): {text}"
        ));
    }
    Ok((js, wasm))
}

/// The value of `name="..."` in `tag`.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let from = tag.find(&key)? + key.len();
    Some(&tag[from..from + tag[from..].find('"')?])
}

/// `value` unchanged if it is safe inside a JS string literal in an inline script: Trunk's paths
/// and integrity values are, and anything else is refused rather than escaped.
fn literal(value: &str) -> Result<&str, String> {
    let safe = |c: char| c.is_ascii_alphanumeric() || "/+=._-".contains(c);
    if !value.is_empty() && value.chars().all(safe) {
        Ok(value)
    } else {
        Err(format!("unexpected characters in {value:?}"))
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// index.html as Trunk 0.21.14 writes it (its loader, preload links and an icon with SRI).
    pub const TRUNK_SHELL: &str = concat!(
        "<!doctype html>\n<html lang=\"en\">\n  <head>\n",
        "    <title>Cell therapy in Germany</title>\n",
        "    <meta name=\"description\" content=\"generic\" />\n",
        "    <link rel=\"icon\" href=\"/favicon-ecd1a0229d7b79cd.svg\" integrity=\"sha384-icon\"/>\n",
        "    <link rel=\"stylesheet\" href=\"/app-cd94ee5f9bf12951.css\" integrity=\"sha384-css\"/>\n",
        "    \n<script type=\"module\">\n",
        "import init, * as bindings from '/app-9cba9d22b8da85f0.js';\n",
        "const wasm = await init({ module_or_path: '/app-9cba9d22b8da85f0_bg.wasm' });\n\n\n",
        "window.wasmBindings = bindings;\n\n\n",
        "dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));\n\n",
        "</script>\n",
        "  <link rel=\"modulepreload\" href=\"/app-9cba9d22b8da85f0.js\" crossorigin=\"anonymous\" integrity=\"sha384-js+/=\">",
        "<link rel=\"modulepreload\" href=\"/snippets/app-0cd1cead3f0174fd/src/offline_page.js\" crossorigin=\"anonymous\" integrity=\"sha384-page\">",
        "<link rel=\"modulepreload\" href=\"/snippets/app-0cd1cead3f0174fd/src/outbox.js\" crossorigin=\"anonymous\" integrity=\"sha384-outbox\">",
        "<link rel=\"preload\" href=\"/app-9cba9d22b8da85f0_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-wasm\" as=\"fetch\" type=\"application/wasm\">",
        "</head>\n  <body></body>\n</html>\n",
    );

    fn head(html: &str) -> &str {
        &html[..html.find("</head>").expect("a head")]
    }

    #[test]
    fn trunks_preloads_and_module_become_one_classic_script_with_the_same_integrity() {
        let out = rewrite(TRUNK_SHELL).expect("rewrites");
        let head = head(&out);
        assert_eq!(out.matches("<script").count(), 1, "{head}");
        assert!(!out.contains("type=\"module\""));
        assert!(
            !out.contains("preload\" href"),
            "no preload link is left: {head}"
        );
        assert!(!out.contains("rel=\"preload\""));
        // Nothing else in <head> changed: the icon and the stylesheet keep their integrity.
        assert!(head.contains(
            r#"<link rel="icon" href="/favicon-ecd1a0229d7b79cd.svg" integrity="sha384-icon"/>"#
        ));
        assert!(head.contains(
            r#"<link rel="stylesheet" href="/app-cd94ee5f9bf12951.css" integrity="sha384-css"/>"#
        ));
        let script = &head[head.find("<script>").expect("the loader")..];
        assert!(
            script.trim_end().ends_with("})()</script>"),
            "the loader is the last element in <head>"
        );
        assert!(
            script.contains(r#"fetch("/app-9cba9d22b8da85f0_bg.wasm",{integrity:"sha384-wasm"})"#)
        );
        assert!(script.contains(concat!(
            r#"[["/app-9cba9d22b8da85f0.js","sha384-js+/="],"#,
            r#"["/snippets/app-0cd1cead3f0174fd/src/offline_page.js","sha384-page"],"#,
            r#"["/snippets/app-0cd1cead3f0174fd/src/outbox.js","sha384-outbox"]]"#,
        )));
        assert!(script.contains(r#"import("/app-9cba9d22b8da85f0.js")"#));
        assert!(
            !script.contains("__"),
            "every placeholder is filled: {script}"
        );
        // Every page waits for its Largest Contentful Paint, unless hidden; a page whose app
        // cannot run says so.
        assert!(script.contains(r#"if(document.visibilityState==="hidden"){start();return;}"#));
        assert!(script.contains(r#""largest-contentful-paint""#));
        assert!(script.contains("setTimeout(start,1000)"));
        assert!(script.contains(r#"if(typeof WebAssembly!=="object"){failed();return;}"#));
        assert!(script.contains(r#".catch((error)=>{failed();throw error;})"#));
    }

    #[test]
    fn another_trunk_loader_or_a_missing_integrity_fails_the_build() {
        let initializer = TRUNK_SHELL.replace(
            "window.wasmBindings = bindings;",
            "window.wasmBindings = bindings; initializer();",
        );
        let error = |html: &str| rewrite(html).expect_err("refused");
        assert!(error(&initializer).contains("not the one"));
        let no_wasm_sri = TRUNK_SHELL.replace(r#" integrity="sha384-wasm""#, "");
        assert!(error(&no_wasm_sri).contains("integrity"));
        let no_js_sri = TRUNK_SHELL.replace(r#" integrity="sha384-js+/=""#, "");
        assert!(error(&no_js_sri).contains("integrity"));
        let escape = TRUNK_SHELL.replace("sha384-page", "sha384-page\\");
        assert!(error(&escape).contains("unexpected characters"));
        assert!(rewrite("<html><head></head><body></body></html>").is_err());
        assert!(
            rewrite(&rewrite(TRUNK_SHELL).expect("rewrites")).is_err(),
            "once only"
        );
    }
}
