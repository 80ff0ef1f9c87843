import { useState } from 'react';
import { Button, Card, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useI18n } from '../app/i18n.tsx';
import { useServerForm } from './use-server-form.tsx';

/**
 * Whether a record (a project, a park) is shown on the public site, with the summary written for the public: the
 * office makes it public, corrects the summary, or makes it private again. Nothing else of the record is public.
 */
export function PublicationCard({
  publishedAt,
  publicSummary,
  publicHref,
  canPublish,
  onPublish,
  onUnpublish,
}: {
  publishedAt: string | null;
  publicSummary: string | null;
  /** The record's public page, when it has one. */
  publicHref?: string;
  canPublish: boolean;
  onPublish: (publicSummary: string) => Promise<void>;
  onUnpublish: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ publicSummary?: string }>();
  const { saving, banner, run } = useServerForm(form);
  const [done, setDone] = useState<string | null>(null);
  const published = !!publishedAt;
  const act = (change: () => Promise<void>, doneKey: 'publishedDone' | 'unpublishedDone') =>
    run(async () => {
      await change();
      setDone(t(`ui.portal.${doneKey}`));
    });
  return (
    <Card
      size="small"
      title={t('ui.portal.publicSection')}
      data-testid="publication-card"
      data-published={String(published)}
      extra={
        <Space>
          <Tag color={published ? 'green' : undefined} data-testid="publication-state">
            {published
              ? t('ui.portal.publicState.published', { date: publishedAt.slice(0, 10) })
              : t('ui.portal.publicState.unpublished')}
          </Tag>
          {published && publicHref && (
            <Button size="small" icon={<ExportOutlined />} href={publicHref} target="_blank">
              {t('ui.portal.newsViewPublic')}
            </Button>
          )}
        </Space>
      }
    >
      {banner}
      {done && <Typography.Paragraph type="success">{done}</Typography.Paragraph>}
      {canPublish ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ publicSummary: publicSummary ?? '' }}
          onFinish={(v) => act(() => onPublish(v.publicSummary?.trim() ?? ''), 'publishedDone')}
        >
          <Form.Item
            name="publicSummary"
            label={t('ui.portal.publicSummary')}
            extra={t('ui.portal.publicSummaryHint')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="public-summary" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="publication-publish">
              {t(published ? 'ui.portal.republish' : 'ui.portal.publish')}
            </Button>
            {published && (
              <Popconfirm title={t('ui.portal.unpublish')} onConfirm={() => act(onUnpublish, 'unpublishedDone')}>
                <Button loading={saving} data-testid="publication-unpublish">
                  {t('ui.portal.unpublish')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Form>
      ) : (
        <Typography.Paragraph>{publicSummary ?? '—'}</Typography.Paragraph>
      )}
    </Card>
  );
}
