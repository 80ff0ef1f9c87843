import { Tag } from 'antd';
import { useI18n } from '../../app/i18n.tsx';

/** Whether an item is on the public site (published) or only here (draft). */
export function NewsState({ publishedAt }: { publishedAt: string | null }) {
  const { t } = useI18n();
  return publishedAt ? (
    <Tag color="green" data-testid="news-state" data-state="published">
      {t('ui.portal.newsStates.published')}
    </Tag>
  ) : (
    <Tag data-testid="news-state" data-state="draft">
      {t('ui.portal.newsStates.draft')}
    </Tag>
  );
}
