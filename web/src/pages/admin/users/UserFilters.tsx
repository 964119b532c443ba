import { ROLES, type Role } from '../../../api/types';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/LocaleContext';

export type StatusFilter = '' | 'active' | 'inactive';

export interface UserFilter {
  search: string;
  role: Role | '';
  status: StatusFilter;
}

export const NO_FILTER: UserFilter = { search: '', role: '', status: '' };

interface UserFiltersProps {
  filter: UserFilter;
  onChange: (filter: UserFilter) => void;
}

/** Search plus role and status filters above the user table. */
export function UserFilters({ filter, onChange }: UserFiltersProps) {
  const t = useT();
  return (
    <div className="filters" role="search">
      <TextField
        label={t('users.search')}
        type="search"
        placeholder={t('users.searchPlaceholder')}
        value={filter.search}
        onChange={(search) => onChange({ ...filter, search })}
        className="filters__search"
      />
      <SelectField
        label={t('users.filterRole')}
        value={filter.role}
        placeholder={t('common.all')}
        options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        onChange={(role) => onChange({ ...filter, role: ROLES.find((r) => r === role) ?? '' })}
      />
      <SelectField
        label={t('users.filterStatus')}
        value={filter.status}
        placeholder={t('common.all')}
        options={[
          { value: 'active', label: t('users.statusActive') },
          { value: 'inactive', label: t('users.statusInactive') },
        ]}
        onChange={(status) => onChange({ ...filter, status: status === 'active' || status === 'inactive' ? status : '' })}
      />
    </div>
  );
}

export function matchesFilter(filter: UserFilter) {
  const needle = filter.search.trim().toLowerCase();
  return (user: { name: string; email: string; role: Role; active: boolean }): boolean =>
    (needle === '' || user.name.toLowerCase().includes(needle) || user.email.toLowerCase().includes(needle)) &&
    (filter.role === '' || user.role === filter.role) &&
    (filter.status === '' || (filter.status === 'active') === user.active);
}
