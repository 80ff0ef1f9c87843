import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { useI18n } from '../app/i18n.tsx';
import { LocaleSwitch } from '../app/layout/LocaleSwitch.tsx';
import { Panel } from './Panel.tsx';

/** The centred card of the pages shown before sign-in (login, first-start setup). */
export function AuthFrame({ title, children, width = 400 }: { title: string; children: ReactNode; width?: number }) {
  const { t } = useI18n();
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 24,
        background: 'linear-gradient(180deg, #8c1c13 0, #b71c1c 42vh, #f5f5f5 42vh)',
      }}
    >
      <div style={{ width, maxWidth: '100%' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}>
          <div>
            <Typography.Title level={3} style={{ color: '#fff', margin: 0 }}>
              {t('ui.app.name')}
            </Typography.Title>
            <Typography.Text style={{ color: 'rgba(255,255,255,0.8)' }}>{t('ui.app.subtitle')}</Typography.Text>
          </div>
          <div style={{ color: '#fff' }}>
            <LocaleSwitch ghost />
          </div>
        </div>
        <Panel
          title={title}
          bodyStyle={{ padding: 24 }}
          headStyle={{ padding: '4px 24px' }}
          style={{ boxShadow: '0 6px 16px rgba(0,0,0,0.08)' }}
        >
          {children}
        </Panel>
      </div>
    </div>
  );
}
