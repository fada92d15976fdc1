import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { fieldErrors } from '../../lib/forms.ts';
import { ErrorNotice } from '../../components/status.tsx';
import type { AgreementVersion } from '../../types.ts';

/**
 * The platform administrator records an amendment the parties agreed: the whole amended text in
 * Traditional Chinese (starting from the version in force), who agreed, when, and from when.
 */
export function AmendmentForm({ code, latest }: { code: string; latest: AgreementVersion }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [agreedBy, setAgreedBy] = useState<string[]>(latest.agreedBy);
  const [agreedOn, setAgreedOn] = useState('');
  const [inForceFrom, setInForceFrom] = useState('');
  const [text, setText] = useState(latest.fullText['zh-Hant']);
  const record = useMutation({
    mutationFn: () => api.amendAgreement(code, { agreedBy, agreedOn, inForceFrom, text: { 'zh-Hant': text } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['agreement-versions', code] }),
  });
  const fieldError = fieldErrors(record.error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        record.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('agreement.versions.record')}
        </Title>
        {record.error && !(record.error as { fields?: unknown[] }).fields?.length && <ErrorNotice error={record.error} />}
        {record.isSuccess && <Alert color="green">{t('agreement.versions.recorded', { number: record.data.number })}</Alert>}
        <Checkbox.Group label={t('agreement.versions.agreedBy')} value={agreedBy} onChange={setAgreedBy} error={fieldError('agreedBy')}>
          <Group mt={4}>
            {latest.agreedBy.map((p) => (
              <Checkbox key={p} value={p} label={t(`agreement.versions.party.${p}`, { defaultValue: p })} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group>
          <TextInput type="date" label={t('agreement.versions.agreedOn')} value={agreedOn} onChange={(e) => setAgreedOn(e.currentTarget.value)} error={fieldError('agreedOn')} required />
          <TextInput type="date" label={t('agreement.versions.inForceFrom')} value={inForceFrom} onChange={(e) => setInForceFrom(e.currentTarget.value)} error={fieldError('inForceFrom')} required />
        </Group>
        <Textarea label={t('agreement.versions.amendedText')} lang="zh-Hant-HK" autosize minRows={8} maxRows={20} value={text} onChange={(e) => setText(e.currentTarget.value)} error={fieldError('text.zh-Hant') ?? fieldError('text')} />
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('agreement.versions.recordButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
