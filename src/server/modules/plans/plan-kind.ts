import type { PlanKind } from '../../../common/api/enums.ts';
import { translate } from '../../../common/i18n/messages.ts';
import { fieldError, invalid } from '../../http/app-error.ts';
import type { UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { findProgramme } from '../programmes/programmes.service.ts';

/**
 * A programme that names its own plan kinds (programmes.plan_kinds) takes plans of those kinds only: another is
 * refused on `kind`, naming the kinds it offers. A programme without its own list takes every kind.
 */
export async function assertPlanKindOfProgramme(work: Pick<UnitOfWork, 'tx'>, programmeId: string, kind: PlanKind) {
  const kinds = (await findProgramme(work, programmeId))?.planKinds;
  if (!kinds || kinds.includes(kind)) return;
  const names = (locale: 'zh-CN' | 'en') =>
    kinds.map((k) => translate(locale, `domain.planKinds.${k}`)).join(locale === 'en' ? ', ' : '、');
  throw invalid(
    fieldError('kind', 'plan_kind_not_in_programme', {
      kind: translate('zh-CN', `domain.planKinds.${kind}`),
      kinds: names('zh-CN'),
      kindEn: translate('en', `domain.planKinds.${kind}`),
      kindsEn: names('en'),
    }),
  );
}
