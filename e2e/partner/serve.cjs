// The demo partner's site for the embed tests: the files of e2e/partner/ on two loopback origins,
// 127.0.0.2 (a partner the app server allows to frame the embed) and 127.0.0.3 (one it does not),
// on the same port. `{{APP}}` in a page becomes the app's origin. No dependencies.
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const port = Number(process.env.E2E_PARTNER_PORT ?? 8191);
const app = process.env.E2E_APP_ORIGIN ?? 'http://127.0.0.1:8181';

function handle(req, res) {
  const url = new URL(req.url, 'http://partner.invalid');
  if (url.pathname === '/health') return res.end('ok');
  const name = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
  if (!/^[a-z-]+\.html$/.test(name) || !fs.existsSync(path.join(__dirname, name))) {
    res.statusCode = 404;
    return res.end('not found');
  }
  const html = fs.readFileSync(path.join(__dirname, name), 'utf8').replaceAll('{{APP}}', app);
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(html);
}

for (const host of ['127.0.0.2', '127.0.0.3']) http.createServer(handle).listen(port, host);
