import { type ReactNode, Suspense, useEffect, useRef, useState } from 'react';

/**
 * Renders its children (usually lazily loaded sections) only once their place comes near the viewport, so what a
 * page shows below its first screen costs nothing on a cold load. The placeholder keeps a height, so a run of them
 * below the fold does not all come into view at once. Browsers without IntersectionObserver render at once.
 */
export function WhenVisible({ children, minHeight = 240 }: { children: ReactNode; minHeight?: number }) {
  const anchor = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (near || !anchor.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: '100px 0px' },
    );
    observer.observe(anchor.current);
    return () => observer.disconnect();
  }, [near]);
  if (!near) return <div ref={anchor} style={{ minHeight }} data-when-visible />;
  return <Suspense fallback={null}>{children}</Suspense>;
}
