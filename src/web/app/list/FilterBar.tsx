import { useState, type ReactNode } from 'react';
import { Button, Input, Select, Space } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n.tsx';
import type { UrlQuery } from './use-url-query.ts';

/**
 * The row of filters above a list; `extra` sits at the right end (a legend, a reset button). A list with many
 * filters keeps one row: the rest (`more`) open behind a toggle, already open when one of them is set.
 */
export function FilterBar({
  children,
  more,
  moreActive = false,
  extra,
}: {
  children: ReactNode;
  more?: ReactNode;
  moreActive?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(moreActive);
  return (
    <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: extra ? 'space-between' : 'flex-start' }}>
      <Space wrap>
        {children}
        {more && open && more}
        {more && (
          <Button
            type="link"
            icon={open ? <UpOutlined /> : <DownOutlined />}
            onClick={() => setOpen(!open)}
            data-testid="filters-more"
          >
            {t(open ? 'ui.output.fewerFilters' : 'ui.output.moreFilters')}
          </Button>
        )}
      </Space>
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
