/**
 * `res.config.settings` (odoo-gmail.md §1.5, §8.3): the web client's Settings form. `create` takes the
 * changed fields and fills the others from the current values (default_get); `execute` writes the
 * config parameters and installs/uninstalls `module_*` modules — a `module_*` sent as false UNINSTALLS
 * an installed module, the trap §8.3 warns about. `execute` is refused to non-administrators with
 * "Only administrators can change the settings" (§8.3; the group checked is base.group_system in the
 * copies of base's `execute` seen — whether create itself is restricted by ACL is UNVERIFIED, so it is
 * allowed here and the refusal comes from `execute`).
 *
 * `default_get` (captures fact 7, steps 11/17): 16.0–18.0 answer the fields asked for; 15.0 ignores the
 * list and answers every settings field of the database; 19.0 adds `auth_totp_enforce` to any answer.
 */
import type { Db, RecordValues } from '../db.ts';
import { accessError, OdooException } from '../errors.ts';
import { idsArg } from './access.ts';
import type { Model } from './types.ts';

const MODEL = 'res.config.settings';

interface SettingDef {
  type: 'char' | 'boolean' | 'inert';
  /** ICP key (`config_parameter=`) */
  param?: string;
  /** `module_<name>` */
  module?: string;
  /** `inert`: a field of the form this fake does not act on, with the value a fresh database shows. */
  value?: RecordValues[string];
}

/**
 * The other settings fields of the recorded 15.0 database (`google_gmail` and `mail` installed, no demo
 * data), with the values its `default_get` answered (captures step 11). Stored by `create`, ignored by
 * `execute`.
 */
const OTHER_SETTINGS_15: Record<string, RecordValues[string]> = {
  group_multi_currency: false,
  module_base_import: true,
  module_google_calendar: false,
  module_microsoft_calendar: false,
  module_mail_plugin: false,
  module_google_drive: false,
  module_google_spreadsheet: false,
  module_auth_oauth: false,
  module_auth_ldap: false,
  module_base_gengo: false,
  module_account_inter_company_rules: false,
  module_pad: false,
  module_voip: false,
  module_web_unsplash: true,
  module_partner_autocomplete: true,
  module_base_geolocalize: false,
  module_google_recaptcha: false,
  module_product_images: false,
  user_default_rights: false,
  show_effect: true,
  profiling_enabled_until: false,
  alias_domain: false,
  restrict_template_rendering: false,
  use_twilio_rtc_servers: false,
  twilio_account_sid: false,
  twilio_account_token: false,
  unsplash_access_key: false,
  auth_signup_reset_password: true,
  auth_signup_uninvited: 'b2c',
  auth_signup_template_user_id: 5,
  fail_counter: 0,
};

/** Settings fields this fake knows; google_gmail's exist only when its code is loaded (§1.5). */
function settingsFields(db: Db): Record<string, SettingDef> {
  const fields: Record<string, SettingDef> = {
    // "Custom Email Servers" / "Use Custom Email Servers" (§1.5).
    external_email_server_default: { type: 'boolean', param: 'base_setup.default_external_email_server' },
  };
  if (db.gmail.moduleGmailSetting) {
    fields.module_google_gmail = { type: 'boolean', module: 'google_gmail' };
    fields.module_microsoft_outlook = { type: 'boolean', module: 'microsoft_outlook' };
  }
  if (db.gmailInstalled()) {
    fields.google_gmail_client_identifier = { type: 'char', param: 'google_gmail_client_id' };
    fields.google_gmail_client_secret = { type: 'char', param: 'google_gmail_client_secret' };
  }
  if (db.profile.major === 15) {
    for (const [name, value] of Object.entries(OTHER_SETTINGS_15)) fields[name] = { type: 'inert', value };
  }
  // 19.0: auth_totp's field, in every default_get answer (captures step 11).
  if (db.profile.major >= 19) fields.auth_totp_enforce = { type: 'inert', value: false };
  return fields;
}

function currentValue(db: Db, def: SettingDef): RecordValues[string] {
  if (def.type === 'inert') return def.value ?? false;
  if (def.module) return db.modules.get(def.module)?.state === 'installed';
  const raw = def.param ? db.params.get(def.param) : undefined;
  if (def.type === 'boolean') return raw === 'True';
  return raw ?? false;
}

export const resConfigSettings: Model = {
  name: MODEL,
  methods: {
    default_get(ctx, args) {
      const fields = settingsFields(ctx.db);
      const major = ctx.db.profile.major;
      const asked = (args[0] ?? Object.keys(fields)) as string[];
      const wanted = major === 15 ? Object.keys(fields) : major >= 19 ? [...asked, 'auth_totp_enforce'] : asked;
      return Object.fromEntries(
        [...new Set(wanted)].filter((f) => f in fields).map((f) => [f, currentValue(ctx.db, fields[f] as SettingDef)]),
      );
    },
    create(ctx, args) {
      const vals = (Array.isArray(args[0]) ? args[0][0] : args[0]) as Record<string, unknown>;
      const fields = settingsFields(ctx.db);
      const record: RecordValues = { id: ctx.db.nextId(MODEL) };
      for (const [name, def] of Object.entries(fields)) record[name] = currentValue(ctx.db, def);
      for (const [name, value] of Object.entries(vals ?? {})) {
        if (!(name in fields)) throw new OdooException('builtins.ValueError', `Invalid field '${name}' on model '${MODEL}'`);
        record[name] = value as RecordValues[string];
      }
      ctx.db.table(MODEL).set(Number(record.id), record);
      return Array.isArray(args[0]) ? [record.id] : record.id;
    },
    execute(ctx, args) {
      const ids = idsArg(args);
      if (!ctx.user.isSystem) throw accessError('Only administrators can change the settings');
      const record = ctx.db.table(MODEL).get(ids[0] ?? 0);
      if (!record) throw new OdooException('odoo.exceptions.MissingError', 'Record does not exist or has been deleted.');
      for (const [name, def] of Object.entries(settingsFields(ctx.db))) {
        const value = record[name];
        if (def.param) {
          // ICP fields: `set_param(key, value or False)` — empty deletes the parameter.
          if (def.type === 'boolean') ctx.db.params.set(def.param, value ? 'True' : 'False');
          else if (value === false || value === '' || value === null) ctx.db.params.delete(def.param);
          else ctx.db.params.set(def.param, String(value).trim());
        } else if (def.module) {
          const module = ctx.db.modules.get(def.module);
          if (!module) continue;
          if (value && module.state === 'uninstalled') {
            module.state = 'installed';
            module.latest_version = module.installed_version;
          } else if (!value && module.state === 'installed') {
            module.state = 'uninstalled';
            module.latest_version = false;
          }
        }
      }
      return { type: 'ir.actions.client', tag: 'reload' };
    },
  },
};
