/** Escaping for untrusted article text in HTML and Markdown. */

export function html(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    // Bidirectional overrides in a hostile title could reorder the text around it.
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
}

/** A URL that is safe to make clickable: http(s) only; anything else (javascript:, data:) is not a link. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

export function markdown(s: unknown): string {
  return String(s ?? '')
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1')
    .replace(/\n+/g, ' ');
}
