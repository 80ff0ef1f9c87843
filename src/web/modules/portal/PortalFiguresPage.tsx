import { Typography } from 'antd';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { PublishedFiguresCard } from '../../shared/published-figures/PublishedFiguresCard.tsx';

/** Figures from the press and official reports about the pairings in general, shown on the public site. */
export function PortalFiguresPage() {
  const { t } = useI18n();
  usePageTitle('ui.portal.figuresTitle');
  return (
    <div data-testid="portal-figures-page">
      <Typography.Title level={4}>{t('ui.portal.figuresTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('ui.portal.figuresIntro')}</Typography.Paragraph>
      <PublishedFiguresCard base="/api/portal/figures" manage="portal.figures" title={t('ui.portal.figuresTitle')} />
    </div>
  );
}
