import type {
  ExchangeSummary,
  SecondmentDetail,
  SecondmentSummary,
  TargetProgress,
  TrainingDetail,
  TrainingSummary,
} from '../../../common/api/people.ts';
import { homeSideOf } from '../../../common/api/people.ts';
import { dateString } from '../../kernel/dates.ts';
import type { ExchangeRow } from './exchanges.repository.ts';
import type { SecondmentDetailRow, SecondmentSummaryRow } from './secondments.repository.ts';
import type { TrainingDetailRow, TrainingSummaryRow } from './trainings.repository.ts';

export function presentSecondmentSummary(r: SecondmentSummaryRow): SecondmentSummary {
  return {
    id: r.id,
    pairingId: r.pairingId,
    pairingName: r.pairingName,
    name: r.name,
    gender: r.gender,
    birthYear: r.birthYear,
    idNumber: r.idNumberMasked,
    mobile: r.mobileMasked,
    direction: r.direction,
    homeSide: homeSideOf(r.direction),
    homeUnit: r.homeUnit,
    homePost: r.homePost,
    hostUnit: r.hostUnit,
    hostPost: r.hostPost,
    rank: r.rank,
    batch: r.batch,
    startsOn: dateString(r.startsOn)!,
    endsOn: dateString(r.endsOn)!,
    status: r.status,
    isDemo: r.isDemo,
  };
}

export function presentSecondmentDetail(d: SecondmentDetailRow): SecondmentDetail {
  return { ...presentSecondmentSummary(d.summary), evaluation: d.evaluation, version: d.version };
}

export function presentTrainingSummary(r: TrainingSummaryRow): TrainingSummary {
  const trainees = { officials: r.officials, managers: r.managers, professionals: r.professionals, other: r.other };
  return {
    id: r.id,
    pairingId: r.pairingId,
    pairingName: r.pairingName,
    title: r.title,
    organiser: r.organiser,
    hostSide: r.hostSide,
    place: r.place,
    startsOn: dateString(r.startsOn)!,
    endsOn: dateString(r.endsOn)!,
    trainees,
    bySide: { a: r.sideA, b: r.sideB },
    total: r.officials + r.managers + r.professionals + r.other,
    taskId: r.taskId,
    taskCode: r.taskCode,
    isDemo: r.isDemo,
  };
}

export function presentTrainingDetail(d: TrainingDetailRow & { progress: TargetProgress | null }): TrainingDetail {
  return { ...presentTrainingSummary(d.summary), materials: d.materials, progress: d.progress, version: d.version };
}

export function presentExchange(r: ExchangeRow): ExchangeSummary {
  return {
    ...r,
    heldOn: dateString(r.heldOn)!,
    endsOn: dateString(r.endsOn),
  };
}
