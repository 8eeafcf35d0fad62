import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * The Content-Security-Policy: scripts and styles only from this origin, no inline script, no
 * eval (charts use Vega's expression interpreter), no inline styles, nothing framed.
 */
export function contentSecurityPolicy(secure: boolean): Record<string, string[] | null> {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "script-src-attr": ["'none'"],
    // Over plain http on loopback an upgrade would send the browser to a port without TLS.
    "upgrade-insecure-requests": secure ? [] : null,
  };
}

export function securityHeaders(secure: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(secure) },
    strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "no-referrer" },
  });
}
