import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Breadcrumb, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { EditOutlined, ExportOutlined } from '@ant-design/icons';
import { isApiError } from '../../app/api-client.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { AttachmentList } from '../../shared/AttachmentList.tsx';
import { DemoTag } from '../../shared/demo.tsx';
import { NewsFormDrawer } from './NewsFormDrawer.tsx';
import { NewsState } from './news-display.tsx';
import { portalApi } from './portal.api.ts';

/** A news item: its text and photos, edited by its office, published to the public site or taken back. */
export function NewsPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { can } = useSession();
  const message = useMessage();
  const { data: news, error, loading, reload, setData } = useApi((signal) => portalApi.get(id, signal), [id]);
  usePageTitle('ui.portal.newsTitle', news?.title);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !news) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!news) return null;
  const manage = can('news.manage');
  const setPublished = async (publish: boolean) => {
    setBusy(true);
    try {
      setData(await (publish ? portalApi.publish : portalApi.unpublish)(news.id, news.version));
      message.success(t(publish ? 'ui.portal.newsPublished' : 'ui.portal.newsUnpublished'));
    } catch (err) {
      message.error(isApiError(err) ? pick(err) : t('ui.common.networkError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }} data-testid="news-page" data-id={news.id}>
      <Breadcrumb items={[{ title: <Link to="/news">{t('ui.portal.newsTitle')}</Link> }, { title: news.title }]} />
      <Card
        title={
          <Space wrap>
            <span data-testid="news-page-title">{news.title}</span>
            <NewsState publishedAt={news.publishedAt} />
            <DemoTag isDemo={news.isDemo} />
          </Space>
        }
        extra={
          <Space wrap>
            {news.publishedAt && (
              <Button
                icon={<ExportOutlined />}
                href={`/public/news/${news.id}`}
                target="_blank"
                data-testid="news-view-public"
              >
                {t('ui.portal.newsViewPublic')}
              </Button>
            )}
            {manage && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="news-edit">
                {t('ui.common.edit')}
              </Button>
            )}
            {manage &&
              (news.publishedAt ? (
                <Button loading={busy} onClick={() => setPublished(false)} data-testid="news-unpublish">
                  {t('ui.portal.newsUnpublish')}
                </Button>
              ) : (
                <Popconfirm title={t('ui.portal.newsPublishConfirm')} onConfirm={() => setPublished(true)}>
                  <Button type="primary" loading={busy} data-testid="news-publish">
                    {t('ui.portal.newsPublish')}
                  </Button>
                </Popconfirm>
              ))}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('ui.portal.newsFields.pairing')}>
            <Link to={`/pairings/${news.pairingId}`}>{news.pairingName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.portal.newsFields.newsDate')}>{news.newsDate}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16 }} data-testid="news-body-text">
          {news.body}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('ui.portal.newsFields.photos')} extra={t('ui.portal.newsPhotoHint')}>
        <AttachmentList
          attachments={news.photos}
          editable={manage}
          testId="news-photos"
          actions={{
            upload: async (file) => setData(await portalApi.uploadPhoto(news.id, file)),
            download: (a) => portalApi.downloadPhoto(news.id, a.id),
            remove: async (a) => setData(await portalApi.removePhoto(news.id, a.id)),
          }}
        />
      </Card>
      {editing && (
        <NewsFormDrawer
          news={news}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setData(saved);
            message.success(t('ui.portal.newsSaved'));
          }}
        />
      )}
    </div>
  );
}
