import { Button } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n.tsx';

/** One click switches between Chinese and English; the choice is remembered in the browser. */
export function LocaleSwitch({ ghost }: { ghost?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Button
      data-testid="lang-switch"
      type={ghost ? 'text' : 'default'}
      icon={<TranslationOutlined />}
      title={t('ui.locale.switchTitle')}
      onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
      style={ghost ? { color: 'inherit' } : undefined}
    >
      {t('ui.locale.switchTo')}
    </Button>
  );
}
