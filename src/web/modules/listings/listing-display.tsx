import { Space, Tag, Typography } from 'antd';
import type { ListingState } from '../../../common/api/enums.ts';
import type { ListingSummary, MatchReason, ScoreParts } from '../../../common/api/listings.ts';
import { useI18n } from '../../app/i18n.tsx';

const STATE_COLOURS: Record<ListingState, string> = { pending: 'gold', published: 'green', withdrawn: 'default' };

export function ListingStateTag({ state }: { state: ListingState }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLOURS[state]}>{t(`domain.listingStates.${state}`)}</Tag>;
}

export function KindTag({ listing }: { listing: Pick<ListingSummary, 'kind' | 'category'> }) {
  const { t } = useI18n();
  return (
    <Space size={2}>
      <Tag color={listing.kind === 'offer' ? 'blue' : 'purple'}>{t(`domain.listingKinds.${listing.kind}`)}</Tag>
      <Tag>{t(`domain.listingCategories.${listing.category}`)}</Tag>
    </Space>
  );
}

/** Why a listing came up, one reason a line, in the reader's language, with the score parts beneath. */
export function Reasons({ reasons, parts }: { reasons: MatchReason[]; parts?: ScoreParts }) {
  const { t, pick } = useI18n();
  return (
    <div data-testid="match-reasons">
      {reasons.map((r) => (
        <div key={r.code}>{pick({ zh: r.zh, en: r.en })}</div>
      ))}
      {parts && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ui.listings.scoreParts', {
            text: parts.text.toFixed(2),
            industry: parts.industry.toFixed(2),
            category: parts.category.toFixed(2),
            pairing: parts.pairing.toFixed(2),
            freshness: parts.freshness.toFixed(2),
          })}
        </Typography.Text>
      )}
    </div>
  );
}
