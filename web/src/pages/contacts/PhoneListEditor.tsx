import { EditList } from '../../components/EditList';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/LocaleContext';

export interface PhoneDraft {
  number: string;
  kind: 'phone' | 'mobile';
}

interface PhoneListEditorProps {
  phones: readonly PhoneDraft[];
  onChange: (phones: PhoneDraft[]) => void;
  /** The server's message for a path such as "phones[1]", if any. */
  errorAt: (path: string) => string | undefined;
}

/** A contact's numbers, typed in any spelling (the server stores them as E.164), each a landline or a mobile. */
export function PhoneListEditor({ phones, onChange, errorAt }: PhoneListEditorProps) {
  const t = useT();
  return (
    <EditList
      legend={t('contacts.phones')}
      items={phones}
      onChange={onChange}
      itemLabel={(i) => t('contactForm.phoneN', { n: i + 1 })}
      emptyText={t('contactForm.noPhones')}
      addLabel={t('contactForm.addPhone')}
      newItem={(): PhoneDraft => ({ number: '', kind: 'phone' })}
      layout="row"
      renderItem={(phone, i, update) => (
        <>
          <TextField
            label={t('contactForm.phoneN', { n: i + 1 })}
            type="tel"
            value={phone.number}
            onChange={(number) => update({ number })}
            error={errorAt(`phones[${i}]`)}
            className="grow"
          />
          <SelectField
            label={t('contacts.phoneType')}
            value={phone.kind}
            onChange={(kind) => update({ kind: kind === 'mobile' ? 'mobile' : 'phone' })}
            options={[
              { value: 'phone', label: t('contactForm.kind.phone') },
              { value: 'mobile', label: t('contactForm.kind.mobile') },
            ]}
          />
        </>
      )}
    />
  );
}
