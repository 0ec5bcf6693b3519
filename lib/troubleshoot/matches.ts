/**
 * Where the sign-in troubleshooter's content script runs: Google's OAuth error pages only —
 * `/signin/oauth/error?authError=…` and `/signin/oauth/error/v2?authError=…` (google-console.md §6.1).
 * Not the rest of accounts.google.com: the consent and sign-in pages are never read.
 */
export const SIGN_IN_ERROR_MATCHES = ['https://accounts.google.com/signin/oauth/error*'];
