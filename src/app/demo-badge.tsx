/**
 * "Demo data" in the header of a demo build. Its words live here, not in messages.ts: a live
 * build drops the badge, and with it them.
 */
import { Badge } from '@/components/ui/badge';
import type { Locale } from '@/lib/locales';
import { localized, type Dictionary } from '@/lib/messages';

const en = {
  demoData: 'Demo data',
  demoDataShort: 'Demo',
  demoDataHint: 'Fixtures served in the browser; no API is called.',
} as const;

const ptBR: Dictionary<typeof en> = {
  demoData: 'Dados de demonstração',
  demoDataShort: 'Demo',
  demoDataHint: 'Dados de exemplo servidos no navegador; nenhuma API é chamada.',
};

export const demoBadgeDictionaries: Record<Locale, Dictionary<typeof en>> = { en, 'pt-BR': ptBR };

const demoBadgeMessages = localized(demoBadgeDictionaries);

export function DemoBadge() {
  const t = demoBadgeMessages();
  return (
    <Badge
      className="border-violet-500/50 bg-violet-50 text-violet-900 dark:border-violet-400/50 dark:bg-violet-400/10 dark:text-violet-100"
      title={t.demoDataHint}
    >
      {/* A phone has room for one short word beside the language and the menu. */}
      <span className="sm:hidden" aria-hidden="true">
        {t.demoDataShort}
      </span>
      <span className="sr-only sm:not-sr-only">{t.demoData}</span>
    </Badge>
  );
}
