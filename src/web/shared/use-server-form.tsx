import { useState, type ReactNode } from 'react';
import { Alert, type FormInstance } from 'antd';
import { applyServerErrors, formErrorBanner } from '../app/form-errors.ts';
import { useI18n } from '../app/i18n.tsx';

/**
 * The save of a form (the park and event pages use it): while it runs, `saving`; when the server refuses it, each field
 * error next to its field (`toForm` may first rename the server's fields to the form's) and a banner above the
 * form saying so, or the server's message when no field is named.
 */
export function useServerForm(
  form: FormInstance,
  toForm: (err: unknown) => unknown = (err) => err,
): { saving: boolean; banner: ReactNode; run: (save: () => Promise<void>) => Promise<void> } {
  const { t, pick } = useI18n();
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const run = async (save: () => Promise<void>) => {
    setSaving(true);
    setBanner(null);
    try {
      await save();
    } catch (err) {
      setBanner(formErrorBanner(err, applyServerErrors(form, toForm(err), pick), { t, pick }));
    } finally {
      setSaving(false);
    }
  };
  return {
    saving,
    run,
    banner: banner && (
      <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} data-testid="form-banner" />
    ),
  };
}
