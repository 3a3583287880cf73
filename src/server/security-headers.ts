/**
 * Security headers for the dev and preview servers (nginx sends the same in production): no
 * inline script, no framing, no sniffing, and no Referer, so conversation ids never leak to
 * other sites through links.
 */
import type { Plugin } from 'vite';

const policy = (styleSource: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    `style-src ${styleSource}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

export const contentSecurityPolicy = policy("'self'");

export const securityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

// The dev server injects CSS as <style> elements for hot reload, so only it allows inline styles.
const devHeaders = {
  ...securityHeaders,
  'content-security-policy': policy("'self' 'unsafe-inline'"),
};

const DEV_PREAMBLE_PATH = '/@dev-preamble.js';

export function securityHeadersPlugin(): Plugin {
  let devPreamble = '';
  return {
    name: 'security-headers',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        for (const [name, value] of Object.entries(devHeaders)) response.setHeader(name, value);
        if (request.url !== DEV_PREAMBLE_PATH) return next();
        response.setHeader('content-type', 'text/javascript');
        response.end(devPreamble);
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((_request, response, next) => {
        for (const [name, value] of Object.entries(securityHeaders))
          response.setHeader(name, value);
        next();
      });
    },
    // In dev, the React refresh preamble arrives as an inline script: serve it as a file instead,
    // so the policy needs no exception for inline script.
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.server) return html;
        return html.replace(
          /<script type="module">([\s\S]*?)<\/script>/,
          (_match, code: string) => {
            devPreamble = code;
            return `<script type="module" src="${DEV_PREAMBLE_PATH}"></script>`;
          },
        );
      },
    },
  };
}
