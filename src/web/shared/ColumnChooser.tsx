import { useState } from 'react';
import { Button, Checkbox, Popover, Space } from 'antd';
import { TableOutlined } from '@ant-design/icons';
import { useI18n } from '../app/i18n.tsx';

export interface ChoosableColumn {
  key: string;
  title: string;
}

const stored = (storageKey: string): string[] | null => {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(storageKey) ?? 'null');
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : null;
  } catch {
    return null;
  }
};

/**
 * Which of a wide table's optional columns are shown, chosen by the user and remembered in this browser, so the
 * table fits the screen (1366 px) without sideways scrolling. Answers the hidden keys and the chooser button.
 */
export function useColumnChoice(storageKey: string, optional: readonly ChoosableColumn[], hiddenByDefault: string[]) {
  const { t } = useI18n();
  const [hidden, setHidden] = useState<string[]>(() => stored(storageKey) ?? hiddenByDefault);
  const choose = (shown: string[]) => {
    const next = optional.map((c) => c.key).filter((k) => !shown.includes(k));
    setHidden(next);
    localStorage.setItem(storageKey, JSON.stringify(next));
  };
  const chooser = (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('ui.output.columnsTitle')}
      content={
        <Checkbox.Group
          value={optional.map((c) => c.key).filter((k) => !hidden.includes(k))}
          onChange={(v) => choose(v as string[])}
          data-testid="column-choice"
        >
          <Space orientation="vertical">
            {optional.map((c) => (
              <Checkbox key={c.key} value={c.key}>
                {c.title}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      }
    >
      <Button icon={<TableOutlined />} data-testid="column-chooser">
        {t('ui.output.columns')}
      </Button>
    </Popover>
  );
  return { hidden: new Set(hidden), chooser };
}
