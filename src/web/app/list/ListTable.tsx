import type { HTMLAttributes } from 'react';
import { useNavigate } from 'react-router-dom';
import { Table, type TableColumnsType, type TableProps } from 'antd';
import { useI18n } from '../i18n.tsx';
import type { UrlQuery } from './use-url-query.ts';

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ListTableProps<T> {
  query: UrlQuery;
  columns: TableColumnsType<T>;
  data: PageOf<T> | undefined;
  loading: boolean;
  /** Column keys the server can sort by; a click on another column's sorter is ignored. */
  sortable?: readonly string[];
  /** Where a click on a row goes. */
  rowLink?: (row: T) => string;
  /** data-* attributes of each row, for the browser tests and styles. */
  rowData?: (row: T) => Record<`data-${string}`, string | number | undefined>;
  emptyText?: string;
  scrollX?: number;
  rowKey?: string;
  /** Rows that open to show more (the audit trail's details). */
  expandable?: TableProps<T>['expandable'];
}

/** The paged, server-sorted table every list page uses; its page, size and sort live in the address. */
export function ListTable<T extends object>(props: ListTableProps<T>) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { query, data, sortable = [], rowLink, rowData } = props;
  const sort = query.get('sort');
  const order = query.get('order');

  const columns = props.columns.map((column) =>
    column.key !== undefined && sortable.includes(String(column.key))
      ? {
          ...column,
          sorter: true,
          sortOrder: sort === column.key ? (order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null,
        }
      : column,
  );

  const onChange: TableProps<T>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const column = typeof s?.columnKey === 'string' && sortable.includes(s.columnKey) ? s.columnKey : undefined;
    query.update(
      {
        page: pagination.current,
        pageSize: pagination.pageSize,
        ...(sortable.length > 0 && {
          sort: s?.order && column ? column : undefined,
          order: s?.order && column ? (s.order === 'descend' ? 'desc' : 'asc') : undefined,
        }),
      },
      false,
    );
  };

  return (
    <Table<T>
      rowKey={props.rowKey ?? 'id'}
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={props.loading}
      onChange={onChange}
      locale={{ emptyText: props.emptyText ?? t('ui.common.empty') }}
      pagination={{
        current: data?.page ?? query.page,
        pageSize: data?.pageSize ?? query.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => t('ui.common.total', { total }),
      }}
      rowClassName={() => (rowLink ? 'duikou-clickable-row' : '')}
      onRow={(row) =>
        ({
          ...(rowLink && { onClick: () => navigate(rowLink(row)) }),
          ...rowData?.(row),
        }) as HTMLAttributes<HTMLElement>
      }
      scroll={{ x: props.scrollX ?? 1000 }}
      expandable={props.expandable}
    />
  );
}
