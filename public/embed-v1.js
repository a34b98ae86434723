/*! Cell-therapy request embed, loader v1. Plain script, no dependencies. Immutable: a change is
 * a new file (embed-v2.js). It turns every <div data-cell-therapy-embed> into an iframe of
 * /embed/request on the origin this script came from once it nears the viewport (at once without
 * IntersectionObserver), sizes it from the frame's `height` messages, and re-dispatches the
 * frame's messages as DOM events on the placeholder: cell-therapy:ready, :step, :eligibility,
 * :submitted, :height. Messages are accepted only from that origin, from that very frame, with
 * the v1 type and the expected fields; only the expected fields are passed on.
 * The loader never posts to the frame. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !window.URL || !window.postMessage) return;
  var ORIGIN = new URL(script.src).origin;
  var TYPE = 'ct-embed/v1';
  var MIN = 320;
  var MAX = 6000;
  // How near the viewport a placeholder comes before its frame is made.
  var MARGIN = '600px 0px';
  var UTM = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];
  var frames = [];

  function short(v) {
    return typeof v == 'string' && /^[A-Za-z0-9_.-]{1,40}$/.test(v);
  }

  // What each event may carry; anything else in a message is dropped.
  var SCHEMA = {
    ready: function () {
      return {};
    },
    height: function (m) {
      var h = m.height;
      return typeof h == 'number' && h >= 0 && h < 1e6 ? { height: Math.ceil(h) } : null;
    },
    step: function (m) {
      return short(m.step) && (m.number === null || (m.number >= 1 && m.number <= 99))
        ? { step: m.step, number: m.number }
        : null;
    },
    eligibility: function (m) {
      return m.outcome === 'continue' || m.outcome === 'not-now' ? { outcome: m.outcome } : null;
    },
    submitted: function (m) {
      return typeof m.reference == 'string' && /^CT-[0-9A-Z]{8}$/.test(m.reference)
        ? { reference: m.reference, test: m.test === true }
        : null;
    },
  };

  function frameUrl(d) {
    var url = new URL('/embed/request', ORIGIN);
    var q = url.searchParams;
    var page = new URLSearchParams(location.search);
    if (d.partner) q.set('partner', d.partner);
    if (d.lang) q.set('lang', d.lang);
    if (d.condition) q.set('condition', d.condition);
    if (d.theme) q.set('theme', d.theme);
    UTM.forEach(function (k) {
      var v = page.get(k);
      if (v) q.set(k, v.slice(0, 200));
    });
    if ('testMode' in d) q.set('test', '1');
    return url.href;
  }

  function mount(el) {
    var d = el.dataset;
    var f = document.createElement('iframe');
    f.src = frameUrl(d);
    f.title = d.title || (d.lang == 'de' ? 'Anfrage zur Zelltherapie' : 'Cell therapy request');
    f.loading = 'lazy';
    f.referrerPolicy = 'strict-origin';
    f.setAttribute('allow', '');
    f.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-modals');
    f.setAttribute('scrolling', 'no');
    var s = f.style;
    s.display = 'block';
    s.width = '100%';
    s.border = '0';
    s.height = MIN + 'px';
    el.appendChild(f);
    frames.push({ frame: f, el: el });
  }

  function onMessage(e) {
    if (e.origin !== ORIGIN) return;
    var i, hit, m = e.data;
    for (i = 0; i < frames.length; i++) {
      if (frames[i].frame.contentWindow === e.source) hit = frames[i];
    }
    if (!hit || !m || typeof m != 'object' || m.type !== TYPE) return;
    var check = Object.prototype.hasOwnProperty.call(SCHEMA, m.event) && SCHEMA[m.event];
    var detail = check && check(m);
    if (!detail) return;
    if (m.event == 'height') {
      hit.frame.style.height = Math.min(MAX, Math.max(MIN, detail.height)) + 'px';
    }
    hit.el.dispatchEvent(
      new CustomEvent('cell-therapy:' + m.event, { detail: detail, bubbles: true }),
    );
  }

  // Frames are made only near the viewport; the frame moves no focus until the patient acts in it.
  var io =
    window.IntersectionObserver &&
    new IntersectionObserver(
      function (entries) {
        entries.forEach(function (e) {
          if (!e.isIntersecting) return;
          io.unobserve(e.target);
          mount(e.target);
        });
      },
      { rootMargin: MARGIN },
    );

  function scan() {
    var list = document.querySelectorAll('[data-cell-therapy-embed]');
    for (var i = 0; i < list.length; i++) {
      var el = list[i];
      if (el.getAttribute('data-embedded')) continue;
      el.setAttribute('data-embedded', '1');
      if (io) io.observe(el);
      else mount(el);
    }
  }

  window.addEventListener('message', onMessage);
  if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
