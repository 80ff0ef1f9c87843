import type { ReactNode } from 'react';
import { Card, Space } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { MessageKey } from '../../common/i18n/messages.ts';
import { ErrorResult } from '../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../app/i18n.tsx';
import { FilterBar } from '../app/list/FilterBar.tsx';
import { ListTable, type ListTableProps, type PageOf } from '../app/list/ListTable.tsx';
import type { ApiState } from '../app/use-api.ts';
import { DownloadButton, type DownloadedFile } from './DownloadButton.tsx';

/** The Excel workbook of the list as filtered. */
export interface ListExport {
  file: () => Promise<DownloadedFile>;
  /** The button's text; 导出 Excel when not given. */
  label?: string;
  /** Said once the file is saved; 已导出 when not given. */
  done?: string;
  testId?: string;
}

export interface ListPageProps<T> extends Omit<ListTableProps<T>, 'data' | 'loading'> {
  /** The card's title, and the browser tab's. */
  title: MessageKey;
  /** The page of rows as loaded; a failed load shows the error page with a retry. */
  list: Omit<ApiState<PageOf<T>>, 'setData'>;
  /** The filters, bound to the address (FilterBar's SearchFilter, SelectFilter…). */
  filters: ReactNode;
  /** Filters used less often, behind the filter bar's toggle; open when `moreFiltersActive`. */
  moreFilters?: ReactNode;
  moreFiltersActive?: boolean;
  /** At the right end of the filter bar: a reset, a legend. */
  filterExtra?: ReactNode;
  /** At the top right, after the export: create, import… */
  actions?: ReactNode;
  export?: ListExport;
  /** Above the filters: a notice about the list as a whole. */
  notice?: ReactNode;
  /** Between the filters and the table: figures of the filtered list. */
  summary?: ReactNode;
  /** The drawers and modals the page opens. */
  children?: ReactNode;
}

/** What every list page shows: title and actions, the filter bar, the server-paged table, an optional export. */
export function ListPage<T extends object>({
  title,
  list,
  filters,
  moreFilters,
  moreFiltersActive,
  filterExtra,
  actions,
  export: exported,
  notice,
  summary,
  children,
  ...table
}: ListPageProps<T>) {
  const { t } = useI18n();
  usePageTitle(title);

  if (list.error) return <ErrorResult error={list.error} onRetry={list.reload} />;

  return (
    <Card
      title={t(title)}
      extra={
        exported ? (
          <Space wrap>
            <DownloadButton
              file={exported.file}
              fileName="export.xlsx"
              done={exported.done ?? t('ui.output.exported')}
              icon={<FileExcelOutlined />}
              testId={exported.testId}
            >
              {exported.label ?? t('ui.output.export')}
            </DownloadButton>
            {actions}
          </Space>
        ) : (
          actions
        )
      }
    >
      {notice}
      <FilterBar extra={filterExtra} more={moreFilters} moreActive={moreFiltersActive}>
        {filters}
      </FilterBar>
      {summary}
      <ListTable<T> {...table} data={list.data} loading={list.loading} />
      {children}
    </Card>
  );
}
