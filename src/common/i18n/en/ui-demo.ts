import type { Shape } from '../shape.ts';
import type { demoUi as zh } from '../zh-CN/ui-demo.ts';

export const demoUi: Shape<typeof zh> = {
  menu: 'Demo data',
  title: 'Demo data',
  intro:
    'Fill a pairing with demo data (projects, parks and their sharing ledger, events, meetings and tracked items, cadres) to try the product. Every demo record is marked Demo and all of them can be cleared at once; real data is never touched.',
  pairing: 'Pairing',
  pairingPlaceholder: 'Choose a pairing',
  fill: 'Create demo data',
  filling: 'Creating demo data, please wait…',
  filled: 'Demo data created for {name}: {summary}',
  fillFailed: 'Could not create demo data: {reason}',
  clear: 'Clear all demo data',
  clearConfirm: 'Delete all demo data? Real data is not affected.',
  cleared: 'Demo data cleared: {summary}',
  current: 'Pairings with demo data',
  none: 'There is no demo data.',
  projects: '{count} demo projects',
  counts: {
    projects: 'projects',
    parks: 'parks',
    enterprises: 'enterprises',
    agreements: 'agreements',
    ledgerEntries: 'ledger entries',
    events: 'events',
    eventAgreements: 'event agreements',
    meetings: 'meetings',
    trackedItems: 'tracked items',
    newsItems: 'news items',
    publishedProjects: 'public projects',
    publishedParks: 'public parks',
  },
};
