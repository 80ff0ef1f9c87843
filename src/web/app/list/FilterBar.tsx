import type { ReactNode } from 'react';
import { Input, Select, Space } from 'antd';
import type { UrlQuery } from './use-url-query.ts';

/** The row of filters above a list; `extra` sits at the right end (a legend, a reset button). */
export function FilterBar({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: extra ? 'space-between' : 'flex-start' }}>
      <Space wrap>{children}</Space>
      {extra}
    </Space>
  );
}

/** A free-text search bound to one address parameter (default `q`). */
export function SearchFilter({
  query,
  name = 'q',
  placeholder,
  width = 260,
  testId,
}: {
  query: UrlQuery;
  name?: string;
  placeholder: string;
  width?: number;
  testId?: string;
}) {
  return (
    <Input.Search
      allowClear
      placeholder={placeholder}
      defaultValue={query.get(name)}
      onSearch={(value) => query.update({ [name]: value })}
      style={{ width }}
      data-testid={testId}
    />
  );
}

/** A single-choice filter bound to one address parameter. */
export function SelectFilter<V extends string>({
  query,
  name,
  placeholder,
  options,
  width = 140,
  testId,
}: {
  query: UrlQuery;
  name: string;
  placeholder: string;
  options: { value: V; label: ReactNode }[];
  width?: number;
  testId?: string;
}) {
  return (
    <Select<V>
      allowClear
      placeholder={placeholder}
      value={query.get<V>(name)}
      onChange={(value) => query.update({ [name]: value })}
      options={options}
      style={{ width }}
      data-testid={testId}
    />
  );
}

/** The values of an active/inactive filter, as the list endpoints take them. */
export const ACTIVE_OPTIONS = ['true', 'false'] as const;
