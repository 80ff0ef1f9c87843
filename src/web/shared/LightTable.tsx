import type { CSSProperties, ReactNode } from 'react';

export interface LightColumn<T> {
  key: string;
  title: ReactNode;
  render: (row: T) => ReactNode;
  width?: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * A plain table for short, unpaged lists on the first screen, where antd's Table (with its filter, sort and
 * virtual-scroll machinery, ~80 kB compressed) would break the dashboard's size budget.
 */
export function LightTable<T>({
  columns,
  rows,
  rowKey,
  onRowClick,
  rowTestId,
  empty,
  style,
}: {
  columns: LightColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  onRowClick?: (row: T) => void;
  rowTestId?: string;
  empty: ReactNode;
  style?: CSSProperties;
}) {
  return (
    <div className="duikou-light-table" style={style}>
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} style={{ width: c.width, textAlign: c.align }}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="duikou-light-table-empty">
                {empty}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              data-testid={rowTestId}
              className={onRowClick ? 'duikou-clickable-row' : undefined}
              onClick={onRowClick ? () => onRowClick(row) : undefined}
            >
              {columns.map((c) => (
                <td key={c.key} style={{ textAlign: c.align }}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
