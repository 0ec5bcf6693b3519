import { irConfigParameter } from './ir_config_parameter.ts';
import { irModuleModule } from './ir_module_module.ts';
import { resUsers } from './res_users.ts';
import type { Model } from './types.ts';

export const MODELS: Record<string, Model> = Object.fromEntries(
  [irModuleModule, resUsers, irConfigParameter].map((m) => [m.name, m]),
);
