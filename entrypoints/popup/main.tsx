import '@/lib/zod-config';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { App } from './App';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('popup.title');
const root = document.getElementById('app');
if (root) render(<App />, root);
