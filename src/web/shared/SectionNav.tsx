import { Anchor } from 'antd';

export interface Section {
  /** The id of the element the link scrolls to. */
  id: string;
  title: string;
}

/**
 * Links to the sections of a long page (the park page's enterprises, agreements, ledger and statement), kept in
 * view under the header while the page scrolls; the current section is marked. Not printed.
 */
export function SectionNav({ sections }: { sections: readonly Section[] }) {
  return (
    <div className="no-print" data-testid="section-nav">
      <Anchor
        direction="horizontal"
        offsetTop={64}
        targetOffset={80}
        items={sections.map((s) => ({ key: s.id, href: `#${s.id}`, title: s.title }))}
      />
    </div>
  );
}
