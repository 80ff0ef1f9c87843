import { Collapse, Empty, Space, Tag, Typography } from 'antd';
import type { PlanDiff } from '../../../common/api/plans.ts';
import { useI18n } from '../../app/i18n.tsx';

type Change = PlanDiff['added'][number];

function ChangeLine({ change, colour }: { change: Change; colour: string }) {
  const { t } = useI18n();
  return (
    <div className="duikou-diff-line" data-testid="diff-line">
      <Tag color={colour}>{t('ui.tasks.taskCode', { code: change.code })}</Tag>
      <span>{change.title}</span>
    </div>
  );
}

/**
 * What a new version of a plan changes against the one it replaces: tasks added, removed and changed (by their
 * number), with the wording before and after for changed ones.
 */
export function PlanDiffView({ diff, defaultOpen }: { diff: PlanDiff; defaultOpen?: boolean }) {
  const { t } = useI18n();
  const none = <Typography.Text type="secondary">{t('ui.plans.diffNone')}</Typography.Text>;
  const items = [
    {
      key: 'added',
      label: (
        <span data-testid="diff-added-count" data-count={diff.added.length}>
          {t('ui.plans.diffAdded', { count: diff.added.length })}
        </span>
      ),
      children: diff.added.length ? diff.added.map((c) => <ChangeLine key={c.code} change={c} colour="green" />) : none,
    },
    {
      key: 'removed',
      label: (
        <span data-testid="diff-removed-count" data-count={diff.removed.length}>
          {t('ui.plans.diffRemoved', { count: diff.removed.length })}
        </span>
      ),
      children: diff.removed.length
        ? diff.removed.map((c) => <ChangeLine key={c.code} change={c} colour="red" />)
        : none,
    },
    {
      key: 'changed',
      label: (
        <span data-testid="diff-changed-count" data-count={diff.changed.length}>
          {t('ui.plans.diffChanged', { count: diff.changed.length })}
        </span>
      ),
      children: diff.changed.length
        ? diff.changed.map((c) => (
            <div key={c.code} className="duikou-diff-change" data-testid="diff-changed">
              <Tag color="orange">{t('ui.tasks.taskCode', { code: c.code })}</Tag>
              <div className="duikou-diff-before">
                <Typography.Text type="secondary">{t('ui.plans.diffBefore')}</Typography.Text>
                <div>
                  <strong>{c.before.title}</strong>
                </div>
                <div className="duikou-diff-text">{c.before.text}</div>
              </div>
              <div className="duikou-diff-after">
                <Typography.Text type="secondary">{t('ui.plans.diffAfter')}</Typography.Text>
                <div>
                  <strong>{c.after.title}</strong>
                </div>
                <div className="duikou-diff-text">{c.after.text}</div>
              </div>
            </div>
          ))
        : none,
    },
  ];
  const empty = diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="plan-diff">
      <Typography.Text type="secondary">{t('ui.plans.diffUnchanged', { count: diff.unchanged })}</Typography.Text>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.plans.diffEmpty')} />
      ) : (
        <Collapse
          size="small"
          items={items}
          defaultActiveKey={
            defaultOpen
              ? items
                  .filter((i) => (diff[i.key as 'added' | 'removed' | 'changed'] as unknown[]).length)
                  .map((i) => i.key)
              : []
          }
        />
      )}
    </Space>
  );
}
