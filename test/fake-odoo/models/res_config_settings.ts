/**
 * `res.config.settings` (odoo-gmail.md §1.5, §8.3): the web client's Settings form. `create` takes the
 * changed fields and fills the others from the current values (default_get); `execute` writes the
 * config parameters and installs/uninstalls `module_*` modules — a `module_*` sent as false UNINSTALLS
 * an installed module, the trap §8.3 warns about. `execute` is refused to non-administrators with
 * "Only administrators can change the settings" (§8.3; the group checked is base.group_system in the
 * copies of base's `execute` seen — whether create itself is restricted by ACL is UNVERIFIED, so it is
 * allowed here and the refusal comes from `execute`).
 */
import type { Db, RecordValues } from '../db.ts';
import { accessError, OdooException } from '../errors.ts';
import { idsArg } from './access.ts';
import type { Model } from './types.ts';

const MODEL = 'res.config.settings';

interface SettingDef {
  type: 'char' | 'boolean';
  /** ICP key (`config_parameter=`) */
  param?: string;
  /** `module_<name>` */
  module?: string;
}

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
  return fields;
}

function currentValue(db: Db, def: SettingDef): RecordValues[string] {
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
      const wanted = (args[0] ?? Object.keys(fields)) as string[];
      return Object.fromEntries(wanted.filter((f) => f in fields).map((f) => [f, currentValue(ctx.db, fields[f] as SettingDef)]));
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
