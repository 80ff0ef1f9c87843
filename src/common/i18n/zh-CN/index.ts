import { domain } from './domain.ts';
import { errors } from './errors.ts';
import { ui } from './ui.ts';

export const zhCN = { errors, domain, ui } as const;
