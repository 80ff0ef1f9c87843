import type { Shape } from '../shape.ts';
import type { listingsDomain as zh } from '../zh-CN/domain-listings.ts';

export const listingsDomain: Shape<typeof zh> = {
  listingKinds: { offer: 'Offer', need: 'Need' },
  listingCategories: {
    product: 'Products',
    technology: 'Technology',
    capital: 'Capital',
    talent: 'Talent',
    land: 'Land and space',
    logistics: 'Logistics',
    service: 'Services',
  },
  listingStates: { pending: 'Awaiting approval', published: 'Published', withdrawn: 'Withdrawn' },
  interestStates: {
    interest: 'Interest',
    negotiating: 'In talks',
    signed: 'Signed',
    failed: 'Not concluded',
    declined: 'Declined',
  },
  registrationStates: { pending: 'Awaiting approval', approved: 'Approved', refused: 'Refused' },
  listingReasons: {
    matchedTerms: 'Matched terms: {terms}',
    similarTitle: 'Similar title or organisation name ({similarity}% similar)',
    sameDivision: 'Same industry division: {name}',
    sameSection: 'Same industry section: {name}',
    complementaryOffer: 'An offer answering this need',
    complementaryNeed: 'A need this offer answers',
    sameCategory: 'Same category',
    counterpartRegion: 'Its region {region} is on the other side of the pairing {pairing}',
    validUntil: 'Valid until {date}',
    noExpiry: 'No expiry date',
  },
};
