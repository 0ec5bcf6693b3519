/**
 * `ir.module.module` (odoo-gmail.md §8.5): readable by internal users; the Apps buttons
 * `button_immediate_install` / `button_immediate_upgrade` for administrators. In Odoo they are guarded
 * by `assert_log_admin_access` (AccessDenied for non-admins — from the source, not in the reference:
 * UNVERIFIED wording) and end with a registry reload, answered by a `reload` client action.
 */
import { OdooException } from '../errors.ts';
import { idsArg } from './access.ts';
import { searchRead } from './fields.ts';
import type { CallContext, Model } from './types.ts';

function modulesOf(ctx: CallContext, args: unknown[]) {
  if (!ctx.user.isAdmin) throw new OdooException('odoo.exceptions.AccessDenied', 'Access Denied');
  return idsArg(args).map((id) => {
    const module = [...ctx.db.modules.values()].find((m) => m.id === id);
    if (!module) throw new OdooException('odoo.exceptions.MissingError', 'Record does not exist or has been deleted.');
    return module;
  });
}

export const irModuleModule: Model = {
  name: 'ir.module.module',
  methods: {
    search_read(ctx, args, kwargs) {
      return searchRead([...ctx.db.modules.values()] as unknown as Record<string, unknown>[], args, kwargs);
    },
    button_immediate_install(ctx, args) {
      for (const module of modulesOf(ctx, args)) {
        if (module.state === 'uninstallable')
          throw new OdooException(
            'odoo.exceptions.UserError',
            `You try to install module "${module.name}" that depends on module "…".\nBut the latter module is not available in your system.`,
          );
        if (module.state === 'uninstalled' || module.state === 'to install') {
          module.state = 'installed';
          module.latest_version = module.installed_version;
        }
      }
      return { type: 'ir.actions.client', tag: 'reload', params: { menu_id: 1 } };
    },
    button_immediate_upgrade(ctx, args) {
      for (const module of modulesOf(ctx, args)) {
        if (module.state === 'installed' || module.state === 'to upgrade') {
          module.state = 'installed';
          module.latest_version = module.installed_version;
        }
      }
      return { type: 'ir.actions.client', tag: 'reload', params: { menu_id: 1 } };
    },
  },
};
