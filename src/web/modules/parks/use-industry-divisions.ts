import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { industryCatalogue } from '../../../common/api/projects.ts';
import { api } from '../../app/api-client.ts';
import { useI18n } from '../../app/i18n.tsx';

type Catalogue = z.infer<typeof industryCatalogue>;
let loading: Promise<Catalogue> | null = null;

/** The 大类 of GB/T 4754-2017 as select options ("36 汽车制造业"), the catalogue loaded once per page load. */
export function useIndustryDivisions(): { value: string; label: string }[] {
  const { locale } = useI18n();
  const [catalogue, setCatalogue] = useState<Catalogue | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loading ??= api.get<Catalogue>('/api/industries').catch((err: unknown) => {
      loading = null;
      throw err;
    });
    loading.then((c) => live && setCatalogue(c), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return (catalogue?.sections ?? []).flatMap((s) => s.divisions.map((d) => ({ value: d.code, label: `${d.code} ${locale === 'en' ? d.nameEn : d.name}` })));
}
