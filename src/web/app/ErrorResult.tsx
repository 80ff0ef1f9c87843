import type { ReactNode } from 'react';
import { Button } from 'antd';
import { CloseCircleFilled, QuestionCircleFilled, StopFilled } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { isApiError } from './api-client.ts';
import { useI18n } from './i18n.tsx';

// A light stand-in for antd's Result, whose illustrations would weigh on the first screen.
function StatusResult({
  icon,
  title,
  subTitle,
  extra,
}: {
  icon: ReactNode;
  title: string;
  subTitle?: string;
  extra?: ReactNode;
}) {
  return (
    <div className="duikou-result">
      <div className="duikou-result-icon">{icon}</div>
      <div className="duikou-result-title">{title}</div>
      {subTitle && <div className="duikou-result-subtitle">{subTitle}</div>}
      {extra}
    </div>
  );
}

function HomeButton() {
  const { t } = useI18n();
  return (
    <Link to="/">
      <Button type="primary">{t('ui.common.backHome')}</Button>
    </Link>
  );
}

export function NotFoundResult() {
  const { t } = useI18n();
  return (
    <div data-testid="not-found">
      <StatusResult
        icon={<QuestionCircleFilled style={{ color: '#1677ff' }} />}
        title={t('ui.common.notFoundTitle')}
        subTitle={t('ui.common.notFoundText')}
        extra={<HomeButton />}
      />
    </div>
  );
}

export function ForbiddenResult() {
  const { t } = useI18n();
  return (
    <div data-testid="forbidden">
      <StatusResult
        icon={<StopFilled style={{ color: '#faad14' }} />}
        title={t('errors.forbidden')}
        extra={<HomeButton />}
      />
    </div>
  );
}

/** What a page shows when its data could not be loaded: not found for 404, otherwise the server's message. */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, pick } = useI18n();
  if (isApiError(error) && error.status === 404) return <NotFoundResult />;
  if (isApiError(error) && error.status === 403) return <ForbiddenResult />;
  const text = isApiError(error) ? pick(error) : t('ui.common.networkError');
  return (
    <StatusResult
      icon={<CloseCircleFilled style={{ color: '#ff4d4f' }} />}
      title={t('ui.common.errorTitle')}
      subTitle={text}
      extra={onRetry ? <Button onClick={onRetry}>{t('ui.common.retry')}</Button> : undefined}
    />
  );
}
