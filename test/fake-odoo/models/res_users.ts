/** `res.users`: a user may read their own record; administrators read all. */
import { accessError } from '../errors.ts';
import { idsArg } from './access.ts';
import { readRows } from './fields.ts';
import type { Model } from './types.ts';

export const resUsers: Model = {
  name: 'res.users',
  methods: {
    read(ctx, args, kwargs) {
      const ids = idsArg(args);
      const fields = (args[1] ?? kwargs.fields ?? []) as string[];
      const rows = ids.map((id) => {
        const user = ctx.db.users.get(id);
        if (!user)
          throw accessError(`Record does not exist or has been deleted.\n(Record: res.users(${id},), User: ${ctx.user.id})`);
        if (id !== ctx.user.id && !ctx.user.isAdmin)
          throw accessError("You are not allowed to access 'User' (res.users) records.");
        return { id: user.id, login: user.login, name: user.name, email: user.email };
      });
      // captures nofromfilter-02, probe-08: `[{id, email}]`, `email` false for 19.0's administrator.
      return readRows(ctx.db, 'res.users', rows, fields, ['login', 'name', 'email']);
    },
  },
};
