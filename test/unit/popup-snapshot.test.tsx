// @vitest-environment happy-dom
/**
 * The popup's first snapshot read starts before its first render (entrypoints/popup/main.tsx), even before
 * the bundle has run (entrypoints/popup/first-read.ts), and the first render waits for it: what is shown is
 * still what storage holds, also when an item changes between that read and the hook's watch.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { readSnapshotEarly, useSnapshot } from '@/entrypoints/popup/use-snapshot';
import { SNAPSHOT_KEYS, startFirstRead } from '@/lib/state/first-read';
import { setupItem } from '@/lib/state/items';
import { aSetup } from '../support/builders';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function Origin() {
  const s = useSnapshot();
  return <p>{s === undefined ? 'loading' : (s.setup?.odooOrigin ?? 'none')}</p>;
}

const shown = () => root.textContent;

it('shows the early read', async () => {
  await setupItem.set(aSetup({ odooOrigin: 'https://a.example.com', gmail: null, accountType: null }));
  readSnapshotEarly();
  await act(async () => render(<Origin />, root));
  await vi.waitFor(() => expect(shown()).toBe('https://a.example.com'));
});

it('reads again when an item changed after the early read, before the hook watched', async () => {
  await setupItem.set(aSetup({ odooOrigin: 'https://a.example.com', gmail: null, accountType: null }));
  readSnapshotEarly();
  // Written after the early read has been answered, before the component mounts.
  await setupItem.set(aSetup({ odooOrigin: 'https://b.example.com', gmail: null, accountType: null }));
  await act(async () => render(<Origin />, root));
  await vi.waitFor(() => expect(shown()).toBe('https://b.example.com'));
});

it('shows a first read started before the bundle ran, and a change made after it started', async () => {
  await setupItem.set(aSetup({ odooOrigin: 'https://a.example.com', gmail: null, accountType: null }));
  const first = startFirstRead(SNAPSHOT_KEYS);
  // Written after the first read has been answered, before readSnapshotEarly watches.
  await first.values;
  await setupItem.set(aSetup({ odooOrigin: 'https://d.example.com', gmail: null, accountType: null }));
  readSnapshotEarly(first);
  await act(async () => render(<Origin />, root));
  await vi.waitFor(() => expect(shown()).toBe('https://d.example.com'));
});

it('draws its first render from an early read that has answered: no busy render before it', async () => {
  await setupItem.set(aSetup({ odooOrigin: 'https://e.example.com', gmail: null, accountType: null }));
  await readSnapshotEarly();
  const renders: string[] = [];
  function Renders() {
    const s = useSnapshot();
    renders.push(s === undefined ? 'loading' : (s.setup?.odooOrigin ?? 'none'));
    return null;
  }
  await act(async () => render(<Renders />, root));
  expect(renders).toEqual(['https://e.example.com']);
});

it('without an early read, reads on mount as before', async () => {
  await setupItem.set(aSetup({ odooOrigin: 'https://c.example.com', gmail: null, accountType: null }));
  await act(async () => render(<Origin />, root));
  await vi.waitFor(() => expect(shown()).toBe('https://c.example.com'));
});
