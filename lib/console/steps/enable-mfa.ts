/**
 * Google's 2-Step Verification requirement (google-console.md §1 "MFA enforcement redirect", §4.8
 * "terms/MFA interstitials"; google-console-2026.md §11): the Console sends a person without it to
 * `/enable-mfa?redirectTo=…`, from whatever page of the journey they were on. Only the person can turn it
 * on, in their Google Account: the panel says so and nothing is clicked. Once Google sends them back to
 * `redirectTo`, that page's step runs as usual — the journey resumes where it stopped.
 */
import { mfaReturn } from '../detect';
import { type Step, tx } from '../step';

export const enableMfa: Step = {
  id: 'enable-mfa',
  pages: ['enableMfa'],
  title: 'console.step.enableMfa',
  async prepare(env) {
    const back = mfaReturn(env.url);
    env.show({
      title: tx(enableMfa.title),
      state: 'mfa',
      status: { text: tx('console.status.enableMfa'), tone: 'warn' },
      ...(back ? { links: [{ label: tx('console.action.resumeAfterMfa'), href: back }] } : {}),
    });
    return null;
  },
};
