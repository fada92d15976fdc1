import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/**
 * The web app's Content-Security-Policy. Scripts only from Liaison's own origin: the built app
 * (Vite) has no inline script, and neither has the API reference (Swagger UI). Styles also allow
 * inline: Mantine writes its theme's CSS variables and component styles into <style> elements at
 * run time, which a nonce could cover only by templating index.html per answer; an injected style
 * cannot run code, and the script policy stays strict.
 */
export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  // Only Liaison frames Liaison: the progress report's preview shows the report's HTML in a frame.
  'frame-ancestors': ["'self'"],
};

/**
 * Security headers on every answer (helmet: CSP, X-Frame-Options, nosniff, Referrer-Policy, …),
 * and `Cache-Control: no-store` on API answers: they carry record contents, which a shared or
 * browser cache must not keep after the officer has logged out.
 */
export async function installSecurityHeaders(app: FastifyInstance, options: { https: boolean }) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...contentSecurityPolicy, ...(options.https ? { 'upgrade-insecure-requests': [] } : {}) } },
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'sameorigin' },
    // HSTS only where TLS is known to be in front (behind the proxy); plain HTTP on a LAN would be locked out.
    strictTransportSecurity: options.https ? { maxAge: 31536000 } : false,
    // Chromium's PDF printing and the API reference load nothing cross-origin.
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/v1/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
