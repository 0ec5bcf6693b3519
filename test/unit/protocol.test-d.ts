/**
 * The protocol's types, checked by `tsc --noEmit` (the typecheck suite) and never run: each message is
 * declared once in lib/protocol.ts, and what `sendMessage` accepts (`ProtocolMap`) and what the background
 * must answer (`Handlers`) follow from that table. Each `@ts-expect-error` is a mistake that must not
 * compile; if it ever compiled, the directive itself would fail the typecheck.
 */
import { expectTypeOf } from 'vitest';
import { handlers } from '@/lib/background';
import type { Handlers } from '@/lib/background/router';
import { sendMessage } from '@/lib/messaging';
import type { ProbeResult } from '@/lib/odoo/probe';
import type { ConsoleReport, MessageName, ProtocolMap, Reply } from '@/lib/protocol';
import type { MonitorState } from '@/lib/setup/odoo-state';

// The background's handler object answers every message of the table.
expectTypeOf(handlers).toExtend<Handlers>();

// A message without its handler does not compile.
const { probeOdoo: _probeOdoo, ...withoutProbe } = handlers;
// @ts-expect-error — probeOdoo is declared, and has no handler here
withoutProbe satisfies Handlers;

// A handler without its message does not compile.
({
  ...handlers,
  // @ts-expect-error — no message of the table is called probeOdooAgain
  probeOdooAgain: () => handlers.probeOdoo(),
}) satisfies Handlers;

// A handler is held to its message's payload and reply.
({
  ...handlers,
  // @ts-expect-error — checkGmail's payload has no 'alarm' trigger (only the monitor's alarm runs that check)
  checkGmail: async (data: { trigger: 'alarm' }) => ({
    ok: false,
    error: { key: 'err.internal', params: { detail: data.trigger } },
  }),
}) satisfies Handlers;
({
  ...handlers,
  // @ts-expect-error — probeOdoo answers a ProbeResult, not a number
  probeOdoo: async () => ({ ok: true, value: 42 }),
}) satisfies Handlers;

// ProtocolMap is the same table, seen from the sender.
expectTypeOf<keyof ProtocolMap>().toEqualTypeOf<MessageName>();
expectTypeOf<keyof Handlers>().toEqualTypeOf<MessageName>();
expectTypeOf<ReturnType<ProtocolMap['probeOdoo']>>().toEqualTypeOf<Reply<ProbeResult>>();
expectTypeOf<ReturnType<ProtocolMap['checkGmail']>>().toEqualTypeOf<Reply<MonitorState>>();
expectTypeOf<ReturnType<ProtocolMap['recheckBaseUrl']>>().toEqualTypeOf<Reply<ProbeResult | null>>();
expectTypeOf<Parameters<ProtocolMap['checkGmail']>[0]>().toEqualTypeOf<{ trigger: 'manual' | 'popup' }>();
expectTypeOf<Parameters<ProtocolMap['consoleReport']>[0]>().toEqualTypeOf<ConsoleReport>();

expectTypeOf(sendMessage<'checkGmail'>).toBeCallableWith('checkGmail', { trigger: 'manual' });
// @ts-expect-error — the popup cannot ask for the alarm's check
expectTypeOf(sendMessage<'checkGmail'>).toBeCallableWith('checkGmail', { trigger: 'alarm' });
