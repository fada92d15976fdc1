import { ActionIcon, Anchor, Box, CopyButton, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Clause } from '../../types.ts';
import { scriptLang, type ScriptView } from './script.ts';
import { ScriptText } from './ScriptText.tsx';

/** The clauses of an agreement, each addressable as #clause-<key> and with a link to copy. */
export function Clauses({ code, clauses, view, target }: { code: string; clauses: Clause[]; view: ScriptView; target: string | null }) {
  return (
    <Box component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
      {clauses.map((clause) => (
        <ClauseItem key={clause.key} code={code} clause={clause} view={view} targeted={target === `clause-${clause.key}`} />
      ))}
    </Box>
  );
}

function ClauseItem({ code, clause, view, targeted }: { code: string; clause: Clause; view: ScriptView; targeted: boolean }) {
  const { t } = useTranslation();
  const anchor = `clause-${clause.key}`;
  const link = `${window.location.origin}/agreements/${code}#${anchor}`;
  const headingScript = view === 'hans' ? 'zh-Hans' : 'zh-Hant';
  return (
    <Box component="li" id={anchor} className="clause" data-target={targeted} tabIndex={-1} ml={clause.level === 2 ? 'xl' : 0} mb="sm">
      <Group gap="xs" wrap="nowrap" align="start">
        <Box miw={clause.level === 2 ? 44 : 36} pt={2}>
          <Anchor href={`#${anchor}`} fw={700}>
            <VisuallyHidden>{t('agreement.clauseLink', { key: clause.key })}</VisuallyHidden>
            {clause.label}
          </Anchor>
        </Box>
        <Box style={{ flex: 1, minWidth: 0 }}>
          {clause.heading && (
            <Text fw={700} lang={scriptLang[headingScript]} mb={4} pt={2}>
              {clause.heading[headingScript]}
              {view === 'both' && clause.heading['zh-Hans'] !== clause.heading['zh-Hant'] && (
                <span lang={scriptLang['zh-Hans']}>{` / ${clause.heading['zh-Hans']}`}</span>
              )}
            </Text>
          )}
          {(clause.text['zh-Hant'] || clause.text['zh-Hans']) && <ScriptText text={clause.text} view={view} />}
        </Box>
        <CopyButton value={link} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('agreement.linkCopied') : t('agreement.copyLink')} withArrow>
              <ActionIcon
                variant="subtle"
                color={copied ? 'teal' : 'gray'}
                size="md"
                onClick={copy}
                aria-label={copied ? t('agreement.linkCopied') : t('agreement.copyClauseLink', { key: clause.key })}
              >
                <LinkIcon />
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Box>
  );
}

function LinkIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" />
      <path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
    </svg>
  );
}
