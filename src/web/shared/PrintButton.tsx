import type { ReactNode } from 'react';
import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useI18n } from '../app/i18n.tsx';

/**
 * Prints the page with the shared print layout (shared/print.css): no menu, no buttons, A4, page numbers.
 * `bodyClass` is set on <body> while printing, for a part of a page that prints alone (the park statement).
 */
export function PrintButton({
  testId = 'print',
  bodyClass,
  children,
}: {
  testId?: string;
  bodyClass?: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const print = () => {
    if (bodyClass) {
      document.body.classList.add(bodyClass);
      window.addEventListener('afterprint', () => document.body.classList.remove(bodyClass), { once: true });
    }
    window.print();
  };
  return (
    <Button icon={<PrinterOutlined />} onClick={print} data-testid={testId}>
      {children ?? t('ui.output.print')}
    </Button>
  );
}
