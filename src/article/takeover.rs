//! When the app may replace the article prerendered into index.html: once the browser has
//! reported the Largest Contentful Paint of that copy. Chrome reports it some frames after the
//! paint and drops it if the element is removed before, after which the app's identical copy
//! would count as a new, later LCP. Where the entry type is unknown, two frames (the copy has
//! been painted); and after a second at most, whatever happened (a hidden tab paints nothing).

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{PerformanceObserver, PerformanceObserverInit};

const ENTRY_TYPE: &str = "largest-contentful-paint";
const AT_MOST: Duration = Duration::from_secs(1);

/// A callback that runs at most once, whichever of its triggers fires first.
type Once = Rc<Cell<Option<Box<dyn FnOnce()>>>>;

/// Runs `then` once, after the first Largest Contentful Paint has been reported.
pub fn after_first_paint(then: impl FnOnce() + 'static) {
    let pending: Once = Rc::new(Cell::new(Some(Box::new(then))));
    let run = move || {
        if let Some(then) = pending.take() {
            then();
        }
    };
    set_timeout(run.clone(), AT_MOST);
    if !lcp_supported() || observe_lcp(run.clone()).is_err() {
        request_animation_frame(move || request_animation_frame(run));
    }
}

fn lcp_supported() -> bool {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &"PerformanceObserver".into())
        .and_then(|class| js_sys::Reflect::get(&class, &"supportedEntryTypes".into()))
        .ok()
        .and_then(|types| types.dyn_into::<js_sys::Array>().ok())
        .is_some_and(|types| types.includes(&ENTRY_TYPE.into(), 0))
}

fn observe_lcp(run: impl FnOnce() + Clone + 'static) -> Result<(), JsValue> {
    let callback = Closure::<dyn FnMut(JsValue, PerformanceObserver)>::new(
        move |_entries: JsValue, observer: PerformanceObserver| {
            observer.disconnect();
            run.clone()();
        },
    );
    let observer = PerformanceObserver::new(callback.as_ref().unchecked_ref())?;
    // web-sys's init lacks `type`, which `buffered` needs (an entry reported before the wasm
    // started is then delivered too): set both on a plain object.
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"type".into(), &ENTRY_TYPE.into())?;
    js_sys::Reflect::set(&init, &"buffered".into(), &true.into())?;
    observer.observe(init.unchecked_ref::<PerformanceObserverInit>());
    // The observer lives as long as the page would keep it; the closure must outlive it.
    callback.forget();
    Ok(())
}
