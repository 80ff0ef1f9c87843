import { domain } from './domain.ts';
import { errors } from './errors.ts';
import { ui } from './ui.ts';

export const en = { errors, domain, ui } as const;
