// The browser tests' static server (e2e/static-server.ts), on a small site of its own in a temp directory.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { contentType, createStaticServer, listen } from './static-server.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

// node's http client sends the path as written: "/../x" reaches the server un-normalised, as an attacker's would
function get(port: number, path: string, method = 'GET'): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, timeout: 5_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`${path}: no answer in 5 s`)));
    req.on('error', fail);
    req.end();
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'e2e-static-server-'));
const site = join(tmp, 'site');
const bare = join(tmp, 'bare'); // a site without a 404.html
const files: Record<string, string> = {
  'site/index.html': '<h1>home</h1>',
  'site/404.html': '<h1>not here</h1>',
  'site/chapters/x/index.html': '<h1>chapter x</h1>',
  'site/_astro/app.js': 'console.log(1)',
  'site/_astro/mod.mjs': 'export {}',
  'site/_astro/style.css': 'body{}',
  'site/data.json': '{}',
  'site/logo.svg': '<svg/>',
  'site/font.woff2': 'w',
  'site/engine.wasm': 'w',
  'site/robots.txt': 'ok',
  'site/sitemap.xml': '<urlset/>',
  'site/pagefind/wasm.en.pagefind': 'p',
  'site/pagefind/index/en_1.pf_index': 'p',
  'site/pagefind/fragment/en_1.pf_fragment': 'p',
  'site/empty/.keep': '',
  'bare/index.html': '<h1>bare</h1>',
  'secret.txt': 'SECRET',
};
const servers: Server[] = [];
let port = 0;
let barePort = 0;

before(async () => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(tmp, path, '..'), { recursive: true });
    writeFileSync(join(tmp, path), text);
  }
  if (process.platform !== 'win32') symlinkSync(join(tmp, 'secret.txt'), join(site, 'link.txt'));
  const server = createStaticServer(site);
  const bareServer = createStaticServer(bare);
  servers.push(server, bareServer);
  port = await listen(server, 0);
  barePort = await listen(bareServer, 0);
});

after(() => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  rmSync(tmp, { recursive: true, force: true });
});

describe('the e2e static server', () => {
  test('serves a page at its trailing-slash address, and the home page at /', async () => {
    const home = await get(port, '/');
    assert.equal(home.status, 200);
    assert.equal(home.body, '<h1>home</h1>');
    const chapter = await get(port, '/chapters/x/');
    assert.equal(chapter.status, 200);
    assert.equal(chapter.body, '<h1>chapter x</h1>');
    assert.equal(chapter.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal((await get(port, '/chapters/x/?q=1#h')).body, '<h1>chapter x</h1>');
  });

  test('redirects an address without its trailing slash to the slash form, keeping the query', async () => {
    const reply = await get(port, '/chapters/x');
    assert.equal(reply.status, 301);
    assert.equal(reply.headers.location, '/chapters/x/');
    assert.equal((await get(port, '/chapters/x?q=1')).headers.location, '/chapters/x/?q=1');
    assert.equal((await get(port, '//chapters/x')).headers.location, '/chapters/x/', 'never a "//host" address');
  });

  test('answers 404, with the site’s 404.html, for what does not exist', async () => {
    for (const path of ['/nope/', '/nope', '/chapters/y/', '/app.js', '/empty/']) {
      const reply = await get(port, path);
      assert.equal(reply.status, 404, path);
      assert.equal(reply.body, '<h1>not here</h1>', path);
      assert.equal(reply.headers['content-type'], 'text/html; charset=utf-8', path);
    }
    const bareReply = await get(barePort, '/nope/');
    assert.equal(bareReply.status, 404);
    assert.match(bareReply.body, /not found/i);
  });

  test('refuses every path out of its directory', async () => {
    const paths = [
      '/../secret.txt',
      '/chapters/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/chapters/x/..%2f..%2f..%2fsecret.txt',
      '/%2e%2e%2f%2e%2e%2fsecret.txt',
    ];
    if (process.platform !== 'win32') paths.push('/link.txt'); // a symbolic link out of it
    for (const path of paths) {
      const reply = await get(port, path);
      assert.equal(reply.status, 404, path);
      assert.doesNotMatch(reply.body, /SECRET/, path);
    }
    assert.equal((await get(port, '/%00')).status, 400);
    assert.equal((await get(port, '/%E0%A4%A')).status, 400, 'malformed escape');
  });

  test('sends each kind of file with its content type', async () => {
    const expected: Record<string, string> = {
      '/_astro/app.js': 'text/javascript; charset=utf-8',
      '/_astro/mod.mjs': 'text/javascript; charset=utf-8',
      '/_astro/style.css': 'text/css; charset=utf-8',
      '/data.json': 'application/json; charset=utf-8',
      '/logo.svg': 'image/svg+xml',
      '/font.woff2': 'font/woff2',
      '/engine.wasm': 'application/wasm',
      '/robots.txt': 'text/plain; charset=utf-8',
      '/sitemap.xml': 'application/xml; charset=utf-8',
      '/pagefind/wasm.en.pagefind': 'application/octet-stream',
      '/pagefind/index/en_1.pf_index': 'application/octet-stream',
      '/pagefind/fragment/en_1.pf_fragment': 'application/octet-stream',
    };
    for (const [path, type] of Object.entries(expected)) {
      const reply = await get(port, path);
      assert.equal(reply.status, 200, path);
      assert.equal(reply.headers['content-type'], type, path);
    }
    assert.equal((await get(port, '/_astro/app.js')).body, 'console.log(1)');
    assert.equal(contentType('x.png'), 'image/png');
    assert.equal(contentType('x.unknown'), 'application/octet-stream');
  });

  test('answers HEAD without a body, and refuses other methods', async () => {
    const head = await get(port, '/_astro/app.js', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], String('console.log(1)'.length));
    assert.equal(head.body, '');
    const post = await get(port, '/', 'POST');
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, 'GET, HEAD');
  });
});
