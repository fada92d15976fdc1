import { Alert, Anchor, Button, Group, MultiSelect, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { orNull } from '../../lib/forms.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { Tag } from '../../components/Tag.tsx';
import { instrumentStatuses, instrumentTypes, ipSubjects } from '../../../shared/modules/ip.ts';
import { ipApi, type Content, type ContentInput, type Revision } from './api.ts';
import { useIpLabels, useIpMe } from './shared.tsx';

const blank = (jurisdiction: string): Content => ({
  code: '',
  jurisdiction,
  subjects: [],
  type: 'law',
  number: null,
  titleZh: '',
  titleEn: '',
  titlePt: null,
  enactedOn: null,
  inForceOn: null,
  repealedOn: null,
  status: 'in_force',
  summaryZh: null,
  summaryEn: null,
  officialUrl: '',
  versions: [],
  relations: [],
});

type Form = { content: Content; versions: string; relations: string; update: { on: string; titleZh: string; titleEn: string } };
const formOf = (content: Content, update: Revision['update'] | null): Form => ({
  content,
  versions: JSON.stringify(content.versions, null, 2),
  relations: JSON.stringify(content.relations, null, 2),
  update: { on: update?.on ?? '', titleZh: update?.titleZh ?? '', titleEn: update?.titleEn ?? '' },
});

/**
 * A revision of the database: a new entry, or a change of a published one (?from=code), drafted by
 * an officer of the keeping side, submitted, and published or returned by an approver who wrote
 * none of it. Versions and relations are edited as JSON in the shape the API documents.
 */
export function RevisionPage() {
  const { t } = useTranslation();
  const { id = 'new' } = useParams();
  const [search] = useSearchParams();
  const from = search.get('from');
  const me = useIpMe();
  const label = useIpLabels();
  const navigate = useNavigate();
  const client = useQueryClient();
  const isNew = id === 'new';
  usePageTitle(t('ip.revisions.title'));
  const revision = useQuery({ queryKey: ['ip', 'revision', id], queryFn: () => ipApi.revision(id), enabled: !isNew });
  const base = useQuery({ queryKey: ['ip', 'draftOf', from], queryFn: () => ipApi.draftOf(from!), enabled: isNew && !!from });
  const [form, setForm] = useState<Form | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  useEffect(() => {
    if (form) return;
    if (!isNew && revision.data) setForm(formOf(revision.data.content, revision.data.update));
    else if (isNew && from && base.data) setForm(formOf(base.data, null));
    else if (isNew && !from && me?.keeps.length) setForm(formOf(blank(me.keeps[0]), null));
  }, [form, isNew, from, revision.data, base.data, me]);

  const payload = (): { content: ContentInput; update: { on: string; titleZh: string; titleEn: string; summaryZh: null; summaryEn: null } | null } | null => {
    try {
      const versions = JSON.parse(form!.versions);
      const relations = JSON.parse(form!.relations);
      setJsonError(null);
      const c = form!.content;
      const content = { ...c, number: orNull(c.number ?? ''), titlePt: orNull(c.titlePt ?? ''), summaryZh: orNull(c.summaryZh ?? ''), summaryEn: orNull(c.summaryEn ?? ''), enactedOn: c.enactedOn || null, inForceOn: c.inForceOn || null, repealedOn: c.repealedOn || null, versions, relations } as ContentInput;
      const u = form!.update;
      return { content, update: u.on || u.titleZh || u.titleEn ? { ...u, summaryZh: null, summaryEn: null } : null };
    } catch {
      setJsonError(t('ip.revisions.badJson'));
      return null;
    }
  };
  const save = useMutation({
    mutationFn: async () => {
      const body = payload();
      if (!body) throw new Error('json');
      return isNew ? ipApi.draft(body.content, body.update) : ipApi.edit(id, body.content, body.update);
    },
    onSuccess: (saved) => {
      client.setQueryData(['ip', 'revision', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['ip', 'revisions'] });
      if (isNew) navigate(`/ip/revisions/${saved.id}`, { replace: true });
    },
  });
  const [comment, setComment] = useState('');
  const step = useMutation({
    mutationFn: (which: 'submit' | 'publish' | 'return') => ipApi.step(id, which, which === 'return' ? { comment } : undefined),
    onSuccess: (saved) => {
      client.setQueryData(['ip', 'revision', saved.id], saved);
      setForm(formOf(saved.content, saved.update));
      void client.invalidateQueries({ queryKey: ['ip'] });
    },
  });

  if ((!isNew && revision.isPending) || (isNew && from && base.isPending)) return <Loading />;
  if (revision.error || base.error) return <ErrorNotice error={revision.error ?? base.error} />;
  if (!form) return me && !me.keeps.length ? <Text c="dimmed">{t('ip.notIpUnit')}</Text> : <Loading />;
  const r = revision.data;
  const editable = isNew || !!r?.can.edit;
  const fieldError = (field: string) => (save.error instanceof ApiError ? save.error.fieldMessage(`content.${field}`) : undefined);
  const set = (change: Partial<Content>) => setForm({ ...form, content: { ...form.content, ...change } });
  const text = (field: keyof Content, labelKey: string, options: { required?: boolean; lang?: string } = {}) => (
    <TextInput label={t(labelKey)} value={(form.content[field] as string | null) ?? ''} onChange={(e) => set({ [field]: e.currentTarget.value })} error={fieldError(field)} required={options.required} disabled={!editable} lang={options.lang} />
  );
  const day = (field: 'enactedOn' | 'inForceOn' | 'repealedOn', labelKey: string) => (
    <TextInput type="date" label={t(labelKey)} value={form.content[field] ?? ''} onChange={(e) => set({ [field]: e.currentTarget.value || null })} error={fieldError(field)} disabled={!editable} />
  );
  return (
    <Stack gap="md" maw={900}>
      <Anchor component={Link} to="/ip/revisions" size="sm">
        {t('ip.revisions.back')}
      </Anchor>
      <Title order={1}>{isNew ? t('ip.revisions.new') : form.content.titleEn}</Title>
      {r && (
        <Group gap="xs">
          <Tag color={r.status === 'submitted' ? 'orange' : r.status === 'published' ? 'teal' : 'gray'}>{t(`ip.revisions.statuses.${r.status}`)}</Tag>
          <Text size="sm" c="dimmed">
            {t('ip.revisions.by', { author: r.author })}
          </Text>
        </Group>
      )}
      {r?.reviewComment && r.status === 'returned' && <Alert color="orange" title={t('ip.revisions.returnedWith')}>{r.reviewComment}</Alert>}
      <Group grow align="flex-start">
        {text('code', 'ip.fields.code', { required: true })}
        <Select label={t('ip.fields.jurisdiction')} data={(me?.keeps ?? [form.content.jurisdiction]).map((j) => ({ value: j, label: label.jurisdiction(j) }))} value={form.content.jurisdiction} onChange={(v) => v && set({ jurisdiction: v })} disabled={!editable || !isNew || !!from} error={fieldError('jurisdiction')} allowDeselect={false} />
      </Group>
      {text('titleZh', 'ip.fields.titleZh', { required: true })}
      {text('titleEn', 'ip.fields.titleEn', { required: true })}
      {text('titlePt', 'ip.fields.titlePt')}
      <Group grow align="flex-start">
        <Select label={t('ip.fields.type')} data={instrumentTypes.map((x) => ({ value: x, label: label.type(x) }))} value={form.content.type} onChange={(v) => v && set({ type: v })} disabled={!editable} allowDeselect={false} />
        {text('number', 'ip.fields.number')}
        <Select label={t('ip.fields.status')} data={instrumentStatuses.map((x) => ({ value: x, label: label.status(x) }))} value={form.content.status} onChange={(v) => v && set({ status: v })} disabled={!editable} error={fieldError('status')} allowDeselect={false} />
      </Group>
      <MultiSelect label={t('ip.fields.subjects')} data={ipSubjects.map((x) => ({ value: x, label: label.subject(x) }))} value={form.content.subjects} onChange={(v) => set({ subjects: v })} disabled={!editable} error={fieldError('subjects')} required />
      <Group grow align="flex-start">
        {day('enactedOn', 'ip.fields.enactedOn')}
        {day('inForceOn', 'ip.fields.inForceOn')}
        {day('repealedOn', 'ip.fields.repealedOn')}
      </Group>
      {text('officialUrl', 'ip.fields.officialUrl', { required: true })}
      <Textarea label={t('ip.fields.summaryZh')} value={form.content.summaryZh ?? ''} onChange={(e) => set({ summaryZh: e.currentTarget.value })} autosize minRows={2} disabled={!editable} error={fieldError('summaryZh')} />
      <Textarea label={t('ip.fields.summaryEn')} value={form.content.summaryEn ?? ''} onChange={(e) => set({ summaryEn: e.currentTarget.value })} autosize minRows={2} disabled={!editable} error={fieldError('summaryEn')} />
      <Textarea label={t('ip.fields.versions')} description={t('ip.revisions.versionsHint')} value={form.versions} onChange={(e) => setForm({ ...form, versions: e.currentTarget.value })} autosize minRows={3} ff="monospace" disabled={!editable} />
      <Textarea label={t('ip.fields.relations')} description={t('ip.revisions.relationsHint')} value={form.relations} onChange={(e) => setForm({ ...form, relations: e.currentTarget.value })} autosize minRows={2} ff="monospace" disabled={!editable} />
      {jsonError && <Alert color="red">{jsonError}</Alert>}
      <Title order={2} size="h4">
        {t('ip.revisions.updateEntry')}
      </Title>
      <Group grow align="flex-start">
        <TextInput type="date" label={t('ip.updates.on')} value={form.update.on} onChange={(e) => setForm({ ...form, update: { ...form.update, on: e.currentTarget.value } })} disabled={!editable} />
        <TextInput label={t('ip.fields.titleZh')} value={form.update.titleZh} onChange={(e) => setForm({ ...form, update: { ...form.update, titleZh: e.currentTarget.value } })} disabled={!editable} />
        <TextInput label={t('ip.fields.titleEn')} value={form.update.titleEn} onChange={(e) => setForm({ ...form, update: { ...form.update, titleEn: e.currentTarget.value } })} disabled={!editable} />
      </Group>
      <ErrorNotice error={save.error instanceof ApiError ? save.error : null} />
      <ErrorNotice error={step.error} />
      <Group>
        {editable && (
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('ip.revisions.save')}
          </Button>
        )}
        {r?.can.submit && (
          <Button variant="light" onClick={() => step.mutate('submit')} loading={step.isPending}>
            {t('ip.revisions.submit')}
          </Button>
        )}
        {r?.can.publish && (
          <Button color="teal" onClick={() => step.mutate('publish')} loading={step.isPending}>
            {t('ip.revisions.publish')}
          </Button>
        )}
      </Group>
      {r?.can.return && (
        <Group align="flex-end">
          <Textarea label={t('ip.revisions.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button variant="default" onClick={() => step.mutate('return')} loading={step.isPending}>
            {t('ip.revisions.return')}
          </Button>
        </Group>
      )}
      {r?.status === 'published' && (
        <Anchor component={Link} to={`/ip/instruments/${r.content.code}`}>
          {t('ip.revisions.seePublished')}
        </Anchor>
      )}
    </Stack>
  );
}
