/**
 * Plain share links: each service's documented share URL, filled with the
 * article's address and headline. No script, no tracking pixel, no widget.
 */
import type { ShareTarget } from './config.ts';

export interface ShareLink {
  target: ShareTarget;
  /** The service's name as readers know it. */
  network: string;
  href: string;
}

const q = encodeURIComponent;

const builders: Record<ShareTarget, { network: string; href: (url: string, title: string) => string }> = {
  x: { network: 'X', href: (url, title) => `https://x.com/intent/post?url=${q(url)}&text=${q(title)}` },
  facebook: { network: 'Facebook', href: (url) => `https://www.facebook.com/sharer/sharer.php?u=${q(url)}` },
  linkedin: { network: 'LinkedIn', href: (url) => `https://www.linkedin.com/sharing/share-offsite/?url=${q(url)}` },
  whatsapp: { network: 'WhatsApp', href: (url, title) => `https://wa.me/?text=${q(`${title} ${url}`)}` },
  bluesky: { network: 'Bluesky', href: (url, title) => `https://bsky.app/intent/compose?text=${q(`${title} ${url}`)}` },
  email: { network: 'E-mail', href: (url, title) => `mailto:?subject=${q(title)}&body=${q(url)}` },
};

/** Share links for an article at absolute `url` titled `title`, in the configured order. */
export function shareLinks(targets: readonly ShareTarget[], url: string, title: string): ShareLink[] {
  return targets.map((target) => ({
    target,
    network: builders[target].network,
    href: builders[target].href(url, title),
  }));
}
