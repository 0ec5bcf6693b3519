/**
 * Console page fragments for the assistant's unit tests, written from the reference
 * (docs/evidence/google-console.md, section cited per element) and the 2026 evidence
 * (google-console-2026.md, "2026 §N"): small, Angular-like where it matters (a button disabled until the
 * form is valid, a section shown by the previous Next, a chip made by Enter).
 */

export const C = 'https://console.cloud.google.com';
export const GMAIL = 'me@gmail.com';

/** The Console's frame: the navigation, then `main` (§3.1 "main > form"). */
export const frame = (main: string): string =>
  `<nav aria-label="Navigation menu"><a href="/auth/overview">Overview</a><a href="/auth/branding">Branding</a></nav><main>${main}</main>`;

export interface Wizard {
  box: HTMLInputElement;
  create: HTMLButtonElement;
  continueButton: HTMLButtonElement;
  creates: () => number;
}

/**
 * The "Get started" wizard (§3.2): App Information › Audience › Contact Information › Finish, each section
 * shown by the previous one's Next. Finish: the User Data Policy box (2026 §14), `Continue` — disabled until
 * the box is ticked — then `Create`. `onCreate` is what Google does after Create.
 */
export function wizardPage(onCreate: () => void): Wizard {
  document.body.innerHTML = frame(`<h1>Project configuration</h1><form>
    <section><h2>App Information</h2>
      <label>App name <input id="app" formcontrolname="displayName"></label>
      <div role="combobox" aria-label="User support email" tabindex="0">${GMAIL}</div>
      <button type="button" class="next">Next</button></section>
    <section hidden><h2>Audience</h2>
      <label><input type="radio" name="audience" disabled> Internal</label>
      <label><input type="radio" name="audience"> External</label>
      <button type="button" class="next">Next</button></section>
    <section hidden><h2>Contact Information</h2>
      <mat-chip-grid formcontrolname="emails"><input aria-label="Text field for emails"></mat-chip-grid>
      <button type="button" class="next">Next</button></section>
    <section hidden><h2>Finish</h2>
      <input type="checkbox" id="agree"><label for="agree">I agree to the Google API Services: User Data Policy.</label>
      <button type="button" id="continue" disabled>Continue</button></section>
    <section hidden><div class="cfc-stepper-submit-button"><button type="button" id="create">Create</button></div></section>
  </form>`);
  const sections = [...document.querySelectorAll('form > section')] as HTMLElement[];
  for (const [i, button] of [...document.querySelectorAll('button.next'), document.getElementById('continue')].entries()) {
    button?.addEventListener('click', () => {
      const next = sections[i + 1];
      if (next) next.hidden = false;
    });
  }
  const chipInput = document.querySelector('[aria-label="Text field for emails"]') as HTMLInputElement;
  chipInput.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key !== 'Enter' || !chipInput.value) return;
    chipInput.insertAdjacentHTML('beforebegin', `<mat-chip-row>${chipInput.value}</mat-chip-row>`);
    chipInput.value = '';
  });
  const box = document.getElementById('agree') as HTMLInputElement;
  const continueButton = document.getElementById('continue') as HTMLButtonElement;
  // Angular: Continue is enabled once the agreement is ticked.
  box.addEventListener('change', () => {
    continueButton.disabled = !box.checked;
  });
  const create = document.getElementById('create') as HTMLButtonElement;
  let creates = 0;
  create.addEventListener('click', () => {
    creates++;
    onCreate();
  });
  return { box, create, continueButton, creates: () => creates };
}

/** The configured overview (§3.2): "Metrics" and "Create OAuth client" — the empty state shows only "Get started". */
export const configuredOverview = (): string =>
  `<h1>OAuth Overview</h1><section><h2>Metrics</h2><p>No data to display.</p></section><a href="/auth/clients/create">Create OAuth client</a>`;

/** The empty state of an unconfigured project (§3.2). */
export const emptyState = (): string =>
  `<h1>OAuth Overview</h1><p>Google Auth Platform not configured yet</p><cfc-empty-state-actions><a href="/auth/overview/create">Get started</a></cfc-empty-state-actions>`;

/** Google's chip input (§3.4): Enter turns what was typed into a chip and empties the field. */
export function chipInput(input: HTMLInputElement): void {
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    input.insertAdjacentHTML('beforebegin', `<mat-chip-row>${input.value}</mat-chip-row>`);
    input.value = '';
  });
}

/** A Save that worked: the test-users panel (`panel`) closes and, unless `listed` is false, its chips join "Test users". */
export function saveChips(panel: string, listed = true): void {
  const chips = [...document.querySelectorAll(`${panel} mat-chip-row`)].map((c) => c.textContent ?? '');
  document.querySelector(panel)?.remove();
  if (listed) document.getElementById('users')?.insertAdjacentHTML('beforeend', chips.map((u) => `<li>${u}</li>`).join(''));
}
