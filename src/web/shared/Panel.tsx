import type { CSSProperties, ReactNode } from 'react';

/**
 * A titled white box for the first screen (login, dashboard). antd's Card brings its tab bar along (~14 kB
 * compressed), which the dashboard's size budget cannot afford; the other pages use Card.
 */
export function Panel({
  title,
  extra,
  children,
  style,
  bodyStyle,
  headStyle,
  testId,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  style?: CSSProperties;
  bodyStyle?: CSSProperties;
  headStyle?: CSSProperties;
  testId?: string;
}) {
  return (
    <section className="duikou-panel" style={style} data-testid={testId}>
      {(title || extra) && (
        <header className="duikou-panel-head" style={headStyle}>
          <div className="duikou-panel-title">{title}</div>
          {extra && <div className="duikou-panel-extra">{extra}</div>}
        </header>
      )}
      <div className="duikou-panel-body" style={bodyStyle}>
        {children}
      </div>
    </section>
  );
}
