// The browser tests' own web server: serves the built site (dist/) the way `astro preview` does for
// this static site, on a port of the tests' own, so it never meets the reader's `npm start`.
//   node e2e/static-server.ts [--port N] [--host 127.0.0.1] [--root dist]
// --port defaults to $E2E_PORT, else 0 (a free port, printed once listening).
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const defaultRoot = resolve(import.meta.dirname, '..', 'dist');

const utf8 = '; charset=utf-8';
export const contentTypes: Record<string, string> = {
  '.html': `text/html${utf8}`,
  '.js': `text/javascript${utf8}`,
  '.mjs': `text/javascript${utf8}`,
  '.css': `text/css${utf8}`,
  '.json': `application/json${utf8}`,
  '.map': `application/json${utf8}`,
  '.webmanifest': `application/manifest+json${utf8}`,
  '.txt': `text/plain${utf8}`,
  '.xml': `application/xml${utf8}`,
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  // Pagefind's index: gzipped binary chunks its script fetches and unpacks itself
  '.pagefind': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
};

export function contentType(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The request handler for a directory of built files, `root`. */
export function staticHandler(root: string): (req: IncomingMessage, res: ServerResponse) => void {
  const base = realpathSync(resolve(root));
  const inside = (path: string) => path === base || path.startsWith(base + sep);
  const notFoundPage = resolve(base, '404.html');

  function send(req: IncomingMessage, res: ServerResponse, status: number, file: string): void {
    const size = statSync(file).size;
    res.writeHead(status, { 'Content-Type': contentType(file), 'Content-Length': size, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': `text/plain${utf8}`, 'Content-Length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  function notFound(req: IncomingMessage, res: ServerResponse): void {
    if (isFile(notFoundPage)) send(req, res, 404, notFoundPage);
    else plain(res, 404, 'Not found\n');
  }

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    // the raw path, not a URL-normalised one, so that every form of "../" reaches the check below
    const raw = req.url ?? '/';
    const query = raw.indexOf('?');
    const rawPath = query === -1 ? raw : raw.slice(0, query);
    let pathname: string;
    try {
      pathname = decodeURIComponent(rawPath);
    } catch {
      plain(res, 400, 'Bad request\n');
      return;
    }
    if (!pathname.startsWith('/') || pathname.includes('\0')) {
      plain(res, 400, 'Bad request\n');
      return;
    }
    let target = resolve(base, '.' + pathname);
    if (!inside(target)) {
      notFound(req, res); // outside dist/: as if it did not exist
      return;
    }
    if (existsSync(target)) {
      try {
        target = realpathSync(target); // a symbolic link may not lead out of dist/ either
      } catch {
        notFound(req, res);
        return;
      }
      if (!inside(target)) {
        notFound(req, res);
        return;
      }
    }
    if (isDirectory(target)) {
      // trailingSlash: 'always' — /chapters/x is /chapters/x/
      if (!rawPath.endsWith('/')) {
        // one leading slash: "//host/" would send the browser to another site
        const location = rawPath.replace(/^\/+/, '/') + '/' + (query === -1 ? '' : raw.slice(query));
        plain(res, 301, `Moved to ${location}\n`, { Location: location });
        return;
      }
      target = resolve(target, 'index.html');
    }
    if (isFile(target)) send(req, res, 200, target);
    else notFound(req, res);
  };
}

export function createStaticServer(root: string = defaultRoot): Server {
  return createServer(staticHandler(root));
}

/** Listens on host:port (port 0: a free one); resolves once listening, with the port it got. */
export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done((server.address() as AddressInfo).port);
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' }, root: { type: 'string', default: defaultRoot } },
  });
  const port = Number(values.port ?? process.env.E2E_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${values.port ?? process.env.E2E_PORT}`);
  const root = resolve(values.root);
  if (!isFile(resolve(root, 'index.html'))) throw new Error(`${root} holds no built site: run \`npm run build\` first`);
  const server = createStaticServer(root);
  let bound: number;
  try {
    bound = await listen(server, port, values.host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'EADDRINUSE' ? `port ${port} is already in use; not serving` : String(error), { cause: error });
  }
  const host = values.host.includes(':') ? `[${values.host}]` : values.host;
  console.log(`e2e static server: ${root} at http://${host}:${bound}/`);
  const stop = () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`e2e static server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
