/**
 * What one document's assistant holds between the Console's pages (lib/console/session.ts): the hand-off a
 * click left is used once — the step on a later page until its time limit, the focus only on the page it
 * was for — and a location event for the address already running starts nothing new.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '@/lib/console/session';
import type { ConsoleContext } from '@/lib/console/types';
import { CONSOLE_CONTEXT } from '../fixtures/stored-state';

const context = (extra: Partial<ConsoleContext>): ConsoleContext => ({ ...CONSOLE_CONTEXT, ...extra });

describe('the session of one document', () => {
  it('runs the step a click asked for once, on a later page too, until the hand-off expires', () => {
    const session = createSession(new AbortController().signal);
    session.learn('authOverview', context({ carried: { step: 'consent', until: Date.now() + 60_000 } }));
    expect(session.takeCarried('domain')).toBe(false);
    session.learn('authWizard', context({}));
    expect(session.takeCarried('consent')).toBe(true);
    expect(session.takeCarried('consent')).toBe(false);
    session.learn('authWizard', context({ carried: { step: 'consent', until: Date.now() - 1 } }));
    expect(session.takeCarried('consent')).toBe(false);
  });

  it('gives the focus once, to the page the assistant opened', () => {
    const session = createSession(new AbortController().signal);
    session.learn('branding', context({ arrived: true }));
    expect(session.takeFocus('audience')).toBe(false);
    expect(session.takeFocus('branding')).toBe(true);
    expect(session.takeFocus('branding')).toBe(false);
  });

  it('knows the run of an address until it is aborted, and stops going on by itself after Stop', () => {
    const ends = new AbortController();
    const session = createSession(ends.signal);
    const href = 'https://console.cloud.google.com/auth/branding?project=odoo-123';
    session.beginRun(href);
    expect(session.runs(href)).toBe(false);
    session.startRun();
    expect(session.runs(href)).toBe(true);
    expect(session.runs(`${href}&x=1`)).toBe(false);
    ends.abort();
    expect(session.runs(href)).toBe(false);
    expect(session.auto(context({ autopilot: true }))).toBe(true);
    session.stop();
    expect(session.auto(context({ autopilot: true }))).toBe(false);
  });

  it('holds a project creation until the report that proves it', () => {
    const session = createSession(new AbortController().signal);
    session.reported({ step: 'project', state: 'inProgress', facts: { pendingProject: {} } });
    expect(session.pendingProject).toBe(true);
    session.reported({ step: 'project', state: 'done' });
    expect(session.pendingProject).toBe(false);
  });
});
