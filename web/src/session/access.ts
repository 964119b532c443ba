import type { Permission, Session } from '../api/types';
import { isClientRole } from '../api/types';

/** What the signed-in user may see: permissions plus whether the user is bound to one client. */
export interface Access {
  readonly permissions: ReadonlySet<Permission>;
  readonly clientBound: boolean;
}

export function accessOf(session: Session): Access {
  return {
    permissions: new Set(session.permissions),
    clientBound: isClientRole(session.user.role),
  };
}
