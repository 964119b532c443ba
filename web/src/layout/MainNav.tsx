import { useT } from '../i18n/LocaleContext';
import { Link } from '../router/Link';
import { usePathname } from '../router/history';
import type { Access } from '../session/access';
import type { NavEntry } from './routes';

interface NavListProps {
  label: string;
  entries: readonly NavEntry[];
  access: Access;
  className: string;
}

/** A list of navigation links filtered by the user's access; the current one is marked. */
export function NavList({ label, entries, access, className }: NavListProps) {
  const t = useT();
  const pathname = usePathname();
  const visible = entries.filter((entry) => entry.allowed(access));
  return (
    <nav aria-label={label} className={className}>
      <ul>
        {visible.map((entry) => {
          const current = pathname === entry.path || pathname.startsWith(entry.prefix);
          return (
            <li key={entry.path}>
              <Link href={entry.path} aria-current={current ? 'page' : undefined}>
                {t(entry.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
