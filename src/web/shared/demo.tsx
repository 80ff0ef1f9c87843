import { Space, type TableColumnType, Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../app/i18n.tsx';
import { SelectFilter } from '../app/list/FilterBar.tsx';
import type { UrlQuery } from '../app/list/use-url-query.ts';

/** The mark every generated demo record carries wherever it is shown. */
export function DemoTag({ isDemo }: { isDemo: boolean }) {
  const { t } = useI18n();
  if (!isDemo) return null;
  return (
    <Tooltip title={t('ui.common.demoHint')}>
      <Tag color="orange" data-testid="demo-tag">
        {t('ui.common.demo')}
      </Tag>
    </Tooltip>
  );
}

/** Real records only, demo records only, or both: generated demo data is never mistaken for real figures. */
export function DemoFilter({ query }: { query: UrlQuery }) {
  const { t } = useI18n();
  return (
    <SelectFilter
      query={query}
      name="demo"
      placeholder={t('ui.common.demoFilter')}
      options={[
        { value: 'false', label: t('ui.common.realOnly') },
        { value: 'true', label: t('ui.common.demoOnly') },
      ]}
      width={120}
    />
  );
}

/**
 * A list's title column: the record's title as a link to its page (the click does not also fire the row's own
 * click), tagged 演示 when it is demo data.
 */
export function demoTitleColumn<Row extends { id: string; isDemo: boolean }>(
  title: string,
  pathOf: (row: Row) => string,
): TableColumnType<Row> {
  return {
    title,
    dataIndex: 'title',
    render: (text: string, row: Row) => (
      <Space size={4}>
        <Link to={pathOf(row)} onClick={(e) => e.stopPropagation()}>
          {text}
        </Link>
        <DemoTag isDemo={row.isDemo} />
      </Space>
    ),
  };
}
