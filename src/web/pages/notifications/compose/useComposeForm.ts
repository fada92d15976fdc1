import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useFormState } from '../../../lib/useFormState.ts';
import { notificationsApi } from '../lib/api.ts';
import { ApiError } from '../../../api.ts';
import { newIdempotencyKey, useIdempotencyKey } from '../../../lib/idempotency.ts';
import type { NotificationDetail } from '../lib/types.ts';
import { createInput, missingChoicesOf, missingContents, updateInput, type ComposeValues } from './values.ts';

/** A save that made or changed the draft, then stopped at a file the server refused. */
export class DraftSavedFileRefused extends Error {}

/** A file chosen in the form, attached when the draft is next saved; its key makes a retried upload attach it once. */
export type PendingFile = { file: File; key: string; error?: string };

/**
 * The compose form's state and its two actions: save the draft (created by the first save,
 * changed by the next) and submit it for approval, which saves first. Files chosen are attached
 * by the save, after the draft exists and before it is submitted. Clause 1's contents are
 * checked as the officer types; submitting with any missing only shows what is missing.
 */
export function useComposeForm(initial: ComposeValues, existingId: string | null) {
  const form = useFormState<ComposeValues>(initial);
  const [attempts, setAttempts] = useState(0);
  const id = useRef(existingId);
  // Once the first save has made the draft, its recipient is fixed, even if that save then stopped at a refused file.
  const [draftId, setDraftId] = useState(existingId);
  const createKey = useIdempotencyKey();
  const submitKey = useIdempotencyKey();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [files, setFiles] = useState<PendingFile[]>([]);
  // Attached by a save that then stopped (another file refused): shown as attached until the page reloads the draft.
  const [justAttached, setJustAttached] = useState<{ id: string; filename: string; size: number }[]>([]);
  const pendingFiles = useRef(files);
  pendingFiles.current = files;

  /** Attaches the chosen files one by one; one refused stops the save there, marked with the reason. */
  const attachChosen = async (draftId: string) => {
    const chosen = pendingFiles.current;
    for (const pending of chosen) {
      try {
        const { id: attachmentId } = await notificationsApi.attach(draftId, pending.file, pending.key);
        setFiles((current) => current.filter((f) => f !== pending));
        setJustAttached((current) => [...current, { id: attachmentId, filename: pending.file.name, size: pending.file.size }]);
      } catch (error) {
        const reason = error instanceof ApiError ? (error.fields.find((f) => f.field === 'file')?.message ?? error.message) : String(error);
        setFiles((current) => current.map((f) => (f === pending ? { ...f, error: reason } : f)));
        throw error instanceof ApiError && error.status < 500 ? new DraftSavedFileRefused(reason) : error;
      }
    }
    return chosen.length;
  };

  const save = useMutation({
    mutationFn: async ({ values, submit }: { values: ComposeValues; submit: boolean }) => {
      let detail: NotificationDetail;
      if (id.current) {
        detail = await notificationsApi.update(id.current, updateInput(values));
      } else {
        detail = await notificationsApi.create(createInput(values), createKey.current());
        createKey.done();
        id.current = detail.id;
        setDraftId(detail.id);
      }
      const attached = await attachChosen(detail.id);
      if (attached && !submit) detail = await notificationsApi.get(detail.id);
      if (submit) {
        detail = await notificationsApi.step(detail.id, 'submit', submitKey.current());
        submitKey.done();
      }
      return { detail, submit };
    },
    onSuccess: ({ detail, submit }) => {
      if (submit) navigate(`/notifications/${detail.id}`, { state: { done: 'submitted' } });
      // A new draft gets its own address, so that reloading the page edits it rather than starting over.
      else if (!existingId) navigate(`/notifications/${detail.id}/edit`, { replace: true, state: { saved: true } });
      // After leaving: the editor would otherwise see a submitted notification it may no longer edit.
      client.setQueryData(['notification', detail.id], detail);
      void client.invalidateQueries({ queryKey: ['notifications'] });
    },
  });

  const missing = missingContents(form.values);
  const missingChoices = missingChoicesOf(form.values);
  return {
    ...form,
    save,
    missing,
    /** The required choices not made yet (to whom, category, classification, basis): checked with clause 1's text. */
    missingChoices,
    /** Whether the officer has tried to submit: from then on, what is missing is marked on the fields. */
    attempted: attempts > 0,
    /** Counts the tries to submit, so that each blocked try can bring the reader to what is missing. */
    attempts,
    /** The draft once saved (null before its first save). */
    draftId,
    /** Files chosen, not attached yet. */
    files,
    justAttached,
    chooseFiles: (chosen: File[]) => setFiles((current) => [...current, ...chosen.map((file) => ({ file, key: newIdempotencyKey() }))]),
    removeFile: (pending: PendingFile) => setFiles((current) => current.filter((f) => f !== pending)),
    /** A file attached by an earlier save and then removed from the draft. */
    forgetAttached: (attachmentId: string) => setJustAttached((current) => current.filter((a) => a.id !== attachmentId)),
    saveDraft: () => save.mutate({ values: form.values, submit: false }),
    submit: () => {
      setAttempts((n) => n + 1);
      if (missing.length === 0 && missingChoices.length === 0) save.mutate({ values: form.values, submit: true });
    },
  };
}

export type ComposeForm = ReturnType<typeof useComposeForm>;
