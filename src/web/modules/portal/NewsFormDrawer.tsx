import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { NewsDetail } from '../../../common/api/portal.ts';
import { useI18n } from '../../app/i18n.tsx';
import { PairingSelect } from '../../shared/PairingSelect.tsx';
import { useServerForm } from '../../shared/use-server-form.tsx';
import { portalApi } from './portal.api.ts';
import { FormDrawer } from '../../shared/FormDrawer.tsx';

interface Values {
  pairingId?: string;
  title?: string;
  newsDate?: Dayjs;
  body?: string;
}

/** Writes a news item (a draft until published) or edits one. */
export function NewsFormDrawer({
  news,
  onClose,
  onSaved,
}: {
  news?: NewsDetail;
  onClose: () => void;
  onSaved: (saved: NewsDetail) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, banner, run } = useServerForm(form);
  const required = [{ required: true, message: t('errors.field.required') }];
  const submit = (v: Values) =>
    run(async () => {
      const fields = {
        title: v.title?.trim() ?? '',
        newsDate: v.newsDate ? v.newsDate.format('YYYY-MM-DD') : '',
        body: v.body?.trim() ?? '',
      };
      onSaved(
        news
          ? await portalApi.update(news.id, { version: news.version, ...fields })
          : await portalApi.create({ pairingId: v.pairingId ?? '', ...fields }),
      );
    });
  return (
    <FormDrawer
      title={t(news ? 'ui.portal.newsEdit' : 'ui.portal.newsNew')}
      size="large"
      testId="news"
      saving={saving}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {banner}
      <Form
        form={form}
        name="news"
        layout="vertical"
        onFinish={submit}
        initialValues={
          news ? { title: news.title, newsDate: dayjs(news.newsDate), body: news.body } : { newsDate: dayjs() }
        }
      >
        {!news && (
          <Form.Item name="pairingId" label={t('ui.portal.newsFields.pairing')} rules={required}>
            <PairingSelect data-testid="news-pairing" />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('ui.portal.newsFields.title')} rules={required}>
          <Input maxLength={200} data-testid="news-title" />
        </Form.Item>
        <Form.Item name="newsDate" label={t('ui.portal.newsFields.newsDate')} rules={required}>
          <DatePicker data-testid="news-date" />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('ui.portal.newsFields.body')}
          rules={required}
          extra={t('ui.portal.newsBodyHint')}
        >
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} maxLength={20_000} data-testid="news-body" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
