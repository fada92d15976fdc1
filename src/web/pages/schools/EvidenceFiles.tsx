import { useState } from 'react';
import { Anchor, Button, FileInput, Group, Image, List, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { fieldErrors } from '../../lib/forms.ts';
import { fileSize } from '../../lib/files.ts';
import { useIdempotentMutation } from '../../lib/idempotency.ts';
import { formatDate, useLocale } from '../../lib/localized.ts';
import { evidenceTypes } from '../../../shared/modules/schools.ts';
import { schoolsApi, type EvidenceFile, type PairDetail } from './api.ts';

type Activity = PairDetail['activities'][number];

/** What the server takes as evidence (shared/modules/schools.ts): the picker offers only these. */
const accept = ['.jpg', '.jpeg', '.png', '.webp', '.pdf', '.docx', '.xlsx', '.pptx', ...evidenceTypes].join(',');

function RemoveEvidence({ pair, activity, file }: { pair: PairDetail; activity: Activity; file: EvidenceFile }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => schoolsApi.removeEvidence(pair.id, activity.id, file.id),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['schools', 'pair', pair.id] }),
  });
  return (
    <>
      <Button variant="subtle" color="red" size="compact-xs" ml="xs" loading={remove.isPending} aria-label={t('schools.evidence.removeLabel', { name: file.fileName })} onClick={() => remove.mutate()}>
        {t('schools.evidence.remove')}
      </Button>
      {remove.error && (
        <Text span size="xs" c="red" role="alert" ml="xs">
          {remove.error.message}
        </Text>
      )}
    </>
  );
}

/**
 * An activity's evidence (M18): photos shown small, from the file itself, and other files as
 * links with their size; both schools and both authorities see them, the two schools add them.
 */
export function EvidenceFiles({ pair, activity }: { pair: PairDetail; activity: Activity }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useIdempotentMutation((f: File, key) => schoolsApi.addEvidence(pair.id, activity.id, f, key), {
    onSuccess: () => {
      setFile(null);
      void client.invalidateQueries({ queryKey: ['schools', 'pair', pair.id] });
    },
  });
  const files = activity.evidenceFiles;
  if (!files.length && !pair.can.addEvidence) return null;
  const heldOn = formatDate(activity.heldOn, locale);
  return (
    <Stack gap={4} mt={4}>
      {files.length > 0 && (
        <List size="sm" spacing={4} listStyleType="none" aria-label={`${t('schools.evidence.title')} · ${heldOn}`}>
          {files.map((f) => {
            const url = schoolsApi.evidenceUrl(pair.id, activity.id, f.id);
            return (
              <List.Item key={f.id}>
                <Group gap="xs" wrap="nowrap" align="center">
                  <Anchor href={url} download={f.fileName}>
                    <Group gap="xs" wrap="nowrap">
                      {/* The thumbnail is the photo itself (the link names it): at most 10 MB, as every upload. */}
                      {f.mediaType.startsWith('image/') && <Image src={url} alt="" w={72} h={54} fit="cover" radius="sm" />}
                      <span>{f.fileName}</span>
                    </Group>
                  </Anchor>
                  <Text span size="xs" c="dimmed">
                    {`${fileSize(f.size)} · ${t('schools.evidence.addedBy', { side: t(`schools.sides.${f.addedBy.side}`), name: f.addedBy.name })} · ${formatDate(f.uploadedAt, locale)}`}
                  </Text>
                  {f.canRemove && <RemoveEvidence pair={pair} activity={activity} file={f} />}
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
      {pair.can.addEvidence && (
        <form
          noValidate
          aria-label={t('schools.evidence.form', { date: heldOn })}
          onSubmit={(e) => {
            e.preventDefault();
            if (file) upload.mutate(file);
          }}
        >
          <Group gap="xs" align="flex-end">
            <FileInput
              size="xs"
              label={t('schools.evidence.file')}
              description={t('schools.evidence.hint')}
              placeholder={t('schools.evidence.choose')}
              // Mantine's placeholder grey is too light to read (WCAG AA) for what here is the button's text.
              styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
              accept={accept}
              value={file}
              onChange={(f) => {
                setFile(f);
                upload.reset();
              }}
              clearable
              error={fieldErrors(upload.error)('file')}
            />
            <Button type="submit" size="xs" variant="light" disabled={!file} loading={upload.isPending}>
              {t('schools.evidence.upload')}
            </Button>
          </Group>
          {upload.error && !(upload.error instanceof ApiError && upload.error.fields.length) && <ErrorNotice error={upload.error} />}
        </form>
      )}
    </Stack>
  );
}
