import { memo, useEffect, useRef } from 'react';
import type { PlanPreview } from '../../../common/api/plans.ts';
import { useI18n } from '../../app/i18n.tsx';

export interface LineRange {
  from: number;
  to: number;
}

const Lines = memo(function Lines({
  lines,
  onLineClick,
}: {
  lines: PlanPreview['sourceLines'];
  onLineClick?: (line: number) => void;
}) {
  return (
    <>
      {lines.map((l) => (
        <div
          key={l.line}
          className="duikou-source-line"
          data-testid="source-line"
          data-line={l.line}
          onClick={onLineClick ? () => onLineClick(l.line) : undefined}
        >
          <span className="duikou-source-no">{l.line}</span>
          <span className="duikou-source-text">{l.text || '\u00a0'}</span>
        </div>
      ))}
    </>
  );
});

/**
 * The normalised text of an uploaded plan with its line numbers, as the parser read it. The highlighted range (a
 * task's clause) is scrolled into view inside the pane, without moving the page around it.
 */
export function SourceText({
  lines,
  highlight,
  onLineClick,
  height,
}: {
  lines: PlanPreview['sourceLines'];
  highlight?: LineRange | null;
  onLineClick?: (line: number) => void;
  height: string | number;
}) {
  const { t } = useI18n();
  const pane = useRef<HTMLDivElement>(null);

  // Marks the range on the rendered lines directly: re-rendering hundreds of long lines on each click is wasted work.
  useEffect(() => {
    const root = pane.current;
    if (!root) return;
    root.querySelectorAll('.duikou-source-line.is-highlighted').forEach((el) => el.classList.remove('is-highlighted'));
    if (!highlight) return;
    let first: HTMLElement | null = null;
    for (let line = highlight.from; line <= highlight.to; line++) {
      const el = root.querySelector<HTMLElement>(`[data-line="${line}"]`);
      if (!el) continue;
      el.classList.add('is-highlighted');
      first ??= el;
    }
    if (first) root.scrollTo({ top: Math.max(0, first.offsetTop - 48), behavior: 'smooth' });
  }, [highlight?.from, highlight?.to, lines]);

  return (
    <div
      ref={pane}
      className="duikou-source"
      style={{ height }}
      data-testid="source-text"
      data-highlight={highlight ? `${highlight.from}-${highlight.to}` : ''}
      aria-label={t('ui.plans.sourceText')}
    >
      <Lines lines={lines} onLineClick={onLineClick} />
    </div>
  );
}
