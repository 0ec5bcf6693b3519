import { fetchmailServer } from './fetchmail_server.ts';
import { irConfigParameter } from './ir_config_parameter.ts';
import { irMailServer } from './ir_mail_server.ts';
import { irModel } from './ir_model.ts';
import { irModuleModule } from './ir_module_module.ts';
import { mailAlias } from './mail_alias.ts';
import { mailMail } from './mail_mail.ts';
import { resConfigSettings } from './res_config_settings.ts';
import { resUsers } from './res_users.ts';
import type { Model } from './types.ts';
import { websitePage } from './website_page.ts';

export const MODELS: Record<string, Model> = Object.fromEntries(
  [
    irModuleModule,
    resUsers,
    irConfigParameter,
    irMailServer,
    resConfigSettings,
    mailMail,
    websitePage,
    fetchmailServer,
    irModel,
    mailAlias,
  ].map((m) => [m.name, m]),
);
