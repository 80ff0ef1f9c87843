import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../app/i18n.tsx';
import { projectsApi } from '../modules/projects/projects.api.ts';
import type { IndustryCatalogue } from '../../common/api/projects.ts';

let industryCatalogue: Promise<IndustryCatalogue> | null = null;

/** The GB/T 4754 catalogue, loaded once per page load (it does not change while the app runs). */
export function useIndustries(): IndustryCatalogue | undefined {
  const [catalogue, setCatalogue] = useState<IndustryCatalogue | undefined>(undefined);
  useEffect(() => {
    let live = true;
    industryCatalogue ??= projectsApi.industries().catch((err: unknown) => {
      industryCatalogue = null;
      throw err;
    });
    industryCatalogue.then(
      (c) => live && setCatalogue(c),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return catalogue;
}

/** The 大类 of GB/T 4754-2017 as select options ("36 汽车制造业"), from the same catalogue. */
export function useIndustryDivisions(): { value: string; label: string }[] {
  const { locale } = useI18n();
  const catalogue = useIndustries();
  return useMemo(
    () =>
      (catalogue?.sections ?? []).flatMap((s) =>
        s.divisions.map((d) => ({ value: d.code, label: `${d.code} ${locale === 'en' ? d.nameEn : d.name}` })),
      ),
    [catalogue, locale],
  );
}

/**
 * A 大类's name by its code ("36" → 汽车制造业), in the user's language, for tables that store the code; the code
 * itself until the catalogue has loaded or when it is not in it.
 */
export function useIndustryName(): (code: string | null) => string | null {
  const { locale } = useI18n();
  const catalogue = useIndustries();
  return useMemo(() => {
    const names = new Map(
      (catalogue?.sections ?? []).flatMap((s) =>
        s.divisions.map((d) => [d.code, locale === 'en' ? d.nameEn : d.name] as const),
      ),
    );
    return (code) => (code === null ? null : (names.get(code) ?? code));
  }, [catalogue, locale]);
}
