// First: the storage read starts before the rest of the bundle is evaluated (./first-read.ts).
import { firstRead } from './first-read';
import '@/lib/zod-config';
import { render } from 'preact';
import { t } from '@/lib/i18n';
import { App } from './App';
import { readSnapshotEarly } from './use-snapshot';

// The language of the messages shown (a browser in French gets the English bundle: lang=en).
document.documentElement.lang = t('a11y.lang');
document.title = t('popup.title');
const root = document.getElementById('app');
// One render, once the snapshot has been read (or the read failed): the checklist is drawn by the first
// render, from the stored snapshot, and the effects the first render schedules (the active tab, the
// background's messages) run after that paint, not before it. Until then the page shows popup.html's logo.
const read = readSnapshotEarly(firstRead);
if (root) void read.then(() => render(<App />, root));
