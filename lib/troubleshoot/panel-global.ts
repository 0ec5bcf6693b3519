/** The global (in the extension's isolated world of an Odoo tab) where the injected diagnosis panel listens. */
export const PANEL_GLOBAL = '__gmailOdooDiagnosis';
