/*
 * The page load's first requests, made by a small script of their own (a second entry of the build, linked from
 * index.html ahead of the app: scripts/early-script.ts) as soon as it has arrived, instead of once all of the app's
 * code has downloaded and run: who is signed in, the programmes and, at the home address, the dashboard's chunk, its
 * figures and the map of China. Each is made once; the app takes the answers (first-session.ts, first-programmes.ts,
 * dashboard-first.ts), and asks itself when this script did not run.
 */
import './app/first-session.ts';
import './app/first-programmes.ts';
import { prefetchHome } from './modules/dashboard/dashboard-first.ts';

prefetchHome();
