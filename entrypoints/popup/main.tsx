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
readSnapshotEarly(firstRead);
const root = document.getElementById('app');
if (root) render(<App />, root);
